package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// quietLogger drops log lines so test output shows only failures.
var quietLogger = slog.New(slog.DiscardHandler)

// testServer is the real coordinator's server with a bbolt file in a
// temporary folder, serving on a loopback port through httptest.
type testServer struct {
	URL   string
	Store *serverstore.Store
	// Association is the association id of AssocToken, and
	// CoordinatorToken the coordinator's token.
	Association      string
	AssocToken       string
	CoordinatorToken string
	// OtherToken belongs to a second association.
	OtherToken string

	http *httptest.Server
}

// newTestServer starts the server. wrap, when not nil, wraps its handler
// to inject faults.
func newTestServer(t testing.TB, wrap func(http.Handler) http.Handler) *testServer {
	t.Helper()
	return newTestServerWith(t, wrap, server.Options{})
}

// newTestServerWith starts the server with opts; rate limiting is off and
// logs are dropped.
func newTestServerWith(t testing.TB, wrap func(http.Handler) http.Handler, opts server.Options) *testServer {
	t.Helper()
	store, err := serverstore.Open(filepath.Join(t.TempDir(), "server.db"), serverstore.Options{NoSync: true})
	if err != nil {
		t.Fatalf("open server store: %v", err)
	}
	t.Cleanup(func() { store.Close() })

	ctx := context.Background()
	now := time.Now()
	ts := &testServer{Store: store, Association: "lmd"}
	for _, a := range []server.Association{
		{ID: "lmd", Name: "Lietuvos matematikos mokytojų draugija", Created: now},
		{ID: "lfmd", Name: "Lietuvos fizikos mokytojų draugija", Created: now},
	} {
		if err := store.AddAssociation(ctx, a); err != nil {
			t.Fatalf("add association: %v", err)
		}
	}
	if ts.AssocToken, _, err = server.IssueToken(ctx, store, wire.RoleAssociation, "lmd", now); err != nil {
		t.Fatal(err)
	}
	if ts.OtherToken, _, err = server.IssueToken(ctx, store, wire.RoleAssociation, "lfmd", now); err != nil {
		t.Fatal(err)
	}
	if ts.CoordinatorToken, _, err = server.IssueToken(ctx, store, wire.RoleCoordinator, "", now); err != nil {
		t.Fatal(err)
	}

	opts.Rate, opts.Logger = -1, quietLogger
	var handler http.Handler = server.New(store, opts)
	if wrap != nil {
		handler = wrap(handler)
	}
	ts.http = httptest.NewServer(handler)
	ts.URL = ts.http.URL
	t.Cleanup(ts.http.Close)
	return ts
}

// records returns the server's current state of every record of the
// association, tombstones excluded, by "kind/id".
func (ts *testServer) records(t *testing.T) map[string]server.StoredRecord {
	t.Helper()
	found := make(map[string]server.StoredRecord)
	err := ts.Store.Changes(context.Background(), 0, func(rec server.StoredRecord) (bool, error) {
		if rec.Association == ts.Association && !rec.Deleted {
			rec.Body = append(json.RawMessage(nil), rec.Body...)
			found[string(rec.Kind)+"/"+rec.ID] = rec
		}
		return true, nil
	})
	if err != nil {
		t.Fatalf("read server records: %v", err)
	}
	return found
}

// review posts the coordinator's review of a case.
func (ts *testServer) review(t *testing.T, id string, status data.CaseStatus, comment string) wire.RecordState {
	t.Helper()
	body, _ := json.Marshal(wire.ReviewRequest{Status: status, Comment: comment})
	req, err := http.NewRequest(http.MethodPost, ts.URL+wire.PathReview+id, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+ts.CoordinatorToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("review: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("review of %s: HTTP %d", id, resp.StatusCode)
	}
	var state wire.RecordState
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		t.Fatal(err)
	}
	return state
}

// fastRetry retries quickly, so fault tests spend their time syncing.
var fastRetry = RetryPolicy{MaxAttempts: 4, BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}

// testClient is one desktop copy: a bbolt file and a Syncer.
type testClient struct {
	Store  *boltstore.DB
	Syncer *Syncer
}

func openClientStore(t testing.TB, path string) *boltstore.DB {
	t.Helper()
	store, err := boltstore.Open(path, boltstore.Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		t.Fatalf("open client store: %v", err)
	}
	t.Cleanup(func() {
		if err := store.Verify(); err != nil {
			t.Errorf("Verify client store: %v", err)
		}
		store.Close()
	})
	return store
}

