package publication

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"partneryste/data"
)

// Page geometry in millimetres: A4 with mirrored print margins, the inner
// margin at the binding.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginInner  = 25.0
	marginOuter  = 20.0
	marginTop    = 25.0
	marginBottom = 25.0
	textWidth    = pageWidth - marginInner - marginOuter
	textBottom   = pageHeight - marginBottom

	headerBaseline = 15.0 // running header text, inside the top margin
	headerRule     = 17.5
	footerTop      = pageHeight - 17.0 // page number, inside the bottom margin
)

// Font families as registered with fpdf.
const (
	familySerif = "serif"
	familySans  = "sans"
)

// style is a font, its size in points and the line height in millimetres.
type style struct {
	family     string
	fontStyle  string
	size       float64
	lineHeight float64
}

// The document's text styles.
var (
	styleBody         = style{familySerif, "", 10, 5.0}
	styleAuthorName   = style{familySerif, "B", 10, 5.0}
	styleAuthorDetail = style{familySerif, "I", 10, 5.0}
	styleMetaLabel    = style{familySans, "", 8, 4.6}
	styleMetaValue    = style{familySerif, "", 9, 4.6}
	styleSection      = style{familySans, "B", 11, 6.0}
	styleCaseTitle    = style{familySans, "B", 15, 7.0}
	styleChapterTitle = style{familySans, "B", 20, 9.0}
	styleHeader       = style{familySans, "", 8, 4.0}
	styleFolio        = style{familySans, "", 9, 4.0}
	styleTOCChapter   = style{familySans, "B", 10.5, 5.6}
	styleTOCCase      = style{familySerif, "", 10, 5.0}
	styleIndex        = style{familySerif, "", 9.5, 4.8}
	styleImprint      = style{familySerif, "", 9, 4.6}
	styleImprintTitle = style{familySerif, "B", 9, 4.6}
	styleCoverTitle   = style{familySans, "B", 26, 11.5}
	styleCoverYear    = style{familySans, "", 18, 9.0}
	styleCoverSmall   = style{familySans, "", 11, 5.6}
)

// Colours as RGB.
var (
	colourText   = [3]int{0, 0, 0}
	colourMuted  = [3]int{90, 90, 90}
	colourRule   = [3]int{150, 150, 150}
	colourAccent = [3]int{26, 82, 118}
)

// document is the state of one export.
type document struct {
	pdf    *fpdf.Fpdf
	ed     data.Edition
	cases  map[string]data.PracticeCase
	opts   Options
	labels Labels

	font      style // the font last set, to skip redundant SetFont calls
	y         float64
	left      float64 // left text edge of the current page
	numbering bool    // whether pages added now get a page number

	chapters []chapterPlan
	caseRefs map[string]target // the start of each case
	foreword target
	indexes  []indexPlan
	tocPages int
}

// target is a place in the document: its page and internal link.
type target struct {
	page int
	link int
}

// chapterPlan is a chapter that has cases, with its resolved cases.
type chapterPlan struct {
	title string
	cases []*data.PracticeCase
	start target
}

func newDocument(ed data.Edition, cases map[string]data.PracticeCase, opts Options) *document {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetMargins(marginInner, marginTop, marginOuter)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(opts.CreationDate)
	pdf.SetModificationDate(opts.CreationDate)
	pdf.SetDisplayMode("fullpage", "TwoPageRight")
	for _, f := range fontFiles() {
		pdf.AddUTF8FontFromBytes(f.family, f.style, f.data)
	}

	d := &document{pdf: pdf, ed: ed, cases: cases, opts: opts, labels: opts.Labels, caseRefs: map[string]target{}}
	for _, ch := range ed.Chapters {
		if len(ch.CaseIDs) == 0 {
			continue
		}
		plan := chapterPlan{title: ch.Title}
		for _, id := range ch.CaseIDs {
			pc := cases[id]
			plan.cases = append(plan.cases, &pc)
		}
		d.chapters = append(d.chapters, plan)
	}
	return d
}

