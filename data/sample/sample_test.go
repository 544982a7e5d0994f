package sample

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"partneryste/data"
)

// sampleFile is the import format decoded strictly into the model types, so
// that a misspelt or unknown field in sample.json fails the test.
type sampleFile struct {
	Format        string              `json:"format"`
	Version       int                 `json:"version"`
	Exported      time.Time           `json:"exported"`
	Profile       data.Profile        `json:"profile"`
	Events        []data.Event        `json:"events"`
	PracticeCases []data.PracticeCase `json:"practice_cases"`
	Consultations []data.Consultation `json:"consultations"`
}

func decodeSample(t *testing.T) sampleFile {
	t.Helper()

	dec := json.NewDecoder(bytes.NewReader(JSON()))
	dec.DisallowUnknownFields()
	var f sampleFile
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("decode sample.json: %v", err)
	}
	if dec.More() {
		t.Fatal("sample.json has data after the top-level object")
	}
	return f
}

var (
	schoolYearStart = data.Date{Year: 2026, Month: time.September, Day: 1}
	schoolYearEnd   = data.Date{Year: 2027, Month: time.June, Day: 30}
	sampleToday     = data.Date{Year: 2026, Month: time.December, Day: 4}
)

func TestJSON_header(t *testing.T) {
	f := decodeSample(t)

	if f.Format != "partneryste" {
		t.Errorf("format = %q, want %q", f.Format, "partneryste")
	}
	if f.Version != 1 {
		t.Errorf("version = %d, want 1", f.Version)
	}
	if f.Profile.AssociationID == "" {
		t.Error("profile.association_id is empty")
	}
	if f.Profile.Name != AssociationName {
		t.Errorf("profile.name = %q, want %q", f.Profile.Name, AssociationName)
	}
	if !utf8.Valid(JSON()) {
		t.Error("sample.json is not valid UTF-8")
	}
}

func TestJSON_returnsCopy(t *testing.T) {
	b := JSON()
	b[0] = 'X'

	if JSON()[0] == 'X' {
		t.Error("changing the returned slice changed the embedded data")
	}
}

func TestJSON_counts(t *testing.T) {
	f := decodeSample(t)

	if n := len(f.Events); n < 28 || n > 35 {
		t.Errorf("%d events, want about 30", n)
	}
	if n := len(f.PracticeCases); n < 10 {
		t.Errorf("%d practice cases, want at least 10", n)
	}
	if n := len(f.Consultations); n < 18 {
		t.Errorf("%d consultations, want at least 18", n)
	}
}

func TestJSON_stableIDs(t *testing.T) {
	f := decodeSample(t)

	check := func(prefix string, ids []string) {
		t.Helper()
		for i, id := range ids {
			want := fmt.Sprintf("%s%02d", prefix, i+1)
			if id != want {
				t.Errorf("record %d has id %q, want %q", i, id, want)
			}
		}
	}
	check("sample-event-", collect(f.Events, func(e data.Event) string { return e.ID }))
	check("sample-case-", collect(f.PracticeCases, func(c data.PracticeCase) string { return c.ID }))
	check("sample-consultation-", collect(f.Consultations, func(c data.Consultation) string { return c.ID }))
}

func TestJSON_recordsValidate(t *testing.T) {
	f := decodeSample(t)

	var records []data.Record
	for i := range f.Events {
		records = append(records, &f.Events[i])
	}
	for i := range f.PracticeCases {
		records = append(records, &f.PracticeCases[i])
	}
	for i := range f.Consultations {
		records = append(records, &f.Consultations[i])
	}

	for _, r := range records {
		if err := r.Validate(); err != nil {
			var ve *data.ValidationError
			if errors.As(err, &ve) {
				t.Errorf("%s %s: %v", r.RecordKind(), r.Header().ID, ve)
				continue
			}
			t.Errorf("%s %s: Validate returned %T, want *data.ValidationError: %v", r.RecordKind(), r.Header().ID, err, err)
		}
	}
}

