package app

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/syncclient"
	"partneryste/data/wire"
)

// syncServer starts the coordinator's server on a loopback port and
// returns its address, its store and an association's token.
func syncServer(t *testing.T) (string, *serverstore.Store, string) {
	t.Helper()
	store, err := serverstore.Open(filepath.Join(t.TempDir(), "server.db"), serverstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ctx := context.Background()
	if err := store.AddAssociation(ctx, server.Association{ID: "lkma", Name: "Lietuvių kalbos mokytojų asociacija", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	token, _, err := server.IssueToken(ctx, store, wire.RoleAssociation, "lkma", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(store, server.Options{Rate: -1}))
	t.Cleanup(srv.Close)
	return srv.URL, store, token
}

func serverRecordCount(t *testing.T, store *serverstore.Store) int {
	t.Helper()
	n := 0
	err := store.Changes(context.Background(), 0, func(rec server.StoredRecord) (bool, error) {
		if !rec.Deleted {
			n++
		}
		return true, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCLI_syncWithStoredSettings(t *testing.T) {
	url, srvStore, token := syncServer(t)
	path := dataFile(t)
	store := openData(t, path)
	if err := store.Save(&data.Event{Title: "Seminaras", Type: data.EventSeminar,
		Start: time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 11, 10, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	tokenFile := writeFile(t, "token.txt", token+"\n")

	code, stdout, stderr := run(t, "en", "sync-settings", "-data", path, "-server", url, "-token-file", tokenFile)
	if code != exitOK {
		t.Fatalf("sync-settings exit %d, stderr:\n%s", code, stderr)
	}
	if strings.Contains(stdout+stderr, token) {
		t.Error("sync-settings printed the token")
	}
	info, err := os.Stat(syncclient.SettingsPath(path))
	if err != nil {
		t.Fatalf("settings file: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("settings file permissions %o, want 600", perm)
	}

	code, stdout, stderr = run(t, "en", "sync", "-data", path)
	if code != exitOK {
		t.Fatalf("sync exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Sent to the server: 1.") {
		t.Errorf("sync output does not report one change sent:\n%s", stdout)
	}
	if strings.Contains(stdout+stderr, token) {
		t.Error("sync printed the token")
	}
	if n := serverRecordCount(t, srvStore); n != 1 {
		t.Errorf("server holds %d records, want 1", n)
	}

	code, stdout, _ = run(t, "lt", "sync", "-data", path)
	if code != exitOK || !strings.Contains(stdout, "Išsiųsta į serverį: 0.") {
		t.Errorf("second sync exit %d, output:\n%s", code, stdout)
	}
	reopened := openData(t, path)
	defer reopened.Close()
	if counts, _ := reopened.Counts(); counts.Outbox != 0 {
		t.Errorf("outbox has %d entries after sync, want 0", counts.Outbox)
	}
}

func TestCLI_syncFailures(t *testing.T) {
	url, _, _ := syncServer(t)
	path := dataFile(t)

	code, _, stderr := run(t, "en", "sync", "-data", path)
	if code != exitFailure || !strings.Contains(stderr, "Sync is not set up") {
		t.Errorf("sync without settings: exit %d, stderr:\n%s", code, stderr)
	}

	wrong := writeFile(t, "wrong.txt", "not-the-token")
	code, stdout, stderr := run(t, "en", "sync", "-data", path, "-server", url, "-token-file", wrong)
	if code != exitFailure || !strings.Contains(stderr, "did not accept the token") {
		t.Errorf("sync with a wrong token: exit %d, stderr:\n%s", code, stderr)
	}
	if strings.Contains(stdout+stderr, "not-the-token") {
		t.Error("sync printed the token")
	}
	if stdout != "" {
		t.Errorf("a failed sync printed counts:\n%s", stdout)
	}
	if strings.Contains(stderr, "level=") {
		t.Errorf("a failed sync printed log lines without -v:\n%s", stderr)
	}

	// Plain http to another host is rejected before any request is made.
	code, _, stderr = run(t, "en", "sync-settings", "-data", path, "-server", "http://sync.example.lt", "-token-file", wrong)
	if code != exitUsage || !strings.Contains(stderr, "allowed only for this computer (localhost, 127.0.0.1)") {
		t.Errorf("sync-settings with plain http: exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(syncclient.SettingsPath(path)); err == nil {
		t.Error("rejected settings were saved")
	}

	code, _, stderr = run(t, "en", "sync-settings", "-data", path, "-server", url)
	if code != exitUsage {
		t.Errorf("sync-settings without -token-file: exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = run(t, "en", "sync", "-data", path, "-server", url, "-token-file", filepath.Join(t.TempDir(), "missing.txt"))
	if code != exitFailure || !strings.Contains(stderr, "Cannot read the token") {
		t.Errorf("sync with a missing token file: exit %d, stderr:\n%s", code, stderr)
	}
}

func TestCLI_syncServerDown(t *testing.T) {
	srv := httptest.NewServer(nil)
	url := srv.URL
	srv.Close()
	path := dataFile(t)
	token := writeFile(t, "token.txt", "some-token")

	code, _, stderr := run(t, "en", "sync", "-data", path, "-server", url, "-token-file", token)
	if code != exitFailure || !strings.Contains(stderr, "cannot be reached") {
		t.Errorf("sync with the server down: exit %d, stderr:\n%s", code, stderr)
	}
}

func TestCLI_syncSettingsMessagesTranslated(t *testing.T) {
	path := dataFile(t)
	token := writeFile(t, "token.txt", "some-token")

	cases := []struct {
		name, server, want string
	}{
		{"ftp", "ftp://127.0.0.1/", "Serverio adresas „ftp://127.0.0.1/“ netinkamas. Jis turi prasidėti https:// (arba http:// šiam kompiuteriui: localhost, 127.0.0.1)"},
		{"no scheme", "partneryste.example.lt", "Serverio adresas „partneryste.example.lt“ netinkamas."},
		{"plain http", "http://partneryste.example.lt", "Adresas „http://partneryste.example.lt“ su http:// leidžiamas tik šiam kompiuteriui"},
	}
	for _, command := range []string{"sync", "sync-settings"} {
		for _, c := range cases {
			t.Run(command+"/"+c.name, func(t *testing.T) {
				code, stdout, stderr := run(t, "lt", command, "-data", path, "-server", c.server, "-token-file", token)
				if code != exitUsage {
					t.Errorf("exit %d, want %d", code, exitUsage)
				}
				if !strings.Contains(stderr, c.want) {
					t.Errorf("stderr = %q, want it to contain %q", stderr, c.want)
				}
				for _, english := range []string{"must start", "invalid", "level="} {
					if strings.Contains(stderr, english) {
						t.Errorf("stderr contains English %q:\n%s", english, stderr)
					}
				}
				if stdout != "" {
					t.Errorf("stdout = %q, want nothing", stdout)
				}
			})
		}
	}
	if _, err := os.Stat(syncclient.SettingsPath(path)); err == nil {
		t.Error("rejected settings were saved")
	}
}

func TestCLI_syncVerboseLog(t *testing.T) {
	srv := httptest.NewServer(nil)
	url := srv.URL
	srv.Close()
	path := dataFile(t)
	token := writeFile(t, "token.txt", "some-token")

	_, _, quiet := run(t, "en", "sync", "-data", path, "-server", url, "-token-file", token)
	if strings.Contains(quiet, "level=") {
		t.Errorf("sync without -v printed log lines:\n%s", quiet)
	}
	code, stdout, verbose := run(t, "en", "sync", "-v", "-data", path, "-server", url, "-token-file", token)
	if code != exitFailure {
		t.Errorf("sync -v with the server down: exit %d", code)
	}
	if !strings.Contains(verbose, "level=") {
		t.Errorf("sync -v printed no log lines:\n%s", verbose)
	}
	if !strings.Contains(verbose, "cannot be reached") {
		t.Errorf("sync -v lost the translated message:\n%s", verbose)
	}
	if stdout != "" {
		t.Errorf("a failed sync printed counts:\n%s", stdout)
	}
	if strings.Contains(verbose, "some-token") {
		t.Error("the log shows the token")
	}
}
