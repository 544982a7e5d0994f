package data

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func validEdition() Edition {
	return Edition{
		Title:    DefaultEditionTitle,
		Year:     2026,
		Editors:  []string{"Rūta Žemaitienė", "Jonas Čepulis"},
		Foreword: "Šiame leidinyje – geriausi metų aprašai.",
		Imprint: Imprint{
			Publisher: "Švietimo plėtotės centras",
			Place:     "Vilnius",
			ISBN:      "978-0-306-40615-7",
			Licence:   "CC BY 4.0",
		},
		Chapters: []Chapter{
			{Title: "Chemija", CaseIDs: []string{"a", "b"}},
			{Title: "Fizika", CaseIDs: []string{"c"}},
		},
	}
}

func TestEdition_Validate_valid(t *testing.T) {
	ed := validEdition()
	if err := ed.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}

	empty := Edition{Title: DefaultEditionTitle, Year: 2026}
	if err := empty.Validate(); err != nil {
		t.Errorf("Validate() of an edition without chapters = %v, want nil", err)
	}
}

func TestEdition_Validate_fields(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Edition)
		field  string
		code   string
	}{
		{"no title", func(e *Edition) { e.Title = "  " }, "title", CodeRequired},
		{"long title", func(e *Edition) { e.Title = strings.Repeat("ž", MaxTitle+1) }, "title", CodeTooLong},
		{"no year", func(e *Edition) { e.Year = 0 }, "year", CodeRequired},
		{"negative year", func(e *Edition) { e.Year = -5 }, "year", CodeOutOfRange},
		{"year too big", func(e *Edition) { e.Year = 10000 }, "year", CodeOutOfRange},
		{"blank editor", func(e *Edition) { e.Editors = []string{"Ona", ""} }, "editors.1", CodeRequired},
		{"too many editors", func(e *Edition) { e.Editors = slices.Repeat([]string{"Ona"}, MaxEditors+1) }, "editors", CodeTooMany},
		{"long foreword", func(e *Edition) { e.Foreword = strings.Repeat("a", MaxSection+1) }, "foreword", CodeTooLong},
		{"bad check digit", func(e *Edition) { e.Imprint.ISBN = "978-0-306-40615-8" }, "imprint.isbn", CodeInvalidValue},
		{"isbn letters", func(e *Edition) { e.Imprint.ISBN = "ISBN 978-0-306-40615-7" }, "imprint.isbn", CodeInvalidValue},
		{"long publisher", func(e *Edition) { e.Imprint.Publisher = strings.Repeat("p", MaxShort+1) }, "imprint.publisher", CodeTooLong},
		{"invalid utf8 place", func(e *Edition) { e.Imprint.Place = "Vilni\xffus" }, "imprint.place", CodeInvalidUTF8},
		{"chapter without title", func(e *Edition) { e.Chapters[1].Title = "" }, "chapters.1.title", CodeRequired},
		{"blank case id", func(e *Edition) { e.Chapters[0].CaseIDs = []string{"a", " "} }, "chapters.0.case_ids.1", CodeRequired},
		{"case twice", func(e *Edition) { e.Chapters[1].CaseIDs = []string{"c", "a"} }, "chapters.1.case_ids.1", CodeInvalidValue},
		{"too many chapters", func(e *Edition) { e.Chapters = slices.Repeat([]Chapter{{Title: "X"}}, MaxChapters+1) }, "chapters", CodeTooMany},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed := validEdition()
			tt.change(&ed)

			err := ed.Validate()
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("Validate() = %v, want a *ValidationError", err)
			}
			if verr.Kind != KindEdition {
				t.Errorf("Kind = %q, want %q", verr.Kind, KindEdition)
			}
			fe, ok := verr.Field(tt.field)
			if !ok {
				t.Fatalf("no error for %q in %v", tt.field, verr)
			}
			if fe.Code != tt.code {
				t.Errorf("code for %q = %q, want %q", tt.field, fe.Code, tt.code)
			}
		})
	}
}

func TestValidISBN(t *testing.T) {
	tests := []struct {
		isbn string
		want bool
	}{
		{"978-0-306-40615-7", true},
		{"9780306406157", true},
		{"978 0 306 40615 7", true},
		{"979-10-90636-07-1", true},
		{"0-306-40615-2", true},
		{"0-8044-2957-X", true},
		{"0-8044-2957-x", true},
		{"978-0-306-40615-0", false},
		{"977-0-306-40615-7", false},
		{"0-306-40615-3", false},
		{"X-306-40615-2", false},
		{"978-0-306-4061X-7", false},
		{"97803064061", false},
		{"978-0-306-40615-7-1", false},
		{"", false},
		{"978–0–306–40615–7", false}, // en dashes are not hyphens
	}
	for _, tt := range tests {
		if got := ValidISBN(tt.isbn); got != tt.want {
			t.Errorf("ValidISBN(%q) = %v, want %v", tt.isbn, got, tt.want)
		}
	}
}

