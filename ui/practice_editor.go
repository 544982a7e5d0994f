package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/wire"
)

// errInvalidInput is returned by editors' save when the input is invalid;
// the messages are already shown beside the fields.
var errInvalidInput = errors.New("invalid input")

// caseTransitions lists the status changes an association makes itself,
// offered as buttons. Submission, approval and publication come from the
// coordinator's server through sync, so they are not offered here.
var caseTransitions = map[data.CaseStatus][]data.CaseStatus{
	data.CaseDraft:    {data.CaseReady},
	data.CaseReady:    {data.CaseDraft},
	data.CaseReturned: {data.CaseReady},
}

// associationStatuses are the statuses an association may give its case in
// the status field. Returned, approved and published come only from the
// coordinator's review, and the server rejects them from an association.
var associationStatuses = []data.CaseStatus{data.CaseDraft, data.CaseReady, data.CaseSubmitted}

// licenceSuggestions are the licences offered in the licence field, which
// also takes free text.
var licenceSuggestions = []string{"CC BY 4.0", "CC BY-SA 4.0", "CC BY-NC 4.0", "CC BY-NC-SA 4.0"}

// practiceEditor edits every field of one practice case. It keeps the last
// loaded or saved case as base, so dirty compares the form against it and
// save keeps the fields the form does not show (Meta, Review, History).
type practiceEditor struct {
	env  *Env
	base data.PracticeCase
	// onSaved runs after a successful save with the stored case.
	onSaved func(data.PracticeCase)
	// onDeleted runs after the loaded case was deleted.
	onDeleted func(id string)

	heading       *widget.Label
	review        *widget.Label
	history       *widget.Label
	title         *widget.Entry
	authors       []*authorRow
	authorBox     *fyne.Container
	addAuthor     *widget.Button
	subject       *suggestEntry
	levels        *checkGrid
	grades        *widget.Entry
	keywords      *widget.Entry
	sections      map[string]*longTextField
	comments      map[string]*widget.Label
	licence       *suggestEntry
	status        *enumSelect
	transitions   *fyne.Container
	saveButton    *widget.Button
	discardButton *widget.Button
	deleteButton  *widget.Button
	// ownership explains why a case is read-only and offers to restore a
	// rejected change; readOnly is set for a case of another association
	// and for every case in the coordinator's profile.
	ownership *ownershipBar
	readOnly  bool
	// confirm is the open delete confirmation, or nil.
	confirm  *calendarConfirm
	messages *fieldMessages
	// saveStatus reports the last save above the form.
	saveStatus *editorStatus
	scroll     *container.Scroll

	content fyne.CanvasObject
}

// authorRow is one author's entries and the button that removes the row.
type authorRow struct {
	name, school, role *widget.Entry
	remove             *widget.Button
}

func newPracticeEditor(env *Env) *practiceEditor {
	e := &practiceEditor{
		env:        env,
		messages:   newFieldMessages(data.KindPractice),
		saveStatus: newEditorStatus(),
		sections:   map[string]*longTextField{},
		comments:   map[string]*widget.Label{},
	}

	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// A long title is cut, so that it cannot widen the window past the
	// screen and push the buttons beside it out of sight.
	e.heading.Truncation = fyne.TextTruncateEllipsis
	e.review = widget.NewLabel("")
	e.review.Wrapping = fyne.TextWrapWord
	e.review.Importance = widget.WarningImportance
	e.review.Hide()
	e.history = widget.NewLabel("")
	e.history.Wrapping = fyne.TextWrapWord
	e.history.Hide()

	e.title = widget.NewEntry()
	e.subject = newSuggestEntry(nil, T("practice.subject_hint"))
	// Five checks in one row made the editor over 600 px wide at least
	// and squeezed the list beside it, so they stand in two columns.
	e.levels = newCheckGrid(e.levelLabels(), 2)
	e.grades = widget.NewEntry()
	e.grades.SetPlaceHolder(T("practice.grades_hint"))
	e.keywords = widget.NewEntry()
	e.keywords.SetPlaceHolder(T("practice.keywords_hint"))
	e.licence = newSuggestEntry(licenceSuggestions, T("practice.licence_hint"))
	e.status = newEnumSelect("practice.status", enumStrings(associationStatuses), "", func(string) {
		e.updateTransitions()
		e.fieldChanged("status")
	})
	e.transitions = container.NewHBox()

	e.authorBox = container.NewVBox()
	e.addAuthor = widget.NewButtonWithIcon(T("practice.add_author"), theme.ContentAddIcon(), func() {
		e.appendAuthor(data.Author{})
		e.updateAuthorButtons()
	})
	e.watchChanges()

	e.saveButton, e.discardButton, e.deleteButton = editorButtons("practice", func() { _ = e.save() }, e.discard, e.onDelete)
	e.ownership = newOwnershipBar(env, data.KindPractice, e.reloadRestored)

	e.scroll = scrollForm(e.form())
	e.content = editorFrame(e.heading, e.saveStatus, e.messages.fallback, e.scroll, e.saveButton, e.discardButton, e.deleteButton)
	e.load(newPracticeCase())
	return e
}

