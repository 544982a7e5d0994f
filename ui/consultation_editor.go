package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// consultationEditor edits every field of one consultation. Like the
// practice editor it keeps the last loaded or saved record as base.
type consultationEditor struct {
	env  *Env
	base data.Consultation
	// onSaved runs after a successful save with the stored consultation.
	onSaved func(data.Consultation)
	// onDeleted runs after the loaded consultation was deleted.
	onDeleted     func(id string)
	deleteButton  *widget.Button
	saveButton    *widget.Button
	discardButton *widget.Button
	// ownership explains why a consultation is read-only and offers to
	// restore a rejected change; readOnly is set for another
	// association's consultation and in the coordinator's profile.
	ownership *ownershipBar
	readOnly  bool
	// confirm is the open delete confirmation, or nil.
	confirm *calendarConfirm

	heading          *widget.Label
	date             *DateEntry
	duration         *widget.Entry
	format           *enumSelect
	topic            *widget.Entry
	category         *suggestEntry
	requesterName    *widget.Entry
	requesterSchool  *widget.Entry
	requesterContact *widget.Entry
	question         *longTextField
	answer           *longTextField
	consultant       *widget.Entry
	status           *enumSelect
	followUp         *DateEntry
	messages         *fieldMessages
	// saveStatus reports the last save above the form.
	saveStatus *editorStatus
	scroll     *container.Scroll

	content fyne.CanvasObject
}

func newConsultationEditor(env *Env) *consultationEditor {
	e := &consultationEditor{env: env, messages: newFieldMessages(data.KindConsultation), saveStatus: newEditorStatus()}
	m := e.messages
	name := func(field string) string { return FieldName(data.KindConsultation, field) }

	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// A long topic is cut, so that it cannot widen the window.
	e.heading.Truncation = fyne.TextTruncateEllipsis
	e.date = NewDateEntry()
	e.duration = widget.NewEntry()
	e.duration.SetPlaceHolder(T("consultations.duration_hint"))
	e.format = newEnumSelect("consultation.format", enumStrings(data.ConsultationFormats), "", func(string) { e.fieldChanged("format") })
	e.topic = widget.NewEntry()
	e.category = newSuggestEntry(nil, T("consultations.category_hint"))
	e.requesterName = widget.NewEntry()
	e.requesterSchool = widget.NewEntry()
	e.requesterContact = widget.NewEntry()
	e.question = newLongTextField(data.Limit(data.KindConsultation, "question"), m.label("question"))
	e.answer = newLongTextField(data.Limit(data.KindConsultation, "answer"), m.label("answer"))
	e.consultant = widget.NewEntry()
	e.status = newEnumSelect("consultation.status", enumStrings(data.ConsultationStatuses), "", func(string) { e.fieldChanged("status") })
	e.followUp = NewDateEntry()
	e.watchChanges()

	privacy := widget.NewLabel(T("consultations.personal.note"))
	privacy.Wrapping = fyne.TextWrapWord
	// A plain heading like the practice editor's: a Card's title is set
	// much larger than the other headings.
	personal := container.NewVBox(
		sectionHeading(T("consultations.personal.title")),
		privacy,
		m.block("requester.name", name("requester.name"), e.requesterName),
		m.block("requester.school", name("requester.school"), e.requesterSchool),
		m.block("requester.contact", name("requester.contact"), e.requesterContact),
	)

	question := fieldBlock(name("question"), e.question.content, nil)
	m.anchor("question", question)
	answer := fieldBlock(name("answer"), e.answer.content, nil)
	m.anchor("answer", answer)
	e.ownership = newOwnershipBar(env, data.KindConsultation, e.reloadRestored)
	form := container.NewVBox(
		e.ownership.content,
		container.NewGridWithColumns(2,
			m.block("date", name("date"), e.date),
			m.block("duration_min", name("duration_min"), e.duration),
			m.block("format", name("format"), e.format.Select),
			m.block("status", name("status"), e.status.Select),
		),
		m.block("topic", name("topic"), e.topic),
		m.block("category", name("category"), e.category),
		personal,
		question,
		answer,
		container.NewGridWithColumns(2,
			m.block("consultant", name("consultant"), e.consultant),
			m.block("follow_up", name("follow_up"), e.followUp),
		),
	)

	e.saveButton, e.discardButton, e.deleteButton = editorButtons("consultations", func() { _ = e.save() }, e.discard, e.onDelete)
	e.scroll = scrollForm(form)
	e.content = editorFrame(e.heading, e.saveStatus, m.fallback, e.scroll, e.saveButton, e.discardButton, e.deleteButton)
	e.load(newConsultation())
	return e
}

