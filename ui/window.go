package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/wire"
)

// WindowOptions are the app layer's hooks that the main window needs but
// cannot implement itself, because they depend on how the program started.
type WindowOptions struct {
	// Language is the code of the language in use, one of Languages.
	Language string
	// SetLanguage registers the catalogs of a language ("lt" or "en") and
	// makes it the current one. The Settings screen calls it and then
	// rebuilds the window's content in the new language.
	SetLanguage func(language string) error
}

// DefaultWindowSize is the main window's size at start. It fits a
// 1280×800 screen with a title bar and a panel, and every section's
// minimum size is below it, so that no section widens the window.
var DefaultWindowSize = fyne.NewSize(1200, 700)

// Section ids, in the order the navigation lists them.
const (
	sectionCalendar = iota
	sectionPractice
	sectionConsultations
	sectionSync
	sectionSettings
	// The coordinator's sections follow and are built only in the
	// coordinator's profile.
	sectionReview
	sectionEdition
)

// noSection marks the welcome panel, shown in place of a section when the
// program starts with an empty store.
const noSection = -1

// section is one entry of the navigation list.
type section struct {
	titleKey string
	icon     fyne.Resource
	screen   screen
}

// MainWindow is the program's main window: a navigation list of sections
// at the left and the chosen section's screen at the right.
type MainWindow struct {
	env  *Env
	opts WindowOptions

	sections []section
	current  int
	settings *settingsScreen
	// sync is the Sync section, which the sync service's events reach.
	sync *syncScreen

	nav  *widget.List
	body *fyne.Container
	// selecting is set while the code moves the navigation selection
	// itself, so that OnSelected does not treat it as a user's choice.
	selecting bool

	welcome *welcomePanel
	// prompt is the open unsaved-changes dialog, or nil.
	prompt *leavePrompt
}

// NewMainWindow fills env.Window with the main window's content, menu and
// shortcuts, and sets its title and close handling. When the store holds
// no records the window opens on a welcome panel that offers the sample
// data. Otherwise it opens on the calendar.
func NewMainWindow(env *Env, opts WindowOptions) *MainWindow {
	w := &MainWindow{env: env, opts: opts, current: noSection}
	w.build(w.newSections())
	w.subscribeSync()
	env.Window.SetCloseIntercept(w.onCloseRequested)
	w.addShortcuts()

	if w.storeIsEmpty() {
		w.showWelcome()
	} else {
		w.show(sectionCalendar)
	}
	return w
}

// newSections builds every screen. The settings screen keeps a reference
// to the window so that it can rebuild it after a language change.
func (w *MainWindow) newSections() []section {
	w.settings = newSettingsScreen(w.env, w)
	w.sync = newSyncScreen(w.env)
	w.sync.onRoleChanged = w.onRoleChanged
	sections := []section{
		sectionCalendar:      {titleKey: "nav.calendar", icon: theme.CalendarIcon(), screen: newCalendarScreen(w.env)},
		sectionPractice:      {titleKey: "nav.practice", icon: theme.DocumentIcon(), screen: newPracticeScreen(w.env)},
		sectionConsultations: {titleKey: "nav.consultations", icon: theme.AccountIcon(), screen: newConsultationsScreen(w.env)},
		sectionSync:          {titleKey: "syncui.nav", icon: theme.ViewRefreshIcon(), screen: w.sync},
		sectionSettings:      {titleKey: "nav.settings", icon: theme.SettingsIcon(), screen: w.settings},
	}
	if isCoordinator(w.env) {
		sections = append(sections,
			section{titleKey: "nav.review", icon: theme.ConfirmIcon(), screen: newReviewScreen(w.env)},
			section{titleKey: "nav.edition", icon: theme.FileTextIcon(), screen: newEditionScreen(w.env)},
		)
	}
	return sections
}

// onRoleChanged rebuilds the window after a connection test changed the
// profile's role, so that the coordinator's sections appear or go, and
// shows the test's result again on the new Sync section. The address and
// token the user typed but has not saved yet survive the rebuild.
func (w *MainWindow) onRoleChanged(who wire.WhoAmIResponse) {
	if w.current >= sectionReview {
		w.current = sectionSync
	}
	typed := w.sync.typedInput()
	w.rebuild()
	w.sync.restoreTypedInput(typed)
	w.sync.showSettingsStatus(WhoAmIText(who), widget.SuccessImportance)
}

