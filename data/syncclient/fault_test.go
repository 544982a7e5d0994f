package syncclient

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/wire"
)

// faults wraps the server's handler and injects failures at random, with
// a fixed seed so a failing run can be repeated.
type faults struct {
	mu  sync.Mutex
	rng *rand.Rand

	// Probabilities per request of each fault.
	serverError float64 // 500 or 503 without running the handler
	slow        float64 // wait past the client's timeout, then run the handler
	lost        float64 // run the handler, then close the connection unanswered

	slowFor time.Duration
	// Counts of injected faults.
	injected5xx, injectedSlow, injectedLost atomic.Int64
}

func newFaults(seed uint64) *faults {
	return &faults{rng: rand.New(rand.NewPCG(seed, seed^0x5eed))}
}

func (f *faults) draw() float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rng.Float64()
}

func (f *faults) set(serverError, slow, lost float64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.serverError, f.slow, f.lost = serverError, slow, lost
}

func (f *faults) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		serverError, slow, lost := f.serverError, f.slow, f.lost
		f.mu.Unlock()

		x := f.draw()
		switch {
		case x < serverError:
			f.injected5xx.Add(1)
			if f.draw() < 0.5 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "injected", http.StatusServiceUnavailable)
			} else {
				http.Error(w, "injected", http.StatusInternalServerError)
			}
		case x < serverError+slow:
			f.injectedSlow.Add(1)
			timer := time.NewTimer(f.slowFor)
			select {
			case <-timer.C:
			case <-r.Context().Done():
				timer.Stop()
			}
			// The client has given up; the server still commits, as a
			// real server whose client timed out would.
			next.ServeHTTP(w, r.WithContext(context.WithoutCancel(r.Context())))
		case x < serverError+slow+lost:
			f.injectedLost.Add(1)
			next.ServeHTTP(httptest.NewRecorder(), r)
			hijacker, ok := w.(http.Hijacker)
			if !ok {
				panic("response writer cannot be hijacked")
			}
			conn, _, err := hijacker.Hijack()
			if err == nil {
				conn.Close()
			}
		default:
			next.ServeHTTP(w, r)
		}
	})
}

func TestSyncServerDownThenUp(t *testing.T) {
	ts := newTestServer(t, nil)
	// A second listener on a fixed loopback port stands for the server,
	// so that it can be stopped and started at the same address.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	handler := ts.http.Config.Handler
	var srv *http.Server
	start := func(ln net.Listener) {
		srv = &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
	}
	start(ln)
	t.Cleanup(func() { srv.Close() })

	a := newTestClient(t, "http://"+addr, ts.AssocToken, Options{RequestTimeout: 2 * time.Second})
	b := newTestClient(t, "http://"+addr, ts.AssocToken, Options{RequestTimeout: 2 * time.Second})
	editA, editB := newEditor(t, a.Store, "A"), newEditor(t, b.Store, "B")
	rng := rand.New(rand.NewPCG(1, 2))
	up := true
	failures := 0

	for round := range 15 {
		editA.round()
		editB.round()
		if goDown := rng.IntN(3) == 0; goDown && up {
			srv.Close()
			up = false
		}
		for _, c := range []*testClient{a, b} {
			_, err := c.Syncer.Sync(context.Background(), nil)
			if up && err != nil {
				t.Fatalf("round %d: sync with the server up: %v", round, err)
			}
			if !up {
				if !errors.Is(err, ErrUnreachable) {
					t.Fatalf("round %d: sync with the server down: %v, want ErrUnreachable", round, err)
				}
				failures++
			}
		}
		if !up {
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				t.Fatalf("listen again on %s: %v", addr, err)
			}
			start(ln)
			up = true
			// The changes made while the server was down go out now, so
			// every record has one server revision per save.
			a.syncUntilDone(t, 1)
			b.syncUntilDone(t, 1)
		}
	}
	if failures == 0 {
		t.Fatal("the server never went down; the test proved nothing")
	}
	a.syncUntilDone(t, 1)
	b.syncUntilDone(t, 1)
	a.syncUntilDone(t, 1)

	editA.assertRevisions(ts)
	editB.assertRevisions(ts)
	assertConverged(t, ts, a.Store, b.Store)
	state, _ := a.Store.SyncState()
	if state.LastError != "" || state.LastSuccess.IsZero() {
		t.Errorf("sync state = %+v, want a success and no error", state)
	}
}

