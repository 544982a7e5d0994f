package ui

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// filePlaceKeys maps the English names of the file dialog's places to
// their catalog keys. Fyne v2.8.1 sets these names in dialog/file.go and
// its per-platform files without passing them through its lang package.
var filePlaceKeys = map[string]string{
	"Home":      "filedialog.place.home",
	"Computer":  "filedialog.place.computer",
	"App Files": "filedialog.place.app_files",
	"Desktop":   "filedialog.place.desktop",
	"Documents": "filedialog.place.documents",
	"Downloads": "filedialog.place.downloads",
	"Music":     "filedialog.place.music",
	"Pictures":  "filedialog.place.pictures",
	"Videos":    "filedialog.place.videos",
	"Movies":    "filedialog.place.movies",
}

// showFileDialog shows d over c and translates the places in its side
// panel. Every file dialog of the program opens through here.
func showFileDialog(d *dialog.FileDialog, c fyne.Canvas) {
	d.Show()
	translateFilePlaces(c)
}

// translateFilePlaces finds the places list of the file dialog on top of
// c and wraps its UpdateItem, so that each row's label shows the catalog
// text for a known English place name. It returns false when the top
// overlay contains no such list, as when the system's own dialog opened.
//
// NOTE: Fyne v2.8.1 offers no hook for these names. The places list is
// found by the dialog's layout: the leading side of the container.Split
// in the pop-up, reached through the overlay's Content field, with rows
// that hold a label. Another Fyne version may lay the dialog out
// differently, and then the places stay in English; the tests catch it.
func translateFilePlaces(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	list := findPlacesList(top)
	if list == nil {
		return false
	}
	update := list.UpdateItem
	list.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		translatePlaceLabel(item)
	}
	list.Refresh()
	return true
}

// findPlacesList returns the list on the leading side of the first split
// under obj, or nil.
func findPlacesList(obj fyne.CanvasObject) *widget.List {
	switch o := obj.(type) {
	case *widget.PopUp:
		return findPlacesList(o.Content)
	case *container.Split:
		if list, ok := o.Leading.(*widget.List); ok {
			return list
		}
		if list := findPlacesList(o.Leading); list != nil {
			return list
		}
		return findPlacesList(o.Trailing)
	case *fyne.Container:
		for _, child := range o.Objects {
			if list := findPlacesList(child); list != nil {
				return list
			}
		}
	default:
		if content := contentField(obj); content != nil {
			return findPlacesList(content)
		}
	}
	return nil
}

// contentField returns the exported Content field of a widget whose type
// the ui package cannot name, or nil. A pop-up sits in the canvas overlays
// inside such a widget, Fyne's internal OverlayContainer.
func contentField(obj fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	field := v.Elem().FieldByName("Content")
	if !field.IsValid() || !field.CanInterface() {
		return nil
	}
	content, _ := field.Interface().(fyne.CanvasObject)
	return content
}

// translatePlaceLabel replaces a known English place name in the labels
// of a places row. Other names, such as drive letters, stay as they are.
func translatePlaceLabel(item fyne.CanvasObject) {
	row, ok := item.(*fyne.Container)
	if !ok {
		return
	}
	for _, child := range row.Objects {
		label, ok := child.(*widget.Label)
		if !ok {
			continue
		}
		if key, known := filePlaceKeys[label.Text]; known {
			label.SetText(T(key))
		}
	}
}
