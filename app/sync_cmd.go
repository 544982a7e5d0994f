package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"

	"partneryste/data/syncclient"
	"partneryste/ui"
)

// The sync commands register themselves here, so that cli.go needs no
// change for them.
func init() {
	commands["sync"] = (*cli).runSync
	commands["sync-settings"] = (*cli).runSyncSettings
}

// maxTokenFile bounds the token file read, because a token is 43
// characters and a large file is a mistake.
const maxTokenFile = 4096

// readTokenFile returns the token in the file, without surrounding
// whitespace. The token never goes into a message.
func readTokenFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxTokenFile+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	if len(raw) > maxTokenFile {
		return "", fmt.Errorf("%s is larger than %d bytes; it should hold only the token", path, maxTokenFile)
	}
	token := strings.TrimSpace(string(raw))
	if token == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return token, nil
}

// syncFlags are the flags that override the stored sync settings, and
// -v, which shows the log.
type syncFlags struct {
	server    string
	tokenFile string
	verbose   bool
}

func (f *syncFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.server, "server", "", "server address, such as https://sync.example.lt")
	fs.StringVar(&f.tokenFile, "token-file", "", "file that holds the access token of the association or the coordinator")
	fs.BoolVar(&f.verbose, "v", false, "print the log (retries, warnings, errors) on standard error")
}

// useSyncLog sets the command's logger. The log is in English and repeats
// what the translated messages already say, so it is printed only with -v.
func (c *cli) useSyncLog(verbose bool) {
	if !verbose {
		c.log = slog.New(slog.DiscardHandler)
		return
	}
	c.log = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// checkSyncSettings prints the translated reason why settings cannot be
// used and returns false, or returns true.
func (c *cli) checkSyncSettings(settings syncclient.Settings) bool {
	problem := ui.CheckSyncSettings(settings)
	if problem == ui.SettingsOK {
		return true
	}
	c.errorln(ui.T("sync.error."+string(problem), map[string]any{"Server": settings.ServerURL}))
	return false
}

// syncSettings returns the stored settings with the flags applied over them.
// With both flags set, nothing needs to be stored. Flags are used for this
// run only and are never saved.
func (c *cli) syncSettings(f syncFlags) (syncclient.Settings, bool) {
	stored, err := syncclient.LoadSettings(syncclient.SettingsPath(c.paths.Data))
	switch {
	case errors.Is(err, syncclient.ErrNoSettings) && f.server != "" && f.tokenFile != "":
	case errors.Is(err, syncclient.ErrNoSettings):
		c.errorln(ui.T("sync.error.no_settings"))
		return stored, false
	case err != nil:
		c.errorln(ui.T("sync.error.settings_file", map[string]any{"Path": syncclient.SettingsPath(c.paths.Data)}))
		return stored, false
	}
	if f.server != "" {
		stored.ServerURL = f.server
	}
	if f.tokenFile != "" {
		token, err := readTokenFile(f.tokenFile)
		if err != nil {
			c.errorln(ui.T("sync.error.token_file", map[string]any{"Error": err.Error()}))
			return stored, false
		}
		stored.Token = token
	}
	return stored, true
}

func (c *cli) runSync() int {
	var f syncFlags
	if _, code, ok := c.parse(f.register, 0, 0); !ok {
		return code
	}
	c.useSyncLog(f.verbose)
	settings, ok := c.syncSettings(f)
	if !ok {
		return exitFailure
	}
	if !c.checkSyncSettings(settings) {
		return exitUsage
	}
	client, err := syncclient.New(syncclient.Options{ServerURL: settings.ServerURL, Token: settings.Token, Logger: c.log})
	if err != nil {
		c.errorln(syncErrorText(err))
		return exitUsage
	}
	defer client.Close()

	store := c.openOrFail(false)
	if store == nil {
		return exitFailure
	}
	defer c.closeStore(store)

	// Ctrl+C cancels the sync. Changes already sent or received stay
	// committed, and the next sync continues from there.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	syncer := syncclient.NewSyncer(client, store, syncclient.SyncOptions{Logger: c.log})
	report, err := syncer.Sync(ctx, nil)
	if err != nil {
		// Counts printed before the error would read as the result; what
		// was sent before the failure is not sent again next time.
		c.errorln(syncErrorText(err))
		return exitFailure
	}
	c.printSyncReport(report)
	return exitOK
}

func (c *cli) printSyncReport(r syncclient.Report) {
	c.println(ui.T("sync.report.pushed", map[string]any{"Count": r.Pushed}))
	c.println(ui.T("sync.report.pulled", map[string]any{"Count": r.Pulled, "Removed": r.Removed}))
	if r.Conflicts > 0 {
		c.println(ui.TN("sync.report.conflicts", r.Conflicts))
	}
	if r.Rejected > 0 {
		c.println(ui.TN("sync.report.rejected", r.Rejected))
	}
}

func (c *cli) runSyncSettings() int {
	var f syncFlags
	if _, code, ok := c.parse(f.register, 0, 0); !ok {
		return code
	}
	c.useSyncLog(f.verbose)
	if f.server == "" || f.tokenFile == "" {
		c.usageError(ui.T("cli.usage.arguments", map[string]any{"Usage": ui.T("cli.usage.sync-settings")}))
		return exitUsage
	}
	token, err := readTokenFile(f.tokenFile)
	if err != nil {
		c.errorln(ui.T("sync.error.token_file", map[string]any{"Error": err.Error()}))
		return exitFailure
	}
	path := syncclient.SettingsPath(c.paths.Data)
	settings := syncclient.Settings{ServerURL: f.server, Token: token}
	if !c.checkSyncSettings(settings) {
		return exitUsage
	}
	if err := syncclient.SaveSettings(path, settings); err != nil {
		if errors.Is(err, syncclient.ErrSettings) {
			c.errorln(syncErrorText(err))
			return exitUsage
		}
		return c.fail(err)
	}
	c.println(ui.T("sync.settings.saved", map[string]any{"Path": path, "Server": settings.ServerURL}))
	return exitOK
}

// syncErrorText returns the translated message for a sync error, from the
// sync catalogs.
func syncErrorText(err error) string {
	key := "sync.error.failed"
	switch {
	case errors.Is(err, syncclient.ErrSettings):
		key = "sync.error.settings"
	case errors.Is(err, syncclient.ErrUnauthorized):
		key = "sync.error.unauthorized"
	case errors.Is(err, syncclient.ErrForbidden):
		key = "sync.error.forbidden"
	case errors.Is(err, syncclient.ErrUnreachable):
		key = "sync.error.unreachable"
	case errors.Is(err, syncclient.ErrServer):
		key = "sync.error.server"
	case errors.Is(err, syncclient.ErrRejected):
		key = "sync.error.rejected"
	case errors.Is(err, syncclient.ErrProtocol):
		key = "sync.error.protocol"
	case errors.Is(err, context.Canceled):
		key = "sync.error.canceled"
	}
	return ui.T(key, map[string]any{"Error": err.Error()})
}