func TestSyncServerErrorsAndSlowServer(t *testing.T) {
	f := newFaults(7)
	f.slowFor = 400 * time.Millisecond
	ts := newTestServer(t, f.wrap)
	opts := Options{RequestTimeout: 150 * time.Millisecond, Retry: RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}}
	a := newTestClient(t, ts.URL, ts.AssocToken, opts)
	b := newTestClient(t, ts.URL, ts.AssocToken, opts)
	editA, editB := newEditor(t, a.Store, "A"), newEditor(t, b.Store, "B")

	failed := 0
	for range 12 {
		editA.round()
		editB.round()
		f.set(0.3, 0.08, 0)
		for _, c := range []*testClient{a, b} {
			reports := c.syncUntilDone(t, 30)
			failed += len(reports) - 1
		}
	}
	f.set(0, 0, 0)
	a.syncUntilDone(t, 1)
	b.syncUntilDone(t, 1)
	a.syncUntilDone(t, 1)

	t.Logf("injected %d server errors and %d slow responses; %d syncs failed and were repeated",
		f.injected5xx.Load(), f.injectedSlow.Load(), failed)
	if f.injected5xx.Load() == 0 || f.injectedSlow.Load() == 0 {
		t.Fatal("no fault was injected; the test proved nothing")
	}
	editA.assertRevisions(ts)
	editB.assertRevisions(ts)
	assertConverged(t, ts, a.Store, b.Store)
}

func TestSyncLostResponseNoDuplicate(t *testing.T) {
	f := newFaults(11)
	ts := newTestServer(t, f.wrap)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	edit := newEditor(t, a.Store, "A")

	for range 20 {
		edit.round()
		f.set(0, 0, 0.4)
		a.syncUntilDone(t, 30)
	}
	f.set(0, 0, 0)
	a.syncUntilDone(t, 1)

	if f.injectedLost.Load() == 0 {
		t.Fatal("no response was lost; the test proved nothing")
	}
	t.Logf("lost %d responses after the server committed", f.injectedLost.Load())
	edit.assertRevisions(ts)
	assertConverged(t, ts, a.Store)
}

func TestSyncLostResponseThenNewSave(t *testing.T) {
	f := newFaults(3)
	ts := newTestServer(t, f.wrap)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{Retry: RetryPolicy{MaxAttempts: 1}})

	for round := range 10 {
		ev := sampleRecord("A", 3*round).(*data.Event)
		if err := a.Store.Save(ev); err != nil {
			t.Fatal(err)
		}
		// Every push response is lost, so the sync fails after the server
		// applied the change.
		f.set(0, 0, 1)
		if _, err := a.Syncer.Sync(context.Background(), nil); !errors.Is(err, ErrUnreachable) {
			t.Fatalf("round %d: sync with lost responses: %v, want ErrUnreachable", round, err)
		}
		// The user edits again before the next sync.
		ev.Description = "Antra redakcija."
		if err := a.Store.Save(ev); err != nil {
			t.Fatal(err)
		}
		f.set(0, 0, 0)
		report := a.syncUntilDone(t, 1)[0]
		if report.Conflicts != 0 {
			t.Fatalf("round %d: %d conflicts, want none: the lost push was the client's own", round, report.Conflicts)
		}
		rec := ts.records(t)["event/"+ev.ID]
		if rec.Revision != 2 {
			t.Errorf("round %d: server revision %d, want 2", round, rec.Revision)
		}
	}
	assertConverged(t, ts, a.Store)
}

