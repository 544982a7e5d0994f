package ical

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"partneryste/data"
	"partneryste/data/interop"
)

// lithuanianLetters holds every letter of the Lithuanian alphabet that is
// not ASCII, in both cases: two bytes each in UTF-8.
const lithuanianLetters = "ąčęėįšųūžĄČĘĖĮŠŲŪŽ"

func vilnius(year int, month time.Month, day, hour, minute int) time.Time {
	return time.Date(year, month, day, hour, minute, 0, 0, data.Vilnius)
}

// fixedNow is the import day of the tests, for the window of endless
// recurring events.
func fixedNow() time.Time { return vilnius(2026, 3, 1, 12, 0) }

func sampleEvents() []data.Event {
	updated := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
	return []data.Event{
		{
			Meta:  data.Meta{ID: "winter-1", Revision: 3, Created: updated, Updated: updated},
			Title: "Seminaras; „Kalba, kultūra“ \\ 2026", Type: data.EventSeminar,
			Start: vilnius(2026, 1, 15, 10, 0).UTC(), End: vilnius(2026, 1, 15, 12, 30).UTC(),
			Place:       "Vilnius, Gedimino pr. 1; 2 aukštas",
			Description: "Pirma eilutė\nAntra eilutė; su kabliataškiu, kableliu ir \\ brūkšniu\n\nPaskutinė.",
			Audience:    "Lietuvių kalbos mokytojai", OnlineURL: "https://example.org/susitikimas?a=1&b=2",
			RegistrationURL: "https://example.org/registracija", Public: true,
		},
		{
			Meta:  data.Meta{ID: "summer-1", Updated: updated},
			Title: "Vasaros stovykla", Type: data.EventCourse,
			Start: vilnius(2026, 7, 11, 10, 0).UTC(), End: vilnius(2026, 7, 11, 17, 0).UTC(),
		},
		{
			Meta:  data.Meta{ID: "allday-1", Updated: updated},
			Title: "Konferencija", Type: data.EventConference, AllDay: true,
			StartDate: data.Date{Year: 2026, Month: 3, Day: 30}, EndDate: data.Date{Year: 2026, Month: 4, Day: 1},
		},
		{
			Meta:  data.Meta{ID: "dst-night", Updated: updated},
			Title: "Naktinis renginys per laiko keitimą", Type: data.EventOther,
			Start: vilnius(2026, 10, 24, 22, 0).UTC(), End: vilnius(2026, 10, 25, 6, 0).UTC(),
		},
	}
}

// comparable returns the fields an import can give back.
func comparable(e data.Event) data.Event {
	return data.Event{
		Meta:  data.Meta{ID: e.ID},
		Title: e.Title, Type: e.Type, AllDay: e.AllDay,
		Start: e.Start.UTC(), End: e.End.UTC(), StartDate: e.StartDate, EndDate: e.EndDate,
		Place: e.Place, OnlineURL: e.OnlineURL, Description: e.Description, Audience: e.Audience,
		RegistrationURL: e.RegistrationURL, Public: e.Public,
	}
}

func exportString(t *testing.T, events []data.Event) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportICS(&buf, events); err != nil {
		t.Fatalf("ExportICS: %v", err)
	}
	return buf.String()
}

func importString(t *testing.T, text string) ([]data.Event, []interop.Problem) {
	t.Helper()
	events, problems, err := Import(strings.NewReader(text), ImportOptions{Now: fixedNow})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return events, problems
}

