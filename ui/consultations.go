package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// consultationsScreen is the consultation log: a filtered list, newest
// first, with a summary tab at the left and the editor at the right.
type consultationsScreen struct {
	env *Env

	search         *widget.Entry
	statusFilter   *enumSelect
	categoryFilter *stringSelect
	from, to       *DateEntry
	count          *widget.Label
	summary        *summaryView
	// recordList contains the listed consultations in the store's order,
	// newest first.
	*recordList[data.Consultation]
	// settingPeriod is set while a period button fills both date fields,
	// so that the list reloads once instead of after each field.
	settingPeriod bool

	// interop exports the log and imports consultations from files, and
	// interopButton opens its menu.
	interop       *interopActions
	interopButton *widget.Button

	editor *consultationEditor
	root   fyne.CanvasObject
}

func newConsultationsScreen(env *Env) *consultationsScreen {
	s := &consultationsScreen{env: env}

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(T("consultations.search"))
	s.search.OnChanged = func(string) { s.refresh() }
	s.statusFilter = newEnumSelect("consultation.status", enumStrings(data.ConsultationStatuses), T("consultations.filter.any_status"), func(string) { s.refresh() })
	s.categoryFilter = newStringSelect(T("consultations.filter.any_category"), func(string) { s.refresh() })
	s.from = NewDateEntry()
	s.to = NewDateEntry()
	periodChanged := func(string) {
		if !s.settingPeriod {
			s.refresh()
		}
	}
	s.from.OnChanged = periodChanged
	s.to.OnChanged = periodChanged
	s.count = widget.NewLabel("")

	s.recordList = newRecordList(env, "consultations", newTwoLineRow, showConsultationRow, func(c data.Consultation) string { return c.ID })
	s.summary = newSummaryView()

	s.interop = newInteropActions(env, data.KindConsultation, s.refresh)
	s.interopButton = menuButton(T("interopui.menu"), theme.Icon(theme.IconNameFolderOpen), s.interopItems)

	s.editor = newConsultationEditor(env)
	s.editor.onSaved = func(data.Consultation) { s.refresh() }
	s.editor.onDeleted = func(string) { s.refresh() }
	s.attach(s.editor, func() string { return s.editor.base.ID }, s.open)

	period := container.NewHBox(
		widget.NewButton(T("consultations.period.week"), func() { s.setPeriod(thisWeek(data.Today())) }),
		widget.NewButton(T("consultations.period.month"), func() { s.setPeriod(thisMonth(data.Today())) }),
		widget.NewButton(T("consultations.period.all"), func() { s.setPeriod(data.Date{}, data.Date{}) }),
	)
	// Each date field keeps room for a whole date beside its picker
	// button, so that narrowing the window cuts neither.
	dateWidth := dateEntryWidth(s.from)
	filters := container.NewVBox(
		container.NewBorder(nil, nil, nil, widget.NewButton(T("consultations.new"), s.onNew), s.search),
		narrow(s.statusFilter.Select, filterMinWidth),
		narrow(s.categoryFilter.Select, filterMinWidth),
		container.NewGridWithColumns(2,
			fieldBlock(T("consultations.filter.from"), wideEnough(s.from, dateWidth), nil),
			fieldBlock(T("consultations.filter.to"), wideEnough(s.to, dateWidth), nil)),
		period,
		container.NewBorder(nil, nil, nil, s.interopButton, s.count),
	)
	tabs := container.NewAppTabs(
		container.NewTabItem(T("consultations.tab.list"), s.list),
		container.NewTabItem(T("consultations.tab.summary"), s.summary.content),
	)
	split := container.NewHSplit(container.NewBorder(filters, nil, nil, nil, tabs), s.editor.content)
	split.Offset = 0.4
	s.root = split

	s.refresh()
	return s
}

// showConsultationRow fills a row of newTwoLineRow: date and topic, then
// category and status.
func showConsultationRow(item fyne.CanvasObject, c data.Consultation) {
	details := EnumLabel("consultation.status", string(c.Status))
	if c.Category != "" {
		details = c.Category + " · " + details
	}
	showTwoLineRow(item, c.Date.String()+" · "+c.Topic, details)
}