func TestSyncTwoCopiesConflict(t *testing.T) {
	ts := newTestServer(t, nil)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	b := newTestClient(t, ts.URL, ts.AssocToken, Options{})

	for round := range 5 {
		c := sampleRecord("A", 3*round+1).(*data.PracticeCase)
		if err := a.Store.Save(c); err != nil {
			t.Fatal(err)
		}
		a.syncUntilDone(t, 1)
		b.syncUntilDone(t, 1)

		// Both copies edit the case offline.
		mine := *c
		mine.Goals = "Kompiuteris A: nauji tikslai."
		if err := a.Store.Save(&mine); err != nil {
			t.Fatal(err)
		}
		theirs, err := b.Store.PracticeCase(c.ID)
		if err != nil {
			t.Fatalf("round %d: copy B lacks the case: %v", round, err)
		}
		theirs.Goals = "Kompiuteris B: kiti tikslai."
		if err := b.Store.Save(&theirs); err != nil {
			t.Fatal(err)
		}

		a.syncUntilDone(t, 1)
		report := b.syncUntilDone(t, 1)[0]
		if report.Conflicts != 1 {
			t.Fatalf("round %d: copy B reported %d conflicts, want 1", round, report.Conflicts)
		}
		conflicts, err := b.Store.Conflicts()
		if err != nil || len(conflicts) != 1 {
			t.Fatalf("round %d: Conflicts = %v, %v; want one", round, conflicts, err)
		}
		local, _ := conflicts[0].LocalRecord()
		remote, err := conflicts[0].ServerRecord()
		if err != nil {
			t.Fatal(err)
		}
		if got := local.(*data.PracticeCase).Goals; got != theirs.Goals {
			t.Errorf("round %d: local version goals %q, want B's %q", round, got, theirs.Goals)
		}
		if got := remote.(*data.PracticeCase).Goals; got != mine.Goals {
			t.Errorf("round %d: server version goals %q, want A's %q", round, got, mine.Goals)
		}
		if got := ts.records(t)["practice/"+c.ID]; serverComparable(t, got) != comparable(t, &mine) {
			t.Errorf("round %d: the server's case is not A's version", round)
		}
		// B's edit is still there, and a further sync does not send it.
		kept, _ := b.Store.PracticeCase(c.ID)
		if kept.Goals != theirs.Goals {
			t.Errorf("round %d: B's local goals %q, want its own edit kept", round, kept.Goals)
		}
		if report := b.syncUntilDone(t, 1)[0]; report.Pushed != 0 {
			t.Errorf("round %d: a sync during the conflict pushed %d changes, want 0", round, report.Pushed)
		}

		merged := kept
		merged.Goals = mine.Goals + " " + theirs.Goals
		if err := b.Store.ResolveConflict(data.KindPractice, c.ID, &merged); err != nil {
			t.Fatalf("round %d: ResolveConflict: %v", round, err)
		}
		if report := b.syncUntilDone(t, 1)[0]; report.Pushed != 1 || report.Conflicts != 0 {
			t.Fatalf("round %d: sync after resolving = %+v, want one change pushed", round, report)
		}
		a.syncUntilDone(t, 1)
	}
	assertConverged(t, ts, a.Store, b.Store)
}

