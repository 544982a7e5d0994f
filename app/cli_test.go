package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/jsonio"
	"partneryste/ui"
)

// run runs a headless command in-process and returns its exit code and
// output. Every command gets -lang so that messages do not depend on the
// machine's locale.
func run(t *testing.T, language string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args = append(args, "-lang", language)
	handled, code := RunCommand(args, &out, &errOut)
	if !handled {
		t.Fatalf("RunCommand(%q) not handled", args)
	}
	return code, out.String(), errOut.String()
}

// importFileText is a valid import file with personal data.
const importFileText = `{"format": "partneryste", "version": 1,
 "profile": {"association_id": "a1", "name": "Lietuvių kalbos mokytojų asociacija"},
 "events": [
  {"id": "e1", "title": "Seminaras", "type": "seminar",
   "start": "2026-03-11T08:00:00Z", "end": "2026-03-11T10:00:00Z"},
  {"id": "e2", "title": "Stovykla", "type": "course", "all_day": true,
   "start_date": "2026-07-01", "end_date": "2026-07-03"}
 ],
 "practice_cases": [
  {"id": "p1", "title": "Skaitymo klubas", "subject": "Lietuvių kalba", "status": "draft",
   "authors": [{"name": "Ona Onaitė"}], "keywords": ["skaitymas"]}
 ],
 "consultations": [
  {"id": "c1", "date": "2026-02-02", "duration_min": 30, "format": "phone",
   "topic": "Rašinio vertinimas", "status": "new",
   "requester": {"name": "Jonas", "contact": "jonas@example.lt"}}
 ]}`

// badFileText has problems on known lines.
const badFileText = `{"format": "partneryste", "version": 1,
 "events": [
  {"id": "e1", "title": "", "type": "seminar",
   "start": "2026-03-11T10:00:00Z", "end": "2026-03-11T08:00:00Z", "room": "12"}
 ],
 "consultations": [
  {"id": "c1", "date": "2026-02-02", "duration_min": 30, "format": "phone",
   "topic": "Tema", "status": "new", "requester": {"contact": "jonas@"}}
 ]}`

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func dataFile(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "profile", "partneryste.db")
}

// openData opens a data file the way the program does, for checks.
func openData(t *testing.T, path string) *boltstore.DB {
	t.Helper()
	db, err := boltstore.Open(path, boltstore.Options{
		Logger:          slog.New(slog.NewTextHandler(io.Discard, nil)),
		AutoBackupEvery: -1,
	})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return db
}

func collect(t *testing.T, path string) *jsonio.File {
	t.Helper()
	db := openData(t, path)
	defer db.Close()
	f, err := jsonio.Collect(db, jsonio.ExportOptions{IncludePersonal: true})
	if err != nil {
		t.Fatalf("collect %s: %v", path, err)
	}
	for _, r := range f.Records() {
		*r.Header() = data.Meta{ID: r.Header().ID}
	}
	// Each data file has its own association id and export time.
	f.Exported = time.Time{}
	f.Profile.AssociationID = ""
	return f
}

func TestRunCommand_notACommand(t *testing.T) {
	for _, args := range [][]string{nil, {}, {"-data", "x.db"}, {"importx"}} {
		if handled, _ := RunCommand(args, io.Discard, io.Discard); handled {
			t.Errorf("RunCommand(%q) handled, want the UI to start", args)
		}
	}
}

func TestCLI_importExportRoundTrip(t *testing.T) {
	source := dataFile(t)
	code, stdout, stderr := run(t, "lt", "import", writeFile(t, "in.json", importFileText), "-data", source)
	if code != exitOK {
		t.Fatalf("import exit %d, stderr %s", code, stderr)
	}
	for _, want := range []string{"Nauji: 2 renginiai, 1 gerosios patirties aprašas, 1 konsultacija.", "Atnaujinti: 0 renginių"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("import output %q lacks %q", stdout, want)
		}
	}

	exported := filepath.Join(t.TempDir(), "out.json")
	code, stdout, stderr = run(t, "lt", "export", "-personal", "-o", exported, "-data", source)
	if code != exitOK {
		t.Fatalf("export exit %d, stderr %s", code, stderr)
	}
	if !strings.Contains(stdout, exported) {
		t.Errorf("export output %q does not name the file", stdout)
	}
	if !strings.Contains(stderr, "asmens duomenų") {
		t.Errorf("export -personal gave no warning about personal data: %q", stderr)
	}
	info, err := os.Stat(exported)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("file with personal data has mode %v, want 0600", info.Mode().Perm())
	}

	target := dataFile(t)
	code, _, stderr = run(t, "lt", "import", "-data", target, exported)
	if code != exitOK {
		t.Fatalf("re-import exit %d, stderr %s", code, stderr)
	}
	if got, want := collect(t, target), collect(t, source); !reflect.DeepEqual(got, want) {
		t.Errorf("records differ after export and import:\n got %+v\nwant %+v", got, want)
	}

	code, stdout, _ = run(t, "en", "import", "-data", target, exported)
	if code != exitOK || !strings.Contains(stdout, "Unchanged: 2 events, 1 good-practice case, 1 consultation.") {
		t.Errorf("second import exit %d, output %q, want every record unchanged", code, stdout)
	}
	if counts := countsOf(t, target); counts.Outbox != 4 {
		t.Errorf("outbox after importing the same file twice = %d, want 4", counts.Outbox)
	}
}