// build lays out the navigation and an empty body for the given sections
// and installs them as the window's content and menu.
func (w *MainWindow) build(sections []section) {
	w.sections = sections
	w.nav = widget.NewList(
		func() int { return len(w.sections) },
		func() fyne.CanvasObject {
			// A truncated title lets the navigation narrow when a section
			// needs the room, instead of widening the window.
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.CalendarIcon()), nil, title)
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			row := obj.(*fyne.Container)
			row.Objects[1].(*widget.Icon).SetResource(w.sections[id].icon)
			row.Objects[0].(*widget.Label).SetText(w.sectionTitle(id))
		},
	)
	w.nav.OnSelected = w.onNavSelected

	w.body = container.NewStack()
	split := container.NewHSplit(w.nav, w.body)
	split.Offset = 0.2
	w.env.Window.SetContent(split)
	w.env.Window.SetMainMenu(w.newMainMenu())
	w.updateTitle()
}

// newMainMenu returns the File menu. Its shortcuts matter beyond the menu
// itself: the desktop driver gives a focused text field every shortcut
// before the canvas sees it, but checks the main menu first, so only a
// menu shortcut reaches the screen while the user types in a field.
func (w *MainWindow) newMainMenu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem(T("menu.new"), w.onNew)
	newItem.Shortcut = shortcutNew
	saveItem := fyne.NewMenuItem(T("menu.save"), w.onSave)
	saveItem.Shortcut = shortcutSave
	findItem := fyne.NewMenuItem(T("menu.find"), w.onFind)
	findItem.Shortcut = shortcutFind
	quitItem := fyne.NewMenuItem(T("menu.quit"), w.onCloseRequested)
	quitItem.IsQuit = true

	file := fyne.NewMenu(T("menu.file"), newItem, saveItem, findItem, fyne.NewMenuItemSeparator(), quitItem)
	return fyne.NewMainMenu(file)
}

// The shortcuts that the window routes to the visible screen. The default
// modifier is Ctrl on Linux and Windows and Cmd on macOS.
var (
	shortcutNew  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
)

// addShortcuts registers the shortcuts on the canvas too, for the times
// no text field has the focus and for drivers without a main menu.
func (w *MainWindow) addShortcuts() {
	c := w.env.Window.Canvas()
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) { w.onNew() })
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { w.onSave() })
	c.AddShortcut(shortcutFind, func(fyne.Shortcut) { w.onFind() })
}

// visible returns the screen on show, or nil while the welcome panel is
// on show or the unsaved-changes prompt waits for an answer, so that a
// shortcut cannot act on a screen the user is being asked about.
func (w *MainWindow) visible() screen {
	if w.current == noSection || w.prompt != nil {
		return nil
	}
	return w.sections[w.current].screen
}

func (w *MainWindow) onNew() {
	if s := w.visible(); s != nil {
		s.onNew()
	}
}

func (w *MainWindow) onFind() {
	if s := w.visible(); s != nil {
		s.onFind()
	}
}

// onSave saves the visible screen. An invalid input is already shown
// beside its fields by the screen, so only other failures are logged here.
func (w *MainWindow) onSave() {
	s := w.visible()
	if s == nil {
		return
	}
	if err := s.save(); err != nil && !isInvalidInput(err) {
		w.env.Log.Error("save failed", "section", w.sections[w.current].titleKey, "err", err)
	}
}

// onNavSelected handles the user's choice of a section in the navigation.
func (w *MainWindow) onNavSelected(id widget.ListItemID) {
	if w.selecting || id == w.current {
		return
	}
	w.leaveThen(func() { w.show(id) }, w.restoreNavSelection)
}

// restoreNavSelection puts the navigation's selection back on the section
// on show after the user cancelled leaving it.
func (w *MainWindow) restoreNavSelection() {
	w.selecting = true
	defer func() { w.selecting = false }()
	if w.current == noSection {
		w.nav.UnselectAll()
		return
	}
	w.nav.Select(w.current)
}

// show makes section id the visible one, reloading it from the store.
func (w *MainWindow) show(id int) {
	w.current = id
	w.welcome = nil
	s := w.sections[id].screen
	s.refresh()
	w.body.Objects = []fyne.CanvasObject{s.content()}
	w.body.Refresh()
	w.restoreNavSelection()
}

// leaveThen runs next once the visible screen has no unsaved changes. A
// dirty screen first asks the user to save, discard or cancel: a save
// that fails keeps the user on the screen, and cancel runs stay instead.
func (w *MainWindow) leaveThen(next, stay func()) {
	if w.prompt != nil {
		// The prompt already asks about this screen.
		stay()
		return
	}
	s := w.visible()
	if s == nil || !s.dirty() {
		next()
		return
	}
	w.prompt = newLeavePrompt(w.env.Window, func(choice leaveChoice) {
		w.prompt = nil
		switch choice {
		case leaveSave:
			if err := s.save(); err != nil {
				w.onLeaveSaveFailed(err)
				stay()
				return
			}
			next()
		case leaveDiscard:
			s.discard()
			next()
		default:
			stay()
		}
	})
	w.prompt.dialog.Show()
}

