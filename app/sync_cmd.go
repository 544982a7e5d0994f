package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
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

// syncFlags are the flags that override the stored sync settings.
type syncFlags struct {
	server    string
	tokenFile string
}

func (f *syncFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.server, "server", "", "server address, such as https://sync.example.lt")
	fs.StringVar(&f.tokenFile, "token-file", "", "file that holds the association's token")
}

// syncSettings returns the stored settings with the flags applied over them.
// With both flags set, nothing needs to be stored.
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
	settings, ok := c.syncSettings(f)
	if !ok {
		return exitFailure
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
	c.printSyncReport(report)
	if err != nil {
		c.errorln(syncErrorText(err))
		return exitFailure
	}
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
