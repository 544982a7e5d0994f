package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// eventFormValues is everything the event editor shows, as typed. Two
// values are equal exactly when the form shows the same thing, so
// comparing them detects unsaved changes.
type eventFormValues struct {
	Title           string
	Type            data.EventType
	AllDay          bool
	StartDate       string
	StartTime       string
	EndDate         string
	EndTime         string
	Place           string
	OnlineURL       string
	Description     string
	Audience        string
	RegistrationURL string
	Public          bool
}

// eventFormValuesOf returns the form values that show ev. Timed events are
// shown in Europe/Vilnius whatever the computer's time zone.
func eventFormValuesOf(ev data.Event) eventFormValues {
	v := eventFormValues{
		Title:           ev.Title,
		Type:            ev.Type,
		AllDay:          ev.AllDay,
		Place:           ev.Place,
		OnlineURL:       ev.OnlineURL,
		Description:     ev.Description,
		Audience:        ev.Audience,
		RegistrationURL: ev.RegistrationURL,
		Public:          ev.Public,
	}
	if ev.AllDay {
		v.StartDate = ev.StartDate.String()
		v.EndDate = ev.EndDate.String()
		return v
	}
	if !ev.Start.IsZero() {
		start := ev.Start.In(data.Vilnius)
		v.StartDate = data.DateOf(start).String()
		v.StartTime = start.Format("15:04")
	}
	if !ev.End.IsZero() {
		end := ev.End.In(data.Vilnius)
		v.EndDate = data.DateOf(end).String()
		v.EndTime = end.Format("15:04")
	}
	return v
}

// Message rows of the editor. Several record fields share a row: an
// all-day event's start_date and a timed event's start both belong to the
// start row.
const (
	rowStart   = "start"
	rowEnd     = "end"
	rowGeneral = ""
)

// eventMessageRow returns the editor row that shows a message for a
// record field.
func eventMessageRow(field string) string {
	switch field {
	case "start", "start_date":
		return rowStart
	case "end", "end_date":
		return rowEnd
	case "title", "type", "place", "online_url", "description", "audience", "registration_url":
		return field
	}
	return rowGeneral
}

// eventEditor edits one event. It keeps the record it loaded, so a save
// updates that record and dirty compares the form with it.
type eventEditor struct {
	env *Env

	// onSaved is called after a successful save with the stored event.
	onSaved func(data.Event)
	// onDeleted is called after the event was deleted.
	onDeleted func(id string)
	// onClosed is called when the user closes the editor.
	onClosed func()

	loaded       data.Event
	loadedValues eventFormValues

	heading         *widget.Label
	title           *widget.Entry
	eventType       *widget.Select
	allDay          *widget.Check
	startDate       *DateEntry
	startTime       *TimeEntry
	endDate         *DateEntry
	endTime         *TimeEntry
	place           *widget.Entry
	onlineURL       *widget.Entry
	description     *widget.Entry
	audience        *widget.Entry
	registrationURL *widget.Entry
	public          *widget.Check

	// messages maps a row name (see eventMessageRow) to its message label.
	messages map[string]*widget.Label
	// anchors maps a row name to the block that showing its message
	// scrolls to.
	anchors map[string]fyne.CanvasObject
	// saveStatus reports the last save above the form.
	saveStatus *editorStatus
	scroll     *container.Scroll

	saveButton   *widget.Button
	deleteButton *widget.Button
	closeButton  *widget.Button
	// ownership explains why an event is read-only and offers to restore a
	// rejected change; readOnly is set for another association's public
	// event and in the coordinator's profile.
	ownership *ownershipBar
	readOnly  bool
	// confirm is the open delete confirmation, or nil.
	confirm *calendarConfirm

	form *fyne.Container
	root fyne.CanvasObject
}

