package ui

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/sample"
)

// testLanguageSetter returns a WindowOptions.SetLanguage for tests.
func testLanguageSetter(t *testing.T) func(string) error {
	return func(language string) error {
		useLanguage(t, language)
		return nil
	}
}

// newTestEnv returns an Env on a test app and window and a real store in
// a temporary folder, in Lithuanian.
func newTestEnv(t testing.TB) *Env {
	t.Helper()
	useLanguage(t, "lt")
	a := test.NewTempApp(t)
	logger := slog.New(slog.DiscardHandler)
	store := openTestStore(t, "partneryste.db", logger)
	// Some tests close the window themselves, and the test driver panics
	// on a second Close, so the cleanup closes it only while it is open.
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1000, 700))
	t.Cleanup(func() {
		for _, open := range a.Driver().AllWindows() {
			if open == w {
				w.Close()
			}
		}
	})
	return &Env{App: a, Window: w, Store: store, Log: logger, Backups: store}
}

// saveEvent stores one valid event.
func saveEvent(t *testing.T, s data.Store, title string) {
	t.Helper()
	start := time.Date(2026, 3, 11, 10, 0, 0, 0, data.Vilnius)
	e := &data.Event{Title: title, Type: data.EventSeminar, Start: start, End: start.Add(2 * time.Hour)}
	if err := s.Save(e); err != nil {
		t.Fatalf("save event %q: %v", title, err)
	}
}

// fakeScreen is a screen whose unsaved state and save result the test sets.
type fakeScreen struct {
	label     *widget.Label
	isDirty   bool
	saveErr   error
	saves     int
	discards  int
	news      int
	finds     int
	refreshes int
}

func newFakeScreen() *fakeScreen { return &fakeScreen{label: widget.NewLabel("fake")} }

func (f *fakeScreen) content() fyne.CanvasObject { return f.label }
func (f *fakeScreen) refresh()                   { f.refreshes++ }
func (f *fakeScreen) dirty() bool                { return f.isDirty }
func (f *fakeScreen) discard()                   { f.discards++; f.isDirty = false }
func (f *fakeScreen) onNew()                     { f.news++ }
func (f *fakeScreen) onFind()                    { f.finds++ }
func (f *fakeScreen) save() error {
	f.saves++
	if f.saveErr != nil {
		return f.saveErr
	}
	f.isDirty = false
	return nil
}

// newWindowWithFake opens the main window on a store with one event and
// puts a fake screen in place of the calendar, which is on show.
func newWindowWithFake(t *testing.T) (*MainWindow, *fakeScreen) {
	t.Helper()
	env := newTestEnv(t)
	saveEvent(t, env.Store, "Metodinė diena")
	w := NewMainWindow(env, WindowOptions{Language: "lt", SetLanguage: testLanguageSetter(t)})
	fake := newFakeScreen()
	w.sections[sectionCalendar].screen = fake
	w.show(sectionCalendar)
	return w, fake
}

// textsIn returns the texts of the labels and buttons inside obj.
func textsIn(obj fyne.CanvasObject) []string {
	var texts []string
	walk(obj, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			texts = append(texts, v.Text)
		case *widget.Button:
			texts = append(texts, v.Text)
		case *widget.Card:
			texts = append(texts, v.Title)
		}
	})
	return texts
}

