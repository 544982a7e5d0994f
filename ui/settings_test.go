package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
)

// openSettings opens the main window on env and shows Settings.
func openSettings(t *testing.T, env *Env) (*MainWindow, *settingsScreen) {
	t.Helper()
	w := NewMainWindow(env, WindowOptions{Language: "lt", SetLanguage: testLanguageSetter(t)})
	w.nav.Select(sectionSettings)
	if w.current != sectionSettings {
		t.Fatalf("window shows %v, want Settings", w)
	}
	return w, w.settings
}

func TestSettings_saveProfileName(t *testing.T) {
	env := newTestEnv(t)
	_, s := openSettings(t, env)

	name := "Lietuvos geografijos mokytojų asociacija"
	test.Type(s.profileName, "  "+name)
	if !s.dirty() {
		t.Fatal("screen not dirty after typing a name")
	}
	test.Tap(s.saveProfile)

	p, err := env.Store.Profile()
	if err != nil {
		t.Fatalf("read profile: %v", err)
	}
	if p.Name != name {
		t.Errorf("stored name = %q, want %q", p.Name, name)
	}
	if s.profileName.Text != name {
		t.Errorf("field shows %q after saving, want the trimmed %q", s.profileName.Text, name)
	}
	if s.profileStatus.Text != "Pavadinimas išsaugotas." || !s.profileStatus.Visible() {
		t.Errorf("status = %q (visible %v), want the saved message", s.profileStatus.Text, s.profileStatus.Visible())
	}
	if s.dirty() {
		t.Error("screen still dirty after saving")
	}
	if got, want := env.Window.Title(), "Partnerystė — "+name; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

func TestSettings_profileNameValidation(t *testing.T) {
	cases := []struct {
		name, typed, want string
	}{
		{"empty", "   ", "Įrašykite asociacijos pavadinimą."},
		{"too long", strings.Repeat("ž", MaxProfileNameRunes+1), "Pavadinimas per ilgas: leidžiama ne daugiau kaip 200 simbolių."},
		{"control character", "Asociacija\u0007", "Pavadinime negali būti eilutės lūžių ar kitų valdymo simbolių."},
		{"line break", "Pirma eilutė\nantra", "Pavadinime negali būti eilutės lūžių ar kitų valdymo simbolių."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t)
			if err := env.Store.SaveProfile(data.Profile{Name: "Ankstesnis pavadinimas"}); err != nil {
				t.Fatalf("save profile: %v", err)
			}
			_, s := openSettings(t, env)

			s.profileName.SetText(tc.typed)
			err := s.save()
			if !errors.Is(err, errInvalidInput) {
				t.Errorf("save() = %v, want errInvalidInput", err)
			}
			if s.profileStatus.Text != tc.want {
				t.Errorf("status = %q, want %q", s.profileStatus.Text, tc.want)
			}
			if s.profileStatus.Importance != widget.DangerImportance {
				t.Errorf("status importance = %v, want danger", s.profileStatus.Importance)
			}
			p, err := env.Store.Profile()
			if err != nil {
				t.Fatalf("read profile: %v", err)
			}
			if p.Name != "Ankstesnis pavadinimas" {
				t.Errorf("invalid name reached the store: %q", p.Name)
			}
		})
	}
}

func TestSettings_maxLengthNameAccepted(t *testing.T) {
	env := newTestEnv(t)
	_, s := openSettings(t, env)
	name := strings.Repeat("ą", MaxProfileNameRunes)

	s.profileName.SetText(name)
	if err := s.save(); err != nil {
		t.Fatalf("save a name of exactly %d runes: %v", MaxProfileNameRunes, err)
	}
	p, err := env.Store.Profile()
	if err != nil {
		t.Fatalf("read profile: %v", err)
	}
	if p.Name != name {
		t.Errorf("stored name has %d bytes, want %d", len(p.Name), len(name))
	}
}

