package ui

import "fyne.io/fyne/v2"

// screen is one section of the main window. The window asks a screen for
// unsaved changes before it navigates away or closes, and routes the
// Ctrl+N, Ctrl+S and Ctrl+F shortcuts to the visible screen.
type screen interface {
	// content returns the screen's root object; it is built once.
	content() fyne.CanvasObject
	// refresh reloads what the screen shows from the store.
	refresh()
	// dirty reports whether an editor holds changes that are not saved.
	dirty() bool
	// save saves the open editor. It returns an error, already shown to
	// the user beside the fields, when the input is invalid.
	save() error
	// discard drops the open editor's unsaved changes.
	discard()
	// onNew opens an editor for a new record (Ctrl+N).
	onNew()
	// onFind focuses the screen's search field (Ctrl+F).
	onFind()
}
