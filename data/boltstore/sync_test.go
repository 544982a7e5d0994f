package boltstore

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/wire"
)

// serverState returns the pulled state of r at the given server revision,
// as the server would send it.
func serverState(t *testing.T, r data.Record, revision int64) wire.RecordState {
	t.Helper()
	r.Header().Revision = revision
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshal %T: %v", r, err)
	}
	return wire.RecordState{Kind: r.RecordKind(), RecordID: r.Header().ID, Revision: revision, Record: raw}
}

func mustNextPush(t *testing.T, s *DB) []Change {
	t.Helper()
	changes, err := s.NextPush(wire.MaxChanges)
	if err != nil {
		t.Fatalf("NextPush: %v", err)
	}
	return changes
}

func mustRecord(t *testing.T, s *DB, sent []Change, results ...wire.Result) PushOutcome {
	t.Helper()
	for i := range results {
		results[i].ChangeID = sent[i].ChangeID
	}
	outcome, err := s.RecordPushResults(sent, results)
	if err != nil {
		t.Fatalf("RecordPushResults: %v", err)
	}
	return outcome
}

func outboxLen(t *testing.T, s *DB) int {
	t.Helper()
	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	changes, err := s.Outbox()
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	if counts.Outbox != len(changes) {
		t.Fatalf("Counts().Outbox = %d, outbox has %d entries", counts.Outbox, len(changes))
	}
	return len(changes)
}

func TestApplyPullWritesWithoutOutbox(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Vasaros stovykla", vilnius(2026, 7, 1, 10, 0))
	ev.ID = "ev-1"
	ev.Association = "server-assoc"

	outcome, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, ev, 7)}, NextCursor: "42"})
	if err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	if outcome.Written != 1 {
		t.Errorf("Written = %d, want 1", outcome.Written)
	}
	got, err := s.Event("ev-1")
	if err != nil {
		t.Fatalf("Event: %v", err)
	}
	if got.Revision != 7 || got.Title != "Vasaros stovykla" {
		t.Errorf("stored event = revision %d %q, want revision 7 %q", got.Revision, got.Title, ev.Title)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries after pull, want 0", n)
	}
	state, err := s.SyncState()
	if err != nil {
		t.Fatalf("SyncState: %v", err)
	}
	if state.Cursor != "42" {
		t.Errorf("cursor = %q, want 42", state.Cursor)
	}

	// A local save starts from the server's revision and is pushed with it.
	got.Place = "Kaunas"
	mustSave(t, s, &got)
	sent := mustNextPush(t, s)
	if len(sent) != 1 || sent[0].BaseRevision != 7 {
		t.Fatalf("NextPush = %+v, want one change based on revision 7", sent)
	}
}

func TestApplyPullKeepsPendingEdits(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Projektinis mokymas", "Fizika", data.CaseDraft)
	mustSave(t, s, c)
	local := *c

	remote := *c
	remote.Title = "Kito kompiuterio pavadinimas"
	outcome, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, &remote, 3)}, NextCursor: "5"})
	if err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	if outcome.Kept != 1 || outcome.Written != 0 {
		t.Errorf("outcome = %+v, want the pending record kept", outcome)
	}
	got, err := s.PracticeCase(c.ID)
	if err != nil {
		t.Fatalf("PracticeCase: %v", err)
	}
	if got.Title != local.Title {
		t.Errorf("title = %q, want the local %q", got.Title, local.Title)
	}

	// A server tombstone does not remove a record with pending changes.
	if _, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{{Kind: data.KindPractice, RecordID: c.ID, Revision: 4, Deleted: true}}, NextCursor: "6"}); err != nil {
		t.Fatalf("ApplyPull(tombstone): %v", err)
	}
	if _, err := s.PracticeCase(c.ID); err != nil {
		t.Errorf("PracticeCase after tombstone with pending edit: %v, want the record kept", err)
	}
}

func TestApplyPullTombstoneRemoves(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Seminaras", vilnius(2026, 3, 1, 10, 0))
	ev.ID = "ev-2"
	if _, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, ev, 1)}, NextCursor: "1"}); err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	outcome, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{{Kind: data.KindEvent, RecordID: "ev-2", Revision: 2, Deleted: true}}, NextCursor: "2"})
	if err != nil {
		t.Fatalf("ApplyPull(tombstone): %v", err)
	}
	if outcome.Removed != 1 {
		t.Errorf("Removed = %d, want 1", outcome.Removed)
	}
	if _, err := s.Event("ev-2"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Event after tombstone: %v, want ErrNotFound", err)
	}
	counts, _ := s.Counts()
	if counts.Events != 0 {
		t.Errorf("Counts().Events = %d, want 0", counts.Events)
	}
}