func TestDefaultChapters_lithuanianOrder(t *testing.T) {
	cases := []PracticeCase{
		{Meta: Meta{ID: "z1"}, Subject: "Žemės ūkis", Title: "Sėja"},
		{Meta: Meta{ID: "s1"}, Subject: "Šokis", Title: "Ritmas"},
		{Meta: Meta{ID: "c2"}, Subject: "Chemija", Title: "Čiobrelių aliejus"},
		{Meta: Meta{ID: "c1"}, Subject: "chemija ", Title: "Cinkas"},
		{Meta: Meta{ID: "s2"}, Subject: "Sveikata", Title: "Miegas"},
		{Meta: Meta{ID: "i1"}, Subject: "Informatika", Title: "Yda kode"},
		{Meta: Meta{ID: "i2"}, Subject: "Informatika", Title: "Ilgi ciklai"},
		{Meta: Meta{ID: "i3"}, Subject: "Informatika", Title: "Ilgi ciklai"},
		{Meta: Meta{ID: "z2"}, Subject: "Zoologija", Title: "Vabzdžiai"},
		{Meta: Meta{ID: "g1"}, Subject: "geografija", Title: "Žemėlapiai"},
	}

	got := DefaultChapters(cases)
	want := []Chapter{
		{Title: "Chemija", CaseIDs: []string{"c1", "c2"}},
		// y sorts with i, so "Yda" comes before "Ilgi".
		{Title: "Geografija", CaseIDs: []string{"g1"}},
		{Title: "Informatika", CaseIDs: []string{"i1", "i2", "i3"}},
		{Title: "Sveikata", CaseIDs: []string{"s2"}},
		{Title: "Šokis", CaseIDs: []string{"s1"}},
		{Title: "Zoologija", CaseIDs: []string{"z2"}},
		{Title: "Žemės ūkis", CaseIDs: []string{"z1"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DefaultChapters() =\n%+v\nwant\n%+v", got, want)
	}

	slices.Reverse(cases)
	if again := DefaultChapters(cases); !reflect.DeepEqual(again, want) {
		t.Errorf("DefaultChapters() of reversed input =\n%+v\nwant\n%+v", again, want)
	}
}

func TestDefaultChapters_empty(t *testing.T) {
	if got := DefaultChapters(nil); len(got) != 0 {
		t.Errorf("DefaultChapters(nil) = %+v, want none", got)
	}
}

func TestNewEdition_defaults(t *testing.T) {
	ed := NewEdition(2027, []PracticeCase{{Meta: Meta{ID: "a"}, Subject: "Fizika", Title: "Svirtys"}})
	if ed.Title != DefaultEditionTitle || ed.Year != 2027 {
		t.Errorf("title, year = %q, %d, want %q, 2027", ed.Title, ed.Year, DefaultEditionTitle)
	}
	if ids := ed.CaseIDs(); !slices.Equal(ids, []string{"a"}) {
		t.Errorf("CaseIDs() = %v, want [a]", ids)
	}
	if err := ed.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
}

func TestEdition_JSONRoundTrip(t *testing.T) {
	ed := validEdition()
	ed.Meta = Meta{ID: "edition-2026", Revision: 3, Created: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}

	raw, err := json.Marshal(ed)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"id":"edition-2026"`, `"case_ids":["a","b"]`, `"isbn":"978-0-306-40615-7"`, `"foreword":`} {
		if !strings.Contains(string(raw), key) {
			t.Errorf("JSON lacks %s: %s", key, raw)
		}
	}

	var back Edition
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, ed) {
		t.Errorf("round trip =\n%+v\nwant\n%+v", back, ed)
	}
}

func TestEdition_isRecord(t *testing.T) {
	var r Record = &Edition{Title: "Leidinys", Editors: []string{"Ona Ąžuolienė"}, Chapters: []Chapter{{Title: "Biologija"}}}
	if r.RecordKind() != KindEdition {
		t.Errorf("RecordKind() = %q", r.RecordKind())
	}
	if text := r.SearchText(); !strings.Contains(text, "Ona Ąžuolienė") || !strings.Contains(text, "Biologija") {
		t.Errorf("SearchText() = %q, want editors and chapter titles", text)
	}
}
