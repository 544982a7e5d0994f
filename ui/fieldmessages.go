package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// fieldMessages places validation messages beside the fields they name.
// Each field registers a label under its JSON path ("title", "authors.0").
// A message for "authors.0.name" goes to the closest registered prefix, and
// one that matches nothing goes to the fallback label at the top.
type fieldMessages struct {
	kind     data.Kind
	labels   map[string]*widget.Label
	fallback *widget.Label
	// anchors maps a message label to the block of its field, which the
	// editor scrolls into view when that field is invalid.
	anchors map[*widget.Label]fyne.CanvasObject
}

func newFieldMessages(kind data.Kind) *fieldMessages {
	return &fieldMessages{
		kind:     kind,
		labels:   map[string]*widget.Label{},
		fallback: newMessageLabel(),
		anchors:  map[*widget.Label]fyne.CanvasObject{},
	}
}

// block returns fieldBlock for a field with the field's message label, and
// makes the block the place that showing the field's message scrolls to.
func (m *fieldMessages) block(field, caption string, input fyne.CanvasObject) fyne.CanvasObject {
	l := m.label(field)
	b := fieldBlock(caption, input, l)
	m.anchors[l] = b
	return b
}

// anchor makes obj the place that a message of field scrolls to.
func (m *fieldMessages) anchor(field string, obj fyne.CanvasObject) {
	m.anchors[m.label(field)] = obj
}

// shown returns the blocks of the fields whose messages are visible, or the
// message labels themselves when no block is registered. The fallback
// label is left out because it sits above the scrolled form.
func (m *fieldMessages) shown() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, l := range m.labels {
		if !l.Visible() {
			continue
		}
		if a, ok := m.anchors[l]; ok {
			out = append(out, a)
		} else {
			out = append(out, l)
		}
	}
	return out
}

// newMessageLabel returns a hidden, wrapping label in the error colour.
func newMessageLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// label returns the message label of a field, creating it on first use.
func (m *fieldMessages) label(field string) *widget.Label {
	if l, ok := m.labels[field]; ok {
		return l
	}
	l := newMessageLabel()
	m.labels[field] = l
	return l
}

// forget drops the labels of every field under prefix, such as "authors."
// before the author rows are rebuilt.
func (m *fieldMessages) forget(prefix string) {
	for field := range m.labels {
		if strings.HasPrefix(field, prefix) {
			delete(m.anchors, m.labels[field])
			delete(m.labels, field)
		}
	}
}

// clear hides every message.
func (m *fieldMessages) clear() {
	for _, l := range m.labels {
		setMessage(l, "")
	}
	setMessage(m.fallback, "")
}

// show clears the old messages and shows one translated message per
// invalid field; several messages for one label go on separate lines.
func (m *fieldMessages) show(fields []data.FieldError) {
	m.clear()
	texts := map[*widget.Label][]string{}
	var order []*widget.Label
	for _, fe := range fields {
		l := m.target(fe.Field)
		if _, seen := texts[l]; !seen {
			order = append(order, l)
		}
		texts[l] = append(texts[l], FieldErrorText(m.kind, fe))
	}
	for _, l := range order {
		setMessage(l, strings.Join(texts[l], "\n"))
	}
}

