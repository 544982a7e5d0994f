package boltstore

import (
	"encoding/json"
	"errors"
	"testing"

	"partneryste/data"
	"partneryste/data/wire"
)

// pulledForeignEvent stores another association's event as a pull would,
// at server revision 4, and returns it.
func pulledForeignEvent(t *testing.T, s *DB) *data.Event {
	t.Helper()
	ev := newEvent("Kitos asociacijos renginys", vilnius(2026, 9, 1, 10, 0))
	ev.ID = "foreign-1"
	ev.Association = "lfmd"
	ev.Public = true
	if _, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, ev, 4)}, NextCursor: "9"}); err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	got, err := s.Event(ev.ID)
	if err != nil {
		t.Fatalf("Event: %v", err)
	}
	return &got
}

// editAndReject saves a local edit of ev and records the server's 403 for
// it, with current as the result's server copy (nil for none).
func editAndReject(t *testing.T, s *DB, ev *data.Event, current json.RawMessage, revision int64) {
	t.Helper()
	edited := *ev
	edited.Title = "Vietinis pakeitimas"
	mustSave(t, s, &edited)
	sent := mustNextPush(t, s)
	mustRecord(t, s, sent, wire.Result{Status: wire.StatusForbidden, Reason: wire.ReasonForeignRecord, Error: "belongs to another association", Current: current, Revision: revision})
	rejections, _ := s.Rejections()
	if len(rejections) != 1 {
		t.Fatalf("Rejections = %+v, want one", rejections)
	}
}

func TestRestoreServerVersion_fromResult(t *testing.T) {
	s := mustOpen(t)
	ev := pulledForeignEvent(t, s)
	server := *ev
	server.Title = "Serverio pavadinimas"
	editAndReject(t, s, ev, serverState(t, &server, 5).Record, 5)

	restored, err := s.RestoreServerVersion(data.KindEvent, ev.ID)
	if err != nil {
		t.Fatalf("RestoreServerVersion: %v", err)
	}
	if !restored {
		t.Error("restored = false, want the server's copy written at once")
	}
	got, err := s.Event(ev.ID)
	if err != nil {
		t.Fatalf("Event: %v", err)
	}
	if got.Title != "Serverio pavadinimas" || got.Revision != 5 || got.Association != "lfmd" {
		t.Errorf("event = %q at %d of %q, want the server's copy at 5 of lfmd", got.Title, got.Revision, got.Association)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries, want 0", n)
	}
	if rejections, _ := s.Rejections(); len(rejections) != 0 {
		t.Errorf("Rejections = %+v, want none", rejections)
	}
	if sent := mustNextPush(t, s); len(sent) != 0 {
		t.Errorf("NextPush = %+v, want nothing to send", sent)
	}
}

func TestRestoreServerVersion_fromLaterPull(t *testing.T) {
	s := mustOpen(t)
	ev := pulledForeignEvent(t, s)
	editAndReject(t, s, ev, nil, 0)

	// The owner changes the event; the pull keeps the local edit but the
	// rejection takes the new server copy.
	newer := *ev
	newer.Title = "Savininko pataisymas"
	if _, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, &newer, 6)}, NextCursor: "12"}); err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}

	if restored, err := s.RestoreServerVersion(data.KindEvent, ev.ID); err != nil || !restored {
		t.Fatalf("RestoreServerVersion = %v, %v; want true", restored, err)
	}
	got, _ := s.Event(ev.ID)
	if got.Title != "Savininko pataisymas" || got.Revision != 6 {
		t.Errorf("event = %q at %d, want the pulled copy at 6", got.Title, got.Revision)
	}
}

func TestRestoreServerVersion_onNextPull(t *testing.T) {
	s := mustOpen(t)
	ev := pulledForeignEvent(t, s)
	editAndReject(t, s, ev, nil, 0)

	restored, err := s.RestoreServerVersion(data.KindEvent, ev.ID)
	if err != nil {
		t.Fatalf("RestoreServerVersion: %v", err)
	}
	if restored {
		t.Error("restored = true without a server copy, want false")
	}
	state, _ := s.SyncState()
	if state.Cursor != "" || state.Rejections != 0 {
		t.Errorf("sync state = %+v, want the cursor cleared and no rejection", state)
	}
	if sent := mustNextPush(t, s); len(sent) != 0 {
		t.Errorf("NextPush = %+v, want the local edit never sent", sent)
	}

	// The full pull brings the unchanged server copy back.
	if _, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, ev, 4)}, NextCursor: "9"}); err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	got, _ := s.Event(ev.ID)
	if got.Title != "Kitos asociacijos renginys" || got.Revision != 4 {
		t.Errorf("event after the pull = %q at %d, want the server's copy at 4", got.Title, got.Revision)
	}
}

func TestRestoreServerVersion_neverOnServer(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Naujas", vilnius(2026, 9, 2, 10, 0))
	mustSave(t, s, ev)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusInvalid, Error: "invalid"})

	if restored, err := s.RestoreServerVersion(data.KindEvent, ev.ID); err != nil || !restored {
		t.Fatalf("RestoreServerVersion = %v, %v; want true", restored, err)
	}
	if _, err := s.Event(ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Event after restore = %v, want ErrNotFound because the server has no copy", err)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries, want 0", n)
	}
}

func TestRestoreServerVersion_noRejection(t *testing.T) {
	s := mustOpen(t)
	ev := pulledForeignEvent(t, s)
	if _, err := s.RestoreServerVersion(data.KindEvent, ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("RestoreServerVersion without a rejection = %v, want ErrNotFound", err)
	}
}