// watchChanges clears a field's message as soon as the user changes the
// field, so a fixed field does not look wrong until the next save.
func (e *consultationEditor) watchChanges() {
	entries := map[string]*widget.Entry{
		"duration_min":      e.duration,
		"topic":             e.topic,
		"category":          &e.category.SelectEntry.Entry,
		"requester.name":    e.requesterName,
		"requester.school":  e.requesterSchool,
		"requester.contact": e.requesterContact,
		"consultant":        e.consultant,
	}
	for field, entry := range entries {
		entry.OnChanged = func(string) { e.fieldChanged(field) }
	}
	e.question.onChanged = func(string) { e.fieldChanged("question") }
	e.answer.onChanged = func(string) { e.fieldChanged("answer") }
	e.date.OnChanged = func(string) {
		e.date.SetError("")
		e.fieldChanged("date")
	}
	e.followUp.OnChanged = func(string) {
		e.followUp.SetError("")
		e.fieldChanged("follow_up")
	}
}

// fieldChanged hides the message of a field the user changed and updates
// the line at the top.
func (e *consultationEditor) fieldChanged(field string) {
	e.messages.clearField(field)
	e.saveStatus.fieldChanged(len(e.messages.shown()))
}

// newConsultation returns the record a new editor starts from: today, in
// person, new.
func newConsultation() data.Consultation {
	return data.Consultation{Date: data.Today(), Format: data.FormatInPerson, Status: data.ConsultationNew}
}

// load shows c in the form and makes it the base that dirty compares to.
func (e *consultationEditor) load(c data.Consultation) {
	e.base = c
	wasReadOnly := e.readOnly
	e.readOnly = e.ownership.show(c.ID, c.Association)
	if wasReadOnly && !e.readOnly {
		setFormEnabled(e.scroll, true, e.ownership.content)
	}
	e.messages.clear()
	e.saveStatus.clear()
	// The scroller keeps its offset between records, which hid the topic.
	e.scroll.ScrollToTop()
	e.date.SetError("")
	e.followUp.SetError("")

	if c.ID == "" {
		e.heading.SetText(T("consultations.new_consultation"))
		e.deleteButton.Hide()
	} else {
		e.heading.SetText(c.Date.String() + " · " + c.Topic)
		e.deleteButton.Show()
	}
	e.date.SetDate(c.Date)
	e.duration.SetText(durationText(c.DurationMin))
	e.format.setValue(string(c.Format))
	e.topic.SetText(c.Topic)
	e.category.SetText(c.Category)
	e.requesterName.SetText(c.Requester.Name)
	e.requesterSchool.SetText(c.Requester.School)
	e.requesterContact.SetText(c.Requester.Contact)
	e.question.setText(c.Question)
	e.answer.setText(c.Answer)
	e.consultant.SetText(c.Consultant)
	e.status.setValue(string(c.Status))
	e.followUp.SetDate(c.FollowUp)
	e.applyReadOnly()
}

// applyReadOnly disables the form and hides the buttons that change the
// consultation when it is read-only, and brings the buttons back
// otherwise. load enables the form again before it fills it.
func (e *consultationEditor) applyReadOnly() {
	if !e.readOnly {
		e.saveButton.Show()
		e.discardButton.Show()
		return
	}
	setFormEnabled(e.scroll, false, e.ownership.content)
	e.saveButton.Hide()
	e.discardButton.Hide()
	e.deleteButton.Hide()
}

// reloadRestored shows the consultation again after the server's version
// replaced the local one, or a new one when the restore removed it.
func (e *consultationEditor) reloadRestored(id string) {
	c, err := e.env.Store.Consultation(id)
	if err != nil {
		if !errors.Is(err, data.ErrNotFound) {
			e.env.Log.Error("read restored consultation", "id", id, "err", err)
		}
		e.load(newConsultation())
		if e.onDeleted != nil {
			e.onDeleted(id)
		}
		return
	}
	e.load(c)
	if e.onSaved != nil {
		e.onSaved(c)
	}
}

// durationText shows minutes as typed, with 0 (unset) as an empty field.
func durationText(minutes int) string {
	if minutes == 0 {
		return ""
	}
	return strconv.Itoa(minutes)
}