func TestApplyPullSkipsUnknownKind(t *testing.T) {
	s := mustOpen(t)
	outcome, err := s.ApplyPull(wire.PullResponse{
		Records:    []wire.RecordState{{Kind: "news", RecordID: "n1", Revision: 1, Record: json.RawMessage(`{"id":"n1"}`)}, {Kind: data.KindEvent, RecordID: "bad", Revision: 1, Record: json.RawMessage(`{"title":3}`)}},
		NextCursor: "9",
	})
	if err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	if outcome.Skipped != 2 {
		t.Errorf("Skipped = %d, want 2", outcome.Skipped)
	}
	state, _ := s.SyncState()
	if state.Cursor != "9" {
		t.Errorf("cursor = %q, want 9 after skipped records", state.Cursor)
	}
}

func TestApplyPullKeepsRequester(t *testing.T) {
	s := mustOpen(t)
	c := newConsultation("vertinimą", day(2026, 3, 2), data.ConsultationNew)
	mustSave(t, s, c)
	sent := mustNextPush(t, s)
	mustRecord(t, s, sent, wire.Result{Status: wire.StatusApplied, Revision: 1})

	remote := *c
	remote.Requester = data.Requester{}
	remote.Answer = "Atsakymas iš kito kompiuterio"
	if _, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, &remote, 2)}, NextCursor: "3"}); err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	got, err := s.Consultation(c.ID)
	if err != nil {
		t.Fatalf("Consultation: %v", err)
	}
	if got.Answer != remote.Answer {
		t.Errorf("answer = %q, want the server's %q", got.Answer, remote.Answer)
	}
	if got.Requester.Name != "Jonas Jonaitis" {
		t.Errorf("requester = %+v, want the local requester kept", got.Requester)
	}
}

func TestNextPushSendsNewestPerRecord(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Pirmas", vilnius(2026, 4, 1, 9, 0))
	mustSave(t, s, ev)
	ev.Title = "Antras"
	mustSave(t, s, ev)
	other := newEvent("Kitas", vilnius(2026, 4, 2, 9, 0))
	mustSave(t, s, other)

	sent := mustNextPush(t, s)
	if len(sent) != 2 {
		t.Fatalf("NextPush returned %d changes, want 2 (one per record)", len(sent))
	}
	var newest data.Event
	if err := json.Unmarshal(sent[0].Content, &newest); err != nil {
		t.Fatal(err)
	}
	if newest.ID != ev.ID || newest.Title != "Antras" || sent[1].RecordID != other.ID {
		t.Errorf("NextPush = [%q, %s], want the edited event's newest version, then the other event", newest.Title, sent[1].RecordID)
	}
	for _, c := range sent {
		if c.BaseRevision != 0 {
			t.Errorf("change %s base = %d, want 0 for a new record", c.RecordID, c.BaseRevision)
		}
	}

	// Unanswered changes are sent again with the same ids and bases.
	again := mustNextPush(t, s)
	if len(again) != 2 || again[0].ChangeID != sent[0].ChangeID || again[1].ChangeID != sent[1].ChangeID {
		t.Fatalf("NextPush after a lost response = %v, want the same change ids", again)
	}

	outcome := mustRecord(t, s, again, wire.Result{Status: wire.StatusApplied, Revision: 1}, wire.Result{Status: wire.StatusApplied, Revision: 1})
	if outcome.Applied != 2 || outcome.Acknowledged != 3 {
		t.Errorf("outcome = %+v, want 2 applied and 3 acknowledged", outcome)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries, want 0", n)
	}

	// The next edit is based on the server's revision.
	ev.Title = "Trečias"
	mustSave(t, s, ev)
	next := mustNextPush(t, s)
	if len(next) != 1 || next[0].BaseRevision != 1 {
		t.Fatalf("NextPush after edit = %+v, want one change based on 1", next)
	}
}

