package boltstore

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partneryste/data"
)

func TestBackups_twoDataFilesInOneFolder(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(newTestClock())
	opts.KeepBackups = 2
	main := mustOpenPath(t, filepath.Join(dir, "p.db"), opts)
	copied := mustOpenPath(t, filepath.Join(dir, "copy.db"), opts)
	mustSave(t, main, newCase("Pagrindinis", "Istorija", data.CaseDraft))
	mustSave(t, copied, newCase("Kopija", "Istorija", data.CaseDraft))

	own, err := main.Backup()
	if err != nil {
		t.Fatalf("Backup(p.db): %v", err)
	}
	// Three backups of copy.db exceed KeepBackups, so rotation runs on
	// copy.db's backups and must leave p.db's alone.
	var other []data.BackupInfo
	for range 3 {
		b, err := copied.Backup()
		if err != nil {
			t.Fatalf("Backup(copy.db): %v", err)
		}
		other = append(other, b)
	}

	if name := filepath.Base(own.Path); !strings.HasPrefix(name, "p-") {
		t.Errorf("backup of p.db is named %s, want a name starting with p-", name)
	}
	if name := filepath.Base(other[0].Path); !strings.HasPrefix(name, "copy-") {
		t.Errorf("backup of copy.db is named %s, want a name starting with copy-", name)
	}

	listed, err := main.Backups()
	if err != nil {
		t.Fatalf("Backups(p.db): %v", err)
	}
	if len(listed) != 1 || listed[0].Path != own.Path {
		t.Errorf("Backups(p.db) = %+v, want only %s", listed, own.Path)
	}
	listed, err = copied.Backups()
	if err != nil {
		t.Fatalf("Backups(copy.db): %v", err)
	}
	if len(listed) != 2 || listed[0].Path != other[2].Path || listed[1].Path != other[1].Path {
		t.Errorf("Backups(copy.db) = %+v, want the newest two of copy.db", listed)
	}
	if _, err := os.Stat(own.Path); err != nil {
		t.Errorf("rotation of copy.db's backups touched p.db's: %v", err)
	}

	listed, err = ListBackups(filepath.Join(dir, "backups"), filepath.Join(dir, "p.db"))
	if err != nil || len(listed) != 1 || listed[0].Path != own.Path {
		t.Errorf("ListBackups(p.db) = %+v, %v; want only %s", listed, err, own.Path)
	}
}

func TestListBackups_similarNames(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"p-20260301-083000.000.db",
		"p-2026-20260301-083000.000.db",
		"p-20260301-083000.000.db.x1.tmp",
		"partneryste-20260301-083000.000.db",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	for data, want := range map[string]string{
		"p.db":           "p-20260301-083000.000.db",
		"p-2026.db":      "p-2026-20260301-083000.000.db",
		"partneryste.db": "partneryste-20260301-083000.000.db",
	} {
		listed, err := ListBackups(dir, filepath.Join("/any", data))
		if err != nil {
			t.Fatalf("ListBackups(%s): %v", data, err)
		}
		if len(listed) != 1 || filepath.Base(listed[0].Path) != want {
			t.Errorf("ListBackups(%s) = %+v, want only %s", data, listed, want)
		}
	}
}

func TestBackup_nameMarksUTC(t *testing.T) {
	created := time.Date(2026, 12, 4, 21, 26, 21, 0, time.UTC)
	opts := Options{Logger: quietLogger, Now: func() time.Time { return created.In(data.Vilnius) }, AutoBackupEvery: -1}
	s := mustOpenPath(t, filepath.Join(t.TempDir(), "p.db"), opts)

	info, err := s.Backup()
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if got, want := filepath.Base(info.Path), "p-20261204-212621.000Z.db"; got != want {
		t.Errorf("backup name = %s, want %s", got, want)
	}
	if !info.Created.Equal(created) {
		t.Errorf("Created = %v, want %v", info.Created, created)
	}

	listed, err := s.Backups()
	if err != nil || len(listed) != 1 {
		t.Fatalf("Backups = %+v, %v; want one backup", listed, err)
	}
	if !listed[0].Created.Equal(created) {
		t.Errorf("listed Created = %v, want %v", listed[0].Created, created)
	}
	if got, want := listed[0].Created.In(data.Vilnius).Format(time.DateTime), "2026-12-04 23:26:21"; got != want {
		t.Errorf("Created in Vilnius = %s, want %s", got, want)
	}
}

func TestListBackups_oldNamesReadAsUTC(t *testing.T) {
	dir := t.TempDir()
	name := "partneryste-20261204-212621.000.db"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}

	listed, err := ListBackups(dir, filepath.Join(t.TempDir(), "partneryste.db"))
	if err != nil || len(listed) != 1 {
		t.Fatalf("ListBackups = %+v, %v; want the old backup", listed, err)
	}
	if want := time.Date(2026, 12, 4, 21, 26, 21, 0, time.UTC); !listed[0].Created.Equal(want) {
		t.Errorf("Created = %v, want %v", listed[0].Created, want)
	}
}

func TestRestoreBackup_returnsKeptPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	opts := testOptions(newTestClock())
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	mustSave(t, s, newCase("Atvejis", "Chemija", data.CaseDraft))
	backup, err := s.Backup()
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	current := readFile(t, path)

	result, err := RestoreBackup(backup.Path, path, opts)
	if err != nil {
		t.Fatalf("RestoreBackup: %v", err)
	}
	stamp, found := strings.CutPrefix(result.KeptPath, path+".before-restore-")
	if !found || !strings.HasSuffix(stamp, "Z") {
		t.Fatalf("KeptPath = %q, want %s.before-restore-<UTC time>Z", result.KeptPath, path)
	}
	if _, err := parseBackupTime(stamp); err != nil {
		t.Errorf("KeptPath time %q: %v", stamp, err)
	}
	if !bytes.Equal(readFile(t, result.KeptPath), current) {
		t.Error("KeptPath differs from the data file before restore")
	}

	// A restore onto a missing data file has nothing to keep.
	fresh := filepath.Join(dir, "new.db")
	result, err = RestoreBackup(backup.Path, fresh, opts)
	if err != nil {
		t.Fatalf("RestoreBackup onto a missing file: %v", err)
	}
	if result.KeptPath != "" {
		t.Errorf("KeptPath = %q for a missing data file, want empty", result.KeptPath)
	}
}
