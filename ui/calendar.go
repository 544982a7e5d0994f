package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// calendarScreen shows the association's events in a month grid beside a
// list of upcoming events, and edits them in an event editor that replaces
// the list while it is open.
type calendarScreen struct {
	env *Env
	// today returns the day to highlight and the start of the upcoming
	// list. Tests replace it.
	today func() data.Date

	year     int
	month    time.Month
	selected data.Date
	query    string

	monthLabel  *widget.Label
	prevButton  *widget.Button
	nextButton  *widget.Button
	todayButton *widget.Button
	newButton   *widget.Button
	search      *widget.Entry
	status      *widget.Label
	weekdays    [daysPerWeek]*widget.Label
	cells       [pickerCells]*dayCell

	listTitle  *widget.Label
	listEmpty  *widget.Label
	list       *widget.List
	listEvents []data.Event
	listPanel  *fyne.Container

	// interop exports the calendar and imports events from files, and
	// interopButton opens its menu.
	interop       *interopActions
	interopButton *widget.Button

	editor     *eventEditor
	editorOpen bool
	side       *fyne.Container
	// confirm is the open question about unsaved changes, or nil.
	confirm *calendarConfirm

	root *fyne.Container
}

var _ screen = (*calendarScreen)(nil)

func newCalendarScreen(env *Env) *calendarScreen {
	s := &calendarScreen{env: env, today: data.Today}
	today := s.today()
	s.year, s.month, s.selected = today.Year, today.Month, today

	s.monthLabel = widget.NewLabel("")
	s.monthLabel.TextStyle.Bold = true
	s.prevButton = widget.NewButtonWithIcon("", theme.Icon(theme.IconNameNavigateBack), func() { s.showMonth(addMonths(s.year, s.month, -1)) })
	s.nextButton = widget.NewButtonWithIcon("", theme.Icon(theme.IconNameNavigateNext), func() { s.showMonth(addMonths(s.year, s.month, 1)) })
	s.todayButton = widget.NewButton(T("calendar.today"), s.onToday)
	s.newButton = widget.NewButtonWithIcon(T("calendar.new_event"), theme.Icon(theme.IconNameContentAdd), s.onNew)
	s.search = widget.NewEntry()
	s.search.PlaceHolder = T("calendar.search")
	s.search.OnChanged = s.onSearchChanged
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()

	s.interop = newInteropActions(env, data.KindEvent, s.refresh)
	s.interopButton = menuButton(T("interopui.menu"), theme.Icon(theme.IconNameFolderOpen), s.interopItems)

	s.editor = newEventEditor(env)
	s.editor.onSaved = s.onSaved
	s.editor.onDeleted = func(string) { s.closeEditor(); s.refresh() }
	s.editor.onClosed = s.onEditorClose

	s.root = s.layout()
	s.refresh()
	return s
}

func (s *calendarScreen) layout() *fyne.Container {
	navigation := container.NewHBox(s.prevButton, s.todayButton, s.nextButton, s.monthLabel)
	toolbar := container.NewBorder(nil, nil, navigation, container.NewHBox(s.interopButton, s.newButton), s.search)

	grid := container.NewGridWithColumns(daysPerWeek)
	for i := range s.cells {
		s.cells[i] = newDayCell(s)
		grid.Add(s.cells[i])
	}
	weekdays := container.NewGridWithColumns(daysPerWeek)
	for i, name := range weekdayShortNames() {
		s.weekdays[i] = widget.NewLabel(name)
		s.weekdays[i].Alignment = fyne.TextAlignCenter
		s.weekdays[i].TextStyle.Bold = true
		weekdays.Add(s.weekdays[i])
	}
	month := container.NewBorder(weekdays, nil, nil, nil, grid)

	s.listTitle = widget.NewLabel("")
	s.listTitle.TextStyle.Bold = true
	s.listEmpty = widget.NewLabel("")
	s.listEmpty.Wrapping = fyne.TextWrapWord
	s.list = newRowsList(&s.listEvents, newTwoLineRow, showEventRow)
	s.list.OnSelected = s.onListSelected
	s.listPanel = container.NewBorder(container.NewVBox(s.listTitle, s.listEmpty), nil, nil, nil, s.list)
	s.side = container.NewStack(s.listPanel)

	split := container.NewHSplit(month, s.side)
	split.Offset = 0.62
	return container.NewBorder(container.NewVBox(toolbar, s.status), nil, nil, nil, split)
}

func (s *calendarScreen) content() fyne.CanvasObject { return s.root }

// refresh reloads the month grid and the list from the store.
func (s *calendarScreen) refresh() {
	s.clearStatus()
	s.refreshGrid()
	s.refreshList()
}