func newEventEditor(env *Env) *eventEditor {
	e := &eventEditor{
		env:        env,
		messages:   map[string]*widget.Label{},
		anchors:    map[string]fyne.CanvasObject{},
		saveStatus: newEditorStatus(),
	}

	e.heading = widget.NewLabel("")
	e.heading.TextStyle.Bold = true

	e.title = widget.NewEntry()
	e.eventType = widget.NewSelect(eventTypeLabels(), nil)
	e.eventType.PlaceHolder = T("calendar.choose_type")
	e.allDay = widget.NewCheck(T("calendar.all_day"), func(bool) {
		e.updateTimeFields()
		// The start and end rows' messages may be about the times.
		e.rowChanged(rowStart)
		e.rowChanged(rowEnd)
	})
	e.startDate = NewDateEntry()
	e.startTime = NewTimeEntry()
	e.endDate = NewDateEntry()
	e.endTime = NewTimeEntry()
	e.place = widget.NewEntry()
	e.onlineURL = widget.NewEntry()
	e.onlineURL.PlaceHolder = "https://"
	e.description = widget.NewMultiLineEntry()
	e.description.Wrapping = fyne.TextWrapWord
	e.description.SetMinRowsVisible(5)
	e.audience = widget.NewEntry()
	e.registrationURL = widget.NewEntry()
	e.registrationURL.PlaceHolder = "https://"
	e.public = widget.NewCheck(T("calendar.public"), nil)

	e.saveButton = widget.NewButton(T("calendar.save"), func() { _ = e.save() })
	e.saveButton.Importance = widget.HighImportance
	e.deleteButton = widget.NewButton(T("calendar.delete"), e.onDelete)
	e.deleteButton.Importance = widget.DangerImportance
	e.closeButton = widget.NewButton(T("calendar.close"), func() {
		if e.onClosed != nil {
			e.onClosed()
		}
	})

	e.ownership = newOwnershipBar(env, data.KindEvent, e.reloadRestored)
	e.root = e.layout()
	e.watchChanges()
	e.load(data.Event{})
	return e
}

func (e *eventEditor) layout() fyne.CanvasObject {
	field := func(name string, input fyne.CanvasObject) fyne.CanvasObject {
		row := eventMessageRow(name)
		block := fieldBlock(FieldName(data.KindEvent, name), input, e.messageLabel(row))
		e.anchors[row] = block
		return block
	}
	dateTime := func(name string, date *DateEntry, clock *TimeEntry) fyne.CanvasObject {
		return field(name, container.NewBorder(nil, nil, nil, clock, date))
	}

	e.form = container.NewVBox(
		e.ownership.content,
		field("title", e.title),
		field("type", e.eventType),
		e.allDay,
		dateTime("start", e.startDate, e.startTime),
		dateTime("end", e.endDate, e.endTime),
		field("place", e.place),
		field("online_url", e.onlineURL),
		field("description", e.description),
		field("audience", e.audience),
		field("registration_url", e.registrationURL),
		e.public,
	)
	e.heading.Truncation = fyne.TextTruncateEllipsis
	e.scroll = scrollForm(e.form)
	return editorFrame(e.heading, e.saveStatus, e.messageLabel(rowGeneral), e.scroll, e.saveButton, e.closeButton, e.deleteButton)
}

// watchChanges clears a row's message as soon as the user changes a field
// of the row, so a fixed field does not look wrong until the next save.
func (e *eventEditor) watchChanges() {
	entries := map[string]*widget.Entry{
		"title":            e.title,
		"place":            e.place,
		"online_url":       e.onlineURL,
		"description":      e.description,
		"audience":         e.audience,
		"registration_url": e.registrationURL,
	}
	for row, entry := range entries {
		entry.OnChanged = func(string) { e.rowChanged(row) }
	}
	e.eventType.OnChanged = func(string) { e.rowChanged("type") }
	e.startDate.OnChanged = func(string) { e.rowChanged(rowStart) }
	e.startTime.OnChanged = func(string) { e.rowChanged(rowStart) }
	e.endDate.OnChanged = func(string) { e.rowChanged(rowEnd) }
	e.endTime.OnChanged = func(string) { e.rowChanged(rowEnd) }
}

// rowChanged hides a row's message and its date entry's error mark, and
// updates the line at the top.
func (e *eventEditor) rowChanged(row string) {
	if label, ok := e.messages[row]; ok && label.Visible() {
		label.SetText("")
		label.Hide()
		switch row {
		case rowStart:
			e.startDate.SetError("")
		case rowEnd:
			e.endDate.SetError("")
		}
		e.form.Refresh()
	}
	e.saveStatus.fieldChanged(len(e.shownRows()))
}

// messageLabel returns the hidden danger-coloured label of a row, creating
// it on first use.
func (e *eventEditor) messageLabel(row string) *widget.Label {
	if label, ok := e.messages[row]; ok {
		return label
	}
	label := widget.NewLabel("")
	label.Importance = widget.DangerImportance
	label.Wrapping = fyne.TextWrapWord
	label.Hide()
	e.messages[row] = label
	return label
}

