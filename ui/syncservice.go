package ui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/syncclient"
	"partneryste/data/wire"
)

// SyncStore is the local side of sync as the sync section and the
// conflict view use it. *boltstore.DB implements it.
type SyncStore interface {
	syncclient.Store
	Counts() (data.Counts, error)
	Path() string
	Conflicts() ([]boltstore.Conflict, error)
	Rejections() ([]boltstore.Rejection, error)
	ResolveConflict(kind data.Kind, id string, chosen data.Record) error
	AcceptServerVersion(kind data.Kind, id string) error
	RestoreServerVersion(kind data.Kind, id string) (bool, error)
	ResetSyncCursor() error
}

var _ SyncStore = (*boltstore.DB)(nil)

// Defaults of SyncOptions.
const (
	// DefaultSyncInterval is the pause between automatic syncs while
	// nothing is saved.
	DefaultSyncInterval = 5 * time.Minute
	// DefaultSyncDelay is how long the automatic sync waits after it
	// notices a new save, so that a burst of saves goes in one sync.
	DefaultSyncDelay = 20 * time.Second
	// DefaultSyncCheck is how often the automatic sync looks at the
	// outbox. Counting the outbox reads an in-memory number.
	DefaultSyncCheck = 5 * time.Second
	// DefaultSyncRetry and DefaultSyncMaxRetry bound the automatic sync's
	// pause after failures: the first retry waits about a minute, and each
	// further failure doubles the pause up to half an hour.
	DefaultSyncRetry    = time.Minute
	DefaultSyncMaxRetry = 30 * time.Minute
)

// SyncOptions configure a SyncService. Zero durations take the defaults.
type SyncOptions struct {
	// Store returns the open store. The app layer swaps the store after a
	// restore, so the service calls it at every sync.
	Store func() SyncStore
	Log   *slog.Logger
	// Client holds the client options other than ServerURL and Token,
	// which come from the settings file.
	Client syncclient.Options

	Interval, Delay, Check, Retry, MaxRetry time.Duration
}

// SyncEventKind is the kind of news a SyncEvent carries.
type SyncEventKind int

// Kinds of SyncEvent.
const (
	SyncStarted SyncEventKind = iota
	SyncProgress
	SyncFinished
	// SyncChanged reports a change that is not a sync: settings saved or
	// a conflict resolved, after which screens reload.
	SyncChanged
)

// SyncEvent is sent to subscribers on the UI goroutine.
type SyncEvent struct {
	Kind     SyncEventKind
	Progress syncclient.Progress
	// Report and Err are set for SyncFinished.
	Report syncclient.Report
	Err    error
	// Automatic is set when the background loop started the sync.
	Automatic bool
}

// SyncService runs syncs of the open store with the server in the
// settings file, one at a time, off the UI goroutine. It owns every
// goroutine of sync: the manual "sync now", the connection test and the
// automatic loop. Its events reach widgets through fyne.Do.
type SyncService struct {
	opts SyncOptions
	log  *slog.Logger

	// running is held for the whole of a sync, and by WithoutSync.
	running sync.Mutex

	mu          sync.Mutex
	subscribers map[int]func(SyncEvent)
	nextID      int
	// active reports that a sync started by this service is running.
	active bool

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	// wake makes the automatic loop check at once, after settings were
	// saved.
	wake chan struct{}
}

// NewSyncService returns a service. It starts no goroutine until SyncNow,
// TestConnection or StartAuto is called.
func NewSyncService(opts SyncOptions) *SyncService {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	defaults := []struct {
		value *time.Duration
		def   time.Duration
	}{
		{&opts.Interval, DefaultSyncInterval},
		{&opts.Delay, DefaultSyncDelay},
		{&opts.Check, DefaultSyncCheck},
		{&opts.Retry, DefaultSyncRetry},
		{&opts.MaxRetry, DefaultSyncMaxRetry},
	}
	for _, d := range defaults {
		if *d.value <= 0 {
			*d.value = d.def
		}
	}
	if opts.Client.Logger == nil {
		opts.Client.Logger = opts.Log
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &SyncService{
		opts:        opts,
		log:         opts.Log,
		subscribers: map[int]func(SyncEvent){},
		ctx:         ctx,
		cancel:      cancel,
		wake:        make(chan struct{}, 1),
	}
}

// Close cancels a running sync and the automatic loop and waits for them.
// Call it before closing the store.
func (s *SyncService) Close() {
	s.cancel()
	s.wg.Wait()
}

// Subscribe registers fn for every later event and returns the function
// that removes it. fn runs on the UI goroutine.
func (s *SyncService) Subscribe(fn func(SyncEvent)) (unsubscribe func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID
	s.nextID++
	s.subscribers[id] = fn
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.subscribers, id)
	}
}

