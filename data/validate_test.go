package data

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func validEvent() *Event {
	start := time.Date(2026, 3, 11, 10, 0, 0, 0, Vilnius)
	return &Event{
		Title:           "Seminaras apie skaitmeninį raštingumą",
		Type:            EventSeminar,
		Start:           start,
		End:             start.Add(2 * time.Hour),
		Place:           "Vilniaus licėjus",
		OnlineURL:       "https://meet.example.lt/seminaras",
		Description:     "Dalijamės patirtimi.",
		Audience:        "Pradinių klasių mokytojai",
		RegistrationURL: "http://registracija.example.lt/?id=5",
	}
}

func validAllDayEvent() *Event {
	return &Event{
		Title:     "Vasaros stovykla",
		Type:      EventCourse,
		AllDay:    true,
		StartDate: Date{2026, time.July, 1},
		EndDate:   Date{2026, time.July, 3},
	}
}

func validCase() *PracticeCase {
	return &PracticeCase{
		Title:    "Žaidybinis matematikos mokymas",
		Authors:  []Author{{Name: "Rūta Žemaitė", School: "Kauno progimnazija", Role: "mokytoja metodininkė"}},
		Subject:  "Matematika",
		Levels:   []EducationLevel{LevelPrimary, LevelBasic},
		Grades:   "3–6 kl.",
		Keywords: []string{"žaidimai", "motyvacija"},
		Summary:  "Trumpai apie patirtį.",
		Status:   CaseDraft,
	}
}

func validConsultation() *Consultation {
	return &Consultation{
		Date:        Date{2026, time.February, 2},
		DurationMin: 45,
		Format:      FormatPhone,
		Topic:       "Vertinimo kriterijai",
		Category:    "Vertinimas",
		Requester:   Requester{Name: "Jonas Jonaitis", School: "Alytaus gimnazija", Contact: "jonas@example.lt"},
		Question:    "Kaip vertinti projektinius darbus?",
		Answer:      "Pagal aiškius kriterijus.",
		Consultant:  "Asta",
		Status:      ConsultationAnswered,
	}
}

type validateCase struct {
	name   string
	record Record
	want   []FieldError // nil for a valid record
}

