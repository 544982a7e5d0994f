package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/syncclient"
	"partneryste/data/wire"
)

// syncScreen is the Sync section. It contains the server address and
// token, the connection test, "sync now" with its progress, the number of
// changes waiting, the last sync, the changes the server rejected, and
// the open conflicts, each of which opens the conflict view.
type syncScreen struct {
	env *Env
	svc *SyncService
	// onRoleChanged, when set, runs after a connection test found a role
	// other than the one the profile stored, so the window can show or
	// hide the coordinator's sections.
	onRoleChanged func(who wire.WhoAmIResponse)

	body     *fyne.Container
	overview fyne.CanvasObject

	serverURL    *widget.Entry
	token        *widget.Entry
	saveSettings *widget.Button
	testButton   *widget.Button
	// settingsStatus shows the result of a save or a connection test.
	settingsStatus *widget.Label
	// saved are the stored settings, or zero when none are saved.
	saved syncclient.Settings
	// testDone is closed when a connection test that the screen started
	// has shown its result, so tests wait on it.
	testDone chan struct{}

	waiting    *widget.Label
	lastSync   *widget.Label
	syncStatus *widget.Label
	progress   *widget.ProgressBarInfinite
	syncButton *widget.Button
	// syncDone is closed once a sync that the screen started has shown
	// its result.
	syncDone <-chan struct{}

	conflictCount *widget.Label
	conflictBox   *fyne.Container
	conflicts     []boltstore.Conflict
	// resolver is the open conflict view, or nil.
	resolver *conflictView

	rejectionBox *fyne.Container
	rejections   []boltstore.Rejection
}

func newSyncScreen(env *Env) *syncScreen {
	s := &syncScreen{env: env, svc: env.Sync}

	s.overview = container.NewVScroll(container.NewVBox(
		widget.NewCard(T("syncui.server"), "", s.buildSettings()),
		widget.NewCard(T("syncui.status"), "", s.buildStatus()),
		widget.NewCard(T("syncui.conflicts"), "", s.buildConflicts()),
		widget.NewCard(T("syncui.rejections"), "", s.buildRejections()),
	))
	s.body = container.NewStack(s.overview)

	if s.svc == nil {
		for _, b := range []*widget.Button{s.saveSettings, s.testButton, s.syncButton} {
			b.Disable()
		}
		s.serverURL.Disable()
		s.token.Disable()
		setMessage(s.syncStatus, T("syncui.unavailable"))
	}
	return s
}

func (s *syncScreen) buildSettings() fyne.CanvasObject {
	s.serverURL = widget.NewEntry()
	s.serverURL.SetPlaceHolder("https://partneryste.example.lt")
	s.serverURL.OnChanged = func(string) { s.settingsStatus.Hide() }
	s.token = widget.NewPasswordEntry()
	s.token.OnChanged = func(string) { s.settingsStatus.Hide() }
	s.token.OnSubmitted = func(string) { s.onSaveSettings() }

	s.saveSettings = widget.NewButtonWithIcon(T("syncui.save_settings"), theme.DocumentSaveIcon(), s.onSaveSettings)
	s.testButton = widget.NewButtonWithIcon(T("syncui.test_connection"), theme.MailSendIcon(), s.onTestConnection)
	s.settingsStatus = widget.NewLabel("")
	s.settingsStatus.Wrapping = fyne.TextWrapWord
	s.settingsStatus.Hide()

	hint := widget.NewLabel(T("syncui.settings_hint"))
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(T("syncui.server_url"), s.serverURL),
		widget.NewFormItem(T("syncui.token"), s.token),
	)
	return container.NewVBox(hint, form, container.NewHBox(s.saveSettings, s.testButton), s.settingsStatus)
}