// publish delivers ev to the subscribers on the UI goroutine, then runs
// after when it is not nil. fyne.Do queues the call in order and returns
// at once, so the sync goroutine never waits for the UI and Close cannot
// deadlock with a window that is shutting down.
func (s *SyncService) publish(ev SyncEvent, after func()) {
	fyne.Do(func() {
		s.deliver(ev)
		if after != nil {
			after()
		}
	})
}

// deliver calls every subscriber with ev on the calling goroutine.
func (s *SyncService) deliver(ev SyncEvent) {
	s.mu.Lock()
	fns := make([]func(SyncEvent), 0, len(s.subscribers))
	for _, fn := range s.subscribers {
		fns = append(fns, fn)
	}
	s.mu.Unlock()
	for _, fn := range fns {
		fn(ev)
	}
}

// Running reports whether a sync is in progress.
func (s *SyncService) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active
}

// SettingsPath returns the path of the settings file beside the open
// data file.
func (s *SyncService) SettingsPath() string {
	return syncclient.SettingsPath(s.opts.Store().Path())
}

// Settings reads the saved settings. It returns an error wrapping
// syncclient.ErrNoSettings when none were saved.
func (s *SyncService) Settings() (syncclient.Settings, error) {
	return syncclient.LoadSettings(s.SettingsPath())
}

// SaveSettings validates and stores settings. When the server address
// changes, the pull cursor is reset, because a cursor belongs to one
// server. The automatic loop is woken to sync soon with the new settings.
func (s *SyncService) SaveSettings(settings syncclient.Settings) error {
	old, oldErr := s.Settings()
	if err := syncclient.SaveSettings(s.SettingsPath(), settings); err != nil {
		return err
	}
	s.log.Info("sync settings saved", "settings", settings)
	if oldErr == nil && old.ServerURL != settings.ServerURL {
		if err := s.opts.Store().ResetSyncCursor(); err != nil {
			return fmt.Errorf("reset pull cursor for the new server: %w", err)
		}
		s.log.Info("pull cursor reset for a new server", "server", settings.ServerURL)
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return nil
}

// newClient returns a client for settings with the service's options.
func (s *SyncService) newClient(settings syncclient.Settings, retry syncclient.RetryPolicy) (*syncclient.Client, error) {
	opts := s.opts.Client
	opts.ServerURL = settings.ServerURL
	opts.Token = settings.Token
	if retry.MaxAttempts > 0 {
		opts.Retry = retry
	}
	return syncclient.New(opts)
}

// TestConnection sends a whoami request with settings off the UI
// goroutine and calls done with the response on the UI goroutine. It
// makes at most two attempts, so the user waits seconds rather than
// minutes.
func (s *SyncService) TestConnection(settings syncclient.Settings, done func(wire.WhoAmIResponse, error)) {
	retry := s.opts.Client.Retry
	retry.MaxAttempts = 2
	client, err := s.newClient(settings, retry)
	if err != nil {
		done(wire.WhoAmIResponse{}, err)
		return
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer client.Close()
		who, err := client.WhoAmI(s.ctx)
		if err != nil {
			s.log.Warn("connection test failed", "server", settings.ServerURL, "err", err)
		} else {
			s.log.Info("connection test passed", "server", settings.ServerURL, "role", who.Role, "association", who.AssociationID)
		}
		fyne.Do(func() { done(who, err) })
	}()
}

// SyncNow starts a sync in the background and returns a channel that is
// closed once its SyncFinished event has been delivered. It returns nil
// when a sync is already running.
func (s *SyncService) SyncNow() <-chan struct{} {
	if !s.running.TryLock() {
		return nil
	}
	done := make(chan struct{})
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		finished := s.syncLocked(s.ctx, false)
		// The lock is released before the result is published, so a
		// subscriber that starts the next sync at once is not refused.
		s.running.Unlock()
		s.publish(finished, func() { close(done) })
	}()
	return done
}