func validateCases() []validateCase {
	ev := func(change func(*Event)) Record {
		e := validEvent()
		change(e)
		return e
	}
	allDay := func(change func(*Event)) Record {
		e := validAllDayEvent()
		change(e)
		return e
	}
	pc := func(change func(*PracticeCase)) Record {
		p := validCase()
		change(p)
		return p
	}
	co := func(change func(*Consultation)) Record {
		c := validConsultation()
		change(c)
		return c
	}
	long := func(n int) string { return strings.Repeat("ž", n) }
	bad := "ge\xffra"

	return []validateCase{
		{"event valid", validEvent(), nil},
		{"event all-day valid", validAllDayEvent(), nil},
		{"event one-day all-day valid", allDay(func(e *Event) { e.EndDate = e.StartDate }), nil},
		{"event zero-length valid", ev(func(e *Event) { e.End = e.Start }), nil},
		{"event title at limit", ev(func(e *Event) { e.Title = long(MaxTitle) }), nil},
		{"event empty", &Event{}, []FieldError{
			{Field: "title", Code: CodeRequired},
			{Field: "type", Code: CodeRequired},
			{Field: "start", Code: CodeRequired},
			{Field: "end", Code: CodeRequired},
		}},
		{"event blank title", ev(func(e *Event) { e.Title = " \t\n" }), []FieldError{{Field: "title", Code: CodeRequired}}},
		{"event title too long", ev(func(e *Event) { e.Title = long(MaxTitle + 1) }), []FieldError{{Field: "title", Code: CodeTooLong, Limit: MaxTitle}}},
		{"event unknown type", ev(func(e *Event) { e.Type = "party" }), []FieldError{{Field: "type", Code: CodeInvalidValue}}},
		{"event end before start", ev(func(e *Event) { e.End = e.Start.Add(-time.Minute) }), []FieldError{{Field: "end", Code: CodeEndBeforeStart}}},
		{"event all-day end before start", allDay(func(e *Event) { e.EndDate = Date{2026, time.June, 30} }), []FieldError{{Field: "end_date", Code: CodeEndBeforeStart}}},
		{"event all-day dates missing", allDay(func(e *Event) { e.StartDate, e.EndDate = Date{}, Date{} }), []FieldError{
			{Field: "start_date", Code: CodeRequired},
			{Field: "end_date", Code: CodeRequired},
		}},
		{"event all-day impossible date", allDay(func(e *Event) { e.StartDate = Date{2026, time.February, 30} }), []FieldError{{Field: "start_date", Code: CodeInvalidDate}}},
		{"event relative url", ev(func(e *Event) { e.OnlineURL = "/seminaras" }), []FieldError{{Field: "online_url", Code: CodeInvalidURL}}},
		{"event ftp url", ev(func(e *Event) { e.RegistrationURL = "ftp://example.lt/a" }), []FieldError{{Field: "registration_url", Code: CodeInvalidURL}}},
		{"event url without host", ev(func(e *Event) { e.OnlineURL = "https:///kelias" }), []FieldError{{Field: "online_url", Code: CodeInvalidURL}}},
		{"event url with space", ev(func(e *Event) { e.OnlineURL = "https://example.lt/a b" }), []FieldError{{Field: "online_url", Code: CodeInvalidURL}}},
		{"event url javascript", ev(func(e *Event) { e.OnlineURL = "javascript:alert(1)" }), []FieldError{{Field: "online_url", Code: CodeInvalidURL}}},
		{"event url too long", ev(func(e *Event) { e.OnlineURL = "https://example.lt/" + strings.Repeat("a", MaxURL) }), []FieldError{{Field: "online_url", Code: CodeTooLong, Limit: MaxURL}}},
		{"event description too long", ev(func(e *Event) { e.Description = long(MaxEventText + 1) }), []FieldError{{Field: "description", Code: CodeTooLong, Limit: MaxEventText}}},
		{"event invalid utf8", ev(func(e *Event) { e.Place, e.Audience = bad, bad }), []FieldError{
			{Field: "place", Code: CodeInvalidUTF8},
			{Field: "audience", Code: CodeInvalidUTF8},
		}},

		{"case valid", validCase(), nil},
		{"case empty", &PracticeCase{}, []FieldError{
			{Field: "title", Code: CodeRequired},
			{Field: "authors", Code: CodeRequired},
			{Field: "subject", Code: CodeRequired},
			{Field: "status", Code: CodeRequired},
		}},
		{"case author without name", pc(func(p *PracticeCase) {
			p.Authors = append(p.Authors, Author{School: "Mokykla"})
		}), []FieldError{{Field: "authors.1.name", Code: CodeRequired}}},
		{"case too many authors", pc(func(p *PracticeCase) {
			for len(p.Authors) <= MaxAuthors {
				p.Authors = append(p.Authors, Author{Name: "Autorius"})
			}
		}), []FieldError{{Field: "authors", Code: CodeTooMany, Limit: MaxAuthors}}},
		{"case author school too long", pc(func(p *PracticeCase) { p.Authors[0].School = long(MaxShort + 1) }), []FieldError{{Field: "authors.0.school", Code: CodeTooLong, Limit: MaxShort}}},
		{"case unknown level", pc(func(p *PracticeCase) { p.Levels = []EducationLevel{LevelPrimary, "university"} }), []FieldError{{Field: "levels.1", Code: CodeInvalidValue}}},
		{"case duplicate level", pc(func(p *PracticeCase) { p.Levels = []EducationLevel{LevelPrimary, LevelPrimary} }), []FieldError{{Field: "levels.1", Code: CodeInvalidValue}}},
		{"case grades too long", pc(func(p *PracticeCase) { p.Grades = long(MaxGrades + 1) }), []FieldError{{Field: "grades", Code: CodeTooLong, Limit: MaxGrades}}},
		{"case too many keywords", pc(func(p *PracticeCase) { p.Keywords = make([]string, MaxKeywords+1); fillKeywords(p.Keywords) }), []FieldError{{Field: "keywords", Code: CodeTooMany, Limit: MaxKeywords}}},
		{"case keyword too long", pc(func(p *PracticeCase) { p.Keywords[1] = long(MaxKeyword + 1) }), []FieldError{{Field: "keywords.1", Code: CodeTooLong, Limit: MaxKeyword}}},
		{"case blank keyword", pc(func(p *PracticeCase) { p.Keywords[0] = " " }), []FieldError{{Field: "keywords.0", Code: CodeRequired}}},
		{"case section at limit", pc(func(p *PracticeCase) { p.Activities = long(MaxSection) }), nil},
		{"case section too long", pc(func(p *PracticeCase) { p.Results = long(MaxSection + 1) }), []FieldError{{Field: "results", Code: CodeTooLong, Limit: MaxSection}}},
		{"case unknown status", pc(func(p *PracticeCase) { p.Status = "deleted" }), []FieldError{{Field: "status", Code: CodeInvalidValue}}},
		{"case invalid utf8 in section", pc(func(p *PracticeCase) { p.Methods = bad }), []FieldError{{Field: "methods", Code: CodeInvalidUTF8}}},
		{"case with reviews valid", pc(func(p *PracticeCase) {
			p.Review = &Review{Status: CaseApproved, Comment: "Puiku", SectionComments: map[string]string{"goals": "Aiškūs"}, Reviewer: "koordinatorius"}
			p.History = []Review{{Status: CaseReturned, Comment: "Papildykite"}}
		}), nil},
		{"case review unknown status", pc(func(p *PracticeCase) { p.Review = &Review{Status: "rejected"} }), []FieldError{{Field: "review.status", Code: CodeInvalidValue}}},
		{"case review without status", pc(func(p *PracticeCase) { p.History = []Review{{Comment: "x"}} }), []FieldError{{Field: "history.0.status", Code: CodeRequired}}},
		{"case review comment on unknown section", pc(func(p *PracticeCase) {
			p.Review = &Review{Status: CaseReturned, SectionComments: map[string]string{"goals": "Gerai", "budget": "?"}}
		}), []FieldError{{Field: "review.section_comments", Code: CodeInvalidValue}}},
		{"case history comment too long", pc(func(p *PracticeCase) {
			p.History = []Review{{Status: CaseApproved}, {Status: CaseReturned, Comment: long(MaxComment + 1)}}
		}), []FieldError{{Field: "history.1.comment", Code: CodeTooLong, Limit: MaxComment}}},
		{"case invalid utf8 in keyword", pc(func(p *PracticeCase) { p.Keywords[0] = bad }), []FieldError{{Field: "keywords.0", Code: CodeInvalidUTF8}}},

		{"consultation valid", validConsultation(), nil},
		{"consultation phone contact", co(func(c *Consultation) { c.Requester.Contact = "+370 612 34567" }), nil},
		{"consultation without requester", co(func(c *Consultation) { c.Requester = Requester{} }), nil},
		{"consultation longest duration", co(func(c *Consultation) { c.DurationMin = MaxDuration }), nil},
		{"consultation empty", &Consultation{}, []FieldError{
			{Field: "date", Code: CodeRequired},
			{Field: "duration_min", Code: CodeRequired},
			{Field: "format", Code: CodeRequired},
			{Field: "topic", Code: CodeRequired},
			{Field: "status", Code: CodeRequired},
		}},
		{"consultation negative duration", co(func(c *Consultation) { c.DurationMin = -5 }), []FieldError{{Field: "duration_min", Code: CodeOutOfRange, Limit: MaxDuration}}},
		{"consultation duration over a day", co(func(c *Consultation) { c.DurationMin = MaxDuration + 1 }), []FieldError{{Field: "duration_min", Code: CodeOutOfRange, Limit: MaxDuration}}},
		{"consultation bad email", co(func(c *Consultation) { c.Requester.Contact = "jonas@" }), []FieldError{{Field: "requester.contact", Code: CodeInvalidEmail}}},
		{"consultation email with name", co(func(c *Consultation) { c.Requester.Contact = "Jonas <jonas@example.lt>" }), []FieldError{{Field: "requester.contact", Code: CodeInvalidEmail}}},
		{"consultation email with spaces", co(func(c *Consultation) { c.Requester.Contact = " jonas@example.lt" }), []FieldError{{Field: "requester.contact", Code: CodeInvalidEmail}}},
		{"consultation unknown format", co(func(c *Consultation) { c.Format = "fax" }), []FieldError{{Field: "format", Code: CodeInvalidValue}}},
		{"consultation unknown status", co(func(c *Consultation) { c.Status = "lost" }), []FieldError{{Field: "status", Code: CodeInvalidValue}}},
		{"consultation question too long", co(func(c *Consultation) { c.Question = long(MaxQA + 1) }), []FieldError{{Field: "question", Code: CodeTooLong, Limit: MaxQA}}},
		{"consultation invalid follow-up", co(func(c *Consultation) { c.FollowUp = Date{2026, 13, 1} }), []FieldError{{Field: "follow_up", Code: CodeInvalidDate}}},
		{"consultation invalid utf8 in requester", co(func(c *Consultation) { c.Requester.Name = bad }), []FieldError{{Field: "requester.name", Code: CodeInvalidUTF8}}},
	}
}

