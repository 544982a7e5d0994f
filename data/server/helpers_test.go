package server_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// syncBuffer is a bytes.Buffer that the server's logger and the test may
// use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// apiSpec is the OpenAPI document, loaded once for all tests.
var apiSpec = sync.OnceValues(func() (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(filepath.Join("..", "..", "api", "openapi.yaml"))
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("invalid document: %w", err)
	}
	return doc, nil
})

// testServer is the real server on a loopback port with a bbolt file in a
// temporary directory. Its client checks every response against
// api/openapi.yaml and records which operation returned which status.
type testServer struct {
	t      *testing.T
	URL    string
	Store  *serverstore.Store
	Logs   *syncBuffer
	client *http.Client

	doc    *openapi3.T
	router routers.Router

	mu   sync.Mutex
	seen map[string]bool // "operationId status"
}

// storeWrapper lets a test swap the store the server uses.
type storeWrapper func(*serverstore.Store) server.Store

func newTestServer(t *testing.T, opts server.Options, wrap ...storeWrapper) *testServer {
	t.Helper()
	store, err := serverstore.Open(filepath.Join(t.TempDir(), "server.db"), serverstore.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := store.Check(); err != nil {
			t.Errorf("store consistency check: %v", err)
		}
		store.Close()
	})

	doc, err := apiSpec()
	if err != nil {
		t.Fatalf("load api/openapi.yaml: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatalf("route api/openapi.yaml: %v", err)
	}

	logs := &syncBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if opts.Rate == 0 {
		opts.Rate = -1
	}
	var backend server.Store = store
	for _, w := range wrap {
		backend = w(store)
	}
	httpServer := httptest.NewServer(server.New(backend, opts))
	t.Cleanup(httpServer.Close)

	ts := &testServer{
		t: t, URL: httpServer.URL, Store: store, Logs: logs,
		doc: doc, router: router, seen: map[string]bool{},
	}
	ts.client = &http.Client{Transport: &conformance{ts: ts, next: httpServer.Client().Transport}}
	return ts
}

// conformance is a RoundTripper that validates each response against the
// OpenAPI document: the status must be documented for the operation, and
// the headers and body must match its schema.
type conformance struct {
	ts   *testServer
	next http.RoundTripper
}

func (c *conformance) RoundTrip(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	if req.Body != nil {
		reqBody, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	resp, err := c.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))

	if resp.Header.Get("X-Request-Id") == "" {
		c.ts.t.Errorf("%s %s: response has no X-Request-Id", req.Method, req.URL.Path)
	}

	route, params, err := c.ts.router.FindRoute(req)
	if err != nil {
		// Unknown paths and methods have no operation; their body must
		// still be a problem document.
		c.ts.checkProblemSchema(req, resp, body)
		return resp, nil
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
		},
		Status:  resp.StatusCode,
		Header:  resp.Header,
		Body:    io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(req.Context(), input); err != nil {
		c.ts.t.Errorf("%s %s: response %d does not match api/openapi.yaml: %v\nbody: %s",
			req.Method, req.URL.Path, resp.StatusCode, err, body)
	}

	c.ts.mu.Lock()
	c.ts.seen[fmt.Sprintf("%s %d", route.Operation.OperationID, resp.StatusCode)] = true
	c.ts.mu.Unlock()
	return resp, nil
}

func (ts *testServer) checkProblemSchema(req *http.Request, resp *http.Response, body []byte) {
	ts.t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != wire.ProblemContentType {
		ts.t.Errorf("%s %s: Content-Type = %q, want %q", req.Method, req.URL.Path, ct, wire.ProblemContentType)
	}
	var value any
	if err := json.Unmarshal(body, &value); err != nil {
		ts.t.Errorf("%s %s: body is not JSON: %v", req.Method, req.URL.Path, err)
		return
	}
	if err := ts.doc.Components.Schemas["Problem"].Value.VisitJSON(value); err != nil {
		ts.t.Errorf("%s %s: body does not match the Problem schema: %v", req.Method, req.URL.Path, err)
	}
}

// addAssociation creates an association and returns a new token for it.
func (ts *testServer) addAssociation(id, name string) string {
	ts.t.Helper()
	ctx := context.Background()
	if err := ts.Store.AddAssociation(ctx, server.Association{ID: id, Name: name, Created: time.Now()}); err != nil {
		ts.t.Fatalf("add association %s: %v", id, err)
	}
	token, _, err := server.IssueToken(ctx, ts.Store, wire.RoleAssociation, id, time.Now())
	if err != nil {
		ts.t.Fatalf("issue token for %s: %v", id, err)
	}
	return token
}

func (ts *testServer) coordinatorToken() string {
	ts.t.Helper()
	token, _, err := server.IssueToken(context.Background(), ts.Store, wire.RoleCoordinator, "", time.Now())
	if err != nil {
		ts.t.Fatalf("issue coordinator token: %v", err)
	}
	return token
}

