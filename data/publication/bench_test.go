package publication

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partneryste/data"
)

// benchCases is the size of the benchmark edition: about 300 pages.
const benchCases = 150

// benchEdition returns an edition of 150 approved cases made from the
// sample cases, with numbered titles and eight subjects.
func benchEdition(t testing.TB) (data.Edition, map[string]data.PracticeCase) {
	t.Helper()
	base := sampleCases(t)
	var list []data.PracticeCase
	for i := 0; i < benchCases; i++ {
		pc := base[i%len(base)]
		pc.ID = fmt.Sprintf("bench-%03d", i+1)
		pc.Title = fmt.Sprintf("%s (%d)", pc.Title, i+1)
		pc.Status = data.CaseApproved
		pc.Association = "sample-association"
		pc.Review, pc.History = nil, nil
		list = append(list, pc)
	}
	ed := data.NewEdition(2026, list)
	ed.Editors = []string{"Rūta Žemaitienė"}
	ed.Imprint = data.Imprint{Publisher: "Švietimo plėtotės centras", Place: "Vilnius"}
	return ed, byID(list)
}

func BenchmarkWrite150Cases(b *testing.B) {
	ed, cases := benchEdition(b)
	opts := Options{CreationDate: fixedDate, Associations: sampleAssociations}
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, ed, cases, opts); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB/pdf")
}

// TestBenchFiles writes the benchmark edition as bench.pdf and as
// bench.html (the same text, for LibreOffice) into the folder named by
// PUBLICATION_BENCH_DIR, and prints the time Write took. scripts/bench-pdf.sh
// runs it; without the variable it is skipped.
func TestBenchFiles(t *testing.T) {
	dir := os.Getenv("PUBLICATION_BENCH_DIR")
	if dir == "" {
		t.Skip("PUBLICATION_BENCH_DIR is not set; scripts/bench-pdf.sh sets it")
	}
	ed, cases := benchEdition(t)

	start := time.Now()
	var buf bytes.Buffer
	if err := Write(&buf, ed, cases, Options{CreationDate: fixedDate, Associations: sampleAssociations}); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if err := os.WriteFile(filepath.Join(dir, "bench.pdf"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("publication.Write: %d cases, %.3f s, %.2f MB\n", benchCases, elapsed.Seconds(), float64(buf.Len())/1e6)

	if err := os.WriteFile(filepath.Join(dir, "bench.html"), []byte(benchHTML(ed, cases)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// benchHTML returns the edition as a plain HTML document with the same
// headings, details and paragraphs.
func benchHTML(ed data.Edition, cases map[string]data.PracticeCase) string {
	labels := DefaultLabels()
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"lt\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", esc(ed.Title))
	fmt.Fprintf(&b, "<h1>%s</h1><p>%d</p>\n", esc(ed.Title), ed.Year)
	for _, ch := range ed.Chapters {
		fmt.Fprintf(&b, "<h1 style=\"page-break-before: always\">%s</h1>\n", esc(ch.Title))
		for _, id := range ch.CaseIDs {
			pc := cases[id]
			fmt.Fprintf(&b, "<h2 style=\"page-break-before: always\">%s</h2>\n", esc(pc.Title))
			for _, a := range pc.Authors {
				fmt.Fprintf(&b, "<p><b>%s</b>, <i>%s, %s</i></p>\n", esc(a.Name), esc(a.Role), esc(a.School))
			}
			fmt.Fprintf(&b, "<p>%s: %s. %s: %s</p>\n", labels.Subject, esc(pc.Subject), labels.Keywords, esc(strings.Join(pc.Keywords, ", ")))
			for _, s := range pc.Sections() {
				if strings.TrimSpace(*s.Text) == "" {
					continue
				}
				fmt.Fprintf(&b, "<h3>%s</h3>\n", labels.Sections[s.Field])
				for _, blk := range parseBlocks(*s.Text) {
					fmt.Fprintf(&b, "<p style=\"text-align: justify\">%s %s</p>\n", blk.marker, esc(blk.text))
				}
			}
		}
	}
	b.WriteString("</body></html>\n")
	return b.String()
}
