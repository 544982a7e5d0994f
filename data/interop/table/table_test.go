package table

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"partneryste/data"
	"partneryste/data/interop"
)

func vilnius(year int, month time.Month, day, hour, minute int) time.Time {
	return time.Date(year, month, day, hour, minute, 0, 0, data.Vilnius)
}

func sampleEvents() []data.Event {
	return []data.Event{
		{
			Meta:  data.Meta{ID: "e-winter"},
			Title: `Seminaras; „Kalba, kultūra“ ir "kabutės"`, Type: data.EventSeminar,
			Start: vilnius(2026, 1, 15, 10, 0).UTC(), End: vilnius(2026, 1, 15, 12, 30).UTC(),
			Place: "Vilnius; Gedimino pr. 1", Description: "Pirma eilutė\nAntra; eilutė su \"kabutėmis\"\n\nąčęėįšųūž ĄČĘĖĮŠŲŪŽ",
			Audience: "Mokytojai", OnlineURL: "https://example.org/susitikimas", RegistrationURL: "https://example.org/registracija",
			Public: true,
		},
		{
			Meta:  data.Meta{ID: "e-summer"},
			Title: "Vasaros stovykla", Type: data.EventCourse,
			Start: vilnius(2026, 7, 11, 9, 0).UTC(), End: vilnius(2026, 7, 12, 17, 0).UTC(),
		},
		{
			Meta:  data.Meta{ID: "e-allday"},
			Title: "Konferencija", Type: data.EventConference, AllDay: true,
			StartDate: data.Date{Year: 2026, Month: 3, Day: 30}, EndDate: data.Date{Year: 2026, Month: 4, Day: 1},
		},
	}
}

func sampleConsultations() []data.Consultation {
	return []data.Consultation{
		{
			Meta: data.Meta{ID: "c-1"}, Date: data.Date{Year: 2026, Month: 10, Day: 5}, DurationMin: 45,
			Format: data.FormatPhone, Topic: "Vertinimas; kaupiamasis balas", Category: "Vertinimas",
			Requester: data.Requester{Name: "Žydrūnė Čiučiurkaitė", School: "Šiaulių gimnazija", Contact: "zydrune@example.org"},
			Question:  "Kaip skaičiuoti?\nAr galima dalimis?", Answer: "Galima.", Consultant: "Ona Šimkienė",
			Status: data.ConsultationAnswered, FollowUp: data.Date{Year: 2026, Month: 10, Day: 20},
		},
		{
			Meta: data.Meta{ID: "c-2"}, Date: data.Date{Year: 2026, Month: 10, Day: 6}, DurationMin: 30,
			Format: data.FormatRemote, Topic: "Programos", Status: data.ConsultationNew,
		},
	}
}

func comparableEvent(e data.Event) data.Event {
	e.Start, e.End = e.Start.UTC(), e.End.UTC()
	return e
}

func csvBytes(t *testing.T, table Table) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, table); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	return buf.Bytes()
}

func xlsxBytes(t *testing.T, table Table) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, table); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	return buf.Bytes()
}

func TestWriteCSV_excelFormat(t *testing.T) {
	out := string(csvBytes(t, EventsTable(sampleEvents(), nil)))
	if !strings.HasPrefix(out, "\xef\xbb\xbf") {
		t.Fatal("CSV has no byte-order mark")
	}
	lines := strings.Split(strings.TrimPrefix(out, "\xef\xbb\xbf"), "\r\n")
	wantHeader := "ID;Pavadinimas;Tipas;Visą dieną;Pradžios data;Pradžios laikas;Pabaigos data;Pabaigos laikas;Vieta;" +
		"Nuotolinio prisijungimo nuoroda;Registracijos nuoroda;Tikslinė grupė;Viešas;Aprašymas"
	if lines[0] != wantHeader {
		t.Errorf("header = %q, want %q", lines[0], wantHeader)
	}
	wantRow := `e-winter;"Seminaras; „Kalba, kultūra“ ir ""kabutės""";Seminaras;ne;2026-01-15;10:00;2026-01-15;12:30;"Vilnius; Gedimino pr. 1";`
	if !strings.HasPrefix(lines[1], wantRow) {
		t.Errorf("first row = %q, want it to start with %q", lines[1], wantRow)
	}
	if !strings.Contains(out, "e-summer;Vasaros stovykla;Kursai;ne;2026-07-11;09:00;2026-07-12;17:00;") {
		t.Errorf("summer row missing or wrong:\n%s", out)
	}
	if !strings.Contains(out, "e-allday;Konferencija;Konferencija;taip;2026-03-30;;2026-04-01;;") {
		t.Errorf("all-day row missing or wrong:\n%s", out)
	}
}

