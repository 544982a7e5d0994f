package publication

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/jsonio"
	"partneryste/data/sample"
)

// fixedDate is the creation date of every test document.
var fixedDate = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// sampleCases returns the practice cases of the sample data set.
func sampleCases(t testing.TB) []data.PracticeCase {
	t.Helper()
	f, err := jsonio.Decode(bytes.NewReader(sample.JSON()))
	if err != nil {
		t.Fatalf("decode sample data: %v", err)
	}
	return f.PracticeCases
}

// sampleEdition returns an edition of every sample case, with a full
// imprint and foreword, and the cases keyed by id.
func sampleEdition(t testing.TB) (data.Edition, map[string]data.PracticeCase) {
	t.Helper()
	cases := sampleCases(t)
	for i := range cases {
		cases[i].Association = "sample-association"
	}
	ed := data.NewEdition(2026, cases)
	ed.Editors = []string{"Rūta Žemaitienė", "Jonas Čepulis"}
	ed.Foreword = "Šiame leidinyje – geriausi mokslo metų gerosios patirties aprašai.\n\nDėkojame visiems autoriams."
	ed.Imprint = data.Imprint{Publisher: "Švietimo plėtotės centras", Place: "Vilnius", ISBN: "978-0-306-40615-7", Licence: "CC BY 4.0"}
	return ed, byID(cases)
}

func byID(cases []data.PracticeCase) map[string]data.PracticeCase {
	m := make(map[string]data.PracticeCase, len(cases))
	for _, pc := range cases {
		m[pc.ID] = pc
	}
	return m
}

// sampleAssociations names the sample data's association.
var sampleAssociations = map[string]string{"sample-association": sample.AssociationName}

// renderFile writes the edition to a file in a temporary folder and returns
// its path.
func renderFile(t testing.TB, ed data.Edition, cases map[string]data.PracticeCase) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, ed, cases, Options{CreationDate: fixedDate, Associations: sampleAssociations}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "leidinys.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// needTool skips the test when a command-line tool is missing.
func needTool(t testing.TB, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		// CI installs every tool, so a missing one there is a broken set-up.
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (Debian package %s)", name, pkg)
		}
		t.Skipf("%s is not installed (Debian package %s)", name, pkg)
	}
}

// pdfText returns the text of pages first to last (1-based, inclusive)
// as pdftotext extracts it in reading order.
func pdfText(t testing.TB, path string, first, last int) string {
	t.Helper()
	needTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// pageCount returns the number of pages that pdfinfo reports.
func pageCount(t testing.TB, path string) int {
	t.Helper()
	needTool(t, "pdfinfo", "poppler-utils")
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				t.Fatalf("pdfinfo pages %q: %v", rest, err)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo printed no page count:\n%s", out)
	return 0
}

// pdfInfo returns pdfinfo's field (such as "Title") of the file.
func pdfInfo(t testing.TB, path, field string) string {
	t.Helper()
	needTool(t, "pdfinfo", "poppler-utils")
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, field+":"); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// squash joins the words of text with single spaces, so that text wrapped
// over lines compares with the source.
func squash(text string) string { return strings.Join(strings.Fields(text), " ") }

func describePages(t testing.TB, path string) string {
	t.Helper()
	var b strings.Builder
	for p := 1; p <= pageCount(t, path); p++ {
		fmt.Fprintf(&b, "--- page %d ---\n%s\n", p, pdfText(t, path, p, p))
	}
	return b.String()
}
