package data

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// KindEdition names an edition of the yearly publication. Editions are not
// kept in the store yet, so KindEdition is not in Kinds.
const KindEdition Kind = "edition"

// DefaultEditionTitle is the title of the network's yearly publication.
const DefaultEditionTitle = "Metodinės rekomendacijos mokytojams"

// Limits of an edition, beyond the text limits in limits.go.
const (
	MaxEditors  = 20  // editors (sudarytojai) of one edition
	MaxChapters = 200 // chapters of one edition
	MaxYear     = 9999
)

// Edition is one edition of the yearly publication "Metodinės
// rekomendacijos mokytojams": approved practice cases ordered into
// chapters, with a foreword and an imprint. It is a plain JSON record so
// that it can later be stored and synced like the others.
type Edition struct {
	Meta
	Title    string    `json:"title"`
	Year     int       `json:"year"`
	Editors  []string  `json:"editors"`
	Foreword string    `json:"foreword"`
	Imprint  Imprint   `json:"imprint"`
	Chapters []Chapter `json:"chapters"`
}

// Imprint is the publisher's information printed on the back of the title
// page (metrikos). Every field is optional.
type Imprint struct {
	Publisher string `json:"publisher"`
	Place     string `json:"place"`
	// ISBN is an ISBN-10 or ISBN-13, with or without hyphens or spaces.
	ISBN    string `json:"isbn"`
	Licence string `json:"licence"`
}

// Chapter is one chapter of an edition: a title and the ids of its
// practice cases in print order.
type Chapter struct {
	Title   string   `json:"title"`
	CaseIDs []string `json:"case_ids"`
}

// NewEdition returns an edition of year with the default title and one
// chapter per subject (see DefaultChapters).
func NewEdition(year int, cases []PracticeCase) Edition {
	return Edition{
		Title:    DefaultEditionTitle,
		Year:     year,
		Chapters: DefaultChapters(cases),
	}
}

// RecordKind returns KindEdition.
func (*Edition) RecordKind() Kind { return KindEdition }

// CaseIDs returns the ids of every case of the edition in print order.
func (e *Edition) CaseIDs() []string {
	var ids []string
	for _, ch := range e.Chapters {
		ids = append(ids, ch.CaseIDs...)
	}
	return ids
}

// SearchText returns the edition's title, editors, foreword and chapter
// titles, one per line.
func (e *Edition) SearchText() string {
	texts := []string{e.Title}
	texts = append(texts, e.Editors...)
	texts = append(texts, e.Foreword)
	for _, ch := range e.Chapters {
		texts = append(texts, ch.Title)
	}
	return joinTexts(texts...)
}

// Validate checks every field of the edition and returns a
// *ValidationError that lists each invalid one, or nil. An edition needs a
// title and a year. Each chapter needs a title, and a case may appear only
// once in the whole edition. A wrong ISBN check digit gives
// CodeInvalidValue on "imprint.isbn".
func (e *Edition) Validate() error {
	c := newChecker(KindEdition)
	c.textLimit("title", e.Title, true, MaxTitle)

	switch {
	case e.Year == 0:
		c.add("year", CodeRequired, 0)
	case e.Year < 1 || e.Year > MaxYear:
		c.add("year", CodeOutOfRange, MaxYear)
	}

	if len(e.Editors) > MaxEditors {
		c.add("editors", CodeTooMany, MaxEditors)
	}
	for i, name := range e.Editors {
		c.textLimit("editors."+strconv.Itoa(i), name, true, MaxShort)
	}
	c.textLimit("foreword", e.Foreword, false, MaxSection)

	c.textLimit("imprint.publisher", e.Imprint.Publisher, false, MaxShort)
	c.textLimit("imprint.place", e.Imprint.Place, false, MaxShort)
	c.textLimit("imprint.licence", e.Imprint.Licence, false, MaxShort)
	if c.textLimit("imprint.isbn", e.Imprint.ISBN, false, MaxShort) && e.Imprint.ISBN != "" && !ValidISBN(e.Imprint.ISBN) {
		c.add("imprint.isbn", CodeInvalidValue, 0)
	}

	if len(e.Chapters) > MaxChapters {
		c.add("chapters", CodeTooMany, MaxChapters)
	}
	seen := map[string]bool{}
	for i, ch := range e.Chapters {
		prefix := "chapters." + strconv.Itoa(i) + "."
		c.textLimit(prefix+"title", ch.Title, true, MaxTitle)
		for j, id := range ch.CaseIDs {
			field := prefix + "case_ids." + strconv.Itoa(j)
			switch {
			case strings.TrimSpace(id) == "":
				c.add(field, CodeRequired, 0)
			case seen[id]:
				c.add(field, CodeInvalidValue, 0)
			}
			seen[id] = true
		}
	}
	return c.err()
}

// ValidISBN reports whether s is an ISBN-13 (prefix 978 or 979) or an
// ISBN-10 with a correct check digit. Hyphens and spaces between the digits
// are ignored, and an ISBN-10 may end in X.
func ValidISBN(s string) bool {
	digits := make([]byte, 0, 13)
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9', ch == 'X', ch == 'x':
			digits = append(digits, ch)
		case ch == '-' || ch == ' ':
		default:
			return false
		}
	}

	switch len(digits) {
	case 13:
		if !bytes.HasPrefix(digits, []byte("978")) && !bytes.HasPrefix(digits, []byte("979")) {
			return false
		}
		sum := 0
		for i, d := range digits {
			if d < '0' || d > '9' {
				return false
			}
			weight := 1
			if i%2 == 1 {
				weight = 3
			}
			sum += weight * int(d-'0')
		}
		return sum%10 == 0
	case 10:
		sum := 0
		for i, d := range digits {
			value := int(d - '0')
			if d == 'X' || d == 'x' {
				if i != 9 {
					return false
				}
				value = 10
			}
			sum += (10 - i) * value
		}
		return sum%11 == 0
	}
	return false
}

// DefaultChapters returns one chapter per subject of cases, titled with the
// subject. Subjects that differ only in case or surrounding spaces share a
// chapter, titled with the first spelling that starts with a capital letter
// (or the first spelling, capitalised).
//
// Chapters are ordered by subject and cases within a chapter by title,
// both in Lithuanian collation. Cases with equal titles are ordered by id,
// so the result does not depend on the input order.
func DefaultChapters(cases []PracticeCase) []Chapter {
	type entry struct {
		subjectKey []byte
		titleKey   []byte
		subject    string
		id         string
	}
	entries := make([]entry, 0, len(cases))
	for _, pc := range cases {
		subject := strings.TrimSpace(pc.Subject)
		entries = append(entries, entry{SortKeyLT(subject), SortKeyLT(pc.Title), subject, pc.ID})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(
			bytes.Compare(a.subjectKey, b.subjectKey),
			bytes.Compare(a.titleKey, b.titleKey),
			strings.Compare(a.id, b.id),
		)
	})

	var chapters []Chapter
	var lastKey []byte
	for i, e := range entries {
		if i == 0 || !bytes.Equal(e.subjectKey, lastKey) {
			chapters = append(chapters, Chapter{Title: e.subject})
			lastKey = e.subjectKey
		}
		last := &chapters[len(chapters)-1]
		last.CaseIDs = append(last.CaseIDs, e.id)
		if !startsUpper(last.Title) && startsUpper(e.subject) {
			last.Title = e.subject
		}
	}
	for i := range chapters {
		chapters[i].Title = capitalize(chapters[i].Title)
	}
	return chapters
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
