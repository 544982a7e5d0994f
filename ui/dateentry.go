package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

// DateEntry is a text field for a civil date typed as yyyy-mm-dd, with a
// button that opens a Monday-first month calendar to pick the date instead.
// It replaces Fyne's widget.DateEntry, which shows dd/mm/yyyy and English
// month names for Lithuanian users.
//
// The entry marks invalid text with Fyne's validation icon as the user
// types, and inside a widget.Form the form shows the message under the
// field.
type DateEntry struct {
	widget.Entry

	// OnChanged is called with the text after every change, typed, picked
	// or set with SetDate.
	OnChanged func(string) `json:"-"`

	errorText string
	picker    *datePicker
	popUp     *widget.PopUp
}

var _ fyne.Widget = (*DateEntry)(nil)

// NewDateEntry creates an empty date entry.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = T("dateentry.placeholder")
	e.Validator = func(text string) error {
		_, err := parseDateText(text)
		return err
	}
	e.Entry.OnChanged = e.textChanged
	e.picker = newDatePicker(e.pick)

	button := widget.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), e.openPicker)
	button.Importance = widget.LowImportance
	e.ActionItem = button
	return e
}

// Date returns the typed date, or the zero Date and no error when the field
// is empty. The error's text is a translated message fit to show the user,
// such as the one for 2026-02-30, a day that does not exist.
func (e *DateEntry) Date() (data.Date, error) {
	return parseDateText(e.Text)
}

// SetDate shows d as yyyy-mm-dd. The zero Date empties the field.
func (e *DateEntry) SetDate(d data.Date) {
	e.SetText(d.String())
}

// SetError marks the field invalid with msg until the text changes. An
// empty msg clears the mark and validates the text again. Screens use it
// for errors that only the store finds, such as an end before the start.
func (e *DateEntry) SetError(msg string) {
	e.errorText = msg
	showEntryError(&e.Entry, msg)
}

// ErrorText returns the message of the error set with SetError, or "".
func (e *DateEntry) ErrorText() string {
	return e.errorText
}

// Disable turns off typing and the picker button.
func (e *DateEntry) Disable() {
	if button, ok := e.ActionItem.(*widget.Button); ok {
		button.Disable()
	}
	e.Entry.Disable()
}

// Enable turns typing and the picker button back on.
func (e *DateEntry) Enable() {
	if button, ok := e.ActionItem.(*widget.Button); ok {
		button.Enable()
	}
	e.Entry.Enable()
}

func (e *DateEntry) textChanged(text string) {
	if e.errorText != "" {
		// The user changed the text, so the validator decides again.
		e.errorText = ""
		e.AlwaysShowValidationError = false
	}
	if e.OnChanged != nil {
		e.OnChanged(text)
	}
}

// openPicker shows the month calendar under the field, opened at the typed
// date's month or, when there is none, today's.
func (e *DateEntry) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}

	selected, err := e.Date()
	if err != nil {
		selected = data.Date{}
	}
	e.picker.setSelected(selected)

	if e.popUp == nil {
		e.popUp = widget.NewPopUp(e.picker, c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

func (e *DateEntry) pick(d data.Date) {
	if e.popUp != nil {
		e.popUp.Hide()
	}
	e.SetDate(d)
}

// dateTextPattern is the shape of a typed date before calendar checks.
var dateTextPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// parseDateText parses a typed date. Empty text gives the zero Date. The
// error's text is translated, because widget.Entry shows a validator's
// error text to the user.
func parseDateText(text string) (data.Date, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return data.Date{}, nil
	}
	if !dateTextPattern.MatchString(text) {
		return data.Date{}, errors.New(T("dateentry.invalid_format"))
	}

	d, err := data.ParseDate(text)
	if err != nil {
		return data.Date{}, errors.New(T("dateentry.no_such_day", map[string]any{"Date": text}))
	}
	return d, nil
}

// TimeEntry is a text field for a time of day typed as HH:MM on a 24-hour
// clock. It also accepts H:MM, such as 9:30.
type TimeEntry struct {
	widget.Entry

	// OnChanged is called with the text after every change.
	OnChanged func(string) `json:"-"`

	errorText string
}

var _ fyne.Widget = (*TimeEntry)(nil)

// NewTimeEntry creates an empty time entry.
func NewTimeEntry() *TimeEntry {
	e := &TimeEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = T("timeentry.placeholder")
	e.Validator = func(text string) error {
		_, _, err := parseTimeText(text)
		return err
	}
	e.Entry.OnChanged = e.textChanged
	return e
}

// MinSize keeps room for a whole "00:00" or placeholder, whichever is
// wider, beside the validation icon. The size Entry takes from its
// placeholder is a single character wide and cuts both off.
func (e *TimeEntry) MinSize() fyne.Size {
	min := e.Entry.MinSize()
	text := fyne.MeasureText("00:00", theme.TextSize(), e.TextStyle).Width
	text = max(text, fyne.MeasureText(e.PlaceHolder, theme.TextSize(), e.TextStyle).Width)
	width := text + 2*theme.InnerPadding() + theme.IconInlineSize() + theme.LineSpacing() + 4*theme.Padding()
	if width > min.Width {
		min.Width = width
	}
	return min
}

// Time returns the typed hour and minute, or 0, 0 and no error when the
// field is empty, so callers that need a time check IsEmpty first. The
// error's text is a translated message fit to show the user.
func (e *TimeEntry) Time() (hour, minute int, err error) {
	return parseTimeText(e.Text)
}

// IsEmpty reports whether nothing but spaces is typed.
func (e *TimeEntry) IsEmpty() bool {
	return strings.TrimSpace(e.Text) == ""
}

// SetTime shows the time as HH:MM.
func (e *TimeEntry) SetTime(hour, minute int) {
	e.SetText(fmt.Sprintf("%02d:%02d", hour, minute))
}

// SetError marks the field invalid with msg until the text changes. An
// empty msg clears the mark.
func (e *TimeEntry) SetError(msg string) {
	e.errorText = msg
	showEntryError(&e.Entry, msg)
}

// ErrorText returns the message of the error set with SetError, or "".
func (e *TimeEntry) ErrorText() string {
	return e.errorText
}

func (e *TimeEntry) textChanged(text string) {
	if e.errorText != "" {
		e.errorText = ""
		e.AlwaysShowValidationError = false
	}
	if e.OnChanged != nil {
		e.OnChanged(text)
	}
}

// timeTextPattern accepts H:MM and HH:MM.
var timeTextPattern = regexp.MustCompile(`^(\d{1,2}):(\d{2})$`)

func parseTimeText(text string) (hour, minute int, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, 0, nil
	}

	invalid := errors.New(T("timeentry.invalid"))
	parts := timeTextPattern.FindStringSubmatch(text)
	if parts == nil {
		return 0, 0, invalid
	}
	if _, err := fmt.Sscanf(parts[1]+" "+parts[2], "%d %d", &hour, &minute); err != nil {
		return 0, 0, invalid
	}
	if hour > 23 || minute > 59 {
		return 0, 0, invalid
	}
	return hour, minute, nil
}

