package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/syncclient"
	"partneryste/data/wire"
)

// syncTestServer is the real coordinator's server on a loopback port with
// its bbolt file in a temporary folder.
type syncTestServer struct {
	URL              string
	Store            *serverstore.Store
	Token            string
	CoordinatorToken string
}

const (
	syncTestAssociation     = "lmd"
	syncTestAssociationName = "Lietuvos matematikos mokytojų draugija"
)

func newSyncTestServer(t *testing.T) *syncTestServer {
	t.Helper()
	return newTestServer(t, syncTestAssociation, syncTestAssociationName)
}

// serverRecord returns the server's stored record, and false when the
// server has none.
func (ts *syncTestServer) serverRecord(t *testing.T, kind data.Kind, id string) (server.StoredRecord, bool) {
	t.Helper()
	var rec server.StoredRecord
	var found bool
	err := ts.Store.Update(context.Background(), func(tx server.Tx) error {
		var err error
		rec, found, err = tx.Record(kind, id)
		return err
	})
	if err != nil {
		t.Fatalf("read server record: %v", err)
	}
	return rec, found
}

// review posts the coordinator's review of a case.
func (ts *syncTestServer) review(t *testing.T, id string, req wire.ReviewRequest) {
	t.Helper()
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	r, err := http.NewRequest(http.MethodPost, ts.URL+wire.PathReview+id, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Authorization", "Bearer "+ts.CoordinatorToken)
	r.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatalf("post review: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(resp.Body)
		t.Fatalf("review status = %d: %s", resp.StatusCode, msg)
	}
}

// syncClientOptions make a failed request end at once, so error cases
// need no waiting.
var syncClientOptions = syncclient.Options{Retry: syncclient.RetryPolicy{MaxAttempts: 1}}

// newSyncTestEnv returns a records env with a SyncService on its store.
func newSyncTestEnv(t *testing.T) *Env {
	t.Helper()
	env := newRecordsTestEnv(t)
	store := env.Store.(SyncStore)
	env.Sync = NewSyncService(SyncOptions{
		Store:  func() SyncStore { return store },
		Log:    env.Log,
		Client: syncClientOptions,
	})
	t.Cleanup(env.Sync.Close)
	return env
}

// newSyncTestScreen shows the sync section in the test window and routes
// the service's events to it, as the main window does.
func newSyncTestScreen(t *testing.T, env *Env) *syncScreen {
	t.Helper()
	s := newSyncScreen(env)
	t.Cleanup(env.Sync.Subscribe(s.onSyncEvent))
	s.refresh()
	showScreen(env, s.content())
	return s
}

// saveSyncSettings stores the settings through the service.
func saveSyncSettings(t *testing.T, env *Env, url, token string) {
	t.Helper()
	if err := env.Sync.SaveSettings(syncclient.Settings{ServerURL: url, Token: token}); err != nil {
		t.Fatalf("save sync settings: %v", err)
	}
}

// newConnectedSyncEnv returns a new server and an env whose sync
// settings point at it with the association's token.
func newConnectedSyncEnv(t *testing.T) (*syncTestServer, *Env) {
	t.Helper()
	ts := newSyncTestServer(t)
	env := newSyncTestEnv(t)
	saveSyncSettings(t, env, ts.URL, ts.Token)
	return ts, env
}

// closedServerURL returns the address of a loopback server that has
// already stopped, so that connecting to it fails at once.
func closedServerURL(t *testing.T) string {
	t.Helper()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	return closed.URL
}

// checkTombstone reports an error unless the server stores the record as
// deleted.
func (ts *syncTestServer) checkTombstone(t *testing.T, kind data.Kind, id string) {
	t.Helper()
	rec, found := ts.serverRecord(t, kind, id)
	if !found || !rec.Deleted {
		t.Errorf("server record found %v deleted %v, want a tombstone", found, rec.Deleted)
	}
}

// tapSyncNow taps "Sinchronizuoti dabar" and waits until the result is
// on the screen.
func tapSyncNow(t *testing.T, s *syncScreen) {
	t.Helper()
	s.syncDone = nil
	test.Tap(s.syncButton)
	if s.syncDone == nil {
		t.Fatalf("sync did not start; status %q", s.syncStatus.Text)
	}
	<-s.syncDone
}

// tapTestConnection taps "Tikrinti ryšį" and returns the shown result.
func tapTestConnection(t *testing.T, s *syncScreen) string {
	t.Helper()
	s.testDone = nil
	test.Tap(s.testButton)
	if s.testDone != nil {
		<-s.testDone
	}
	return s.settingsStatus.Text
}

// syncStoreDirectly syncs a second copy of the data file with the server,
// as another computer of the association would.
func syncStoreDirectly(t *testing.T, store *boltstore.DB, url, token string) syncclient.Report {
	t.Helper()
	client, err := syncclient.New(syncclient.Options{ServerURL: url, Token: token, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	report, err := syncclient.NewSyncer(client, store, syncclient.SyncOptions{Logger: slog.New(slog.DiscardHandler)}).Sync(context.Background(), nil)
	if err != nil {
		t.Fatalf("sync second copy: %v", err)
	}
	return report
}

func TestSyncScreen_testConnection(t *testing.T) {
	ts := newSyncTestServer(t)
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)

	test.Type(s.serverURL, ts.URL)
	test.Type(s.token, ts.Token)
	got := tapTestConnection(t, s)
	want := T("syncui.connected_association", map[string]any{"Name": syncTestAssociationName, "ID": syncTestAssociation})
	if got != want {
		t.Errorf("connection answer = %q, want %q", got, want)
	}
	if !strings.Contains(got, "Lietuvos matematikos mokytojų draugija") {
		t.Errorf("connection answer %q does not name the association", got)
	}
	if s.settingsStatus.Importance != widget.SuccessImportance {
		t.Errorf("importance = %v, want success", s.settingsStatus.Importance)
	}

	replaceText(s.token, ts.CoordinatorToken)
	if got := tapTestConnection(t, s); got != T("syncui.connected_coordinator") {
		t.Errorf("coordinator answer = %q", got)
	}
}

func TestSyncScreen_testConnectionErrors(t *testing.T) {
	ts := newSyncTestServer(t)
	closedURL := closedServerURL(t)

	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)

	cases := []struct {
		name, url, token, want string
	}{
		{"wrong token", ts.URL, "not-a-valid-token-at-all", T("syncui.error.unauthorized")},
		{"server down", closedURL, ts.Token, T("syncui.error.unreachable")},
		{"empty address", "", ts.Token, T("syncui.server_url_required")},
		{"empty token", ts.URL, "", T("syncui.token_required")},
		{"not http", "ftp://127.0.0.1/", ts.Token, T("syncui.server_url_invalid")},
		{"user name in the address", "https://vardas@partneryste.example.lt", ts.Token, T("syncui.server_url_invalid")},
		{"plain http to another host", "http://partneryste.example.lt", ts.Token, T("syncui.server_url_http")},
		{"token with a space", ts.URL, "abc def", T("syncui.token_invalid")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replaceText(s.serverURL, c.url)
			replaceText(s.token, c.token)
			if got := tapTestConnection(t, s); got != c.want {
				t.Errorf("answer = %q, want %q", got, c.want)
			}
			if s.settingsStatus.Importance != widget.DangerImportance {
				t.Errorf("importance = %v, want danger", s.settingsStatus.Importance)
			}
		})
	}
}

