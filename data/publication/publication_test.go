package publication

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"partneryste/data"
)

const lithuanianLetters = "ąčęėįšųūž ĄČĘĖĮŠŲŪŽ"

func TestWrite_textRoundTrips(t *testing.T) {
	ed, cases := sampleEdition(t)
	first := ed.Chapters[0].CaseIDs[0]
	pc := cases[first]
	pc.Summary = "Raidės: " + lithuanianLetters + ".\n\n" + pc.Summary
	cases[first] = pc

	path := renderFile(t, ed, cases)
	text := squash(pdfText(t, path, 1, pageCount(t, path)))

	if !strings.Contains(text, lithuanianLetters) {
		t.Errorf("PDF text lacks the Lithuanian letters %q", lithuanianLetters)
	}
	for _, pc := range cases {
		if !strings.Contains(text, squash(pc.Title)) {
			t.Errorf("PDF text lacks the title %q", pc.Title)
		}
		for _, a := range pc.Authors {
			if !strings.Contains(text, a.Name) {
				t.Errorf("PDF text lacks the author %q of %s", a.Name, pc.ID)
			}
		}
	}
	for _, want := range []string{ed.Title, "Turinys", "Asociacijų rodyklė", "Autorių rodyklė", "ISBN 978-0-306-40615-7", "Vilnius, 2026", "Sudarytojai: Rūta Žemaitienė, Jonas Čepulis"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// tocPages returns the page that the table of contents gives for each
// title, read in layout mode from pages 3 and 4, where each entry is one
// line: the title, a dot leader and the number.
func tocPages(t *testing.T, path string, titles []string) map[string]int {
	t.Helper()
	needTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", "3", "-l", "4", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	entry := regexp.MustCompile(`^(.*?)[ .]*\s(\d+)$`)
	found := map[string]int{}
	for _, l := range strings.Split(string(out), "\n") {
		if m := entry.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			found[squash(m[1])], _ = strconv.Atoi(m[2])
		}
	}
	pages := map[string]int{}
	for _, title := range titles {
		page, ok := found[squash(title)]
		if !ok {
			t.Errorf("contents lack %q", title)
			continue
		}
		pages[title] = page
	}
	return pages
}

func TestWrite_contentsPageNumbers(t *testing.T) {
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)

	var titles []string
	for _, id := range ed.CaseIDs() {
		titles = append(titles, cases[id].Title)
	}
	pages := tocPages(t, path, titles)

	total := pageCount(t, path)
	for _, title := range titles {
		page, ok := pages[title]
		if !ok {
			continue
		}
		if page < 4 || page > total {
			t.Errorf("contents give page %d for %q, outside 4..%d", page, title, total)
			continue
		}
		if got := squash(pdfText(t, path, page, page)); !strings.Contains(got, squash(title)) {
			t.Errorf("page %d does not show %q, which the contents place there", page, title)
		}
		if before := squash(pdfText(t, path, page-1, page-1)); strings.Contains(before, squash(title)) && page-1 > 3 {
			t.Errorf("page %d already shows %q, but the contents give page %d", page-1, title, page)
		}
	}
}

func TestWrite_footerNumbersPages(t *testing.T) {
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)

	total := pageCount(t, path)
	for page := 1; page <= total; page++ {
		lines := strings.Fields(pdfText(t, path, page, page))
		if len(lines) == 0 {
			t.Errorf("page %d has no text", page)
			continue
		}
		hasNumber := len(lines) > 0 && lines[len(lines)-1] == strconv.Itoa(page)
		switch {
		case page <= 2 && hasNumber:
			t.Errorf("page %d (cover or imprint) has a page number", page)
		case page > 2 && !hasNumber:
			t.Errorf("page %d does not end with its number; its last word is %q", page, lines[len(lines)-1])
		}
	}
}

func TestWrite_runningHeaderNamesChapter(t *testing.T) {
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)

	// A chapter's second case starts on a page of its own, which carries
	// the chapter's title in the header.
	checked := 0
	for _, ch := range ed.Chapters {
		if len(ch.CaseIDs) < 2 {
			continue
		}
		title := cases[ch.CaseIDs[1]].Title
		page := tocPages(t, path, []string{title})[title]
		text := strings.TrimSpace(pdfText(t, path, page, page))
		if first, _, _ := strings.Cut(text, "\n"); strings.TrimSpace(first) != ch.Title {
			t.Errorf("page %d starts with %q, want the chapter title %q", page, first, ch.Title)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("the sample has no chapter with two cases")
	}
}

