package ui

import (
	"errors"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/assets"
	"partneryste/data"
)

// calendarToday is the fixed "today" of the calendar tests, a Friday.
var calendarToday = data.Date{Year: 2026, Month: time.December, Day: 4}

// newCalendarTestScreen returns a calendar screen on a real store, shown in the
// test window, with today fixed to calendarToday.
func newCalendarTestScreen(t *testing.T) (*calendarScreen, *Env) {
	t.Helper()
	env := newRecordsTestEnv(t)
	s := newCalendarScreen(env)
	s.today = func() data.Date { return calendarToday }
	s.onToday()
	s.refresh()
	showScreen(env, s.content())
	return s, env
}

// newTimedEvent returns a valid seminar from start to end, both in
// Europe/Vilnius.
func newTimedEvent(title string, start, end time.Time) *data.Event {
	return &data.Event{Title: title, Type: data.EventSeminar, Start: start, End: end}
}

func vilniusTime(day data.Date, hour, minute int) time.Time {
	return time.Date(day.Year, day.Month, day.Day, hour, minute, 0, 0, data.Vilnius)
}

func saveCalendarEvent(t *testing.T, env *Env, ev *data.Event) {
	t.Helper()
	if err := env.Store.Save(ev); err != nil {
		t.Fatalf("save event %q: %v", ev.Title, err)
	}
}

// calendarCellFor returns the grid cell that shows day.
func calendarCellFor(t *testing.T, s *calendarScreen, day data.Date) *dayCell {
	t.Helper()
	for _, c := range s.cells {
		if c.Visible() && c.day == day {
			return c
		}
	}
	t.Fatalf("no cell shows %s", day)
	return nil
}

// calendarChipTexts returns the event lines a cell shows, "+N" included.
func calendarChipTexts(c *dayCell) []string {
	var texts []string
	for _, chip := range c.chips {
		if chip.Visible() {
			texts = append(texts, chip.text())
		}
	}
	if c.more.Visible() {
		texts = append(texts, c.more.text())
	}
	return texts
}

func calendarListTitles(s *calendarScreen) []string {
	var titles []string
	for _, ev := range s.listEvents {
		titles = append(titles, ev.Title)
	}
	return titles
}

// retypeEntry replaces an entry's text the way a user does: clear it, then
// type.
func retypeEntry(entry interface {
	fyne.Focusable
	SetText(string)
}, text string) {
	entry.SetText("")
	test.Type(entry, text)
}

func TestCalendarScreen_monthHeader(t *testing.T) {
	s, _ := newCalendarTestScreen(t)

	if got := s.monthLabel.Text; got != "2026 m. gruodis" {
		t.Errorf("month header = %q, want %q", got, "2026 m. gruodis")
	}
	var weekdays []string
	for _, label := range s.weekdays {
		weekdays = append(weekdays, label.Text)
	}
	if got := strings.Join(weekdays, " "); got != "Pr An Tr Kt Pn Št Sk" {
		t.Errorf("weekday header = %q, want Monday first", got)
	}

	first := s.cells[0]
	if want := (data.Date{Year: 2026, Month: time.November, Day: 30}); first.day != want || first.inMonth {
		t.Errorf("first cell = %s (in month %v), want Monday %s outside the month", first.day, first.inMonth, want)
	}
	today := calendarCellFor(t, s, calendarToday)
	if !today.isToday {
		t.Error("today's cell is not highlighted")
	}
	if other := calendarCellFor(t, s, calendarToday.AddDays(1)); other.isToday {
		t.Error("tomorrow's cell is highlighted as today")
	}

	// December 2026 spans five weeks, so the sixth row is hidden.
	if s.cells[5*daysPerWeek].Visible() {
		t.Error("sixth week shown for a five-week month")
	}
}

func TestCalendarScreen_monthNavigation(t *testing.T) {
	s, _ := newCalendarTestScreen(t)

	test.Tap(s.nextButton)
	if got := s.monthLabel.Text; got != "2027 m. sausis" {
		t.Errorf("after next = %q, want %q", got, "2027 m. sausis")
	}
	test.Tap(s.prevButton)
	test.Tap(s.prevButton)
	if got := s.monthLabel.Text; got != "2026 m. lapkritis" {
		t.Errorf("after two prev = %q, want %q", got, "2026 m. lapkritis")
	}
	test.Tap(s.todayButton)
	if got := s.monthLabel.Text; got != "2026 m. gruodis" {
		t.Errorf("after today = %q, want %q", got, "2026 m. gruodis")
	}

	// March 2026 starts on a Sunday and needs all six weeks.
	s.showMonth(2026, time.March)
	if !s.cells[5*daysPerWeek].Visible() {
		t.Error("sixth week hidden for March 2026")
	}
}