func TestJSON_eventsCoverSchoolYear(t *testing.T) {
	f := decodeSample(t)

	types := map[data.EventType]int{}
	var allDay, multiDay, online, public, internal, december int
	for _, e := range f.Events {
		types[e.Type]++
		if e.FirstDay().Before(schoolYearStart) || schoolYearEnd.Before(e.LastDay()) {
			t.Errorf("%s runs %s … %s, outside the school year", e.ID, e.FirstDay(), e.LastDay())
		}
		if e.LastDay().Before(e.FirstDay()) {
			t.Errorf("%s ends on %s before it starts on %s", e.ID, e.LastDay(), e.FirstDay())
		}
		if e.AllDay {
			allDay++
			if !e.Start.IsZero() || !e.End.IsZero() {
				t.Errorf("%s is all-day but has start or end times", e.ID)
			}
		} else if !e.Start.Before(e.End) {
			t.Errorf("%s: start %v is not before end %v", e.ID, e.Start, e.End)
		}
		if e.FirstDay() != e.LastDay() {
			multiDay++
		}
		if e.OnlineURL != "" {
			online++
		}
		if e.Public {
			public++
		} else {
			internal++
		}
		if e.FirstDay().Year == 2026 && e.FirstDay().Month == time.December {
			december++
		}
		if strings.TrimSpace(e.Title) == "" || strings.TrimSpace(e.Description) == "" || strings.TrimSpace(e.Audience) == "" {
			t.Errorf("%s lacks a title, a description or an audience", e.ID)
		}
	}

	for _, typ := range data.EventTypes {
		if types[typ] == 0 {
			t.Errorf("no event of type %q", typ)
		}
	}
	if allDay < 5 {
		t.Errorf("%d all-day events, want at least 5", allDay)
	}
	if multiDay < 3 {
		t.Errorf("%d multi-day events, want at least 3", multiDay)
	}
	if online < 5 {
		t.Errorf("%d events with an online link, want at least 5", online)
	}
	if public == 0 || internal == 0 {
		t.Errorf("%d public and %d internal events, want both", public, internal)
	}
	if december < 5 {
		t.Errorf("%d events in December 2026, want at least 5 so the opening month is busy", december)
	}
}

