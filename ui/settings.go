package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// Preference keys. Every key the program stores in Fyne's preferences is
// declared here, so that the code that writes a key and the code that
// reads it cannot drift apart.
const (
	// PrefLanguage is the UI language: "lt" or "en".
	PrefLanguage = "language"
)

// DefaultLanguage is the language used until the user picks another.
const DefaultLanguage = "lt"

// Languages lists the UI languages in the order Settings offers them,
// each with its name in its own language.
var Languages = []struct{ Code, Name string }{
	{"lt", "Lietuvių"},
	{"en", "English"},
}

// IsLanguage reports whether code is one of Languages.
func IsLanguage(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// MaxProfileNameRunes is the longest association name Settings accepts.
// The name appears in the window title and on the publication's cover, and
// the longest association names in the network are under 120 characters.
const MaxProfileNameRunes = 200

// settingsScreen lets the user pick the language, name the association,
// see the data file, take and restore backups, and see the record counts.
type settingsScreen struct {
	env *Env
	win *MainWindow

	root fyne.CanvasObject

	language *widget.RadioGroup

	profileName   *widget.Entry
	profileStatus *widget.Label
	saveProfile   *widget.Button
	// savedProfile is the profile as stored, so dirty can compare with it.
	savedProfile data.Profile

	dataPath *widget.Label
	copyPath *widget.Button

	backupNow      *widget.Button
	backupProgress *widget.ProgressBarInfinite
	backupStatus   *widget.Label
	backupList     *widget.List
	backupsEmpty   *widget.Label
	// backupArea contains the list, hidden while there are no backups.
	backupArea   *fyne.Container
	backups      []data.BackupInfo
	chosenBackup int
	restore      *widget.Button
	// backupDone and restoreDone are closed when a backup or restore that
	// the screen started has ended and its result is on the screen, so
	// tests wait on them instead of sleeping.
	backupDone, restoreDone chan struct{}

	events, practiceCases, consultations, outbox *widget.Label
}

func newSettingsScreen(env *Env, win *MainWindow) *settingsScreen {
	s := &settingsScreen{env: env, win: win, chosenBackup: -1}
	s.root = container.NewVScroll(container.NewVBox(
		widget.NewCard(T("settings.language"), "", s.buildLanguage()),
		widget.NewCard(T("settings.profile"), "", s.buildProfile()),
		widget.NewCard(T("settings.data_file"), "", s.buildDataFile()),
		widget.NewCard(T("settings.backups"), "", s.buildBackups()),
		widget.NewCard(T("settings.records"), "", s.buildCounts()),
	))
	return s
}

func (s *settingsScreen) buildLanguage() fyne.CanvasObject {
	names := make([]string, len(Languages))
	for i, l := range Languages {
		names[i] = l.Name
	}
	s.language = widget.NewRadioGroup(names, nil)
	s.language.Horizontal = true
	s.language.Required = true
	s.language.SetSelected(languageName(s.win.opts.Language))
	s.language.OnChanged = s.onLanguageChanged

	// NOTE: Fyne v2.8.1 reads the locale from LANGUAGE only on Linux and
	// the BSDs. On Windows and macOS it asks the operating system, so this
	// choice is stored but the messages follow the system's language.
	return s.language
}

func languageName(code string) string {
	for _, l := range Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return Languages[0].Name
}

func languageCode(name string) string {
	for _, l := range Languages {
		if l.Name == name {
			return l.Code
		}
	}
	return DefaultLanguage
}

// onLanguageChanged stores the chosen language, registers its catalogs and
// rebuilds the window so that every label shows the new language. A typed
// but unsaved association name survives the rebuild.
func (s *settingsScreen) onLanguageChanged(name string) {
	code := languageCode(name)
	if code == s.win.opts.Language {
		return
	}
	s.env.App.Preferences().SetString(PrefLanguage, code)
	if s.win.opts.SetLanguage != nil {
		if err := s.win.opts.SetLanguage(code); err != nil {
			s.env.Log.Error("switch language", "language", code, "err", err)
			showMessage(s.env.Window, T("common.error"), T("settings.language_failed"))
			return
		}
	}
	s.env.Log.Info("language changed", "language", code)
	s.win.opts.Language = code

	typed := s.profileName.Text
	s.win.rebuild()
	s.win.settings.profileName.SetText(typed)
}

func (s *settingsScreen) buildProfile() fyne.CanvasObject {
	s.profileName = widget.NewEntry()
	s.profileName.SetPlaceHolder(T("settings.profile_name_placeholder"))
	s.profileName.OnSubmitted = func(string) { s.onSaveProfile() }
	s.profileName.OnChanged = func(string) { s.profileStatus.Hide() }
	s.profileStatus = widget.NewLabel("")
	s.profileStatus.Wrapping = fyne.TextWrapWord
	s.profileStatus.Hide()
	s.saveProfile = widget.NewButtonWithIcon(T("common.save"), theme.DocumentSaveIcon(), s.onSaveProfile)

	form := widget.NewForm(widget.NewFormItem(T("settings.profile_name"), s.profileName))
	return container.NewVBox(form, container.NewHBox(s.saveProfile), s.profileStatus)
}

func (s *settingsScreen) onSaveProfile() {
	if err := s.save(); err != nil && !isInvalidInput(err) {
		s.env.Log.Error("save profile", "err", err)
	}
}

// validateProfileName returns the trimmed name and, when it is not
// acceptable, the translated reason.
func validateProfileName(name string) (string, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return name, T("settings.profile_name_required")
	case !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl):
		return name, T("settings.profile_name_invalid")
	case utf8.RuneCountInString(name) > MaxProfileNameRunes:
		return name, T("settings.profile_name_too_long", map[string]any{"Limit": MaxProfileNameRunes})
	}
	return name, ""
}