func eventTypeLabels() []string {
	labels := make([]string, len(data.EventTypes))
	for i, t := range data.EventTypes {
		labels[i] = EnumLabel("event.type", string(t))
	}
	return labels
}

// loadNew shows an empty timed event starting on day, with the times left
// for the user to type.
func (e *eventEditor) loadNew(day data.Date) {
	e.load(data.Event{})
	e.startDate.SetDate(day)
	e.loadedValues = e.values()
}

// load shows ev in the form and makes it the record that dirty compares
// with. A zero ev.ID means a new event.
func (e *eventEditor) load(ev data.Event) {
	e.loaded = ev
	wasReadOnly := e.readOnly
	e.readOnly = e.ownership.show(ev.ID, ev.Association)
	if wasReadOnly && !e.readOnly {
		setFormEnabled(e.scroll, true, e.ownership.content)
	}
	e.setValues(eventFormValuesOf(ev))
	e.loadedValues = e.values()
	e.clearMessages()
	e.saveStatus.clear()
	// The scroller keeps its offset between records, which hid the title.
	e.scroll.ScrollToTop()

	if ev.ID == "" {
		e.heading.SetText(T("calendar.new_event"))
		e.deleteButton.Hide()
	} else {
		e.heading.SetText(T("calendar.edit_event"))
		e.deleteButton.Show()
	}
	e.applyReadOnly()
}

// applyReadOnly disables the form and hides the buttons that change the
// event when it is read-only, and brings Save back otherwise. load enables
// the form again before it fills it. Close stays.
func (e *eventEditor) applyReadOnly() {
	if !e.readOnly {
		e.saveButton.Show()
		return
	}
	setFormEnabled(e.scroll, false, e.ownership.content)
	e.saveButton.Hide()
	e.deleteButton.Hide()
}

// reloadRestored shows the event again after the server's version
// replaced the local one, or an empty form when the restore removed it.
func (e *eventEditor) reloadRestored(id string) {
	ev, err := e.env.Store.Event(id)
	if err != nil {
		if !errors.Is(err, data.ErrNotFound) {
			e.env.Log.Error("read restored event", "id", id, "err", err)
		}
		e.load(data.Event{})
		if e.onDeleted != nil {
			e.onDeleted(id)
		}
		return
	}
	e.load(ev)
	if e.onSaved != nil {
		e.onSaved(ev)
	}
}

func (e *eventEditor) setValues(v eventFormValues) {
	e.title.SetText(v.Title)
	e.eventType.ClearSelected()
	for i, t := range data.EventTypes {
		if t == v.Type {
			e.eventType.SetSelectedIndex(i)
		}
	}
	e.allDay.SetChecked(v.AllDay)
	e.startDate.SetText(v.StartDate)
	e.startTime.SetText(v.StartTime)
	e.endDate.SetText(v.EndDate)
	e.endTime.SetText(v.EndTime)
	e.place.SetText(v.Place)
	e.onlineURL.SetText(v.OnlineURL)
	e.description.SetText(v.Description)
	e.audience.SetText(v.Audience)
	e.registrationURL.SetText(v.RegistrationURL)
	e.public.SetChecked(v.Public)
	e.updateTimeFields()
}

// values returns what the form shows now.
func (e *eventEditor) values() eventFormValues {
	var eventType data.EventType
	if i := e.eventType.SelectedIndex(); i >= 0 && i < len(data.EventTypes) {
		eventType = data.EventTypes[i]
	}
	return eventFormValues{
		Title:           e.title.Text,
		Type:            eventType,
		AllDay:          e.allDay.Checked,
		StartDate:       e.startDate.Text,
		StartTime:       e.startTime.Text,
		EndDate:         e.endDate.Text,
		EndTime:         e.endTime.Text,
		Place:           e.place.Text,
		OnlineURL:       e.onlineURL.Text,
		Description:     e.description.Text,
		Audience:        e.audience.Text,
		RegistrationURL: e.registrationURL.Text,
		Public:          e.public.Checked,
	}
}

// updateTimeFields shows the time entries for a timed event and hides them
// for an all-day one. Hidden times keep their text, so switching back
// loses nothing.
func (e *eventEditor) updateTimeFields() {
	if e.allDay.Checked {
		e.startTime.Hide()
		e.endTime.Hide()
	} else {
		e.startTime.Show()
		e.endTime.Show()
	}
	// Showing or hiding a child does not lay out its container again.
	if e.form != nil {
		e.form.Refresh()
	}
}