func TestWrite_metadata(t *testing.T) {
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)

	checks := map[string]string{
		"Title":   ed.Title,
		"Author":  "Rūta Žemaitienė, Jonas Čepulis",
		"Subject": "Gerosios patirties aprašai, 2026",
	}
	for field, want := range checks {
		if got := pdfInfo(t, path, field); got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	if got := pdfInfo(t, path, "Keywords"); !strings.Contains(got, ed.Chapters[0].Title) {
		t.Errorf("Keywords = %q, want the chapter titles", got)
	}
	if got := pdfInfo(t, path, "Page size"); !strings.Contains(got, "A4") {
		t.Errorf("page size = %q, want A4", got)
	}
}

func TestWrite_fontsEmbeddedNoCoreFont(t *testing.T) {
	needTool(t, "pdffonts", "poppler-utils")
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)

	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) != 5 {
		t.Errorf("pdffonts lists %d fonts, want the 5 DejaVu fonts:\n%s", len(lines), out)
	}
	for _, l := range lines {
		fields := strings.Fields(l)
		if !strings.Contains(l, "CID TrueType") || len(fields) < 5 || fields[len(fields)-5] != "yes" {
			t.Errorf("font is not an embedded TrueType font: %s", l)
		}
	}

	// The five font files take 2.5 MB: a smaller PDF shows they are subset.
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > 1<<20 {
		t.Errorf("the PDF takes %d bytes; the fonts do not look subset", info.Size())
	}
}