// do sends a request. A non-nil body that is not []byte is sent as JSON.
func (ts *testServer) do(method, path, token string, body any) (*http.Response, []byte) {
	ts.t.Helper()
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		reader = bytes.NewReader(b)
	default:
		encoded, err := json.Marshal(b)
		if err != nil {
			ts.t.Fatalf("encode request: %v", err)
		}
		reader = bytes.NewReader(encoded)
	}

	req, err := http.NewRequest(method, ts.URL+path, reader)
	if err != nil {
		ts.t.Fatalf("new request: %v", err)
	}
	if reader != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}

	resp, err := ts.client.Do(req)
	if err != nil {
		ts.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatalf("read response: %v", err)
	}
	return resp, respBody
}

// push sends changes and returns the results, failing unless the status
// is 200.
func (ts *testServer) push(token string, changes ...wire.Change) []wire.Result {
	ts.t.Helper()
	resp, body := ts.do(http.MethodPost, wire.PathChanges, token, wire.PushRequest{Changes: changes})
	if resp.StatusCode != http.StatusOK {
		ts.t.Fatalf("push: status %d, body %s", resp.StatusCode, body)
	}
	var out wire.PushResponse
	decodeJSON(ts.t, body, &out)
	if len(out.Results) != len(changes) {
		ts.t.Fatalf("push: %d results for %d changes", len(out.Results), len(changes))
	}
	return out.Results
}

// pull fetches one page.
func (ts *testServer) pull(token, cursor string, limit int) wire.PullResponse {
	ts.t.Helper()
	path := fmt.Sprintf("%s?cursor=%s&limit=%d", wire.PathChanges, cursor, limit)
	resp, body := ts.do(http.MethodGet, path, token, nil)
	if resp.StatusCode != http.StatusOK {
		ts.t.Fatalf("pull: status %d, body %s", resp.StatusCode, body)
	}
	var out wire.PullResponse
	decodeJSON(ts.t, body, &out)
	return out
}

// pullAll pulls every page from cursor and returns the records and the
// last cursor.
func (ts *testServer) pullAll(token, cursor string) ([]wire.RecordState, string) {
	ts.t.Helper()
	var all []wire.RecordState
	for range 10000 {
		page := ts.pull(token, cursor, wire.MaxPullLimit)
		all = append(all, page.Records...)
		cursor = page.NextCursor
		if !page.More {
			return all, cursor
		}
	}
	ts.t.Fatal("pull did not finish after 10,000 pages")
	return nil, ""
}

// stateOf returns the pulled state of one record.
func stateOf(records []wire.RecordState, kind data.Kind, id string) (wire.RecordState, bool) {
	for _, r := range records {
		if r.Kind == kind && r.RecordID == id {
			return r, true
		}
	}
	return wire.RecordState{}, false
}

func decodeJSON(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("decode %T: %v\nbody: %s", v, err, body)
	}
}

func newChangeID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func mustJSON(t testing.TB, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

var eventStart = time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC)

func testEvent(title string, public bool) *data.Event {
	return &data.Event{
		Title: title, Type: data.EventSeminar,
		Start: eventStart, End: eventStart.Add(2 * time.Hour),
		Place: "Vilnius", Public: public,
	}
}

func testCase(title string) *data.PracticeCase {
	return &data.PracticeCase{
		Title:   title,
		Authors: []data.Author{{Name: "Rūta Žemaitė", School: "Kauno gimnazija"}},
		Subject: "matematika",
		Levels:  []data.EducationLevel{data.LevelBasic},
		Goals:   "Mokiniai sprendžia uždavinius poromis.",
		Status:  data.CaseSubmitted,
	}
}

func testConsultation(topic string) *data.Consultation {
	return &data.Consultation{
		Date: data.Date{Year: 2026, Month: 3, Day: 11}, DurationMin: 30,
		Format: data.FormatPhone, Topic: topic, Status: data.ConsultationAnswered,
		Requester: data.Requester{Name: "Jonas Petraitis", School: "Šiaulių progimnazija", Contact: "jonas@example.org"},
	}
}

// put returns a put change of rec.
func put(t testing.TB, id string, base int64, rec data.Record) wire.Change {
	return wire.Change{
		ChangeID: newChangeID(), Kind: rec.RecordKind(), RecordID: id,
		Op: wire.OpPut, BaseRevision: base, Record: mustJSON(t, rec),
	}
}

func del(kind data.Kind, id string, base int64) wire.Change {
	return wire.Change{ChangeID: newChangeID(), Kind: kind, RecordID: id, Op: wire.OpDelete, BaseRevision: base}
}

// wantStatus fails unless resp has the status; it returns the problem
// body for error statuses.
func wantStatus(t *testing.T, resp *http.Response, body []byte, status int) wire.Problem {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status = %d, want %d; body %s", resp.StatusCode, status, body)
	}
	var p wire.Problem
	if status >= 400 {
		decodeJSON(t, body, &p)
		if p.Status != status {
			t.Errorf("problem status = %d, want %d", p.Status, status)
		}
		if !strings.HasPrefix(p.Type, "urn:partneryste:problem:") {
			t.Errorf("problem type = %q, want a urn:partneryste:problem: URI", p.Type)
		}
	}
	return p
}
