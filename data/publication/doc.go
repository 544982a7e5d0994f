// Package publication writes the yearly publication "Metodinės
// rekomendacijos mokytojams" as a print-ready A4 PDF: a cover, an imprint
// page, a table of contents with page numbers and links, an optional
// foreword, one chapter per data.Chapter with its practice cases, and
// indexes of associations and authors. A running header names the chapter,
// the footer numbers the pages, and the PDF outline mirrors the chapters
// and cases.
//
// The writer uses codeberg.org/go-pdf/fpdf with the DejaVu fonts embedded
// in package assets and subset on output. No core PDF font is used anywhere,
// because core fonts are cp1252 and would garble Lithuanian letters. It lays
// out lines itself: it justifies paragraphs, breaks words and addresses
// wider than the line, and keeps a heading together with at least two lines
// of its text.
//
// Write renders into memory and writes nothing until the whole document is
// ready, so a failed export never leaves half a file behind. The same input
// and Options.CreationDate give the same bytes.
package publication