func TestCLI_exportToStdoutWithoutPersonal(t *testing.T) {
	path := dataFile(t)
	if code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "in.json", importFileText)); code != exitOK {
		t.Fatalf("import: %s", stderr)
	}

	code, stdout, stderr := run(t, "en", "export", "-data", path)
	if code != exitOK {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("export wrote to stderr: %q", stderr)
	}
	if strings.Contains(stdout, "jonas@example.lt") || strings.Contains(stdout, "Jonas") {
		t.Errorf("export without -personal contains the requester")
	}
	f, err := jsonio.Decode(strings.NewReader(stdout))
	if err != nil {
		t.Fatalf("exported JSON does not decode: %v", err)
	}
	if len(f.Events) != 2 || len(f.PracticeCases) != 1 || len(f.Consultations) != 1 {
		t.Errorf("export has %d events, %d cases, %d consultations", len(f.Events), len(f.PracticeCases), len(f.Consultations))
	}
}

func TestCLI_importBadFileWritesNothing(t *testing.T) {
	path := dataFile(t)
	code, stdout, stderr := run(t, "lt", "import", "-data", path, writeFile(t, "bad.json", badFileText))
	if code != exitFailure {
		t.Errorf("exit code %d, want %d", code, exitFailure)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	for _, want := range []string{
		"neimportuotas, duomenys nepakeisti. Rastos 4 problemos:",
		"Eilutė 3, renginys Nr. 1: Užpildykite lauką „Pavadinimas“.",
		"Eilutė 4, renginys Nr. 1: „Pabaiga“ negali būti ankstesnė už pradžią.",
		"Eilutė 4, renginys Nr. 1: Nežinomas laukas „room“.",
		"Eilutė 8, konsultacija Nr. 1: Lauke „Konsultuojamojo kontaktas“ neteisingas el. pašto adresas.",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("data file exists after a rejected import: %v", err)
	}
}

func TestCLI_importSyntaxErrorEnglish(t *testing.T) {
	path := dataFile(t)
	code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "bad.json", "{\"format\": \"partneryste\",\n \"version\": 1,,\n}"))
	if code != exitFailure {
		t.Errorf("exit code %d, want %d", code, exitFailure)
	}
	if want := "Line 2: The file is not valid JSON: error in column 15."; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}

func TestCLI_usageErrors(t *testing.T) {
	cases := [][]string{
		{"import"},
		{"import", "a.json", "b.json"},
		{"export", "extra"},
		{"counts", "-unknown"},
		{"restore"},
		{"counts", "-profile", "../etc"},
	}
	for _, args := range cases {
		code, stdout, stderr := run(t, "en", args...)
		if code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
		if stdout != "" {
			t.Errorf("%q: stdout %q, want nothing", args, stdout)
		}
		if !strings.Contains(stderr, "partneryste help") {
			t.Errorf("%q: stderr %q does not point to help", args, stderr)
		}
	}

	// The message about an unknown -lang comes in the system's language.
	code, _, stderr := run(t, "de", "counts")
	if code != exitUsage || !strings.Contains(stderr, "de") || !strings.Contains(stderr, "lt") {
		t.Errorf("unknown language: exit %d, stderr %q", code, stderr)
	}
}

func TestCLI_help(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"import", "-h"}} {
		code, stdout, _ := run(t, "lt", args...)
		if code != exitOK {
			t.Errorf("%q: exit %d, want 0", args, code)
		}
		for _, want := range []string{"import FAILAS.json", "restore KOPIJA", "-profile VARDAS", EnvData} {
			if !strings.Contains(stdout, want) {
				t.Errorf("%q: help lacks %q", args, want)
			}
		}
	}
}