// TestJSON_eventOffsets checks the offsets as written in the file, because
// decoding into time.Time would accept a wrong offset as a different instant.
// Lithuania is on +02:00 in winter and +03:00 from the last Sunday of March
// to the last Sunday of October.
func TestJSON_eventOffsets(t *testing.T) {
	var raw struct {
		Events []struct {
			ID    string `json:"id"`
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"events"`
	}
	if err := json.Unmarshal(JSON(), &raw); err != nil {
		t.Fatalf("decode events: %v", err)
	}

	var winter, summer int
	for _, e := range raw.Events {
		for _, s := range []string{e.Start, e.End} {
			if s == "" {
				continue
			}
			ts, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t.Errorf("%s: %q is not RFC 3339: %v", e.ID, s, err)
				continue
			}
			want := ts.In(data.Vilnius).Format(time.RFC3339)
			if s != want {
				t.Errorf("%s: written as %q, want %q (Vilnius offset that day)", e.ID, s, want)
			}
			switch {
			case strings.HasSuffix(s, "+02:00"):
				winter++
			case strings.HasSuffix(s, "+03:00"):
				summer++
			}
		}
	}
	if winter == 0 || summer == 0 {
		t.Errorf("%d winter and %d summer times, want both", winter, summer)
	}
}

// TestJSON_eventsAroundDSTChanges pins the events placed next to each clock
// change, so that a generator that ignored the change would be caught.
func TestJSON_eventsAroundDSTChanges(t *testing.T) {
	f := decodeSample(t)

	wantOffset := map[string]int{
		"sample-event-07": 3 * 3600, // 2026-10-22, before the last Sunday of October
		"sample-event-08": 2 * 3600, // 2026-10-27, after it
		"sample-event-25": 2 * 3600, // 2027-03-25, before the last Sunday of March
		"sample-event-26": 3 * 3600, // 2027-04-01, after it
	}
	for _, e := range f.Events {
		want, ok := wantOffset[e.ID]
		if !ok {
			continue
		}
		delete(wantOffset, e.ID)
		if _, got := e.Start.Zone(); got != want {
			t.Errorf("%s starts at %v with offset %d s, want %d s", e.ID, e.Start, got, want)
		}
	}
	for id := range wantOffset {
		t.Errorf("event %s is missing", id)
	}
}

func TestJSON_practiceCaseSections(t *testing.T) {
	f := decodeSample(t)

	var longest int
	for _, c := range f.PracticeCases {
		for _, s := range c.Sections() {
			text := *s.Text
			longest = max(longest, utf8.RuneCountInString(text))

			paras := strings.Split(text, "\n\n")
			if len(paras) < 3 {
				t.Errorf("%s %s has %d paragraphs, want at least 3", c.ID, s.Field, len(paras))
			}
			for i, p := range paras {
				if strings.TrimSpace(p) == "" || p != strings.TrimSpace(p) {
					t.Errorf("%s %s paragraph %d is empty or has stray whitespace", c.ID, s.Field, i+1)
				}
			}
		}
	}
	if longest < 6000 {
		t.Errorf("longest section has %d characters, want at least 6000", longest)
	}
}

func TestJSON_practiceCaseMetadata(t *testing.T) {
	f := decodeSample(t)

	subjects := map[string]bool{}
	statuses := map[data.CaseStatus]bool{}
	levels := map[data.EducationLevel]bool{}
	for _, c := range f.PracticeCases {
		subjects[c.Subject] = true
		statuses[c.Status] = true
		for _, l := range c.Levels {
			levels[l] = true
		}

		if n := len(c.Authors); n < 1 || n > 3 {
			t.Errorf("%s has %d authors, want 1 to 3", c.ID, n)
		}
		for i, a := range c.Authors {
			if a.Name == "" || a.School == "" || a.Role == "" {
				t.Errorf("%s author %d lacks a name, a school or a role: %+v", c.ID, i+1, a)
			}
		}
		if c.Grades == "" || c.Licence == "" || len(c.Keywords) < 3 || len(c.Levels) == 0 {
			t.Errorf("%s lacks grades, licence, levels or at least 3 keywords", c.ID)
		}
	}

	if len(subjects) < 5 {
		t.Errorf("%d subjects, want at least 5", len(subjects))
	}
	for _, s := range data.CaseStatuses {
		if !statuses[s] {
			t.Errorf("no practice case with status %q", s)
		}
	}
	for _, l := range data.EducationLevels {
		if !levels[l] {
			t.Errorf("no practice case for level %q", l)
		}
	}
}

// TestJSON_lithuanianLetters checks that search folding, collation, fonts
// and the PDF meet every Lithuanian letter in the sample. Ę and Ų begin no
// Lithuanian word, so only the capitals that do are required.
func TestJSON_lithuanianLetters(t *testing.T) {
	text := string(JSON())

	for _, r := range "ąčęėįšųūžĄČĖĮŠŪŽ" {
		if !strings.ContainsRune(text, r) {
			t.Errorf("sample.json has no %q", r)
		}
	}
}

func TestJSON_consultations(t *testing.T) {
	f := decodeSample(t)

	formats := map[data.ConsultationFormat]bool{}
	statuses := map[data.ConsultationStatus]bool{}
	categories := map[string]bool{}
	var followUps int
	for _, c := range f.Consultations {
		formats[c.Format] = true
		statuses[c.Status] = true
		categories[c.Category] = true

		if c.Date.Before(schoolYearStart) || sampleToday.Before(c.Date) {
			t.Errorf("%s is dated %s, want 2026-09-01 … %s", c.ID, c.Date, sampleToday)
		}
		if c.DurationMin <= 0 {
			t.Errorf("%s lasts %d min", c.ID, c.DurationMin)
		}
		if !c.FollowUp.IsZero() {
			followUps++
			if !c.Date.Before(c.FollowUp) {
				t.Errorf("%s follow-up %s is not after %s", c.ID, c.FollowUp, c.Date)
			}
		}
		if c.Topic == "" || c.Question == "" || c.Consultant == "" || c.Requester.Name == "" {
			t.Errorf("%s lacks a topic, a question, a consultant or a requester", c.ID)
		}
		if c.Status != data.ConsultationNew && c.Answer == "" {
			t.Errorf("%s has status %q but no answer", c.ID, c.Status)
		}
	}

	for _, v := range data.ConsultationFormats {
		if !formats[v] {
			t.Errorf("no consultation with format %q", v)
		}
	}
	for _, v := range data.ConsultationStatuses {
		if !statuses[v] {
			t.Errorf("no consultation with status %q", v)
		}
	}
	if len(categories) < 5 {
		t.Errorf("%d categories, want at least 5", len(categories))
	}
	if followUps < 3 {
		t.Errorf("%d follow-ups, want at least 3", followUps)
	}
}

var phonePattern = regexp.MustCompile(`^\+370 [0-9 ]+$`)

// TestJSON_fictionalContacts guards that every link and e-mail address in
// the sample points to a reserved example domain, so that loading the sample
// never sends a user to a real site or a real person.
func TestJSON_fictionalContacts(t *testing.T) {
	f := decodeSample(t)

	for _, e := range f.Events {
		for _, link := range []string{e.OnlineURL, e.RegistrationURL} {
			if link == "" {
				continue
			}
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: %q does not parse: %v", e.ID, link, err)
				continue
			}
			if u.Scheme != "https" || !exampleHost(u.Hostname()) {
				t.Errorf("%s: link %q is not https on an example domain", e.ID, link)
			}
		}
	}

	for _, c := range f.Consultations {
		contact := c.Requester.Contact
		if strings.Contains(contact, "@") {
			addr, err := mail.ParseAddress(contact)
			if err != nil {
				t.Errorf("%s: %q is not an e-mail address: %v", c.ID, contact, err)
				continue
			}
			if !exampleHost(addr.Address[strings.LastIndex(addr.Address, "@")+1:]) {
				t.Errorf("%s: %q is not on an example domain", c.ID, contact)
			}
			continue
		}
		if !phonePattern.MatchString(contact) {
			t.Errorf("%s: contact %q is neither an example e-mail nor a +370 number", c.ID, contact)
		}
	}
}

func exampleHost(host string) bool {
	for _, domain := range []string{"example.lt", "example.org"} {
		if host == domain || strings.HasSuffix(host, "."+domain) {
			return true
		}
	}
	return false
}

func collect[T any](records []T, id func(T) string) []string {
	ids := make([]string, 0, len(records))
	for _, r := range records {
		ids = append(ids, id(r))
	}
	return slices.Clip(ids)
}