func (s *syncScreen) buildStatus() fyne.CanvasObject {
	s.waiting = widget.NewLabel("")
	s.lastSync = widget.NewLabel("")
	s.syncStatus = widget.NewLabel("")
	s.syncStatus.Wrapping = fyne.TextWrapWord
	s.syncStatus.Hide()
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.syncButton = widget.NewButtonWithIcon(T("syncui.sync_now"), theme.ViewRefreshIcon(), s.onSyncNow)
	s.syncButton.Importance = widget.HighImportance
	autoHint := widget.NewLabel(T("syncui.auto_hint"))
	autoHint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(autoHint, s.waiting, s.lastSync, container.NewHBox(s.syncButton), s.progress, s.syncStatus)
}

func (s *syncScreen) buildConflicts() fyne.CanvasObject {
	s.conflictCount = widget.NewLabel("")
	s.conflictCount.Wrapping = fyne.TextWrapWord
	s.conflictBox = container.NewVBox()
	return container.NewVBox(s.conflictCount, s.conflictBox)
}

func (s *syncScreen) buildRejections() fyne.CanvasObject {
	s.rejectionBox = container.NewVBox()
	return s.rejectionBox
}

// content implements screen.
func (s *syncScreen) content() fyne.CanvasObject { return s.body }

// store returns the open store as the sync section uses it, or nil when
// the store does not support sync.
func (s *syncScreen) store() SyncStore {
	store, _ := s.env.Store.(SyncStore)
	return store
}

// refresh implements screen: it reloads the settings, the counts, the
// last sync, the conflicts and the rejections. Typed settings are kept.
func (s *syncScreen) refresh() {
	s.loadSettings()
	s.refreshStatus()
	s.refreshConflicts()
	s.refreshRejections()
	// Container.Add lays out only the list, at the height it had before,
	// so new conflict rows and their "Spręsti" buttons stayed hidden until
	// something else redrew the page. Refreshing the page lays out every
	// card again at its new height.
	s.overview.Refresh()
}

// loadSettings reads the stored settings and shows the address, unless
// the user is editing it. The token is never put back into the field.
func (s *syncScreen) loadSettings() {
	if s.svc == nil {
		return
	}
	wasDirty := s.dirty()
	settings, err := s.svc.Settings()
	switch {
	case errors.Is(err, syncclient.ErrNoSettings):
		settings = syncclient.Settings{}
	case err != nil:
		s.env.Log.Error("read sync settings", "err", err)
		setMessage(s.settingsStatus, T("syncui.settings_unreadable"))
		settings = syncclient.Settings{}
	}
	s.saved = settings
	s.token.SetPlaceHolder(tokenPlaceholder(settings.Token))
	if !wasDirty {
		s.serverURL.SetText(settings.ServerURL)
		s.token.SetText("")
	}
}

// tokenPlaceholder describes the stored token without showing it: only
// its last four characters, and only when it is long enough that they
// give nothing useful away.
func tokenPlaceholder(token string) string {
	switch {
	case token == "":
		return T("syncui.token_placeholder")
	case len(token) >= 16:
		return T("syncui.token_saved_hint", map[string]any{"End": token[len(token)-4:]})
	default:
		return T("syncui.token_saved")
	}
}

// refreshStatus shows the outbox count and the time of the last sync.
func (s *syncScreen) refreshStatus() {
	c, err := s.env.Store.Counts()
	if err != nil {
		s.env.Log.Error("count outbox", "err", err)
	}
	s.waiting.SetText(TN("syncui.waiting", c.Outbox))

	store := s.store()
	if store == nil {
		s.lastSync.SetText(T("syncui.never"))
		return
	}
	state, err := store.SyncState()
	if err != nil {
		s.env.Log.Error("read sync state", "err", err)
		return
	}
	if state.LastSuccess.IsZero() {
		s.lastSync.SetText(T("syncui.never"))
	} else {
		s.lastSync.SetText(T("syncui.last_success", map[string]any{"Time": formatSyncTime(state.LastSuccess)}))
	}
	if state.LastError != "" && state.LastErrorAt.After(state.LastSuccess) && !s.syncStatus.Visible() {
		s.showSyncStatus(T("syncui.last_failed", map[string]any{"Time": formatSyncTime(state.LastErrorAt)}), widget.WarningImportance)
	}
}