func TestCheckSyncSettings_problems(t *testing.T) {
	const token = "tokenas-be-tarpu"
	cases := []struct {
		name, url, token string
		want             SettingsProblem
	}{
		{"https", "https://partneryste.example.lt", token, SettingsOK},
		{"http to 127.0.0.1", "http://127.0.0.1:8470", token, SettingsOK},
		{"http to localhost", "http://localhost:8470", token, SettingsOK},
		{"empty address", "", token, SettingsServerURLMissing},
		{"empty token", "https://partneryste.example.lt", "", SettingsTokenMissing},
		{"ftp", "ftp://127.0.0.1/", token, SettingsServerURLInvalid},
		{"no scheme", "partneryste.example.lt", token, SettingsServerURLInvalid},
		{"query", "https://partneryste.example.lt/?a=1", token, SettingsServerURLInvalid},
		{"http with a user name", "http://vardas@127.0.0.1", token, SettingsServerURLInvalid},
		{"http to another host", "http://partneryste.example.lt", token, SettingsServerURLHTTP},
		{"token with a space", "https://partneryste.example.lt", "abc def", SettingsTokenInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := CheckSyncSettings(syncclient.Settings{ServerURL: c.url, Token: c.token})
			if got != c.want {
				t.Errorf("CheckSyncSettings(%q) = %q, want %q", c.url, got, c.want)
			}
		})
	}
}