func TestSyncStaleEditAfterReview(t *testing.T) {
	ts := newTestServer(t, nil)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})

	// A published case is frozen for the association, so the rounds stop
	// at approved; the server's tests cover edits of a published case.
	statuses := []data.CaseStatus{data.CaseReturned, data.CaseApproved}
	for round, status := range statuses {
		c := sampleRecord("A", 3*round+1).(*data.PracticeCase)
		c.Status = data.CaseSubmitted
		if err := a.Store.Save(c); err != nil {
			t.Fatal(err)
		}
		a.syncUntilDone(t, 1)

		reviewed := ts.review(t, c.ID, status, "Koordinatoriaus pastabos.")
		// The association edits its stale copy before pulling the review.
		c.Summary = "Pakeista nematant peržiūros."
		if err := a.Store.Save(c); err != nil {
			t.Fatal(err)
		}
		report := a.syncUntilDone(t, 1)[0]
		if report.Conflicts != 1 {
			t.Fatalf("round %d: %d conflicts after a stale edit, want 1", round, report.Conflicts)
		}
		conflicts, _ := a.Store.Conflicts()
		if len(conflicts) != 1 {
			t.Fatalf("round %d: Conflicts = %v, want one", round, conflicts)
		}
		if conflicts[0].ServerRevision != reviewed.Revision {
			t.Errorf("round %d: conflict server revision %d, want the review's %d", round, conflicts[0].ServerRevision, reviewed.Revision)
		}
		remote, err := conflicts[0].ServerRecord()
		if err != nil {
			t.Fatal(err)
		}
		if rc := remote.(*data.PracticeCase); rc.Status != status || rc.Review == nil || rc.Review.Comment != "Koordinatoriaus pastabos." {
			t.Errorf("round %d: server version status %q review %+v, want the coordinator's review", round, rc.Status, rc.Review)
		}
		local, _ := conflicts[0].LocalRecord()
		if lc := local.(*data.PracticeCase); lc.Summary != c.Summary || lc.Status != data.CaseSubmitted {
			t.Errorf("round %d: local version summary %q status %q, want the association's stale edit", round, lc.Summary, lc.Status)
		}
		if got := ts.records(t)["practice/"+c.ID]; got.Revision != reviewed.Revision {
			t.Errorf("round %d: server revision %d after the stale push, want %d", round, got.Revision, reviewed.Revision)
		}

		// The user keeps the reviewed status and their summary.
		merged := *remote.(*data.PracticeCase)
		merged.Summary = c.Summary
		if err := a.Store.ResolveConflict(data.KindPractice, c.ID, &merged); err != nil {
			t.Fatalf("round %d: ResolveConflict: %v", round, err)
		}
		if report := a.syncUntilDone(t, 1)[0]; report.Pushed != 1 || report.Conflicts != 0 || report.Rejected != 0 {
			t.Fatalf("round %d: sync after resolving = %+v, want one change pushed", round, report)
		}
		final := ts.records(t)["practice/"+c.ID]
		if final.Revision != reviewed.Revision+1 {
			t.Errorf("round %d: final server revision %d, want %d", round, final.Revision, reviewed.Revision+1)
		}
	}
	assertConverged(t, ts, a.Store)
}

func TestSyncRequesterNeverSent(t *testing.T) {
	log := &bodyLog{}
	ts := newTestServer(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body := readAll(t, r)
			log.mu.Lock()
			log.bodies = append(log.bodies, body)
			log.mu.Unlock()
			next.ServeHTTP(w, r)
		})
	})
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	c := sampleRecord("A", 2).(*data.Consultation)
	c.Requester = data.Requester{Name: "Gintarė Kazlauskienė", School: "Kauno Saulės gimnazija", Contact: "+37060000000"}
	if err := a.Store.Save(c); err != nil {
		t.Fatal(err)
	}
	c.Answer = "Atsakyta telefonu."
	if err := a.Store.Save(c); err != nil {
		t.Fatal(err)
	}
	report := a.syncUntilDone(t, 1)[0]
	if report.Pushed != 1 {
		t.Fatalf("pushed %d changes, want 1", report.Pushed)
	}

	for _, secret := range []string{c.Requester.Name, c.Requester.School, c.Requester.Contact, "requester"} {
		if log.contains(secret) {
			t.Errorf("a request body contains %q", secret)
		}
	}
	rec := ts.records(t)["consultation/"+c.ID]
	if string(rec.Body) == "" {
		t.Fatal("the consultation is not on the server")
	}
	got, err := a.Store.Consultation(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Requester != c.Requester {
		t.Errorf("local requester after sync = %+v, want %+v", got.Requester, c.Requester)
	}
	if got.Answer != c.Answer {
		t.Errorf("local answer = %q, want %q", got.Answer, c.Answer)
	}
}

