package syncclient

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/wire"
)

func TestRetryableStatus(t *testing.T) {
	for _, status := range []int{429, 500, 502, 503, 504} {
		if !RetryableStatus(status) {
			t.Errorf("RetryableStatus(%d) = false, want true", status)
		}
	}
	for _, status := range []int{200, 400, 401, 403, 404, 409, 413, 415, 422, 501, 505} {
		if RetryableStatus(status) {
			t.Errorf("RetryableStatus(%d) = true, want false", status)
		}
	}
}

func TestBackoffFullJitter(t *testing.T) {
	top := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second, random: func() float64 { return 0.999999 }}
	bottom := top
	bottom.random = func() float64 { return 0 }
	for retry, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 5: time.Second, 40: time.Second} {
		got := top.Backoff(retry)
		if got >= want || got < want*99/100 {
			t.Errorf("Backoff(%d) with random near 1 = %v, want just under %v", retry, got, want)
		}
		if got := bottom.Backoff(retry); got != 0 {
			t.Errorf("Backoff(%d) with random 0 = %v, want 0 (full jitter starts at zero)", retry, got)
		}
	}
}

func TestDelayHonoursRetryAfter(t *testing.T) {
	p := RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxRetryAfter: time.Minute, random: func() float64 { return 0.5 }}
	now := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)

	if d, ok := p.Delay(1, "7", now); !ok || d != 7*time.Second {
		t.Errorf("Delay(Retry-After: 7) = %v, %v; want 7s", d, ok)
	}
	date := now.Add(20 * time.Second).Format(http.TimeFormat)
	if d, ok := p.Delay(1, date, now); !ok || d != 20*time.Second {
		t.Errorf("Delay(Retry-After: %s) = %v, %v; want 20s", date, d, ok)
	}
	if _, ok := p.Delay(1, "3600", now); ok {
		t.Error("Delay(Retry-After: 3600) ok, want the client to stop past MaxRetryAfter")
	}
	if d, ok := p.Delay(1, "soon", now); !ok || d >= time.Millisecond {
		t.Errorf("Delay(Retry-After: soon) = %v, %v; want the backoff alone", d, ok)
	}
}

// recordingServer responds to each request with the next status from a
// list (200 with a body after the list ends) and records the bodies.
type recordingServer struct {
	mu         sync.Mutex
	statuses   []int
	retryAfter string
	bodies     [][]byte
	auth       []string
}

func (s *recordingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	status := http.StatusOK
	if len(s.statuses) > 0 {
		status, s.statuses = s.statuses[0], s.statuses[1:]
	}
	s.mu.Unlock()

	if status != http.StatusOK {
		if s.retryAfter != "" {
			w.Header().Set("Retry-After", s.retryAfter)
		}
		w.Header().Set("Content-Type", wire.ProblemContentType)
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"type":"urn:partneryste:problem:internal","title":"Injected","status":%d}`, status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"results":[{"change_id":"c1","status":200,"revision":1}]}`)
}