// formConsultation returns the record as the form shows it, on top of
// base, and a message for each field whose text does not parse: a date
// that is not yyyy-mm-dd, or a duration that is not a whole number.
func (e *consultationEditor) formConsultation() (data.Consultation, []data.FieldError) {
	c := e.base
	var invalid []data.FieldError

	date, err := e.date.Date()
	if err != nil {
		invalid = append(invalid, data.FieldError{Field: "date", Code: data.CodeInvalidDate})
	}
	c.Date = date

	followUp, err := e.followUp.Date()
	if err != nil {
		invalid = append(invalid, data.FieldError{Field: "follow_up", Code: data.CodeInvalidDate})
	}
	c.FollowUp = followUp

	c.DurationMin = 0
	if text := strings.TrimSpace(e.duration.Text); text != "" {
		minutes, err := strconv.Atoi(text)
		if err != nil {
			invalid = append(invalid, data.FieldError{Field: "duration_min", Code: data.CodeOutOfRange, Limit: data.Limit(data.KindConsultation, "duration_min")})
		}
		c.DurationMin = minutes
	}

	c.Format = data.ConsultationFormat(e.format.value())
	c.Topic = e.topic.Text
	c.Category = strings.TrimSpace(e.category.Text)
	c.Requester = data.Requester{Name: e.requesterName.Text, School: e.requesterSchool.Text, Contact: e.requesterContact.Text}
	c.Question = e.question.text()
	c.Answer = e.answer.text()
	c.Consultant = e.consultant.Text
	c.Status = data.ConsultationStatus(e.status.value())
	return c, invalid
}

// dirty reports whether the form differs from the loaded or saved record.
// Date and duration compare as typed text, so an unparsable edit counts.
func (e *consultationEditor) dirty() bool {
	if e.readOnly {
		return false
	}
	c, _ := e.formConsultation()
	b := e.base
	if e.date.Text != b.Date.String() || e.followUp.Text != b.FollowUp.String() ||
		strings.TrimSpace(e.duration.Text) != durationText(b.DurationMin) {
		return true
	}
	return c.Format != b.Format || c.Topic != b.Topic || c.Category != b.Category ||
		c.Requester != b.Requester || c.Question != b.Question || c.Answer != b.Answer ||
		c.Consultant != b.Consultant || c.Status != b.Status
}

// save stores the form through the store. Text that does not parse is
// reported together with the store's validation, and nothing is saved.
// Invalid input leaves every typed value in place.
func (e *consultationEditor) save() error {
	if e.readOnly {
		// Save is hidden, but a keyboard shortcut may still call it.
		return nil
	}
	c, invalid := e.formConsultation()
	if len(invalid) > 0 {
		fields := invalid
		var rest *data.ValidationError
		if errors.As(c.Validate(), &rest) {
			for _, fe := range rest.Fields {
				if !slices.ContainsFunc(invalid, func(x data.FieldError) bool { return x.Field == fe.Field }) {
					fields = append(fields, fe)
				}
			}
		}
		e.showMessages(fields)
		return errInvalidInput
	}

	err := e.env.Store.Save(&c)
	var rejected *data.ValidationError
	switch {
	case errors.As(err, &rejected):
		e.showMessages(rejected.Fields)
		return errInvalidInput
	case err != nil:
		e.env.Log.Error("save consultation failed", "id", c.ID, "err", err)
		e.saveStatus.clear()
		setMessage(e.messages.fallback, T("consultations.save_failed"))
		return fmt.Errorf("save consultation: %w", err)
	}

	e.load(c)
	e.saveStatus.showSaved()
	if e.onSaved != nil {
		e.onSaved(c)
	}
	return nil
}

// showMessages shows the messages beside their fields and also marks the
// date entries, whose own icon marks the wrong one. The line at the top
// counts the invalid fields, and the form scrolls to the first of them.
func (e *consultationEditor) showMessages(fields []data.FieldError) {
	e.messages.show(fields)
	e.date.SetError(e.messages.text("date"))
	e.followUp.SetError(e.messages.text("follow_up"))

	shown := e.messages.shown()
	e.saveStatus.showInvalid(len(shown))
	scrollToFirst(e.scroll, shown)
}

// discard reloads the base record, dropping every unsaved change.
func (e *consultationEditor) discard() {
	e.load(e.base)
}

// onDelete shows a confirmation before deleting the loaded consultation.
func (e *consultationEditor) onDelete() {
	if e.base.ID == "" || e.readOnly {
		return
	}
	title := e.base.Date.String() + " · " + e.base.Topic
	question := deleteQuestion(e.env, data.KindConsultation, e.base.ID, "consultations.delete_question", title)
	e.confirm = showConfirm(e.env.Window.Canvas(), T("consultations.delete_title"), question, T("consultations.delete"), e.deleteLoaded)
}

// deleteLoaded turns the loaded consultation into a tombstone, which
// stays in the file until the coordinator's server acknowledges the
// deletion.
func (e *consultationEditor) deleteLoaded() {
	id := e.base.ID
	if !deleteRecord(e.env, data.KindConsultation, id, "consultation", e.messages.fallback, T("consultations.delete_failed")) {
		return
	}
	e.load(newConsultation())
	if e.onDeleted != nil {
		e.onDeleted(id)
	}
}