// showMonth moves the grid to another month.
func (s *calendarScreen) showMonth(year int, month time.Month) {
	s.year, s.month = year, month
	s.refreshGrid()
}

func (s *calendarScreen) onToday() {
	today := s.today()
	s.selected = today
	s.showMonth(today.Year, today.Month)
}

// refreshGrid loads the events that overlap the weeks of the shown month
// and places each in every day it spans.
func (s *calendarScreen) refreshGrid() {
	s.monthLabel.SetText(monthTitle(s.year, s.month))
	weeks := monthWeeks(s.year, s.month)
	first := weeks[0][0]
	last := weeks[len(weeks)-1][daysPerWeek-1]

	events, err := s.env.Store.Events(data.EventFilter{From: first, To: last})
	if err != nil {
		s.env.Log.Error("load month events", "from", first.String(), "to", last.String(), "err", err)
		s.showStatus(T("calendar.load_failed"), widget.DangerImportance)
		events = nil
	}
	byDay := eventsByDay(events, first, last)

	today := s.today()
	day := first
	for i, cell := range s.cells {
		if i >= len(weeks)*daysPerWeek {
			cell.Hide()
			continue
		}
		cell.Show()
		cell.show(day, day.Month == s.month, day == today, day == s.selected, byDay[day])
		day = day.AddDays(1)
	}
}

// eventsByDay returns, for each day from first to last, the events that
// take place on it. A multi-day event is listed on each of its days. The
// loop covers only the days from first to last, so a year-long event costs
// no more than a short one.
func eventsByDay(events []data.Event, first, last data.Date) map[data.Date][]data.Event {
	byDay := map[data.Date][]data.Event{}
	for _, ev := range events {
		from, to := ev.FirstDay(), ev.LastDay()
		if from.Before(first) {
			from = first
		}
		if last.Before(to) {
			to = last
		}
		for day := from; !to.Before(day); day = day.AddDays(1) {
			byDay[day] = append(byDay[day], ev)
		}
	}
	return byDay
}

// refreshList loads the upcoming events, or with a search query every
// matching event, past ones included.
func (s *calendarScreen) refreshList() {
	filter := data.EventFilter{Query: s.query}
	if s.query == "" {
		filter.From = s.today()
	}
	events, err := s.env.Store.Events(filter)
	if err != nil {
		s.env.Log.Error("load event list", "err", err)
		s.showStatus(T("calendar.load_failed"), widget.DangerImportance)
		events = nil
	}
	s.listEvents = events
	s.list.UnselectAll()
	s.list.Refresh()

	switch {
	case s.query == "":
		s.listTitle.SetText(T("calendar.upcoming"))
	default:
		s.listTitle.SetText(TN("calendar.found", len(events)))
	}
	wasVisible := s.listEmpty.Visible()
	switch {
	case len(events) > 0:
		s.listEmpty.Hide()
	case s.query == "":
		s.listEmpty.SetText(T("calendar.no_upcoming"))
		s.listEmpty.Show()
	default:
		s.listEmpty.SetText(T("calendar.nothing_found"))
		s.listEmpty.Show()
	}
	if s.listEmpty.Visible() != wasVisible {
		// Showing or hiding a child does not lay out its container again.
		s.listPanel.Refresh()
	}
}

// onSearchChanged filters the list. The list shares its place with the
// editor, so a clean editor closes to show the results.
//
// NOTE: an editor with unsaved changes stays open and hides the results
// until the user saves or closes it.
func (s *calendarScreen) onSearchChanged(text string) {
	s.query = text
	s.refreshList()
	if s.editorOpen && !s.editor.dirty() {
		s.closeEditor()
	}
}

func (s *calendarScreen) onListSelected(id widget.ListItemID) {
	s.list.UnselectAll()
	if id < 0 || id >= len(s.listEvents) {
		return
	}
	s.openEvent(s.listEvents[id].ID)
}

// onDaySelected highlights a day, and a new event then starts on it.
func (s *calendarScreen) onDaySelected(day data.Date) {
	s.selected = day
	if day.Year != s.year || day.Month != s.month {
		s.showMonth(day.Year, day.Month)
		return
	}
	s.refreshGrid()
}

// markSelected highlights day in the month on show, which may hold it as
// a day of a neighbouring month, and a new event then starts on it.
func (s *calendarScreen) markSelected(day data.Date) {
	if s.selected == day {
		return
	}
	s.selected = day
	s.refreshGrid()
}

// openEvent opens the editor on a stored event, asking first when the
// editor holds unsaved changes.
func (s *calendarScreen) openEvent(id string) {
	s.whenEditorFree(func() {
		ev, err := s.env.Store.Event(id)
		if err != nil {
			s.env.Log.Error("open event", "id", id, "err", err)
			s.showStatus(T("calendar.open_failed"), widget.DangerImportance)
			s.refresh()
			return
		}
		s.clearStatus()
		s.editor.load(ev)
		s.openEditor()
	})
}

