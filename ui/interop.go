package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/interop"
	"partneryste/data/interop/ical"
	"partneryste/data/interop/table"
	"partneryste/data/jsonio"
)

// fileFormat is a calendar or spreadsheet file format that the list
// screens export and import.
type fileFormat string

const (
	formatICS  fileFormat = "ics"
	formatCSV  fileFormat = "csv"
	formatXLSX fileFormat = "xlsx"
)

// extension returns the file name extension with its dot, such as ".ics".
func (f fileFormat) extension() string { return "." + string(f) }

// parseFunc reads one import file into records and the problems of the
// records it could not read, as the importers of data/interop do.
type parseFunc func(io.Reader) (*jsonio.File, []interop.Problem, error)

// interopActions exports a list screen's records to files and imports
// records from them. Exports write a temporary file and rename it over
// the chosen one. Imports parse off the UI goroutine behind a progress
// dialog, list every problem, and save nothing unless the file has none or
// the user chooses to skip the bad rows. Then every good record is saved
// in one go.
type interopActions struct {
	env *Env
	// kind is the kind of the records that imports read, which names the
	// fields in problem messages.
	kind data.Kind
	// imported runs after an import saved records, to reload the screen.
	imported func()

	// busy is set from the start of an import until its records are saved
	// or dropped, so that a second import cannot overlap it.
	busy     bool
	progress *dialog.CustomDialog
	// problems is the open dialog that lists an import's problems, and
	// skip and cancel are its buttons.
	problems     *dialog.CustomDialog
	problemLines []string
	skip, cancel *widget.Button
	// saveAs asks for the file an export writes and then writes it. It is
	// chooseExport, which tests replace to skip the file dialog.
	saveAs func(title, fileName string, format fileFormat, private bool, write func(io.Writer) error)
	// personal is the open question whether to export personal data, or
	// nil.
	personal *personalPrompt
	// message is the text of the last result, error or question shown,
	// for tests.
	message string
	// typedPathAnswer is the open question's callback whether to save to
	// a full path typed into the save dialog, or nil.
	typedPathAnswer func(ok bool)
	// parsed is closed when an import's parse has ended and its outcome
	// is on the screen, so that tests can wait for it.
	parsed chan struct{}
}

func newInteropActions(env *Env, kind data.Kind, imported func()) *interopActions {
	a := &interopActions{env: env, kind: kind, imported: imported}
	a.saveAs = a.chooseExport
	return a
}

// menuButton returns a button that opens a menu of items under itself.
func menuButton(label string, icon fyne.Resource, items func() []*fyne.MenuItem) *widget.Button {
	var button *widget.Button
	button = widget.NewButtonWithIcon(label, icon, func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(button)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(button)
		menu := widget.NewPopUpMenu(fyne.NewMenu("", items()...), c)
		menu.ShowAtPosition(pos.Add(fyne.NewPos(0, button.Size().Height)))
	})
	return button
}

// chooseExport asks for the file to write in a save dialog and then
// exports to it. A private file, one with personal data, is readable by
// its owner only.
func (a *interopActions) chooseExport(title, fileName string, format fileFormat, private bool, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		a.onExportChosen(w, err, private, write)
	}, a.env.Window)
	d.SetTitleText(title)
	d.SetFileName(fileName + format.extension())
	d.SetFilter(storage.NewExtensionFileFilter([]string{format.extension()}))
	showFileDialog(d, a.env.Window.Canvas())
}

// onExportChosen exports to the file the save dialog created, or shows
// why the dialog could not create it.
//
// Fyne v2.8.1's save dialog joins the typed name to the folder it shows
// (storage.Child), so a typed full path such as /tmp/x/a.ics becomes
// <folder>/tmp/x/a.ics. That file usually cannot be created, and the
// dialog passes only the error, whose path is the joined one. When the
// joined path splits into an existing folder and a typed full path whose
// folder exists, the user is asked whether to save there; otherwise the
// error dialog names the path and asks for a file name alone.
func (a *interopActions) onExportChosen(w fyne.URIWriteCloser, err error, private bool, write func(io.Writer) error) {
	if err != nil {
		a.env.Log.Error("create the chosen export file", "err", err)
		path := ""
		var perr *fs.PathError
		if errors.As(err, &perr) {
			path = perr.Path
		}
		if typed, ok := typedFullPath(path); ok {
			a.askTypedPath(typed, private, write)
			return
		}
		a.show(T("common.error"), T("interopui.create_failed", map[string]any{"Path": path}))
		return
	}
	if w == nil {
		return
	}
	path := w.URI().Path()
	// The dialog has created the file. The export replaces it through a
	// temporary file, so this handle is not written to.
	if err := w.Close(); err != nil {
		a.env.Log.Warn("close the chosen export file", "path", path, "err", err)
	}
	a.export(path, private, write)
}

