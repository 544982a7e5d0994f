package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
)

// childEnv carries the child's configuration as JSON. The test binary runs
// itself as the child: a desktop copy that saves and syncs in a loop until
// the parent kills it.
const childEnv = "PARTNERYSTE_SYNC_CHILD"

type childConfig struct {
	Data  string `json:"data"`
	URL   string `json:"url"`
	Token string `json:"token"`
	// Settle makes the child sync until its outbox is empty, then exit.
	Settle bool   `json:"settle"`
	Seed   uint64 `json:"seed"`
}

// childLimit bounds the child's loop, so a child that is never killed
// stops by itself.
const (
	childRounds   = 300
	childDuration = 20 * time.Second
)

func TestSyncChildProcess(t *testing.T) {
	raw := os.Getenv(childEnv)
	if raw == "" {
		t.Skip("runs only as the child process of TestSyncKilledMidPushAndPull")
	}
	var cfg childConfig
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		t.Fatalf("child configuration: %v", err)
	}
	store, err := boltstore.Open(cfg.Data, boltstore.Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		t.Fatalf("child: open store: %v", err)
	}
	defer store.Close()
	client, err := New(Options{ServerURL: cfg.URL, Token: cfg.Token, Logger: quietLogger, Retry: fastRetry})
	if err != nil {
		t.Fatal(err)
	}
	syncer := NewSyncer(client, store, SyncOptions{Logger: quietLogger, PullLimit: 5, BatchSize: 4})

	if cfg.Settle {
		for range 20 {
			_, err := syncer.Sync(context.Background(), nil)
			counts, _ := store.Counts()
			if err == nil && counts.Outbox == 0 {
				return
			}
		}
		t.Fatal("child: the outbox did not empty in 20 syncs")
	}

	rng := rand.New(rand.NewPCG(cfg.Seed, 1))
	deadline := time.Now().Add(childDuration)
	for round := 0; round < childRounds && time.Now().Before(deadline); round++ {
		childEdit(t, store, rng, int(cfg.Seed)*1000+round)
		// Errors are expected while the parent kills copies mid-request.
		_, _ = syncer.Sync(context.Background(), nil)
	}
}

// childEdit saves two new records and edits or deletes an existing one.
func childEdit(t *testing.T, store *boltstore.DB, rng *rand.Rand, serial int) {
	for i := range 2 {
		if err := store.Save(sampleRecord("K", 2*serial+i)); err != nil {
			t.Fatalf("child: save: %v", err)
		}
	}
	events, err := store.Events(data.EventFilter{})
	if err != nil || len(events) == 0 {
		return
	}
	ev := events[rng.IntN(len(events))]
	if rng.IntN(4) == 0 {
		if err := store.Delete(data.KindEvent, ev.ID); err != nil {
			t.Fatalf("child: delete: %v", err)
		}
		return
	}
	ev.Description = fmt.Sprintf("Redaguota %d.", serial)
	if err := store.Save(&ev); err != nil {
		t.Fatalf("child: edit: %v", err)
	}
}

// killSwitch kills the child process from inside a server handler, before
// or after the real handler ran, at the first request of the armed kind.
type killSwitch struct {
	mu      sync.Mutex
	process *os.Process
	method  string // http.MethodPost (push) or http.MethodGet (pull); "" disarms
	after   bool   // kill after the server committed and before it responds
	kills   map[string]int
}

func (k *killSwitch) arm(p *os.Process, method string, after bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.process, k.method, k.after = p, method, after
}

// take returns the process to kill for a request, and disarms the switch.
func (k *killSwitch) take(r *http.Request) (*os.Process, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.process == nil || r.Method != k.method || r.URL.Path != "/api/v1/changes" {
		return nil, false
	}
	p, after := k.process, k.after
	k.process = nil
	name := map[string]string{http.MethodPost: "push", http.MethodGet: "pull"}[r.Method]
	if after {
		name += " after commit"
	}
	k.kills[name]++
	return p, after
}

func (k *killSwitch) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, after := k.take(r)
		if p != nil && !after {
			p.Kill()
		}
		next.ServeHTTP(w, r)
		if p != nil && after {
			p.Kill()
		}
	})
}

func TestSyncKilledMidPushAndPull(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("the child process does not start children")
	}
	kill := &killSwitch{kills: make(map[string]int)}
	ts := newTestServer(t, kill.wrap)
	dataPath := filepath.Join(t.TempDir(), "partneryste.db")
	rng := rand.New(rand.NewPCG(5, 8))

	run := func(cfg childConfig) (*exec.Cmd, *bytes.Buffer) {
		raw, _ := json.Marshal(cfg)
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncChildProcess$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), childEnv+"="+string(raw))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatalf("start child: %v", err)
		}
		return cmd, &out
	}

	const rounds = 12
	for round := range rounds {
		cmd, out := run(childConfig{Data: dataPath, URL: ts.URL, Token: ts.AssocToken, Seed: uint64(round + 1)})
		var timer *time.Timer
		switch round % 3 {
		case 0:
			kill.arm(cmd.Process, http.MethodPost, rng.IntN(2) == 0)
		case 1:
			kill.arm(cmd.Process, http.MethodGet, rng.IntN(2) == 0)
		default:
			// At a random moment: in a save, a bbolt commit or a request.
			timer = time.AfterFunc(time.Duration(20+rng.IntN(300))*time.Millisecond, func() { cmd.Process.Kill() })
		}
		err := cmd.Wait()
		kill.arm(nil, "", false)
		if timer != nil {
			timer.Stop()
		}

		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: child ended with %v, want it killed; output:\n%s", round, err, out)
		}
	}
	t.Logf("kills: %v", kill.kills)
	if kill.kills["push"]+kill.kills["push after commit"] == 0 || kill.kills["pull"]+kill.kills["pull after commit"] == 0 {
		t.Fatalf("kills = %v, want kills in both push and pull", kill.kills)
	}

	cmd, out := run(childConfig{Data: dataPath, URL: ts.URL, Token: ts.AssocToken, Settle: true})
	if err := cmd.Wait(); err != nil {
		t.Fatalf("settling child: %v; output:\n%s", err, out)
	}

	store := openClientStore(t, dataPath)
	if n := len(ts.records(t)); n == 0 {
		t.Fatal("the server holds no records; the children saved nothing")
	}
	assertConverged(t, ts, store)
}