// dirty reports whether the form differs from the loaded event.
func (e *eventEditor) dirty() bool {
	if e.readOnly {
		return false
	}
	return e.values() != e.loadedValues
}

// discard shows the loaded event again.
func (e *eventEditor) discard() {
	e.load(e.loaded)
}

// formEvent builds the event that the form describes on top of the loaded
// record's bookkeeping. Dates and times that do not parse are left zero and
// reported as field errors, each with the entry's own translated message.
func (e *eventEditor) formEvent() (data.Event, map[string]string) {
	v := e.values()
	ev := e.loaded
	ev.Title = strings.TrimSpace(v.Title)
	ev.Type = v.Type
	ev.AllDay = v.AllDay
	ev.Place = strings.TrimSpace(v.Place)
	ev.OnlineURL = strings.TrimSpace(v.OnlineURL)
	ev.Description = v.Description
	ev.Audience = strings.TrimSpace(v.Audience)
	ev.RegistrationURL = strings.TrimSpace(v.RegistrationURL)
	ev.Public = v.Public
	ev.Start, ev.End = time.Time{}, time.Time{}
	ev.StartDate, ev.EndDate = data.Date{}, data.Date{}

	messages := map[string]string{}
	startDay, startErr := e.startDate.Date()
	endDay, endErr := e.endDate.Date()
	if startErr != nil {
		messages[rowStart] = startErr.Error()
	}
	if endErr != nil {
		messages[rowEnd] = endErr.Error()
	}
	// An empty end date means the event ends on the day it starts.
	if endErr == nil && endDay.IsZero() {
		endDay = startDay
	}

	if v.AllDay {
		ev.StartDate, ev.EndDate = startDay, endDay
		return ev, messages
	}

	start, msg := e.instant(startDay, startErr, e.startTime)
	if msg != "" && startErr == nil {
		messages[rowStart] = msg
	}
	end, msg := e.instant(endDay, endErr, e.endTime)
	if msg != "" && endErr == nil {
		messages[rowEnd] = msg
	}
	ev.Start, ev.End = start, end
	return ev, messages
}

// instant combines a parsed day and a time entry into an instant in
// Europe/Vilnius. It returns a translated message when the time is
// invalid, or missing while the day is set. A day that did not parse gives
// a zero time and no message, because its own message is already shown.
//
// NOTE: a local time skipped by the spring clock change (03:00–03:59 on the
// last Sunday of March) is moved an hour later by time.Date.
func (e *eventEditor) instant(day data.Date, dayErr error, clock *TimeEntry) (time.Time, string) {
	hour, minute, err := clock.Time()
	if err != nil {
		return time.Time{}, err.Error()
	}
	if dayErr != nil || day.IsZero() {
		return time.Time{}, ""
	}
	if clock.IsEmpty() {
		return time.Time{}, T("calendar.time_missing")
	}
	return time.Date(day.Year, day.Month, day.Day, hour, minute, 0, 0, data.Vilnius), ""
}

// save validates and stores the form. Every invalid field gets its
// translated message beside it, the typed text stays as it is, and a
// returned *data.ValidationError means that nothing was stored.
func (e *eventEditor) save() error {
	if e.readOnly {
		// Save is hidden, but a keyboard shortcut may still call it.
		return nil
	}
	e.clearMessages()
	ev, parseMessages := e.formEvent()

	if len(parseMessages) > 0 {
		// Report the other invalid fields too, so that one pass fixes all.
		verr := &data.ValidationError{Kind: data.KindEvent, Index: -1}
		var ve *data.ValidationError
		if errors.As(ev.Validate(), &ve) {
			for _, fe := range ve.Fields {
				if _, hasMessage := parseMessages[eventMessageRow(fe.Field)]; !hasMessage {
					verr.Fields = append(verr.Fields, fe)
				}
			}
		}
		e.showFieldErrors(verr.Fields)
		for row, msg := range parseMessages {
			e.addMessage(row, msg)
			verr.Fields = append(verr.Fields, data.FieldError{Field: row, Code: data.CodeInvalidDate})
		}
		e.showInvalid()
		return verr
	}

	err := e.env.Store.Save(&ev)
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ve):
		e.showFieldErrors(ve.Fields)
		e.showInvalid()
		return err
	case err != nil:
		e.env.Log.Error("save event", "id", ev.ID, "err", err)
		e.addMessage(rowGeneral, T("calendar.save_failed"))
		e.form.Refresh()
		return err
	}

	e.env.Log.Info("event saved", "id", ev.ID, "revision", ev.Revision)
	e.load(ev)
	e.saveStatus.showSaved()
	if e.onSaved != nil {
		e.onSaved(ev)
	}
	return nil
}