// walk visits obj and every object inside it, including widgets' parts.
func walk(obj fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if obj == nil {
		return
	}
	visit(obj)
	switch v := obj.(type) {
	case *fyne.Container:
		for _, child := range v.Objects {
			walk(child, visit)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(v).Objects() {
			walk(child, visit)
		}
	}
}

func contains(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func TestMainWindow_opensWelcomeOnEmptyStore(t *testing.T) {
	env := newTestEnv(t)
	w := NewMainWindow(env, WindowOptions{Language: "lt"})

	if w.welcome == nil || w.current != noSection {
		t.Fatalf("window opened on %v, want the welcome panel", w)
	}
	texts := textsIn(env.Window.Content())
	if !contains(texts, "Įkelti pavyzdinius duomenis") {
		t.Errorf("welcome panel texts %q lack the sample data button", texts)
	}

	test.Tap(w.welcome.start)
	if w.current != sectionCalendar {
		t.Errorf("after start without data the window shows %v, want the calendar", w)
	}
}

func TestMainWindow_opensCalendarWithRecords(t *testing.T) {
	env := newTestEnv(t)
	saveEvent(t, env.Store, "Seminaras")
	w := NewMainWindow(env, WindowOptions{Language: "lt"})

	if w.current != sectionCalendar {
		t.Fatalf("window opened on %v, want the calendar", w)
	}
	if w.welcome != nil {
		t.Error("welcome panel is set although the store holds records")
	}
}

func TestMainWindow_navigation(t *testing.T) {
	w, fake := newWindowWithFake(t)

	wantTitles := []string{"Kalendorius", "Gerosios patirties bankas", "Konsultacijos", "Sinchronizavimas", "Nustatymai"}
	for i, want := range wantTitles {
		if got := T(w.sections[i].titleKey); got != want {
			t.Errorf("section %d title = %q, want %q", i, got, want)
		}
	}

	for _, id := range []int{sectionPractice, sectionConsultations, sectionSync, sectionSettings, sectionCalendar} {
		w.nav.Select(id)
		if w.current != id {
			t.Fatalf("after selecting section %d the window shows %v", id, w)
		}
		if got, want := w.body.Objects[0], w.sections[id].screen.content(); got != want {
			t.Errorf("section %d: body shows another screen's content", id)
		}
	}
	if fake.refreshes < 2 {
		t.Errorf("calendar refreshed %d times, want a refresh on every show", fake.refreshes)
	}
}

func TestMainWindow_title(t *testing.T) {
	env := newTestEnv(t)
	NewMainWindow(env, WindowOptions{Language: "lt"})
	if got := env.Window.Title(); got != "Partnerystė" {
		t.Errorf("title without a name = %q, want %q", got, "Partnerystė")
	}

	if err := env.Store.SaveProfile(data.Profile{Name: "Lietuvos fizikos mokytojų asociacija"}); err != nil {
		t.Fatalf("save profile: %v", err)
	}
	NewMainWindow(env, WindowOptions{Language: "lt"})
	if got, want := env.Window.Title(), "Partnerystė — Lietuvos fizikos mokytojų asociacija"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

// shortcutTarget returns the canvas as the driver sees it when a key
// combination is pressed. The test driver wraps its canvas in a type that
// hides TypedShortcut, and the wrapped canvas is its exported embedded field.
func shortcutTarget(t *testing.T, c fyne.Canvas) fyne.Shortcutable {
	t.Helper()
	if s, ok := c.(fyne.Shortcutable); ok {
		return s
	}
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas")
	if !inner.IsValid() {
		t.Fatalf("canvas %T handles no shortcuts", c)
	}
	s, ok := inner.Interface().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("canvas %T handles no shortcuts", inner.Interface())
	}
	return s
}

func TestMainWindow_shortcutsReachVisibleScreen(t *testing.T) {
	w, fake := newWindowWithFake(t)
	c := shortcutTarget(t, w.env.Window.Canvas())

	c.TypedShortcut(shortcutNew)
	c.TypedShortcut(shortcutFind)
	c.TypedShortcut(shortcutSave)
	if fake.news != 1 || fake.finds != 1 || fake.saves != 1 {
		t.Errorf("calendar got new=%d find=%d save=%d, want one of each", fake.news, fake.finds, fake.saves)
	}

	w.nav.Select(sectionSettings)
	c.TypedShortcut(shortcutNew)
	if fake.news != 1 {
		t.Errorf("Ctrl+N reached the calendar while Settings was on show")
	}
}

func TestMainWindow_menuShortcuts(t *testing.T) {
	w, fake := newWindowWithFake(t)
	menu := w.env.Window.MainMenu()
	if menu == nil || len(menu.Items) == 0 {
		t.Fatal("window has no main menu")
	}
	file := menu.Items[0]
	if file.Label != "Failas" {
		t.Errorf("first menu = %q, want %q", file.Label, "Failas")
	}

	byName := map[string]*fyne.MenuItem{}
	for _, item := range file.Items {
		if item.Shortcut != nil {
			byName[item.Shortcut.ShortcutName()] = item
		}
	}
	for _, sc := range []fyne.Shortcut{shortcutNew, shortcutSave, shortcutFind} {
		item, ok := byName[sc.ShortcutName()]
		if !ok {
			t.Errorf("menu has no item for %s", sc.ShortcutName())
			continue
		}
		item.Action()
	}
	if fake.news != 1 || fake.saves != 1 || fake.finds != 1 {
		t.Errorf("menu items gave new=%d save=%d find=%d, want one of each", fake.news, fake.saves, fake.finds)
	}
}

func TestMainWindow_unsavedPromptCancel(t *testing.T) {
	w, fake := newWindowWithFake(t)
	fake.isDirty = true

	w.nav.Select(sectionSettings)
	if w.prompt == nil {
		t.Fatal("no unsaved-changes prompt after leaving a dirty screen")
	}
	if w.current != sectionCalendar {
		t.Errorf("window left the dirty screen before the answer: %v", w)
	}
	labels := []string{w.prompt.save.Text, w.prompt.discard.Text, w.prompt.cancel.Text}
	want := []string{"Išsaugoti", "Atmesti pakeitimus", "Atšaukti"}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("prompt button %d = %q, want %q", i, labels[i], want[i])
		}
	}

	shortcutTarget(t, w.env.Window.Canvas()).TypedShortcut(shortcutSave)
	if fake.saves != 0 {
		t.Error("Ctrl+S saved the screen while the prompt waited for an answer")
	}
	w.nav.Select(sectionPractice)
	if w.current != sectionCalendar {
		t.Errorf("a second section choice during the prompt moved to %v", w)
	}

	test.Tap(w.prompt.cancel)
	if w.current != sectionCalendar {
		t.Errorf("after cancel the window shows %v, want the calendar", w)
	}
	if fake.saves != 0 || fake.discards != 0 {
		t.Errorf("cancel saved %d and discarded %d times", fake.saves, fake.discards)
	}
	if !fake.isDirty {
		t.Error("cancel dropped the unsaved changes")
	}
}