// dateEntryWidth returns the width e needs to show a whole yyyy-mm-dd
// date, or its placeholder when that is wider, beside its picker button.
func dateEntryWidth(e *DateEntry) float32 {
	text := fyne.MeasureText("0000-00-00", theme.TextSize(), fyne.TextStyle{}).Width
	placeholder := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width
	width := max(text, placeholder) + 4*theme.InnerPadding()
	if e.ActionItem != nil {
		width += e.ActionItem.MinSize().Width + theme.Padding()
	}
	return width
}

// thisWeek returns Monday and Sunday of the week that contains day.
func thisWeek(day data.Date) (data.Date, data.Date) {
	monday := day.AddDays(-((int(day.Weekday()) + 6) % 7))
	return monday, monday.AddDays(6)
}

// thisMonth returns the first and last day of the month that contains day.
func thisMonth(day data.Date) (data.Date, data.Date) {
	first := data.Date{Year: day.Year, Month: day.Month, Day: 1}
	next := data.DateOf(time.Date(day.Year, day.Month+1, 1, 12, 0, 0, 0, time.UTC))
	return first, next.AddDays(-1)
}

// setPeriod fills both date filters and reloads the list once.
func (s *consultationsScreen) setPeriod(from, to data.Date) {
	s.settingPeriod = true
	s.from.SetDate(from)
	s.to.SetDate(to)
	s.settingPeriod = false
	s.refresh()
}

func (s *consultationsScreen) content() fyne.CanvasObject { return s.root }

// filter returns the store filter that the fields set. A date filter that
// does not parse is left out; its entry shows why.
func (s *consultationsScreen) filter() data.ConsultationFilter {
	from, _ := s.from.Date()
	to, _ := s.to.Date()
	return data.ConsultationFilter{
		Query:    s.search.Text,
		Status:   data.ConsultationStatus(s.statusFilter.value()),
		Category: s.categoryFilter.value(),
		From:     from,
		To:       to,
	}
}

// refresh reloads the categories, the filtered list and its summary.
func (s *consultationsScreen) refresh() {
	all, err := s.env.Store.Consultations(data.ConsultationFilter{})
	if err != nil {
		s.env.Log.Error("list consultations failed", "err", err)
		s.count.SetText(T("consultations.list_failed"))
		return
	}
	categories := consultationCategories(all)
	s.categoryFilter.setOptions(categories)
	s.editor.category.SetOptions(categories)

	rows, err := s.env.Store.Consultations(s.filter())
	if err != nil {
		s.env.Log.Error("list consultations failed", "err", err)
		s.count.SetText(T("consultations.list_failed"))
		return
	}
	s.count.SetText(TN("consultations.count", len(rows)))
	s.setRows(rows)
	s.summary.show(rows)
	s.reloadOpen()
	s.selectRow(s.editor.base.ID)
}

// reloadOpen shows the stored version of the open consultation when a
// sync changed it, or clears the editor when it is gone. An editor with
// unsaved changes is left alone.
func (s *consultationsScreen) reloadOpen() {
	base := s.editor.base
	if base.ID == "" || s.editor.dirty() {
		return
	}
	c, err := s.env.Store.Consultation(base.ID)
	switch {
	case errors.Is(err, data.ErrNotFound):
		s.editor.load(newConsultation())
	case err != nil:
		s.env.Log.Error("reload open consultation", "id", base.ID, "err", err)
	case c.Revision != base.Revision:
		s.editor.load(c)
	}
}

// consultationCategories returns the distinct categories in Lithuanian order.
func consultationCategories(list []data.Consultation) []string {
	return distinctValues(list, func(c data.Consultation) string { return c.Category })
}

// open loads one consultation from the store into the editor.
func (s *consultationsScreen) open(id string) {
	c, err := s.env.Store.Consultation(id)
	if err != nil {
		s.env.Log.Error("open consultation failed", "id", id, "err", err)
		setMessage(s.editor.messages.fallback, T("consultations.open_failed"))
		s.refresh()
		return
	}
	s.editor.load(c)
	s.selectRow(id)
}

func (s *consultationsScreen) dirty() bool { return s.editor.dirty() }

func (s *consultationsScreen) save() error { return s.editor.save() }

func (s *consultationsScreen) discard() { s.editor.discard() }

// onNew opens a new consultation dated today.
func (s *consultationsScreen) onNew() {
	s.whenSaved(func() {
		s.editor.load(newConsultation())
		s.selectRow("")
		s.env.Window.Canvas().Focus(s.editor.topic)
	}, func() {})
}

// onFind focuses the search field.
func (s *consultationsScreen) onFind() {
	s.env.Window.Canvas().Focus(s.search)
}