func TestSettings_invalidNameBlocksLeaving(t *testing.T) {
	env := newTestEnv(t)
	w, s := openSettings(t, env)

	s.profileName.SetText("Asociacija\u0007")
	w.nav.Select(sectionCalendar)
	if w.prompt == nil {
		t.Fatal("no unsaved-changes prompt when leaving Settings with a changed name")
	}
	test.Tap(w.prompt.save)
	if w.current != sectionSettings {
		t.Errorf("after saving an invalid name the window shows %v, want Settings", w)
	}
	if !s.profileStatus.Visible() {
		t.Error("the reason for staying is not shown")
	}
}

func TestSettings_discardRestoresName(t *testing.T) {
	env := newTestEnv(t)
	if err := env.Store.SaveProfile(data.Profile{Name: "Esama asociacija"}); err != nil {
		t.Fatalf("save profile: %v", err)
	}
	w, s := openSettings(t, env)
	if s.profileName.Text != "Esama asociacija" {
		t.Fatalf("field shows %q, want the stored name", s.profileName.Text)
	}

	s.profileName.SetText("Pakeista")
	w.nav.Select(sectionPractice)
	test.Tap(w.prompt.discard)
	if s.profileName.Text != "Esama asociacija" {
		t.Errorf("after discard the field shows %q", s.profileName.Text)
	}
}

func TestSettings_switchLanguage(t *testing.T) {
	env := newTestEnv(t)
	w, s := openSettings(t, env)
	s.profileName.SetText("Dar neišsaugota")

	texts := textsIn(env.Window.Content())
	for _, want := range []string{"Kalba", "Atsarginės kopijos", "Sukurti atsarginę kopiją dabar"} {
		if !contains(texts, want) {
			t.Errorf("Lithuanian Settings lack %q", want)
		}
	}

	s.language.SetSelected("English")

	if got := env.App.Preferences().String(PrefLanguage); got != "en" {
		t.Errorf("stored language = %q, want en", got)
	}
	if w.current != sectionSettings {
		t.Errorf("after the switch the window shows %v, want Settings", w)
	}
	texts = textsIn(env.Window.Content())
	for _, want := range []string{"Language", "Backups", "Back up now", "Settings", "Calendar"} {
		if !contains(texts, want) {
			t.Errorf("English window lacks %q; it shows %q", want, texts)
		}
	}
	if contains(texts, "Kalba") {
		t.Error("English window still shows the Lithuanian \"Kalba\"")
	}
	if got := env.Window.MainMenu().Items[0].Label; got != "File" {
		t.Errorf("menu = %q, want File", got)
	}
	if got := w.settings.profileName.Text; got != "Dar neišsaugota" {
		t.Errorf("unsaved name after the switch = %q, want it kept", got)
	}

	w.settings.language.SetSelected("Lietuvių")
	if !contains(textsIn(env.Window.Content()), "Nustatymai") {
		t.Error("switching back did not bring the Lithuanian texts back")
	}
}

func TestSettings_pluralCounts(t *testing.T) {
	useLanguage(t, "lt")
	cases := []struct {
		key  string
		n    int
		want string
	}{
		{"settings.count.events", 1, "1 renginys"},
		{"settings.count.events", 2, "2 renginiai"},
		{"settings.count.events", 10, "10 renginių"},
		{"settings.count.events", 21, "21 renginys"},
		{"settings.count.events", 22, "22 renginiai"},
		{"settings.count.events", 11, "11 renginių"},
		{"settings.count.practice_cases", 1, "1 gerosios patirties aprašas"},
		{"settings.count.practice_cases", 2, "2 gerosios patirties aprašai"},
		{"settings.count.practice_cases", 10, "10 gerosios patirties aprašų"},
		{"settings.count.practice_cases", 21, "21 gerosios patirties aprašas"},
		{"settings.count.practice_cases", 22, "22 gerosios patirties aprašai"},
		{"settings.count.consultations", 1, "1 konsultacija"},
		{"settings.count.consultations", 2, "2 konsultacijos"},
		{"settings.count.consultations", 10, "10 konsultacijų"},
		{"settings.count.consultations", 21, "21 konsultacija"},
		{"settings.count.consultations", 22, "22 konsultacijos"},
		{"settings.count.outbox", 1, "1 pakeitimas laukia išsiuntimo"},
		{"settings.count.outbox", 2, "2 pakeitimai laukia išsiuntimo"},
		{"settings.count.outbox", 10, "10 pakeitimų laukia išsiuntimo"},
		{"settings.count.outbox", 21, "21 pakeitimas laukia išsiuntimo"},
		{"settings.count.outbox", 22, "22 pakeitimai laukia išsiuntimo"},
	}
	for _, tc := range cases {
		if got := TN(tc.key, tc.n); got != tc.want {
			t.Errorf("TN(%q, %d) = %q, want %q", tc.key, tc.n, got, tc.want)
		}
	}

	useLanguage(t, "en")
	for n, want := range map[int]string{1: "1 event", 2: "2 events", 21: "21 events"} {
		if got := TN("settings.count.events", n); got != want {
			t.Errorf("English TN(events, %d) = %q, want %q", n, got, want)
		}
	}
}