// typedFullPath returns the full path a user typed into the save dialog,
// given the path the dialog made by joining it to its folder. It splits
// the joined path into an existing folder and a typed path whose own
// folder exists, and only when the joined path's folder does not exist.
// NOTE: only slash-separated paths are recognised, so a typed Windows
// path such as C:\x\a.ics is not.
func typedFullPath(joined string) (string, bool) {
	if joined == "" || isDir(filepath.Dir(joined)) {
		return "", false
	}
	for i := 1; i < len(joined); i++ {
		if joined[i] != '/' {
			continue
		}
		folder, typed := joined[:i], joined[i:]
		if isDir(folder) && isDir(filepath.Dir(typed)) {
			return typed, true
		}
	}
	return "", false
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// askTypedPath asks whether to export to the full path the user typed,
// and exports there on yes.
func (a *interopActions) askTypedPath(path string, private bool, write func(io.Writer) error) {
	a.typedPathAnswer = func(ok bool) {
		a.typedPathAnswer = nil
		if ok {
			a.export(path, private, write)
		}
	}
	a.message = T("interopui.typed_path", map[string]any{"Path": path})
	dialog.ShowConfirm(T("interopui.export_title"), a.message, a.typedPathAnswer, a.env.Window)
}

// export writes a file at path and shows the outcome in a dialog.
func (a *interopActions) export(path string, private bool, write func(io.Writer) error) error {
	mode := os.FileMode(0o644)
	if private {
		mode = 0o600
	}
	if err := writeFileAtomic(path, mode, write); err != nil {
		a.env.Log.Error("export failed", "path", path, "err", err)
		a.show(T("common.error"), T("interopui.export_failed", map[string]any{"Path": path}))
		return err
	}
	a.env.Log.Info("exported", "path", path)
	a.show(T("interopui.export_title"), T("interopui.export_done", map[string]any{"Path": path}))
	return nil
}

// chooseImport asks for the file to read in an open dialog and then
// imports it.
func (a *interopActions) chooseImport(title string, format fileFormat, parse parseFunc) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.env.Log.Error("open the chosen import file", "err", err)
			path := ""
			var perr *fs.PathError
			if errors.As(err, &perr) {
				path = perr.Path
			}
			a.show(T("common.error"), T("interopui.read_failed", map[string]any{"File": path}))
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		if err := r.Close(); err != nil {
			a.env.Log.Warn("close the chosen import file", "path", path, "err", err)
		}
		a.importFile(path, parse)
	}, a.env.Window)
	d.SetTitleText(title)
	d.SetFilter(storage.NewExtensionFileFilter([]string{format.extension()}))
	showFileDialog(d, a.env.Window.Canvas())
}

// importFile reads path with parse off the UI goroutine while a progress
// dialog shows. It returns false, and starts nothing, while another import
// runs.
func (a *interopActions) importFile(path string, parse parseFunc) bool {
	if a.busy {
		return false
	}
	a.busy = true
	a.parsed = make(chan struct{})
	parsed := a.parsed

	bar := widget.NewProgressBarInfinite()
	a.progress = dialog.NewCustomWithoutButtons(T("interopui.importing"),
		container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), a.env.Window)
	a.progress.Show()

	go func() {
		file, problems, err := readImportFile(path, parse)
		fyne.Do(func() {
			defer close(parsed)
			bar.Stop()
			a.progress.Hide()
			a.onParsed(path, file, problems, err)
		})
	}()
	return true
}

// readImportFile opens path and parses it.
func readImportFile(path string, parse parseFunc) (*jsonio.File, []interop.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return parse(f)
}

// onParsed shows why a file could not be read, lists its problems, or
// saves its records when it has none.
func (a *interopActions) onParsed(path string, file *jsonio.File, problems []interop.Problem, err error) {
	if err != nil {
		a.busy = false
		a.env.Log.Error("import failed", "path", path, "err", err)
		message := T("interopui.read_failed", map[string]any{"File": path})
		var ferr *interop.FileError
		if errors.As(err, &ferr) {
			lines := []string{T("interopui.file_error", map[string]any{"File": path}), FileErrorText(ferr)}
			for _, p := range ferr.Problems {
				lines = append(lines, InteropProblemText(a.kind, p))
			}
			if len(ferr.Columns) > 0 {
				lines = append(lines, AcceptedColumnsText(a.kind, ferr.Columns))
			}
			message = strings.Join(lines, "\n")
		}
		a.show(T("common.error"), message)
		return
	}
	if len(problems) > 0 {
		a.showProblems(path, file, problems)
		return
	}
	a.save(path, file)
}