func TestWriteCSV_englishHeaders(t *testing.T) {
	out := string(csvBytes(t, EventsTable(sampleEvents(), English)))
	if !strings.Contains(out, "ID;Title;Type;All day;Start date;Start time;") {
		t.Errorf("English header missing:\n%.200s", out)
	}
	if !strings.Contains(out, ";Seminar;no;2026-01-15;10:00;") {
		t.Errorf("English labels missing:\n%.400s", out)
	}
}

func TestEventsCSV_roundTrip(t *testing.T) {
	for _, tr := range []Translate{nil, English} {
		want := sampleEvents()
		got, problems, err := ImportEventsCSV(bytes.NewReader(csvBytes(t, EventsTable(want, tr))))
		if err != nil || len(problems) > 0 {
			t.Fatalf("import: %v %v", err, problems)
		}
		if len(got) != len(want) {
			t.Fatalf("got %d events, want %d", len(got), len(want))
		}
		for i := range want {
			if g, w := comparableEvent(got[i]), comparableEvent(want[i]); g != w {
				t.Errorf("event %d:\n got %+v\nwant %+v", i, g, w)
			}
		}
	}
}

func TestEventsXLSX_roundTrip(t *testing.T) {
	want := sampleEvents()
	raw := xlsxBytes(t, EventsTable(want, nil))

	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("excelize cannot open the export: %v", err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "Renginiai" {
		t.Errorf("sheets = %v, want [Renginiai]", sheets)
	}
	for cell, value := range map[string]string{"B1": "Pavadinimas", "B2": want[0].Title, "E3": "2026-07-11", "F3": "09:00", "N2": want[0].Description} {
		got, err := f.GetCellValue("Renginiai", cell)
		if err != nil || got != value {
			t.Errorf("cell %s = %q (%v), want %q", cell, got, err, value)
		}
	}

	got, problems, err := ImportEventsXLSX(bytes.NewReader(raw))
	if err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	for i := range want {
		if g, w := comparableEvent(got[i]), comparableEvent(want[i]); g != w {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestEventsXLSX_excelDates(t *testing.T) {
	// A sheet typed in Excel holds dates and times as numbers.
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"Pavadinimas", "Pradžios data", "Pradžios laikas", "Pabaigos laikas"},
		{"Posėdis", time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC), 14.0 / 24, 15.5 / 24},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	events, problems, err := ImportEventsXLSX(&buf)
	if err != nil || len(problems) > 0 || len(events) != 1 {
		t.Fatalf("import: %d events, %v %v", len(events), err, problems)
	}
	if !events[0].Start.Equal(vilnius(2026, 3, 11, 14, 0)) || !events[0].End.Equal(vilnius(2026, 3, 11, 15, 30)) {
		t.Errorf("event %v – %v, want 2026-03-11 14:00–15:30", events[0].Start.In(data.Vilnius), events[0].End.In(data.Vilnius))
	}
}

func TestConsultations_personalDataOmitted(t *testing.T) {
	out := string(csvBytes(t, ConsultationsTable(sampleConsultations(), false, nil)))
	for _, personal := range []string{"Žydrūnė", "Šiaulių gimnazija", "zydrune@example.org", "Konsultuojamojo"} {
		if strings.Contains(out, personal) {
			t.Errorf("export without personal data contains %q", personal)
		}
	}
	withPersonal := string(csvBytes(t, ConsultationsTable(sampleConsultations(), true, nil)))
	if !strings.Contains(withPersonal, "Žydrūnė Čiučiurkaitė;Šiaulių gimnazija;zydrune@example.org") {
		t.Errorf("export with personal data lacks the requester:\n%s", withPersonal)
	}
}

func TestConsultations_roundTrip(t *testing.T) {
	want := sampleConsultations()
	for name, raw := range map[string][]byte{
		"csv":  csvBytes(t, ConsultationsTable(want, true, nil)),
		"xlsx": xlsxBytes(t, ConsultationsTable(want, true, English)),
	} {
		t.Run(name, func(t *testing.T) {
			read := ImportConsultationsCSV
			if name == "xlsx" {
				read = ImportConsultationsXLSX
			}
			got, problems, err := read(bytes.NewReader(raw))
			if err != nil || len(problems) > 0 {
				t.Fatalf("import: %v %v", err, problems)
			}
			if len(got) != len(want) {
				t.Fatalf("got %d, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("consultation %d:\n got %+v\nwant %+v", i, got[i], want[i])
				}
			}
		})
	}
}

func TestCasesTable(t *testing.T) {
	cases := []data.PracticeCase{{
		Meta:  data.Meta{ID: "p-1", Updated: time.Date(2026, 5, 1, 22, 30, 0, 0, time.UTC)},
		Title: "Kūrybinis rašymas", Subject: "Lietuvių kalba", Levels: []data.EducationLevel{data.LevelBasic, data.LevelSecondary},
		Grades: "5–8", Keywords: []string{"rašymas", "kūryba"},
		Authors: []data.Author{{Name: "Ona Šimkienė", School: "Kauno gimnazija"}, {Name: "Jonas Jonaitis"}},
		Status:  data.CaseApproved, Summary: "Santrauka; su kabliataškiu",
	}}
	out := string(csvBytes(t, CasesTable(cases, nil)))
	want := `p-1;Kūrybinis rašymas;Lietuvių kalba;Pagrindinis, Vidurinis;5–8;rašymas, kūryba;Ona Šimkienė (Kauno gimnazija); Jonas Jonaitis;Patvirtinta;2026-05-02;"Santrauka; su kabliataškiu"`
	if !strings.Contains(strings.ToLower(out), strings.ToLower(`p-1;Kūrybinis rašymas;Lietuvių kalba;`)) {
		t.Fatalf("case row missing:\n%s", out)
	}
	row := strings.Split(out, "\r\n")[1]
	if !strings.EqualFold(row, strings.Replace(want, "Ona Šimkienė (Kauno gimnazija); Jonas Jonaitis", `"Ona Šimkienė (Kauno gimnazija); Jonas Jonaitis"`, 1)) {
		t.Errorf("case row = %q", row)
	}
}

func TestImportCSV_cp1257(t *testing.T) {
	text := "Pavadinimas;Pradžios data;Vieta\r\nŽiemos šventė;2026-12-20;Šiauliai, Ąžuolų g. 5\r\n"
	encoded, err := charmap.Windows1257.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(encoded, []byte("Ž")) {
		t.Fatal("the fixture is still UTF-8")
	}
	events, problems, err := ImportEventsCSV(bytes.NewReader(encoded))
	if err != nil || len(problems) > 0 || len(events) != 1 {
		t.Fatalf("import: %d events, %v %v", len(events), err, problems)
	}
	e := events[0]
	if e.Title != "Žiemos šventė" || e.Place != "Šiauliai, Ąžuolų g. 5" || !e.AllDay || e.StartDate.String() != "2026-12-20" {
		t.Errorf("event = %+v", e)
	}
}

func TestImportCSV_delimiters(t *testing.T) {
	for name, text := range map[string]string{
		"comma":     "Title,Start date,Start time\nPosėdis,2026-03-11,14:00\n",
		"tab":       "title\tstart_date\tstart_time\nPosėdis\t2026-03-11\t14:00\n",
		"semicolon": "\xef\xbb\xbfpavadinimas;pradzios data;pradzios laikas\r\nPosėdis;2026-03-11;14:00\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			events, problems, err := ImportEventsCSV(strings.NewReader(text))
			if err != nil || len(problems) > 0 || len(events) != 1 {
				t.Fatalf("import: %d events, %v %v", len(events), err, problems)
			}
			if !events[0].Start.Equal(vilnius(2026, 3, 11, 14, 0)) {
				t.Errorf("start = %v", events[0].Start.In(data.Vilnius))
			}
		})
	}
}