func TestMainWindow_unsavedPromptDiscard(t *testing.T) {
	w, fake := newWindowWithFake(t)
	fake.isDirty = true

	w.nav.Select(sectionConsultations)
	if w.prompt == nil {
		t.Fatal("no unsaved-changes prompt")
	}
	test.Tap(w.prompt.discard)
	if fake.discards != 1 {
		t.Errorf("discard called %d times, want 1", fake.discards)
	}
	if w.current != sectionConsultations {
		t.Errorf("after discard the window shows %v, want consultations", w)
	}
}

func TestMainWindow_unsavedPromptSave(t *testing.T) {
	w, fake := newWindowWithFake(t)
	fake.isDirty = true

	w.nav.Select(sectionPractice)
	test.Tap(w.prompt.save)
	if fake.saves != 1 {
		t.Errorf("save called %d times, want 1", fake.saves)
	}
	if w.current != sectionPractice {
		t.Errorf("after save the window shows %v, want the practice bank", w)
	}
}

func TestMainWindow_unsavedPromptInvalidInputStays(t *testing.T) {
	w, fake := newWindowWithFake(t)
	fake.isDirty = true
	fake.saveErr = &data.ValidationError{Kind: data.KindEvent, Index: -1,
		Fields: []data.FieldError{{Field: "title", Code: data.CodeRequired}}}

	w.nav.Select(sectionSettings)
	test.Tap(w.prompt.save)
	if w.current != sectionCalendar {
		t.Errorf("after a failed save the window shows %v, want the calendar", w)
	}
	if !fake.isDirty {
		t.Error("a failed save dropped the unsaved changes")
	}
	if w.prompt != nil {
		t.Error("prompt still set after the answer")
	}
}