func TestWrite_sameBytesForSameInput(t *testing.T) {
	ed, cases := sampleEdition(t)
	var a, b, c bytes.Buffer
	if err := Write(&a, ed, cases, Options{CreationDate: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, ed, cases, Options{CreationDate: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of the same input differ")
	}

	if err := Write(&c, ed, cases, Options{CreationDate: fixedDate.AddDate(0, 0, 1)}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("exports with different creation dates are identical")
	}
}

// outlineTitles returns the PDF outline's titles with their levels, read
// with qpdf.
func outlineTitles(t *testing.T, path string) []string {
	t.Helper()
	needTool(t, "qpdf", "qpdf")
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	type item struct {
		Title string `json:"title"`
		Kids  []item `json:"kids"`
	}
	var doc struct {
		Outlines []item `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("parse qpdf output: %v", err)
	}
	var titles []string
	var walk func(items []item, depth int)
	walk = func(items []item, depth int) {
		for _, it := range items {
			titles = append(titles, strings.Repeat("  ", depth)+it.Title)
			walk(it.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 0)
	return titles
}

func TestWrite_outlineMirrorsChapters(t *testing.T) {
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)

	want := []string{"Turinys", "Pratarmė"}
	for _, ch := range ed.Chapters {
		want = append(want, ch.Title)
		for _, id := range ch.CaseIDs {
			want = append(want, "  "+cases[id].Title)
		}
	}
	want = append(want, "Asociacijų rodyklė", "Autorių rodyklė")

	if got := outlineTitles(t, path); !slices.Equal(got, want) {
		t.Errorf("outline =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWrite_indexes(t *testing.T) {
	ed, cases := sampleEdition(t)
	path := renderFile(t, ed, cases)
	total := pageCount(t, path)

	text := pdfText(t, path, total-1, total)
	for _, pc := range cases {
		for _, a := range pc.Authors {
			if !strings.Contains(squash(text), invertName(a.Name)) {
				t.Errorf("index of authors lacks %q", invertName(a.Name))
			}
		}
	}

	// Lithuanian order: "Č" after "C", "Š" after "S" and "Ž" after "Z".
	names := []string{"Čepulis, Jonas", "Cibulskis, Tomas", "Šimkus, Ona", "Sabaliauskas, Rokas", "Žukas, Ada", "Zujus, Eglė"}
	m := map[string][]target{}
	for i, n := range names {
		m[n] = []target{{page: 10 + i}, {page: 5}, {page: 10 + i}}
	}
	var got []string
	for _, e := range sortedEntries(m) {
		got = append(got, e.name)
		if len(e.refs) != 2 || e.refs[0].page != 5 {
			t.Errorf("%s refs = %v, want two pages in order without repeats", e.name, e.refs)
		}
	}
	want := []string{"Cibulskis, Tomas", "Čepulis, Jonas", "Sabaliauskas, Rokas", "Šimkus, Ona", "Zujus, Eglė", "Žukas, Ada"}
	if !slices.Equal(got, want) {
		t.Errorf("index order = %v, want %v", got, want)
	}
}

func TestInvertName(t *testing.T) {
	tests := map[string]string{
		"Rasa Ąžuolienė":          "Ąžuolienė, Rasa",
		"Ona Marija Kazlauskienė": "Kazlauskienė, Ona Marija",
		"Platonas":                "Platonas",
		"Jonaitis, Jonas":         "Jonaitis, Jonas",
		"  Eglė   Vaitkutė ":      "Vaitkutė, Eglė",
	}
	for name, want := range tests {
		if got := invertName(name); got != want {
			t.Errorf("invertName(%q) = %q, want %q", name, got, want)
		}
	}
}

// overflowEdition returns an edition of one case built to overflow: a
// 300-character title, an 80-letter word, long URLs and e-mail addresses,
// and a 30,000-character section.
func overflowEdition(t *testing.T) (data.Edition, map[string]data.PracticeCase) {
	t.Helper()
	pc := sampleCases(t)[0]
	pc.ID = "overflow"
	title := strings.Repeat("Ilgas pavadinimas apie žinių gilinimą ", 10)
	pc.Title = strings.TrimSpace(string([]rune(title)[:data.MaxTitle]))
	word := strings.Repeat("ž", 80)
	url := "https://www.example.lt/" + strings.Repeat("labai-ilgas-kelias/", 12) + "failas.pdf?versija=2026&kalba=lt"
	email := strings.Repeat("vardas.pavardenis", 6) + "@mokykla.example.lt"
	pc.Summary = "Žodis " + word + " baigiasi.\n\nAdresas " + url + " ir paštas " + email + ".\n\n" + url + " " + word
	paragraph := "Mokiniai tyrinėjo kiemą ir rašė išvadas į sąsiuvinius, o mokytoja padėjo. "
	section := strings.Repeat(paragraph, data.MaxSection/len([]rune(paragraph))+1)
	pc.Activities = string([]rune(section)[:data.MaxSection])
	pc.References = url + "\n" + email + "\n" + word

	ed := data.NewEdition(2026, []data.PracticeCase{pc})
	return ed, map[string]data.PracticeCase{pc.ID: pc}
}

func TestWrite_nothingOutsideMargins(t *testing.T) {
	needTool(t, "pdftoppm", "poppler-utils")
	ed, cases := overflowEdition(t)
	path := renderFile(t, ed, cases)

	text := squash(pdfText(t, path, 1, pageCount(t, path)))
	if !strings.Contains(text, squash(cases["overflow"].Title)) {
		t.Error("the 300-character title does not round-trip")
	}

	const dpi = 72.0
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(int(dpi)), "-gray", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(files) < 10 {
		t.Fatalf("rendered %d pages, want the overflow case to fill at least 10", len(files))
	}
	slices.Sort(files)

	px := func(mm float64) int { return int(mm / 25.4 * dpi) }
	for i, file := range files {
		page := i + 1
		img := readPNG(t, file)
		left := pageLeft(page)
		minX, maxX := px(left-1), px(left+textWidth+1)
		bounds := img.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				if x >= minX && x <= maxX {
					continue
				}
				if gray, _, _, _ := img.At(x, y).RGBA(); gray>>8 < 240 {
					t.Fatalf("page %d has ink at (%d, %d) px, outside the text box %d..%d px", page, x, y, minX, maxX)
				}
			}
		}
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return img
}

func TestWrite_badInputs(t *testing.T) {
	base := func(t *testing.T) (data.Edition, map[string]data.PracticeCase) { return sampleEdition(t) }
	tests := []struct {
		name   string
		change func(*data.Edition, map[string]data.PracticeCase)
	}{
		{"empty optional sections", func(ed *data.Edition, cases map[string]data.PracticeCase) {
			for id, pc := range cases {
				pc.Goals, pc.Methods, pc.References, pc.Grades, pc.Keywords, pc.Levels = "", "", "", "", nil, nil
				pc.Authors[0].School, pc.Authors[0].Role = "", ""
				cases[id] = pc
			}
		}},
		{"no cases", func(ed *data.Edition, cases map[string]data.PracticeCase) { ed.Chapters = nil }},
		{"chapter without cases", func(ed *data.Edition, cases map[string]data.PracticeCase) {
			ed.Chapters = append(ed.Chapters, data.Chapter{Title: "Tuščias skyrius"})
		}},
		{"no foreword or imprint", func(ed *data.Edition, cases map[string]data.PracticeCase) {
			ed.Foreword, ed.Editors, ed.Imprint = "", nil, data.Imprint{}
		}},
		{"windows line ends and tabs", func(ed *data.Edition, cases map[string]data.PracticeCase) {
			for id, pc := range cases {
				pc.Activities = strings.ReplaceAll(pc.Activities, "\n", "\r\n") + "\r\n\t- punktas\r\n1. pirmas"
				cases[id] = pc
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, cases := base(t)
			tt.change(&ed, cases)
			path := renderFile(t, ed, cases)
			if n := pageCount(t, path); n < 2 {
				t.Errorf("the PDF has %d pages, want at least cover and imprint", n)
			}
			if strings.Contains(pdfText(t, path, 1, pageCount(t, path)), "Tuščias skyrius") {
				t.Error("a chapter without cases is printed")
			}
		})
	}
}

func TestWrite_typedErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*data.Edition, map[string]data.PracticeCase) string
		field  string
		code   string
	}{
		{"emoji in a section", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			id := ed.Chapters[0].CaseIDs[0]
			pc := cases[id]
			pc.Results += " Puiku 🎉"
			cases[id] = pc
			return id
		}, "results", CodeUnsupportedChar},
		{"character the fonts lack", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			id := ed.Chapters[0].CaseIDs[0]
			pc := cases[id]
			pc.Authors[0].School = "学校"
			cases[id] = pc
			return id
		}, "authors.0.school", CodeUnsupportedChar},
		{"control character", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			id := ed.Chapters[0].CaseIDs[0]
			pc := cases[id]
			pc.Title += "\x07"
			cases[id] = pc
			return id
		}, "title", CodeUnsupportedChar},
		{"missing case", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			ed.Chapters[1].CaseIDs = []string{"no-such-case"}
			return "no-such-case"
		}, "chapters.1.case_ids.0", CodeCaseNotFound},
		{"invalid case", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			id := ed.Chapters[0].CaseIDs[0]
			pc := cases[id]
			pc.Title = ""
			cases[id] = pc
			return id
		}, "title", data.CodeRequired},
		{"invalid edition", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			ed.Imprint.ISBN = "978-0-306-40615-8"
			return ""
		}, "imprint.isbn", data.CodeInvalidValue},
		{"emoji in a chapter title", func(ed *data.Edition, cases map[string]data.PracticeCase) string {
			ed.Chapters[0].Title += " 🌱"
			return ""
		}, "chapters.0.title", CodeUnsupportedChar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, cases := sampleEdition(t)
			caseID := tt.change(&ed, cases)

			var buf bytes.Buffer
			err := Write(&buf, ed, cases, Options{CreationDate: fixedDate})
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("Write() = %v, want a *publication.Error", err)
			}
			if perr.CaseID != caseID || perr.Field != tt.field || perr.Code != tt.code {
				t.Errorf("error = {%q %q %q}, want {%q %q %q}", perr.CaseID, perr.Field, perr.Code, caseID, tt.field, tt.code)
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes before failing", buf.Len())
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("message %q does not name the field", err)
			}
		})
	}
}

func TestWrite_cancel(t *testing.T) {
	ed, cases := sampleEdition(t)
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	var buf bytes.Buffer
	err := Write(&buf, ed, cases, Options{CreationDate: fixedDate, Context: ctx, Progress: func(done, total int) {
		calls++
		if done == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Write() = %v, want context.Canceled", err)
	}
	if calls != 2 {
		t.Errorf("progress called %d times before the cancel took effect, want 2", calls)
	}
	if buf.Len() != 0 {
		t.Errorf("a cancelled export wrote %d bytes", buf.Len())
	}
}

func TestWrite_progressCountsCases(t *testing.T) {
	ed, cases := sampleEdition(t)
	var seen []int
	total := -1
	err := Write(&bytes.Buffer{}, ed, cases, Options{CreationDate: fixedDate, Progress: func(done, n int) {
		seen = append(seen, done)
		total = n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(cases) || len(seen) != len(cases) || seen[len(seen)-1] != len(cases) {
		t.Errorf("progress saw %v of %d, want 1..%d", seen, total, len(cases))
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWrite_writerError(t *testing.T) {
	ed, cases := sampleEdition(t)
	err := Write(failingWriter{}, ed, cases, Options{CreationDate: fixedDate})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Write() = %v, want the writer's error", err)
	}
}