func TestSyncScreen_addressMessageNamesLoopback(t *testing.T) {
	for _, key := range []string{"syncui.server_url_invalid", "syncui.server_url_http"} {
		for _, language := range []string{"lt", "en"} {
			t.Run(key+"/"+language, func(t *testing.T) {
				useLanguage(t, language)
				text := T(key)
				if !strings.Contains(text, "http://") || !strings.Contains(text, "127.0.0.1") || !strings.Contains(text, "localhost") {
					t.Errorf("%s = %q, want it to allow http:// for localhost and 127.0.0.1", key, text)
				}
			})
		}
	}
}

func TestSyncScreen_saveSettings(t *testing.T) {
	ts := newSyncTestServer(t)
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)

	test.Type(s.serverURL, ts.URL)
	test.Type(s.token, ts.Token)
	if !s.dirty() {
		t.Fatal("typed settings are not reported as unsaved")
	}
	test.Tap(s.saveSettings)
	if s.settingsStatus.Text != T("syncui.settings_saved") {
		t.Fatalf("status = %q", s.settingsStatus.Text)
	}

	path := syncclient.SettingsPath(env.Store.Path())
	checkFileMode(t, path, 0o600)
	saved, err := syncclient.LoadSettings(path)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ServerURL != ts.URL || saved.Token != ts.Token {
		t.Errorf("saved settings = %v, want server %s and the typed token", saved, ts.URL)
	}

	if s.token.Text != "" {
		t.Error("the token field still holds the token after saving")
	}
	if strings.Contains(s.token.PlaceHolder, ts.Token) {
		t.Error("the placeholder shows the whole token")
	}
	if !strings.Contains(s.token.PlaceHolder, "…"+ts.Token[len(ts.Token)-4:]+")") {
		t.Errorf("placeholder = %q, want the last four characters only", s.token.PlaceHolder)
	}
	if s.dirty() {
		t.Error("saved settings are reported as unsaved")
	}

	// A new screen, as after a restart, shows the address but not the token.
	again := newSyncTestScreen(t, env)
	if again.serverURL.Text != ts.URL || again.token.Text != "" {
		t.Errorf("reloaded fields = %q, %q", again.serverURL.Text, again.token.Text)
	}
	// An empty token field keeps the stored token for the connection test.
	if got := tapTestConnection(t, again); !strings.Contains(got, syncTestAssociationName) {
		t.Errorf("test with the stored token = %q", got)
	}
}

