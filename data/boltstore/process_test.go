package boltstore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"partneryste/data"
)

// Child processes are this test binary started again with childEnv set to
// a role and childPathEnv to the data file.
const (
	childEnv     = "BOLTSTORE_TEST_CHILD"
	childPathEnv = "BOLTSTORE_TEST_PATH"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		code := m.Run()
		removeBenchFile()
		os.Exit(code)
	case "hold":
		os.Exit(childHold(os.Getenv(childPathEnv)))
	case "save":
		os.Exit(childSave(os.Getenv(childPathEnv)))
	default:
		fmt.Fprintf(os.Stderr, "unknown %s role %q\n", childEnv, os.Getenv(childEnv))
		os.Exit(2)
	}
}

// childHold opens the store, prints "ready" and keeps it open until its
// standard input closes.
func childHold(path string) int {
	s, err := Open(path, Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 1
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "close:", err)
		return 1
	}
	return 0
}

// childSave saves new and updated records without end and prints
// "<kind> <id> <revision>" after each Save returns. It stops by itself
// after maxChildSaves saves in case its parent never kills it.
func childSave(path string) int {
	const maxChildSaves = 20000
	s, err := Open(path, Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	var saved []data.Record
	for i := range maxChildSaves {
		var r data.Record
		switch {
		case len(saved) > 0 && i%3 == 0:
			r = saved[rand.IntN(len(saved))]
		case i%2 == 0:
			r = newCase(fmt.Sprintf("Atvejis %d – žinių patikrinimas", i), "Fizika", data.CaseDraft)
		default:
			r = newConsultation(fmt.Sprintf("Konsultacija %d", i), day(2026, 3, 1+i%28), data.ConsultationNew)
		}
		if err := s.Save(r); err != nil {
			fmt.Fprintln(os.Stderr, "save:", err)
			return 1
		}
		if r.Header().Revision == 1 {
			saved = append(saved, r)
		}
		fmt.Fprintf(out, "%s %s %d\n", r.RecordKind(), r.Header().ID, r.Header().Revision)
		if err := out.Flush(); err != nil {
			return 1
		}
	}
	return 0
}

func childCommand(ctx context.Context, role, path string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+role, childPathEnv+"="+path)
	cmd.Stderr = os.Stderr
	return cmd
}

func TestOpenLockedByOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	seed, err := Open(path, testOptions(newTestClock()))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	mustSave(t, seed, newEvent("Užrakinto failo renginys", vilnius(2026, 3, 1, 10, 0)))
	if err := seed.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	before := readFile(t, path)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := childCommand(ctx, "hold", path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	defer func() {
		_ = stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("child holding the file: %v", err)
		}
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "ready" {
		t.Fatalf("child did not open the file: %q, %v", line, err)
	}

	start := time.Now()
	_, err = Open(path, Options{Logger: quietLogger, AutoBackupEvery: -1})
	elapsed := time.Since(start)
	if !errors.Is(err, data.ErrLocked) {
		t.Fatalf("Open(locked) = %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	// The default timeout is one second; the bound only catches a hang.
	if elapsed > 5*time.Second {
		t.Errorf("Open(locked) took %v, want about one second", elapsed)
	}
	t.Logf("Open(locked) returned after %v", elapsed.Round(time.Millisecond))

	if err := Check(path, Options{Timeout: 100 * time.Millisecond}); !errors.Is(err, data.ErrLocked) {
		t.Errorf("Check(locked) = %v, want ErrLocked", err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(backup, before, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Restore(backup, path, Options{Logger: quietLogger, Timeout: 100 * time.Millisecond}); !errors.Is(err, data.ErrLocked) {
		t.Errorf("Restore(onto locked file) = %v, want ErrLocked", err)
	}
	if matches, _ := filepath.Glob(path + ".before-restore-*"); len(matches) != 0 {
		t.Errorf("Restore onto a locked file left %v", matches)
	}
}

// TestCrashKeepsEverySave kills a process that is saving records at
// random points and checks after each kill that every save it reported
// is in the file with its outbox entry.
func TestCrashKeepsEverySave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is not available on Windows")
	}
	rounds := 30
	if testing.Short() {
		rounds = 5
	}
	path := filepath.Join(t.TempDir(), "partneryste.db")
	type key struct {
		kind data.Kind
		id   string
	}
	reported := make(map[key]int64)
	for round := range rounds {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := childCommand(ctx, "save", path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatalf("round %d: start child: %v", round, err)
		}
		killAfter := 1 + rand.IntN(150)
		lines := bufio.NewScanner(stdout)
		read := 0
		for read < killAfter && lines.Scan() {
			fields := strings.Fields(lines.Text())
			if len(fields) != 3 {
				t.Fatalf("round %d: child printed %q", round, lines.Text())
			}
			rev, err := strconv.ParseInt(fields[2], 10, 64)
			if err != nil {
				t.Fatalf("round %d: child printed %q", round, lines.Text())
			}
			k := key{data.Kind(fields[0]), fields[1]}
			reported[k] = max(reported[k], rev)
			read++
		}
		_ = cmd.Process.Kill()
		// Lines printed between the last read and the kill are saves too.
		for lines.Scan() {
			fields := strings.Fields(lines.Text())
			if len(fields) == 3 {
				rev, _ := strconv.ParseInt(fields[2], 10, 64)
				k := key{data.Kind(fields[0]), fields[1]}
				reported[k] = max(reported[k], rev)
			}
		}
		_ = cmd.Wait()
		cancel()
		if read < killAfter {
			t.Fatalf("round %d: child stopped after %d saves, before the kill", round, read)
		}

		s, err := Open(path, Options{Logger: quietLogger, AutoBackupEvery: -1})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if err := s.Verify(); err != nil {
			t.Errorf("round %d: Verify after kill: %v", round, err)
		}
		for k, rev := range reported {
			var got int64
			switch k.kind {
			case data.KindPractice:
				c, err := s.PracticeCase(k.id)
				if err != nil {
					t.Fatalf("round %d: reported case %s: %v", round, k.id, err)
				}
				got = c.Revision
			case data.KindConsultation:
				c, err := s.Consultation(k.id)
				if err != nil {
					t.Fatalf("round %d: reported consultation %s: %v", round, k.id, err)
				}
				got = c.Revision
			}
			if got < rev {
				t.Errorf("round %d: %s %s has revision %d, child reported %d", round, k.kind, k.id, got, rev)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatalf("round %d: close: %v", round, err)
		}
	}
	t.Logf("%d rounds, %d records reported saved", rounds, len(reported))
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