// newPracticeCase returns the case a new editor starts from: a draft with
// one empty author row, because every case needs an author.
func newPracticeCase() data.PracticeCase {
	return data.PracticeCase{Status: data.CaseDraft, Authors: []data.Author{{}}}
}

// form lays the fields out under headings, long sections last.
func (e *practiceEditor) form() fyne.CanvasObject {
	m := e.messages
	name := func(field string) string { return FieldName(data.KindPractice, field) }

	authorsHeading := sectionHeading(name("authors"))
	m.anchor("authors", authorsHeading)
	box := container.NewVBox(
		e.ownership.content,
		e.review,
		e.history,
		m.block("status", name("status"), container.NewBorder(nil, nil, nil, e.transitions, e.status.Select)),
		sectionHeading(T("practice.heading.general")),
		m.block("title", name("title"), e.title),
		m.block("subject", name("subject"), e.subject),
		m.block("levels", name("levels"), e.levels.content),
		m.block("grades", name("grades"), e.grades),
		m.block("keywords", name("keywords"), e.keywords),
		m.block("licence", name("licence"), e.licence),
		authorsHeading,
		e.authorBox,
		m.label("authors"),
		container.NewHBox(e.addAuthor),
		sectionHeading(T("practice.heading.sections")),
	)

	var scratch data.PracticeCase
	for _, s := range scratch.Sections() {
		field := newLongTextField(data.Limit(data.KindPractice, s.Field), m.label(s.Field))
		e.sections[s.Field] = field
		field.onChanged = func(string) { e.fieldChanged(s.Field) }
		comment := widget.NewLabel("")
		comment.Wrapping = fyne.TextWrapWord
		comment.Importance = widget.WarningImportance
		comment.Hide()
		e.comments[s.Field] = comment
		block := fieldBlock(name(s.Field), container.NewVBox(comment, field.content), nil)
		m.anchor(s.Field, block)
		box.Add(block)
	}
	return box
}

func (e *practiceEditor) levelLabels() []string {
	labels := make([]string, len(data.EducationLevels))
	for i, l := range data.EducationLevels {
		labels[i] = EnumLabel("level", string(l))
	}
	return labels
}

// watchChanges clears a field's message as soon as the user changes the
// field, so a fixed field does not look wrong until the next save.
func (e *practiceEditor) watchChanges() {
	entries := map[string]*widget.Entry{
		"title":    e.title,
		"subject":  &e.subject.SelectEntry.Entry,
		"grades":   e.grades,
		"keywords": e.keywords,
		"licence":  &e.licence.SelectEntry.Entry,
	}
	for field, entry := range entries {
		entry.OnChanged = func(string) { e.fieldChanged(field) }
	}
	e.levels.OnChanged = func([]string) { e.fieldChanged("levels") }
}