func TestSettings_showsCounts(t *testing.T) {
	env := newTestEnv(t)
	saveEvent(t, env.Store, "Pirmas renginys")
	saveEvent(t, env.Store, "Antras renginys")
	_, s := openSettings(t, env)

	if got := s.events.Text; got != "2 renginiai" {
		t.Errorf("events count = %q, want %q", got, "2 renginiai")
	}
	if got := s.practiceCases.Text; got != "0 gerosios patirties aprašų" {
		t.Errorf("practice count = %q", got)
	}
	if got := s.outbox.Text; got != "2 pakeitimai laukia išsiuntimo" {
		t.Errorf("outbox count = %q", got)
	}
}

func TestSettings_dataPathAndCopy(t *testing.T) {
	env := newTestEnv(t)
	_, s := openSettings(t, env)

	if s.dataPath.Text != env.Store.Path() {
		t.Errorf("path label = %q, want %q", s.dataPath.Text, env.Store.Path())
	}
	if !s.dataPath.Selectable {
		t.Error("path label is not selectable")
	}
	test.Tap(s.copyPath)
	if got := env.App.Clipboard().Content(); got != env.Store.Path() {
		t.Errorf("clipboard = %q, want the data file's path", got)
	}
}

func TestFormatSize(t *testing.T) {
	useLanguage(t, "lt")
	cases := map[int64]string{
		512:             "512 B",
		1536:            "1,5 KB",
		5 * 1024 * 1024: "5,0 MB",
	}
	for n, want := range cases {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
	useLanguage(t, "en")
	if got := formatSize(1536); got != "1.5 KB" {
		t.Errorf("English formatSize(1536) = %q, want 1.5 KB", got)
	}
}

// restoreInto returns an Env.Restore for tests that does what the app
// layer does: close the store, restore the backup, reopen and swap.
func TestBackupRow_showsSecondsInVilnius(t *testing.T) {
	useLanguage(t, "lt")
	b := data.BackupInfo{Created: time.Date(2026, 3, 11, 10, 20, 30, 0, time.UTC), Size: 2048}
	// Vilnius is two hours ahead of UTC in March before summer time.
	if got, want := backupRow(b), "2026-03-11 12:20:30   2,0 KB"; got != want {
		t.Errorf("backupRow = %q, want %q", got, want)
	}
}

func restoreInto(t *testing.T, env *Env, opts boltstore.Options) func(string) error {
	return func(backupPath string) error {
		old := env.Store.(*boltstore.DB)
		path := old.Path()
		if err := old.Close(); err != nil {
			return err
		}
		restoreErr := boltstore.Restore(backupPath, path, opts)
		store, err := boltstore.Open(path, opts)
		if err != nil {
			return errors.Join(restoreErr, err)
		}
		t.Cleanup(func() { store.Close() })
		fyne.DoAndWait(func() {
			env.Store = store
			env.Backups = store
		})
		return restoreErr
	}
}

// findButton returns the button with text among the canvas's overlays.
func findButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	for _, overlay := range c.Overlays().List() {
		walk(overlay, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
				found = b
			}
		})
	}
	if found == nil {
		t.Fatalf("no button %q in a dialog", text)
	}
	return found
}