// showProblems lists every problem of a file. The user imports nothing,
// or, when some records are good, may import them and skip the bad rows.
func (a *interopActions) showProblems(path string, file *jsonio.File, problems []interop.Problem) {
	a.env.Log.Warn("import file has problems", "path", path, "problems", len(problems))
	good := len(file.Events) + len(file.PracticeCases) + len(file.Consultations)

	a.problemLines = make([]string, len(problems))
	lines := container.NewVBox()
	for i, p := range problems {
		a.problemLines[i] = InteropProblemText(a.kind, p)
		line := widget.NewLabel(a.problemLines[i])
		line.Wrapping = fyne.TextWrapWord
		lines.Add(line)
	}
	intro := widget.NewLabel(TN("interopui.problems", len(problems), map[string]any{
		"Count": len(problems), "File": filepath.Base(path), "Good": good,
	}))
	intro.Wrapping = fyne.TextWrapWord
	if good > 0 {
		intro.SetText(intro.Text + " " + TN("interopui.problems_good", good))
	}
	scroll := container.NewVScroll(lines)
	scroll.SetMinSize(fyne.NewSize(560, 260))

	a.problems = dialog.NewCustomWithoutButtons(T("interopui.problems_title"),
		container.NewBorder(intro, nil, nil, nil, scroll), a.env.Window)
	a.cancel = widget.NewButtonWithIcon(T("interopui.import_nothing"), theme.CancelIcon(), func() {
		a.problems.Hide()
		a.busy = false
		a.env.Log.Info("import cancelled", "path", path)
	})
	a.skip = widget.NewButtonWithIcon(T("interopui.skip_bad"), theme.ConfirmIcon(), func() {
		a.problems.Hide()
		a.save(path, file)
	})
	a.skip.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{a.cancel}
	if good > 0 {
		buttons = append(buttons, a.skip)
	} else {
		a.skip.Hide()
	}
	a.problems.SetButtons(buttons)
	a.problems.Show()
}

// save writes the good records of file through the JSON importer, which
// validates them all first and saves all or nothing.
func (a *interopActions) save(path string, file *jsonio.File) {
	a.busy = false
	read := len(file.Events) + len(file.PracticeCases) + len(file.Consultations)
	if read == 0 {
		a.show(T("interopui.import_title"), T("interopui.nothing_read", map[string]any{"File": filepath.Base(path)}))
		return
	}
	res, err := jsonio.Import(a.env.Store, file)
	if err != nil {
		a.env.Log.Error("save imported records", "path", path, "err", err)
		var ierr *jsonio.ImportError
		if errors.As(err, &ierr) {
			lines := make([]string, 0, len(ierr.Problems))
			for _, p := range ierr.Problems {
				lines = append(lines, jsonProblemText(p))
			}
			a.show(T("common.error"), T("interopui.save_invalid")+"\n"+strings.Join(lines, "\n"))
			return
		}
		a.show(T("common.error"), T("interopui.save_failed"))
		return
	}
	a.env.Log.Info("imported", "path", path, "created", res.Created.Total(), "updated", res.Updated.Total(), "unchanged", res.Unchanged.Total())
	if a.imported != nil {
		a.imported()
	}
	a.show(T("interopui.import_title"), T("interopui.import_done", map[string]any{
		"Read":      read,
		"Created":   res.Created.Total(),
		"Updated":   res.Updated.Total(),
		"Unchanged": res.Unchanged.Total(),
	}))
}

// show shows the outcome of an export or import in a dialog.
func (a *interopActions) show(title, message string) {
	a.message = message
	showMessage(a.env.Window, title, message)
}

// tableText looks table headers and labels up in the catalogs of the
// language in use.
func tableText(key string) string { return T(key) }

// parseEventsICS, parseEventsCSV and the others adapt the importers of
// data/interop to parseFunc.
func parseEventsICS(r io.Reader) (*jsonio.File, []interop.Problem, error) {
	events, problems, err := ical.ImportICS(r)
	return &jsonio.File{Events: events}, problems, err
}

