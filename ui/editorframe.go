package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// editorButtons returns the Save, Discard and Delete buttons of a record
// editor, labelled from the catalog keys "<area>.save", "<area>.discard"
// and "<area>.delete".
func editorButtons(area string, onSave, onDiscard, onDelete func()) (save, discard, remove *widget.Button) {
	save = widget.NewButtonWithIcon(T(area+".save"), theme.DocumentSaveIcon(), onSave)
	save.Importance = widget.HighImportance
	discard = widget.NewButtonWithIcon(T(area+".discard"), theme.CancelIcon(), onDiscard)
	remove = widget.NewButtonWithIcon(T(area+".delete"), theme.DeleteIcon(), onDelete)
	remove.Importance = widget.DangerImportance
	return save, discard, remove
}

// editorFrame lays out a record editor: the heading with the buttons at
// its right, the line that reports the last save, the message of no
// single field, and the scrolled form below them.
func editorFrame(heading *widget.Label, status *editorStatus, message *widget.Label, form *container.Scroll, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), heading),
		status.label,
		message,
	)
	return container.NewBorder(top, nil, nil, nil, form)
}

// deleteRecord turns a stored record into a tombstone, which stays in the
// file until the coordinator's server acknowledges the deletion. noun
// names the record in the log. A failure is logged, shown in failed as
// failedText, and makes it return false.
func deleteRecord(env *Env, kind data.Kind, id, noun string, failed *widget.Label, failedText string) bool {
	if err := env.Store.Delete(kind, id); err != nil {
		env.Log.Error("delete "+noun, "id", id, "err", err)
		setMessage(failed, failedText)
		return false
	}
	env.Log.Info(noun+" deleted", "id", id)
	return true
}

// localOnlyStore is a store that keeps some records on this computer only,
// such as the sample data; *boltstore.DB is one.
type localOnlyStore interface {
	IsLocalOnly(kind data.Kind, id string) (bool, error)
}

// deleteQuestion returns the translated delete confirmation under key. A
// local-only record is never sent to the server, so its question, under
// key + "_local", does not promise that the deletion will be.
func deleteQuestion(env *Env, kind data.Kind, id, key, title string) string {
	args := map[string]any{"Title": title}
	if store, ok := env.Store.(localOnlyStore); ok {
		local, err := store.IsLocalOnly(kind, id)
		if err != nil {
			env.Log.Warn("check local-only record", "kind", kind, "id", id, "err", err)
		}
		if local {
			return T(key+"_local", args)
		}
	}
	return T(key, args)
}