// formatSyncTime shows an instant as yyyy-mm-dd HH:MM in Vilnius.
func formatSyncTime(t time.Time) string {
	return t.In(data.Vilnius).Format("2006-01-02 15:04")
}

func (s *syncScreen) showSyncStatus(text string, importance widget.Importance) {
	s.syncStatus.Importance = importance
	setMessage(s.syncStatus, text)
}

func (s *syncScreen) showSettingsStatus(text string, importance widget.Importance) {
	s.settingsStatus.Importance = importance
	setMessage(s.settingsStatus, text)
}

// typedSettings returns the settings as typed, with the stored token when
// the token field is empty.
func (s *syncScreen) typedSettings() syncclient.Settings {
	settings := syncclient.Settings{ServerURL: strings.TrimSpace(s.serverURL.Text), Token: strings.TrimSpace(s.token.Text)}
	if settings.Token == "" {
		settings.Token = s.saved.Token
	}
	return settings
}

// typedSettingsInput is the text of the address and token fields.
type typedSettingsInput struct{ serverURL, token string }

// typedInput returns the fields' text as typed, saved or not.
func (s *syncScreen) typedInput() typedSettingsInput {
	return typedSettingsInput{serverURL: s.serverURL.Text, token: s.token.Text}
}

// restoreTypedInput puts typed text back into the fields of a rebuilt
// screen, so that a window rebuild does not lose what the user typed.
func (s *syncScreen) restoreTypedInput(typed typedSettingsInput) {
	if typed.serverURL != s.serverURL.Text {
		s.serverURL.SetText(typed.serverURL)
	}
	if typed.token != s.token.Text {
		s.token.SetText(typed.token)
	}
}

// checkSettings returns the translated reason why settings cannot be
// used, or "".
func checkSettings(settings syncclient.Settings) string {
	problem := CheckSyncSettings(settings)
	if problem == SettingsOK {
		return ""
	}
	return T("syncui." + string(problem))
}

func (s *syncScreen) onSaveSettings() {
	if err := s.save(); err != nil && !isInvalidInput(err) {
		s.env.Log.Error("save sync settings", "err", err)
	}
}

// onTestConnection sends a whoami request with the typed settings.
func (s *syncScreen) onTestConnection() {
	settings := s.typedSettings()
	if problem := checkSettings(settings); problem != "" {
		s.showSettingsStatus(problem, widget.DangerImportance)
		return
	}
	done := make(chan struct{})
	s.testDone = done
	s.testButton.Disable()
	s.showSettingsStatus(T("syncui.testing"), widget.MediumImportance)
	s.svc.TestConnection(settings, func(who wire.WhoAmIResponse, err error) {
		defer close(done)
		s.testButton.Enable()
		if err != nil {
			s.showSettingsStatus(SyncErrorText(err), widget.DangerImportance)
			return
		}
		s.showSettingsStatus(WhoAmIText(who), widget.SuccessImportance)
		changed, err := RecordRole(s.env.Store, who)
		if err != nil {
			s.env.Log.Error("store the token's role in the profile", "err", err)
			return
		}
		if changed && s.onRoleChanged != nil {
			s.onRoleChanged(who)
		}
	})
}

// onSyncNow saves typed settings first, then starts a sync.
func (s *syncScreen) onSyncNow() {
	if s.svc == nil {
		return
	}
	if s.dirty() {
		if err := s.save(); err != nil {
			return
		}
	}
	if s.saved.ServerURL == "" {
		s.showSyncStatus(SyncErrorText(syncclient.ErrNoSettings), widget.DangerImportance)
		return
	}
	if done := s.svc.SyncNow(); done != nil {
		s.syncDone = done
	}
}

