package boltstore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
