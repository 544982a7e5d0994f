package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// listEditor is the part of a record editor that its list screen drives.
type listEditor interface {
	dirty() bool
	save() error
	discard()
}

// recordList is the list half of a list screen: the rows the store
// returned, the widget that shows them, and the unsaved-changes prompt
// that comes before another record replaces the one open in the editor.
type recordList[R any] struct {
	env *Env
	// area is the catalog area whose keys word the unsaved-changes prompt.
	area  string
	list  *widget.List
	rows  []R
	rowID func(R) string

	editing listEditor
	// openID returns the id of the record in the editor, "" for a new one.
	openID func() string
	// open loads a stored record into the editor.
	open func(id string)

	// selecting is set while the code moves the list selection itself, so
	// OnSelected does not open the record a second time.
	selecting bool
	// prompt is the last unsaved-changes prompt shown, or nil.
	prompt *widget.PopUp
}

// newRecordList returns a list of rows drawn by create and show. The
// screen attaches its editor before the user can select a row.
func newRecordList[R any](env *Env, area string, create func() fyne.CanvasObject, show func(fyne.CanvasObject, R), rowID func(R) string) *recordList[R] {
	l := &recordList[R]{env: env, area: area, rowID: rowID}
	l.list = newRowsList(&l.rows, create, show)
	l.list.OnSelected = l.onSelected
	return l
}

// attach connects the editor that selected rows open in.
func (l *recordList[R]) attach(editor listEditor, openID func() string, open func(id string)) {
	l.editing = editor
	l.openID = openID
	l.open = open
}

// setRows shows rows in place of the listed ones.
func (l *recordList[R]) setRows(rows []R) {
	l.rows = rows
	l.list.Refresh()
}

// selectRow highlights the row of id, or clears the selection.
func (l *recordList[R]) selectRow(id string) {
	l.selecting = true
	defer func() { l.selecting = false }()

	for i, r := range l.rows {
		if id != "" && l.rowID(r) == id {
			l.list.Select(i)
			return
		}
	}
	l.list.UnselectAll()
}

// onSelected opens the chosen record, first asking what to do with unsaved
// changes in the open one.
func (l *recordList[R]) onSelected(row widget.ListItemID) {
	if l.selecting || row >= len(l.rows) {
		return
	}
	id := l.rowID(l.rows[row])
	if id == l.openID() {
		return
	}
	l.whenSaved(func() { l.open(id) }, func() { l.selectRow(l.openID()) })
}

// whenSaved runs next at once when the editor has no unsaved changes.
// Otherwise it prompts the user to save or discard them first, and runs
// cancel when the user keeps editing or the save fails.
func (l *recordList[R]) whenSaved(next, cancel func()) {
	if !l.editing.dirty() {
		next()
		return
	}
	l.prompt = showUnsavedPrompt(l.env.Window.Canvas(), l.area, unsavedChoice{
		save: func() {
			if l.editing.save() == nil {
				next()
				return
			}
			cancel()
		},
		discard: func() {
			l.editing.discard()
			next()
		},
		cancel: cancel,
	})
}

// newRowsList returns a list that shows *rows, read through the pointer so
// that the owner may replace the slice, with rows built by create and
// filled by show.
func newRowsList[R any](rows *[]R, create func() fyne.CanvasObject, show func(fyne.CanvasObject, R)) *widget.List {
	return widget.NewList(
		func() int { return len(*rows) },
		create,
		func(id widget.ListItemID, item fyne.CanvasObject) {
			if id < len(*rows) {
				show(item, (*rows)[id])
			}
		},
	)
}

// newTwoLineRow builds a list row template: a bold title above a line of
// details, both cut with an ellipsis so that a long text cannot widen the
// list.
func newTwoLineRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	details := widget.NewLabel("")
	details.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, details)
}

// showTwoLineRow fills a row that newTwoLineRow built.
func showTwoLineRow(item fyne.CanvasObject, title, details string) {
	labels := item.(*fyne.Container).Objects
	labels[0].(*widget.Label).SetText(title)
	labels[1].(*widget.Label).SetText(details)
}

// distinctValues returns the distinct non-empty values of value over rows
// in Lithuanian order, for the suggestions of a filter.
func distinctValues[R any](rows []R, value func(R) string) []string {
	var values []string
	for _, r := range rows {
		if v := value(r); v != "" && !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	slices.SortFunc(values, data.CompareLT)
	return values
}