func TestCalendarScreen_createByTyping(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	day := data.Date{Year: 2026, Month: time.December, Day: 10}

	test.Tap(s.newButton)
	if !s.editorOpen {
		t.Fatal("new event button did not open the editor")
	}
	e := s.editor
	if e.startDate.Text != calendarToday.String() {
		t.Errorf("new event starts on %q, want the selected day %s", e.startDate.Text, calendarToday)
	}
	if s.dirty() {
		t.Error("dirty() = true for an untouched new event")
	}

	test.Type(e.title, "Žinių vasara: matematikos seminaras")
	e.eventType.SetSelected(EnumLabel("event.type", "seminar"))
	retypeEntry(e.startDate, day.String())
	test.Type(e.startTime, "10:00")
	test.Type(e.endTime, "12:30")
	test.Type(e.place, "Vilniaus licėjus")
	test.Type(e.onlineURL, "https://meet.example.lt/seminaras")
	test.Type(e.description, "Pirma eilutė.\nAntra eilutė.")
	test.Type(e.audience, "Matematikos mokytojai")
	test.Type(e.registrationURL, "https://forms.example.lt/registracija")
	test.Tap(e.public)

	if !s.dirty() {
		t.Fatal("dirty() = false after typing, want true")
	}
	test.Tap(e.saveButton)

	if s.editorOpen {
		t.Fatalf("editor still open after save; messages: %q", e.message(rowGeneral))
	}
	if s.dirty() {
		t.Error("dirty() = true after save")
	}

	events, err := env.Store.Events(data.EventFilter{})
	if err != nil {
		t.Fatalf("list stored events: %v", err)
	}
	if len(events) != 1 {
		t.Fatalf("store has %d events, want 1", len(events))
	}
	got := events[0]
	if got.Title != "Žinių vasara: matematikos seminaras" {
		t.Errorf("title = %q", got.Title)
	}
	if got.Type != data.EventSeminar {
		t.Errorf("type = %q, want seminar", got.Type)
	}
	if got.AllDay {
		t.Error("saved as all-day, want timed")
	}
	if !got.Start.Equal(vilniusTime(day, 10, 0)) {
		t.Errorf("start = %s, want 10:00 in Vilnius", got.Start)
	}
	if !got.End.Equal(vilniusTime(day, 12, 30)) {
		t.Errorf("end = %s, want 12:30 in Vilnius", got.End)
	}
	if got.Place != "Vilniaus licėjus" || got.Audience != "Matematikos mokytojai" {
		t.Errorf("place, audience = %q, %q", got.Place, got.Audience)
	}
	if got.OnlineURL != "https://meet.example.lt/seminaras" || got.RegistrationURL != "https://forms.example.lt/registracija" {
		t.Errorf("links = %q, %q", got.OnlineURL, got.RegistrationURL)
	}
	if got.Description != "Pirma eilutė.\nAntra eilutė." {
		t.Errorf("description = %q", got.Description)
	}
	if !got.Public {
		t.Error("public = false, want true")
	}

	if texts := calendarChipTexts(calendarCellFor(t, s, day)); !slices.Equal(texts, []string{"Žinių vasara: matematikos seminaras"}) {
		t.Errorf("grid day shows %q", texts)
	}
	if titles := calendarListTitles(s); !slices.Equal(titles, []string{"Žinių vasara: matematikos seminaras"}) {
		t.Errorf("upcoming list = %q", titles)
	}
	if s.list.Length() != 1 {
		t.Errorf("list length = %d, want 1", s.list.Length())
	}
}