// onSyncEvent shows a sync's progress and result. The window calls it on
// the UI goroutine for every event of the service.
func (s *syncScreen) onSyncEvent(ev SyncEvent) {
	switch ev.Kind {
	case SyncStarted:
		s.syncButton.Disable()
		s.progress.Show()
		s.progress.Start()
		s.showSyncStatus(T("syncui.running"), widget.MediumImportance)
	case SyncProgress:
		s.showSyncStatus(T("syncui.progress", map[string]any{
			"Pushed": ev.Progress.Pushed, "Pulled": ev.Progress.Pulled,
		}), widget.MediumImportance)
	case SyncFinished:
		s.progress.Stop()
		s.progress.Hide()
		if s.svc != nil {
			s.syncButton.Enable()
		}
		s.showSyncResult(ev)
		s.refresh()
	case SyncChanged:
		s.refresh()
	}
}

// showSyncResult shows what a finished sync did, or why it failed and
// what to do.
func (s *syncScreen) showSyncResult(ev SyncEvent) {
	if ev.Err != nil {
		s.showSyncStatus(SyncErrorText(ev.Err), widget.DangerImportance)
		return
	}
	r := ev.Report
	if r.Pushed == 0 && r.Pulled+r.Removed == 0 && r.Conflicts == 0 && r.Rejected == 0 {
		// "Sent: 0, received: 0" would read as a failure to send, when an
		// automatic sync has usually sent the changes already.
		s.showSyncStatus(T("syncui.up_to_date", map[string]any{"Time": formatSyncTime(s.lastSuccess())}), widget.SuccessImportance)
		return
	}
	text := T("syncui.done", map[string]any{"Pushed": r.Pushed, "Pulled": r.Pulled + r.Removed})
	importance := widget.SuccessImportance
	if r.Conflicts > 0 {
		text += "\n" + TN("syncui.new_conflicts", r.Conflicts)
		importance = widget.WarningImportance
	}
	if r.Rejected > 0 {
		text += "\n" + TN("syncui.new_rejections", r.Rejected)
		importance = widget.WarningImportance
	}
	s.showSyncStatus(text, importance)
}

// lastSuccess returns the time of the last successful sync as stored,
// or now when the store cannot tell, since it is called right after one.
func (s *syncScreen) lastSuccess() time.Time {
	if store := s.store(); store != nil {
		if state, err := store.SyncState(); err == nil && !state.LastSuccess.IsZero() {
			return state.LastSuccess
		}
	}
	return time.Now()
}

// refreshConflicts lists the open conflicts with a button that opens each.
func (s *syncScreen) refreshConflicts() {
	s.conflicts = nil
	s.conflictBox.RemoveAll()
	store := s.store()
	if store == nil {
		s.conflictCount.SetText(TN("syncui.conflict_count", 0))
		return
	}
	list, err := store.Conflicts()
	if err != nil {
		s.env.Log.Error("read conflicts", "err", err)
		s.conflictCount.SetText(T("syncui.conflicts_failed"))
		return
	}
	s.conflicts = list
	if len(list) == 0 {
		s.conflictCount.SetText(T("syncui.no_conflicts"))
	} else {
		s.conflictCount.SetText(TN("syncui.conflict_count", len(list)) + "\n" + T("syncui.conflicts_hint"))
	}
	for _, c := range list {
		open := widget.NewButtonWithIcon(T("syncui.resolve"), theme.WarningIcon(), func() { s.openConflict(c) })
		row := widget.NewLabel(conflictRowText(c))
		row.Wrapping = fyne.TextWrapWord
		s.conflictBox.Add(container.NewBorder(nil, nil, nil, open, row))
	}
}