func parseEventsCSV(r io.Reader) (*jsonio.File, []interop.Problem, error) {
	events, problems, err := table.ImportEventsCSV(r)
	return &jsonio.File{Events: events}, problems, err
}

func parseEventsXLSX(r io.Reader) (*jsonio.File, []interop.Problem, error) {
	events, problems, err := table.ImportEventsXLSX(r)
	return &jsonio.File{Events: events}, problems, err
}

func parseConsultationsCSV(r io.Reader) (*jsonio.File, []interop.Problem, error) {
	consultations, problems, err := table.ImportConsultationsCSV(r)
	return &jsonio.File{Consultations: consultations}, problems, err
}

func parseConsultationsXLSX(r io.Reader) (*jsonio.File, []interop.Problem, error) {
	consultations, problems, err := table.ImportConsultationsXLSX(r)
	return &jsonio.File{Consultations: consultations}, problems, err
}

// writeTable returns a write function for t in format, CSV or XLSX.
func writeTable(t table.Table, format fileFormat) func(io.Writer) error {
	if format == formatXLSX {
		return func(w io.Writer) error { return table.WriteXLSX(w, t) }
	}
	return func(w io.Writer) error { return table.WriteCSV(w, t) }
}

// interopCodes are the codes whose messages are in the interop catalogs.
// The others are validation codes with messages in the data catalogs.
var interopCodes = []string{
	interop.CodeUnknownTZID, interop.CodeUnsupportedRule, interop.CodeInvalidTime,
	interop.CodeUnknownColumn, interop.CodeMissingColumn, interop.CodeDuplicateColumn,
	interop.CodeTruncated, interop.CodeSyntax, interop.CodeNotCalendar, interop.CodeNotXLSX,
	interop.CodeTooLarge, interop.CodeEmpty, interop.CodeMixedDelimiters, interop.CodeInvalidEncoding,
	interop.CodeBadHeader, interop.CodeUnclosedQuote, interop.CodeStrayQuote, interop.CodeFieldCount,
	interop.CodeQuoteSpansLines,
}

// InteropProblemText returns the translated message for one problem of a
// calendar or spreadsheet import: where it is and which record, such as
// "3 eilutė, „Seminaras“", then a sentence that says what to fix. kind is
// the kind of the imported records. The dialogs and the headless commands
// both use it.
func InteropProblemText(kind data.Kind, p interop.Problem) string {
	values := map[string]any{
		"Value": p.Value, "Column": p.Column, "Limit": formatCount(p.Limit),
		"Line": p.Line, "Row": p.Row, "Field": p.Field, "Count": p.Fields,
	}
	if p.Field != "" {
		values["Field"] = FieldName(kind, p.Field)
	}
	var message string
	switch {
	case p.Code == interop.CodeFieldCount:
		message = TN("interop.error."+p.Code, p.Fields, values)
	case slices.Contains(interopCodes, p.Code):
		message = T("interop.error."+p.Code, values)
	default:
		message = T("error."+p.Code, values)
	}

	var where []string
	switch {
	case p.Row > 0:
		where = append(where, T("interop.where.row", values))
	case p.Line > 0:
		where = append(where, T("interop.where.line", values))
	}
	if p.Record != "" {
		where = append(where, p.Record)
	}
	if len(where) == 0 {
		return message
	}
	return strings.Join(where, ", ") + ": " + message
}

// FileErrorText returns the translated message for a file that cannot be
// read at all, after its line when it has one.
func FileErrorText(e *interop.FileError) string {
	value := e.Value
	if e.Code == interop.CodeMixedDelimiters {
		value = delimitersText(e.Value)
	}
	message := T("interop.error."+e.Code, map[string]any{"Line": e.Line, "Limit": formatCount(e.Limit), "Value": value})
	if e.Line > 0 {
		return T("interop.where.line", map[string]any{"Line": e.Line}) + ": " + message
	}
	return message
}

// AcceptedColumnsText returns the sentence that lists the headers a table
// import of kind accepts, in the language in use.
func AcceptedColumnsText(kind data.Kind, keys []string) string {
	headers := make([]string, len(keys))
	for i, key := range keys {
		headers[i] = T("interop.column." + string(kind) + "." + key)
	}
	return T("interop.accepted_columns", map[string]any{"Columns": strings.Join(headers, ", ")})
}