func TestMainWindow_roleChangeKeepsTypedSettings(t *testing.T) {
	ts := newSyncTestServer(t)
	env := newSyncTestEnv(t)
	w := NewMainWindow(env, WindowOptions{Language: "lt", SetLanguage: testLanguageSetter(t)})
	w.show(sectionSync)
	before := w.sync

	test.Type(before.serverURL, ts.URL)
	test.Type(before.token, ts.CoordinatorToken)
	if got := tapTestConnection(t, before); got != T("syncui.connected_coordinator") {
		t.Fatalf("connection answer = %q", got)
	}

	if w.sync == before {
		t.Fatal("a coordinator's token did not rebuild the window")
	}
	if len(w.sections) != sectionEdition+1 {
		t.Errorf("window has %d sections after the role change, want %d", len(w.sections), sectionEdition+1)
	}
	s := w.sync
	if s.serverURL.Text != ts.URL {
		t.Errorf("address after the rebuild = %q, want the typed %q", s.serverURL.Text, ts.URL)
	}
	if s.token.Text != ts.CoordinatorToken {
		t.Error("the typed token was lost in the rebuild")
	}
	if s.settingsStatus.Text != T("syncui.connected_coordinator") || !s.settingsStatus.Visible() {
		t.Errorf("status after the rebuild = %q (visible %v), want the test result", s.settingsStatus.Text, s.settingsStatus.Visible())
	}

	test.Tap(s.saveSettings)
	if s.settingsStatus.Text != T("syncui.settings_saved") {
		t.Fatalf("first save after the test: status = %q", s.settingsStatus.Text)
	}
	saved, err := env.Sync.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if saved.ServerURL != ts.URL || saved.Token != ts.CoordinatorToken {
		t.Errorf("saved settings = %v, want server %s and the coordinator's token", saved, ts.URL)
	}
}

func TestSyncScreen_saveRejectsBadInput(t *testing.T) {
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)

	test.Type(s.serverURL, "partneryste.example.lt")
	test.Type(s.token, "token")
	if err := s.save(); !errors.Is(err, errInvalidInput) {
		t.Fatalf("save = %v, want errInvalidInput", err)
	}
	if s.settingsStatus.Text != T("syncui.server_url_invalid") {
		t.Errorf("status = %q", s.settingsStatus.Text)
	}
	if _, err := env.Sync.Settings(); !errors.Is(err, syncclient.ErrNoSettings) {
		t.Errorf("settings after a rejected save: %v, want none saved", err)
	}
}

func TestSyncScreen_syncNowPushes(t *testing.T) {
	ts, env := newConnectedSyncEnv(t)
	c := validCase("Trupmenos virtuvėje")
	saveCase(t, env, c)
	s := newSyncTestScreen(t, env)

	if got := s.waiting.Text; got != "1 pakeitimas laukia" {
		t.Errorf("waiting before sync = %q", got)
	}
	if got := s.lastSync.Text; got != T("syncui.never") {
		t.Errorf("last sync before = %q", got)
	}

	tapSyncNow(t, s)
	if got := s.syncStatus.Text; !strings.HasPrefix(got, "Sinchronizuota. Išsiųsta: 1,") {
		t.Errorf("status = %q, want one change sent", got)
	}
	rec, found := ts.serverRecord(t, data.KindPractice, c.ID)
	if !found || rec.Association != syncTestAssociation {
		t.Fatalf("server record found=%v association=%q", found, rec.Association)
	}
	if !strings.Contains(string(rec.Body), "Trupmenos virtuvėje") {
		t.Errorf("server record body %s lacks the title", rec.Body)
	}
	if got := s.waiting.Text; got != "0 pakeitimų laukia" {
		t.Errorf("waiting after sync = %q", got)
	}
	if !regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`).MatchString(s.lastSync.Text) {
		t.Errorf("last sync = %q, want a yyyy-mm-dd HH:MM time", s.lastSync.Text)
	}
	if s.syncButton.Disabled() {
		t.Error("the sync button stays disabled after the sync")
	}
	if s.progress.Visible() {
		t.Error("the progress bar stays visible after the sync")
	}
}

func TestSyncScreen_syncNowAfterAutomaticSync(t *testing.T) {
	ts, env := newConnectedSyncEnv(t)
	c := validCase("Trupmenos virtuvėje")
	saveCase(t, env, c)
	s := newSyncTestScreen(t, env)

	// A sync that the user did not start, as the automatic loop runs,
	// sends the change before the user clicks.
	done := env.Sync.SyncNow()
	if done == nil {
		t.Fatal("background sync did not start")
	}
	<-done
	if _, found := ts.serverRecord(t, data.KindPractice, c.ID); !found {
		t.Fatal("the background sync did not send the case")
	}

	tapSyncNow(t, s)
	got := s.syncStatus.Text
	if !strings.HasPrefix(got, "Viskas jau sinchronizuota") {
		t.Errorf("status after a sync with nothing to do = %q, want it to say everything is in sync", got)
	}
	if strings.Contains(got, "Išsiųsta: 0") {
		t.Errorf("status %q reads as if nothing was sent", got)
	}
	if !regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`).MatchString(got) {
		t.Errorf("status = %q, want the last sync time", got)
	}
	if s.syncStatus.Importance != widget.SuccessImportance {
		t.Errorf("importance = %v, want success", s.syncStatus.Importance)
	}
}

