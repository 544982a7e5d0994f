package boltstore

import (
	"encoding/json"

	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"partneryste/data"
)

// quietLogger drops log lines so test output shows only failures.
var quietLogger = slog.New(slog.DiscardHandler)

// testClock is a settable clock for Options.Now that advances one second
// on every call, so that times differ and backups get distinct names.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Second)
	return c.now
}

func testOptions(clock *testClock) Options {
	return Options{Logger: quietLogger, Now: clock.Now, AutoBackupEvery: -1}
}

// mustOpen opens a new store in a temporary folder. Cleanup verifies the
// file's invariants and closes it.
func mustOpen(t testing.TB) *DB {
	t.Helper()
	return mustOpenPath(t, filepath.Join(t.TempDir(), "partneryste.db"), testOptions(newTestClock()))
}

// mustOpenPath opens path with opts. Cleanup verifies the file's
// invariants and closes it.
func mustOpenPath(t testing.TB, path string, opts Options) *DB {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Verify(); err != nil {
			t.Errorf("Verify after test: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func mustSave(t testing.TB, s *DB, r data.Record) {
	t.Helper()
	if err := s.Save(r); err != nil {
		t.Fatalf("Save(%T %q): %v", r, r.Header().ID, err)
	}
}

func vilnius(y int, m time.Month, d, hour, minute int) time.Time {
	return time.Date(y, m, d, hour, minute, 0, 0, data.Vilnius)
}

func day(y int, m time.Month, d int) data.Date { return data.Date{Year: y, Month: m, Day: d} }

func newEvent(title string, start time.Time) *data.Event {
	return &data.Event{
		Title: title,
		Type:  data.EventSeminar,
		Start: start.UTC(),
		End:   start.Add(2 * time.Hour).UTC(),
		Place: "Vilnius",
	}
}

func newCase(title, subject string, status data.CaseStatus, levels ...data.EducationLevel) *data.PracticeCase {
	return &data.PracticeCase{
		Title:   title,
		Subject: subject,
		Levels:  levels,
		Authors: []data.Author{{Name: "Rūta Petraitienė", School: "Vilniaus licėjus"}},
		Summary: "Aprašas apie " + title,
		Status:  status,
		Licence: "CC BY 4.0",
	}
}

func newConsultation(topic string, date data.Date, status data.ConsultationStatus) *data.Consultation {
	return &data.Consultation{
		Date:        date,
		DurationMin: 30,
		Format:      data.FormatPhone,
		Topic:       topic,
		Category:    "Vertinimas",
		Requester:   data.Requester{Name: "Jonas Jonaitis"},
		Question:    "Kaip " + topic + "?",
		Status:      status,
	}
}

func jsonUnmarshal(raw []byte, v any) error { return json.Unmarshal(raw, v) }