func (s *settingsScreen) showProfileStatus(text string, importance widget.Importance) {
	s.profileStatus.Importance = importance
	s.profileStatus.SetText(text)
	s.profileStatus.Show()
}

func (s *settingsScreen) buildDataFile() fyne.CanvasObject {
	s.dataPath = widget.NewLabel("")
	s.dataPath.Selectable = true
	s.dataPath.Wrapping = fyne.TextWrapBreak
	s.copyPath = widget.NewButtonWithIcon(T("settings.copy_path"), theme.ContentCopyIcon(), func() {
		s.env.App.Clipboard().SetContent(s.env.Store.Path())
	})
	return container.NewVBox(s.dataPath, container.NewHBox(s.copyPath))
}

func (s *settingsScreen) buildBackups() fyne.CanvasObject {
	s.backupNow = widget.NewButtonWithIcon(T("settings.backup_now"), theme.DocumentSaveIcon(), s.onBackupNow)
	s.backupProgress = widget.NewProgressBarInfinite()
	s.backupProgress.Stop()
	s.backupProgress.Hide()
	s.backupStatus = widget.NewLabel("")
	s.backupStatus.Wrapping = fyne.TextWrapWord
	s.backupStatus.Hide()

	s.backupList = widget.NewList(
		func() int { return len(s.backups) },
		func() fyne.CanvasObject { return widget.NewLabel("2006-01-02 15:04:05   1023,9 KB") },
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			obj.(*widget.Label).SetText(backupRow(s.backups[id]))
		},
	)
	s.backupList.OnSelected = func(id widget.ListItemID) {
		s.chosenBackup = id
		s.restore.Enable()
	}
	s.backupList.OnUnselected = func(widget.ListItemID) {
		s.chosenBackup = -1
		s.restore.Disable()
	}
	// The list gets a fixed height inside the scrolling page, because a
	// list's own minimum height is a single row.
	listArea := container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)), s.backupList)
	spacer := canvas.NewRectangle(nil)
	spacer.SetMinSize(fyne.NewSize(360, 160))
	s.backupArea = container.NewStack(spacer, listArea)
	s.backupArea.Hide()

	s.backupsEmpty = widget.NewLabel(T("settings.backups_none"))
	s.backupsEmpty.Hide()
	s.restore = widget.NewButtonWithIcon(T("settings.restore"), theme.HistoryIcon(), s.onRestore)
	s.restore.Disable()

	if s.env.Backups == nil {
		s.backupNow.Disable()
		s.backupStatus.SetText(T("settings.backups_unavailable"))
		s.backupStatus.Show()
	}
	return container.NewVBox(
		container.NewHBox(s.backupNow),
		s.backupProgress,
		s.backupStatus,
		s.backupsEmpty,
		s.backupArea,
		container.NewHBox(s.restore),
	)
}

