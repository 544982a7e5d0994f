package boltstore

import (
	"path/filepath"
	"testing"
	"time"

	"partneryste/data"
)

func TestAutoBackup_firstRecordsOfNewFile(t *testing.T) {
	opts := Options{Logger: quietLogger, AutoBackupEvery: 24 * time.Hour}
	s := mustOpenPath(t, filepath.Join(t.TempDir(), "p.db"), opts)

	// An empty new file is not worth a backup.
	s.autoBackup()
	if backups, err := s.Backups(); err != nil || len(backups) != 0 {
		t.Fatalf("backups of an empty file = %v, %v; want none", backups, err)
	}

	// Its first records are backed up at the next check, not a day later.
	mustSave(t, s, newEvent("Pirmasis renginys", vilnius(2026, 12, 10, 9, 0)))
	s.autoBackup()
	backups, err := s.Backups()
	if err != nil {
		t.Fatalf("Backups: %v", err)
	}
	if len(backups) != 1 {
		t.Fatalf("backups after the first record = %d, want 1", len(backups))
	}

	// A fresh backup makes the next check a no-op.
	mustSave(t, s, newConsultation("Vertinimas", data.Date{Year: 2026, Month: 12, Day: 3}, data.ConsultationNew))
	s.autoBackup()
	if again, err := s.Backups(); err != nil || len(again) != 1 {
		t.Errorf("backups after a second check = %d, %v; want still 1", len(again), err)
	}
}