func TestSyncScreen_explainsAutomaticSync(t *testing.T) {
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)
	if !contains(textsIn(s.content()), T("syncui.auto_hint")) {
		t.Error("the Sync section does not say that it also syncs by itself")
	}
}

func TestSyncScreen_waitingPlurals(t *testing.T) {
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)
	want := map[int]string{1: "1 pakeitimas laukia", 2: "2 pakeitimai laukia", 10: "10 pakeitimų laukia", 21: "21 pakeitimas laukia"}
	saved := 0
	for _, n := range []int{1, 2, 10, 21} {
		for ; saved < n; saved++ {
			saveCase(t, env, validCase("Aprašas "+string(rune('A'+saved))))
		}
		s.refresh()
		if s.waiting.Text != want[n] {
			t.Errorf("waiting for %d = %q, want %q", n, s.waiting.Text, want[n])
		}
	}
}

func TestSyncScreen_syncErrorsKeepChanges(t *testing.T) {
	ts := newSyncTestServer(t)
	closedURL := closedServerURL(t)

	cases := []struct {
		name, url, token, wantKey string
	}{
		{"wrong token", ts.URL, "revoked-or-mistyped-token", "syncui.error.unauthorized"},
		{"server down", closedURL, ts.Token, "syncui.error.unreachable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newSyncTestEnv(t)
			saveSyncSettings(t, env, c.url, c.token)
			saveCase(t, env, validCase("Neišsiųstas aprašas"))
			s := newSyncTestScreen(t, env)

			tapSyncNow(t, s)
			if want := T(c.wantKey); s.syncStatus.Text != want {
				t.Errorf("status = %q, want %q", s.syncStatus.Text, want)
			}
			if s.waiting.Text != "1 pakeitimas laukia" {
				t.Errorf("waiting after a failed sync = %q", s.waiting.Text)
			}
			if !strings.Contains(s.lastSync.Text, "nesinchronizuota") {
				t.Errorf("last sync = %q, want never", s.lastSync.Text)
			}
		})
	}
}

func TestSyncScreen_coordinatorTokenKeepsChanges(t *testing.T) {
	ts := newSyncTestServer(t)
	env := newSyncTestEnv(t)
	saveSyncSettings(t, env, ts.URL, ts.CoordinatorToken)
	c := validCase("Koordinatoriaus neišsiunčiamas")
	saveCase(t, env, c)
	s := newSyncTestScreen(t, env)

	tapSyncNow(t, s)
	// The coordinator's token may push only editions, so the server
	// rejects the case and the change stays waiting.
	if !strings.Contains(s.syncStatus.Text, "Serveris nepriėmė 1 pakeitimo") {
		t.Errorf("status = %q, want the rejection", s.syncStatus.Text)
	}
	if s.waiting.Text != "1 pakeitimas laukia" {
		t.Errorf("waiting = %q", s.waiting.Text)
	}
	if _, found := ts.serverRecord(t, data.KindPractice, c.ID); found {
		t.Error("the server stored a case pushed with the coordinator's token")
	}
}