// showEntryError sets or clears an error that the entry's own validator did
// not find. AlwaysShowValidationError makes the entry accept the error even
// while it has focus; the next text change turns it off again.
func showEntryError(entry *widget.Entry, msg string) {
	if msg == "" {
		entry.AlwaysShowValidationError = false
		entry.SetValidationError(nil)
		_ = entry.Validate()
		return
	}
	entry.AlwaysShowValidationError = true
	entry.SetValidationError(errors.New(msg))
}

// pickerCells is the number of day buttons in the picker: six weeks, the
// most any month needs, so the pop-up keeps its size between months.
const pickerCells = 6 * daysPerWeek

// datePicker is the month calendar that DateEntry opens: a heading such as
// "2026 m. gruodis" between previous and next month buttons, Monday-first
// weekday names, and a button per day. Days of the neighbouring months are
// shown disabled.
type datePicker struct {
	widget.BaseWidget

	onSelected func(data.Date)
	// today returns the day to highlight. Tests replace it.
	today func() data.Date

	year     int
	month    time.Month
	selected data.Date
	days     [pickerCells]data.Date

	title      *widget.Label
	prev, next *widget.Button
	dayButtons [pickerCells]*widget.Button
	root       *fyne.Container
}

func newDatePicker(onSelected func(data.Date)) *datePicker {
	p := &datePicker{onSelected: onSelected, today: data.Today}
	p.ExtendBaseWidget(p)

	p.title = widget.NewLabel("")
	p.title.Alignment = fyne.TextAlignCenter
	p.title.TextStyle.Bold = true
	p.prev = widget.NewButtonWithIcon("", theme.Icon(theme.IconNameNavigateBack), func() { p.showMonth(addMonths(p.year, p.month, -1)) })
	p.next = widget.NewButtonWithIcon("", theme.Icon(theme.IconNameNavigateNext), func() { p.showMonth(addMonths(p.year, p.month, 1)) })
	header := container.NewBorder(nil, nil, p.prev, p.next, p.title)

	grid := container.NewGridWithColumns(daysPerWeek)
	for _, name := range weekdayShortNames() {
		label := widget.NewLabel(name)
		label.Alignment = fyne.TextAlignCenter
		grid.Add(label)
	}
	for i := range p.dayButtons {
		index := i
		p.dayButtons[i] = widget.NewButton("", func() { p.selectDay(index) })
		grid.Add(p.dayButtons[i])
	}

	p.root = container.NewBorder(header, nil, nil, nil, grid)
	today := p.today()
	p.showMonth(today.Year, today.Month)
	return p
}

func (p *datePicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.root)
}

// setSelected highlights d and shows its month. The zero Date shows the
// current month with nothing selected.
func (p *datePicker) setSelected(d data.Date) {
	p.selected = d
	if d.IsZero() {
		d = p.today()
	}
	p.showMonth(d.Year, d.Month)
}

func (p *datePicker) showMonth(year int, month time.Month) {
	p.year, p.month = year, month
	p.title.SetText(monthTitle(year, month))

	weeks := monthWeeks(year, month)
	day := weeks[0][0]
	today := p.today()
	for i, button := range p.dayButtons {
		p.days[i] = day
		button.SetText(fmt.Sprint(day.Day))
		switch {
		case day == p.selected:
			button.Importance = widget.HighImportance
		case day == today:
			button.Importance = widget.MediumImportance
		default:
			button.Importance = widget.LowImportance
		}
		if day.Month == month {
			button.Enable()
		} else {
			button.Disable()
		}
		button.Refresh()
		day = day.AddDays(1)
	}
}

func (p *datePicker) selectDay(index int) {
	p.selected = p.days[index]
	if p.onSelected != nil {
		p.onSelected(p.selected)
	}
}
