package boltstore

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

func TestBackupRotationAndOrder(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(newTestClock())
	opts.KeepBackups = 3
	s := mustOpenPath(t, filepath.Join(dir, "partneryste.db"), opts)

	var made []data.BackupInfo
	for i := range 5 {
		mustSave(t, s, newCase("Atvejis", "Istorija", data.CaseDraft))
		info, err := s.Backup()
		if err != nil {
			t.Fatalf("Backup %d: %v", i, err)
		}
		if info.Size == 0 || !strings.HasPrefix(filepath.Base(info.Path), "partneryste-") {
			t.Errorf("Backup %d = %+v", i, info)
		}
		made = append(made, info)
	}
	if err := os.WriteFile(filepath.Join(dir, "backups", "notes.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}

	backups, err := s.Backups()
	if err != nil {
		t.Fatalf("Backups: %v", err)
	}
	if len(backups) != 3 {
		t.Fatalf("Backups has %d files, want 3 after rotation", len(backups))
	}
	for i, want := range []data.BackupInfo{made[4], made[3], made[2]} {
		if backups[i].Path != want.Path || !backups[i].Created.Equal(want.Created) || backups[i].Size != want.Size {
			t.Errorf("Backups[%d] = %+v, want %+v", i, backups[i], want)
		}
	}
	for _, gone := range made[:2] {
		if _, err := os.Stat(gone.Path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("rotation kept %s", gone.Path)
		}
	}
	listed, err := ListBackups(filepath.Join(dir, "backups"), s.Path())
	if err != nil || len(listed) != 3 || listed[0] != backups[0] {
		t.Errorf("ListBackups = %+v, %v; want the same 3 backups", listed, err)
	}
	if listed, err := ListBackups(filepath.Join(dir, "missing"), s.Path()); err != nil || len(listed) != 0 {
		t.Errorf("ListBackups(missing folder) = %v, %v; want none", listed, err)
	}
	if err := Check(backups[0].Path, Options{}); err != nil {
		t.Errorf("Check(newest backup) = %v", err)
	}
}

func TestBackupNamesSortByTime(t *testing.T) {
	// A frozen clock gives every backup the same millisecond.
	frozen := time.Date(2026, 12, 31, 23, 59, 59, 999e6, time.UTC)
	opts := Options{Logger: quietLogger, Now: func() time.Time { return frozen }, AutoBackupEvery: -1}
	s := mustOpenPath(t, filepath.Join(t.TempDir(), "partneryste.db"), opts)
	first, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if first.Path == second.Path {
		t.Fatalf("two backups share the name %s", first.Path)
	}
	if filepath.Base(first.Path) >= filepath.Base(second.Path) {
		t.Errorf("later backup name %s does not sort after %s", second.Path, first.Path)
	}
	if want := "partneryste-20261231-235959.999Z.db"; filepath.Base(first.Path) != want {
		t.Errorf("backup name = %s, want %s", filepath.Base(first.Path), want)
	}
}

func TestAutomaticBackupAtOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "partneryste.db")
	clock := newTestClock()
	opts := Options{Logger: quietLogger, Now: clock.Now, BackupDir: filepath.Join(dir, "kopijos")}

	reopen := func() []data.BackupInfo {
		t.Helper()
		s, err := Open(path, opts)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		mustSave(t, s, newEvent("Renginys", vilnius(2026, 3, 3, 12, 0)))
		backups, err := s.Backups()
		if err != nil {
			t.Fatalf("Backups: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		return backups
	}

	if got := reopen(); len(got) != 0 {
		t.Errorf("a new file got %d backups at creation, want 0", len(got))
	}
	if got := reopen(); len(got) != 1 {
		t.Fatalf("first reopen: %d backups, want 1", len(got))
	}
	if got := reopen(); len(got) != 1 {
		t.Errorf("reopen within a day: %d backups, want still 1", len(got))
	}
	clock.mu.Lock()
	clock.now = clock.now.Add(25 * time.Hour)
	clock.mu.Unlock()
	if got := reopen(); len(got) != 2 {
		t.Errorf("reopen after 25 hours: %d backups, want 2", len(got))
	}
}

func TestRestoreReplacesDataFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "partneryste.db")
	opts := testOptions(newTestClock())
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	kept := newCase("Išsaugotas atvejis", "Chemija", data.CaseDraft)
	mustSave(t, s, kept)
	backup, err := s.Backup()
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	later := newCase("Vėlesnis atvejis", "Chemija", data.CaseDraft)
	mustSave(t, s, later)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	current := readFile(t, path)

	if err := Restore(backup.Path, path, opts); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	aside, _ := filepath.Glob(path + ".before-restore-*")
	if len(aside) != 1 {
		t.Fatalf("Restore kept %d copies of the current file, want 1", len(aside))
	}
	if !bytes.Equal(readFile(t, aside[0]), current) {
		t.Error("the kept copy differs from the file before restore")
	}
	if !bytes.Equal(readFile(t, path), readFile(t, backup.Path)) {
		t.Error("the data file differs from the backup after restore")
	}

	s = mustOpenPath(t, path, opts)
	if _, err := s.PracticeCase(kept.ID); err != nil {
		t.Errorf("case saved before the backup: %v", err)
	}
	if _, err := s.PracticeCase(later.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("case saved after the backup = %v, want ErrNotFound", err)
	}
}

func TestRestoreRejectsBadBackup(t *testing.T) {
	dir := t.TempDir()
	path := seededFile(t)
	before := readFile(t, path)

	bad := filepath.Join(dir, "partneryste-20260101-000000.000.db")
	if err := os.WriteFile(bad, []byte("ne duomenų bazė"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Restore(bad, path, Options{Logger: quietLogger}); !errors.Is(err, data.ErrDamaged) {
		t.Errorf("Restore(text file) = %v, want ErrDamaged", err)
	}
	empty := filepath.Join(dir, "empty-bolt.db")
	writeBolt(t, empty, func(*bolt.Tx) error { return nil })
	if err := Restore(empty, path, Options{Logger: quietLogger}); !errors.Is(err, data.ErrDamaged) {
		t.Errorf("Restore(bbolt file without buckets) = %v, want ErrDamaged", err)
	}
	if err := Restore(filepath.Join(dir, "missing.db"), path, Options{Logger: quietLogger}); err == nil {
		t.Error("Restore(missing backup) = nil, want an error")
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("a rejected restore changed the data file")
	}
	if aside, _ := filepath.Glob(path + ".before-restore-*"); len(aside) != 0 {
		t.Errorf("a rejected restore left %v", aside)
	}
}

func TestRestoreOverDamagedFile(t *testing.T) {
	good := seededFile(t)
	path := filepath.Join(t.TempDir(), "partneryste.db")
	damaged := []byte("sugadintas failas")
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Restore(good, path, Options{Logger: quietLogger}); err != nil {
		t.Fatalf("Restore over a damaged file: %v", err)
	}
	aside, _ := filepath.Glob(path + ".before-restore-*")
	if len(aside) != 1 || !bytes.Equal(readFile(t, aside[0]), damaged) {
		t.Errorf("damaged file not kept aside: %v", aside)
	}
	s := mustOpenPath(t, path, testOptions(newTestClock()))
	if counts, _ := s.Counts(); counts.PracticeCases != 50 {
		t.Errorf("Counts after restore = %+v, want 50 cases", counts)
	}
}
