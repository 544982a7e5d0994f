package ui

import (
	"errors"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// practiceScreen is the good-practice bank: a searchable, filtered list of
// case summaries at the left and the editor of one case at the right.
type practiceScreen struct {
	env *Env

	search        *widget.Entry
	statusFilter  *enumSelect
	subjectFilter *stringSelect
	levelFilter   *enumSelect
	count         *widget.Label
	// recordList contains the summaries the list shows, in the store's order.
	*recordList[data.CaseSummary]

	// interop exports the bank to files, and interopButton opens its menu.
	interop       *interopActions
	interopButton *widget.Button

	editor *practiceEditor
	root   fyne.CanvasObject
}

func newPracticeScreen(env *Env) *practiceScreen {
	s := &practiceScreen{env: env}

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(T("practice.search"))
	s.search.OnChanged = func(string) { s.refresh() }
	s.statusFilter = newEnumSelect("practice.status", enumStrings(data.CaseStatuses), T("practice.filter.any_status"), func(string) { s.refresh() })
	s.subjectFilter = newStringSelect(T("practice.filter.any_subject"), func(string) { s.refresh() })
	s.levelFilter = newEnumSelect("level", enumStrings(data.EducationLevels), T("practice.filter.any_level"), func(string) { s.refresh() })
	s.count = widget.NewLabel("")

	s.recordList = newRecordList(env, "practice", newTwoLineRow, showCaseRow, func(c data.CaseSummary) string { return c.ID })

	s.editor = newPracticeEditor(env)
	s.editor.onSaved = s.onSaved
	s.editor.onDeleted = func(string) { s.refresh() }
	s.attach(s.editor, func() string { return s.editor.base.ID }, s.open)

	s.interop = newInteropActions(env, data.KindPractice, s.refresh)
	s.interopButton = menuButton(T("interopui.menu_export"), theme.Icon(theme.IconNameDocumentSave), s.interopItems)

	newButton := widget.NewButton(T("practice.new"), s.onNew)
	// The filters stand one under another, so that each gets the list's
	// whole width for its label, and each may narrow with an ellipsis.
	filters := container.NewVBox(
		container.NewBorder(nil, nil, nil, newButton, s.search),
		narrow(s.statusFilter.Select, filterMinWidth),
		narrow(s.subjectFilter.Select, filterMinWidth),
		narrow(s.levelFilter.Select, filterMinWidth),
		container.NewBorder(nil, nil, nil, s.interopButton, s.count),
	)
	split := container.NewHSplit(container.NewBorder(filters, nil, nil, nil, s.list), s.editor.content)
	split.Offset = 0.35
	s.root = split

	s.refresh()
	return s
}

// showCaseRow fills a row of newTwoLineRow: the title above the authors,
// subject and status.
func showCaseRow(item fyne.CanvasObject, c data.CaseSummary) {
	showTwoLineRow(item, c.Title, caseDetails(c))
}

// caseDetails returns the row's second line: authors, subject and status.
func caseDetails(c data.CaseSummary) string {
	var parts []string
	if len(c.Authors) > 0 {
		parts = append(parts, strings.Join(c.Authors, ", "))
	}
	if c.Subject != "" {
		parts = append(parts, c.Subject)
	}
	parts = append(parts, EnumLabel("practice.status", string(c.Status)))
	return strings.Join(parts, " · ")
}

func (s *practiceScreen) content() fyne.CanvasObject { return s.root }

// filter returns the store filter that the search field and filters set.
func (s *practiceScreen) filter() data.CaseFilter {
	return data.CaseFilter{
		Query:   s.search.Text,
		Status:  data.CaseStatus(s.statusFilter.value()),
		Subject: s.subjectFilter.value(),
		Level:   data.EducationLevel(s.levelFilter.value()),
	}
}

// refresh reloads the subjects and the filtered list from the store and
// keeps the open case selected when it is still listed.
func (s *practiceScreen) refresh() {
	all, err := s.env.Store.PracticeCases(data.CaseFilter{})
	if err != nil {
		s.env.Log.Error("list practice cases failed", "err", err)
		s.count.SetText(T("practice.list_failed"))
		return
	}
	subjects := caseSubjects(all)
	s.subjectFilter.setOptions(subjects)
	s.editor.subject.SetOptions(subjects)

	rows, err := s.env.Store.PracticeCases(s.filter())
	if err != nil {
		s.env.Log.Error("list practice cases failed", "err", err)
		s.count.SetText(T("practice.list_failed"))
		return
	}
	s.count.SetText(TN("practice.count", len(rows)))
	s.setRows(rows)
	s.reloadOpen()
	s.selectRow(s.editor.base.ID)
}

// reloadOpen shows the stored version of the open case when a sync
// changed it, such as a coordinator's review, or clears the editor when
// the case is gone. An editor with unsaved changes is left alone.
func (s *practiceScreen) reloadOpen() {
	base := s.editor.base
	if base.ID == "" || s.editor.dirty() {
		return
	}
	c, err := s.env.Store.PracticeCase(base.ID)
	switch {
	case errors.Is(err, data.ErrNotFound):
		s.editor.load(newPracticeCase())
	case err != nil:
		s.env.Log.Error("reload open practice case", "id", base.ID, "err", err)
	case c.Revision != base.Revision || !reflect.DeepEqual(c.Review, base.Review):
		s.editor.load(c)
	}
}

// caseSubjects returns the distinct subjects of cases in Lithuanian order.
func caseSubjects(cases []data.CaseSummary) []string {
	return distinctValues(cases, func(c data.CaseSummary) string { return c.Subject })
}

// open loads one case into the editor.
func (s *practiceScreen) open(id string) {
	c, err := s.env.Store.PracticeCase(id)
	if err != nil {
		s.env.Log.Error("open practice case failed", "id", id, "err", err)
		setMessage(s.editor.messages.fallback, T("practice.open_failed"))
		s.refresh()
		return
	}
	s.editor.load(c)
	s.selectRow(id)
}

func (s *practiceScreen) onSaved(data.PracticeCase) { s.refresh() }

func (s *practiceScreen) dirty() bool { return s.editor.dirty() }

func (s *practiceScreen) save() error { return s.editor.save() }

func (s *practiceScreen) discard() { s.editor.discard() }

// onNew opens an empty case in the editor.
func (s *practiceScreen) onNew() {
	s.whenSaved(func() {
		s.editor.load(newPracticeCase())
		s.selectRow("")
		s.env.Window.Canvas().Focus(s.editor.title)
	}, func() {})
}

// onFind focuses the search field.
func (s *practiceScreen) onFind() {
	s.env.Window.Canvas().Focus(s.search)
}
