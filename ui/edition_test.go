package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/publication"
)

// saveApprovedCases stores approved cases in two subjects and returns
// them by title.
func saveApprovedCases(t *testing.T, store data.Store) map[string]*data.PracticeCase {
	t.Helper()
	cases := map[string]*data.PracticeCase{}
	for _, spec := range []struct{ title, subject string }{
		{"Trupmenos virtuvėje", "Matematika"},
		{"Geometrija kieme", "Matematika"},
		{"Šokio ritmas pradinukams", "Šokis"},
	} {
		c := reviewTestCase(spec.title)
		c.Subject = spec.subject
		c.Status = data.CaseApproved
		if err := store.Save(c); err != nil {
			t.Fatalf("save case %q: %v", spec.title, err)
		}
		cases[spec.title] = c
	}
	return cases
}

func newEditionTestScreen(t *testing.T) (*editionScreen, *Env, map[string]*data.PracticeCase) {
	t.Helper()
	env := newTestEnv(t)
	cases := saveApprovedCases(t, env.Store)
	s := newEditionScreen(env)
	env.Window.SetContent(s.content())
	return s, env, cases
}

func TestEditionScreen_defaultChapters(t *testing.T) {
	s, _, _ := newEditionTestScreen(t)

	want := strings.Join([]string{
		"1. Matematika",
		"    1.1. Geometrija kieme",
		"    1.2. Trupmenos virtuvėje",
		"2. Šokis",
		"    2.1. Šokio ritmas pradinukams",
	}, "\n")
	if s.preview.Text != want {
		t.Errorf("preview of a new edition =\n%s\nwant\n%s", s.preview.Text, want)
	}
	if s.title.Text != data.DefaultEditionTitle {
		t.Errorf("title of a new edition = %q, want %q", s.title.Text, data.DefaultEditionTitle)
	}
}

func TestEditionScreen_editAndSave(t *testing.T) {
	s, env, cases := newEditionTestScreen(t)

	s.year.SetText("2026")
	test.Type(s.editors, "Rūta Žilinskienė\nJonas Petraitis")
	s.publisher.SetText("Nacionalinė švietimo agentūra")
	s.place.SetText("Vilnius")
	s.isbn.SetText("978-609-000-000-7")

	// Rename and move the second chapter first, then move a case down
	// and remove it from the first chapter.
	s.chapters.Select(1)
	s.chapterTitle.SetText("Šokis ir judesys")
	test.Tap(s.renameChapter)
	s.moveChapter(-1)
	s.chapters.Select(1)
	s.cases.Select(0)
	s.moveCase(1)
	if got := s.draft.Chapters[1].CaseIDs; len(got) != 2 || got[1] != cases["Geometrija kieme"].ID {
		t.Errorf("chapter after moving a case down = %q, want Geometrija kieme last", got)
	}
	s.cases.Select(1)
	s.onRemoveCase()

	// Add a new chapter and put the removed case into it.
	s.chapterTitle.SetText("Erdvė")
	s.onAddChapter()
	s.addCase.SetSelectedIndex(0)
	s.onAddCase()

	want := strings.Join([]string{
		"1. Šokis ir judesys",
		"    1.1. Šokio ritmas pradinukams",
		"2. Matematika",
		"    2.1. Trupmenos virtuvėje",
		"3. Erdvė",
		"    3.1. Geometrija kieme",
	}, "\n")
	if s.preview.Text != want {
		t.Errorf("preview after editing =\n%s\nwant\n%s", s.preview.Text, want)
	}
	if !s.dirty() {
		t.Error("edited edition is not dirty")
	}

	if err := s.save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	if s.dirty() {
		t.Error("saved edition is still dirty")
	}
	list, err := env.Store.(*boltstore.DB).Editions()
	if err != nil || len(list) != 1 {
		t.Fatalf("Editions after save = %d, %v; want one", len(list), err)
	}
	saved := list[0]
	if saved.Year != 2026 || len(saved.Editors) != 2 || saved.Imprint.ISBN != "978-609-000-000-7" || len(saved.Chapters) != 3 || saved.Chapters[0].Title != "Šokis ir judesys" {
		t.Errorf("saved edition = %+v, want the edited fields and three chapters", saved)
	}
	outbox, _ := env.Store.(*boltstore.DB).Outbox()
	queued := false
	for _, c := range outbox {
		queued = queued || (c.Kind == data.KindEdition && c.RecordID == saved.ID)
	}
	if !queued {
		t.Error("saved edition has no outbox entry")
	}
}