// backupRow formats a backup as its local time in Vilnius, to the second
// as the backups command prints it, and its size. Backups taken within one
// minute differ only in the seconds.
func backupRow(b data.BackupInfo) string {
	return b.Created.In(data.Vilnius).Format("2006-01-02 15:04:05") + "   " + formatSize(b.Size)
}

// formatSize formats a byte count with one decimal in KB or MB (powers of
// 1024) and the language's decimal separator.
func formatSize(n int64) string {
	const kib, mib = 1024, 1024 * 1024
	var value float64
	var key string
	switch {
	case n < kib:
		return T("size.bytes", map[string]any{"Size": strconv.FormatInt(n, 10)})
	case n < mib:
		value, key = float64(n)/kib, "size.kb"
	default:
		value, key = float64(n)/mib, "size.mb"
	}
	number := strings.Replace(strconv.FormatFloat(value, 'f', 1, 64), ".", T("format.decimal_separator"), 1)
	return T(key, map[string]any{"Size": number})
}

// onBackupNow takes a backup off the UI goroutine while a progress bar runs.
func (s *settingsScreen) onBackupNow() {
	b := s.env.Backups
	if b == nil {
		return
	}
	s.backupDone = make(chan struct{})
	done := s.backupDone
	s.backupNow.Disable()
	s.restore.Disable()
	s.backupStatus.SetText(T("settings.backup_running"))
	s.backupStatus.Show()
	s.backupProgress.Show()
	s.backupProgress.Start()

	go func() {
		info, err := b.Backup()
		list, listErr := b.Backups()
		fyne.Do(func() {
			defer close(done)
			s.backupProgress.Stop()
			s.backupProgress.Hide()
			s.backupNow.Enable()
			if err != nil {
				s.env.Log.Error("backup failed", "err", err)
				s.backupStatus.SetText(T("settings.backup_failed"))
				return
			}
			s.env.Log.Info("backup taken", "path", info.Path, "size", info.Size)
			s.backupStatus.SetText(T("settings.backup_done", map[string]any{"Created": backupRow(info)}))
			if listErr != nil {
				s.env.Log.Error("list backups", "err", listErr)
				return
			}
			s.showBackups(list)
		})
	}()
}

func (s *settingsScreen) showBackups(list []data.BackupInfo) {
	s.backups = list
	s.chosenBackup = -1
	s.backupList.UnselectAll()
	s.backupList.Refresh()
	s.restore.Disable()
	if len(list) == 0 {
		s.backupsEmpty.Show()
		s.backupArea.Hide()
	} else {
		s.backupsEmpty.Hide()
		s.backupArea.Show()
	}
}

// onRestore asks for confirmation, then restores the chosen backup off the
// UI goroutine and reloads every screen from the restored file.
func (s *settingsScreen) onRestore() {
	if s.chosenBackup < 0 || s.chosenBackup >= len(s.backups) || s.env.Restore == nil {
		return
	}
	chosen := s.backups[s.chosenBackup]
	message := widget.NewLabel(T("settings.restore_confirm", map[string]any{"Created": backupRow(chosen)}))
	message.Wrapping = fyne.TextWrapWord
	confirm := dialog.NewCustomConfirm(T("settings.restore_confirm_title"), T("settings.restore"), T("common.cancel"),
		message, func(ok bool) {
			if ok {
				s.startRestore(chosen)
			}
		}, s.env.Window)
	confirm.Resize(fyne.NewSize(460, 0).Max(confirm.MinSize()))
	confirm.Show()
}