func TestCalendarScreen_editFromGrid(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	day := data.Date{Year: 2026, Month: time.December, Day: 15}
	ev := newTimedEvent("Kalėdinis susirinkimas", vilniusTime(day, 16, 0), vilniusTime(day, 18, 0))
	ev.Type = data.EventMeeting
	saveCalendarEvent(t, env, ev)
	s.refresh()

	test.Tap(calendarCellFor(t, s, day).chips[0])
	if !s.editorOpen || s.editor.loaded.ID != ev.ID {
		t.Fatal("tapping the event in the grid did not open it")
	}
	e := s.editor
	if e.title.Text != "Kalėdinis susirinkimas" || e.startTime.Text != "16:00" || e.endTime.Text != "18:00" {
		t.Errorf("editor shows %q %q–%q", e.title.Text, e.startTime.Text, e.endTime.Text)
	}
	if e.eventType.Selected != EnumLabel("event.type", "meeting") {
		t.Errorf("type shows %q", e.eventType.Selected)
	}

	retypeEntry(e.title, "Kalėdinis visuotinis susirinkimas")
	test.Tap(e.allDay)
	if e.startTime.Visible() {
		t.Error("time entries still shown for an all-day event")
	}
	if err := s.save(); err != nil {
		t.Fatalf("save: %v", err)
	}

	stored, err := env.Store.Event(ev.ID)
	if err != nil {
		t.Fatalf("read edited event: %v", err)
	}
	if stored.Title != "Kalėdinis visuotinis susirinkimas" {
		t.Errorf("title = %q", stored.Title)
	}
	if !stored.AllDay || stored.StartDate != day || stored.EndDate != day {
		t.Errorf("all-day %v from %s to %s, want all-day on %s", stored.AllDay, stored.StartDate, stored.EndDate, day)
	}
	if stored.Revision != ev.Revision+1 {
		t.Errorf("revision = %d, want %d", stored.Revision, ev.Revision+1)
	}
	if texts := calendarChipTexts(calendarCellFor(t, s, day)); !slices.Equal(texts, []string{"Kalėdinis visuotinis susirinkimas"}) {
		t.Errorf("grid day shows %q", texts)
	}
}

func TestCalendarScreen_deleteAsksFirst(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	day := data.Date{Year: 2026, Month: time.December, Day: 8}
	ev := newTimedEvent("Atšauktas seminaras", vilniusTime(day, 9, 0), vilniusTime(day, 10, 0))
	saveCalendarEvent(t, env, ev)
	s.refresh()

	s.list.Select(0)
	if !s.editorOpen {
		t.Fatal("selecting the list row did not open the event")
	}
	e := s.editor

	test.Tap(e.deleteButton)
	if e.confirm == nil || !e.confirm.popUp.Visible() {
		t.Fatal("delete did not ask for confirmation")
	}
	test.Tap(e.confirm.cancel)
	if _, err := env.Store.Event(ev.ID); err != nil {
		t.Fatalf("event gone after cancel: %v", err)
	}

	test.Tap(e.deleteButton)
	test.Tap(e.confirm.confirm)
	if _, err := env.Store.Event(ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Event after delete: err = %v, want ErrNotFound", err)
	}
	if s.editorOpen {
		t.Error("editor still open after delete")
	}
	if texts := calendarChipTexts(calendarCellFor(t, s, day)); len(texts) != 0 {
		t.Errorf("grid day still shows %q", texts)
	}
	if len(s.listEvents) != 0 {
		t.Errorf("list still shows %q", calendarListTitles(s))
	}
	counts, err := env.Store.Counts()
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	if counts.Outbox != 2 {
		t.Errorf("outbox = %d, want the save and the delete queued", counts.Outbox)
	}
}