func TestNextPushInFlightThenNewer(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Pirmas", vilnius(2026, 4, 1, 9, 0))
	mustSave(t, s, ev)
	first := mustNextPush(t, s)

	// The user saves while the push's response is lost.
	ev.Title = "Antras"
	mustSave(t, s, ev)

	resend := mustNextPush(t, s)
	if len(resend) != 1 || resend[0].ChangeID != first[0].ChangeID {
		t.Fatalf("NextPush = %v, want the in-flight change %s again", resend, first[0].ChangeID)
	}
	mustRecord(t, s, resend, wire.Result{Status: wire.StatusApplied, Revision: 1})

	newer := mustNextPush(t, s)
	if len(newer) != 1 || newer[0].ChangeID == first[0].ChangeID || newer[0].BaseRevision != 1 {
		t.Fatalf("NextPush = %+v, want the newer change based on 1", newer)
	}
}

func TestDeleteRemovedOnlyWhenApplied(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Trinamas", vilnius(2026, 5, 1, 9, 0))
	mustSave(t, s, ev)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusApplied, Revision: 1})
	if err := s.Delete(data.KindEvent, ev.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	sent := mustNextPush(t, s)
	if len(sent) != 1 || sent[0].Op != OpDelete || sent[0].BaseRevision != 1 {
		t.Fatalf("NextPush = %+v, want a delete based on 1", sent)
	}
	mustRecord(t, s, sent, wire.Result{Status: 503})
	if _, ok := s.index[data.KindEvent][ev.ID]; !ok {
		t.Fatal("tombstone removed before the server applied the delete")
	}
	rejections, _ := s.Rejections()
	if len(rejections) != 1 {
		t.Fatalf("Rejections = %v, want the unexpected status kept", rejections)
	}

	// A rejected change is parked: it is not sent again.
	if again := mustNextPush(t, s); len(again) != 0 {
		t.Fatalf("NextPush after rejection = %v, want nothing", again)
	}
}

func TestConflictKeepsBothVersions(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Bendras atvejis", "Matematika", data.CaseDraft)
	mustSave(t, s, c)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusApplied, Revision: 1})

	c.Goals = "Vietinis pakeitimas"
	mustSave(t, s, c)
	server := *c
	server.Goals = "Serverio pakeitimas"
	server.Revision = 2
	current, _ := json.Marshal(&server)
	sent := mustNextPush(t, s)
	outcome := mustRecord(t, s, sent, wire.Result{Status: wire.StatusConflict, Revision: 2, Current: current})
	if outcome.Conflicts != 1 {
		t.Fatalf("outcome = %+v, want one conflict", outcome)
	}

	conflicts, err := s.Conflicts()
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("Conflicts = %v, %v; want one", conflicts, err)
	}
	local, err := conflicts[0].LocalRecord()
	if err != nil {
		t.Fatal(err)
	}
	remote, err := conflicts[0].ServerRecord()
	if err != nil {
		t.Fatal(err)
	}
	if local.(*data.PracticeCase).Goals != "Vietinis pakeitimas" || remote.(*data.PracticeCase).Goals != "Serverio pakeitimas" {
		t.Errorf("conflict versions = %q / %q, want local and server goals", local.(*data.PracticeCase).Goals, remote.(*data.PracticeCase).Goals)
	}
	if n := outboxLen(t, s); n != 1 {
		t.Errorf("outbox has %d entries, want the conflicting change kept", n)
	}
	if again := mustNextPush(t, s); len(again) != 0 {
		t.Fatalf("NextPush during a conflict = %v, want nothing", again)
	}
	state, _ := s.SyncState()
	if state.Conflicts != 1 {
		t.Errorf("SyncState().Conflicts = %d, want 1", state.Conflicts)
	}

	merged := *c
	merged.Goals = "Sujungtas tekstas"
	if err := s.ResolveConflict(data.KindPractice, c.ID, &merged); err != nil {
		t.Fatalf("ResolveConflict: %v", err)
	}
	next := mustNextPush(t, s)
	if len(next) != 1 || next[0].BaseRevision != 2 {
		t.Fatalf("NextPush after resolution = %+v, want one change based on the server's 2", next)
	}
	if n := outboxLen(t, s); n != 1 {
		t.Errorf("outbox has %d entries after resolution, want 1", n)
	}
	if conflicts, _ := s.Conflicts(); len(conflicts) != 0 {
		t.Errorf("Conflicts after resolution = %v, want none", conflicts)
	}
	if err := s.ResolveConflict(data.KindPractice, c.ID, &merged); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second ResolveConflict: %v, want ErrNotFound", err)
	}
}