// fieldChanged hides the message of a field the user changed and updates
// the line at the top.
func (e *practiceEditor) fieldChanged(field string) {
	e.messages.clearField(field)
	e.saveStatus.fieldChanged(len(e.messages.shown()))
}

// load shows c in the form and makes it the base that dirty compares to.
func (e *practiceEditor) load(c data.PracticeCase) {
	e.base = c
	wasReadOnly := e.readOnly
	e.readOnly = e.ownership.show(c.ID, c.Association)
	if wasReadOnly && !e.readOnly {
		setFormEnabled(e.scroll, true, e.ownership.content)
	}
	e.messages.clear()
	e.saveStatus.clear()
	// The scroller keeps its offset between records, which hid the title.
	e.scroll.ScrollToTop()

	if c.ID == "" {
		e.heading.SetText(T("practice.new_case"))
		e.deleteButton.Hide()
	} else {
		e.heading.SetText(c.Title)
		e.deleteButton.Show()
	}
	e.showReview(c.Review)
	e.showHistory(c.History)

	e.title.SetText(c.Title)
	e.subject.SetText(c.Subject)
	var levels []string
	for _, l := range c.Levels {
		levels = append(levels, EnumLabel("level", string(l)))
	}
	e.levels.SetSelected(levels)
	e.grades.SetText(c.Grades)
	e.keywords.SetText(strings.Join(c.Keywords, ", "))
	for _, s := range c.Sections() {
		e.sections[s.Field].setText(*s.Text)
	}
	e.licence.SetText(c.Licence)
	e.setStatusOptions(c.Status)
	e.status.setValue(string(c.Status))

	e.authors = nil
	e.authorBox.RemoveAll()
	for _, a := range c.Authors {
		e.appendAuthor(a)
	}
	e.updateAuthorButtons()
	e.updateTransitions()
	e.applyReadOnly()
}

// setStatusOptions offers the association's statuses, or only status when
// the coordinator's review set it: such a status is shown but cannot be
// picked, and the buttons beside it offer the way back.
func (e *practiceEditor) setStatusOptions(status data.CaseStatus) {
	values := enumStrings(associationStatuses)
	coordinatorStatus := !slices.Contains(associationStatuses, status) && status != ""
	if coordinatorStatus {
		values = []string{string(status)}
	}
	e.status.values = values
	e.status.Options = e.status.labels()
	if coordinatorStatus {
		e.status.Disable()
	} else {
		e.status.Enable()
	}
}

// applyReadOnly disables the form and hides the buttons that change the
// case when it is read-only, and brings the buttons back otherwise. load
// enables the form again before it fills it.
func (e *practiceEditor) applyReadOnly() {
	if !e.readOnly {
		e.saveButton.Show()
		e.discardButton.Show()
		e.transitions.Show()
		return
	}
	setFormEnabled(e.scroll, false, e.ownership.content)
	e.saveButton.Hide()
	e.discardButton.Hide()
	e.deleteButton.Hide()
	e.transitions.Hide()
}