func TestEventEditor_validationKeepsText(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	test.Tap(s.newButton)
	e := s.editor

	e.eventType.SetSelected(EnumLabel("event.type", "course"))
	test.Type(e.startTime, "14:00")
	test.Type(e.endTime, "13:00")
	test.Type(e.onlineURL, "meet.example.lt/kursai")
	test.Type(e.place, "Kaunas")

	err := s.save()
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("save error = %v, want a *data.ValidationError", err)
	}

	cases := []struct {
		row   string
		field string
		code  string
	}{
		{"title", "title", data.CodeRequired},
		{rowEnd, "end", data.CodeEndBeforeStart},
		{"online_url", "online_url", data.CodeInvalidURL},
	}
	for _, c := range cases {
		want := FieldErrorText(data.KindEvent, data.FieldError{Field: c.field, Code: c.code})
		if got := e.message(c.row); got != want {
			t.Errorf("message beside %s = %q, want %q", c.row, got, want)
		}
		name := FieldName(data.KindEvent, c.field)
		if strings.HasPrefix(name, "field.") {
			t.Errorf("field %s has no translated name", c.field)
		}
		if !strings.Contains(want, name) {
			t.Errorf("message %q does not name the field %q", want, name)
		}
		if strings.HasPrefix(want, "error.") {
			t.Errorf("message for %s is an untranslated key %q", c.code, want)
		}
	}
	if e.endDate.ErrorText() == "" {
		t.Error("end date entry is not marked invalid")
	}

	if e.onlineURL.Text != "meet.example.lt/kursai" || e.place.Text != "Kaunas" || e.startTime.Text != "14:00" || e.endTime.Text != "13:00" {
		t.Errorf("typed text lost: %q %q %q %q", e.onlineURL.Text, e.place.Text, e.startTime.Text, e.endTime.Text)
	}
	if !s.editorOpen || !s.dirty() {
		t.Error("editor closed or clean after a rejected save")
	}
	counts, err := env.Store.Counts()
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	if counts.Events != 0 {
		t.Errorf("store has %d events after a rejected save", counts.Events)
	}

	// Fixing the fields clears their messages on the next save.
	test.Type(e.title, "Skaitmeninio raštingumo kursai")
	retypeEntry(e.endTime, "16:00")
	retypeEntry(e.onlineURL, "https://meet.example.lt/kursai")
	if err := s.save(); err != nil {
		t.Fatalf("save after fixing: %v", err)
	}
	if e.message("title") != "" || e.message(rowEnd) != "" {
		t.Errorf("messages left after a good save: %q, %q", e.message("title"), e.message(rowEnd))
	}
}

func TestEventEditor_rejectsImpossibleDate(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	test.Tap(s.newButton)
	e := s.editor

	test.Type(e.title, "Vasario seminaras")
	e.eventType.SetSelected(EnumLabel("event.type", "seminar"))
	e.allDay.SetChecked(true)
	retypeEntry(e.startDate, "2026-02-30")

	if err := s.save(); err == nil {
		t.Fatal("save accepted 2026-02-30")
	}
	if got, want := e.message(rowStart), "Tokios dienos nėra: 2026-02-30."; got != want {
		t.Errorf("start message = %q, want %q", got, want)
	}
	if e.startDate.Text != "2026-02-30" {
		t.Errorf("start date shows %q, want the typed text", e.startDate.Text)
	}
	counts, err := env.Store.Counts()
	if err != nil {
		t.Fatalf("counts: %v", err)
	}
	if counts.Events != 0 {
		t.Errorf("store has %d events", counts.Events)
	}
}

func TestEventEditor_missingTime(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	test.Tap(s.newButton)
	e := s.editor

	test.Type(e.title, "Seminaras be laiko")
	e.eventType.SetSelected(EnumLabel("event.type", "seminar"))
	test.Type(e.startTime, "25:00")

	if err := s.save(); err == nil {
		t.Fatal("save accepted a timed event without valid times")
	}
	if got := e.message(rowStart); !strings.HasPrefix(got, "Rašykite laiką") {
		t.Errorf("start message = %q, want the time format message", got)
	}
	if got, want := e.message(rowEnd), T("calendar.time_missing"); got != want {
		t.Errorf("end message = %q, want %q", got, want)
	}
}

