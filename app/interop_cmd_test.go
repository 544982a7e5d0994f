package app

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partneryste/data"
	"partneryste/data/interop/ical"
)

// importedData returns a data file that holds importFileText.
func importedData(t *testing.T) string {
	t.Helper()
	path := dataFile(t)
	if code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "in.json", importFileText)); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	return path
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join("..", "data", "interop", "ical", "testdata", name)
}

func TestCLI_exportICS(t *testing.T) {
	path := importedData(t)
	out := filepath.Join(t.TempDir(), "calendar.ics")
	code, stdout, stderr := run(t, "lt", "export-ics", "-data", path, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout %q does not name the file", stdout)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	events, problems, err := ical.ImportICS(bytes.NewReader(raw))
	if err != nil || len(problems) > 0 {
		t.Fatalf("import the export: %v %v", err, problems)
	}
	if len(events) != 2 || events[0].ID != "e1" || events[1].ID != "e2" || !events[1].AllDay {
		t.Errorf("exported events = %+v", events)
	}
	if !strings.Contains(string(raw), "X-WR-CALNAME:Lietuvių kalbos mokytojų asociacija\r\n") {
		t.Errorf("calendar is not named after the association")
	}
}

func TestCLI_importICS(t *testing.T) {
	path := importedData(t)
	code, stdout, stderr := run(t, "en", "import-ics", "-data", path, fixture(t, "google.ics"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "New: 15 events") {
		t.Errorf("stdout = %q, want 15 new events", stdout)
	}

	// Importing the same file again changes none of the events.
	code, stdout, _ = run(t, "en", "import-ics", "-data", path, fixture(t, "google.ics"))
	if code != exitOK || !strings.Contains(stdout, "New: 0 events") || !strings.Contains(stdout, "Unchanged: 15 events") {
		t.Errorf("second import: exit %d, %q", code, stdout)
	}
	if got := len(collect(t, path).Events); got != 17 {
		t.Errorf("data file has %d events, want 17", got)
	}
}

func TestCLI_importICSBadFilesChangeNothing(t *testing.T) {
	path := importedData(t)
	before := collect(t, path)

	code, _, stderr := run(t, "en", "import-ics", "-data", path, fixture(t, "truncated.ics"))
	if code != exitFailure || !strings.Contains(stderr, "line 41: The VEVENT that begins here is not closed") {
		t.Errorf("truncated file: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "lt", "import-ics", "-data", path, fixture(t, "unknown_tzid.ics"))
	if code != exitFailure || !strings.Contains(stderr, "7 eilutė") || !strings.Contains(stderr, "„Marso laikas“") {
		t.Errorf("unknown TZID: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "en", "import-ics", "-data", path, fixture(t, "no_dtstart.ics"))
	if code != exitFailure || !strings.Contains(stderr, "Renginys be pradžios") {
		t.Errorf("missing DTSTART: exit %d, %q", code, stderr)
	}

	after := collect(t, path)
	if len(after.Events) != len(before.Events) {
		t.Errorf("events %d -> %d after rejected files", len(before.Events), len(after.Events))
	}
}

func TestCLI_exportCSVPersonalData(t *testing.T) {
	path := importedData(t)
	code, stdout, stderr := run(t, "lt", "export-csv", "-what", "consultations", "-data", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "\xef\xbb\xbfID;Data;Trukmė (min.);Forma;Tema;") {
		t.Errorf("CSV starts %.80q", stdout)
	}
	if strings.Contains(stdout, "jonas@example.lt") || strings.Contains(stdout, "Konsultuojamojo") {
		t.Errorf("export without -personal contains the requester:\n%s", stdout)
	}

	out := filepath.Join(t.TempDir(), "konsultacijos.csv")
	code, _, stderr = run(t, "en", "export-csv", "-what", "consultations", "-personal", "-data", path, "-o", out)
	if code != exitOK || !strings.Contains(stderr, "personal data") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "Requester's name;Requester's school;Requester's contact") || !strings.Contains(string(raw), "jonas@example.lt") {
		t.Errorf("export with -personal lacks the requester:\n%s", raw)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file with personal data has mode %v, want 0600", info.Mode().Perm())
	}
}

func TestCLI_exportXLSXCases(t *testing.T) {
	path := importedData(t)
	out := filepath.Join(t.TempDir(), "atvejai.xlsx")
	code, _, stderr := run(t, "lt", "export-xlsx", "-what", "cases", "-data", path, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("open the export: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Gerosios patirties aprašai")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][1] != "Pavadinimas" || rows[1][1] != "Skaitymo klubas" || rows[1][7] != "Juodraštis" {
		t.Errorf("rows = %q", rows)
	}
}

func TestCLI_importCSVBadRows(t *testing.T) {
	path := importedData(t)
	csv := writeFile(t, "renginiai.csv", "\xef\xbb\xbfPavadinimas;Pradžios data;Pradžios laikas;Pabaigos laikas\r\n"+
		"Geras renginys;2026-04-01;10:00;12:00\r\n"+
		"Blogas renginys;2026-02-30;10:00;12:00\r\n")

	code, _, stderr := run(t, "en", "import-csv", "-what", "events", "-data", path, csv)
	if code != exitFailure || !strings.Contains(stderr, "row 3") || !strings.Contains(stderr, "-skip-bad") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got := len(collect(t, path).Events); got != 2 {
		t.Fatalf("a rejected file changed the events: %d, want 2", got)
	}

	code, stdout, stderr := run(t, "en", "import-csv", "-what", "events", "-skip-bad", "-data", path, csv)
	if code != exitOK || !strings.Contains(stderr, "Skipped 1 bad row") || !strings.Contains(stdout, "New: 1 event") {
		t.Errorf("-skip-bad: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	var found bool
	for _, e := range collect(t, path).Events {
		if e.Title == "Geras renginys" && e.Start.In(data.Vilnius).Hour() == 10 {
			found = true
		}
	}
	if !found {
		t.Error("the good row was not imported")
	}
}

func TestCLI_importXLSXRenamedText(t *testing.T) {
	path := importedData(t)
	renamed := writeFile(t, "renginiai.xlsx", "Pavadinimas;Pradžios data\r\nA;2026-04-01\r\n")
	code, _, stderr := run(t, "lt", "import-xlsx", "-what", "consultations", "-data", path, renamed)
	if code != exitFailure || !strings.Contains(stderr, "ne XLSX") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestCLI_interopUsageErrors(t *testing.T) {
	path := importedData(t)
	for _, args := range [][]string{
		{"export-csv", "-what", "news"},
		{"import-csv", "-what", "cases", "x.csv"},
		{"import-ics"},
		{"export-xlsx"},
	} {
		code, _, stderr := run(t, "en", append(args, "-data", path)...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d; %s", args, code, exitUsage, stderr)
		}
	}
}

func TestCLI_importCSVTwiceKeepsOneCopy(t *testing.T) {
	path := importedData(t)
	csv := writeFile(t, "be-id.csv", "\xef\xbb\xbfPavadinimas;Pradžios data;Pradžios laikas\r\n"+
		"Posėdis;2026-04-01;10:00\r\nSeminaras;2026-04-02;11:00\r\nKonferencija;2026-04-03;\r\n")

	for i, want := range []string{"New: 3 events", "Unchanged: 3 events", "Unchanged: 3 events"} {
		code, stdout, stderr := run(t, "en", "import-csv", "-what", "events", "-data", path, csv)
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("import %d: exit %d, stdout %q, stderr %q, want %q", i+1, code, stdout, stderr, want)
		}
	}
	if got := len(collect(t, path).Events); got != 5 {
		t.Errorf("data file has %d events after three imports, want 5", got)
	}
}

func TestCLI_importCSVUnknownColumnBlocks(t *testing.T) {
	path := importedData(t)
	csv := writeFile(t, "stulpeliai.csv", "\xef\xbb\xbfPavadinimas;Pradžios data;Renginio rūšis\r\n"+
		"Posėdis;2026-04-01;seminaras\r\n")

	code, stdout, stderr := run(t, "en", "import-csv", "-what", "events", "-skip-bad", "-data", path, csv)
	if code != exitFailure {
		t.Errorf("exit %d, want %d; stdout %q", code, exitFailure, stdout)
	}
	if !strings.Contains(stderr, "Renginio rūšis") {
		t.Errorf("stderr does not name the unknown column: %q", stderr)
	}
	if !strings.Contains(stderr, "Title, Type, All day, Start date") {
		t.Errorf("stderr does not list the accepted headers: %q", stderr)
	}
	if strings.Contains(stderr, "-skip-bad") {
		t.Errorf("stderr suggests -skip-bad for a header problem: %q", stderr)
	}
	if got := len(collect(t, path).Events); got != 2 {
		t.Errorf("a file with an unknown column changed the events: %d, want 2", got)
	}
}

func TestCLI_importCSVEditorLabels(t *testing.T) {
	path := importedData(t)
	csv := writeFile(t, "etiketes.csv", "\xef\xbb\xbfPavadinimas;Renginio tipas;Pradžios data\r\n"+
		"Posėdis;Seminaras;2026-04-01\r\n")
	code, _, stderr := run(t, "lt", "import-csv", "-what", "events", "-skip-bad", "-data", path, csv)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var found bool
	for _, e := range collect(t, path).Events {
		if e.Title == "Posėdis" {
			found = true
			if e.Type != data.EventSeminar {
				t.Errorf("type = %q, want %q", e.Type, data.EventSeminar)
			}
		}
	}
	if !found {
		t.Error("the row was not imported")
	}
}

func TestCLI_importCSVQuoteAndFieldErrors(t *testing.T) {
	path := importedData(t)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"unclosed quote", "Pavadinimas;Pradžios data;Vieta\r\nGeras;2026-04-01;A\r\n\"Neuždarytas;2026-04-02;B\r\nKitas;2026-04-03;C\r\n",
			[]string{"line 3: The quoted field that starts here is never closed."}},
		{"quote closed on a later line", "Pavadinimas;Pradžios data;Vieta\r\n\"Neuždarytas;2026-04-01;A\r\nKab\"utė;2026-04-02;B\r\n",
			[]string{"line 2: The quoted field that starts here does not end on this line"}},
		{"stray quote", "Pavadinimas;Pradžios data;Vieta\r\nGeras;2026-04-01;A\r\nKab\"utė;2026-04-02;B\r\n",
			[]string{"line 3: A quote (\") is inside a field."}},
		{"comma row", "Pavadinimas;Pradžios data;Vieta\r\nGeras;2026-04-01;A\r\nKablelis,2026-04-02,B\r\n",
			[]string{"row 3, „Kablelis,2026-04-02,B“: The row has 1 field and the header has 3."}},
		{"mixed delimiters", "Pavadinimas;Pradžios data,Vieta\r\nA;2026-04-01,B\r\n",
			[]string{"line 1: The header row has more than one delimiter: “;”, “,”."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			csv := writeFile(t, "blogas.csv", c.text)
			code, _, stderr := run(t, "en", "import-csv", "-what", "events", "-data", path, csv)
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			for _, want := range c.want {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q does not contain %q", stderr, want)
				}
			}
			if strings.Contains(stderr, "tab") {
				t.Errorf("stderr names a delimiter the file does not have: %q", stderr)
			}
		})
	}
}

func TestCLI_importedTimesHaveVilniusOffsets(t *testing.T) {
	path := dataFile(t)
	csv := writeFile(t, "vasara.csv", "Pavadinimas;Pradžios data;Pradžios laikas\r\nVasaros posėdis;2026-07-01;12:00\r\n")
	if code, _, stderr := run(t, "en", "import-csv", "-what", "events", "-data", path, csv); code != exitOK {
		t.Fatalf("import-csv: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "en", "import-ics", "-data", path, fixture(t, "google.ics")); code != exitOK {
		t.Fatalf("import-ics: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := run(t, "en", "export", "-data", path)
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"2026-07-01T12:00:00+03:00"`) {
		t.Errorf("export lacks the CSV event's start with the Vilnius offset:\n%.2000s", stdout)
	}
	if utc := regexp.MustCompile(`"(start|end)": "[^"]*Z"`).FindString(stdout); utc != "" {
		t.Errorf("export has an event time in UTC: %s", utc)
	}
}

func TestCLI_importSummaryCountsOneKind(t *testing.T) {
	path := dataFile(t)
	code, stdout, stderr := run(t, "en", "import-ics", "-data", path, fixture(t, "google.ics"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "Imported. New: 15 events. Updated: 0 events. Unchanged: 0 events."; strings.TrimSpace(stdout) != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}

	csv := writeFile(t, "konsultacijos.csv", "Data;Trukmė (min.);Forma;Tema\r\n2026-10-05;30;Telefonu;Vertinimas\r\n")
	code, stdout, stderr = run(t, "lt", "import-csv", "-what", "consultations", "-data", path, csv)
	if code != exitOK {
		t.Fatalf("consultations: exit %d: %s", code, stderr)
	}
	if want := "Importuota. Nauji: 1 konsultacija. Atnaujinti: 0 konsultacijų. Nepakeisti: 0 konsultacijų."; strings.TrimSpace(stdout) != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestCLI_interopMessagesWording(t *testing.T) {
	path := dataFile(t)
	long := strings.Repeat("a", 10001)
	csv := writeFile(t, "ilgas.csv", "Pavadinimas;Pradžios data;Aprašymas\r\nIlgas;2026-04-01;"+long+"\r\n")

	_, _, stderr := run(t, "lt", "import-csv", "-what", "events", "-data", path, csv)
	if !strings.Contains(stderr, "  2 eilutė, „Ilgas“: Laukas „Aprašymas“ per ilgas: leidžiama ne daugiau kaip 10\u00a0000 simb.") {
		t.Errorf("Lithuanian message = %q, want the row, the quoted title and 10\u00a0000", stderr)
	}
	_, _, stderr = run(t, "en", "import-csv", "-what", "events", "-data", path, csv)
	if !strings.Contains(stderr, "row 2, „Ilgas“: “Description” is too long: at most 10,000 characters") {
		t.Errorf("English message = %q, want 10,000", stderr)
	}
}