func (s *settingsScreen) startRestore(chosen data.BackupInfo) {
	s.restoreDone = make(chan struct{})
	done := s.restoreDone
	s.backupNow.Disable()
	s.restore.Disable()
	s.backupStatus.SetText(T("settings.restoring"))
	s.backupStatus.Show()
	s.backupProgress.Show()
	s.backupProgress.Start()
	// A modal dialog keeps the user off the other screens, which would
	// read the store while it is closed for the restore.
	busyBar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons(T("settings.restoring"), busyBar, s.env.Window)
	busy.Show()

	restore := s.env.Restore
	go func() {
		err := restore(chosen.Path)
		fyne.Do(func() {
			defer close(done)
			busyBar.Stop()
			busy.Hide()
			s.backupProgress.Stop()
			s.backupProgress.Hide()
			s.backupNow.Enable()
			if err != nil {
				s.env.Log.Error("restore failed", "backup", chosen.Path, "err", err)
				s.backupStatus.SetText(T("settings.restore_failed"))
				showMessage(s.env.Window, T("common.error"), T("settings.restore_failed"))
				return
			}
			s.env.Log.Info("restored from backup", "backup", chosen.Path)
			s.win.refreshAll()
			s.backupStatus.SetText(T("settings.restore_done", map[string]any{"Created": backupRow(chosen)}))
			s.backupStatus.Show()
		})
	}()
}

func (s *settingsScreen) buildCounts() fyne.CanvasObject {
	s.events = widget.NewLabel("")
	s.practiceCases = widget.NewLabel("")
	s.consultations = widget.NewLabel("")
	s.outbox = widget.NewLabel("")
	return container.NewVBox(s.events, s.practiceCases, s.consultations, s.outbox)
}

// content implements screen.
func (s *settingsScreen) content() fyne.CanvasObject { return s.root }

// refresh implements screen: it reloads the profile, the path, the counts
// and the backup list. A name the user is still editing is kept.
func (s *settingsScreen) refresh() {
	wasDirty := s.dirty()
	p, err := s.env.Store.Profile()
	if err != nil {
		s.env.Log.Error("read profile", "err", err)
	} else {
		s.savedProfile = p
		if !wasDirty {
			s.profileName.SetText(p.Name)
			s.profileStatus.Hide()
		}
	}

	s.dataPath.SetText(s.env.Store.Path())

	c, err := s.env.Store.Counts()
	if err != nil {
		s.env.Log.Error("count records", "err", err)
	}
	s.events.SetText(TN("settings.count.events", c.Events))
	s.practiceCases.SetText(TN("settings.count.practice_cases", c.PracticeCases))
	s.consultations.SetText(TN("settings.count.consultations", c.Consultations))
	s.outbox.SetText(TN("settings.count.outbox", c.Outbox))

	if s.env.Backups != nil {
		list, err := s.env.Backups.Backups()
		if err != nil {
			s.env.Log.Error("list backups", "err", err)
		}
		s.showBackups(list)
	}
}

// dirty implements screen: the association name differs from the stored one.
func (s *settingsScreen) dirty() bool {
	return strings.TrimSpace(s.profileName.Text) != s.savedProfile.Name
}

// save implements screen: it validates and stores the association name.
// It returns errInvalidInput, after showing the reason under the field,
// when the name is not acceptable.
func (s *settingsScreen) save() error {
	name, problem := validateProfileName(s.profileName.Text)
	if problem != "" {
		s.showProfileStatus(problem, widget.DangerImportance)
		return fmt.Errorf("profile name %q: %w", name, errInvalidInput)
	}

	p := s.savedProfile
	p.Name = name
	if err := s.env.Store.SaveProfile(p); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			s.showProfileStatus(T("settings.profile_name_invalid"), widget.DangerImportance)
			return err
		}
		s.showProfileStatus(T("settings.profile_save_failed"), widget.DangerImportance)
		return fmt.Errorf("save profile: %w", err)
	}

	s.savedProfile = p
	if s.profileName.Text != name {
		s.profileName.SetText(name)
	}
	s.showProfileStatus(T("settings.profile_saved"), widget.SuccessImportance)
	s.win.updateTitle()
	return nil
}

// discard implements screen: it puts the stored name back.
func (s *settingsScreen) discard() {
	s.profileName.SetText(s.savedProfile.Name)
	s.profileStatus.Hide()
}

// onNew implements screen. Settings has no records to create.
func (s *settingsScreen) onNew() {}

// onFind implements screen. Settings has no search field.
func (s *settingsScreen) onFind() {}