// newRecordedClient returns a client of srv whose waits are recorded, not
// slept.
func newRecordedClient(t *testing.T, url string, delays *[]time.Duration, log io.Writer) *Client {
	t.Helper()
	logger := quietLogger
	if log != nil {
		logger = slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	c, err := New(Options{
		ServerURL: url,
		Token:     "tok-SECRET-123",
		Logger:    logger,
		Retry:     RetryPolicy{MaxAttempts: 4, BaseDelay: 10 * time.Millisecond, MaxDelay: 40 * time.Millisecond, MaxRetryAfter: time.Minute},
		sleep: func(ctx context.Context, d time.Duration) error {
			*delays = append(*delays, d)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

var oneChange = []wire.Change{{ChangeID: "c1", Kind: data.KindEvent, RecordID: "e1", Op: wire.OpPut, Record: []byte(`{"title":"Seminaras"}`)}}

func TestPushRetriesWithIdenticalBody(t *testing.T) {
	rec := &recordingServer{statuses: []int{503, 500, 429}, retryAfter: "2"}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	var delays []time.Duration
	c := newRecordedClient(t, srv.URL, &delays, nil)

	resp, err := c.Push(context.Background(), oneChange)
	if err != nil {
		t.Fatalf("Push: %v", err)
	}
	if len(resp.Results) != 1 {
		t.Fatalf("Push returned %d results, want 1", len(resp.Results))
	}
	if len(rec.bodies) != 4 {
		t.Fatalf("server received %d requests, want 4", len(rec.bodies))
	}
	for i, body := range rec.bodies[1:] {
		if !bytes.Equal(body, rec.bodies[0]) {
			t.Errorf("attempt %d sent a different body:\n%s\nfirst:\n%s", i+2, body, rec.bodies[0])
		}
	}
	for i, auth := range rec.auth {
		if auth != "Bearer tok-SECRET-123" {
			t.Errorf("attempt %d sent Authorization %q", i+1, auth)
		}
	}
	if len(delays) != 3 {
		t.Fatalf("client waited %d times, want 3", len(delays))
	}
	for i, d := range delays {
		if d < 2*time.Second {
			t.Errorf("wait %d = %v, want at least the Retry-After of 2s", i+1, d)
		}
	}
}

func TestPushFinalStatusesNotRetried(t *testing.T) {
	for status, want := range map[int]error{
		400: ErrRejected, 401: ErrUnauthorized, 403: ErrForbidden, 404: ErrRejected,
		409: ErrRejected, 413: ErrRejected, 422: ErrRejected,
	} {
		rec := &recordingServer{statuses: []int{status}}
		srv := httptest.NewServer(rec)
		var delays []time.Duration
		c := newRecordedClient(t, srv.URL, &delays, nil)
		_, err := c.Push(context.Background(), oneChange)
		srv.Close()

		if !errors.Is(err, want) {
			t.Errorf("HTTP %d: error %v, want %v", status, err, want)
		}
		var reqErr *RequestError
		if !errors.As(err, &reqErr) || reqErr.Status != status {
			t.Errorf("HTTP %d: error %#v, want a RequestError with the status", status, err)
		}
		if len(rec.bodies) != 1 {
			t.Errorf("HTTP %d: %d requests sent, want 1", status, len(rec.bodies))
		}
	}
}

func TestPushGivesUpAfterMaxAttempts(t *testing.T) {
	rec := &recordingServer{statuses: []int{503, 503, 503, 503, 503}}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	var delays []time.Duration
	c := newRecordedClient(t, srv.URL, &delays, nil)

	_, err := c.Push(context.Background(), oneChange)
	if !errors.Is(err, ErrServer) {
		t.Fatalf("Push: %v, want ErrServer", err)
	}
	if len(rec.bodies) != 4 {
		t.Errorf("%d requests sent, want MaxAttempts = 4", len(rec.bodies))
	}
	for i, d := range delays {
		if limit := 10 * time.Millisecond << i; d >= min(limit, 40*time.Millisecond) {
			t.Errorf("wait %d = %v, want below %v", i+1, d, min(limit, 40*time.Millisecond))
		}
	}
}

func TestPushRetryAfterTooLong(t *testing.T) {
	rec := &recordingServer{statuses: []int{429}, retryAfter: "86400"}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	var delays []time.Duration
	c := newRecordedClient(t, srv.URL, &delays, nil)

	if _, err := c.Push(context.Background(), oneChange); !errors.Is(err, ErrServer) {
		t.Fatalf("Push: %v, want ErrServer", err)
	}
	if len(rec.bodies) != 1 || len(delays) != 0 {
		t.Errorf("%d requests and %d waits, want 1 request and no wait", len(rec.bodies), len(delays))
	}
}

func TestTokenNeverInErrorsOrLogs(t *testing.T) {
	var logs bytes.Buffer
	rec := &recordingServer{statuses: []int{500, 500, 500, 500, 401}}
	srv := httptest.NewServer(rec)
	var delays []time.Duration
	c := newRecordedClient(t, srv.URL, &delays, &logs)
	_, errServer := c.Push(context.Background(), oneChange)
	_, errAuth := c.WhoAmI(context.Background())
	srv.Close()
	_, errDown := c.Pull(context.Background(), "", 0)

	for _, err := range []error{errServer, errAuth, errDown} {
		if err == nil {
			t.Fatal("a failing request returned no error")
		}
		if strings.Contains(err.Error(), "SECRET") {
			t.Errorf("error contains the token: %v", err)
		}
	}
	if strings.Contains(logs.String(), "SECRET") {
		t.Errorf("logs contain the token:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "retrying request") {
		t.Errorf("logs do not show the retries:\n%s", logs.String())
	}
}

func TestRedactReplacesToken(t *testing.T) {
	err := redact(errors.New(`Get "http://127.0.0.1/?t=abc123": refused`), "abc123")
	if strings.Contains(err.Error(), "abc123") || !strings.Contains(err.Error(), redactedText) {
		t.Errorf("redact = %q, want the token replaced", err)
	}
}

func TestNewRejectsBadSettings(t *testing.T) {
	for _, s := range []Settings{
		{ServerURL: "", Token: "t"},
		{ServerURL: "ftp://127.0.0.1", Token: "t"},
		{ServerURL: "http://sync.example.lt", Token: "t"},
		{ServerURL: "https://user:pw@sync.example.lt", Token: "t"},
		{ServerURL: "https://sync.example.lt?x=1", Token: "t"},
		{ServerURL: "https://sync.example.lt", Token: ""},
		{ServerURL: "https://sync.example.lt", Token: "two words"},
	} {
		if _, err := New(Options{ServerURL: s.ServerURL, Token: s.Token}); !errors.Is(err, ErrSettings) {
			t.Errorf("New(%q, token %q): %v, want ErrSettings", s.ServerURL, s.Token, err)
		}
	}
	for _, url := range []string{"https://sync.example.lt", "https://sync.example.lt/partneryste/", "http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080"} {
		if _, err := New(Options{ServerURL: url, Token: "t"}); err != nil {
			t.Errorf("New(%q): %v, want success", url, err)
		}
	}
}

func TestSettingsSaveAndLoad(t *testing.T) {
	dir := t.TempDir()
	path := SettingsPath(filepath.Join(dir, "partneryste.db"))
	if _, err := LoadSettings(path); !errors.Is(err, ErrNoSettings) {
		t.Fatalf("LoadSettings before saving: %v, want ErrNoSettings", err)
	}

	want := Settings{ServerURL: "https://sync.example.lt", Token: "tok-SECRET-123"}
	if err := SaveSettings(path, want); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("settings file permissions %o, want 600", perm)
	}
	got, err := LoadSettings(path)
	if err != nil {
		t.Fatalf("LoadSettings: %v", err)
	}
	if got != want {
		t.Errorf("LoadSettings = %+v, want %+v", got, want)
	}

	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("settings", "sync", got)
	if text := got.String() + logs.String(); strings.Contains(text, "SECRET") {
		t.Errorf("String or LogValue shows the token: %s", text)
	}

	if err := SaveSettings(path, Settings{ServerURL: "http://sync.example.lt", Token: "x"}); !errors.Is(err, ErrSettings) {
		t.Errorf("SaveSettings with plain http to another host: %v, want ErrSettings", err)
	}
	if again, _ := LoadSettings(path); again != want {
		t.Errorf("a rejected save changed the file: %+v", again)
	}

	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSettings(path); !errors.Is(err, ErrSettings) {
		t.Errorf("LoadSettings of a damaged file: %v, want ErrSettings", err)
	}
}

func TestPullRejectsStuckCursor(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"records":[],"next_cursor":"5","more":true}`)
	}))
	defer srv.Close()
	store := openClientStore(t, filepath.Join(t.TempDir(), "partneryste.db"))
	s := newTestSyncer(t, srv.URL, "t", store, Options{})

	_, err := s.Sync(context.Background(), nil)
	if !errors.Is(err, ErrProtocol) {
		t.Fatalf("Sync against a cursor that never moves: %v, want ErrProtocol", err)
	}
}

func TestSyncProgressReported(t *testing.T) {
	ts := newTestServer(t, nil)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	for i := range 20 {
		if err := a.Store.Save(sampleRecord("A", i)); err != nil {
			t.Fatal(err)
		}
	}
	a.Syncer.opts.BatchSize = 6

	var phases []Phase
	var last Progress
	report, err := a.Syncer.Sync(context.Background(), func(p Progress) {
		phases = append(phases, p.Phase)
		last = p
	})
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	if report.Pushed != 20 || last.Pushed != 20 {
		t.Errorf("pushed %d (progress %d), want 20", report.Pushed, last.Pushed)
	}
	if report.Requests < 4+3 {
		t.Errorf("%d requests, want at least 4 pushes of 6 and 3 pulls of 7", report.Requests)
	}
	if len(phases) == 0 || phases[0] != PhasePush || phases[len(phases)-1] != PhaseDone {
		t.Errorf("phases = %v, want push first and done last", phases)
	}
	assertConverged(t, ts, a.Store)
}

func TestSyncSplitsBatchOnTooLarge(t *testing.T) {
	ts := newTestServerWith(t, nil, server.Options{MaxBody: 8 << 10})
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	for i := range 12 {
		c := sampleRecord("A", 3*i+1).(*data.PracticeCase)
		c.Summary = strings.Repeat("Mokiniai tyrinėja. ", 60)
		if err := a.Store.Save(c); err != nil {
			t.Fatal(err)
		}
	}
	huge := sampleRecord("A", 100).(*data.PracticeCase)
	huge.Activities = strings.Repeat("Labai ilgas veiklų aprašas. ", 400)
	if err := a.Store.Save(huge); err != nil {
		t.Fatal(err)
	}

	report, err := a.Syncer.Sync(context.Background(), nil)
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	if report.Pushed != 12 || report.Rejected != 1 {
		t.Errorf("report = %+v, want 12 pushed and the oversized case rejected", report)
	}
	rejections, _ := a.Store.Rejections()
	if len(rejections) != 1 || rejections[0].RecordID != huge.ID || rejections[0].Status != http.StatusRequestEntityTooLarge {
		t.Errorf("Rejections = %+v, want the oversized case with 413", rejections)
	}
	if n := len(ts.records(t)); n != 12 {
		t.Errorf("server holds %d records, want 12", n)
	}
	if counts, _ := a.Store.Counts(); counts.Outbox != 1 {
		t.Errorf("outbox has %d entries, want the oversized change kept", counts.Outbox)
	}
}
