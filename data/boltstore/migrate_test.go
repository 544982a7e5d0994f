package boltstore

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"partneryste/data"
)

// copyFixture copies a checked-in fixture into a temporary folder, so the
// tests never change testdata/.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "partneryste.db")
	if err := os.WriteFile(path, readFile(t, filepath.Join("testdata", name)), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrateSchema1(t *testing.T) {
	path := copyFixture(t, "schema1.db")
	s := mustOpenPath(t, path, testOptions(newTestClock()))

	backups, err := s.Backups()
	if err != nil {
		t.Fatalf("Backups: %v", err)
	}
	if len(backups) != 1 {
		t.Fatalf("migration left %d backups, want 1", len(backups))
	}
	if version, err := inspect(backups[0].Path, defaultTimeout); err != nil || version != 1 {
		t.Errorf("backup before migration has schema %d (%v), want 1", version, err)
	}

	profile, _ := s.Profile()
	if profile.AssociationID != "6f1c0c3e-4b7a-4f0e-9a51-2d1f3c9b7e10" || profile.Name != "Lietuvos šokio mokytojų asociacija" {
		t.Errorf("profile after migration = %+v", profile)
	}
	counts, _ := s.Counts()
	if want := (data.Counts{Events: 2, PracticeCases: 2, Consultations: 1, Outbox: 5}); counts != want {
		t.Errorf("Counts after migration = %+v, want %+v", counts, want)
	}

	changes, err := s.Outbox()
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	revisions := map[string]int64{"e-1": 2, "e-2": 1, "p-1": 3, "p-2": 1, "c-1": 2}
	for _, c := range changes {
		if c.Op != OpPut || c.BaseRevision != 0 || c.Revision != revisions[c.RecordID] || c.ChangeID == "" {
			t.Errorf("migrated change = %+v, want a put of revision %d based on 0", c, revisions[c.RecordID])
		}
	}

	cases, _ := s.PracticeCases(data.CaseFilter{Query: "sokio"})
	if len(cases) != 1 || cases[0].ID != "p-1" || cases[0].Revision != 3 {
		t.Errorf("PracticeCases(sokio) = %+v, want p-1 at revision 3", cases)
	}
	events, _ := s.Events(data.EventFilter{From: day(2025, 11, 4), To: day(2025, 11, 30)})
	if len(events) != 1 || events[0].ID != "e-2" {
		t.Errorf("Events(November) = %v, want the all-day event", eventTitles(events))
	}

	ev, err := s.Event("e-1")
	if err != nil {
		t.Fatalf("Event(e-1): %v", err)
	}
	ev.Place += " (atnaujinta)"
	mustSave(t, s, &ev)
	if ev.Revision != 3 {
		t.Errorf("saving a migrated event gave revision %d, want 3", ev.Revision)
	}
	if want := time.Date(2025, 9, 1, 8, 30, 0, 0, time.UTC); !ev.Created.Equal(want) {
		t.Errorf("Created = %v after saving a migrated event, want %v", ev.Created, want)
	}
}

func TestMigrationsReachCurrentSchema(t *testing.T) {
	version := 1
	for _, m := range migrations {
		if m.from != version || m.to != version+1 {
			t.Errorf("migration %d→%d does not follow %d", m.from, m.to, version)
		}
		version = m.to
		if _, err := os.Stat(filepath.Join("testdata", "schema"+strconv.Itoa(m.from)+".db")); err != nil {
			t.Errorf("no fixture for schema %d: %v", m.from, err)
		}
	}
	if version != schemaVersion {
		t.Errorf("migrations end at schema %d, want %d", version, schemaVersion)
	}
}
