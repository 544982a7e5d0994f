package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// Load figures of the real server on a loopback port with a real bbolt file
// (fsync on). Run with:
//
//	go test -run '^$' -bench Load -benchtime 1x ./data/server
//
// Each benchmark makes a fixed number of requests and stops by itself. The
// client runs in the same process, so the memory figures include it.

const (
	loadChanges    = 10000
	loadBatch      = wire.MaxChanges
	loadAssocs     = 20
	loadPerAssoc   = 500
	loadAssocBatch = 100
)

type loadEnv struct {
	url    string
	store  *serverstore.Store
	client *http.Client
	tokens []string
}

func newLoadEnv(b *testing.B, associations int) *loadEnv {
	b.Helper()
	store, err := serverstore.Open(filepath.Join(b.TempDir(), "load.db"), serverstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	env := &loadEnv{store: store}
	for i := range associations {
		id := fmt.Sprintf("a%02d", i)
		if err := store.AddAssociation(b.Context(), server.Association{ID: id, Name: id}); err != nil {
			b.Fatal(err)
		}
		token, _, err := server.IssueToken(b.Context(), store, wire.RoleAssociation, id, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		env.tokens = append(env.tokens, token)
	}
	srv := httptest.NewServer(server.New(store, server.Options{Rate: -1}))
	b.Cleanup(srv.Close)
	env.url = srv.URL
	env.client = srv.Client()
	env.client.Transport.(*http.Transport).MaxIdleConnsPerHost = associations + 1
	return env
}

// batches returns n put changes of public events in batches of size.
func batches(b *testing.B, prefix string, n, size int) [][]byte {
	var out [][]byte
	var changes []wire.Change
	for i := range n {
		changes = append(changes, put(b, fmt.Sprintf("%s-%05d", prefix, i), 0, testEvent(fmt.Sprintf("Renginys %d", i), true)))
		if len(changes) == size || i == n-1 {
			out = append(out, mustJSON(b, wire.PushRequest{Changes: changes}))
			changes = nil
		}
	}
	return out
}

// send posts or gets and returns the latency, failing on any status but 200
// or any change that was not applied.
func (env *loadEnv) send(b *testing.B, method, path, token string, body []byte) (time.Duration, []byte) {
	req, err := http.NewRequest(method, env.url+path, bytes.NewReader(body))
	if err != nil {
		b.Error(err)
		return 0, nil
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}

	start := time.Now()
	resp, err := env.client.Do(req)
	if err != nil {
		b.Error(err)
		return 0, nil
	}
	respBody, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	elapsed := time.Since(start)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Errorf("%s %s: status %d (%v)", method, path, resp.StatusCode, err)
	}

	if method == http.MethodPost {
		var out wire.PushResponse
		if err := json.Unmarshal(respBody, &out); err != nil {
			b.Error(err)
		}
		for _, r := range out.Results {
			if r.Status != wire.StatusApplied {
				b.Errorf("change %s: status %d %s", r.ChangeID, r.Status, r.Error)
			}
		}
	}
	return elapsed, respBody
}

func report(b *testing.B, name string, changes int, elapsed time.Duration, latencies []time.Duration) {
	slices.Sort(latencies)
	p50 := latencies[len(latencies)/2]
	p99 := latencies[min(len(latencies)-1, len(latencies)*99/100)]
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	rss := processRSS()

	rate := float64(changes) / elapsed.Seconds()
	b.ReportMetric(rate, "changes/s")
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(mem.HeapInuse)/(1<<20), "heap-MiB")
	b.Logf("%s: %d changes in %v = %.0f changes/s; %d requests, median %v, p99 %v; heap in use %.1f MiB, process RSS %s",
		name, changes, elapsed.Round(time.Millisecond), rate, len(latencies), p50.Round(time.Microsecond), p99.Round(time.Microsecond),
		float64(mem.HeapInuse)/(1<<20), rss)
}

// processRSS returns this process's resident memory from /proc, or "n/a".
func processRSS() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			fields := strings.Fields(rest)
			if kb, err := strconv.Atoi(fields[0]); err == nil {
				return fmt.Sprintf("%.1f MiB", float64(kb)/1024)
			}
		}
	}
	return "n/a"
}

// BenchmarkLoadPush pushes 10,000 changes in batches of 500 from one
// association.
func BenchmarkLoadPush(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		env := newLoadEnv(b, 1)
		bodies := batches(b, "e", loadChanges, loadBatch)
		b.StartTimer()

		start := time.Now()
		var latencies []time.Duration
		for _, body := range bodies {
			d, _ := env.send(b, http.MethodPost, wire.PathChanges, env.tokens[0], body)
			latencies = append(latencies, d)
		}
		report(b, "push", loadChanges, time.Since(start), latencies)
	}
}

// BenchmarkLoadPull pulls 10,000 records in pages of 1,000.
func BenchmarkLoadPull(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		env := newLoadEnv(b, 1)
		for _, body := range batches(b, "e", loadChanges, loadBatch) {
			env.send(b, http.MethodPost, wire.PathChanges, env.tokens[0], body)
		}
		b.StartTimer()

		start := time.Now()
		var latencies []time.Duration
		cursor, pulled := "", 0
		for range loadChanges {
			d, body := env.send(b, http.MethodGet, fmt.Sprintf("%s?cursor=%s&limit=%d", wire.PathChanges, cursor, wire.MaxPullLimit), env.tokens[0], nil)
			latencies = append(latencies, d)
			var page wire.PullResponse
			if err := json.Unmarshal(body, &page); err != nil {
				b.Fatal(err)
			}
			pulled += len(page.Records)
			cursor = page.NextCursor
			if !page.More {
				break
			}
		}
		if pulled != loadChanges {
			b.Errorf("pulled %d records, want %d", pulled, loadChanges)
		}
		report(b, "pull", pulled, time.Since(start), latencies)
	}
}

// BenchmarkLoadConcurrent has 20 associations push 500 changes each at
// once, in batches of 100.
func BenchmarkLoadConcurrent(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		env := newLoadEnv(b, loadAssocs)
		bodies := make([][][]byte, loadAssocs)
		for i := range bodies {
			bodies[i] = batches(b, fmt.Sprintf("a%02d", i), loadPerAssoc, loadAssocBatch)
		}
		b.StartTimer()

		start := time.Now()
		var mu sync.Mutex
		var latencies []time.Duration
		var wg sync.WaitGroup
		for i := range loadAssocs {
			wg.Go(func() {
				for _, body := range bodies[i] {
					d, _ := env.send(b, http.MethodPost, wire.PathChanges, env.tokens[i], body)
					mu.Lock()
					latencies = append(latencies, d)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		elapsed := time.Since(start)

		if seq, err := env.store.LastSeq(b.Context()); err != nil || seq != loadAssocs*loadPerAssoc {
			b.Errorf("writes = %d (%v), want %d", seq, err, loadAssocs*loadPerAssoc)
		}
		report(b, "concurrent push", loadAssocs*loadPerAssoc, elapsed, latencies)
	}
}