func TestAcceptServerVersion(t *testing.T) {
	s := mustOpen(t)
	c := newConsultation("lankomumą", day(2026, 3, 3), data.ConsultationNew)
	mustSave(t, s, c)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusApplied, Revision: 1})
	c.Answer = "Vietinis"
	mustSave(t, s, c)

	server := *c
	server.Requester = data.Requester{}
	server.Answer = "Serverio"
	server.Revision = 2
	current, _ := json.Marshal(&server)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusConflict, Revision: 2, Current: current})

	if err := s.AcceptServerVersion(data.KindConsultation, c.ID); err != nil {
		t.Fatalf("AcceptServerVersion: %v", err)
	}
	got, err := s.Consultation(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Answer != "Serverio" || got.Revision != 2 || got.Requester.Name != "Jonas Jonaitis" {
		t.Errorf("after accept = answer %q revision %d requester %q, want the server's answer at 2 with the local requester", got.Answer, got.Revision, got.Requester.Name)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries, want 0", n)
	}
}

func TestRejectionSupersededBySave(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Atmestas", vilnius(2026, 6, 1, 9, 0))
	mustSave(t, s, ev)
	sent := mustNextPush(t, s)
	mustRecord(t, s, sent, wire.Result{Status: wire.StatusInvalid, Error: "title too long", Fields: []wire.FieldError{{Field: "title", Code: data.CodeTooLong, Limit: 200}}})

	rejections, _ := s.Rejections()
	if len(rejections) != 1 || rejections[0].Fields[0].Code != data.CodeTooLong {
		t.Fatalf("Rejections = %+v, want the 422 with its field", rejections)
	}
	if n := outboxLen(t, s); n != 1 {
		t.Fatalf("outbox has %d entries, want the rejected change kept", n)
	}

	ev.Title = "Pataisytas"
	mustSave(t, s, ev)
	next := mustNextPush(t, s)
	if len(next) != 1 || next[0].ChangeID == sent[0].ChangeID {
		t.Fatalf("NextPush after a new save = %v, want the new change", next)
	}
	mustRecord(t, s, next, wire.Result{Status: wire.StatusApplied, Revision: 1})
	if rejections, _ := s.Rejections(); len(rejections) != 0 {
		t.Errorf("Rejections after the fix applied = %v, want none", rejections)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries, want 0", n)
	}
}

func TestRecordPushResultsMismatch(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, newEvent("Vienas", vilnius(2026, 6, 1, 9, 0)))
	sent := mustNextPush(t, s)
	if _, err := s.RecordPushResults(sent, nil); err == nil {
		t.Error("RecordPushResults with no results succeeded, want an error")
	}
	if _, err := s.RecordPushResults(sent, []wire.Result{{ChangeID: "other", Status: 200}}); err == nil {
		t.Error("RecordPushResults with a foreign change id succeeded, want an error")
	}
	if n := outboxLen(t, s); n != 1 {
		t.Errorf("outbox has %d entries, want 1", n)
	}
}

func TestSyncStateSuccessAndFailure(t *testing.T) {
	s := mustOpen(t)
	at := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)
	if err := s.RecordSyncFailure(at, "server unreachable"); err != nil {
		t.Fatal(err)
	}
	state, _ := s.SyncState()
	if state.LastError != "server unreachable" || !state.LastErrorAt.Equal(at) {
		t.Errorf("state = %+v, want the failure", state)
	}
	if err := s.RecordSyncSuccess(at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	state, _ = s.SyncState()
	if state.LastError != "" || !state.LastSuccess.Equal(at.Add(time.Minute)) {
		t.Errorf("state = %+v, want the success and no error", state)
	}
}