// reloadRestored shows the case again after the server's version replaced
// the local one, or a new case when the restore removed it.
func (e *practiceEditor) reloadRestored(id string) {
	c, err := e.env.Store.PracticeCase(id)
	if err != nil {
		if !errors.Is(err, data.ErrNotFound) {
			e.env.Log.Error("read restored practice case", "id", id, "err", err)
		}
		e.load(newPracticeCase())
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

// showReview shows the coordinator's latest review and its comments on
// single sections, which the association reads while revising.
func (e *practiceEditor) showReview(r *data.Review) {
	for _, l := range e.comments {
		setMessage(l, "")
	}
	if r == nil {
		e.review.Hide()
		return
	}

	text := T("practice.review", map[string]any{"Status": EnumLabel("practice.status", string(r.Status))})
	text += "\n" + T("practice.review_by", map[string]any{"Reviewer": reviewerLabel(r.Reviewer), "Time": formatSyncTime(r.At)})
	if r.Comment != "" {
		text += "\n" + r.Comment
	}
	e.review.SetText(text)
	e.review.Show()
	for field, comment := range r.SectionComments {
		if l, ok := e.comments[field]; ok && comment != "" {
			setMessage(l, T("practice.review_comment", map[string]any{"Comment": comment}))
		}
	}
}

// showHistory lists the coordinator's earlier reviews, newest first.
func (e *practiceEditor) showHistory(history []data.Review) {
	if len(history) == 0 {
		setMessage(e.history, "")
		return
	}
	lines := []string{T("practice.review_history")}
	for i := len(history) - 1; i >= 0; i-- {
		r := history[i]
		line := "• " + T("practice.review_history_item", map[string]any{
			"Time":     formatSyncTime(r.At),
			"Status":   EnumLabel("practice.status", string(r.Status)),
			"Reviewer": reviewerLabel(r.Reviewer),
		})
		if r.Comment != "" {
			line += "\n  " + r.Comment
		}
		lines = append(lines, line)
	}
	setMessage(e.history, strings.Join(lines, "\n"))
}

// onDelete shows a confirmation before deleting the loaded case.
func (e *practiceEditor) onDelete() {
	if e.base.ID == "" || e.readOnly {
		return
	}
	question := deleteQuestion(e.env, data.KindPractice, e.base.ID, "practice.delete_question", e.base.Title)
	e.confirm = showConfirm(e.env.Window.Canvas(), T("practice.delete_title"), question, T("practice.delete"), e.deleteLoaded)
}

// deleteLoaded turns the loaded case into a tombstone, which stays in the
// file until the coordinator's server acknowledges the deletion.
func (e *practiceEditor) deleteLoaded() {
	id := e.base.ID
	if !deleteRecord(e.env, data.KindPractice, id, "practice case", e.messages.fallback, T("practice.delete_failed")) {
		return
	}
	e.load(newPracticeCase())
	if e.onDeleted != nil {
		e.onDeleted(id)
	}
}

// appendAuthor adds an author row at the end of the list.
func (e *practiceEditor) appendAuthor(a data.Author) {
	row := &authorRow{name: widget.NewEntry(), school: widget.NewEntry(), role: widget.NewEntry()}
	row.name.SetPlaceHolder(FieldName(data.KindPractice, "authors.name"))
	row.school.SetPlaceHolder(FieldName(data.KindPractice, "authors.school"))
	row.role.SetPlaceHolder(FieldName(data.KindPractice, "authors.role"))
	row.name.SetText(a.Name)
	row.school.SetText(a.School)
	row.role.SetText(a.Role)
	row.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeAuthor(row) })
	changed := func(string) {
		// A typed author also answers the message that the case has none.
		e.messages.clearField("authors")
		if i := slices.Index(e.authors, row); i >= 0 {
			e.fieldChanged(itemPath("authors", i))
		}
	}
	row.name.OnChanged = changed
	row.school.OnChanged = changed
	row.role.OnChanged = changed
	e.authors = append(e.authors, row)
	e.layoutAuthors()
}

// removeAuthor drops a row; the typed text of the other rows stays.
func (e *practiceEditor) removeAuthor(row *authorRow) {
	i := slices.Index(e.authors, row)
	if i < 0 {
		return
	}
	e.authors = slices.Delete(e.authors, i, i+1)
	e.layoutAuthors()
	e.updateAuthorButtons()
}

// layoutAuthors rebuilds the author rows with one message label per row,
// registered as "authors.<index>" so that messages follow the rows.
func (e *practiceEditor) layoutAuthors() {
	e.messages.forget("authors.")
	e.authorBox.RemoveAll()
	for i, row := range e.authors {
		fields := container.NewGridWithColumns(3, row.name, row.school, row.role)
		path := itemPath("authors", i)
		block := container.NewBorder(nil, e.messages.label(path), nil, row.remove, fields)
		e.messages.anchor(path, block)
		e.authorBox.Add(block)
	}
}