func TestEditionScreen_saveInvalid(t *testing.T) {
	s, env, _ := newEditionTestScreen(t)
	s.title.SetText("")
	s.isbn.SetText("978-609-000-000-1")

	err := s.save()
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("save of an invalid edition = %v, want a *data.ValidationError", err)
	}
	for _, field := range []string{"field.edition.title", "field.edition.imprint.isbn"} {
		if !strings.Contains(s.message.Text, T(field)) {
			t.Errorf("message %q does not name %s", s.message.Text, T(field))
		}
	}
	if list, _ := env.Store.(*boltstore.DB).Editions(); len(list) != 0 {
		t.Errorf("invalid edition stored: %d editions", len(list))
	}
}

// pdfText returns the text of a PDF through poppler's pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed (Debian package poppler-utils)")
		}
		t.Skip("pdftotext is not installed (Debian package poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestEditionScreen_exportPDF(t *testing.T) {
	s, _, cases := newEditionTestScreen(t)
	s.year.SetText("2026")
	path := filepath.Join(t.TempDir(), "leidinys.pdf")

	job := s.exportTo(path)
	if job == nil {
		t.Fatal("export started no job")
	}
	if err := job.wait(); err != nil {
		t.Fatalf("export: %v", err)
	}
	if s.message.Text != T("edition.export.done", map[string]any{"Path": path}) {
		t.Errorf("message after export = %q, want the done message", s.message.Text)
	}

	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{data.DefaultEditionTitle, "Matematika", "Šokis"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text has no %q", want)
		}
	}
	for title := range cases {
		if !strings.Contains(text, title) {
			t.Errorf("PDF text has no case title %q", title)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("export left temporary files %q", leftovers)
	}
}

func TestEditionScreen_exportCancelled(t *testing.T) {
	s, _, _ := newEditionTestScreen(t)
	s.year.SetText("2026")
	path := filepath.Join(t.TempDir(), "leidinys.pdf")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.exportWithContext(ctx, path).wait(); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export = %v, want context.Canceled", err)
	}
	if s.message.Text != T("edition.export.cancelled") {
		t.Errorf("message after cancel = %q, want the cancelled message", s.message.Text)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("cancelled export left %s (stat: %v)", path, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("cancelled export left %d files in the folder", len(entries))
	}
	if s.export.Disabled() {
		t.Error("export button stays disabled after a cancel")
	}
}

func TestEditionScreen_cancelButton(t *testing.T) {
	s, _, _ := newEditionTestScreen(t)
	s.year.SetText("2026")
	path := filepath.Join(t.TempDir(), "leidinys.pdf")

	// The export may finish before the tap arrives; either way the file
	// is whole or absent, never truncated.
	job := s.exportTo(path)
	test.Tap(job.cancelBt)
	err := job.wait()
	switch {
	case err == nil:
		if text := pdfText(t, path); !strings.Contains(text, "Matematika") {
			t.Errorf("export that finished before the cancel wrote an incomplete PDF")
		}
	case errors.Is(err, context.Canceled):
		if _, statErr := os.Stat(path); !os.IsNotExist(statErr) {
			t.Errorf("cancelled export left %s", path)
		}
	default:
		t.Errorf("export after Cancel = %v, want nil or context.Canceled", err)
	}
	if !job.cancelBt.Disabled() {
		t.Error("Cancel stays enabled after it was tapped")
	}
}