// delimitersText returns CSV delimiters for a message, each in quotes and
// the tab by its name, such as "„;“, „,“".
func delimitersText(delimiters string) string {
	names := make([]string, 0, len(delimiters))
	for _, r := range delimiters {
		if r == '\t' {
			names = append(names, T("interop.delimiter.tab"))
			continue
		}
		names = append(names, T("interop.quoted", map[string]any{"Text": string(r)}))
	}
	return strings.Join(names, ", ")
}

// formatCount returns n with the thousands separated as the language in
// use writes them: "10 000" with a no-break space in Lithuanian, "10,000"
// in English.
func formatCount(n int) string {
	digits := strconv.Itoa(n)
	if n < 0 || len(digits) <= 4 {
		// Lithuanian writes four-digit numbers without a separator.
		return digits
	}
	separator := T("interop.thousands_separator")
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(separator)
		}
		b.WriteRune(d)
	}
	return b.String()
}

// jsonProblemText returns the translated message for a record that the
// JSON importer rejected when saving: the record's number and the field.
func jsonProblemText(p jsonio.Problem) string {
	kind := data.KindEvent
	switch p.Section {
	case jsonio.SectionOf(data.KindConsultation):
		kind = data.KindConsultation
	case jsonio.SectionOf(data.KindPractice):
		kind = data.KindPractice
	}
	text := FieldErrorText(kind, p.FieldError)
	if p.Index >= 0 {
		text = T("interopui.record", map[string]any{"Number": strconv.Itoa(p.Index + 1)}) + ": " + text
	}
	return text
}

// personalPrompt asks whether a consultation export includes the
// requesters' personal data. The box starts unticked, so that an export
// leaves personal data out unless the user asks for it.
type personalPrompt struct {
	dialog           *dialog.CustomDialog
	include          *widget.Check
	proceed, dismiss *widget.Button
}

// askPersonal shows the personal data question and runs next with the
// answer when the user continues.
func (a *interopActions) askPersonal(next func(personal bool)) {
	p := &personalPrompt{}
	text := widget.NewLabel(T("interopui.personal_text"))
	text.Wrapping = fyne.TextWrapWord
	p.include = widget.NewCheck(T("interopui.personal_include"), nil)
	p.dialog = dialog.NewCustomWithoutButtons(T("interopui.personal_title"), container.NewVBox(text, p.include), a.env.Window)
	p.dismiss = widget.NewButtonWithIcon(T("common.cancel"), theme.CancelIcon(), func() {
		p.dialog.Hide()
		a.personal = nil
	})
	p.proceed = widget.NewButtonWithIcon(T("interopui.continue"), theme.ConfirmIcon(), func() {
		p.dialog.Hide()
		a.personal = nil
		next(p.include.Checked)
	})
	p.proceed.Importance = widget.HighImportance
	p.dialog.SetButtons([]fyne.CanvasObject{p.dismiss, p.proceed})
	p.dialog.Resize(fyne.NewSize(480, 0).Max(p.dialog.MinSize()))
	a.personal = p
	p.dialog.Show()
}

// interopItems returns the calendar's import and export menu. The open
// event's export is offered only while the editor shows a stored event.
func (s *calendarScreen) interopItems() []*fyne.MenuItem {
	exportOpen := fyne.NewMenuItem(T("interopui.export_event_ics"), func() {
		id := s.openEventID()
		if id != "" {
			s.interop.saveAs(T("interopui.export_event_ics"), T("interopui.file.event"), formatICS, false, s.writeICS(id))
		}
	})
	exportOpen.Disabled = s.openEventID() == ""
	exportTable := func(format fileFormat, title string) *fyne.MenuItem {
		return fyne.NewMenuItem(title, func() {
			s.interop.saveAs(title, T("interopui.file.events"), format, false, s.writeEventsTable(format))
		})
	}
	importFile := func(format fileFormat, title string, parse parseFunc) *fyne.MenuItem {
		return fyne.NewMenuItem(title, func() { s.interop.chooseImport(title, format, parse) })
	}
	return []*fyne.MenuItem{
		fyne.NewMenuItem(T("interopui.export_ics"), func() {
			s.interop.saveAs(T("interopui.export_ics"), T("interopui.file.calendar"), formatICS, false, s.writeICS(""))
		}),
		exportOpen,
		exportTable(formatCSV, T("interopui.export_csv")),
		exportTable(formatXLSX, T("interopui.export_xlsx")),
		fyne.NewMenuItemSeparator(),
		importFile(formatICS, T("interopui.import_ics"), parseEventsICS),
		importFile(formatCSV, T("interopui.import_csv"), parseEventsCSV),
		importFile(formatXLSX, T("interopui.import_xlsx"), parseEventsXLSX),
	}
}

