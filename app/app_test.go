package app

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/ui"
)

func TestParseFlags(t *testing.T) {
	o, err := parseFlags([]string{"-data", "/tmp/p.db", "-profile", "demo", "-sample", "-lang", "en", "-v"}, io.Discard)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	want := options{data: "/tmp/p.db", profile: "demo", sample: true, language: "en", verbose: true}
	if o != want {
		t.Errorf("options = %+v, want %+v", o, want)
	}

	o, err = parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatalf("parse no flags: %v", err)
	}
	if o.profile != DefaultProfile || o.sample || o.language != "" || o.verbose {
		t.Errorf("defaults = %+v", o)
	}
}

func TestParseFlags_rejectsBadInput(t *testing.T) {
	cases := map[string][]string{
		"unknown language": {"-lang", "fr"},
		"unknown flag":     {"-colour"},
		"stray argument":   {"p.db"},
		"missing value":    {"-data"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			var stderr bytes.Buffer
			if _, err := parseFlags(args, &stderr); err == nil {
				t.Errorf("parseFlags(%q) accepted the input", args)
			}
		})
	}

	var stderr bytes.Buffer
	if _, err := parseFlags([]string{"-h"}, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h gave %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(stderr.String(), "-sample") {
		t.Errorf("help does not list -sample: %q", stderr.String())
	}
}

func TestChooseLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()

	if got := chooseLanguage("", prefs); got != "lt" {
		t.Errorf("no flag, no preference: %q, want lt", got)
	}
	prefs.SetString(ui.PrefLanguage, "en")
	if got := chooseLanguage("", prefs); got != "en" {
		t.Errorf("preference en: %q, want en", got)
	}
	if got := chooseLanguage("lt", prefs); got != "lt" {
		t.Errorf("flag lt over preference en: %q, want lt", got)
	}
	prefs.SetString(ui.PrefLanguage, "klingon")
	if got := chooseLanguage("", prefs); got != "lt" {
		t.Errorf("unknown preference: %q, want lt", got)
	}
}

func TestNewLogger_level(t *testing.T) {
	var out bytes.Buffer
	newLogger(&out, false).Debug("hidden")
	if out.Len() != 0 {
		t.Errorf("debug line written without -v: %q", out.String())
	}
	newLogger(&out, true).Debug("shown", "key", "value")
	if !strings.Contains(out.String(), "msg=shown key=value") {
		t.Errorf("debug line with -v = %q", out.String())
	}
}

// newTestProgram returns a program on a test app with its data file in a
// temporary folder and its messages in Lithuanian.
func newTestProgram(t *testing.T) (*program, *bytes.Buffer) {
	t.Helper()
	if err := LoadTranslations("lt"); err != nil {
		t.Fatalf("load translations: %v", err)
	}
	a := test.NewTempApp(t)
	paths, err := ResolvePaths(filepath.Join(t.TempDir(), "partneryste.db"), "")
	if err != nil {
		t.Fatalf("resolve paths: %v", err)
	}
	var stderr bytes.Buffer
	p := newProgram(a, slog.New(slog.DiscardHandler), paths, &stderr)
	p.language = "lt"
	p.storeOptions.AutoBackupEvery = -1
	p.storeOptions.Timeout = 200 * time.Millisecond
	return p, &stderr
}

// windowTitles returns the titles of the app's open windows, leaving out
// the untitled window that Fyne's test driver creates for itself.
func windowTitles(a fyne.App) []string {
	var titles []string
	for _, w := range a.Driver().AllWindows() {
		if w.Title() != "" {
			titles = append(titles, w.Title())
		}
	}
	return titles
}

func TestProgram_startOpensMainWindow(t *testing.T) {
	p, stderr := newTestProgram(t)
	p.start()

	if p.main == nil {
		t.Fatalf("no main window; stderr %q", stderr.String())
	}
	if titles := windowTitles(p.app); len(titles) != 1 || titles[0] != "Partnerystė" {
		t.Errorf("windows = %q, want one titled Partnerystė", titles)
	}
	if code := p.stop(); code != exitOK {
		t.Errorf("exit code = %d, want 0", code)
	}

	// The store is closed, so the file opens again at once.
	store, err := boltstore.Open(p.paths.Data, p.storeOptions)
	if err != nil {
		t.Fatalf("reopen after stop: %v", err)
	}
	store.Close()
}

func TestProgram_startLockedFile(t *testing.T) {
	p, stderr := newTestProgram(t)
	holder, err := boltstore.Open(p.paths.Data, p.storeOptions)
	if err != nil {
		t.Fatalf("open the file as the other window: %v", err)
	}
	defer holder.Close()

	p.start()

	if p.main != nil {
		t.Error("main window opened on a locked file")
	}
	if !strings.Contains(stderr.String(), p.paths.Data+" jau naudoja kitas Partnerystės langas") {
		t.Errorf("stderr = %q, want the locked message", stderr.String())
	}
	titles := windowTitles(p.app)
	if len(titles) != 1 || titles[0] != "Duomenų failas jau atvertas" {
		t.Errorf("windows = %q, want the locked-file window", titles)
	}
	if code := p.stop(); code != exitFailure {
		t.Errorf("exit code = %d, want %d", code, exitFailure)
	}
}