func TestSyncBookkeepingSurvivesReopen(t *testing.T) {
	path := t.TempDir() + "/partneryste.db"
	opts := testOptions(newTestClock())
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	ev := newEvent("Išlieka", vilnius(2026, 6, 1, 9, 0))
	mustSave(t, s, ev)
	sent := mustNextPush(t, s)
	if _, err := s.ApplyPull(wire.PullResponse{NextCursor: "17"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpenPath(t, path, opts)
	again := mustNextPush(t, s)
	if len(again) != 1 || again[0].ChangeID != sent[0].ChangeID {
		t.Errorf("NextPush after reopen = %v, want the in-flight change", again)
	}
	state, _ := s.SyncState()
	if state.Cursor != "17" {
		t.Errorf("cursor after reopen = %q, want 17", state.Cursor)
	}
}

func TestAcceptServerTombstoneRemoves(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Ištrintas serveryje", vilnius(2026, 5, 2, 9, 0))
	mustSave(t, s, ev)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusApplied, Revision: 1})
	ev.Place = "Klaipėda"
	mustSave(t, s, ev)
	tombstone := json.RawMessage(`{"id":"` + ev.ID + `","revision":2,"deleted":true}`)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusConflict, Revision: 2, Current: tombstone})

	if err := s.AcceptServerVersion(data.KindEvent, ev.ID); err != nil {
		t.Fatalf("AcceptServerVersion: %v", err)
	}
	if _, err := s.Event(ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Event after accepting the server's delete: %v, want ErrNotFound", err)
	}
	if n := outboxLen(t, s); n != 0 {
		t.Errorf("outbox has %d entries, want 0", n)
	}
	if err := s.AcceptServerVersion(data.KindEvent, ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second AcceptServerVersion: %v, want ErrNotFound", err)
	}
}

func TestResolveConflictInvalidChoice(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Atvejis", "Chemija", data.CaseDraft)
	mustSave(t, s, c)
	mustRecord(t, s, mustNextPush(t, s), wire.Result{Status: wire.StatusConflict, Revision: 3, Current: json.RawMessage(`{"id":"x"}`)})

	invalid := *c
	invalid.Title = ""
	var ve *data.ValidationError
	if err := s.ResolveConflict(data.KindPractice, c.ID, &invalid); !errors.As(err, &ve) {
		t.Fatalf("ResolveConflict with an empty title: %v, want a ValidationError", err)
	}
	if conflicts, _ := s.Conflicts(); len(conflicts) != 1 {
		t.Errorf("Conflicts after a rejected resolution = %d, want 1", len(conflicts))
	}
	if err := s.ResolveConflict(data.KindEvent, c.ID, &invalid); err == nil {
		t.Error("ResolveConflict with a record of another kind succeeded")
	}
}

func TestResetSyncCursor(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, newEvent("Kartojamas", vilnius(2026, 6, 1, 9, 0)))
	sent := mustNextPush(t, s)
	if _, err := s.ApplyPull(wire.PullResponse{NextCursor: "30"}); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetSyncCursor(); err != nil {
		t.Fatalf("ResetSyncCursor: %v", err)
	}
	state, _ := s.SyncState()
	if state.Cursor != "" {
		t.Errorf("cursor after reset = %q, want empty", state.Cursor)
	}
	again := mustNextPush(t, s)
	if len(again) != 1 || again[0].ChangeID != sent[0].ChangeID || again[0].BaseRevision != 0 {
		t.Errorf("NextPush after reset = %+v, want the same change based on 0", again)
	}
}

func TestApplyPullCountsOwnPushAsConfirmed(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Metinis susirinkimas", vilnius(2026, 12, 10, 15, 0))
	mustSave(t, s, ev)
	sent := mustNextPush(t, s)
	mustRecord(t, s, sent, wire.Result{Status: wire.StatusApplied, Revision: 1})

	// The next pull brings the same revision back with the server's
	// association id.
	echo := *ev
	echo.Association = "server-assoc"
	outcome, err := s.ApplyPull(wire.PullResponse{Records: []wire.RecordState{serverState(t, &echo, 1)}, NextCursor: "1"})
	if err != nil {
		t.Fatalf("ApplyPull: %v", err)
	}
	if outcome.Written != 0 {
		t.Errorf("Written = %d, want 0 for the client's own push", outcome.Written)
	}
	if outcome.Confirmed != 1 {
		t.Errorf("Confirmed = %d, want 1", outcome.Confirmed)
	}
	got, err := s.Event(ev.ID)
	if err != nil {
		t.Fatalf("Event: %v", err)
	}
	if got.Association != "server-assoc" {
		t.Errorf("association = %q, want the server's", got.Association)
	}
}