func newTestClient(t *testing.T, url, token string, opts Options) *testClient {
	t.Helper()
	store := openClientStore(t, filepath.Join(t.TempDir(), "partneryste.db"))
	return &testClient{Store: store, Syncer: newTestSyncer(t, url, token, store, opts)}
}

func newTestSyncer(t *testing.T, url, token string, store Store, opts Options) *Syncer {
	t.Helper()
	opts.ServerURL, opts.Token = url, token
	if opts.Retry.MaxAttempts == 0 {
		opts.Retry = fastRetry
	}
	if opts.Logger == nil {
		opts.Logger = quietLogger
	}
	client, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(client.Close)
	return NewSyncer(client, store, SyncOptions{Logger: quietLogger, PullLimit: 7})
}

// syncUntilDone repeats Sync until one succeeds, at most attempts times,
// and returns the reports of every attempt.
func (c *testClient) syncUntilDone(t *testing.T, attempts int) []Report {
	t.Helper()
	var reports []Report
	for i := 0; i < attempts; i++ {
		report, err := c.Syncer.Sync(context.Background(), nil)
		reports = append(reports, report)
		if err == nil {
			return reports
		}
	}
	t.Fatalf("sync did not succeed in %d attempts", attempts)
	return nil
}

// localRecords returns the client's live records by "kind/id", as JSON
// with the fields that only one side keeps cleared (see comparable).
func localRecords(t *testing.T, store *boltstore.DB) map[string]string {
	t.Helper()
	found := make(map[string]string)
	events, err := store.Events(data.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range events {
		found["event/"+events[i].ID] = comparable(t, &events[i])
	}
	cases, err := store.PracticeCases(data.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, summary := range cases {
		c, err := store.PracticeCase(summary.ID)
		if err != nil {
			t.Fatal(err)
		}
		found["practice/"+c.ID] = comparable(t, &c)
	}
	consultations, err := store.Consultations(data.ConsultationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range consultations {
		found["consultation/"+consultations[i].ID] = comparable(t, &consultations[i])
	}
	return found
}

// comparable returns r's JSON without Meta, requester and review, which
// the server and the client keep differently by design. r is not changed.
func comparable(t *testing.T, r data.Record) string {
	t.Helper()
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return serverComparable(t, server.StoredRecord{Kind: r.RecordKind(), Body: raw})
}

func serverComparable(t *testing.T, rec server.StoredRecord) string {
	t.Helper()
	var r data.Record
	switch rec.Kind {
	case data.KindEvent:
		r = new(data.Event)
	case data.KindPractice:
		r = new(data.PracticeCase)
	default:
		r = new(data.Consultation)
	}
	if err := json.Unmarshal(rec.Body, r); err != nil {
		t.Fatal(err)
	}
	*r.Header() = data.Meta{}
	switch rec := r.(type) {
	case *data.Consultation:
		rec.Requester = data.Requester{}
	case *data.PracticeCase:
		rec.Review, rec.History = nil, nil
	}
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// assertConverged checks the counts after everything settled: the server
// holds exactly the association's records that each client holds, with
// the same content, and every client's outbox is empty with no conflict
// or rejection waiting.
func assertConverged(t *testing.T, ts *testServer, clients ...*boltstore.DB) {
	t.Helper()
	remote := ts.records(t)
	for n, store := range clients {
		counts, err := store.Counts()
		if err != nil {
			t.Fatal(err)
		}
		if counts.Outbox != 0 {
			t.Errorf("client %d: outbox has %d entries after settling, want 0", n, counts.Outbox)
		}
		state, err := store.SyncState()
		if err != nil {
			t.Fatal(err)
		}
		if state.Conflicts != 0 || state.Rejections != 0 {
			t.Errorf("client %d: %d conflicts and %d rejections, want none", n, state.Conflicts, state.Rejections)
		}

		local := localRecords(t, store)
		if len(local) != len(remote) {
			t.Errorf("client %d holds %d records, the server %d", n, len(local), len(remote))
		}
		var missing, extra, differ []string
		for key, rec := range remote {
			content, ok := local[key]
			switch {
			case !ok:
				missing = append(missing, key)
			case content != serverComparable(t, rec):
				differ = append(differ, key)
			}
		}
		for key := range local {
			if _, ok := remote[key]; !ok {
				extra = append(extra, key)
			}
		}
		if len(missing)+len(extra)+len(differ) > 0 {
			slices.Sort(missing)
			slices.Sort(extra)
			slices.Sort(differ)
			t.Errorf("client %d: missing locally %v; not on the server %v; different %v", n, missing, extra, differ)
		}
	}
}

// editor makes the saves of a fault test: new records of every kind,
// edits and deletes of records it made, and counts the saves of each
// record so that tests can check the server applied each sync's change
// once.
type editor struct {
	t      *testing.T
	store  *boltstore.DB
	name   string
	serial int
	live   []data.Record
	// saves counts, per "kind/id", the syncs in which the record had a
	// change. With one save per record between syncs, this is the server
	// revision the record must reach.
	saves map[string]int64
}

func newEditor(t *testing.T, store *boltstore.DB, name string) *editor {
	return &editor{t: t, store: store, name: name, saves: make(map[string]int64)}
}

func (e *editor) save(r data.Record) {
	e.t.Helper()
	if err := e.store.Save(r); err != nil {
		e.t.Fatalf("Save: %v", err)
	}
	e.saves[string(r.RecordKind())+"/"+r.Header().ID]++
}

// round makes three new records, edits the oldest live one and deletes
// another, each record saved at most once.
func (e *editor) round() {
	e.t.Helper()
	var edit, remove data.Record
	if len(e.live) >= 2 {
		edit, remove = e.live[0], e.live[1]
		e.live = e.live[2:]
	}
	for range 3 {
		e.serial++
		r := sampleRecord(e.name, e.serial)
		e.save(r)
		e.live = append(e.live, r)
	}
	if edit != nil {
		switch r := edit.(type) {
		case *data.Event:
			r.Description += " Papildyta."
		case *data.PracticeCase:
			r.Goals += " Papildyta."
		case *data.Consultation:
			r.Answer += " Papildyta."
		}
		e.save(edit)
		e.live = append(e.live, edit)
	}
	if remove != nil {
		if err := e.store.Delete(remove.RecordKind(), remove.Header().ID); err != nil {
			e.t.Fatalf("Delete: %v", err)
		}
		delete(e.saves, string(remove.RecordKind())+"/"+remove.Header().ID)
	}
}

// assertRevisions checks that every live record's server revision equals
// the number of syncs it was saved in: a change applied twice would raise
// it, or turn into a conflict with the client's own write.
func (e *editor) assertRevisions(ts *testServer) {
	e.t.Helper()
	remote := ts.records(e.t)
	for key, want := range e.saves {
		rec, ok := remote[key]
		if !ok {
			e.t.Errorf("%s is not on the server", key)
			continue
		}
		if rec.Revision != want {
			e.t.Errorf("%s: server revision %d, want %d (one per sync with a change)", key, rec.Revision, want)
		}
	}
}

// sampleRecord returns a valid record of a kind chosen by serial.
func sampleRecord(name string, serial int) data.Record {
	title := fmt.Sprintf("%s įrašas %d", name, serial)
	day := data.Date{Year: 2026, Month: time.Month(1 + serial%12), Day: 1 + serial%28}
	switch serial % 3 {
	case 0:
		start := time.Date(2026, time.Month(1+serial%12), 1+serial%28, 10, 0, 0, 0, data.Vilnius)
		return &data.Event{Title: title, Type: data.EventSeminar, Start: start.UTC(), End: start.Add(90 * time.Minute).UTC(),
			Place: "Vilnius", Description: "Seminaras mokytojams."}
	case 1:
		return &data.PracticeCase{Title: title, Subject: "Matematika", Levels: []data.EducationLevel{data.LevelBasic},
			Authors: []data.Author{{Name: "Rūta Petraitienė", School: "Vilniaus licėjus"}},
			Summary: "Trumpas aprašas.", Goals: "Tikslai.", Status: data.CaseDraft, Licence: "CC BY 4.0"}
	default:
		return &data.Consultation{Date: day, DurationMin: 30, Format: data.FormatPhone, Topic: title, Category: "Vertinimas",
			Requester: data.Requester{Name: "Asta Žemaitytė " + name, Contact: "asta@mokykla.lt"},
			Question:  "Kaip vertinti?", Status: data.ConsultationNew}
	}
}

// bodyLog records request bodies that reach the server.
type bodyLog struct {
	mu     sync.Mutex
	bodies []string
}

func (l *bodyLog) contains(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.ContainsFunc(l.bodies, func(b string) bool { return strings.Contains(b, s) })
}

// readAll reads the request body and puts an unread copy back.
func readAll(t *testing.T, r *http.Request) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil {
		t.Errorf("read request body: %v", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(buf.Bytes()))
	return buf.String()
}