// makeDamagedFile writes a store with one profile name and a backup of
// it, then overwrites the data file with bytes that are not bbolt.
func makeDamagedFile(t *testing.T, p *program) data.BackupInfo {
	t.Helper()
	store, err := boltstore.Open(p.paths.Data, p.storeOptions)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if err := store.SaveProfile(data.Profile{Name: "Atkurta asociacija"}); err != nil {
		t.Fatalf("save profile: %v", err)
	}
	backup, err := store.Backup()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := store.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if err := os.WriteFile(p.paths.Data, bytes.Repeat([]byte("sugadinta "), 4096), 0o600); err != nil {
		t.Fatalf("damage: %v", err)
	}
	return backup
}

func TestProgram_startDamagedFileOffersRecovery(t *testing.T) {
	p, stderr := newTestProgram(t)
	backup := makeDamagedFile(t, p)

	listed, err := boltstore.ListBackups(p.paths.Backups, p.paths.Data)
	if err != nil {
		t.Fatalf("list backups: %v", err)
	}
	if len(listed) != 1 || listed[0].Path != backup.Path {
		t.Fatalf("listed backups %+v, want only %s", listed, backup.Path)
	}

	p.start()
	if p.main != nil {
		t.Error("main window opened on a damaged file")
	}
	titles := windowTitles(p.app)
	if len(titles) != 1 || titles[0] != "Duomenų failo atverti nepavyko" {
		t.Errorf("windows = %q, want the recovery window", titles)
	}
	if !strings.Contains(stderr.String(), "Atsarginę kopiją galite atkurti") {
		t.Errorf("stderr = %q", stderr.String())
	}

	if err := p.restoreDamaged(backup.Path); err != nil {
		t.Fatalf("restore: %v", err)
	}
	p.showMain()
	if got, want := p.env.Window.Title(), "Partnerystė — Atkurta asociacija"; got != want {
		t.Errorf("title after recovery = %q, want %q", got, want)
	}
	if code := p.stop(); code != exitOK {
		t.Errorf("exit code = %d, want 0", code)
	}
}

func TestListBackups_missingFolder(t *testing.T) {
	list, err := boltstore.ListBackups(filepath.Join(t.TempDir(), "none"), filepath.Join(t.TempDir(), "partneryste.db"))
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if len(list) != 0 {
		t.Errorf("listed %d backups in a missing folder", len(list))
	}
}

func TestProgram_restoreSwapsStore(t *testing.T) {
	p, _ := newTestProgram(t)
	p.start()
	if p.main == nil {
		t.Fatal("no main window")
	}
	defer p.stop()

	before := p.env.Store
	if err := before.SaveProfile(data.Profile{Name: "Pirmas"}); err != nil {
		t.Fatalf("save: %v", err)
	}
	backup, err := p.env.Backups.Backup()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := before.SaveProfile(data.Profile{Name: "Antras"}); err != nil {
		t.Fatalf("save: %v", err)
	}

	if err := p.restore(backup.Path); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if p.env.Store == before {
		t.Error("env still holds the closed store")
	}
	profile, err := p.env.Store.Profile()
	if err != nil {
		t.Fatalf("profile: %v", err)
	}
	if profile.Name != "Pirmas" {
		t.Errorf("profile after restore = %q, want Pirmas", profile.Name)
	}
}

func TestProgram_restoreBadBackupKeepsStore(t *testing.T) {
	p, _ := newTestProgram(t)
	p.start()
	defer p.stop()
	if err := p.env.Store.SaveProfile(data.Profile{Name: "Lieka"}); err != nil {
		t.Fatalf("save: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(bad, []byte("ne kopija"), 0o600); err != nil {
		t.Fatalf("write: %v", err)
	}

	if err := p.restore(bad); err == nil {
		t.Fatal("restore from a bad backup succeeded")
	}
	profile, err := p.env.Store.Profile()
	if err != nil {
		t.Fatalf("store unusable after a failed restore: %v", err)
	}
	if profile.Name != "Lieka" {
		t.Errorf("profile = %q, want the unchanged Lieka", profile.Name)
	}
}

func TestProgram_loadSample(t *testing.T) {
	p, _ := newTestProgram(t)
	p.start()
	defer p.stop()

	if err := p.env.LoadSample(); err != nil {
		t.Fatalf("load sample: %v", err)
	}
	c, err := p.env.Store.Counts()
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	if c.Events == 0 || c.PracticeCases == 0 || c.Consultations == 0 {
		t.Errorf("counts after the sample = %+v, want records of every kind", c)
	}
}