func TestMainWindow_closeAsksFirst(t *testing.T) {
	w, fake := newWindowWithFake(t)
	closed := false
	w.env.Window.SetOnClosed(func() { closed = true })

	fake.isDirty = true
	w.onCloseRequested()
	if w.prompt == nil {
		t.Fatal("no prompt when closing with unsaved changes")
	}
	test.Tap(w.prompt.cancel)
	if closed {
		t.Fatal("window closed although the user cancelled")
	}

	fake.saveErr = errors.New("disk full")
	w.onCloseRequested()
	test.Tap(w.prompt.save)
	if closed {
		t.Fatal("window closed although the save failed")
	}

	fake.saveErr = nil
	w.onCloseRequested()
	test.Tap(w.prompt.save)
	if !closed {
		t.Error("window stayed open after a successful save")
	}
}

func TestMainWindow_closeCleanScreen(t *testing.T) {
	w, _ := newWindowWithFake(t)
	closed := false
	w.env.Window.SetOnClosed(func() { closed = true })

	w.onCloseRequested()
	if w.prompt != nil {
		t.Error("prompt shown although nothing is unsaved")
	}
	if !closed {
		t.Error("window stayed open")
	}
}

func TestMainWindow_loadSample(t *testing.T) {
	env := newTestEnv(t)
	env.LoadSample = func() error {
		saveEvent(t, env.Store, "Pavyzdinis seminaras")
		return nil
	}
	w := NewMainWindow(env, WindowOptions{Language: "lt"})
	panel := w.welcome
	if panel == nil {
		t.Fatal("window did not open on the welcome panel")
	}

	test.Tap(panel.loadSample)
	<-panel.done

	if w.current != sectionCalendar {
		t.Errorf("after loading the sample the window shows %v, want the calendar", w)
	}
	c, err := env.Store.Counts()
	if err != nil {
		t.Fatalf("count: %v", err)
	}
	if c.Events != 1 {
		t.Errorf("store holds %d events after the sample load, want 1", c.Events)
	}
}

func TestMainWindow_loadSampleFailure(t *testing.T) {
	env := newTestEnv(t)
	env.LoadSample = func() error { return errors.New("sample file unreadable") }
	w := NewMainWindow(env, WindowOptions{Language: "lt"})
	panel := w.welcome

	w.LoadSampleData()
	<-panel.done

	if w.current != noSection {
		t.Errorf("after a failed load the window shows %v, want the welcome panel", w)
	}
	if got := panel.status.Text; !strings.HasPrefix(got, "Pavyzdinių duomenų įkelti nepavyko") {
		t.Errorf("status = %q, want the failure message", got)
	}
	if panel.loadSample.Disabled() {
		t.Error("sample button stays disabled after a failure, so the user cannot retry")
	}

	env.LoadSample = func() error {
		saveEvent(t, env.Store, "Antras bandymas")
		return nil
	}
	test.Tap(panel.loadSample)
	<-panel.done
	if w.current != sectionCalendar {
		t.Errorf("after a successful retry the window shows %v, want the calendar", w)
	}
}

func TestMainWindow_loadSampleIgnoredWithRecords(t *testing.T) {
	env := newTestEnv(t)
	saveEvent(t, env.Store, "Esamas renginys")
	calls := 0
	env.LoadSample = func() error { calls++; return nil }
	w := NewMainWindow(env, WindowOptions{Language: "lt"})

	if w.LoadSampleData() {
		t.Error("LoadSampleData reported a load on a store with records")
	}
	if calls != 0 {
		t.Errorf("sample loaded %d times into a store with records", calls)
	}
}