func TestCalendarScreen_searchWithoutDiacritics(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	past := data.Date{Year: 2026, Month: time.March, Day: 3}
	soon := data.Date{Year: 2026, Month: time.December, Day: 9}
	saveCalendarEvent(t, env, newTimedEvent("Žinių šventė", vilniusTime(past, 10, 0), vilniusTime(past, 12, 0)))
	saveCalendarEvent(t, env, newTimedEvent("Matematikos olimpiada", vilniusTime(soon, 9, 0), vilniusTime(soon, 13, 0)))
	saveCalendarEvent(t, env, newTimedEvent("Gamtos žinių konkursas", vilniusTime(soon, 14, 0), vilniusTime(soon, 15, 0)))
	s.refresh()

	if got := calendarListTitles(s); !slices.Equal(got, []string{"Matematikos olimpiada", "Gamtos žinių konkursas"}) {
		t.Errorf("upcoming list = %q, want the two December events", got)
	}

	s.onFind()
	if env.Window.Canvas().Focused() != s.search {
		t.Error("onFind did not focus the search field")
	}
	test.Type(s.search, "ziniu")
	if got := calendarListTitles(s); !slices.Equal(got, []string{"Žinių šventė", "Gamtos žinių konkursas"}) {
		t.Errorf("search ziniu = %q, want both žinių events, the past one too", got)
	}
	if got := s.listTitle.Text; got != "Rasti 2 renginiai" {
		t.Errorf("list title = %q, want %q", got, "Rasti 2 renginiai")
	}

	retypeEntry(s.search, "ZINIU SVENTE")
	if got := calendarListTitles(s); !slices.Equal(got, []string{"Žinių šventė"}) {
		t.Errorf("search ZINIU SVENTE = %q", got)
	}
	if got := s.listTitle.Text; got != "Rastas 1 renginys" {
		t.Errorf("list title = %q, want %q", got, "Rastas 1 renginys")
	}

	retypeEntry(s.search, "nera tokio")
	if len(s.listEvents) != 0 || !s.listEmpty.Visible() {
		t.Errorf("search without matches lists %q", calendarListTitles(s))
	}

	// Searching while a clean editor is open closes it to show the list.
	s.onNew()
	retypeEntry(s.search, "olimpiada")
	if s.editorOpen {
		t.Error("editor still covers the search results")
	}
}

func TestCalendarScreen_multiDayAndOverflow(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	from := data.Date{Year: 2026, Month: time.December, Day: 30}
	to := data.Date{Year: 2027, Month: time.January, Day: 2}
	saveCalendarEvent(t, env, &data.Event{Title: "Žiemos stovykla", Type: data.EventCourse, AllDay: true, StartDate: from, EndDate: to})

	busy := data.Date{Year: 2026, Month: time.December, Day: 17}
	for i, title := range []string{"Pirmas", "Antras", "Trečias", "Ketvirtas"} {
		saveCalendarEvent(t, env, newTimedEvent(title, vilniusTime(busy, 9+i, 0), vilniusTime(busy, 9+i, 30)))
	}
	s.refresh()

	// The camp shows on each of its days that the December grid holds:
	// the last week ends on Sunday 3 January.
	for day := from; !to.Before(day); day = day.AddDays(1) {
		if texts := calendarChipTexts(calendarCellFor(t, s, day)); !slices.Equal(texts, []string{"Žiemos stovykla"}) {
			t.Errorf("%s shows %q", day, texts)
		}
	}
	if texts := calendarChipTexts(calendarCellFor(t, s, to.AddDays(1))); len(texts) != 0 {
		t.Errorf("day after the camp shows %q", texts)
	}

	busyCell := calendarCellFor(t, s, busy)
	if texts := calendarChipTexts(busyCell); !slices.Equal(texts, []string{"Pirmas", "Antras", "+2"}) {
		t.Errorf("busy day shows %q, want two events and +2", texts)
	}

	// "+2" lists all four events of the day, and choosing one opens it.
	test.Tap(busyCell.more)
	menu := busyCell.allEvents
	if menu == nil || !menu.Visible() {
		t.Fatal("+2 opened no menu")
	}
	if len(menu.Items) != 4 {
		t.Fatalf("menu lists %d events, want 4", len(menu.Items))
	}
	test.Tap(menu.Items[3].(fyne.Tappable))
	if !s.editorOpen || s.editor.title.Text != "Ketvirtas" {
		t.Errorf("choosing the fourth event opened %q", s.editor.title.Text)
	}
}

func TestCalendarScreen_daySelection(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	day := data.Date{Year: 2026, Month: time.December, Day: 22}

	test.Tap(calendarCellFor(t, s, day))
	if s.selected != day {
		t.Errorf("selected = %s after tapping %s", s.selected, day)
	}

	// Tapping a day of the next month shown in the last week moves there.
	next := data.Date{Year: 2027, Month: time.January, Day: 2}
	test.Tap(calendarCellFor(t, s, next))
	if got := s.monthLabel.Text; got != "2027 m. sausis" {
		t.Errorf("month after tapping %s = %q", next, got)
	}

	test.DoubleTap(calendarCellFor(t, s, day.AddDays(14)))
	if !s.editorOpen {
		t.Fatal("double tap did not open a new event")
	}
	if got := s.editor.startDate.Text; got != "2027-01-05" {
		t.Errorf("new event starts on %q, want the double-tapped 2027-01-05", got)
	}
}

