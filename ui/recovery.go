package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// RecoveryOptions configure the recovery window that the program shows
// instead of the main window when the data file cannot be opened safely.
type RecoveryOptions struct {
	// Path is the data file that failed to open.
	Path string
	// Cause is the error from opening it. It wraps data.ErrDamaged or
	// data.ErrTooNew, and the window explains the two differently.
	Cause error
	// Backups lists the backups to offer, newest first.
	Backups []data.BackupInfo
	// Restore replaces the data file with a backup, keeping the damaged
	// file aside. It runs off the UI goroutine.
	Restore func(backupPath string) error
	// OnRestored runs on the UI goroutine after a successful restore,
	// before the recovery window closes, to open the main window.
	OnRestored func()
	// OnQuit runs when the user quits without restoring.
	OnQuit func()
}

// RecoveryWindow explains that the data file is damaged (or too new),
// lists the backups with their dates and sizes, and restores the chosen
// one or quits.
type RecoveryWindow struct {
	opts   RecoveryOptions
	window fyne.Window

	list     *widget.List
	chosen   int
	restore  *widget.Button
	quit     *widget.Button
	progress *widget.ProgressBarInfinite
	status   *widget.Label
	// restoreDone is closed when a restore the window started has ended
	// and its result is handled, so tests wait on it.
	restoreDone chan struct{}
}

// NewRecoveryWindow creates the recovery window in a. Call Show to show it.
func NewRecoveryWindow(a fyne.App, opts RecoveryOptions) *RecoveryWindow {
	r := &RecoveryWindow{opts: opts, chosen: -1}
	r.window = a.NewWindow(T("recovery.title"))
	r.window.SetCloseIntercept(r.onQuit)

	explanation := T("recovery.damaged")
	if errors.Is(opts.Cause, data.ErrTooNew) {
		explanation = T("recovery.too_new")
	}
	heading := widget.NewLabelWithStyle(T("recovery.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(explanation)
	text.Wrapping = fyne.TextWrapWord
	path := widget.NewLabel(T("recovery.file", map[string]any{"Path": opts.Path}))
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true

	r.list = widget.NewList(
		func() int { return len(r.opts.Backups) },
		func() fyne.CanvasObject { return widget.NewLabel("2006-01-02 15:04   1023,9 KB") },
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			obj.(*widget.Label).SetText(backupRow(r.opts.Backups[id]))
		},
	)
	r.list.OnSelected = func(id widget.ListItemID) {
		r.chosen = id
		r.restore.Enable()
	}
	spacer := canvas.NewRectangle(nil)
	spacer.SetMinSize(fyne.NewSize(420, 180))

	r.restore = widget.NewButtonWithIcon(T("recovery.restore"), theme.HistoryIcon(), r.onRestore)
	r.restore.Importance = widget.HighImportance
	r.restore.Disable()
	r.quit = widget.NewButtonWithIcon(T("recovery.quit"), theme.LogoutIcon(), r.onQuit)
	r.progress = widget.NewProgressBarInfinite()
	r.progress.Stop()
	r.progress.Hide()
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.status.Hide()

	backups := fyne.CanvasObject(container.NewStack(spacer, r.list))
	if len(opts.Backups) == 0 {
		none := widget.NewLabel(T("recovery.no_backups"))
		none.Wrapping = fyne.TextWrapWord
		backups = none
	} else {
		// The newest backup is the usual choice, so it starts chosen.
		r.list.Select(0)
	}

	top := container.NewVBox(heading, text, path, widget.NewLabel(T("recovery.backups")))
	bottom := container.NewVBox(r.progress, r.status, container.NewHBox(r.restore, r.quit))
	r.window.SetContent(container.NewPadded(container.NewBorder(top, bottom, nil, nil, backups)))
	r.window.Resize(fyne.NewSize(560, 480))
	return r
}

// Show shows the window.
func (r *RecoveryWindow) Show() { r.window.Show() }

func (r *RecoveryWindow) onQuit() {
	if r.opts.OnQuit != nil {
		r.opts.OnQuit()
	}
	r.window.Close()
}

// onRestore restores the chosen backup off the UI goroutine. On success it
// hands over to OnRestored and closes. On failure it stays open so that the
// user can pick another backup or quit.
func (r *RecoveryWindow) onRestore() {
	if r.chosen < 0 || r.chosen >= len(r.opts.Backups) || r.opts.Restore == nil {
		return
	}
	chosen := r.opts.Backups[r.chosen]
	r.restoreDone = make(chan struct{})
	done := r.restoreDone
	r.restore.Disable()
	r.quit.Disable()
	r.status.SetText(T("recovery.restoring"))
	r.status.Show()
	r.progress.Show()
	r.progress.Start()

	restore := r.opts.Restore
	go func() {
		err := restore(chosen.Path)
		fyne.Do(func() {
			defer close(done)
			r.progress.Stop()
			r.progress.Hide()
			r.quit.Enable()
			if err != nil {
				r.status.SetText(T("recovery.failed"))
				r.restore.Enable()
				return
			}
			if r.opts.OnRestored != nil {
				r.opts.OnRestored()
			}
			r.window.Close()
		})
	}()
}

// ShowStartError shows a small window with a translated title and message
// about a data file that could not be opened, and runs onClose when the
// user closes it. The program uses it when another instance holds the file.
func ShowStartError(a fyne.App, title, message string, onClose func()) fyne.Window {
	w := a.NewWindow(title)
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	closeButton := widget.NewButtonWithIcon(T("common.close"), theme.CancelIcon(), func() { w.Close() })
	closeButton.Importance = widget.HighImportance
	w.SetOnClosed(onClose)
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(closeButton), widget.NewIcon(theme.ErrorIcon()), nil, text)))
	w.Resize(fyne.NewSize(460, 180))
	w.Show()
	return w
}