func assertSameEvents(t *testing.T, got, want []data.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := comparable(got[i]), comparable(want[i])
		if g != w {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestExportImport_roundTrip(t *testing.T) {
	want := sampleEvents()
	text := exportString(t, want)
	got, problems := importString(t, text)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	assertSameEvents(t, got, want)
}

func TestExportImport_lettersAcrossFolds(t *testing.T) {
	// Every letter lands on every byte position around the fold of a
	// SUMMARY and a DESCRIPTION line, both with and without spaces that
	// the library prefers to fold at.
	var events []data.Event
	for pad := 0; pad < 80; pad++ {
		for _, sep := range []string{"", " "} {
			var b strings.Builder
			b.WriteString(strings.Repeat("x", pad))
			for _, r := range lithuanianLetters {
				b.WriteRune(r)
				b.WriteString(sep)
			}
			text := strings.TrimSpace(b.String())
			events = append(events, data.Event{
				Meta:  data.Meta{ID: "fold-" + string(rune('a'+pad%26)) + string(rune('a'+pad/26)) + map[string]string{"": "n", " ": "s"}[sep]},
				Title: text, Type: data.EventMeeting, Description: text + "\n" + text,
				Start: vilnius(2026, 5, 5, 9, 0).UTC(), End: vilnius(2026, 5, 5, 10, 0).UTC(),
			})
		}
	}
	text := exportString(t, events)
	got, problems := importString(t, text)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	assertSameEvents(t, got, events)
}

func TestExport_lineLengthAndEncoding(t *testing.T) {
	events := sampleEvents()
	events[0].Description = strings.Repeat("Žąsų ganymas, šešėliai; ūkas. ", 40)
	text := exportString(t, events)
	if !strings.HasSuffix(text, "\r\n") {
		t.Errorf("export does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets, want at most 75: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d contains a bare line break: %q", i+1, line)
		}
	}
}

func TestExport_zonesAndDates(t *testing.T) {
	text := exportString(t, sampleEvents())
	unfolded := strings.ReplaceAll(text, "\r\n ", "")
	for _, want := range []string{
		"BEGIN:VTIMEZONE\r\nTZID:Europe/Vilnius\r\n",
		"TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nTZNAME:EEST\r\nDTSTART:19700329T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
		"TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\nDTSTART:19701025T040000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
		"UID:winter-1@partneryste.lt\r\n",
		"DTSTART;TZID=Europe/Vilnius:20260115T100000\r\n",
		"DTSTART;TZID=Europe/Vilnius:20260711T100000\r\n",
		"DTEND;TZID=Europe/Vilnius:20260711T170000\r\n",
		"DTSTART;VALUE=DATE:20260330\r\n",
		"DTEND;VALUE=DATE:20260402\r\n",
		`SUMMARY:Seminaras\; „Kalba\, kultūra“ \\ 2026` + "\r\n",
		`DESCRIPTION:Pirma eilutė\nAntra eilutė\; su kabliataškiu\, kableliu ir \\ brūkšniu\n\nPaskutinė.` + "\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Count(unfolded, "BEGIN:VTIMEZONE") != 1 {
		t.Errorf("export has %d VTIMEZONE blocks, want 1", strings.Count(unfolded, "BEGIN:VTIMEZONE"))
	}
}

func TestExport_crlfInTextBecomesLF(t *testing.T) {
	events := sampleEvents()[:1]
	events[0].Description = "a\r\nb\rc"
	got, problems := importString(t, exportString(t, events))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if got[0].Description != "a\nb\nc" {
		t.Errorf("description = %q, want %q", got[0].Description, "a\nb\nc")
	}
}

func TestExport_unsavedEventRejected(t *testing.T) {
	err := ExportICS(&bytes.Buffer{}, []data.Event{{Title: "Naujas"}})
	if err == nil {
		t.Fatal("ExportICS accepted an event without an id")
	}
}

func TestImport_reimportKeepsIDs(t *testing.T) {
	events := sampleEvents()
	first, _ := importString(t, exportString(t, events))
	first[0].Title = "Pakeistas pavadinimas"
	second, _ := importString(t, exportString(t, first))
	for i := range events {
		if second[i].ID != events[i].ID {
			t.Errorf("event %d id = %q, want %q", i, second[i].ID, events[i].ID)
		}
	}
	if second[0].Title != "Pakeistas pavadinimas" {
		t.Errorf("title = %q", second[0].Title)
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func findEvent(t *testing.T, events []data.Event, title string) data.Event {
	t.Helper()
	for _, e := range events {
		if e.Title == title {
			return e
		}
	}
	t.Fatalf("no event titled %q among %d events", title, len(events))
	return data.Event{}
}

func TestImport_outlook(t *testing.T) {
	events, problems := importString(t, readFixture(t, "outlook.ics"))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(events) != 3 {
		t.Fatalf("got %d events, want 3", len(events))
	}

	winter := findEvent(t, events, "Skaitmeninio raštingumo seminaras")
	if !winter.Start.Equal(vilnius(2026, 3, 11, 14, 0)) || !winter.End.Equal(vilnius(2026, 3, 11, 16, 0)) {
		t.Errorf("winter event %v – %v, want 14:00–16:00 Vilnius", winter.Start, winter.End)
	}
	if winter.Start.UTC().Hour() != 12 {
		t.Errorf("winter event starts %v UTC, want 12:00 (UTC+2)", winter.Start.UTC())
	}
	if winter.Place != "Vilniaus Žirmūnų gimnazija, 112 kab." {
		t.Errorf("place = %q", winter.Place)
	}
	wantDescription := "Seminaras mokytojams apie skaitmeninį raštingumą.\n\nRegistracija iki kovo 1 d.; vietų skaičius ribotas.\n"
	if winter.Description != wantDescription {
		t.Errorf("description = %q, want %q", winter.Description, wantDescription)
	}
	if winter.Public {
		t.Errorf("an event from Outlook was imported as public")
	}

	summer := findEvent(t, events, "Vasaros stovyklos planavimas")
	if summer.Start.UTC().Hour() != 6 || summer.Start.UTC().Minute() != 30 {
		t.Errorf("summer event starts %v UTC, want 06:30 (UTC+3)", summer.Start.UTC())
	}

	allDay := findEvent(t, events, "Respublikinė konferencija „Mokykla 2030“")
	if !allDay.AllDay || allDay.StartDate.String() != "2026-09-16" || allDay.EndDate.String() != "2026-09-17" {
		t.Errorf("all-day event = %v %s – %s, want all-day 2026-09-16 – 2026-09-17", allDay.AllDay, allDay.StartDate, allDay.EndDate)
	}
}

func TestImport_google(t *testing.T) {
	raw := readFixture(t, "google.ics")
	if utf8.ValidString(strings.Split(raw, "\r\n")[30]) && !strings.Contains(raw, "\r\n ") {
		t.Fatal("the Google fixture should be folded")
	}
	events, problems := importString(t, raw)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}

	meeting := findEvent(t, events, "Dalykinis susitikimas")
	if !meeting.Start.Equal(vilnius(2026, 3, 11, 10, 0)) {
		t.Errorf("UTC event starts %v, want 10:00 Vilnius", meeting.Start.In(data.Vilnius))
	}
	if meeting.OnlineURL != "https://meet.google.com/abc-defg-hij" {
		t.Errorf("online URL = %q", meeting.OnlineURL)
	}
	if !strings.Contains(meeting.Description, "čiurlenantis šaltinis, ąžuolas, ėriukas, įlanka, šešėlis, ūkanotas, žąsis.") {
		t.Errorf("description = %q", meeting.Description)
	}

	// Weekly on Monday and Wednesday, 10 occurrences from 2026-03-02, less
	// the excluded 03-11 and the canceled 03-25; 03-16 moved to 03-17.
	var series []data.Event
	for _, e := range events {
		if strings.HasPrefix(e.Title, "Metodinis pasitarimas") {
			series = append(series, e)
		}
	}
	wantDays := []string{"2026-03-02", "2026-03-04", "2026-03-09", "2026-03-17", "2026-03-18", "2026-03-23", "2026-03-30", "2026-04-01"}
	if len(series) != len(wantDays) {
		t.Fatalf("series has %d events, want %d", len(series), len(wantDays))
	}
	for i, e := range series {
		if got := e.FirstDay().String(); got != wantDays[i] {
			t.Errorf("occurrence %d on %s, want %s", i, got, wantDays[i])
		}
		hour := e.Start.In(data.Vilnius).Hour()
		wantHour := 17
		if wantDays[i] == "2026-03-17" {
			wantHour = 18
		}
		if hour != wantHour {
			t.Errorf("occurrence %d at %02d:00 Vilnius, want %02d:00", i, hour, wantHour)
		}
	}
	if series[0].ID == series[1].ID {
		t.Errorf("occurrences share the id %q", series[0].ID)
	}
	// The time stays 17:00 in Vilnius across the change to summer time on
	// 2026-03-29, so the UTC hour moves.
	if series[0].Start.UTC().Hour() != 15 || series[6].Start.UTC().Hour() != 14 {
		t.Errorf("UTC hours %d and %d, want 15 and 14", series[0].Start.UTC().Hour(), series[6].Start.UTC().Hour())
	}

	var monthly []string
	for _, e := range events {
		if e.Title == "Ataskaitų pateikimo diena" {
			monthly = append(monthly, e.StartDate.String())
		}
	}
	if strings.Join(monthly, " ") != "2026-01-15 2026-02-15 2026-03-15 2026-04-15 2026-05-15 2026-06-15" {
		t.Errorf("monthly series = %v", monthly)
	}
}

func TestImport_thunderbird(t *testing.T) {
	events, problems := importString(t, readFixture(t, "thunderbird.ics"))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	workshop := findEvent(t, events, "Kūrybinių dirbtuvių diena")
	if !workshop.Start.Equal(vilnius(2026, 10, 29, 9, 0)) || workshop.Start.UTC().Hour() != 7 {
		t.Errorf("workshop starts %v UTC, want 07:00 (winter time)", workshop.Start.UTC())
	}
	if workshop.Description != "Darbas grupėse.\nPietūs 12:30.\nAtsineškite nešiojamuosius kompiuterius, kabelius ir t. t." {
		t.Errorf("description = %q", workshop.Description)
	}
	christmas := findEvent(t, events, "Kalėdinė popietė")
	if !christmas.AllDay || christmas.StartDate != christmas.EndDate || christmas.StartDate.String() != "2026-12-24" {
		t.Errorf("all-day event %s – %s", christmas.StartDate, christmas.EndDate)
	}
	board := findEvent(t, events, "Valdybos posėdis")
	if !board.Start.Equal(vilnius(2026, 4, 1, 15, 0)) {
		t.Errorf("event with a Mozilla TZID starts %v", board.Start.In(data.Vilnius))
	}
}

func TestImport_apple(t *testing.T) {
	events, problems := importString(t, readFixture(t, "apple.ics"))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	meeting := findEvent(t, events, "Asociacijos narių susirinkimas")
	if !meeting.Start.Equal(vilnius(2026, 5, 20, 11, 0)) || !meeting.End.Equal(vilnius(2026, 5, 20, 13, 0)) {
		t.Errorf("meeting %v – %v", meeting.Start, meeting.End)
	}
	if meeting.RegistrationURL != "https://example.org/registracija" {
		t.Errorf("registration URL = %q", meeting.RegistrationURL)
	}
	var yearly []string
	for _, e := range events {
		if e.Title == "Mokslo ir žinių diena" {
			yearly = append(yearly, e.StartDate.String())
		}
	}
	// An endless yearly series gives RecurrenceWindowYears of occurrences.
	if strings.Join(yearly, " ") != "2026-09-01 2027-09-01" {
		t.Errorf("yearly series = %v", yearly)
	}
}

func TestImport_truncatedFile(t *testing.T) {
	_, _, err := ImportICS(strings.NewReader(readFixture(t, "truncated.ics")))
	var ferr *interop.FileError
	if !errors.As(err, &ferr) {
		t.Fatalf("err = %v, want *interop.FileError", err)
	}
	if ferr.Code != interop.CodeTruncated {
		t.Errorf("code = %q, want %q", ferr.Code, interop.CodeTruncated)
	}
	if ferr.Value != "VEVENT" {
		t.Errorf("open component = %q, want VEVENT", ferr.Value)
	}
	if ferr.Line != 41 {
		t.Errorf("line = %d, want 41, where the open VEVENT begins", ferr.Line)
	}
}

func TestImport_truncatedNamesComponent(t *testing.T) {
	cases := map[string]struct {
		text      string
		component string
		line      int
	}{
		"calendar":  {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260311T080000Z\r\nEND:VEVENT\r\n", "VCALENDAR", 1},
		"time zone": {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Vilnius\r\n", "VTIMEZONE", 3},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := ImportICS(strings.NewReader(c.text))
			var ferr *interop.FileError
			if !errors.As(err, &ferr) || ferr.Code != interop.CodeTruncated {
				t.Fatalf("err = %v, want %s", err, interop.CodeTruncated)
			}
			if ferr.Value != c.component || ferr.Line != c.line {
				t.Errorf("error names %q on line %d, want %q on line %d", ferr.Value, ferr.Line, c.component, c.line)
			}
		})
	}
}

func TestImport_missingStart(t *testing.T) {
	events, problems := importString(t, readFixture(t, "no_dtstart.ics"))
	if len(events) != 0 {
		t.Errorf("got %d events, want 0", len(events))
	}
	if len(problems) != 1 {
		t.Fatalf("problems = %v, want one", problems)
	}
	p := problems[0]
	if p.Field != "start" || p.Code != data.CodeRequired || p.Line != 4 {
		t.Errorf("problem = %v, want start required on line 4", p)
	}
	if !strings.Contains(p.Record, "Renginys be pradžios") {
		t.Errorf("problem names %q, want the event's title", p.Record)
	}
}

func TestImport_unknownTZID(t *testing.T) {
	_, problems := importString(t, readFixture(t, "unknown_tzid.ics"))
	if len(problems) != 1 {
		t.Fatalf("problems = %v, want one", problems)
	}
	p := problems[0]
	if p.Code != interop.CodeUnknownTZID || p.Line != 7 || p.Value != "Marso laikas" {
		t.Errorf("problem = %v, want unknown TZID \"Marso laikas\" on line 7", p)
	}
}

func TestImport_hugeDescription(t *testing.T) {
	events := sampleEvents()[:2]
	events[1].Description = strings.Repeat("ž", 5<<20/2)
	text := exportString(t, events)
	got, problems := importString(t, text)
	if len(got) != 1 || len(problems) != 1 {
		t.Fatalf("got %d events and %v, want 1 event and one problem", len(got), problems)
	}
	p := problems[0]
	if p.Field != "description" || p.Code != data.CodeTooLong || p.Limit != data.MaxEventText {
		t.Errorf("problem = %v, want description too long", p)
	}
	if !strings.Contains(p.Record, "Vasaros stovykla") || p.Line == 0 {
		t.Errorf("problem %v does not name the event and its line", p)
	}
}

func TestImport_badFiles(t *testing.T) {
	cases := []struct {
		name, text, code string
		line             int
	}{
		{"empty", "", interop.CodeEmpty, 0},
		{"not a calendar", "BEGIN:VCARD\r\nFN:Jonas\r\nEND:VCARD\r\n", interop.CodeNotCalendar, 1},
		{"HTML page", "<html>\r\n<body>klaida</body>\r\n</html>\r\n", interop.CodeSyntax, 1},
		{"wrong END", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", interop.CodeSyntax, 3},
		{"continuation first", " BEGIN:VCALENDAR\r\n", interop.CodeSyntax, 1},
		{"cp1257 bytes", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:\xe0\xe8\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", interop.CodeInvalidEncoding, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ImportICS(strings.NewReader(c.text))
			var ferr *interop.FileError
			if !errors.As(err, &ferr) {
				t.Fatalf("err = %v, want *interop.FileError", err)
			}
			if ferr.Code != c.code || ferr.Line != c.line {
				t.Errorf("error = %q, want code %s on line %d", ferr, c.code, c.line)
			}
		})
	}
}

func TestImport_recurrenceLimits(t *testing.T) {
	calendar := func(rrule string) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:kartojasi@example.org\r\n" +
			"SUMMARY:Kasdienis renginys\r\nDTSTART;TZID=Europe/Vilnius:20250101T090000\r\n" +
			"DTEND;TZID=Europe/Vilnius:20250101T093000\r\nRRULE:" + rrule + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	cases := []struct {
		rrule       string
		count       int
		first, last string
	}{
		// Endless and begun over a year before the import day: the
		// window starts a year before it, and the cap stops the series.
		{"FREQ=DAILY", MaxOccurrences, "2025-03-01", "2026-07-13"},
		{"FREQ=DAILY;INTERVAL=3;COUNT=4", 4, "2025-01-01", "2025-01-10"},
		{"FREQ=WEEKLY;UNTIL=20250131T235959Z", 5, "2025-01-01", "2025-01-29"},
		{"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5", 5, "2025-01-01", "2025-01-28"},
		{"FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", 3, "2025-01-01", "2025-02-28"},
		{"FREQ=MONTHLY;BYDAY=2TU;UNTIL=20250401", 4, "2025-01-01", "2025-03-11"},
		{"FREQ=YEARLY;COUNT=5", 2, "2025-01-01", "2026-01-01"},
	}
	for _, c := range cases {
		t.Run(c.rrule, func(t *testing.T) {
			events, problems := importString(t, calendar(c.rrule))
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			if len(events) != c.count {
				t.Fatalf("got %d occurrences, want %d", len(events), c.count)
			}
			if got := events[0].FirstDay().String(); got != c.first {
				t.Errorf("first occurrence %s, want %s", got, c.first)
			}
			if got := events[len(events)-1].FirstDay().String(); got != c.last {
				t.Errorf("last occurrence %s, want %s", got, c.last)
			}
		})
	}

	_, problems := importString(t, calendar("FREQ=HOURLY"))
	if len(problems) != 1 || problems[0].Code != interop.CodeUnsupportedRule || problems[0].Line != 8 {
		t.Errorf("problems = %v, want an unsupported rule on line 8", problems)
	}
}

func TestImport_windowsAndOtherZones(t *testing.T) {
	cases := []struct {
		tzid     string
		wantHour int // UTC hour of 10:00 local on 2026-01-15
	}{
		{"FLE Standard Time", 8},
		{`"FLE Standard Time"`, 8},
		{"W. Europe Standard Time", 9},
		{"Europe/London", 10},
		{"UTC", 10},
		{`"(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius"`, 8},
	}
	for _, c := range cases {
		t.Run(c.tzid, func(t *testing.T) {
			text := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z@example.org\r\nSUMMARY:Zona\r\n" +
				"DTSTART;TZID=" + c.tzid + ":20260115T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
			events, problems := importString(t, text)
			if len(problems) > 0 || len(events) != 1 {
				t.Fatalf("events %d, problems %v", len(events), problems)
			}
			if h := events[0].Start.UTC().Hour(); h != c.wantHour {
				t.Errorf("starts at %02d:00 UTC, want %02d:00", h, c.wantHour)
			}
			if !events[0].End.Equal(events[0].Start) {
				t.Errorf("an event without DTEND ends at %v, want its start", events[0].End)
			}
		})
	}
	_, problems := importString(t, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z@example.org\r\nSUMMARY:Zona\r\n"+
		"DTSTART;TZID=Local:20260115T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	if len(problems) != 1 || problems[0].Code != interop.CodeUnknownTZID {
		t.Errorf("TZID=Local gave %v, want an unknown TZID", problems)
	}
}

func FuzzImportICS(f *testing.F) {
	for _, name := range []string{"outlook.ics", "google.ics", "thunderbird.ics", "apple.ics", "truncated.ics", "no_dtstart.ics"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var buf bytes.Buffer
	if err := ExportICS(&buf, sampleEvents()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		events, _, err := Import(bytes.NewReader(b), ImportOptions{Now: fixedNow})
		if err != nil {
			var ferr *interop.FileError
			if !errors.As(err, &ferr) {
				t.Fatalf("error %v is not a *interop.FileError", err)
			}
			return
		}
		if len(events) > MaxOccurrences*len(b) {
			t.Fatalf("%d events from %d bytes", len(events), len(b))
		}
		for _, e := range events {
			if err := e.Validate(); err != nil {
				t.Fatalf("imported event %q is invalid: %v", e.ID, err)
			}
		}
	})
}

func TestImport_foldInsideCharacter(t *testing.T) {
	// Some programs fold at 75 octets even inside a UTF-8 character; the
	// two halves of "ą" stand on two lines here.
	summary := "SUMMARY:" + strings.Repeat("x", 66) + "ą"
	folded := summary[:75] + "\r\n " + summary[75:]
	text := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fold@example.org\r\n" + folded +
		"\r\nDTSTART;VALUE=DATE:20260311\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if utf8.ValidString(summary[:75]) {
		t.Fatal("the fold does not split the character")
	}
	events, problems := importString(t, text)
	if len(problems) > 0 || len(events) != 1 {
		t.Fatalf("events %d, problems %v", len(events), problems)
	}
	if want := strings.Repeat("x", 66) + "ą"; events[0].Title != want {
		t.Errorf("title = %q, want %q", events[0].Title, want)
	}
}

func TestImport_utcSeriesKeepsUTCTime(t *testing.T) {
	// RFC 5545 expands a rule in the zone of DTSTART, so a series in UTC
	// keeps 15:00 UTC, which is 17:00 in Vilnius in winter time and 18:00
	// after the change to summer time on 2026-03-29.
	text := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:utc-series@example.org\r\n" +
		"SUMMARY:Savaitinis susitikimas\r\nDTSTART:20260316T150000Z\r\nDTEND:20260316T160000Z\r\n" +
		"RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	events, problems := importString(t, text)
	if len(problems) > 0 || len(events) != 3 {
		t.Fatalf("got %d events, %v", len(events), problems)
	}
	for i, wantHour := range []int{17, 17, 18} {
		start := events[i].Start
		if start.UTC().Hour() != 15 {
			t.Errorf("occurrence %d at %v UTC, want 15:00", i, start.UTC())
		}
		if h := start.In(data.Vilnius).Hour(); h != wantHour {
			t.Errorf("occurrence %d at %02d:00 Vilnius, want %02d:00", i, h, wantHour)
		}
	}
}

func TestImport_instantsInVilnius(t *testing.T) {
	text := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" +
		"BEGIN:VEVENT\r\nUID:one@example.org\r\nSUMMARY:Vienkartinis\r\nDTSTART:20260115T100000Z\r\nDTEND:20260115T110000Z\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:two@example.org\r\nSUMMARY:Kartojamas\r\nDTSTART;TZID=Europe/Berlin:20260710T090000\r\nRRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	events, problems := importString(t, text)
	if len(problems) > 0 || len(events) != 3 {
		t.Fatalf("got %d events, %v", len(events), problems)
	}
	for _, e := range events {
		if e.Start.Location() != data.Vilnius || e.End.Location() != data.Vilnius {
			t.Errorf("%s: start in %v and end in %v, want %v", e.Title, e.Start.Location(), e.End.Location(), data.Vilnius)
		}
	}
	if got := events[0].Start.Format(time.RFC3339); got != "2026-01-15T12:00:00+02:00" {
		t.Errorf("start = %s, want 2026-01-15T12:00:00+02:00", got)
	}
	if got := events[1].Start.Format(time.RFC3339); got != "2026-07-10T10:00:00+03:00" {
		t.Errorf("occurrence start = %s, want 2026-07-10T10:00:00+03:00", got)
	}
}