func TestCalendarScreen_discardAndDirty(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	day := data.Date{Year: 2026, Month: time.December, Day: 11}
	ev := newTimedEvent("Metodinė diena", vilniusTime(day, 10, 0), vilniusTime(day, 14, 0))
	saveCalendarEvent(t, env, ev)
	s.refresh()

	s.openEvent(ev.ID)
	if s.dirty() {
		t.Error("dirty() = true right after opening")
	}
	test.Type(s.editor.place, "Šiauliai")
	if !s.dirty() {
		t.Fatal("dirty() = false after typing")
	}

	// Starting a new event while the editor is dirty prompts first.
	test.Tap(s.newButton)
	if s.confirm == nil || !s.confirm.popUp.Visible() {
		t.Fatal("no question about unsaved changes")
	}
	test.Tap(s.confirm.cancel)
	if s.editor.place.Text != "Šiauliai" {
		t.Errorf("place = %q after cancel, want the typed text", s.editor.place.Text)
	}

	s.discard()
	if s.dirty() || s.editorOpen {
		t.Error("editor dirty or open after discard")
	}
	stored, err := env.Store.Event(ev.ID)
	if err != nil {
		t.Fatalf("read event: %v", err)
	}
	if stored.Place != "" {
		t.Errorf("discarded text was stored: place = %q", stored.Place)
	}
	if err := s.save(); err != nil {
		t.Errorf("save with no editor open = %v, want nil", err)
	}
}

func TestEventWhen_vilniusTime(t *testing.T) {
	day := data.Date{Year: 2026, Month: time.December, Day: 10}
	// 08:00 UTC is 10:00 in Vilnius in winter (UTC+2).
	start := time.Date(2026, time.December, 10, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		ev   data.Event
		want string
	}{
		{data.Event{Start: start, End: start.Add(150 * time.Minute)}, "2026-12-10 10:00–12:30"},
		{data.Event{Start: start, End: start.Add(26 * time.Hour)}, "2026-12-10 10:00 – 2026-12-11 12:00"},
		{data.Event{AllDay: true, StartDate: day, EndDate: day}, "2026-12-10"},
		{data.Event{AllDay: true, StartDate: day, EndDate: day.AddDays(2)}, "2026-12-10 – 2026-12-12"},
	}
	for _, c := range cases {
		if got := eventWhen(c.ev); got != c.want {
			t.Errorf("eventWhen = %q, want %q", got, c.want)
		}
	}
}

func TestCalendarScreen_englishHeader(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	useLanguage(t, "en")
	s.refresh()

	if got := s.monthLabel.Text; got != "December 2026" {
		t.Errorf("English month header = %q, want %q", got, "December 2026")
	}
	if got := s.listTitle.Text; got != "Upcoming events" {
		t.Errorf("English list title = %q", got)
	}
}

// BenchmarkCalendarScreen_refresh measures reloading the month grid and
// the upcoming list from a store that holds a busy year: 3,000 events,
// about eight a day.
func BenchmarkCalendarScreen_refresh(b *testing.B) {
	env := newCalendarBenchEnv(b)
	s := newCalendarScreen(env)
	s.today = func() data.Date { return calendarToday }
	s.onToday()

	b.ResetTimer()
	for b.Loop() {
		s.refresh()
	}
}

// BenchmarkCalendarScreen_search measures one search keystroke over the
// same year of events.
func BenchmarkCalendarScreen_search(b *testing.B) {
	env := newCalendarBenchEnv(b)
	s := newCalendarScreen(env)

	b.ResetTimer()
	for b.Loop() {
		s.onSearchChanged("ziniu")
	}
	if len(s.listEvents) == 0 {
		b.Fatal("search found nothing")
	}
}