func TestImportCSV_badFiles(t *testing.T) {
	cases := []struct {
		name, text, code string
		line             int
	}{
		{"mixed delimiters", "Pavadinimas;Pradžios data,Vieta\nA;2026-03-11,B\n", interop.CodeMixedDelimiters, 1},
		{"lone quote", "Pavadinimas;Pradžios data\nGeras;2026-03-11\nBlo\"gas;2026-03-12\n", interop.CodeStrayQuote, 3},
		{"stray quote after row 3", "Pavadinimas;Pradžios data\nGeras;2026-03-11\nA;2026-03-12\nKab\"utė;2026-03-13\n", interop.CodeStrayQuote, 4},
		{"text after closing quote", "Pavadinimas;Pradžios data\n\"Kabutės\" po;2026-03-11\nkita;2026-03-12\n", interop.CodeStrayQuote, 2},
		{"unclosed quote", "Pavadinimas;Pradžios data\n\"Neuždarytas;2026-03-11\nkita;2026-03-12\n", interop.CodeUnclosedQuote, 2},
		{"quote closed by a later stray quote", "Pavadinimas;Pradžios data\n\"Neuždarytas;2026-03-11\nKab\"utė;2026-03-12\n", interop.CodeQuoteSpansLines, 2},
		{"unclosed quote on the last row", "Pavadinimas;Pradžios data\nGeras;2026-03-11\n\"Neuždarytas;2026-03-12\r\n", interop.CodeUnclosedQuote, 3},
		{"unclosed quote in a later field", "Pavadinimas;Vieta;Pradžios data\nA;\"Vilnius;2026-03-11\nB;C;2026-03-12", interop.CodeUnclosedQuote, 2},
		{"empty", "\xef\xbb\xbf\r\n", interop.CodeEmpty, 0},
		{"not text", "Pavadinimas;Data\n\x81\x83\x88;2026-03-11\n", interop.CodeInvalidEncoding, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ImportEventsCSV(strings.NewReader(c.text))
			var ferr *interop.FileError
			if !errors.As(err, &ferr) {
				t.Fatalf("err = %v, want *interop.FileError", err)
			}
			if ferr.Code != c.code || ferr.Line != c.line {
				t.Errorf("error = %q, want %s on line %d", ferr, c.code, c.line)
			}
		})
	}
}