func TestSyncErrorsAreTyped(t *testing.T) {
	ts := newTestServer(t, nil)
	store := openClientStore(t, t.TempDir()+"/partneryste.db")
	if err := store.Save(sampleRecord("A", 1)); err != nil {
		t.Fatal(err)
	}

	wrong := newTestSyncer(t, ts.URL, "not-a-token", store, Options{})
	if _, err := wrong.Sync(context.Background(), nil); !errors.Is(err, ErrUnauthorized) {
		t.Errorf("sync with a wrong token: %v, want ErrUnauthorized", err)
	}
	if _, err := wrong.TestConnection(context.Background()); !errors.Is(err, ErrUnauthorized) {
		t.Errorf("TestConnection with a wrong token: %v, want ErrUnauthorized", err)
	}
	state, _ := store.SyncState()
	if state.LastError == "" {
		t.Error("a failed sync left no error in the sync state")
	}

	// The coordinator may push only editions, so the server rejects this
	// event by itself and the sync goes on with the event parked.
	coordinator := newTestSyncer(t, ts.URL, ts.CoordinatorToken, store, Options{})
	report, err := coordinator.Sync(context.Background(), nil)
	if err != nil || report.Rejected != 1 {
		t.Errorf("sync of an event with the coordinator's token: %d rejected, %v; want 1 rejected and no error", report.Rejected, err)
	}

	who, err := newTestSyncer(t, ts.URL, ts.AssocToken, store, Options{}).TestConnection(context.Background())
	if err != nil {
		t.Fatalf("TestConnection: %v", err)
	}
	if who.Role != wire.RoleAssociation || who.AssociationID != ts.Association {
		t.Errorf("TestConnection = %+v, want association %s", who, ts.Association)
	}

	closed := httptest.NewServer(http.NotFoundHandler())
	url := closed.URL
	closed.Close()
	down := newTestSyncer(t, url, ts.AssocToken, store, Options{})
	if _, err := down.Sync(context.Background(), nil); !errors.Is(err, ErrUnreachable) {
		t.Errorf("sync with no server: %v, want ErrUnreachable", err)
	}
	if counts, _ := store.Counts(); counts.Outbox != 1 {
		t.Errorf("outbox has %d entries after failed syncs, want 1", counts.Outbox)
	}
}

func TestSyncForeignRecordRejected(t *testing.T) {
	ts := newTestServer(t, nil)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	other := newTestClient(t, ts.URL, ts.OtherToken, Options{})

	ev := sampleRecord("A", 0).(*data.Event)
	if err := a.Store.Save(ev); err != nil {
		t.Fatal(err)
	}
	a.syncUntilDone(t, 1)

	// Another association saves a record with the same id.
	copied := *ev
	copied.Meta = data.Meta{ID: ev.ID}
	copied.Title = "Svetimas"
	if err := other.Store.Save(&copied); err != nil {
		t.Fatal(err)
	}
	report := other.syncUntilDone(t, 1)[0]
	if report.Rejected != 1 {
		t.Fatalf("report = %+v, want one rejected change", report)
	}
	rejections, _ := other.Store.Rejections()
	if len(rejections) != 1 || rejections[0].Status != wire.StatusForbidden {
		t.Fatalf("Rejections = %+v, want one 403", rejections)
	}
	if rejections[0].Reason != wire.ReasonForeignRecord {
		t.Errorf("rejection reason = %q, want %q", rejections[0].Reason, wire.ReasonForeignRecord)
	}
	if counts, _ := other.Store.Counts(); counts.Outbox != 1 {
		t.Errorf("outbox has %d entries, want the rejected change kept", counts.Outbox)
	}
	if got := ts.records(t)["event/"+ev.ID]; serverComparable(t, got) != comparable(t, ev) {
		t.Error("the other association's push changed the record")
	}
}

func TestSyncWhileSaving(t *testing.T) {
	ts := newTestServer(t, nil)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})

	// One goroutine saves and edits while this one syncs, as the UI does
	// when the user keeps typing during a background sync.
	done := make(chan error)
	go func() {
		var live []data.Record
		for i := range 150 {
			r := sampleRecord("A", i)
			if err := a.Store.Save(r); err != nil {
				done <- err
				return
			}
			live = append(live, r)
			if i%4 == 0 {
				ev, ok := live[i/2].(*data.Event)
				if ok {
					ev.Description = fmt.Sprintf("Redaguota %d.", i)
					if err := a.Store.Save(ev); err != nil {
						done <- err
						return
					}
				}
			}
		}
		done <- nil
	}()

	syncs := 0
	for saving := true; saving; syncs++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("save: %v", err)
			}
			saving = false
		default:
		}
		if _, err := a.Syncer.Sync(context.Background(), nil); err != nil {
			t.Fatalf("sync %d: %v", syncs, err)
		}
	}
	a.syncUntilDone(t, 1)
	t.Logf("%d syncs ran while saving", syncs)
	assertConverged(t, ts, a.Store)
}
