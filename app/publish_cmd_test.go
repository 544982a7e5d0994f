package app

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/jsonio"
	"partneryste/data/sample"
)

// sampleDataFile loads the sample data set into a new data file.
func sampleDataFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "duomenys.db")
	if code, _, stderr := run(t, "lt", "sample", "-data", path); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	return path
}

func TestPublish_allApproved(t *testing.T) {
	path := sampleDataFile(t)
	out := filepath.Join(t.TempDir(), "leidinys.pdf")

	code, stdout, stderr := run(t, "lt", "publish", "-data", path, "-o", out, "-date", "2026-12-01")
	if code != 0 {
		t.Fatalf("publish: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout %q does not name the file", stdout)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatalf("output starts with %q, want a PDF", first[:min(8, len(first))])
	}

	f, err := jsonio.Decode(bytes.NewReader(sample.JSON()))
	if err != nil {
		t.Fatal(err)
	}
	squashed := strings.Join(strings.Fields(pdfToText(t, out)), " ")
	for _, pc := range f.PracticeCases {
		printed := strings.Contains(squashed, pc.Title)
		wanted := pc.Status == data.CaseApproved || pc.Status == data.CasePublished
		if printed != wanted {
			t.Errorf("case %q (%s) printed = %v, want %v", pc.Title, pc.Status, printed, wanted)
		}
	}
	if !strings.Contains(squashed, sample.AssociationName) {
		t.Error("the association's name is not printed")
	}

	// The same data and date give the same bytes.
	if code, _, stderr := run(t, "lt", "publish", "-data", path, "-o", out, "-date", "2026-12-01"); code != 0 {
		t.Fatalf("second publish: exit %d: %s", code, stderr)
	}
	second, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("two exports of the same data file differ")
	}
}

func TestPublish_editionFile(t *testing.T) {
	path := sampleDataFile(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "leidinys.pdf")

	ed := data.Edition{
		Title:    "Metodinės rekomendacijos mokytojams 2026",
		Year:     2026,
		Chapters: []data.Chapter{{Title: "Gamtos mokslai", CaseIDs: []string{"sample-case-01"}}},
	}
	raw, _ := json.Marshal(ed)
	edPath := filepath.Join(dir, "leidimas.json")
	if err := os.WriteFile(edPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}

	if code, _, stderr := run(t, "en", "publish", "-data", path, "-o", out, "-edition", edPath); code != 0 {
		t.Fatalf("publish: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no output file: %v", err)
	}
}

func TestPublish_storedEdition(t *testing.T) {
	path := sampleDataFile(t)
	out := filepath.Join(t.TempDir(), "leidinys.pdf")

	store, err := boltstore.Open(path, boltstore.Options{AutoBackupEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	ed := &data.Edition{
		Title:    "Metodinės rekomendacijos mokytojams 2027",
		Year:     2027,
		Chapters: []data.Chapter{{Title: "Gamtos mokslai", CaseIDs: []string{"sample-case-01"}}},
	}
	saveErr := store.Save(ed)
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	if saveErr != nil {
		t.Fatalf("save edition: %v", saveErr)
	}

	code, _, stderr := run(t, "lt", "publish", "-data", path, "-o", out, "-edition", ed.ID, "-date", "2027-01-15")
	if code != 0 {
		t.Fatalf("publish -edition %s: exit %d: %s", ed.ID, code, stderr)
	}
	text := strings.Join(strings.Fields(pdfToText(t, out)), " ")
	if !strings.Contains(text, ed.Title) {
		t.Errorf("the stored edition's title %q is not printed", ed.Title)
	}
	if !strings.Contains(text, "Gamtos mokslai") {
		t.Error("the stored edition's chapter is not printed")
	}
}

// pdfToText returns the text of a PDF through poppler's pdftotext.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed (Debian package poppler-utils)")
		}
		t.Skip("pdftotext is not installed (Debian package poppler-utils)")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(text)
}

func TestPublish_missingCaseWritesNothing(t *testing.T) {
	path := sampleDataFile(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "leidinys.pdf")

	raw := `{"title": "Leidinys", "year": 2026, "chapters": [{"title": "Skyrius", "case_ids": ["nera-tokio"]}]}`
	edPath := filepath.Join(dir, "leidimas.json")
	if err := os.WriteFile(edPath, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, stderr := run(t, "lt", "publish", "-data", path, "-o", out, "-edition", edPath)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if !strings.Contains(stderr, "nera-tokio") {
		t.Errorf("stderr %q does not name the missing case", stderr)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a failed export left %s behind", e.Name())
		}
	}
}

func TestPublish_noCasesWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "leidinys.pdf")
	emptyEdition := filepath.Join(dir, "leidimas.json")
	raw := `{"title": "Leidinys", "year": 2026, "chapters": [{"title": "Skyrius"}]}`
	if err := os.WriteFile(emptyEdition, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no approved cases", nil, "Nėra patvirtintų aprašų"},
		{"edition without cases", []string{"-edition", emptyEdition}, "skyriuose nėra nė vieno aprašo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The data file holds one case, a draft, which is not published.
			path := dataFile(t)
			store := openData(t, path)
			draft := &data.PracticeCase{Title: "Juodraštis", Subject: "Matematika", Status: data.CaseDraft,
				Authors: []data.Author{{Name: "Rūta Petrauskienė"}}, Levels: []data.EducationLevel{data.LevelBasic}}
			if err := store.Save(draft); err != nil {
				t.Fatal(err)
			}
			if err := store.Close(); err != nil {
				t.Fatal(err)
			}

			args := append([]string{"publish", "-data", path, "-o", out}, c.args...)
			code, stdout, stderr := run(t, "lt", args...)
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, c.want)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a publication without cases was written")
			}
		})
	}
}

func TestPublish_usageErrors(t *testing.T) {
	path := sampleDataFile(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	tests := [][]string{
		{"publish", "-data", path},
		{"publish", "-data", path, "-o", out, "-date", "2026-02-30"},
		{"publish", "-data", path, "-o", out, "-edition", "e.json", "-all-approved"},
	}
	for _, args := range tests {
		if code, _, stderr := run(t, "en", args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with a message", args, code, stderr, exitUsage)
		}
	}
}