// onNew opens the editor on a new event that starts on the selected day.
func (s *calendarScreen) onNew() {
	s.whenEditorFree(func() {
		s.clearStatus()
		s.editor.loadNew(s.selected)
		s.openEditor()
		s.env.Window.Canvas().Focus(s.editor.title)
	})
}

// onFind focuses the search field, which filters the list.
func (s *calendarScreen) onFind() {
	if s.editorOpen && !s.editor.dirty() {
		s.closeEditor()
	}
	s.env.Window.Canvas().Focus(s.search)
}

// whenEditorFree runs next at once unless the open editor holds unsaved
// changes. Then it prompts the user to discard them and runs next only
// after the user confirms.
func (s *calendarScreen) whenEditorFree(next func()) {
	if !s.dirty() {
		next()
		return
	}
	s.confirm = showConfirm(s.env.Window.Canvas(), T("unsaved.title"), T("calendar.discard_question"), T("calendar.discard"), func() {
		s.editor.discard()
		next()
	})
}

func (s *calendarScreen) openEditor() {
	s.editorOpen = true
	s.side.Objects = []fyne.CanvasObject{s.editor.root}
	s.side.Refresh()
}

func (s *calendarScreen) closeEditor() {
	s.editorOpen = false
	s.side.Objects = []fyne.CanvasObject{s.listPanel}
	s.side.Refresh()
}

func (s *calendarScreen) onEditorClose() {
	s.whenEditorFree(s.closeEditor)
}

// onSaved closes the editor and shows the saved event's month.
func (s *calendarScreen) onSaved(ev data.Event) {
	s.closeEditor()
	first := ev.FirstDay()
	s.selected = first
	s.year, s.month = first.Year, first.Month
	s.refresh()
	s.showStatus(T("calendar.saved", map[string]any{"Title": ev.Title}), widget.SuccessImportance)
}

func (s *calendarScreen) dirty() bool {
	return s.editorOpen && s.editor.dirty()
}

// save saves the open editor. With no editor open there is nothing to save.
func (s *calendarScreen) save() error {
	if !s.editorOpen {
		return nil
	}
	return s.editor.save()
}

// discard drops the editor's changes and closes it.
func (s *calendarScreen) discard() {
	if !s.editorOpen {
		return
	}
	s.editor.discard()
	s.closeEditor()
}

func (s *calendarScreen) showStatus(text string, importance widget.Importance) {
	wasVisible := s.status.Visible()
	s.status.Importance = importance
	s.status.SetText(text)
	s.status.Show()
	if !wasVisible {
		s.root.Refresh()
	}
}

func (s *calendarScreen) clearStatus() {
	if !s.status.Visible() {
		return
	}
	s.status.SetText("")
	s.status.Hide()
	s.root.Refresh()
}

// showEventRow fills a row of newTwoLineRow: the title above the time,
// type and place.
func showEventRow(row fyne.CanvasObject, ev data.Event) {
	details := eventWhen(ev) + " · " + EnumLabel("event.type", string(ev.Type))
	if ev.Place != "" {
		details += " · " + ev.Place
	}
	showTwoLineRow(row, ev.Title, details)
}

// eventWhen formats when an event takes place, in Europe/Vilnius:
// "2026-12-03 10:00–12:00", "2026-12-03 10:00 – 2026-12-04 16:00",
// "2026-12-03" or "2026-12-03 – 2026-12-05".
func eventWhen(ev data.Event) string {
	if ev.AllDay {
		if ev.EndDate == ev.StartDate || ev.EndDate.IsZero() {
			return ev.StartDate.String()
		}
		return ev.StartDate.String() + " – " + ev.EndDate.String()
	}

	start, end := ev.Start.In(data.Vilnius), ev.End.In(data.Vilnius)
	if data.DateOf(start) == data.DateOf(end) {
		return start.Format("2006-01-02 15:04") + "–" + end.Format("15:04")
	}
	return start.Format("2006-01-02 15:04") + " – " + end.Format("2006-01-02 15:04")
}

// eventMenuText returns an event's line in the menu of a full day: a
// timed event shows its start time on its first day. The narrower grid
// cells show the title alone, because a time prefix left room for only a
// few letters of it.
func eventMenuText(ev data.Event, day data.Date) string {
	if ev.AllDay || ev.FirstDay() != day {
		return ev.Title
	}
	return ev.Start.In(data.Vilnius).Format("15:04") + " " + ev.Title
}

// moreText returns the "+2" line that stands for events a day cell has no
// room for.
func moreText(hidden int) string {
	return fmt.Sprintf("+%d", hidden)
}