func fillKeywords(keywords []string) {
	for i := range keywords {
		keywords[i] = "žodis"
	}
}

func TestValidate_rules(t *testing.T) {
	for _, tc := range validateCases() {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.record.Validate()
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}

			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("Validate() = %v (%T), want *ValidationError", err, err)
			}
			if verr.Kind != tc.record.RecordKind() {
				t.Errorf("Kind = %q, want %q", verr.Kind, tc.record.RecordKind())
			}
			if verr.Index != -1 {
				t.Errorf("Index = %d, want -1", verr.Index)
			}
			if len(verr.Fields) != len(tc.want) {
				t.Fatalf("fields = %+v, want %+v", verr.Fields, tc.want)
			}
			for i, want := range tc.want {
				if verr.Fields[i] != want {
					t.Errorf("field %d = %+v, want %+v", i, verr.Fields[i], want)
				}
			}
		})
	}
}

func TestValidate_nilInterface(t *testing.T) {
	var r Record = validEvent()
	if err := r.Validate(); err != nil {
		t.Fatalf("valid event: Validate() = %#v, want a nil error interface", err)
	}
}

func TestLimit_matchesValidation(t *testing.T) {
	cases := []struct {
		kind  Kind
		field string
		want  int
	}{
		{KindEvent, "title", MaxTitle},
		{KindEvent, "description", MaxEventText},
		{KindPractice, "authors.name", MaxShort},
		{KindPractice, "keywords", MaxKeyword},
		{KindPractice, "activities", MaxSection},
		{KindConsultation, "answer", MaxQA},
		{KindConsultation, "duration_min", MaxDuration},
		{KindConsultation, "status", 0},
	}
	for _, tc := range cases {
		if got := Limit(tc.kind, tc.field); got != tc.want {
			t.Errorf("Limit(%s, %q) = %d, want %d", tc.kind, tc.field, got, tc.want)
		}
	}
	if got := MaxItems(KindPractice, "authors"); got != MaxAuthors {
		t.Errorf("MaxItems(practice, authors) = %d, want %d", got, MaxAuthors)
	}
	if got := MaxItems(KindPractice, "keywords"); got != MaxKeywords {
		t.Errorf("MaxItems(practice, keywords) = %d, want %d", got, MaxKeywords)
	}
	if got := MaxItems(KindEvent, "title"); got != 0 {
		t.Errorf("MaxItems(event, title) = %d, want 0", got)
	}
}