// newCalendarBenchEnv returns an Env on a real store in a temporary folder
// that holds 3,000 events from January to December 2026, one in ten of
// them titled with "žinių".
func newCalendarBenchEnv(b *testing.B) *Env {
	b.Helper()
	a := test.NewTempApp(b)
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		b.Fatalf("load catalogs: %v", err)
	}
	store := openTestStore(b, "partneryste.db", slog.New(slog.NewTextHandler(io.Discard, nil)))

	first := data.Date{Year: 2026, Month: time.January, Day: 1}
	for i := range 3000 {
		day := first.AddDays(i * 365 / 3000)
		title := "Metodinis seminaras " + strconv.Itoa(i)
		if i%10 == 0 {
			title = "Žinių diena " + strconv.Itoa(i)
		}
		if err := store.Save(newTimedEvent(title, vilniusTime(day, 9+i%8, 0), vilniusTime(day, 10+i%8, 0))); err != nil {
			b.Fatalf("save event %d: %v", i, err)
		}
	}

	w := test.NewTempWindow(b, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	return &Env{App: a, Window: w, Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func TestEventMenuText_timeOnFirstDay(t *testing.T) {
	day := data.Date{Year: 2026, Month: time.December, Day: 10}
	ev := data.Event{Title: "Stovykla", Start: vilniusTime(day, 18, 0), End: vilniusTime(day.AddDays(2), 12, 0)}

	if got := eventMenuText(ev, day); got != "18:00 Stovykla" {
		t.Errorf("first day = %q, want %q", got, "18:00 Stovykla")
	}
	if got := eventMenuText(ev, day.AddDays(1)); got != "Stovykla" {
		t.Errorf("second day = %q, want the title alone", got)
	}
	allDay := data.Event{Title: "Atostogos", AllDay: true, StartDate: day, EndDate: day}
	if got := eventMenuText(allDay, day); got != "Atostogos" {
		t.Errorf("all-day = %q, want the title alone", got)
	}
}

func TestCalendarScreen_busyDayFitsShortCell(t *testing.T) {
	s, env := newCalendarTestScreen(t)
	busy := data.Date{Year: 2026, Month: time.December, Day: 17}
	for i, title := range []string{"Pirmas", "Antras", "Trečias"} {
		saveCalendarEvent(t, env, newTimedEvent(title, vilniusTime(busy, 9+i, 0), vilniusTime(busy, 9+i, 30)))
	}
	s.refresh()
	cell := calendarCellFor(t, s, busy)
	if texts := calendarChipTexts(cell); !slices.Equal(texts, []string{"Pirmas", "Antras", "Trečias"}) {
		t.Errorf("tall cell shows %q, want all three events", texts)
	}

	// A window as short as the content allows leaves room for one line,
	// and the window keeps its size instead of growing for the events.
	minHeight := s.content().MinSize().Height
	short := fyne.NewSize(1000, minHeight)
	env.Window.Resize(short)
	if texts := calendarChipTexts(cell); !slices.Equal(texts, []string{"+3"}) {
		t.Errorf("short cell shows %q, want only +3", texts)
	}
	if got := env.Window.Canvas().Size(); got.Height > short.Height {
		t.Errorf("window grew to %v, want at most %v", got, short)
	}
	if got := s.content().MinSize().Height; got != minHeight {
		t.Errorf("content minimum height changed from %v to %v with three events on a day", minHeight, got)
	}
}

func TestCalendarScreen_newEventOnPressedDay(t *testing.T) {
	s, _ := newCalendarTestScreen(t)
	day := data.Date{Year: 2026, Month: time.December, Day: 19}
	cell := calendarCellFor(t, s, day)

	// Fyne delivers Tapped of a double-tappable cell only after the
	// double-tap delay, so Ctrl+N can arrive between the press and it.
	cell.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	s.onNew()
	if got := s.editor.startDate.Text; got != day.String() {
		t.Errorf("new event starts on %q, want the pressed day %s", got, day)
	}
	if !s.editorOpen {
		t.Error("Ctrl+N opened no editor")
	}

	// A press on a day of the next month frames it without moving the
	// grid, so the held-back Tapped reaches the same cell and day.
	next := data.Date{Year: 2027, Month: time.January, Day: 2}
	nextCell := calendarCellFor(t, s, next)
	nextCell.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	if s.month != time.December || s.selected != next {
		t.Errorf("after the press: month %s, selected %s; want December and %s", s.month, s.selected, next)
	}
	test.Tap(nextCell)
	if s.month != time.January || s.selected != next {
		t.Errorf("after the tap: month %s, selected %s; want January and %s", s.month, s.selected, next)
	}
}