func TestSettings_backupAndRestore(t *testing.T) {
	env := newTestEnv(t)
	opts := boltstore.Options{Logger: env.Log, AutoBackupEvery: -1, BackupDir: filepath.Join(t.TempDir(), "backups")}
	// Reopen the store with a backup folder of the test's own.
	path := env.Store.Path()
	if err := env.Store.(*boltstore.DB).Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	store, err := boltstore.Open(path, opts)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	env.Store, env.Backups = store, store
	env.Restore = restoreInto(t, env, opts)

	if err := store.SaveProfile(data.Profile{Name: "Prieš kopiją"}); err != nil {
		t.Fatalf("save profile: %v", err)
	}
	w, s := openSettings(t, env)
	if !s.backupsEmpty.Visible() {
		t.Error("no \"no backups yet\" line on a fresh folder")
	}

	test.Tap(s.backupNow)
	<-s.backupDone
	if len(s.backups) != 1 {
		t.Fatalf("list shows %d backups after one backup, want 1", len(s.backups))
	}
	if !strings.HasPrefix(s.backupStatus.Text, "Atsarginė kopija sukurta: ") {
		t.Errorf("status = %q, want the done message", s.backupStatus.Text)
	}
	if s.backupsEmpty.Visible() {
		t.Error("\"no backups yet\" still shown")
	}
	if s.backupNow.Disabled() {
		t.Error("backup button stays disabled")
	}

	s.profileName.SetText("Po kopijos")
	test.Tap(s.saveProfile)
	if p, _ := env.Store.Profile(); p.Name != "Po kopijos" {
		t.Fatalf("profile = %q before the restore", p.Name)
	}

	if !s.restore.Disabled() {
		t.Error("restore button enabled before a backup is chosen")
	}
	s.backupList.Select(0)
	test.Tap(s.restore)
	test.Tap(findButton(t, env.Window.Canvas(), "Atkurti"))
	<-s.restoreDone

	p, err := env.Store.Profile()
	if err != nil {
		t.Fatalf("read profile after restore: %v", err)
	}
	if p.Name != "Prieš kopiją" {
		t.Errorf("profile after restore = %q, want %q", p.Name, "Prieš kopiją")
	}
	if s.profileName.Text != "Prieš kopiją" {
		t.Errorf("field after restore shows %q", s.profileName.Text)
	}
	if got, want := env.Window.Title(), "Partnerystė — Prieš kopiją"; got != want {
		t.Errorf("title after restore = %q, want %q", got, want)
	}
	if w.current != sectionSettings {
		t.Errorf("window shows %v after the restore, want Settings", w)
	}
	asideCopies, _ := filepath.Glob(path + ".before-restore-*")
	if len(asideCopies) != 1 {
		t.Errorf("restore kept %d copies of the replaced file, want 1", len(asideCopies))
	}
}

func TestSettings_restoreCancelled(t *testing.T) {
	env := newTestEnv(t)
	calls := 0
	env.Restore = func(string) error { calls++; return nil }
	_, s := openSettings(t, env)
	if _, err := env.Backups.Backup(); err != nil {
		t.Fatalf("backup: %v", err)
	}
	s.refresh()

	s.backupList.Select(0)
	test.Tap(s.restore)
	test.Tap(findButton(t, env.Window.Canvas(), "Atšaukti"))
	if calls != 0 {
		t.Errorf("restore ran %d times after cancel", calls)
	}
}

func TestSettings_withoutBackups(t *testing.T) {
	env := newTestEnv(t)
	env.Backups = nil
	_, s := openSettings(t, env)
	if !s.backupNow.Disabled() {
		t.Error("backup button enabled without a Backupper")
	}
	if s.backupStatus.Text != T("settings.backups_unavailable") {
		t.Errorf("status = %q, want the unavailable message", s.backupStatus.Text)
	}
}
