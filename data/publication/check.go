package publication

import (
	"errors"
	"fmt"
	"strconv"
	"sync"

	"golang.org/x/image/font/sfnt"

	"partneryste/assets"
	"partneryste/data"
)

// checkInput returns an *Error for the first problem that would stop the
// export, before any layout starts: an invalid edition, a missing or
// invalid case, or a character the fonts cannot print.
func checkInput(ed data.Edition, cases map[string]data.PracticeCase, associations map[string]string) error {
	if err := ed.Validate(); err != nil {
		return fromValidation("", err)
	}

	cov, err := loadCoverage()
	if err != nil {
		return &Error{Code: CodeInternal, Err: err}
	}
	checker := &charChecker{coverage: cov, known: map[rune]bool{}}

	edTexts := []struct{ field, text string }{
		{"title", ed.Title},
		{"foreword", ed.Foreword},
		{"imprint.publisher", ed.Imprint.Publisher},
		{"imprint.place", ed.Imprint.Place},
		{"imprint.isbn", ed.Imprint.ISBN},
		{"imprint.licence", ed.Imprint.Licence},
	}
	for i, name := range ed.Editors {
		edTexts = append(edTexts, struct{ field, text string }{"editors." + strconv.Itoa(i), name})
	}
	for i, ch := range ed.Chapters {
		edTexts = append(edTexts, struct{ field, text string }{"chapters." + strconv.Itoa(i) + ".title", ch.Title})
	}
	for _, t := range edTexts {
		if bad, ok := checker.firstUnsupported(t.text); !ok {
			return &Error{Field: t.field, Code: CodeUnsupportedChar, Char: bad}
		}
	}

	for i, ch := range ed.Chapters {
		for j, id := range ch.CaseIDs {
			pc, ok := cases[id]
			if !ok {
				field := fmt.Sprintf("chapters.%d.case_ids.%d", i, j)
				return &Error{CaseID: id, Field: field, Code: CodeCaseNotFound}
			}
			if err := checkCase(checker, id, &pc, associationName(associations, pc.Association)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkCase validates one case and checks every printed text of it,
// association being the association's printed name.
func checkCase(checker *charChecker, id string, pc *data.PracticeCase, association string) error {
	if err := pc.Validate(); err != nil {
		return fromValidation(id, err)
	}

	texts := []struct{ field, text string }{
		{"title", pc.Title},
		{"subject", pc.Subject},
		{"grades", pc.Grades},
		{"association", association},
	}
	for i, a := range pc.Authors {
		prefix := "authors." + strconv.Itoa(i) + "."
		texts = append(texts,
			struct{ field, text string }{prefix + "name", a.Name},
			struct{ field, text string }{prefix + "school", a.School},
			struct{ field, text string }{prefix + "role", a.Role})
	}
	for i, k := range pc.Keywords {
		texts = append(texts, struct{ field, text string }{"keywords." + strconv.Itoa(i), k})
	}
	for _, s := range pc.Sections() {
		texts = append(texts, struct{ field, text string }{s.Field, *s.Text})
	}

	for _, t := range texts {
		if bad, ok := checker.firstUnsupported(t.text); !ok {
			return &Error{CaseID: id, Field: t.field, Code: CodeUnsupportedChar, Char: bad}
		}
	}
	return nil
}

// associationName returns the printed name of the association id.
func associationName(names map[string]string, id string) string {
	if name := names[id]; name != "" {
		return name
	}
	return id
}

// fromValidation turns the first field of a *data.ValidationError into an
// *Error that keeps the whole validation error as its cause.
func fromValidation(caseID string, err error) error {
	var verr *data.ValidationError
	if !errors.As(err, &verr) || len(verr.Fields) == 0 {
		return &Error{CaseID: caseID, Code: CodeInternal, Err: err}
	}
	first := verr.Fields[0]
	return &Error{CaseID: caseID, Field: first.Field, Code: first.Code, Limit: first.Limit, Err: err}
}

// charChecker reports characters that some embedded font lacks, caching
// the answer per character.
type charChecker struct {
	coverage *coverage
	known    map[rune]bool
}

// firstUnsupported returns the first character of text that cannot be
// printed and false, or 0 and true. Line breaks and tabs are allowed
// because the layout turns them into breaks and spaces.
func (c *charChecker) firstUnsupported(text string) (rune, bool) {
	for _, r := range text {
		if r == '\n' || r == '\r' || r == '\t' || (r >= 0x20 && r < 0x7f) {
			continue
		}
		ok, seen := c.known[r]
		if !seen {
			ok = c.coverage.has(r)
			c.known[r] = ok
		}
		if !ok {
			return r, false
		}
	}
	return 0, true
}

// coverage holds the parsed fonts, to look characters up in their cmaps.
type coverage struct {
	fonts []*sfnt.Font
	mu    sync.Mutex
	buf   sfnt.Buffer
}

var (
	coverageOnce   sync.Once
	sharedCoverage *coverage
	coverageErr    error
)

func loadCoverage() (*coverage, error) {
	coverageOnce.Do(func() {
		c := &coverage{}
		for _, ttf := range fontFiles() {
			f, err := sfnt.Parse(ttf.data)
			if err != nil {
				coverageErr = fmt.Errorf("parse font %s: %w", ttf.name, err)
				return
			}
			c.fonts = append(c.fonts, f)
		}
		sharedCoverage = c
	})
	return sharedCoverage, coverageErr
}

// has reports whether every font has a glyph for r. Control characters
// and characters outside the Basic Multilingual Plane are never printable,
// because fpdf v0.12.0 encodes text as UCS-2 and mangles them.
func (c *coverage) has(r rune) bool {
	if r < 0x20 || (r >= 0x7f && r < 0xa0) || r > 0xffff {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range c.fonts {
		index, err := f.GlyphIndex(&c.buf, r)
		if err != nil || index == 0 {
			return false
		}
	}
	return true
}

// fontFile is one embedded font with the fpdf family and style it is
// registered under.
type fontFile struct {
	name   string
	family string
	style  string
	data   []byte
}

func fontFiles() []fontFile {
	return []fontFile{
		{"DejaVuSerif.ttf", familySerif, "", assets.SerifRegular},
		{"DejaVuSerif-Bold.ttf", familySerif, "B", assets.SerifBold},
		{"DejaVuSerif-Italic.ttf", familySerif, "I", assets.SerifItalic},
		{"DejaVuSans.ttf", familySans, "", assets.SansRegular},
		{"DejaVuSans-Bold.ttf", familySans, "B", assets.SansBold},
	}
}