func TestCLI_readCommandsNeedDataFile(t *testing.T) {
	path := dataFile(t)
	for _, cmd := range []string{"export", "counts", "backup", "backups"} {
		code, _, stderr := run(t, "en", cmd, "-data", path)
		if code != exitFailure || !strings.Contains(stderr, "does not exist") {
			t.Errorf("%s on a missing file: exit %d, stderr %q", cmd, code, stderr)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a reading command created the data file")
	}
}

func TestCLI_counts(t *testing.T) {
	path := dataFile(t)
	if code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "in.json", importFileText)); code != exitOK {
		t.Fatalf("import: %s", stderr)
	}

	code, stdout, _ := run(t, "lt", "counts", "-data", path)
	if code != exitOK {
		t.Fatalf("counts exit %d", code)
	}
	for _, want := range []string{"Renginiai: 2", "Gerosios patirties aprašai: 1", "Konsultacijos: 1", "Laukia išsiuntimo: 4"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("counts output %q lacks %q", stdout, want)
		}
	}

	code, stdout, _ = run(t, "en", "counts", "-json", "-data", path)
	if code != exitOK {
		t.Fatalf("counts -json exit %d", code)
	}
	var counts data.Counts
	if err := json.Unmarshal([]byte(stdout), &counts); err != nil {
		t.Fatalf("counts -json output %q: %v", stdout, err)
	}
	if want := (data.Counts{Events: 2, PracticeCases: 1, Consultations: 1, Outbox: 4}); counts != want {
		t.Errorf("counts = %+v, want %+v", counts, want)
	}
}

func TestCLI_backupAndRestore(t *testing.T) {
	path := dataFile(t)
	if code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "in.json", importFileText)); code != exitOK {
		t.Fatalf("import: %s", stderr)
	}

	code, stdout, stderr := run(t, "en", "backup", "-data", path)
	if code != exitOK {
		t.Fatalf("backup exit %d: %s", code, stderr)
	}
	backup := strings.TrimSpace(stdout)
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup path %q: %v", backup, err)
	}

	code, stdout, _ = run(t, "en", "backups", "-data", path)
	if code != exitOK || !strings.Contains(stdout, backup) {
		t.Errorf("backups exit %d, output %q, want %s listed", code, stdout, backup)
	}
	// The listed time is the UTC time of the name, shown in Vilnius.
	stamp := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(backup), "partneryste-"), "Z.db")
	created, err := time.Parse("20060102-150405.000", stamp)
	if err != nil {
		t.Fatalf("backup name %s: %v", backup, err)
	}
	if want := created.In(data.Vilnius).Format("2006-01-02 15:04:05 MST"); !strings.HasPrefix(stdout, want) {
		t.Errorf("backups output %q, want it to start with %s", stdout, want)
	}

	// Change the data, then restore by the backup's bare name.
	db := openData(t, path)
	if err := db.Delete(data.KindEvent, "e1"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, stdout, stderr = run(t, "en", "restore", "-data", path, filepath.Base(backup))
	if code != exitOK {
		t.Fatalf("restore exit %d: %s", code, stderr)
	}
	kept, found := strings.CutPrefix(strings.TrimSpace(stdout), "Data restored from "+backup+". The previous file was kept as ")
	kept = strings.TrimSuffix(kept, ".")
	if !found || !strings.HasPrefix(kept, path+".before-restore-") {
		t.Errorf("restore output %q, want the kept file named", stdout)
	} else if _, err := os.Stat(kept); err != nil {
		t.Errorf("kept file named in the output: %v", err)
	}
	if counts := collect(t, path); len(counts.Events) != 2 {
		t.Errorf("after restore %d events, want 2", len(counts.Events))
	}

	fresh := filepath.Join(t.TempDir(), "new.db")
	code, stdout, stderr = run(t, "en", "restore", "-data", fresh, backup)
	if code != exitOK {
		t.Fatalf("restore into a new file: exit %d: %s", code, stderr)
	}
	if want := "into the new file " + fresh; !strings.Contains(stdout, want) {
		t.Errorf("restore output %q lacks %q", stdout, want)
	}
}

