// Package app is the desktop program's entry point: it parses the flags,
// opens the data file and starts the Fyne UI, or runs a headless command.
package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"partneryste/assets"
	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/sample"
	"partneryste/ui"
)

// AppID is the application id from FyneApp.toml. Fyne keys the folder of
// the preferences by it, so it never changes.
const AppID = "lt.partneryste.desktop"

// Exit codes of the desktop program.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// options are the desktop program's flags.
type options struct {
	data     string
	profile  string
	sample   bool
	language string
	verbose  bool
}

// errUsagePrinted marks a flag error that the flag package has already
// printed together with the usage.
var errUsagePrinted = errors.New("invalid flags")

// parseFlags parses the desktop program's flags. It returns flag.ErrHelp
// after printing the usage for -h.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("partneryste", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: partneryste [flags]            start the desktop program")
		fmt.Fprintln(stderr, "       partneryste COMMAND [flags]    run a command without a window (partneryste help lists them)")
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&o.data, "data", "", "path of the data file (default: the profile's file in the user's config folder; also "+EnvData+")")
	fs.StringVar(&o.profile, "profile", DefaultProfile, "profile name: each profile has its own data file")
	fs.BoolVar(&o.sample, "sample", false, "load the sample data on start when the data file holds no records")
	fs.StringVar(&o.language, "lang", "", "UI language for this run: lt or en (default: the one chosen in Settings, else lt)")
	fs.BoolVar(&o.verbose, "v", false, "log debug messages too")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		return o, fmt.Errorf("%w: %w", errUsagePrinted, err)
	}
	if fs.NArg() > 0 {
		return o, unknownCommandError{name: fs.Arg(0)}
	}
	if o.language != "" && !ui.IsLanguage(o.language) {
		return o, fmt.Errorf("invalid -lang %q: use lt or en", o.language)
	}
	return o, nil
}

// newLogger returns the program's logger: text lines on w, with debug
// lines only when verbose.
func newLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// chooseLanguage returns the flag's language, else the one stored in the
// preferences, else the default. An unknown stored value is ignored.
func chooseLanguage(flagValue string, prefs fyne.Preferences) string {
	if flagValue != "" {
		return flagValue
	}
	if stored := prefs.String(ui.PrefLanguage); ui.IsLanguage(stored) {
		return stored
	}
	return ui.DefaultLanguage
}

// Main runs the program with args (without the program's name) and returns
// the exit code. A headless subcommand runs without a window. Otherwise it
// opens the data file and runs the UI until the user quits.
func Main(args []string) int {
	if handled, code := RunCommand(args, os.Stdout, os.Stderr); handled {
		return code
	}

	opts, err := parseFlags(args, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if errors.Is(err, errUsagePrinted) {
		return exitUsage
	}
	if unknown := (unknownCommandError{}); errors.As(err, &unknown) {
		return reportUnknownCommand(os.Stderr, unknown.name, opts.language)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "partneryste:", err)
		return exitUsage
	}

	logger := newLogger(os.Stderr, opts.verbose)
	slog.SetDefault(logger)

	paths, err := ResolvePaths(opts.data, opts.profile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "partneryste:", err)
		return exitUsage
	}

	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))

	p := newProgram(a, logger, paths, os.Stderr)
	p.language = chooseLanguage(opts.language, a.Preferences())
	p.loadSample = opts.sample
	if err := LoadTranslations(p.language); err != nil {
		logger.Error("load translations", "language", p.language, "err", err)
	}

	p.start()
	a.Run()
	return p.stop()
}

// program owns the open store and the windows of one run. Its methods run
// on the UI goroutine except restore, which holds mu while it swaps the
// store.
type program struct {
	app    fyne.App
	log    *slog.Logger
	paths  Paths
	stderr io.Writer

	language   string
	loadSample bool
	// storeOptions are the options for every Open and Restore.
	storeOptions boltstore.Options

	mu    sync.Mutex
	store *boltstore.DB

	env  *ui.Env
	main *ui.MainWindow
	// sync runs the manual and automatic syncs of the open store.
	sync *ui.SyncService
	// exitCode is the code Main returns once the app stops running.
	exitCode int
}

func newProgram(a fyne.App, logger *slog.Logger, paths Paths, stderr io.Writer) *program {
	return &program{
		app:          a,
		log:          logger,
		paths:        paths,
		stderr:       stderr,
		language:     ui.DefaultLanguage,
		storeOptions: boltstore.Options{Logger: logger, BackupDir: paths.Backups},
	}
}