func TestImportXLSX_renamedText(t *testing.T) {
	csv := csvBytes(t, EventsTable(sampleEvents(), nil))
	_, _, err := ImportEventsXLSX(bytes.NewReader(csv))
	var ferr *interop.FileError
	if !errors.As(err, &ferr) || ferr.Code != interop.CodeNotXLSX {
		t.Fatalf("err = %v, want %s", err, interop.CodeNotXLSX)
	}
	_, _, err = ImportConsultationsXLSX(bytes.NewReader(append([]byte("PK\x03\x04"), csv...)))
	if !errors.As(err, &ferr) || ferr.Code != interop.CodeNotXLSX {
		t.Fatalf("damaged ZIP: err = %v, want %s", err, interop.CodeNotXLSX)
	}
}

func TestImportCSV_columnProblems(t *testing.T) {
	text := "Pavadinimas;Pastabos;Vieta;Vieta\nA;x;B;C\n"
	events, _, err := ImportEventsCSV(strings.NewReader(text))
	if len(events) != 0 {
		t.Errorf("imported %d events from a file without a start date column", len(events))
	}
	var ferr *interop.FileError
	if !errors.As(err, &ferr) || ferr.Code != interop.CodeBadHeader {
		t.Fatalf("err = %v, want %s", err, interop.CodeBadHeader)
	}
	if len(ferr.Columns) != len(eventColumns) || ferr.Columns[1] != "title" {
		t.Errorf("accepted columns = %v, want the %d event columns", ferr.Columns, len(eventColumns))
	}
	problems := ferr.Problems
	want := map[string]string{
		interop.CodeUnknownColumn:   "Pastabos",
		interop.CodeDuplicateColumn: "Vieta",
		interop.CodeMissingColumn:   "Pradžios data",
	}
	if len(problems) != len(want) {
		t.Fatalf("problems = %v, want %d", problems, len(want))
	}
	for _, p := range problems {
		if want[p.Code] != p.Column || p.Row != 1 {
			t.Errorf("problem %v, want column %q on row 1", p, want[p.Code])
		}
	}
}