// onLeaveSaveFailed tells the user why the window stayed on the screen.
// Invalid fields are already marked by the screen. Other errors are not
// shown raw, as their text is in English and meant for the log.
func (w *MainWindow) onLeaveSaveFailed(err error) {
	if isInvalidInput(err) {
		return
	}
	w.env.Log.Error("save before leaving failed", "err", err)
	showMessage(w.env.Window, T("common.error"), T("unsaved.save_failed"))
}

// onCloseRequested runs when the user closes the window or picks Quit.
func (w *MainWindow) onCloseRequested() {
	w.leaveThen(w.env.Window.Close, func() {})
}

// rebuild recreates every screen and the window's content, so that a new
// language reaches every label. It keeps the section on show.
func (w *MainWindow) rebuild() {
	visibleSection := w.current
	w.build(w.newSections())
	if visibleSection == noSection {
		w.showWelcome()
		return
	}
	w.show(visibleSection)
}

// refreshAll reloads every screen, as after a restore or the sample data
// replaced what the store holds, and updates the title.
func (w *MainWindow) refreshAll() {
	for _, s := range w.sections {
		s.screen.refresh()
	}
	w.updateTitle()
}

// updateTitle sets "Partnerystė — <association name>" as the title.
func (w *MainWindow) updateTitle() {
	title := T("app.title")
	p, err := w.env.Store.Profile()
	if err != nil {
		w.env.Log.Warn("read profile for the window title", "err", err)
	}
	if err == nil && p.Name != "" {
		title = T("app.title_with_name", map[string]any{"Name": p.Name})
	}
	w.env.Window.SetTitle(title)
}

// storeIsEmpty reports whether the store holds no records at all. A store
// that cannot count is treated as not empty, so that the calendar opens
// and shows its own error instead of offering sample data over it.
func (w *MainWindow) storeIsEmpty() bool {
	c, err := w.env.Store.Counts()
	if err != nil {
		w.env.Log.Error("count records", "err", err)
		return false
	}
	return c.Events+c.PracticeCases+c.Consultations == 0
}

// isInvalidInput reports whether err is a validation error that the screen
// has already shown beside its fields.
func isInvalidInput(err error) bool {
	var ve *data.ValidationError
	return errors.As(err, &ve) || errors.Is(err, errInvalidInput)
}

// showMessage shows a short translated message in a dialog whose button
// is translated as well.
func showMessage(parent fyne.Window, title, message string) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, T("common.ok"), text, parent)
	d.Resize(fyne.NewSize(420, 0).Max(d.MinSize()))
	d.Show()
}

// leaveChoice is the user's answer to the unsaved-changes prompt.
type leaveChoice int

const (
	leaveCancel leaveChoice = iota
	leaveSave
	leaveDiscard
)

// leavePrompt asks whether to save, discard or keep unsaved changes. Its
// buttons are built here because Fyne's confirm dialogs have two buttons.
type leavePrompt struct {
	dialog                *dialog.CustomDialog
	save, discard, cancel *widget.Button
}

func newLeavePrompt(parent fyne.Window, onChoice func(leaveChoice)) *leavePrompt {
	p := &leavePrompt{}
	message := widget.NewLabel(T("unsaved.message"))
	message.Wrapping = fyne.TextWrapWord
	p.dialog = dialog.NewCustomWithoutButtons(T("unsaved.title"), message, parent)

	answer := func(choice leaveChoice) func() {
		return func() {
			p.dialog.Hide()
			onChoice(choice)
		}
	}
	p.save = widget.NewButtonWithIcon(T("unsaved.save"), theme.DocumentSaveIcon(), answer(leaveSave))
	p.save.Importance = widget.HighImportance
	p.discard = widget.NewButtonWithIcon(T("unsaved.discard"), theme.DeleteIcon(), answer(leaveDiscard))
	p.cancel = widget.NewButtonWithIcon(T("unsaved.cancel"), theme.CancelIcon(), answer(leaveCancel))
	p.dialog.SetButtons([]fyne.CanvasObject{p.cancel, p.discard, p.save})
	p.dialog.Resize(fyne.NewSize(460, 0).Max(p.dialog.MinSize()))
	return p
}