// damageFile writes bytes that are not a bbolt file.
func damageFile(t *testing.T, path string) []byte {
	t.Helper()
	garbage := []byte(strings.Repeat("ne duomenų failas ", 512))
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatalf("write damaged file: %v", err)
	}
	return garbage
}

func TestRecoveryWindow_restoresBackup(t *testing.T) {
	useLanguage(t, "lt")
	a := test.NewTempApp(t)
	logger := slog.New(slog.DiscardHandler)
	dir := t.TempDir()
	path := filepath.Join(dir, "partneryste.db")
	opts := boltstore.Options{Logger: logger, AutoBackupEvery: -1}

	store, err := boltstore.Open(path, opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	saveEvent(t, store, "Išsaugotas renginys")
	backup, err := store.Backup()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := store.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	garbage := damageFile(t, path)
	_, openErr := boltstore.Open(path, opts)
	if !errors.Is(openErr, data.ErrDamaged) {
		t.Fatalf("open damaged file: %v, want ErrDamaged", openErr)
	}

	restored := false
	r := NewRecoveryWindow(a, RecoveryOptions{
		Path:       path,
		Cause:      openErr,
		Backups:    []data.BackupInfo{backup},
		Restore:    func(p string) error { return boltstore.Restore(p, path, opts) },
		OnRestored: func() { restored = true },
	})
	r.Show()
	if !strings.Contains(strings.Join(textsIn(r.window.Content()), "\n"), "sugadintas") {
		t.Error("recovery window does not explain that the file is damaged")
	}
	if r.restore.Disabled() {
		t.Fatal("restore button disabled although the newest backup is chosen")
	}

	test.Tap(r.restore)
	<-r.restoreDone
	if !restored {
		t.Fatalf("OnRestored not called; status %q", r.status.Text)
	}

	reopened, err := boltstore.Open(path, opts)
	if err != nil {
		t.Fatalf("open restored file: %v", err)
	}
	defer reopened.Close()
	c, err := reopened.Counts()
	if err != nil {
		t.Fatalf("count: %v", err)
	}
	if c.Events != 1 {
		t.Errorf("restored file holds %d events, want 1", c.Events)
	}

	asideCopies, err := filepath.Glob(path + ".before-restore-*")
	if err != nil || len(asideCopies) != 1 {
		t.Fatalf("damaged file kept as %v (%v), want one copy", asideCopies, err)
	}
	got, err := os.ReadFile(asideCopies[0])
	if err != nil {
		t.Fatalf("read kept file: %v", err)
	}
	if string(got) != string(garbage) {
		t.Error("the kept damaged file differs from the original")
	}
}

func TestRecoveryWindow_failedRestoreStaysOpen(t *testing.T) {
	useLanguage(t, "lt")
	a := test.NewTempApp(t)
	quit := false
	r := NewRecoveryWindow(a, RecoveryOptions{
		Path:       "/nonexistent/partneryste.db",
		Cause:      data.ErrTooNew,
		Backups:    []data.BackupInfo{{Path: "/nonexistent/backup.db", Created: time.Date(2026, 3, 1, 8, 30, 0, 0, time.UTC), Size: 2048}},
		Restore:    func(string) error { return data.ErrDamaged },
		OnRestored: func() { t.Error("OnRestored called after a failed restore") },
		OnQuit:     func() { quit = true },
	})
	r.Show()
	texts := strings.Join(textsIn(r.window.Content()), "\n")
	if !strings.Contains(texts, "naujesnė") {
		t.Errorf("recovery window for a newer file does not say so: %q", texts)
	}
	if !strings.Contains(texts, "2026-03-01 10:30") {
		t.Errorf("backup list lacks the backup's Vilnius time: %q", texts)
	}

	test.Tap(r.restore)
	<-r.restoreDone
	if r.status.Text != T("recovery.failed") {
		t.Errorf("status = %q, want the failure message", r.status.Text)
	}
	if r.restore.Disabled() {
		t.Error("restore button disabled after a failure, so the user cannot retry")
	}

	test.Tap(r.quit)
	if !quit {
		t.Error("OnQuit not called")
	}
}

func TestRecoveryWindow_noBackups(t *testing.T) {
	useLanguage(t, "lt")
	a := test.NewTempApp(t)
	r := NewRecoveryWindow(a, RecoveryOptions{Path: "partneryste.db", Cause: data.ErrDamaged})
	if !r.restore.Disabled() {
		t.Error("restore button enabled with no backups")
	}
	if !contains(textsIn(r.window.Content()), T("recovery.no_backups")) {
		t.Error("recovery window does not say that there are no backups")
	}
}

func TestShowStartError(t *testing.T) {
	useLanguage(t, "lt")
	a := test.NewTempApp(t)
	closed := false
	w := ShowStartError(a, T("locked.title"), T("locked.message", map[string]any{"Path": "/tmp/p.db"}), func() { closed = true })

	if got, want := w.Title(), "Duomenų failas jau atvertas"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	texts := textsIn(w.Content())
	if !strings.Contains(strings.Join(texts, "\n"), "kitas Partnerystės langas") {
		t.Errorf("message %q does not name the other window", texts)
	}
	w.Close()
	if !closed {
		t.Error("onClose not called")
	}
}

// BenchmarkMainWindow_rebuild measures a language switch's rebuild of
// every screen on a store with the sample data set.
func BenchmarkMainWindow_rebuild(b *testing.B) {
	env := newTestEnv(b)
	if _, err := sample.Load(env.Store); err != nil {
		b.Fatalf("load sample: %v", err)
	}
	w := NewMainWindow(env, WindowOptions{Language: "lt"})
	w.show(sectionSettings)

	for b.Loop() {
		w.rebuild()
	}
}

func TestMainWindow_sectionsFitDefaultSize(t *testing.T) {
	env := newTestEnv(t)
	if _, err := sample.Load(env.Store); err != nil {
		t.Fatalf("load sample data: %v", err)
	}
	// Long texts and a busy day must not widen or heighten the window.
	long := strings.Repeat("Labai ilgas gerosios patirties pavadinimas ", 4)
	c := validCase(long)
	c.Subject = long
	c.Authors[0].Name = long
	if err := env.Store.Save(c); err != nil {
		t.Fatalf("save case: %v", err)
	}
	day := data.Today()
	for i := range 4 {
		start := time.Date(day.Year, day.Month, day.Day, 9+i, 0, 0, 0, data.Vilnius)
		ev := &data.Event{Title: long, Type: data.EventSeminar, Start: start, End: start.Add(time.Hour)}
		if err := env.Store.Save(ev); err != nil {
			t.Fatalf("save event: %v", err)
		}
	}
	consultation := validConsultation("2026-03-02", long, long)
	if err := env.Store.Save(consultation); err != nil {
		t.Fatalf("save consultation: %v", err)
	}

	// 1100×680 is the smallest window the sections are laid out for: the
	// old default size less a menu bar.
	limit := fyne.NewSize(1100, 680)
	if DefaultWindowSize.Width < limit.Width || DefaultWindowSize.Height < limit.Height {
		t.Errorf("DefaultWindowSize %v is below %v", DefaultWindowSize, limit)
	}
	if DefaultWindowSize.Width > 1280 || DefaultWindowSize.Height > 740 {
		t.Errorf("DefaultWindowSize %v does not fit a 1280×800 screen", DefaultWindowSize)
	}
	w := NewMainWindow(env, WindowOptions{Language: "lt"})
	for id := range w.sections {
		w.nav.Select(id)
		if got := env.Window.Content().MinSize(); got.Width > limit.Width || got.Height > limit.Height {
			t.Errorf("section %s needs %v, more than %v", w.sections[id].titleKey, got, limit)
		}
	}
}