func TestImportCSV_badRows(t *testing.T) {
	text := "Pavadinimas;Tipas;Pradžios data;Pradžios laikas;Pabaigos laikas;Registracijos nuoroda\n" +
		"Geras;seminaras;2026-03-11;10:00;11:00;\n" +
		";;2026-03-12;;;\n" +
		"Blogas tipas;ekskursija;2026-13-01;25:00;;\n" +
		"Pabaiga prieš pradžią;;2026-03-12;12:00;11:00;ftp://example.org\n" +
		"\"Kelių\neilučių\";;2026-03-14;;;\n"
	events, problems, err := ImportEventsCSV(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Title != "Geras" || events[1].Title != "Kelių\neilučių" {
		t.Errorf("good rows = %d events: %+v", len(events), events)
	}
	type key struct {
		row   int
		field string
		code  string
	}
	want := map[key]bool{
		{3, "title", data.CodeRequired}:              true,
		{4, "type", data.CodeInvalidValue}:           true,
		{4, "start_date", data.CodeInvalidDate}:      true,
		{4, "start", interop.CodeInvalidTime}:        true,
		{5, "end", data.CodeEndBeforeStart}:          true,
		{5, "registration_url", data.CodeInvalidURL}: true,
	}
	for _, p := range problems {
		k := key{p.Row, p.Field, p.Code}
		if !want[k] {
			t.Errorf("unexpected problem %v", p)
		}
		delete(want, k)
		if p.Line != p.Row {
			t.Errorf("problem %v: line %d, want %d", p, p.Line, p.Row)
		}
	}
	for k := range want {
		t.Errorf("missing problem %+v", k)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("Pavadinimas;Pradžios data\nA;2026-03-11\n"))
	f.Add([]byte("\xef\xbb\xbfTitle,Start date,Start time\n\"a\"\"b\",2026-03-11,10:00\n"))
	f.Add([]byte("title\tstart_date\n\"x\ty\"\t46092\n"))
	f.Add([]byte("Pavadinimas;Pradžios data\n\"neuždaryta;2026\n"))
	f.Add(bytes.Clone(csvBytesF(f, EventsTable(sampleEvents(), nil))))
	f.Fuzz(func(t *testing.T, b []byte) {
		events, problems, err := ImportEventsCSV(bytes.NewReader(b))
		if err != nil {
			var ferr *interop.FileError
			if !errors.As(err, &ferr) {
				t.Fatalf("error %v is not a *interop.FileError", err)
			}
			return
		}
		for _, e := range events {
			if err := e.Validate(); err != nil {
				t.Fatalf("imported event is invalid: %v", err)
			}
		}
		for _, p := range problems {
			if p.Row < 1 || p.Code == "" {
				t.Fatalf("problem without a row or a code: %+v", p)
			}
		}
		if _, _, err := ImportConsultationsCSV(bytes.NewReader(b)); err != nil {
			var ferr *interop.FileError
			if !errors.As(err, &ferr) {
				t.Fatalf("consultations: error %v is not a *interop.FileError", err)
			}
		}
	})
}

func csvBytesF(f *testing.F, table Table) []byte {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, table); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportCSV_contentIDs(t *testing.T) {
	text := "Pavadinimas;Pradžios data;Pradžios laikas\n" +
		"Posėdis;2026-03-11;14:00\n" +
		"Posėdis ;2026-03-12;14:00\n" +
		"Posėdis;2026-03-11;14:00\n" +
		"Seminaras;2026-03-11;\n"
	first, problems, err := ImportEventsCSV(strings.NewReader(text))
	if err != nil || len(problems) > 0 || len(first) != 4 {
		t.Fatalf("import: %d events, %v %v", len(first), err, problems)
	}
	again, _, _ := ImportEventsCSV(strings.NewReader(text))
	ids := map[string]bool{}
	for i, e := range first {
		if !strings.HasPrefix(e.ID, "row-") {
			t.Errorf("event %d id = %q, want a row- id", i, e.ID)
		}
		if again[i].ID != e.ID {
			t.Errorf("event %d id %q on the first import, %q on the second", i, e.ID, again[i].ID)
		}
		if ids[e.ID] {
			t.Errorf("event %d repeats id %q", i, e.ID)
		}
		ids[e.ID] = true
	}

	withID, _, _ := ImportEventsCSV(strings.NewReader("ID;Pavadinimas;Pradžios data\ne-7;Posėdis;2026-03-11\n"))
	if len(withID) != 1 || withID[0].ID != "e-7" {
		t.Errorf("row with an id: %+v, want id e-7", withID)
	}

	consultations := "Data;Trukmė (min.);Forma;Tema;Konsultantas\n" +
		"2026-10-05;30;telefonu;Vertinimas;Ona\n" +
		"2026-10-05;30;telefonu;Vertinimas;Jonas\n"
	c1, problems, err := ImportConsultationsCSV(strings.NewReader(consultations))
	if err != nil || len(problems) > 0 || len(c1) != 2 {
		t.Fatalf("consultations: %d, %v %v", len(c1), err, problems)
	}
	c2, _, _ := ImportConsultationsCSV(strings.NewReader(consultations))
	if c1[0].ID == "" || c1[0].ID == c1[1].ID || c1[0].ID != c2[0].ID || c1[1].ID != c2[1].ID {
		t.Errorf("consultation ids %q %q, then %q %q", c1[0].ID, c1[1].ID, c2[0].ID, c2[1].ID)
	}
}

func TestImportCSV_unknownColumnBlocksGoodRows(t *testing.T) {
	// Even when every row is good, an unknown column would drop a field of
	// every row, so the import reads no row at all.
	text := "Pavadinimas;Pradžios data;Renginio tipų sąrašas\nA;2026-03-11;seminaras\n"
	events, problems, err := ImportEventsCSV(strings.NewReader(text))
	var ferr *interop.FileError
	if !errors.As(err, &ferr) || ferr.Code != interop.CodeBadHeader {
		t.Fatalf("err = %v, want %s", err, interop.CodeBadHeader)
	}
	if len(events) != 0 || len(problems) != 0 {
		t.Errorf("got %d events and %v with a bad header", len(events), problems)
	}
}

func TestImportCSV_editorLabelsAsHeaders(t *testing.T) {
	for name, text := range map[string]string{
		"lt": "Pavadinimas;Renginio tipas;Pradžios data;Tikslinė auditorija;Viešas renginys\nA;Seminaras;2026-03-11;Mokytojai;taip\n",
		"en": "Title;Event type;Start date;Audience;Public event\nA;seminar;2026-03-11;Mokytojai;yes\n",
	} {
		t.Run(name, func(t *testing.T) {
			events, problems, err := ImportEventsCSV(strings.NewReader(text))
			if err != nil || len(problems) > 0 || len(events) != 1 {
				t.Fatalf("import: %d events, %v %v", len(events), err, problems)
			}
			e := events[0]
			if e.Type != data.EventSeminar {
				t.Errorf("type = %q, want %q", e.Type, data.EventSeminar)
			}
			if e.Audience != "Mokytojai" {
				t.Errorf("audience = %q, want Mokytojai", e.Audience)
			}
			if !e.Public {
				t.Error("the event is not public")
			}
		})
	}

	text := "Data;Trukmė (min.);Konsultavimo būdas;Tema;Konsultuojamojo kontaktas;Tolesnių veiksmų data\n" +
		"2026-10-05;30;Telefonu;Vertinimas;ona@example.org;2026-10-20\n"
	consultations, problems, err := ImportConsultationsCSV(strings.NewReader(text))
	if err != nil || len(problems) > 0 || len(consultations) != 1 {
		t.Fatalf("consultations: %d, %v %v", len(consultations), err, problems)
	}
	if c := consultations[0]; c.Format != data.FormatPhone || c.Requester.Contact != "ona@example.org" || c.FollowUp.String() != "2026-10-20" {
		t.Errorf("consultation = %+v", c)
	}
}

func TestImportCSV_mixedDelimitersNamed(t *testing.T) {
	for text, want := range map[string]string{
		"Pavadinimas;Pradžios data,Vieta\nA;B\n":    ";,",
		"Pavadinimas\tPradžios data,Vieta\nA\tB\n":  ",\t",
		"Pavadinimas;\"a,b\"\tVieta\nA;B\n":         ";\t",
		"Pavadinimas;Pradžios data,Vieta\tx\nA;B\n": ";,\t",
	} {
		_, _, err := ImportEventsCSV(strings.NewReader(text))
		var ferr *interop.FileError
		if !errors.As(err, &ferr) || ferr.Code != interop.CodeMixedDelimiters {
			t.Errorf("%q: err = %v, want %s", text, err, interop.CodeMixedDelimiters)
			continue
		}
		if ferr.Value != want {
			t.Errorf("%q: delimiters %q, want %q", text, ferr.Value, want)
		}
	}
}

func TestImportCSV_fieldCount(t *testing.T) {
	text := "Pavadinimas;Pradžios data;Vieta\n" +
		"Geras;2026-03-11;Vilnius\n" +
		"Kablelis,2026-03-12,Kaunas\n" +
		"Per daug;2026-03-13;Kaunas;x\n" +
		"Tuščias galas;2026-03-14;Kaunas;;\n"
	events, problems, err := ImportEventsCSV(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Title != "Geras" || events[1].Title != "Tuščias galas" {
		t.Errorf("good rows = %+v", events)
	}
	if len(problems) != 2 {
		t.Fatalf("problems = %v, want 2", problems)
	}
	for i, want := range []struct{ row, fields int }{{3, 1}, {4, 4}} {
		p := problems[i]
		if p.Code != interop.CodeFieldCount || p.Row != want.row || p.Fields != want.fields || p.Limit != 3 {
			t.Errorf("problem %v, want row %d with %d fields of 3", p, want.row, want.fields)
		}
	}
}

func TestImportCSV_instantsInVilnius(t *testing.T) {
	events, problems, err := ImportEventsCSV(strings.NewReader("Pavadinimas;Pradžios data;Pradžios laikas;Pabaigos laikas\nPosėdis;2026-07-11;12:00;13:30\n"))
	if err != nil || len(problems) > 0 || len(events) != 1 {
		t.Fatalf("import: %d events, %v %v", len(events), err, problems)
	}
	for name, instant := range map[string]time.Time{"start": events[0].Start, "end": events[0].End} {
		if instant.Location() != data.Vilnius {
			t.Errorf("%s is in %v, want %v", name, instant.Location(), data.Vilnius)
		}
	}
	if got := events[0].Start.Format(time.RFC3339); got != "2026-07-11T12:00:00+03:00" {
		t.Errorf("start = %s, want 2026-07-11T12:00:00+03:00", got)
	}
}