// showInvalid reports the number of rows with messages at the top and
// scrolls the first of them into view.
func (e *eventEditor) showInvalid() {
	shown := e.shownRows()
	e.saveStatus.showInvalid(len(shown))
	scrollToFirst(e.scroll, shown)
}

// shownRows returns the blocks of the field rows that show a message.
func (e *eventEditor) shownRows() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for row, label := range e.messages {
		if row != rowGeneral && label.Visible() {
			out = append(out, e.anchors[row])
		}
	}
	return out
}

// showFieldErrors shows each translated message beside its field and marks
// the date entries of the start and end rows.
func (e *eventEditor) showFieldErrors(fields []data.FieldError) {
	for _, fe := range fields {
		e.addMessage(eventMessageRow(fe.Field), FieldErrorText(data.KindEvent, fe))
	}
}

func (e *eventEditor) addMessage(row string, msg string) {
	label := e.messageLabel(row)
	if label.Text != "" {
		msg = label.Text + "\n" + msg
	}
	label.SetText(msg)
	label.Show()

	switch row {
	case rowStart:
		e.startDate.SetError(msg)
	case rowEnd:
		e.endDate.SetError(msg)
	}
}

func (e *eventEditor) clearMessages() {
	for _, label := range e.messages {
		label.SetText("")
		label.Hide()
	}
	e.startDate.SetError("")
	e.endDate.SetError("")
	e.form.Refresh()
}

// message returns the text shown in a row, for tests and the screen.
func (e *eventEditor) message(row string) string {
	return e.messages[row].Text
}

// onDelete prompts for confirmation before deleting the loaded event.
func (e *eventEditor) onDelete() {
	if e.loaded.ID == "" || e.readOnly {
		return
	}
	question := T("calendar.delete_question", map[string]any{"Title": e.loaded.Title})
	e.confirm = showConfirm(e.env.Window.Canvas(), T("calendar.delete_title"), question, T("calendar.delete"), e.deleteLoaded)
}

// deleteLoaded turns the loaded event into a tombstone, which stays in the
// file until the coordinator's server acknowledges the deletion.
func (e *eventEditor) deleteLoaded() {
	id := e.loaded.ID
	if err := e.env.Store.Delete(data.KindEvent, id); err != nil {
		e.env.Log.Error("delete event", "id", id, "err", err)
		e.addMessage(rowGeneral, T("calendar.delete_failed"))
		e.form.Refresh()
		return
	}
	e.env.Log.Info("event deleted", "id", id)
	if e.onDeleted != nil {
		e.onDeleted(id)
	}
}

// calendarConfirm is a modal question with a confirm and a cancel button.
type calendarConfirm struct {
	popUp   *widget.PopUp
	confirm *widget.Button
	cancel  *widget.Button
}

// showCalendarConfirm shows question over c under a generic title and
// calls onConfirm when the user taps the confirm button, labelled
// confirmText.
func showCalendarConfirm(c fyne.Canvas, question, confirmText string, onConfirm func()) *calendarConfirm {
	return showConfirm(c, T("calendar.confirm_title"), question, confirmText, onConfirm)
}

// showConfirm shows a titled question over c and calls onConfirm when the
// user taps the confirm button, labelled confirmText.
func showConfirm(c fyne.Canvas, title, question, confirmText string, onConfirm func()) *calendarConfirm {
	d := &calendarConfirm{}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(question)
	text.Wrapping = fyne.TextWrapWord

	d.confirm = widget.NewButton(confirmText, func() {
		d.popUp.Hide()
		onConfirm()
	})
	d.confirm.Importance = widget.DangerImportance
	d.cancel = widget.NewButton(T("calendar.cancel"), func() { d.popUp.Hide() })

	// The question stays the first object, before the title that the
	// border puts above it.
	body := container.NewBorder(heading, container.NewHBox(d.cancel, d.confirm), nil, nil, text)
	d.popUp = widget.NewModalPopUp(body, c)
	d.popUp.Resize(fyne.NewSize(360, body.MinSize().Height))
	d.popUp.Show()
	return d
}