func TestSyncScreen_syncWithoutSettings(t *testing.T) {
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)
	test.Tap(s.syncButton)
	if s.syncDone != nil {
		t.Fatal("a sync started without settings")
	}
	if s.syncStatus.Text != T("syncui.error.no_settings") {
		t.Errorf("status = %q", s.syncStatus.Text)
	}
}

func TestSyncScreen_rejectionNamesRecordAndField(t *testing.T) {
	_, env := newConnectedSyncEnv(t)
	// Only the coordinator may set "approved", so the server refuses it.
	c := validCase("Savarankiškai patvirtintas")
	c.Status = data.CaseApproved
	saveCase(t, env, c)
	s := newSyncTestScreen(t, env)

	tapSyncNow(t, s)
	if len(s.rejections) != 1 {
		t.Fatalf("rejections = %d, want 1", len(s.rejections))
	}
	text := s.rejectionText(s.rejections[0])
	if !strings.Contains(text, "Savarankiškai patvirtintas") {
		t.Errorf("rejection %q does not name the record", text)
	}
	if !strings.Contains(s.syncStatus.Text, "nepriėmė 1 pakeitimo") {
		t.Errorf("status %q does not report the rejection", s.syncStatus.Text)
	}
	if reason := T("syncui.reason.coordinator_status"); !strings.Contains(text, reason) {
		t.Errorf("rejection %q does not give the reason %q", text, reason)
	}

	// The change cannot be fixed field by field, so the list offers the
	// server's version; the server never had this case, so it goes.
	var restore *widget.Button
	for _, o := range s.rejectionBox.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == T("syncui.restore_server_version") {
			restore = b
		}
	}
	if restore == nil {
		t.Fatal("the rejection offers no restore button")
	}
	test.Tap(restore)
	s.refresh()
	if len(s.rejections) != 0 {
		t.Errorf("rejections after restore = %d, want 0", len(s.rejections))
	}
	if _, err := env.Store.PracticeCase(c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the case the server never had is still stored: %v", err)
	}
}

func TestSyncScreen_rejectionFieldText(t *testing.T) {
	env := newSyncTestEnv(t)
	s := newSyncTestScreen(t, env)
	c := validCase("Per ilgas pavadinimas")
	saveCase(t, env, c)
	text := s.rejectionText(boltstore.Rejection{
		Kind: data.KindPractice, RecordID: c.ID, Status: wire.StatusInvalid,
		Fields: []wire.FieldError{{Field: "title", Code: data.CodeTooLong, Limit: 300}},
	})
	want := FieldErrorText(data.KindPractice, data.FieldError{Field: "title", Code: data.CodeTooLong, Limit: 300})
	if !strings.Contains(text, "Per ilgas pavadinimas") || !strings.Contains(text, want) {
		t.Errorf("rejection text = %q, want the title and %q", text, want)
	}
	if !strings.Contains(want, FieldName(data.KindPractice, "title")) {
		t.Errorf("field message %q does not name the field", want)
	}
}