func TestCLI_backupsOfOneDataFile(t *testing.T) {
	dir := t.TempDir()
	main, copied := filepath.Join(dir, "p.db"), filepath.Join(dir, "copy.db")
	for _, path := range []string{main, copied} {
		if code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "in.json", importFileText)); code != exitOK {
			t.Fatalf("import into %s: %s", path, stderr)
		}
	}
	code, stdout, stderr := run(t, "en", "backup", "-data", copied)
	if code != exitOK {
		t.Fatalf("backup of copy.db: exit %d: %s", code, stderr)
	}
	copyBackup := strings.TrimSpace(stdout)

	code, stdout, stderr = run(t, "en", "backups", "-data", main)
	if code != exitOK {
		t.Fatalf("backups of p.db: exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, copyBackup) {
		t.Errorf("backups of p.db list copy.db's backup:\n%s", stdout)
	}
	if want := "There are no backups of " + main; !strings.Contains(stderr, want) {
		t.Errorf("backups of p.db: stderr %q lacks %q", stderr, want)
	}
}

func TestCLI_restoreBadBackup(t *testing.T) {
	path := dataFile(t)
	code, _, stderr := run(t, "en", "restore", "-data", path, writeFile(t, "fake.db", "not a database"))
	if code != exitFailure || !strings.Contains(stderr, "is damaged or not a Partnerystė file") {
		t.Errorf("exit %d, stderr %q, want the backup rejected", code, stderr)
	}

	code, _, stderr = run(t, "en", "restore", "-data", path, "missing.db")
	if code != exitFailure || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing backup: exit %d, stderr %q", code, stderr)
	}
}

func TestCLI_lockedDataFile(t *testing.T) {
	path := dataFile(t)
	if code, _, stderr := run(t, "en", "import", "-data", path, writeFile(t, "in.json", importFileText)); code != exitOK {
		t.Fatalf("import: %s", stderr)
	}
	code, stdout, _ := run(t, "en", "backup", "-data", path)
	if code != exitOK {
		t.Fatal("backup failed")
	}
	backup := strings.TrimSpace(stdout)

	// An open store holds bbolt's file lock, as a running window does.
	db := openData(t, path)
	defer db.Close()

	code, _, stderr := run(t, "lt", "restore", "-data", path, backup)
	if code != exitFailure {
		t.Errorf("restore on a locked file: exit %d, want %d", code, exitFailure)
	}
	if want := "naudoja atidarytas Partnerystės langas. Uždarykite programą"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}

	code, _, stderr = run(t, "en", "counts", "-data", path)
	if code != exitFailure || !strings.Contains(stderr, "is in use by an open Partnerystė window") {
		t.Errorf("counts on a locked file: exit %d, stderr %q", code, stderr)
	}
}

func TestCLI_damagedDataFile(t *testing.T) {
	path := writeFile(t, "partneryste.db", strings.Repeat("not bbolt ", 1000))
	code, _, stderr := run(t, "en", "counts", "-data", path)
	if code != exitFailure || !strings.Contains(stderr, "partneryste restore BACKUP") {
		t.Errorf("exit %d, stderr %q, want advice to restore", code, stderr)
	}
}

func TestCLI_sample(t *testing.T) {
	path := dataFile(t)
	code, stdout, stderr := run(t, "en", "sample", "-data", path)
	if code != exitOK {
		t.Fatalf("sample exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Imported. New:") {
		t.Errorf("sample output %q", stdout)
	}
	db := openData(t, path)
	defer db.Close()
	counts, err := db.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if counts.Events == 0 || counts.PracticeCases == 0 || counts.Consultations == 0 {
		t.Errorf("counts after sample = %+v, want records of every kind", counts)
	}
	if counts.Outbox != 0 {
		t.Errorf("%d changes waiting to be sent after sample, want 0", counts.Outbox)
	}
}

func TestProblemText_fileProblems(t *testing.T) {
	if err := LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		problem jsonio.Problem
		want    string
	}{
		{jsonio.Problem{Index: -1, FieldError: data.FieldError{Field: "format", Code: jsonio.CodeNotPartneryste, Line: 1}},
			"Line 1: This is not a Partnerystė data file. Choose a file exported from Partnerystė."},
		{jsonio.Problem{Index: -1, FieldError: data.FieldError{Field: "comment", Code: data.CodeUnknownField, Line: 2}},
			"Line 2: Unknown field “comment”. Remove it or correct its name."},
		{jsonio.Problem{Index: -1, FieldError: data.FieldError{Field: "profile.name", Code: data.CodeInvalidValue, Line: 3}},
			"Line 3: The value of “Association name” is not valid. Choose a value from the list or correct it."},
		{jsonio.Problem{Index: -1, FieldError: data.FieldError{Code: data.CodeTooLong, Limit: jsonio.MaxFileMiB}},
			"The file is too large: at most 256 MiB is allowed."},
		{jsonio.Problem{Section: jsonio.SectionPracticeCases, Index: 2, FieldError: data.FieldError{Field: "authors.1.name", Code: data.CodeTooLong, Limit: 200, Line: 40}},
			"Line 40, good-practice case no. 3: “Author's name” is too long: at most 200 characters are allowed. Shorten the text."},
		{jsonio.Problem{Section: jsonio.SectionEvents, Index: 0, FieldError: data.FieldError{Code: data.CodeInvalidValue, Line: 3}},
			"Line 3, event no. 1: A record must be a JSON object {…}. Correct or remove it."},
	}
	for _, tc := range cases {
		if got := ProblemText(tc.problem); got != tc.want {
			t.Errorf("ProblemText(%v)\n got %q\nwant %q", tc.problem, got, tc.want)
		}
	}
}