// start opens the data file and shows the main window. When that fails, a
// window explains why. Another instance may hold the file, the file may be
// an export to import, or it may be damaged, and then a backup may be
// restored.
func (p *program) start() {
	store, err := boltstore.Open(p.paths.Data, p.storeOptions)
	switch {
	case err == nil:
		p.setStore(store)
		p.showMain()
	case errors.Is(err, data.ErrLocked):
		p.log.Error("data file is locked", "data_file", p.paths.Data, "err", err)
		fmt.Fprintln(p.stderr, ui.T("console.locked", map[string]any{"Path": p.paths.Data}))
		p.fail(ui.T("locked.title"), ui.T("locked.message", map[string]any{"Path": p.paths.Data}))
	case errors.Is(err, data.ErrNotDataFile):
		// A restore would not help, because the file is an export to import.
		p.log.Error("data file is an export", "data_file", p.paths.Data, "err", err)
		message := exportFileText(err)
		fmt.Fprintln(p.stderr, "partneryste: "+message)
		p.fail(ui.T("open_failed.title"), message)
	case errors.Is(err, data.ErrDamaged), errors.Is(err, data.ErrTooNew):
		p.log.Error("data file cannot be opened safely", "data_file", p.paths.Data, "err", err)
		key := "console.damaged"
		if errors.Is(err, data.ErrTooNew) {
			key = "console.too_new"
		}
		fmt.Fprintln(p.stderr, ui.T(key, map[string]any{"Path": p.paths.Data}))
		p.showRecovery(err)
	default:
		p.log.Error("open data file", "data_file", p.paths.Data, "err", err)
		fmt.Fprintln(p.stderr, ui.T("console.open_failed", map[string]any{"Path": p.paths.Data, "Error": err.Error()}))
		p.fail(ui.T("open_failed.title"), ui.T("open_failed.message", map[string]any{"Path": p.paths.Data}))
	}
}

// fail shows a start-up error window and makes the run exit non-zero once
// the user closes it.
func (p *program) fail(title, message string) {
	p.exitCode = exitFailure
	ui.ShowStartError(p.app, title, message, p.app.Quit)
}

func (p *program) setStore(store *boltstore.DB) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.store = store
}

func (p *program) currentStore() *boltstore.DB {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.store
}

// showMain creates the main window on the open store.
func (p *program) showMain() {
	store := p.currentStore()
	w := p.app.NewWindow(ui.T("app.title"))
	w.SetMaster()
	w.Resize(ui.DefaultWindowSize)

	p.env = &ui.Env{
		App:     p.app,
		Window:  w,
		Store:   store,
		Log:     p.log,
		Backups: store,
		Restore: p.restore,
		LoadSample: func() error {
			_, err := sample.Load(p.currentStore())
			return err
		},
	}
	if p.sync == nil {
		p.sync = ui.NewSyncService(ui.SyncOptions{
			Store: func() ui.SyncStore { return p.currentStore() },
			Log:   p.log,
		})
		p.sync.StartAuto()
	}
	p.env.Sync = p.sync
	p.main = ui.NewMainWindow(p.env, ui.WindowOptions{Language: p.language, SetLanguage: LoadTranslations})
	w.Show()

	// The window loads the sample data only while its welcome panel is on
	// show, that is only when the data file holds no records.
	if p.loadSample && !p.main.LoadSampleData() {
		p.log.Info("sample data not loaded because the data file holds records", "data_file", p.paths.Data)
	}
}

// restore replaces the open data file with a backup and reopens it. The
// main window's Settings screen calls it off the UI goroutine. When the
// restore fails the previous file is reopened, so the window keeps a
// working store whenever the file allows it.
func (p *program) restore(backupPath string) error {
	if p.sync != nil {
		// A sync writes to the file that the restore replaces.
		resume := p.sync.Pause()
		defer resume()
	}
	p.mu.Lock()
	defer p.mu.Unlock()

	if err := p.store.Close(); err != nil {
		p.log.Warn("close data file before restore", "err", err)
	}
	restoreErr := boltstore.Restore(backupPath, p.paths.Data, p.storeOptions)
	if restoreErr != nil {
		restoreErr = fmt.Errorf("restore %s: %w", backupPath, restoreErr)
	}

	store, err := boltstore.Open(p.paths.Data, p.storeOptions)
	if err != nil {
		return errors.Join(restoreErr, fmt.Errorf("reopen data file: %w", err))
	}
	p.store = store
	// Screens read env.Store on the UI goroutine, so it changes there.
	fyne.DoAndWait(func() {
		p.env.Store = store
		p.env.Backups = store
	})
	return restoreErr
}

// showRecovery shows the recovery window for a damaged or too new file.
func (p *program) showRecovery(cause error) {
	backups, err := boltstore.ListBackups(p.paths.Backups, p.paths.Data)
	if err != nil {
		p.log.Error("list backups", "dir", p.paths.Backups, "err", err)
	}
	quit := func() {
		p.exitCode = exitFailure
		p.app.Quit()
	}
	ui.NewRecoveryWindow(p.app, ui.RecoveryOptions{
		Path:       p.paths.Data,
		Cause:      cause,
		Backups:    backups,
		Restore:    p.restoreDamaged,
		OnRestored: p.showMain,
		OnQuit:     quit,
	}).Show()
}

// restoreDamaged restores a backup over a file that did not open, then
// opens the result. The recovery window calls it off the UI goroutine.
func (p *program) restoreDamaged(backupPath string) error {
	if err := boltstore.Restore(backupPath, p.paths.Data, p.storeOptions); err != nil {
		return fmt.Errorf("restore %s: %w", backupPath, err)
	}
	store, err := boltstore.Open(p.paths.Data, p.storeOptions)
	if err != nil {
		return fmt.Errorf("open restored data file: %w", err)
	}
	p.log.Info("data file restored from backup", "backup", backupPath, "data_file", p.paths.Data)
	p.setStore(store)
	return nil
}

// stop closes the store after the UI has stopped and returns the exit code.
func (p *program) stop() int {
	if p.sync != nil {
		// A sync still running is cancelled before its store closes.
		p.sync.Close()
	}
	store := p.currentStore()
	if store == nil {
		return p.exitCode
	}
	if err := store.Close(); err != nil {
		p.log.Error("close data file", "err", err)
		return exitFailure
	}
	return p.exitCode
}