// WithoutSync waits for a running sync to end and runs fn while no sync
// can start. Like Pause, it blocks while a sync runs.
func (s *SyncService) WithoutSync(fn func() error) error {
	resume := s.Pause()
	defer resume()
	return fn()
}

// Pause waits for a running sync to end and keeps new ones from starting
// until resume is called, as a restore that replaces the data file needs.
// It blocks for as long as a sync runs, so call it off the UI goroutine.
func (s *SyncService) Pause() (resume func()) {
	s.running.Lock()
	return s.running.Unlock
}

// syncLocked runs one sync while the caller holds s.running, publishes
// its start and progress, and returns the SyncFinished event for the
// caller to publish once it released the lock.
func (s *SyncService) syncLocked(ctx context.Context, automatic bool) SyncEvent {
	s.mu.Lock()
	s.active = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.active = false
		s.mu.Unlock()
	}()

	s.publish(SyncEvent{Kind: SyncStarted, Automatic: automatic}, nil)
	report, err := s.runSync(ctx, automatic)
	if err != nil {
		s.log.Warn("sync failed", "automatic", automatic, "err", err)
	}
	return SyncEvent{Kind: SyncFinished, Report: report, Err: err, Automatic: automatic}
}

func (s *SyncService) runSync(ctx context.Context, automatic bool) (syncclient.Report, error) {
	settings, err := s.Settings()
	if err != nil {
		return syncclient.Report{}, err
	}
	client, err := s.newClient(settings, syncclient.RetryPolicy{})
	if err != nil {
		return syncclient.Report{}, err
	}
	defer client.Close()
	syncer := syncclient.NewSyncer(client, s.opts.Store(), syncclient.SyncOptions{Logger: s.log})
	return syncer.Sync(ctx, func(p syncclient.Progress) {
		s.publish(SyncEvent{Kind: SyncProgress, Progress: p, Automatic: automatic}, nil)
	})
}

// Changed sends a SyncChanged event to the subscribers, after sync data
// changed outside a sync, as when a conflict was resolved. It must be
// called on the UI goroutine.
func (s *SyncService) Changed() {
	s.deliver(SyncEvent{Kind: SyncChanged})
}

// StartAuto starts the automatic sync loop, which runs until Close. It
// syncs soon after the start and after it notices new saves in the
// outbox, and every Interval otherwise, only while settings are saved. A
// failed sync keeps every change in the outbox and the loop waits longer
// after each failure in a row (Retry doubled up to MaxRetry, with
// jitter), so an office without a connection is not flooded with
// attempts. The loop runs on its own goroutine and reaches the UI only
// through fyne.Do.
func (s *SyncService) StartAuto() {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.autoLoop(s.ctx)
	}()
}

func (s *SyncService) autoLoop(ctx context.Context) {
	ticker := time.NewTicker(s.opts.Check)
	defer ticker.Stop()

	next := time.Now().Add(s.opts.Delay)
	failures := 0
	lastOutbox := -1
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		case <-s.wake:
			failures = 0
			next = time.Now()
		}

		if _, err := s.Settings(); err != nil {
			if !errors.Is(err, syncclient.ErrNoSettings) {
				s.log.Warn("automatic sync: read settings", "err", err)
			}
			continue
		}
		now := time.Now()
		if c, err := s.opts.Store().Counts(); err == nil {
			if c.Outbox > 0 && c.Outbox != lastOutbox && failures == 0 {
				next = minTime(next, now.Add(s.opts.Delay))
			}
			lastOutbox = c.Outbox
		}
		if now.Before(next) || !s.running.TryLock() {
			continue
		}
		finished := s.syncLocked(ctx, true)
		s.running.Unlock()
		s.publish(finished, nil)
		err := finished.Err
		if ctx.Err() != nil {
			return
		}
		if c, cerr := s.opts.Store().Counts(); cerr == nil {
			lastOutbox = c.Outbox
		}
		if err == nil {
			failures = 0
			next = time.Now().Add(s.opts.Interval)
			continue
		}
		failures++
		wait := s.retryDelay(failures)
		s.log.Info("automatic sync will retry", "failures", failures, "wait", wait.Round(time.Second).String())
		next = time.Now().Add(wait)
	}
}