// build lays out the whole document. The table of contents needs the
// pages where chapters start, so its pages are reserved after measuring
// its entries, and it is written into them at the end.
func (d *document) build(ctx context.Context) error {
	d.setMetadata()

	d.cover()
	d.imprint()

	entries := d.tocEntries()
	d.tocPages = d.layoutTOC(entries, 0)
	tocFirst := d.pdf.PageNo() + 1
	for i := 0; i < d.tocPages; i++ {
		header := d.labels.Contents
		if i == 0 {
			header = ""
		}
		d.newPage(header, true)
		if i == 0 {
			d.setStyle(styleChapterTitle)
			d.pdf.Bookmark(d.labels.Contents, 0, marginTop)
		}
	}

	if strings.TrimSpace(d.ed.Foreword) != "" {
		d.forewordPages()
	}

	total := len(d.ed.CaseIDs())
	done := 0
	for i := range d.chapters {
		if err := ctx.Err(); err != nil {
			return err
		}
		ch := &d.chapters[i]
		for j, pc := range ch.cases {
			if err := ctx.Err(); err != nil {
				return err
			}
			d.practiceCase(ch, j, pc)
			done++
			if d.opts.Progress != nil {
				d.opts.Progress(done, total)
			}
		}
	}

	d.indexPages()

	// The entries now carry their pages: write the reserved pages.
	entries = d.tocEntries()
	d.layoutTOC(entries, tocFirst)
	d.pdf.SetPage(d.pdf.PageCount()) // fpdf truncates the output without it

	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("lay out pdf: %w", err)
	}
	return nil
}

func (d *document) setMetadata() {
	ed := d.ed
	d.pdf.SetTitle(ed.Title, true)
	author := strings.Join(ed.Editors, ", ")
	if author == "" {
		author = ed.Imprint.Publisher
	}
	d.pdf.SetAuthor(author, true)
	d.pdf.SetSubject(d.labels.PublicationSubject+", "+strconv.Itoa(ed.Year), true)
	var keywords []string
	for _, ch := range d.chapters {
		keywords = append(keywords, ch.title)
	}
	d.pdf.SetKeywords(strings.Join(keywords, ", "), true)
	d.pdf.SetCreator("Partnerystė", true)
	d.pdf.SetLang("lt")
}

// newPage starts a page with the running header text (none when empty)
// and, when numbered, the page number in the footer. Both sit at the
// outer edge: the right on odd (recto) pages, the left on even ones.
func (d *document) newPage(header string, numbered bool) {
	d.pdf.AddPage()
	page := d.pdf.PageNo()
	d.left = pageLeft(page)
	d.y = marginTop
	d.resetFont()

	if header != "" {
		d.setStyle(styleHeader)
		d.setTextColour(colourMuted)
		text := d.truncate(header, textWidth*0.85)
		d.cell(d.left, headerBaseline-3, textWidth, 4, text, outerAlign(page))
		d.setTextColour(colourText)
		d.rule(d.left, headerRule, textWidth, 0.2)
	}
	if numbered {
		d.setStyle(styleFolio)
		d.cell(d.left, footerTop, textWidth, 4, strconv.Itoa(page), outerAlign(page))
	}
}

// pageLeft returns the left text edge of a page: the inner margin on odd
// pages, which are bound on the left, and the outer margin on even ones.
func pageLeft(page int) float64 {
	if page%2 == 1 {
		return marginInner
	}
	return marginOuter
}

func outerAlign(page int) string {
	if page%2 == 1 {
		return "R"
	}
	return "L"
}

// setStyle selects the style's font unless it is already selected.
func (d *document) setStyle(s style) {
	if s == d.font {
		return
	}
	d.pdf.SetFont(s.family, s.fontStyle, s.size)
	d.font = s
}

// resetFont writes the current font into the current page again. fpdf
// skips SetFont for the font it last set, which may not be the font of a
// page that SetPage returned to.
func (d *document) resetFont() {
	if d.font.family == "" {
		return
	}
	d.pdf.SetFont(d.font.family, d.font.fontStyle, d.font.size+1)
	d.pdf.SetFont(d.font.family, d.font.fontStyle, d.font.size)
}

func (d *document) setTextColour(c [3]int) { d.pdf.SetTextColor(c[0], c[1], c[2]) }

// cell writes one line of text in a box at (x, y) of width w and height h.
// align is "L", "R", "C" or "J"; "J" stretches the spaces to fill w.
func (d *document) cell(x, y, w, h float64, text, align string) {
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, text, "", 0, align, false, 0, "")
}

// rule draws a horizontal line of the given thickness.
func (d *document) rule(x, y, w, thickness float64) {
	d.pdf.SetDrawColor(colourRule[0], colourRule[1], colourRule[2])
	d.pdf.SetLineWidth(thickness)
	d.pdf.Line(x, y, x+w, y)
}

// width returns the width of text in the current font.
func (d *document) width(text string) float64 { return d.pdf.GetStringWidth(text) }

// truncate shortens text with an ellipsis to fit width in the current font.
func (d *document) truncate(text string, width float64) string {
	if d.width(text) <= width {
		return text
	}
	budget := width - d.width("…")
	used := 0.0
	for i, r := range text {
		used += d.width(string(r))
		if used > budget {
			return strings.TrimSpace(text[:i]) + "…"
		}
	}
	return text
}

// spaceLeft returns the height left above the bottom margin.
func (d *document) spaceLeft() float64 { return textBottom - d.y }