func TestLoadTranslations_language(t *testing.T) {
	cases := []struct {
		name     string
		lang     string // the LANG variable
		language string // LoadTranslations' argument
		want     string
	}{
		{"C locale defaults to Lithuanian", "C", "", "Renginiai: 1"},
		{"unset locale defaults to Lithuanian", "", "", "Renginiai: 1"},
		{"German system defaults to Lithuanian", "de_DE.UTF-8", "", "Renginiai: 1"},
		{"English system stays English", "en_GB.UTF-8", "", "Events: 1"},
		{"Lithuanian system", "lt_LT.UTF-8", "", "Renginiai: 1"},
		{"English chosen over C locale", "C", "en", "Events: 1"},
		{"Lithuanian chosen over English system", "en_US.UTF-8", "lt", "Renginiai: 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("LANGUAGE", "")
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tc.lang)
			if err := LoadTranslations(tc.language); err != nil {
				t.Fatalf("LoadTranslations(%q): %v", tc.language, err)
			}
			if got := ui.T("cli.counts.events", map[string]any{"Count": 1}); got != tc.want {
				t.Errorf("message = %q, want %q", got, tc.want)
			}
		})
	}

	if err := LoadTranslations("fr"); err == nil {
		t.Errorf("LoadTranslations(fr) succeeded, want an error")
	}
}

// countsOf returns the counts of the data file at path.
func countsOf(t *testing.T, path string) data.Counts {
	t.Helper()
	db := openData(t, path)
	defer db.Close()
	counts, err := db.Counts()
	if err != nil {
		t.Fatalf("counts of %s: %v", path, err)
	}
	return counts
}

func TestParseFlags_unknownCommand(t *testing.T) {
	for _, args := range [][]string{{"count"}, {"-v", "count"}, {"-lang", "en", "count", "-data", "p.db"}} {
		_, err := parseFlags(args, io.Discard)
		var unknown unknownCommandError
		if !errors.As(err, &unknown) {
			t.Errorf("parseFlags(%q) = %v, want unknownCommandError", args, err)
			continue
		}
		if unknown.name != "count" {
			t.Errorf("parseFlags(%q) named %q, want count", args, unknown.name)
		}
	}
}

func TestReportUnknownCommand(t *testing.T) {
	cases := []struct {
		name, language, want string
	}{
		{"count", "lt", "partneryste: Nežinoma komanda „count“. Gal norėjote „counts“?\nKomandų sąrašas: partneryste help\n"},
		{"imprt", "en", "partneryste: Unknown command “imprt”. Did you mean “import”?\nFor the list of commands: partneryste help\n"},
		{"xyzzy", "en", "partneryste: Unknown command “xyzzy”.\nFor the list of commands: partneryste help\n"},
	}
	for _, c := range cases {
		var stderr bytes.Buffer
		if code := reportUnknownCommand(&stderr, c.name, c.language); code != exitUsage {
			t.Errorf("%s: exit %d, want %d", c.name, code, exitUsage)
		}
		if stderr.String() != c.want {
			t.Errorf("%s: stderr %q, want %q", c.name, stderr.String(), c.want)
		}
	}
}