// conflictRowText names a conflict: kind, title and when it was found.
func conflictRowText(c boltstore.Conflict) string {
	title := ""
	if r, err := c.LocalRecord(); err == nil {
		title = recordTitle(r)
	}
	if title == "" {
		if r, err := c.ServerRecord(); err == nil {
			title = recordTitle(r)
		}
	}
	return T("syncui.conflict_row", map[string]any{
		"Kind":  T("syncui.kind." + string(c.Kind)),
		"Title": title,
		"Time":  formatSyncTime(c.DetectedAt),
	})
}

// recordTitle returns the name a user knows a record by.
func recordTitle(r data.Record) string {
	switch v := r.(type) {
	case *data.Event:
		return v.Title
	case *data.PracticeCase:
		return v.Title
	case *data.Consultation:
		return strings.TrimSpace(v.Date.String() + " " + v.Topic)
	}
	return r.Header().ID
}

// storedTitle returns the title of a stored record, or its id when it is
// not in the store.
func storedTitle(store data.Store, kind data.Kind, id string) string {
	var r data.Record
	switch kind {
	case data.KindEvent:
		if v, err := store.Event(id); err == nil {
			r = &v
		}
	case data.KindPractice:
		if v, err := store.PracticeCase(id); err == nil {
			r = &v
		}
	case data.KindConsultation:
		if v, err := store.Consultation(id); err == nil {
			r = &v
		}
	}
	if r == nil {
		return id
	}
	return recordTitle(r)
}

// refreshRejections lists the changes the server refused, naming the
// record and each invalid field.
func (s *syncScreen) refreshRejections() {
	s.rejections = nil
	s.rejectionBox.RemoveAll()
	store := s.store()
	if store == nil {
		return
	}
	list, err := store.Rejections()
	if err != nil {
		s.env.Log.Error("read rejections", "err", err)
		s.rejectionBox.Add(widget.NewLabel(T("syncui.rejections_failed")))
		return
	}
	s.rejections = list
	if len(list) == 0 {
		s.rejectionBox.Add(widget.NewLabel(T("syncui.no_rejections")))
		return
	}
	for _, r := range list {
		label := widget.NewLabel(s.rejectionText(r))
		label.Wrapping = fyne.TextWrapWord
		label.Importance = widget.DangerImportance
		s.rejectionBox.Add(label)
		// A refused change that fields cannot fix (another association's
		// record, a status only the coordinator sets, a frozen case) can
		// only be given up for the server's version.
		if r.Status == wire.StatusForbidden {
			s.rejectionBox.Add(widget.NewButton(T("syncui.restore_server_version"), func() { s.onRestoreServerVersion(r) }))
		}
	}
}

// onRestoreServerVersion drops a refused change and brings back the
// server's version of the record.
func (s *syncScreen) onRestoreServerVersion(r boltstore.Rejection) {
	store := s.store()
	if store == nil {
		return
	}
	now, err := store.RestoreServerVersion(r.Kind, r.RecordID)
	if err != nil {
		s.env.Log.Error("restore server version", "kind", r.Kind, "record", r.RecordID, "err", err)
		s.showSyncStatus(T("syncui.restore_failed"), widget.DangerImportance)
		return
	}
	if !now {
		s.showSyncStatus(T("syncui.restore_on_next_sync"), widget.WarningImportance)
	}
	if s.svc != nil {
		s.svc.Changed()
		return
	}
	s.refresh()
}

// rejectionText names the record the server rejected and the reason,
// with one line per invalid field.
func (s *syncScreen) rejectionText(r boltstore.Rejection) string {
	args := map[string]any{
		"Kind":  T("syncui.kind." + string(r.Kind)),
		"Title": storedTitle(s.env.Store, r.Kind, r.RecordID),
	}
	var lines []string
	if r.Status == wire.StatusForbidden {
		args["Reason"] = rejectionReasonText(r)
		lines = append(lines, T("syncui.rejected_forbidden", args))
	} else {
		lines = append(lines, T("syncui.rejected_invalid", args))
	}
	for _, f := range r.Fields {
		lines = append(lines, "• "+FieldErrorText(r.Kind, data.FieldError{Field: f.Field, Code: f.Code, Limit: f.Limit}))
	}
	return strings.Join(lines, "\n")
}