// retryDelay returns the pause after the given number of failures in a
// row: Retry·2^(failures-1) up to MaxRetry, with up to a quarter taken
// off at random so that offices that lost the connection together do not
// retry together.
func (s *SyncService) retryDelay(failures int) time.Duration {
	wait := s.opts.MaxRetry
	if failures < 30 {
		if d := s.opts.Retry << (failures - 1); d > 0 && d < wait {
			wait = d
		}
	}
	return wait - time.Duration(rand.Float64()*float64(wait)/4)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// SettingsProblem names what makes sync settings unusable, so that the
// window and the headless commands can word it in their own catalogs.
// Its values are the last part of those catalogs' keys.
type SettingsProblem string

// Values of SettingsProblem. SettingsOK means the settings are usable.
const (
	SettingsOK               SettingsProblem = ""
	SettingsServerURLMissing SettingsProblem = "server_url_required"
	// SettingsServerURLInvalid covers an address that does not parse, is
	// not http(s), has no host, or carries a user name, query or fragment.
	SettingsServerURLInvalid SettingsProblem = "server_url_invalid"
	// SettingsServerURLHTTP is plain http to a host other than this
	// computer, which would send the token in clear text.
	SettingsServerURLHTTP SettingsProblem = "server_url_http"
	SettingsTokenMissing  SettingsProblem = "token_required"
	SettingsTokenInvalid  SettingsProblem = "token_invalid"
)

// CheckSyncSettings returns what makes settings unusable, or SettingsOK.
// syncclient decides, through Settings.Validate, whether they are usable;
// because it reports every reason as ErrSettings, the reason is found
// here by checking the address and the token separately.
func CheckSyncSettings(settings syncclient.Settings) SettingsProblem {
	if settings.Validate() == nil {
		return SettingsOK
	}
	if settings.ServerURL == "" {
		return SettingsServerURLMissing
	}
	if settings.Token == "" {
		return SettingsTokenMissing
	}
	// The address is checked with a stand-in token, so that an invalid
	// address and an invalid token get different messages.
	if err := (syncclient.Settings{ServerURL: settings.ServerURL, Token: "x"}).Validate(); err != nil {
		if u, parseErr := url.Parse(settings.ServerURL); parseErr == nil && u.Scheme == "http" && u.Host != "" &&
			u.User == nil && u.RawQuery == "" && u.Fragment == "" {
			return SettingsServerURLHTTP
		}
		return SettingsServerURLInvalid
	}
	return SettingsTokenInvalid
}

// SyncErrorText returns the translated message for a failed sync or
// connection test: what happened and what to do.
func SyncErrorText(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syncclient.ErrNoSettings):
		return T("syncui.error.no_settings")
	case errors.Is(err, syncclient.ErrSettings):
		return T("syncui.error.settings")
	case errors.Is(err, syncclient.ErrUnauthorized):
		return T("syncui.error.unauthorized")
	case errors.Is(err, syncclient.ErrForbidden):
		return T("syncui.error.forbidden")
	case errors.Is(err, syncclient.ErrUnreachable):
		return T("syncui.error.unreachable")
	case errors.Is(err, syncclient.ErrServer), errors.Is(err, syncclient.ErrProtocol):
		return T("syncui.error.server")
	case errors.Is(err, syncclient.ErrRejected):
		return T("syncui.error.rejected_request")
	case errors.Is(err, context.Canceled):
		return T("syncui.error.canceled")
	default:
		return T("syncui.error.local")
	}
}

// WhoAmIText returns the translated result of a passed connection test.
func WhoAmIText(who wire.WhoAmIResponse) string {
	if who.Role == wire.RoleCoordinator {
		return T("syncui.connected_coordinator")
	}
	name := who.AssociationName
	if name == "" {
		name = who.AssociationID
	}
	return T("syncui.connected_association", map[string]any{"Name": name, "ID": who.AssociationID})
}