// updateAuthorButtons disables adding past the maximum number of authors.
func (e *practiceEditor) updateAuthorButtons() {
	if limit := data.MaxItems(data.KindPractice, "authors"); limit > 0 && len(e.authors) >= limit {
		e.addAuthor.Disable()
	} else {
		e.addAuthor.Enable()
	}
}

// updateTransitions shows a button for each status change the association
// makes from the selected status.
func (e *practiceEditor) updateTransitions() {
	e.transitions.RemoveAll()
	for _, to := range caseTransitions[data.CaseStatus(e.status.value())] {
		b := widget.NewButton(T("practice.mark."+string(to)), func() { e.changeStatus(to) })
		e.transitions.Add(b)
	}
}

// changeStatus sets the status and saves at once, as the button's label
// promises. Invalid input keeps the new status in the form, unsaved.
func (e *practiceEditor) changeStatus(to data.CaseStatus) {
	e.status.setValue(string(to))
	_ = e.save()
}

// formCase returns the case as the form shows it, on top of base. Blank
// author rows and empty keywords are left out. rows maps each author in the
// result to its row in the form, for placing messages.
func (e *practiceEditor) formCase() (c data.PracticeCase, rows []int) {
	c = e.base
	c.Title = e.title.Text
	c.Subject = e.subject.Text
	c.Grades = e.grades.Text
	c.Licence = e.licence.Text
	c.Status = data.CaseStatus(e.status.value())

	c.Authors = nil
	for i, row := range e.authors {
		a := data.Author{Name: row.name.Text, School: row.school.Text, Role: row.role.Text}
		if strings.TrimSpace(a.Name+a.School+a.Role) == "" {
			continue
		}
		c.Authors = append(c.Authors, a)
		rows = append(rows, i)
	}

	c.Levels = nil
	for _, l := range data.EducationLevels {
		if slices.Contains(e.levels.Selected, EnumLabel("level", string(l))) {
			c.Levels = append(c.Levels, l)
		}
	}

	c.Keywords = parseKeywords(e.keywords.Text)
	for _, s := range c.Sections() {
		*s.Text = e.sections[s.Field].text()
	}
	return c, rows
}