func TestSearchText_fields(t *testing.T) {
	p := validCase()
	p.Methods = "Stotelių metodas"
	text := p.SearchText()
	for _, want := range []string{p.Title, "Rūta Žemaitė", "Kauno progimnazija", "Matematika", "motyvacija", "Trumpai apie patirtį.", "Stotelių metodas"} {
		if !strings.Contains(text, want) {
			t.Errorf("case SearchText() lacks %q", want)
		}
	}

	e := validEvent()
	text = e.SearchText()
	for _, want := range []string{e.Title, e.Place, e.Description, e.Audience} {
		if !strings.Contains(text, want) {
			t.Errorf("event SearchText() lacks %q", want)
		}
	}
}

func TestSearchText_consultationOmitsRequester(t *testing.T) {
	c := validConsultation()
	text := c.SearchText()
	for _, want := range []string{c.Topic, c.Category, c.Question, c.Answer, c.Consultant} {
		if !strings.Contains(text, want) {
			t.Errorf("SearchText() lacks %q", want)
		}
	}
	for _, personal := range []string{c.Requester.Name, c.Requester.School, c.Requester.Contact} {
		if strings.Contains(text, personal) {
			t.Errorf("SearchText() contains requester data %q", personal)
		}
	}
}

func TestLogValue_redactsRequester(t *testing.T) {
	c := validConsultation()
	c.ID = "c-123"
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, nil))
	logger.Info("saved", "consultation", c, "value", *c, "requester", c.Requester)

	out := buf.String()
	for _, want := range []string{"c-123", c.Topic, "[redacted]"} {
		if !strings.Contains(out, want) {
			t.Errorf("log %q lacks %q", out, want)
		}
	}
	for _, personal := range []string{"Jonas", "Alytaus", "jonas@example.lt", c.Question} {
		if strings.Contains(out, personal) {
			t.Errorf("log %q contains %q", out, personal)
		}
	}
}