// openEventID returns the id of the stored event the editor shows, or ""
// when the editor is closed or holds a new event.
func (s *calendarScreen) openEventID() string {
	if !s.editorOpen {
		return ""
	}
	return s.editor.loaded.ID
}

// writeICS returns a write function for the calendar as the store holds
// it when the export runs: the event id alone, or every event for "".
func (s *calendarScreen) writeICS(id string) func(io.Writer) error {
	return func(w io.Writer) error {
		var events []data.Event
		if id == "" {
			all, err := s.env.Store.Events(data.EventFilter{})
			if err != nil {
				return fmt.Errorf("read events: %w", err)
			}
			events = all
		} else {
			ev, err := s.env.Store.Event(id)
			if err != nil {
				return fmt.Errorf("read event %s: %w", id, err)
			}
			events = []data.Event{ev}
		}
		profile, err := s.env.Store.Profile()
		if err != nil {
			return fmt.Errorf("read profile: %w", err)
		}
		return ical.Export(w, events, ical.ExportOptions{Name: profile.Name})
	}
}

// writeEventsTable returns a write function for every event as a CSV or
// XLSX table.
func (s *calendarScreen) writeEventsTable(format fileFormat) func(io.Writer) error {
	return func(w io.Writer) error {
		events, err := s.env.Store.Events(data.EventFilter{})
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		return writeTable(table.EventsTable(events, tableText), format)(w)
	}
}

// interopItems returns the practice bank's export menu. Practice cases
// are not imported from tables, because a table holds only their summary.
func (s *practiceScreen) interopItems() []*fyne.MenuItem {
	item := func(format fileFormat, title string) *fyne.MenuItem {
		return fyne.NewMenuItem(title, func() {
			s.interop.saveAs(title, T("interopui.file.cases"), format, false, s.writeCasesTable(format))
		})
	}
	return []*fyne.MenuItem{
		item(formatCSV, T("interopui.export_csv")),
		item(formatXLSX, T("interopui.export_xlsx")),
	}
}

// writeCasesTable returns a write function for every practice case as a
// CSV or XLSX table.
func (s *practiceScreen) writeCasesTable(format fileFormat) func(io.Writer) error {
	return func(w io.Writer) error {
		summaries, err := s.env.Store.PracticeCases(data.CaseFilter{})
		if err != nil {
			return fmt.Errorf("list practice cases: %w", err)
		}
		cases := make([]data.PracticeCase, 0, len(summaries))
		for _, summary := range summaries {
			c, err := s.env.Store.PracticeCase(summary.ID)
			if err != nil {
				return fmt.Errorf("read practice case %s: %w", summary.ID, err)
			}
			cases = append(cases, c)
		}
		return writeTable(table.CasesTable(cases, tableText), format)(w)
	}
}

// interopItems returns the consultation log's import and export menu.
func (s *consultationsScreen) interopItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem(T("interopui.export_csv"), func() { s.onExport(formatCSV, T("interopui.export_csv")) }),
		fyne.NewMenuItem(T("interopui.export_xlsx"), func() { s.onExport(formatXLSX, T("interopui.export_xlsx")) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("interopui.import_csv"), func() {
			s.interop.chooseImport(T("interopui.import_csv"), formatCSV, parseConsultationsCSV)
		}),
		fyne.NewMenuItem(T("interopui.import_xlsx"), func() {
			s.interop.chooseImport(T("interopui.import_xlsx"), formatXLSX, parseConsultationsXLSX)
		}),
	}
}

// onExport asks whether to include personal data and then for the file.
func (s *consultationsScreen) onExport(format fileFormat, title string) {
	s.interop.askPersonal(func(personal bool) {
		s.interop.saveAs(title, T("interopui.file.consultations"), format, personal, s.writeConsultationsTable(format, personal))
	})
}

// writeConsultationsTable returns a write function for the whole log as a
// CSV or XLSX table, with the requesters' columns only when personal is
// true.
func (s *consultationsScreen) writeConsultationsTable(format fileFormat, personal bool) func(io.Writer) error {
	return func(w io.Writer) error {
		consultations, err := s.env.Store.Consultations(data.ConsultationFilter{})
		if err != nil {
			return fmt.Errorf("list consultations: %w", err)
		}
		return writeTable(table.ConsultationsTable(consultations, personal, tableText), format)(w)
	}
}