// openConflict shows the conflict view in place of the overview.
func (s *syncScreen) openConflict(c boltstore.Conflict) {
	store := s.store()
	if store == nil {
		return
	}
	s.resolver = newConflictView(s.env, store, c, s.closeConflict)
	s.body.Objects = []fyne.CanvasObject{s.resolver.content}
	s.body.Refresh()
}

// closeConflict returns to the overview. resolved reports that the user
// decided, so the lists and the other screens reload.
func (s *syncScreen) closeConflict(resolved bool) {
	s.resolver = nil
	s.body.Objects = []fyne.CanvasObject{s.overview}
	s.body.Refresh()
	if !resolved {
		return
	}
	if s.svc != nil {
		s.svc.Changed()
		return
	}
	s.refresh()
}

// dirty implements screen: the typed address differs from the stored one
// or a new token was typed.
func (s *syncScreen) dirty() bool {
	return strings.TrimSpace(s.serverURL.Text) != s.saved.ServerURL || strings.TrimSpace(s.token.Text) != ""
}

// save implements screen: it validates and stores the typed settings. It
// returns errInvalidInput after showing the reason.
func (s *syncScreen) save() error {
	if s.svc == nil {
		return nil
	}
	settings := s.typedSettings()
	if problem := checkSettings(settings); problem != "" {
		s.showSettingsStatus(problem, widget.DangerImportance)
		return errInvalidInput
	}
	if err := s.svc.SaveSettings(settings); err != nil {
		s.showSettingsStatus(T("syncui.settings_save_failed"), widget.DangerImportance)
		return err
	}
	s.saved = settings
	s.serverURL.SetText(settings.ServerURL)
	s.token.SetText("")
	s.token.SetPlaceHolder(tokenPlaceholder(settings.Token))
	s.showSettingsStatus(T("syncui.settings_saved"), widget.SuccessImportance)
	return nil
}

// discard implements screen: it puts the stored settings back.
func (s *syncScreen) discard() {
	s.serverURL.SetText(s.saved.ServerURL)
	s.token.SetText("")
	s.settingsStatus.Hide()
}

// onNew implements screen. Sync has no records to create.
func (s *syncScreen) onNew() {}

// onFind implements screen. Sync has no search field.
func (s *syncScreen) onFind() {}

// conflictCountNow returns the number of open conflicts for the
// navigation badge, or 0 when the store cannot tell.
func (s *syncScreen) conflictCountNow() int {
	store := s.store()
	if store == nil {
		return 0
	}
	state, err := store.SyncState()
	if err != nil {
		return 0
	}
	return state.Conflicts
}

// sectionTitle returns the navigation label of section id. The Sync
// section's label counts the open conflicts, so the user sees them from
// every screen.
func (w *MainWindow) sectionTitle(id int) string {
	if id == sectionSync && w.sync != nil {
		if n := w.sync.conflictCountNow(); n > 0 {
			return TN("syncui.nav_with_conflicts", n)
		}
	}
	return T(w.sections[id].titleKey)
}

// subscribeSync routes the sync service's events to the window for as
// long as the program runs.
func (w *MainWindow) subscribeSync() {
	if w.env.Sync != nil {
		w.env.Sync.Subscribe(w.onSyncEvent)
	}
}

// onSyncEvent passes an event to the Sync section and, once a sync ended
// or a conflict was resolved, reloads the visible screen and the
// navigation's conflict count. Screens keep an editor's unsaved changes.
func (w *MainWindow) onSyncEvent(ev SyncEvent) {
	if w.sync != nil {
		w.sync.onSyncEvent(ev)
	}
	if ev.Kind != SyncFinished && ev.Kind != SyncChanged {
		return
	}
	if s := w.visible(); s != nil && s != screen(w.sync) {
		s.refresh()
	}
	w.nav.Refresh()
}