// FuzzValidate puts arbitrary text in every kind of field: Validate must
// never panic and must return only *ValidationError with known codes.
func FuzzValidate(f *testing.F) {
	for _, tc := range validateCases() {
		switch r := tc.record.(type) {
		case *Event:
			f.Add(r.Title, string(r.Type), r.OnlineURL, 30)
		case *PracticeCase:
			f.Add(r.Title, string(r.Status), r.Subject, len(r.Keywords))
		case *Consultation:
			f.Add(r.Topic, string(r.Format), r.Requester.Contact, r.DurationMin)
		}
	}

	known := map[string]bool{
		CodeRequired: true, CodeTooLong: true, CodeInvalidURL: true, CodeInvalidEmail: true,
		CodeEndBeforeStart: true, CodeInvalidUTF8: true, CodeInvalidValue: true,
		CodeInvalidDate: true, CodeOutOfRange: true, CodeTooMany: true,
	}
	f.Fuzz(func(t *testing.T, text, enum, extra string, n int) {
		start := time.Unix(int64(n)*3600, 0)
		records := []Record{
			&Event{Title: text, Type: EventType(enum), OnlineURL: extra, RegistrationURL: text, Start: start, End: start.Add(time.Duration(n)), AllDay: n%2 == 0, StartDate: Date{n, time.Month(n % 14), n % 33}},
			&PracticeCase{Title: text, Status: CaseStatus(enum), Subject: extra, Authors: []Author{{Name: extra}}, Keywords: []string{text, extra}, Levels: []EducationLevel{EducationLevel(enum)}},
			&Consultation{Topic: text, Format: ConsultationFormat(enum), Status: ConsultationStatus(enum), Requester: Requester{Contact: extra}, DurationMin: n, Date: Date{n, time.Month(n % 13), 1}},
		}
		for _, r := range records {
			err := r.Validate()
			if err == nil {
				continue
			}
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("%s: Validate() = %T, want *ValidationError", r.RecordKind(), err)
			}
			for _, fe := range verr.Fields {
				if !known[fe.Code] || fe.Field == "" {
					t.Errorf("%s: unexpected field error %+v", r.RecordKind(), fe)
				}
			}
			_ = r.SearchText()
		}
	})
}

// BenchmarkValidate_fullCase validates a practice case whose seven
// sections are each at the limit.
func BenchmarkValidate_fullCase(b *testing.B) {
	p := validCase()
	for _, s := range p.Sections() {
		*s.Text = strings.Repeat("ž", MaxSection)
	}
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
