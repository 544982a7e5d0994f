// Package ui holds the Fyne screens of the desktop program. Screens read and
// write records only through data.Store; work that may take long runs off the
// UI goroutine and reaches widgets through fyne.Do.
package ui

import (
	"log/slog"

	"fyne.io/fyne/v2"

	"partneryste/data"
)

// Env is what every screen needs: the app, its main window, the store and
// the logger. The app layer builds it; Store may be replaced after a
// restore, so screens read it through Env each time instead of keeping it.
type Env struct {
	App    fyne.App
	Window fyne.Window
	Store  data.Store
	Log    *slog.Logger

	// Backups makes and lists backups of the open store. It may be nil in
	// tests that do not need it.
	Backups data.Backupper
	// Restore replaces the data file with a backup and reopens it; the app
	// layer provides it because it owns the store's lifetime.
	Restore func(backupPath string) error
	// LoadSample loads the sample data set into the store.
	LoadSample func() error
	// Sync runs syncs with the coordinator's server. It may be nil, and
	// the Sync section then only says that sync is unavailable.
	Sync *SyncService
}