// parseKeywords splits comma-separated keywords, trimming spaces and
// dropping empty items.
func parseKeywords(text string) []string {
	var out []string
	for _, k := range strings.Split(text, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// dirty reports whether the form differs from the loaded or saved case.
func (e *practiceEditor) dirty() bool {
	if e.readOnly {
		return false
	}
	c, _ := e.formCase()
	return !samePracticeContent(c, e.base)
}

// samePracticeContent compares the fields that the editor shows. Blank
// authors and empty lists compare as absent, as formCase drops them.
func samePracticeContent(a, b data.PracticeCase) bool {
	if a.Title != b.Title || a.Subject != b.Subject || a.Grades != b.Grades ||
		a.Licence != b.Licence || a.Status != b.Status {
		return false
	}
	if !slices.Equal(a.Levels, b.Levels) || !slices.Equal(a.Keywords, b.Keywords) {
		return false
	}
	if !slices.Equal(nonBlankAuthors(a.Authors), nonBlankAuthors(b.Authors)) {
		return false
	}
	sa, sb := a.Sections(), b.Sections()
	for i := range sa {
		if *sa[i].Text != *sb[i].Text {
			return false
		}
	}
	return true
}

func nonBlankAuthors(authors []data.Author) []data.Author {
	var out []data.Author
	for _, a := range authors {
		if strings.TrimSpace(a.Name+a.School+a.Role) != "" {
			out = append(out, a)
		}
	}
	return out
}

// save stores the form through the store. Invalid input leaves every typed
// value in place and shows each message beside its field.
func (e *practiceEditor) save() error {
	if e.readOnly {
		// The buttons are hidden, but a keyboard shortcut may still call it.
		return nil
	}
	c, rows := e.formCase()
	err := e.env.Store.Save(&c)

	var invalid *data.ValidationError
	switch {
	case errors.As(err, &invalid):
		e.messages.show(authorFieldsToRows(invalid.Fields, rows))
		e.showInvalid()
		return errInvalidInput
	case err != nil:
		e.env.Log.Error("save practice case failed", "id", c.ID, "err", err)
		e.saveStatus.clear()
		setMessage(e.messages.fallback, T("practice.save_failed"))
		return fmt.Errorf("save practice case: %w", err)
	}

	e.load(c)
	e.saveStatus.showSaved()
	if e.onSaved != nil {
		e.onSaved(c)
	}
	return nil
}

// showInvalid reports the number of invalid fields at the top and scrolls
// the first of them into view, which may be far below the Save button.
func (e *practiceEditor) showInvalid() {
	shown := e.messages.shown()
	e.saveStatus.showInvalid(len(shown))
	scrollToFirst(e.scroll, shown)
}

// authorFieldsToRows renumbers "authors.<i>..." paths from the saved list
// to the rows of the form, which may also hold blank rows.
func authorFieldsToRows(fields []data.FieldError, rows []int) []data.FieldError {
	out := make([]data.FieldError, len(fields))
	for i, fe := range fields {
		out[i] = fe
		var index int
		var rest string
		if n, _ := fmt.Sscanf(fe.Field, "authors.%d", &index); n == 1 && index < len(rows) {
			rest = strings.TrimPrefix(fe.Field, itemPath("authors", index))
			out[i].Field = itemPath("authors", rows[index]) + rest
		}
	}
	return out
}

// discard reloads the base case, dropping every unsaved change.
func (e *practiceEditor) discard() {
	e.load(e.base)
}

// recordOwnership is whether this profile may change a record: the profile
// of another association's record, or of the coordinator, may only read
// it, because the server rejects every change of it.
type recordOwnership struct {
	readOnly bool
	// owner is the name of the association the record belongs to, or ""
	// for a record of this profile.
	owner string
}

// ownStore is a store that keeps the association id that the server gives
// this file's records; *boltstore.DB is one.
type ownStore interface {
	OwnAssociation() (string, error)
}

// ownershipOf returns the ownership of a record of association ("" for a
// new record). A record belongs to another association when its
// association is neither the profile's local id, which unsent saves
// carry, nor the id the server gave this file's records. The
// coordinator's profile may change only editions, which have their own
// editor, so every event, case and consultation in it is read-only.
func ownershipOf(env *Env, association string) recordOwnership {
	p, err := env.Store.Profile()
	if err != nil {
		env.Log.Warn("read profile for record ownership", "err", err)
		return recordOwnership{}
	}
	own := ""
	if store, ok := env.Store.(ownStore); ok {
		if own, err = store.OwnAssociation(); err != nil {
			env.Log.Warn("read own association for record ownership", "err", err)
		}
	}
	var o recordOwnership
	if association != "" && association != p.AssociationID && association != own {
		o.readOnly = true
		o.owner = associationLabel(associationNames(env), association)
	}
	if p.Coordinator {
		o.readOnly = true
	}
	return o
}

// rejectionStore is a store that keeps the changes the server rejected
// and can give them up for the server's version; *boltstore.DB is one.
type rejectionStore interface {
	Rejections() ([]boltstore.Rejection, error)
	RestoreServerVersion(kind data.Kind, id string) (bool, error)
}

// rejectionReasonText returns the translated cause of a rejected change,
// from its reason, or from its status when the server gave no reason.
func rejectionReasonText(r boltstore.Rejection) string {
	switch {
	case r.Reason == wire.ReasonForeignRecord:
		return T("syncui.reason.foreign_record")
	case r.Reason == wire.ReasonCoordinatorStatus:
		return T("syncui.reason.coordinator_status")
	case r.Reason == wire.ReasonPublishedFrozen:
		return T("syncui.reason.published_frozen")
	case r.Reason == wire.ReasonKindNotAllowed:
		return T("syncui.reason.kind_not_allowed")
	}
	switch r.Status {
	case wire.StatusForbidden:
		return T("syncui.reason.forbidden")
	case wire.StatusInvalid:
		return T("syncui.reason.invalid")
	default:
		return T("syncui.reason.other")
	}
}

// ownershipBar sits above an editor's form. It explains why a record is
// read-only, and for a record whose change the server rejected it names
// the reason and offers to restore the server's version.
type ownershipBar struct {
	env  *Env
	kind data.Kind
	// onRestored runs after a restore with the record's id, so that the
	// editor shows the record again.
	onRestored func(id string)

	note     *widget.Label
	rejected *widget.Label
	restore  *widget.Button
	content  *fyne.Container

	id string
}

func newOwnershipBar(env *Env, kind data.Kind, onRestored func(id string)) *ownershipBar {
	b := &ownershipBar{env: env, kind: kind, onRestored: onRestored}
	b.note = widget.NewLabel("")
	b.note.Wrapping = fyne.TextWrapWord
	b.note.Importance = widget.WarningImportance
	b.note.Hide()
	b.rejected = newMessageLabel()
	b.restore = widget.NewButton(T("syncui.restore_server_version"), b.onRestore)
	b.restore.Hide()
	b.content = container.NewVBox(b.note, b.rejected, container.NewHBox(b.restore))
	return b
}

// show updates the bar for the record id of association and returns
// whether the editor must be read-only.
func (b *ownershipBar) show(id, association string) bool {
	b.id = id
	o := ownershipOf(b.env, association)
	switch {
	case !o.readOnly:
		setMessage(b.note, "")
	case o.owner != "":
		setMessage(b.note, T("syncui.read_only_foreign", map[string]any{"Owner": o.owner}))
	default:
		setMessage(b.note, T("syncui.read_only_coordinator"))
	}

	setMessage(b.rejected, "")
	b.restore.Hide()
	if r, ok := b.rejection(id); ok && (o.readOnly || r.Status == wire.StatusForbidden) {
		setMessage(b.rejected, T("syncui.rejected_change", map[string]any{"Reason": rejectionReasonText(r)}))
		b.restore.Enable()
		b.restore.Show()
	}
	return o.readOnly
}

// rejection returns the newest rejected change of the record id.
func (b *ownershipBar) rejection(id string) (boltstore.Rejection, bool) {
	store, ok := b.env.Store.(rejectionStore)
	if id == "" || !ok {
		return boltstore.Rejection{}, false
	}
	list, err := store.Rejections()
	if err != nil {
		b.env.Log.Warn("read rejected changes", "err", err)
		return boltstore.Rejection{}, false
	}
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Kind == b.kind && list[i].RecordID == id {
			return list[i], true
		}
	}
	return boltstore.Rejection{}, false
}

// onRestore gives up the record's rejected changes for the server's
// version and shows the record again.
func (b *ownershipBar) onRestore() {
	store, ok := b.env.Store.(rejectionStore)
	if !ok || b.id == "" {
		return
	}
	id := b.id
	restored, err := store.RestoreServerVersion(b.kind, id)
	if err != nil {
		b.env.Log.Error("restore server version", "kind", b.kind, "id", id, "err", err)
		setMessage(b.rejected, T("syncui.restore_failed"))
		return
	}
	b.env.Log.Info("server version restored", "kind", b.kind, "id", id, "now", restored)
	if b.onRestored != nil {
		b.onRestored(id)
	}
	if !restored {
		setMessage(b.rejected, T("syncui.restore_on_next_sync"))
	}
}

// setFormEnabled enables or disables every input under obj except those
// under skip, so that a read-only record can be read but not changed.
func setFormEnabled(obj fyne.CanvasObject, enabled bool, skip fyne.CanvasObject) {
	if obj == skip {
		return
	}
	switch o := obj.(type) {
	case fyne.Disableable:
		if enabled {
			o.Enable()
		} else {
			o.Disable()
		}
	case *fyne.Container:
		for _, child := range o.Objects {
			setFormEnabled(child, enabled, skip)
		}
	case *container.Scroll:
		setFormEnabled(o.Content, enabled, skip)
	}
}