// welcomePanel is shown in place of a section when the store is empty.
type welcomePanel struct {
	root              fyne.CanvasObject
	loadSample, start *widget.Button
	progress          *widget.ProgressBarInfinite
	status            *widget.Label
	// loading is set while a sample load runs.
	loading bool
	// done is closed when a sample load that the panel started has ended
	// and its result is on the screen, so tests wait on it.
	done chan struct{}
}

// showWelcome shows the welcome panel with the sample data offer.
func (w *MainWindow) showWelcome() {
	p := &welcomePanel{}
	title := widget.NewLabelWithStyle(T("welcome.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(T("welcome.text"))
	text.Wrapping = fyne.TextWrapWord
	p.loadSample = widget.NewButtonWithIcon(T("welcome.load_sample"), theme.DownloadIcon(), func() { w.loadSample() })
	p.loadSample.Importance = widget.HighImportance
	p.start = widget.NewButton(T("welcome.start_empty"), func() { w.show(sectionCalendar) })
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Stop()
	p.progress.Hide()
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.Hide()

	var icon fyne.CanvasObject = layout.NewSpacer()
	if res := w.env.App.Icon(); res != nil {
		image := canvas.NewImageFromResource(res)
		image.FillMode = canvas.ImageFillContain
		image.SetMinSize(fyne.NewSize(96, 96))
		icon = container.NewHBox(image)
	}
	p.root = container.NewPadded(container.NewVBox(
		icon, title, text,
		container.NewHBox(p.loadSample, p.start),
		p.progress, p.status,
	))
	if w.env.LoadSample == nil {
		p.loadSample.Disable()
	}

	w.current = noSection
	w.welcome = p
	w.body.Objects = []fyne.CanvasObject{p.root}
	w.body.Refresh()
	w.restoreNavSelection()
}

// loadSample loads the sample data off the UI goroutine while the panel
// shows progress, then opens the calendar. It does nothing and returns
// false unless the welcome panel is on show and idle.
func (w *MainWindow) loadSample() bool {
	p := w.welcome
	if p == nil || w.env.LoadSample == nil || p.loading {
		return false
	}
	p.loading = true
	p.done = make(chan struct{})
	done := p.done
	p.loadSample.Disable()
	p.start.Disable()
	p.status.SetText(T("welcome.loading"))
	p.status.Show()
	p.progress.Show()
	p.progress.Start()

	load := w.env.LoadSample
	go func() {
		err := load()
		fyne.Do(func() {
			defer close(done)
			p.loading = false
			p.progress.Stop()
			p.progress.Hide()
			if err != nil {
				w.env.Log.Error("load sample data", "err", err)
				p.status.SetText(T("welcome.sample_failed"))
				p.loadSample.Enable()
				p.start.Enable()
				return
			}
			w.env.Log.Info("sample data loaded")
			w.refreshAll()
			if w.welcome == p {
				w.show(sectionCalendar)
			}
		})
	}()
	return true
}

// LoadSampleData starts loading the sample data as the welcome panel's
// button does, for the -sample flag. It returns false, and loads nothing,
// when the store was not empty at start or a load is already running.
func (w *MainWindow) LoadSampleData() bool {
	return w.loadSample()
}

// String names the window's state for logs and test failures.
func (w *MainWindow) String() string {
	if w.current == noSection {
		return "main window (welcome)"
	}
	return fmt.Sprintf("main window (%s)", w.sections[w.current].titleKey)
}

// boundedLayout sizes its objects to the whole container and clamps the
// minimum width it reports. A maximum keeps a wide widget, such as a Select
// with long options or a row of filters, from widening the window: its text
// is cut with an ellipsis instead. A minimum keeps an entry wide enough for
// the text it is made for, such as a date.
type boundedLayout struct {
	minWidth, maxWidth float32
}

func (l boundedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l boundedLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		if o.Visible() {
			min = min.Max(o.MinSize())
		}
	}
	if l.maxWidth > 0 && min.Width > l.maxWidth {
		min.Width = l.maxWidth
	}
	if min.Width < l.minWidth {
		min.Width = l.minWidth
	}
	return min
}

// narrow wraps obj so that its minimum width is at most width.
func narrow(obj fyne.CanvasObject, width float32) *fyne.Container {
	return container.New(boundedLayout{maxWidth: width}, obj)
}

// wideEnough wraps obj so that its minimum width is at least width.
func wideEnough(obj fyne.CanvasObject, width float32) *fyne.Container {
	return container.New(boundedLayout{minWidth: width}, obj)
}

// filterMinWidth is the narrowest a filter Select gets before its text is
// cut: room for a few letters and the drop-down arrow.
const filterMinWidth = 96