func TestCLI_importFileErrors(t *testing.T) {
	path := dataFile(t)
	missing := filepath.Join(t.TempDir(), "nonexistent.json")
	folder := t.TempDir()
	cases := []struct {
		file, language, want string
	}{
		{missing, "lt", "partneryste: Failo " + missing + " nėra. Patikrinkite kelią.\n"},
		{missing, "en", "partneryste: The file " + missing + " does not exist. Check the path.\n"},
		{folder, "lt", "partneryste: " + folder + " yra aplankas, o ne failas. Nurodykite importuojamą failą.\n"},
		{folder, "en", "partneryste: " + folder + " is a folder, not a file. Name the file to import.\n"},
	}
	// The calendar and table imports read files the same way.
	imports := [][]string{{"import"}, {"import-ics"}, {"import-csv", "-what", "events"}, {"import-xlsx", "-what", "consultations"}}
	for _, c := range cases {
		for _, command := range imports {
			args := append(append([]string{}, command...), "-data", path, c.file)
			code, _, stderr := run(t, c.language, args...)
			if code != exitFailure {
				t.Errorf("%s %s: exit %d, want %d", command[0], c.file, code, exitFailure)
			}
			if stderr != c.want {
				t.Errorf("%s %s (%s): stderr %q, want %q", command[0], c.file, c.language, stderr, c.want)
			}
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed import created the data file: %v", err)
	}
}

func TestReadFailedText_permissionDenied(t *testing.T) {
	if err := LoadTranslations("lt"); err != nil {
		t.Fatal(err)
	}
	// Tests run as root on CI, where no file is unreadable, so the error
	// is built as os.Open returns it.
	err := &fs.PathError{Op: "open", Path: "/srv/p.json", Err: fs.ErrPermission}
	want := "Neleidžiama skaityti failo /srv/p.json. Patikrinkite failo teises."
	if got := readFailedText("/srv/p.json", err); got != want {
		t.Errorf("readFailedText = %q, want %q", got, want)
	}
}

func TestCLI_importStdinNamed(t *testing.T) {
	stdin, err := os.Open(writeFile(t, "bad.json", badFileText))
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	saved := os.Stdin
	os.Stdin = stdin
	t.Cleanup(func() { os.Stdin = saved })

	code, _, stderr := run(t, "lt", "import", "-data", dataFile(t), "-")
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if want := "Įrašai iš standartinės įvesties neimportuoti"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}
	if strings.Contains(stderr, "Failas - ") {
		t.Errorf("stderr %q names standard input as a file called -", stderr)
	}
}

func TestCLI_exportFileAsData(t *testing.T) {
	export := writeFile(t, "export.json", importFileText)
	calendar := writeFile(t, "calendar.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"counts", "-data", export},
			"partneryste: Failas " + export + " yra eksportuotas JSON failas, o ne duomenų failas. Jo įrašus importuokite: partneryste import " + export + "\n"},
		{[]string{"import", "-data", export, export},
			"partneryste: Failas " + export + " yra eksportuotas JSON failas, o ne duomenų failas. Jo įrašus importuokite: partneryste import " + export + "\n"},
		{[]string{"counts", "-data", calendar},
			"partneryste: Failas " + calendar + " yra iCalendar (.ics) kalendorius, o ne duomenų failas. Jo renginius importuokite: partneryste import-ics " + calendar + "\n"},
		{[]string{"restore", "-data", dataFile(t), export},
			"partneryste: Failas " + export + " yra eksportuotas JSON failas, o ne duomenų failas. Jo įrašus importuokite: partneryste import " + export + "\n"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, "lt", c.args...)
		if code != exitFailure {
			t.Errorf("%q: exit %d, want %d", c.args, code, exitFailure)
		}
		if stderr != c.want {
			t.Errorf("%q: stderr %q, want %q", c.args, stderr, c.want)
		}
	}
	if got, err := os.ReadFile(export); err != nil || string(got) != importFileText {
		t.Errorf("the export file changed: %v", err)
	}
}

func TestProgram_startOnExportFile(t *testing.T) {
	p, stderr := newTestProgram(t)
	if err := os.WriteFile(p.paths.Data, []byte(importFileText), 0o600); err != nil {
		t.Fatal(err)
	}

	p.start()
	if p.main != nil {
		t.Error("main window opened on an export file")
	}
	if titles := windowTitles(p.app); len(titles) != 1 || titles[0] != "Duomenų failo atverti nepavyko" {
		t.Errorf("windows = %q, want the open-failed window", titles)
	}
	if want := "partneryste import " + p.paths.Data; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	if strings.Contains(stderr.String(), "atsarginę kopiją") {
		t.Errorf("stderr %q offers a restore for an export file", stderr.String())
	}
	if code := p.stop(); code != exitFailure {
		t.Errorf("exit code = %d, want %d", code, exitFailure)
	}
}
