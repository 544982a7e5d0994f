package ui

import (
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// newRecordsTestEnv returns an Env with the test app, a test window, the
// Lithuanian catalogs and a real store in a temporary folder.
func newRecordsTestEnv(t *testing.T) *Env {
	t.Helper()
	a := test.NewTempApp(t)
	useLanguage(t, "lt")

	store := openTestStore(t, "partneryste.db", slog.New(slog.NewTextHandler(io.Discard, nil)))

	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	return &Env{App: a, Window: w, Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// showScreen puts a screen's content in the test window, as the main
// window does.
func showScreen(env *Env, content fyne.CanvasObject) {
	env.Window.SetContent(content)
	env.Window.Resize(fyne.NewSize(1200, 800))
}

// validCase returns a case that passes validation.
func validCase(title string) *data.PracticeCase {
	return &data.PracticeCase{
		Title:   title,
		Authors: []data.Author{{Name: "Rūta Petrauskienė", School: "Vilniaus licėjus"}},
		Subject: "Matematika",
		Levels:  []data.EducationLevel{data.LevelBasic},
		Status:  data.CaseDraft,
	}
}

func saveCase(t *testing.T, env *Env, c *data.PracticeCase) {
	t.Helper()
	if err := env.Store.Save(c); err != nil {
		t.Fatalf("save case %q: %v", c.Title, err)
	}
}

func rowTitles(s *practiceScreen) []string {
	var titles []string
	for _, r := range s.rows {
		titles = append(titles, r.Title)
	}
	return titles
}

func TestPracticeScreen_createByTyping(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newPracticeScreen(env)
	showScreen(env, s.content())
	e := s.editor

	test.Type(e.title, "Projektinis mokymas gamtos pamokose")
	test.Type(e.authors[0].name, "Jonas Jonaitis")
	test.Type(e.authors[0].school, "Kauno progimnazija")
	test.Type(e.subject, "Gamta ir žmogus")
	e.levels.SetSelected([]string{EnumLabel("level", "primary")})
	test.Type(e.grades, "3–4 kl.")
	test.Type(e.keywords, "projektai, gamta , ")
	test.Type(e.sections["summary"].entry, "Mokiniai tyrinėja upę.")
	test.Type(e.licence, "CC BY 4.0")

	if !s.dirty() {
		t.Fatal("dirty() = false after typing, want true")
	}
	if err := s.save(); err != nil {
		t.Fatalf("save: %v (messages: %q)", err, e.messages.fallback.Text)
	}
	if s.dirty() {
		t.Error("dirty() = true after save, want false")
	}

	if len(s.rows) != 1 {
		t.Fatalf("list shows %d rows, want 1", len(s.rows))
	}
	stored, err := env.Store.PracticeCase(s.rows[0].ID)
	if err != nil {
		t.Fatalf("read stored case: %v", err)
	}
	if stored.Title != "Projektinis mokymas gamtos pamokose" {
		t.Errorf("title = %q", stored.Title)
	}
	want := []data.Author{{Name: "Jonas Jonaitis", School: "Kauno progimnazija"}}
	if !slices.Equal(stored.Authors, want) {
		t.Errorf("authors = %+v, want %+v", stored.Authors, want)
	}
	if stored.Subject != "Gamta ir žmogus" {
		t.Errorf("subject = %q", stored.Subject)
	}
	if !slices.Equal(stored.Levels, []data.EducationLevel{data.LevelPrimary}) {
		t.Errorf("levels = %v, want [primary]", stored.Levels)
	}
	if stored.Grades != "3–4 kl." {
		t.Errorf("grades = %q", stored.Grades)
	}
	if !slices.Equal(stored.Keywords, []string{"projektai", "gamta"}) {
		t.Errorf("keywords = %q, want [projektai gamta]", stored.Keywords)
	}
	if stored.Summary != "Mokiniai tyrinėja upę." {
		t.Errorf("summary = %q", stored.Summary)
	}
	if stored.Licence != "CC BY 4.0" {
		t.Errorf("licence = %q", stored.Licence)
	}
	if stored.Status != data.CaseDraft {
		t.Errorf("status = %q, want draft", stored.Status)
	}
	if got := s.count.Text; got != "1 aprašas" {
		t.Errorf("count = %q, want %q", got, "1 aprašas")
	}
	if got := s.list.Length(); got != 1 {
		t.Errorf("list length = %d, want 1", got)
	}
}

func TestPracticeEditor_addAndRemoveAuthor(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newPracticeScreen(env)
	showScreen(env, s.content())
	e := s.editor

	test.Type(e.title, "Skaitymo klubas")
	test.Type(e.subject, "Lietuvių kalba")
	test.Type(e.authors[0].name, "Pirmas Autorius")

	test.Tap(e.addAuthor)
	test.Tap(e.addAuthor)
	if len(e.authors) != 3 {
		t.Fatalf("author rows = %d after two taps, want 3", len(e.authors))
	}
	test.Type(e.authors[1].name, "Antra Autorė")
	test.Type(e.authors[1].role, "bibliotekininkė")
	test.Type(e.authors[2].name, "Trečias Autorius")

	test.Tap(e.authors[0].remove)
	if len(e.authors) != 2 {
		t.Fatalf("author rows = %d after removing one, want 2", len(e.authors))
	}
	if got := e.authors[0].name.Text; got != "Antra Autorė" {
		t.Errorf("first row name = %q after removing the first row, want %q", got, "Antra Autorė")
	}

	if err := s.save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	stored, err := env.Store.PracticeCase(e.base.ID)
	if err != nil {
		t.Fatalf("read stored case: %v", err)
	}
	want := []data.Author{{Name: "Antra Autorė", Role: "bibliotekininkė"}, {Name: "Trečias Autorius"}}
	if !slices.Equal(stored.Authors, want) {
		t.Errorf("authors = %+v, want %+v", stored.Authors, want)
	}
}

func TestPracticeEditor_addAuthorStopsAtLimit(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newPracticeScreen(env).editor

	limit := data.MaxItems(data.KindPractice, "authors")
	for len(e.authors) < limit {
		test.Tap(e.addAuthor)
	}
	if !e.addAuthor.Disabled() {
		t.Errorf("add author enabled with %d rows, want disabled at the limit", len(e.authors))
	}
	test.Tap(e.authors[0].remove)
	if e.addAuthor.Disabled() {
		t.Error("add author disabled below the limit")
	}
}

func TestPracticeEditor_validationKeepsTypedText(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newPracticeScreen(env)
	showScreen(env, s.content())
	e := s.editor

	limit := data.Limit(data.KindPractice, "summary")
	long := strings.Repeat("ą", limit+1)
	// A pasted text: typing 30,000 keys one by one would only slow the test.
	e.sections["summary"].entry.SetText(long)
	test.Type(e.authors[0].school, "Šiaulių gimnazija")
	test.Type(e.subject, "Istorija")
	test.Type(e.sections["goals"].entry, "Tikslas")

	if err := s.save(); err == nil {
		t.Fatal("save with an empty title returned nil, want an error")
	}

	title := e.messages.text("title")
	if !strings.Contains(title, FieldName(data.KindPractice, "title")) {
		t.Errorf("title message %q does not name the field %q", title, FieldName(data.KindPractice, "title"))
	}
	summary := e.messages.text("summary")
	if !strings.Contains(summary, FieldName(data.KindPractice, "summary")) {
		t.Errorf("summary message %q does not name the field", summary)
	}
	if !strings.Contains(summary, strconv.Itoa(limit)) {
		t.Errorf("summary message %q does not give the limit %d", summary, limit)
	}
	author := e.messages.text("authors.0")
	if !strings.Contains(author, FieldName(data.KindPractice, "authors.name")) {
		t.Errorf("author row message %q does not name the author's name field", author)
	}
	if got := e.messages.text("goals"); got != "" {
		t.Errorf("goals message = %q, want none", got)
	}

	if got := e.sections["summary"].text(); got != long {
		t.Errorf("summary changed after the failed save: %d runes, want %d", len([]rune(got)), limit+1)
	}
	if got := e.authors[0].school.Text; got != "Šiaulių gimnazija" {
		t.Errorf("author school = %q after the failed save", got)
	}
	if got := e.sections["goals"].text(); got != "Tikslas" {
		t.Errorf("goals = %q after the failed save", got)
	}
	if !e.sections["summary"].overLimit() {
		t.Error("summary overLimit() = false")
	}
	if got := e.sections["summary"].counter.Importance; got != widget.DangerImportance {
		t.Errorf("counter importance = %v over the limit, want danger", got)
	}

	counts, err := env.Store.Counts()
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	if counts.PracticeCases != 0 {
		t.Errorf("store has %d cases after the failed save, want 0", counts.PracticeCases)
	}

	// Fixing the input clears the messages on the next save.
	test.Type(e.title, "Istorijos pamokos muziejuje")
	test.Type(e.authors[0].name, "Ona Onaitė")
	e.sections["summary"].setText("Trumpas aprašas.")
	if err := s.save(); err != nil {
		t.Fatalf("save after fixing: %v", err)
	}
	if got := e.messages.text("title"); got != "" {
		t.Errorf("title message = %q after a valid save, want none", got)
	}
}

func TestPracticeEditor_blankAuthorRowMessageFollowsRow(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newPracticeScreen(env).editor

	test.Type(e.title, "Pavadinimas")
	test.Type(e.subject, "Fizika")
	test.Type(e.authors[0].name, "Vardas Pavardė")
	test.Tap(e.addAuthor)
	test.Tap(e.addAuthor)
	// Row 1 stays blank and is left out; row 2 lacks a name.
	test.Type(e.authors[2].school, "Mokykla")

	if err := e.save(); err == nil {
		t.Fatal("save with a nameless author returned nil")
	}
	if got := e.messages.text("authors.2"); got == "" {
		t.Error("no message beside the nameless author's row")
	}
	if got := e.messages.text("authors.1"); got != "" {
		t.Errorf("blank row shows %q, want no message", got)
	}
}

func TestPracticeScreen_searchWithoutDiacritics(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveCase(t, env, validCase("Žinių visuomenė mokykloje"))
	saveCase(t, env, validCase("Geometrija lauke"))
	s := newPracticeScreen(env)
	showScreen(env, s.content())

	if len(s.rows) != 2 {
		t.Fatalf("list shows %d rows before search, want 2", len(s.rows))
	}
	test.Type(s.search, "ziniu")
	if got := rowTitles(s); !slices.Equal(got, []string{"Žinių visuomenė mokykloje"}) {
		t.Errorf("search %q lists %q", "ziniu", got)
	}
	if got := s.count.Text; got != "1 aprašas" {
		t.Errorf("count = %q", got)
	}
}

func TestPracticeScreen_filters(t *testing.T) {
	env := newRecordsTestEnv(t)
	a := validCase("Algebra")
	a.Subject = "Matematika"
	a.Levels = []data.EducationLevel{data.LevelSecondary}
	b := validCase("Biologijos tyrimai")
	b.Subject = "Biologija"
	b.Levels = []data.EducationLevel{data.LevelBasic}
	b.Status = data.CaseReady
	c := validCase("Čiurlionio muzika")
	c.Subject = "Muzika"
	c.Levels = []data.EducationLevel{data.LevelPrimary, data.LevelBasic}
	for _, x := range []*data.PracticeCase{a, b, c} {
		saveCase(t, env, x)
	}
	s := newPracticeScreen(env)
	showScreen(env, s.content())

	wantSubjects := []string{s.subjectFilter.anyLabel, "Biologija", "Matematika", "Muzika"}
	if !slices.Equal(s.subjectFilter.Options, wantSubjects) {
		t.Errorf("subject options = %q, want %q", s.subjectFilter.Options, wantSubjects)
	}

	s.statusFilter.setValue(string(data.CaseReady))
	if got := rowTitles(s); !slices.Equal(got, []string{"Biologijos tyrimai"}) {
		t.Errorf("status ready lists %q", got)
	}
	s.statusFilter.setValue("")

	s.levelFilter.setValue(string(data.LevelBasic))
	if got := rowTitles(s); !slices.Equal(got, []string{"Biologijos tyrimai", "Čiurlionio muzika"}) {
		t.Errorf("level basic lists %q", got)
	}
	if got := s.count.Text; got != "2 aprašai" {
		t.Errorf("count = %q, want %q", got, "2 aprašai")
	}

	s.subjectFilter.SetSelected("Muzika")
	if got := rowTitles(s); !slices.Equal(got, []string{"Čiurlionio muzika"}) {
		t.Errorf("level basic and subject Muzika lists %q", got)
	}

	s.levelFilter.setValue("")
	s.subjectFilter.SetSelectedIndex(0)
	if got := len(s.rows); got != 3 {
		t.Errorf("no filters list %d rows, want 3", got)
	}
}

func TestPracticeScreen_countPlurals(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newPracticeScreen(env)
	if got := s.count.Text; got != "0 aprašų" {
		t.Errorf("count of none = %q, want %q", got, "0 aprašų")
	}
	want := map[int]string{1: "1 aprašas", 2: "2 aprašai", 10: "10 aprašų", 11: "11 aprašų", 21: "21 aprašas"}
	for n := 1; n <= 21; n++ {
		saveCase(t, env, validCase("Aprašas "+strconv.Itoa(n)))
		s.refresh()
		if w, ok := want[n]; ok && s.count.Text != w {
			t.Errorf("count of %d = %q, want %q", n, s.count.Text, w)
		}
	}
}

func TestPracticeEditor_statusTransitionSaves(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveCase(t, env, validCase("Debatai klasėje"))
	s := newPracticeScreen(env)
	showScreen(env, s.content())
	s.list.Select(0)
	e := s.editor

	if len(e.transitions.Objects) != 1 {
		t.Fatalf("draft offers %d transitions, want 1", len(e.transitions.Objects))
	}
	ready := e.transitions.Objects[0].(*widget.Button)
	if ready.Text != T("practice.mark.ready") {
		t.Errorf("button = %q, want %q", ready.Text, T("practice.mark.ready"))
	}
	test.Tap(ready)

	stored, err := env.Store.PracticeCase(e.base.ID)
	if err != nil {
		t.Fatalf("read stored case: %v", err)
	}
	if stored.Status != data.CaseReady {
		t.Errorf("stored status = %q, want ready", stored.Status)
	}
	if got := e.status.Selected; got != EnumLabel("practice.status", "ready") {
		t.Errorf("status select shows %q", got)
	}
	back := e.transitions.Objects[0].(*widget.Button)
	if back.Text != T("practice.mark.draft") {
		t.Errorf("ready offers %q, want %q", back.Text, T("practice.mark.draft"))
	}
	if got := s.rows[0].Status; got != data.CaseReady {
		t.Errorf("list row status = %q, want ready", got)
	}
}

func TestPracticeEditor_statusSelectTranslated(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newPracticeScreen(env).editor
	if len(e.status.Options) != len(associationStatuses) {
		t.Fatalf("status options = %q, want the %d statuses an association sets", e.status.Options, len(associationStatuses))
	}
	for i, st := range associationStatuses {
		if got, want := e.status.Options[i], EnumLabel("practice.status", string(st)); got != want {
			t.Errorf("option %d = %q, want %q", i, got, want)
		}
	}
	e.status.SetSelected(EnumLabel("practice.status", "submitted"))
	if got := e.status.value(); got != "submitted" {
		t.Errorf("value() = %q, want submitted", got)
	}
}

func TestPracticeScreen_discardRestoresCase(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveCase(t, env, validCase("Originalus pavadinimas"))
	s := newPracticeScreen(env)
	showScreen(env, s.content())
	s.list.Select(0)

	s.editor.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(s.editor.title, " pakeistas")
	if !s.dirty() {
		t.Fatal("dirty() = false after typing")
	}
	s.discard()
	if got := s.editor.title.Text; got != "Originalus pavadinimas" {
		t.Errorf("title after discard = %q", got)
	}
	if s.dirty() {
		t.Error("dirty() = true after discard")
	}
}

func TestPracticeScreen_selectingWhileDirtyPrompts(t *testing.T) {
	env := newRecordsTestEnv(t)
	saveCase(t, env, validCase("Aitvarai"))
	saveCase(t, env, validCase("Bitės"))
	s := newPracticeScreen(env)
	showScreen(env, s.content())
	s.list.Select(0)
	s.editor.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(s.editor.title, " ir vėjas")

	s.list.Select(1)
	if s.prompt == nil || !s.prompt.Visible() {
		t.Fatal("no prompt after choosing another case with unsaved changes")
	}
	if got := s.editor.base.Title; got != "Aitvarai" {
		t.Errorf("editor switched to %q before an answer", got)
	}

	// Saving first keeps the typed change and then opens the chosen case.
	buttons := s.prompt.Content.(*fyne.Container).Objects[2].(*fyne.Container).Objects
	test.Tap(buttons[2].(*widget.Button))

	if got := s.editor.base.Title; got != "Bitės" {
		t.Errorf("editor shows %q after saving, want Bitės", got)
	}
	if got := rowTitles(s); !slices.Equal(got, []string{"Aitvarai ir vėjas", "Bitės"}) {
		t.Errorf("list = %q, want the saved title", got)
	}
}

func TestPracticeScreen_onFindFocusesSearch(t *testing.T) {
	env := newRecordsTestEnv(t)
	s := newPracticeScreen(env)
	showScreen(env, s.content())

	s.onFind()
	if env.Window.Canvas().Focused() != s.search {
		t.Errorf("focused = %v, want the search entry", env.Window.Canvas().Focused())
	}
	s.onNew()
	if env.Window.Canvas().Focused() != s.editor.title {
		t.Error("onNew did not focus the title entry")
	}
}

func TestPracticeEditor_showsReview(t *testing.T) {
	env := newRecordsTestEnv(t)
	e := newPracticeScreen(env).editor
	c := validCase("Grąžintas")
	c.Status = data.CaseReturned
	c.Review = &data.Review{Status: data.CaseReturned, Comment: "Papildykite rezultatus.",
		SectionComments: map[string]string{"results": "Trūksta skaičių."}}
	e.load(*c)

	if !e.review.Visible() || !strings.Contains(e.review.Text, "Papildykite rezultatus.") {
		t.Errorf("review = %q (visible %v)", e.review.Text, e.review.Visible())
	}
	if got := e.comments["results"].Text; !strings.Contains(got, "Trūksta skaičių.") {
		t.Errorf("results comment = %q", got)
	}
	if e.comments["goals"].Visible() {
		t.Error("goals shows a comment, want none")
	}
	if got := len(e.transitions.Objects); got != 1 {
		t.Errorf("returned offers %d transitions, want 1", got)
	}
}
