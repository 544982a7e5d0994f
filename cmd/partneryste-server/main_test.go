package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// binary is the server built once for the tests, without cgo as it ships.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "partneryste-server-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "partneryste-server")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build the server: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// admin runs one admin command and returns its stdout and stderr.
func admin(t *testing.T, dataFile string, args ...string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(binary, append(args, "-data", dataFile)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

func mustAdmin(t *testing.T, dataFile string, args ...string) string {
	t.Helper()
	stdout, stderr, err := admin(t, dataFile, args...)
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	return stdout
}

func TestAdminCommands(t *testing.T) {
	dataFile := filepath.Join(t.TempDir(), "server.db")
	mustAdmin(t, dataFile, "add-association", "-id", "lma", "-name", "Lietuvos matematikų asociacija")
	token := strings.TrimSpace(mustAdmin(t, dataFile, "issue-token", "-association", "lma"))
	coordinator := strings.TrimSpace(mustAdmin(t, dataFile, "issue-coordinator-token"))
	mustAdmin(t, dataFile, "issue-coordinator-token", "-name", "Rasa Kazlauskienė")

	if len(token) != 43 || len(coordinator) != 43 {
		t.Errorf("token lengths = %d and %d, want 43", len(token), len(coordinator))
	}
	list := mustAdmin(t, dataFile, "list-associations")
	if !strings.Contains(list, "Lietuvos matematikų asociacija") || !strings.Contains(list, "(coordinator)") {
		t.Errorf("list-associations output lacks the association or the coordinator:\n%s", list)
	}
	for _, name := range []string{`"Koordinatorius"`, `"Rasa Kazlauskienė"`} {
		if !strings.Contains(list, name) {
			t.Errorf("list-associations output lacks the coordinator token name %s:\n%s", name, list)
		}
	}
	if strings.Contains(list, token) || strings.Contains(list, coordinator) {
		t.Error("list-associations prints a token")
	}

	var tokenID string
	for _, field := range strings.Fields(list) {
		if strings.HasPrefix(field, "t") && len(strings.TrimSuffix(field, ",")) == 13 {
			tokenID = strings.TrimSuffix(field, ",")
			break
		}
	}
	if tokenID == "" {
		t.Fatalf("no token id in:\n%s", list)
	}
	mustAdmin(t, dataFile, "revoke-token", "-id", tokenID)
	if list := mustAdmin(t, dataFile, "list-associations"); !strings.Contains(list, tokenID+" (revoked") {
		t.Errorf("list-associations does not mark %s revoked:\n%s", tokenID, list)
	}

	failures := [][]string{
		{"add-association", "-id", "lma", "-name", "Again"},
		{"add-association", "-id", "bad id", "-name", "x"},
		{"add-association", "-id", "x"},
		{"issue-token", "-association", "nobody"},
		{"issue-token"},
		{"issue-coordinator-token", "-name", strings.Repeat("ž", server.MaxTokenName+1)},
		{"issue-coordinator-token", "-name", "Rasa\nKazlauskienė"},
		{"revoke-token", "-id", "t000000000000"},
		{"no-such-command"},
		{"serve", "-tls-cert", "only-cert.pem"},
	}
	for _, args := range failures {
		if _, stderr, err := admin(t, dataFile, args...); err == nil || stderr == "" {
			t.Errorf("%v succeeded or printed nothing on stderr (%q), want an error", args, stderr)
		}
	}
}

// logLines collects the JSON log lines of a running server.
type logLines struct {
	lines chan map[string]any
	raw   bytes.Buffer
}

func readLogs(r io.Reader) *logLines {
	l := &logLines{lines: make(chan map[string]any, 100)}
	go func() {
		defer close(l.lines)
		scanner := bufio.NewScanner(r)
		for scanner.Scan() {
			l.raw.Write(scanner.Bytes())
			l.raw.WriteByte('\n')
			var line map[string]any
			if json.Unmarshal(scanner.Bytes(), &line) == nil {
				l.lines <- line
			}
		}
	}()
	return l
}

// waitFor returns the first log line with the message, failing after 30 s.
func (l *logLines) waitFor(t *testing.T, msg string) map[string]any {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-l.lines:
			if !ok {
				t.Fatalf("server exited before logging %q", msg)
			}
			if line["msg"] == msg {
				return line
			}
		case <-timeout:
			t.Fatalf("no %q log line within 30 s", msg)
		}
	}
}

func TestServe_gracefulShutdown(t *testing.T) {
	dataFile := filepath.Join(t.TempDir(), "server.db")
	mustAdmin(t, dataFile, "add-association", "-id", "lma", "-name", "LMA")
	token := strings.TrimSpace(mustAdmin(t, dataFile, "issue-token", "-association", "lma"))

	cmd := exec.Command(binary, "serve", "-addr", "127.0.0.1:0", "-data", dataFile)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	logs := readLogs(stderr)
	addr := logs.waitFor(t, "server started")["addr"].(string)

	// An admin command against the running server's file fails quickly.
	start := time.Now()
	_, adminErr, err := admin(t, dataFile, "issue-token", "-association", "lma")
	if err == nil || !strings.Contains(adminErr, "in use") {
		t.Errorf("issue-token while serving: %v %q, want an in-use error", err, adminErr)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("issue-token while serving took %v, want about one second", elapsed)
	}

	// Send the headers and the first half of a push, asking for
	// 100-continue: the server sends it once the handler starts reading
	// the body, so the request is in flight when SIGTERM arrives.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"e1","op":"put","base_revision":0,` +
		`"record":{"title":"Seminaras","type":"seminar","start":"2026-03-11T08:00:00Z","end":"2026-03-11T10:00:00Z"}}]}`
	half := len(body) / 2
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n",
		wire.PathChanges, addr, token, len(body))
	reader := bufio.NewReader(conn)
	status, err := reader.ReadString('\n')
	if err != nil || !strings.Contains(status, "100 Continue") {
		t.Fatalf("interim response = %q (%v), want 100 Continue", status, err)
	}
	if _, err := reader.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(conn, body[:half]); err != nil {
		t.Fatal(err)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	logs.waitFor(t, "shutting down")

	if _, err := io.WriteString(conn, body[half:]); err != nil {
		t.Fatalf("finish the body after SIGTERM: %v", err)
	}
	status, err = reader.ReadString('\n')
	if err != nil || !strings.HasPrefix(status, "HTTP/1.1 200") {
		t.Fatalf("in-flight response = %q (%v), want 200", status, err)
	}

	logs.waitFor(t, "server stopped")
	if err := cmd.Wait(); err != nil {
		t.Errorf("server exit: %v, want 0", err)
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("server still accepts connections after shutdown")
	}
	if strings.Contains(logs.raw.String(), token) {
		t.Error("server log contains the token")
	}

	// The push was committed before the server stopped.
	store, err := serverstore.Open(dataFile, serverstore.Options{})
	if err != nil {
		t.Fatalf("open the data file after shutdown: %v", err)
	}
	defer store.Close()
	if seq, err := store.LastSeq(context.Background()); err != nil || seq != 1 {
		t.Errorf("writes after shutdown = %d (%v), want the one in-flight push", seq, err)
	}
}