func TestPracticeEditor_showsPulledReview(t *testing.T) {
	ts, env := newConnectedSyncEnv(t)
	c := validCase("Geometrija kieme")
	c.Status = data.CaseReady
	saveCase(t, env, c)

	practice := newPracticeScreen(env)
	showScreen(env, practice.content())
	practice.open(c.ID)
	sync := newSyncScreen(env)
	sync.refresh()
	t.Cleanup(env.Sync.Subscribe(func(ev SyncEvent) {
		sync.onSyncEvent(ev)
		if ev.Kind == SyncFinished {
			practice.refresh()
		}
	}))
	tapSyncNow(t, sync)

	ts.review(t, c.ID, wire.ReviewRequest{Status: data.CaseReturned, Comment: "Trūksta rezultatų.",
		SectionComments: map[string]string{"results": "Papildykite rezultatus skaičiais."}})
	tapSyncNow(t, sync)

	e := practice.editor
	if e.base.Status != data.CaseReturned {
		t.Errorf("status after sync = %q, want returned", e.base.Status)
	}
	if !e.review.Visible() || !strings.Contains(e.review.Text, "Trūksta rezultatų.") {
		t.Errorf("review = %q (visible %v)", e.review.Text, e.review.Visible())
	}
	if !strings.Contains(e.review.Text, EnumLabel("practice.status", "returned")) {
		t.Errorf("review %q lacks the status", e.review.Text)
	}
	if !regexp.MustCompile(`Vertino \S+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}`).MatchString(e.review.Text) {
		t.Errorf("review %q lacks the reviewer and date", e.review.Text)
	}
	if l := e.comments["results"]; !l.Visible() || !strings.Contains(l.Text, "Papildykite rezultatus skaičiais.") {
		t.Errorf("section comment = %q (visible %v)", l.Text, l.Visible())
	}
	if e.history.Visible() {
		t.Errorf("history shown before a second review: %q", e.history.Text)
	}

	ts.review(t, c.ID, wire.ReviewRequest{Status: data.CaseApproved, Comment: "Puiku."})
	tapSyncNow(t, sync)
	if !strings.Contains(e.review.Text, "Puiku.") {
		t.Errorf("review after the second one = %q", e.review.Text)
	}
	if !e.history.Visible() || !strings.Contains(e.history.Text, "Trūksta rezultatų.") {
		t.Errorf("history = %q (visible %v)", e.history.Text, e.history.Visible())
	}
	if e.comments["results"].Visible() {
		t.Error("the section comment of the earlier review is still shown")
	}
}

func TestSyncService_autoSyncAfterSave(t *testing.T) {
	ts := newSyncTestServer(t)
	env := newRecordsTestEnv(t)
	store := env.Store.(SyncStore)
	svc := NewSyncService(SyncOptions{
		Store: func() SyncStore { return store }, Log: env.Log, Client: syncClientOptions,
		Check: 5 * time.Millisecond, Delay: time.Millisecond, Interval: time.Hour,
	})
	t.Cleanup(svc.Close)
	if err := svc.SaveSettings(syncclient.Settings{ServerURL: ts.URL, Token: ts.Token}); err != nil {
		t.Fatal(err)
	}

	finished := make(chan SyncEvent, 10)
	t.Cleanup(svc.Subscribe(func(ev SyncEvent) {
		if ev.Kind == SyncFinished {
			finished <- ev
		}
	}))
	c := validCase("Automatiškai išsiųstas")
	saveCase(t, env, c)
	svc.StartAuto()

	var ev SyncEvent
	select {
	case ev = <-finished:
	case <-time.After(30 * time.Second):
		t.Fatal("no automatic sync within 30 s")
	}
	if ev.Err != nil || !ev.Automatic {
		t.Fatalf("automatic sync: err %v, automatic %v", ev.Err, ev.Automatic)
	}
	if _, found := ts.serverRecord(t, data.KindPractice, c.ID); !found {
		t.Error("the automatic sync did not push the saved case")
	}
}

func TestSyncService_retryDelayGrows(t *testing.T) {
	svc := NewSyncService(SyncOptions{Store: func() SyncStore { return nil }, Retry: time.Minute, MaxRetry: 30 * time.Minute})
	t.Cleanup(svc.Close)
	for failures, limit := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 4: 8 * time.Minute, 6: 30 * time.Minute, 40: 30 * time.Minute} {
		d := svc.retryDelay(failures)
		if d > limit || d < limit*3/4 {
			t.Errorf("retryDelay(%d) = %v, want within [%v, %v]", failures, d, limit*3/4, limit)
		}
	}
}