// target returns the label for field or its closest registered prefix.
func (m *fieldMessages) target(field string) *widget.Label {
	for path := field; path != ""; {
		if l, ok := m.labels[path]; ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return m.fallback
}

// clearField hides the message of a field, or of its closest registered
// prefix, once the user changes the field. The fallback label stays,
// because its messages belong to no single field.
func (m *fieldMessages) clearField(field string) {
	if l := m.target(field); l != m.fallback {
		setMessage(l, "")
	}
}

// text returns the message shown for a field, or "" when none is shown.
func (m *fieldMessages) text(field string) string {
	l := m.target(field)
	if !l.Visible() {
		return ""
	}
	return l.Text
}

func setMessage(l *widget.Label, text string) {
	if text == "" && l.Text == "" && !l.Visible() {
		// Editors clear messages on every key, so skip the refresh.
		return
	}
	if text == "" {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(text)
	l.Show()
}

// itemPath returns the JSON path of a list item, such as "authors.2".
func itemPath(list string, index int) string {
	return list + "." + strconv.Itoa(index)
}

// fieldBlock stacks a field's caption, its input and its message label,
// which may be nil when the input shows its own messages.
func fieldBlock(caption string, input fyne.CanvasObject, message *widget.Label) fyne.CanvasObject {
	label := widget.NewLabel(caption)
	label.TextStyle = fyne.TextStyle{Bold: true}
	if message == nil {
		return container.NewVBox(label, input)
	}
	return container.NewVBox(label, input, message)
}

// editorStatus is the line at the top of an editor that reports the last
// save: how many fields still block it, or that it succeeded.
type editorStatus struct {
	label *widget.Label
	// invalid is set while the line counts invalid fields.
	invalid bool
}

func newEditorStatus() *editorStatus {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return &editorStatus{label: l}
}

// showInvalid reports a failed save with count invalid fields. A count of
// zero hides the line.
func (s *editorStatus) showInvalid(count int) {
	if count <= 0 {
		s.clear()
		return
	}
	s.invalid = true
	s.label.Importance = widget.DangerImportance
	setMessage(s.label, TN("editor.not_saved", count))
}

// fieldChanged updates the line after the user changed a field: a failed
// save's count drops to the count of messages still shown, and a saved
// report goes, because the form now differs from the stored record.
func (s *editorStatus) fieldChanged(count int) {
	if s.invalid {
		s.showInvalid(count)
		return
	}
	s.clear()
}

// showSaved reports a successful save.
func (s *editorStatus) showSaved() {
	s.invalid = false
	s.label.Importance = widget.SuccessImportance
	setMessage(s.label, T("editor.saved"))
}

// clear hides the line.
func (s *editorStatus) clear() {
	s.invalid = false
	setMessage(s.label, "")
}

// text returns the shown report, or "" when the line is hidden.
func (s *editorStatus) text() string {
	if !s.label.Visible() {
		return ""
	}
	return s.label.Text
}

// scrollToFirst scrolls the form so that the topmost visible object of
// targets is at the top of the scroller's view. Objects that no canvas
// shows yet are at position zero, so the form then scrolls to the top.
func scrollToFirst(scroll *container.Scroll, targets []fyne.CanvasObject) {
	// Messages shown just now are not laid out until the next frame, so
	// lay out the form before measuring positions.
	scroll.Refresh()

	driver := fyne.CurrentApp().Driver()
	origin := driver.AbsolutePositionForObject(scroll.Content)
	found := false
	var top float32
	for _, o := range targets {
		if o == nil || !o.Visible() {
			continue
		}
		y := driver.AbsolutePositionForObject(o).Y - origin.Y
		if !found || y < top {
			top, found = y, true
		}
	}
	if !found {
		return
	}
	scroll.ScrollToOffset(fyne.NewPos(scroll.Offset.X, max(top-theme.Padding(), 0)))
}

// suggestEntry is a SelectEntry that also opens its list of suggestions
// when the user taps the empty field, not only by the arrow at its right.
type suggestEntry struct {
	widget.SelectEntry
}

func newSuggestEntry(options []string, placeholder string) *suggestEntry {
	e := &suggestEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.PlaceHolder = placeholder
	e.SetOptions(options)
	return e
}

// Tapped focuses the field and, while it is empty, opens the suggestions.
func (e *suggestEntry) Tapped(ev *fyne.PointEvent) {
	e.SelectEntry.Tapped(ev)
	if e.Text != "" || e.Disabled() {
		return
	}
	if button, ok := e.ActionItem.(*widget.Button); ok && button.OnTapped != nil {
		button.OnTapped()
	}
}

// scrollForm wraps a form in a vertical scroller with a gutter at the
// right, so that the scroll bar does not cover the fields' right edge.
func scrollForm(form fyne.CanvasObject) *container.Scroll {
	gutter := canvas.NewRectangle(color.Transparent)
	gutter.SetMinSize(fyne.NewSize(theme.Size(theme.SizeNameScrollBar), 0))
	return container.NewVScroll(container.NewBorder(nil, nil, nil, gutter, form))
}

// sectionHeading returns a heading that separates groups of fields.
func sectionHeading(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// enumSelect is a Select that shows translated labels of enumerated values
// and returns the values. With an anyLabel its first option means "any"
// and selects the value "".
type enumSelect struct {
	*widget.Select
	group    string
	values   []string
	anyLabel string
}

func newEnumSelect(group string, values []string, anyLabel string, changed func(value string)) *enumSelect {
	s := &enumSelect{group: group, values: values, anyLabel: anyLabel}
	s.Select = widget.NewSelect(s.labels(), nil)
	if anyLabel != "" {
		s.SetSelectedIndex(0)
	}
	// Set after the first selection, so building the widget reports no change.
	s.OnChanged = func(string) {
		if changed != nil {
			changed(s.value())
		}
	}
	return s
}

func (s *enumSelect) labels() []string {
	var labels []string
	if s.anyLabel != "" {
		labels = append(labels, s.anyLabel)
	}
	for _, v := range s.values {
		labels = append(labels, EnumLabel(s.group, v))
	}
	return labels
}

// value returns the selected value, or "" for "any" or no selection.
func (s *enumSelect) value() string {
	i := s.SelectedIndex()
	if s.anyLabel != "" {
		i--
	}
	if i < 0 || i >= len(s.values) {
		return ""
	}
	return s.values[i]
}

// setValue selects value; "" or an unknown value selects "any", or clears
// the selection when there is no "any" option.
func (s *enumSelect) setValue(value string) {
	offset := 0
	if s.anyLabel != "" {
		offset = 1
	}
	for i, v := range s.values {
		if v == value {
			s.SetSelectedIndex(i + offset)
			return
		}
	}
	if offset == 1 {
		s.SetSelectedIndex(0)
		return
	}
	s.ClearSelected()
}

// stringSelect is a Select over plain strings with an "any" first option,
// for filters whose options come from the data, such as subjects.
type stringSelect struct {
	*widget.Select
	anyLabel string
}

func newStringSelect(anyLabel string, changed func(value string)) *stringSelect {
	s := &stringSelect{anyLabel: anyLabel}
	s.Select = widget.NewSelect([]string{anyLabel}, nil)
	s.SetSelectedIndex(0)
	s.OnChanged = func(string) {
		if changed != nil {
			changed(s.value())
		}
	}
	return s
}

// value returns the selected string, or "" for "any".
func (s *stringSelect) value() string {
	if s.SelectedIndex() <= 0 {
		return ""
	}
	return s.Selected
}

// setOptions replaces the options and keeps the selection when it is still
// one of them, without calling the change callback.
func (s *stringSelect) setOptions(options []string) {
	current := s.value()
	changed := s.OnChanged
	s.OnChanged = nil
	defer func() { s.OnChanged = changed }()

	s.Options = append([]string{s.anyLabel}, options...)
	s.Refresh()
	for i, o := range options {
		if o == current {
			s.SetSelectedIndex(i + 1)
			return
		}
	}
	s.SetSelectedIndex(0)
}

// enumStrings converts a list of enumerated values to strings.
func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// unsavedChoice holds what an unsaved-changes prompt does for each answer.
type unsavedChoice struct {
	save, discard, cancel func()
}

// showUnsavedPrompt lets the user save or discard the open editor's
// changes before another record opens. The texts come from the catalog
// keys "<area>.unsaved.*".
func showUnsavedPrompt(c fyne.Canvas, area string, choice unsavedChoice) *widget.PopUp {
	var popUp *widget.PopUp
	answer := func(f func()) func() {
		return func() {
			popUp.Hide()
			f()
		}
	}
	save := widget.NewButton(T(area+".unsaved.save"), answer(choice.save))
	save.Importance = widget.HighImportance
	message := widget.NewLabel(T(area + ".unsaved.message"))
	message.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		widget.NewLabelWithStyle(T(area+".unsaved.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		message,
		container.NewHBox(
			widget.NewButton(T(area+".unsaved.cancel"), answer(choice.cancel)),
			widget.NewButton(T(area+".unsaved.discard"), answer(choice.discard)),
			save,
		),
	)
	popUp = widget.NewModalPopUp(body, c)
	popUp.Resize(fyne.NewSize(420, body.MinSize().Height))
	popUp.Show()
	return popUp
}