func TestWritePublication_keepsOldFileOnCancel(t *testing.T) {
	env := newTestEnv(t)
	cases := saveApprovedCases(t, env.Store)
	byID := map[string]data.PracticeCase{}
	var list []data.PracticeCase
	for _, c := range cases {
		byID[c.ID] = *c
		list = append(list, *c)
	}
	ed := data.NewEdition(2026, list)
	path := filepath.Join(t.TempDir(), "leidinys.pdf")
	if err := os.WriteFile(path, []byte("ankstesnis leidinys"), 0o600); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := publication.Options{Progress: func(done, total int) { cancel() }}
	err := writePublication(ctx, path, ed, byID, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("writePublication cancelled after the first case = %v, want context.Canceled", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "ankstesnis leidinys" {
		t.Errorf("file after a cancelled export = %q, want the old content", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("folder after a cancelled export has %d entries, want only the old file", len(entries))
	}
}

func TestPublicationErrorText_namesCaseTitle(t *testing.T) {
	useLanguage(t, "lt")
	e := &publication.Error{CaseID: "p-1", Field: "summary", Code: data.CodeTooLong, Limit: 20000}
	text := publicationErrorText(e, map[string]string{"p-1": "Trupmenos virtuvėje"})
	if !strings.Contains(text, "Trupmenos virtuvėje") || !strings.Contains(text, FieldName(data.KindPractice, "summary")) {
		t.Errorf("error text %q does not name the case title and the field", text)
	}
	edition := publicationErrorText(&publication.Error{Field: "imprint.isbn", Code: data.CodeInvalidValue}, nil)
	if !strings.Contains(edition, T("field.edition.imprint.isbn")) {
		t.Errorf("edition error text %q does not name the ISBN field", edition)
	}
}

func TestEditionScreen_exportWithoutCases(t *testing.T) {
	env := newTestEnv(t)
	s := newEditionScreen(env)
	env.Window.SetContent(s.content())
	s.refresh()
	if n := len(s.draft.CaseIDs()); n != 0 {
		t.Fatalf("a new edition without approved cases lists %d cases", n)
	}

	test.Tap(s.export)
	if s.job != nil {
		t.Error("an export started without any case")
	}
	if got := s.message.Text; got != T("edition.export.no_cases") {
		t.Errorf("message = %q, want %q", got, T("edition.export.no_cases"))
	}
	if s.message.Importance != widget.DangerImportance {
		t.Errorf("message importance = %v, want danger", s.message.Importance)
	}
	if overlay := env.Window.Canvas().Overlays().Top(); overlay != nil {
		t.Errorf("a dialog opened (%T); no file should be chosen or created", overlay)
	}
}

// editionButton returns the screen's button labelled text.
func editionButton(t *testing.T, s *editionScreen, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(s.content(), func(obj fyne.CanvasObject) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q on the edition screen", text)
	}
	return found
}

func TestEditionScreen_addChapterTakesTypedName(t *testing.T) {
	s, _, _ := newEditionTestScreen(t)
	first := s.draft.Chapters[0].Title

	s.chapters.Select(0)
	if s.chapterTitle.Text != first {
		t.Fatalf("name field after selecting = %q, want %q", s.chapterTitle.Text, first)
	}
	if !s.renameChapter.Disabled() {
		t.Error("rename is enabled while the name is unchanged")
	}

	replaceText(s.chapterTitle, "Erdvė ir forma")
	if s.draft.Chapters[0].Title != first {
		t.Errorf("typing renamed the selected chapter to %q", s.draft.Chapters[0].Title)
	}
	test.Tap(editionButton(t, s, T("edition.chapter.add")))

	n := len(s.draft.Chapters)
	if got := s.draft.Chapters[n-1].Title; got != "Erdvė ir forma" {
		t.Errorf("added chapter = %q, want the typed name", got)
	}
	if s.draft.Chapters[0].Title != first {
		t.Errorf("adding renamed the previously selected chapter to %q", s.draft.Chapters[0].Title)
	}
	if s.chapter != n-1 {
		t.Errorf("selected chapter = %d, want the new one %d", s.chapter, n-1)
	}

	// With the selected chapter's own name in the field, a new chapter
	// gets the default name instead of a copy.
	test.Tap(editionButton(t, s, T("edition.chapter.add")))
	if got := s.draft.Chapters[len(s.draft.Chapters)-1].Title; got != T("edition.chapter.new_title") {
		t.Errorf("chapter added without a new name = %q, want %q", got, T("edition.chapter.new_title"))
	}

	s.chapters.Select(0)
	replaceText(s.chapterTitle, "Skaičiai")
	if s.renameChapter.Disabled() {
		t.Fatal("rename is disabled with a new name for the selected chapter")
	}
	test.Tap(s.renameChapter)
	if got := s.draft.Chapters[0].Title; got != "Skaičiai" {
		t.Errorf("renamed chapter = %q, want Skaičiai", got)
	}
	if !strings.HasPrefix(s.preview.Text, "1. Skaičiai") {
		t.Errorf("preview after renaming =\n%s", s.preview.Text)
	}
}

func TestEditionScreen_fitsWindowWidth(t *testing.T) {
	s, env, _ := newEditionTestScreen(t)
	// The edition section's share of a 1366-pixel window beside the
	// navigation list.
	env.Window.Resize(fyne.NewSize(1090, 800))
	if w := s.content().MinSize().Width; w > 1090 {
		t.Errorf("edition screen needs %v pixels, more than the %v it has", w, 1090)
	}

	var buttons []*widget.Button
	walk(s.content(), func(obj fyne.CanvasObject) {
		if b, ok := obj.(*widget.Button); ok && b.Visible() {
			buttons = append(buttons, b)
		}
	})
	driver := fyne.CurrentApp().Driver()
	for i, a := range buttons {
		pa, sa := driver.AbsolutePositionForObject(a), a.Size()
		if sa.Width < a.MinSize().Width {
			t.Errorf("button %q is %v wide, narrower than its text needs (%v)", a.Text, sa.Width, a.MinSize().Width)
		}
		for _, b := range buttons[i+1:] {
			pb, sb := driver.AbsolutePositionForObject(b), b.Size()
			if pa.X < pb.X+sb.Width && pb.X < pa.X+sa.Width && pa.Y < pb.Y+sb.Height && pb.Y < pa.Y+sa.Height {
				t.Errorf("buttons %q and %q overlap", a.Text, b.Text)
			}
		}
	}
}