func TestSyncErrorText_everyKind(t *testing.T) {
	useLanguage(t, "lt")
	cases := map[error]string{
		syncclient.ErrNoSettings:   "syncui.error.no_settings",
		syncclient.ErrSettings:     "syncui.error.settings",
		syncclient.ErrUnauthorized: "syncui.error.unauthorized",
		syncclient.ErrForbidden:    "syncui.error.forbidden",
		syncclient.ErrUnreachable:  "syncui.error.unreachable",
		syncclient.ErrServer:       "syncui.error.server",
		syncclient.ErrProtocol:     "syncui.error.server",
		syncclient.ErrRejected:     "syncui.error.rejected_request",
		context.Canceled:           "syncui.error.canceled",
		errors.New("disk full"):    "syncui.error.local",
	}
	for err, key := range cases {
		wrapped := &syncclient.RequestError{Op: "push", Kind: err}
		if got := SyncErrorText(wrapped); got != T(key) {
			t.Errorf("SyncErrorText(%v) = %q, want %q", err, got, T(key))
		}
	}
}

func TestPracticeEditor_deleteTombstones(t *testing.T) {
	ts, env := newConnectedSyncEnv(t)
	c := validCase("Ištrinamas aprašas")
	saveCase(t, env, c)
	sync := newSyncTestScreen(t, env)
	tapSyncNow(t, sync)

	practice := newPracticeScreen(env)
	showScreen(env, practice.content())
	if practice.editor.deleteButton.Visible() {
		t.Error("a new case offers delete")
	}
	practice.open(c.ID)
	e := practice.editor
	if !e.deleteButton.Visible() {
		t.Fatal("an open case has no delete button")
	}

	test.Tap(e.deleteButton)
	if e.confirm == nil || !strings.Contains(e.confirm.popUp.Content.(*fyne.Container).Objects[0].(*widget.Label).Text, "„Ištrinamas aprašas“") {
		t.Fatal("no confirmation naming the case")
	}
	test.Tap(e.confirm.cancel)
	if _, err := env.Store.PracticeCase(c.ID); err != nil {
		t.Fatalf("cancel deleted the case: %v", err)
	}

	test.Tap(e.deleteButton)
	test.Tap(e.confirm.confirm)
	if _, err := env.Store.PracticeCase(c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("after delete: %v, want ErrNotFound", err)
	}
	if len(practice.rows) != 0 || e.base.ID != "" {
		t.Errorf("list rows %d, editor id %q after delete", len(practice.rows), e.base.ID)
	}
	if counts, _ := env.Store.Counts(); counts.Outbox != 1 {
		t.Errorf("outbox = %d, want the queued delete", counts.Outbox)
	}

	tapSyncNow(t, sync)
	ts.checkTombstone(t, data.KindPractice, c.ID)
}

func TestConsultationEditor_deleteTombstones(t *testing.T) {
	ts, env := newConnectedSyncEnv(t)
	c := validConsultation("2026-03-02", "Vertinimas pamokoje", "Vertinimas")
	saveConsultation(t, env, c)
	sync := newSyncTestScreen(t, env)
	tapSyncNow(t, sync)

	screen := newConsultationsScreen(env)
	showScreen(env, screen.content())
	screen.open(c.ID)
	e := screen.editor
	if !e.deleteButton.Visible() {
		t.Fatal("an open consultation has no delete button")
	}
	test.Tap(e.deleteButton)
	if e.confirm == nil {
		t.Fatal("no confirmation")
	}
	test.Tap(e.confirm.confirm)
	if _, err := env.Store.Consultation(c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("after delete: %v, want ErrNotFound", err)
	}
	if len(screen.rows) != 0 || e.deleteButton.Visible() {
		t.Errorf("rows %d, delete visible %v after delete", len(screen.rows), e.deleteButton.Visible())
	}

	tapSyncNow(t, sync)
	ts.checkTombstone(t, data.KindConsultation, c.ID)
}
