package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
)

func TestMonthWeeks_mondayFirst(t *testing.T) {
	cases := []struct {
		year        int
		month       time.Month
		first, last data.Date
		weeks       int
	}{
		// 2026-12-01 is a Tuesday and 2026-12-31 a Thursday.
		{2026, time.December, data.Date{Year: 2026, Month: time.November, Day: 30}, data.Date{Year: 2027, Month: time.January, Day: 3}, 5},
		// 2021-02-01 is a Monday and 2021-02-28 a Sunday: four whole weeks.
		{2021, time.February, data.Date{Year: 2021, Month: time.February, Day: 1}, data.Date{Year: 2021, Month: time.February, Day: 28}, 4},
		// 2026-03-01 is a Sunday, so March spans six weeks.
		{2026, time.March, data.Date{Year: 2026, Month: time.February, Day: 23}, data.Date{Year: 2026, Month: time.April, Day: 5}, 6},
	}
	for _, c := range cases {
		weeks := monthWeeks(c.year, c.month)
		if len(weeks) != c.weeks {
			t.Errorf("%d-%02d: %d weeks, want %d", c.year, c.month, len(weeks), c.weeks)
			continue
		}
		if got := weeks[0][0]; got != c.first {
			t.Errorf("%d-%02d: first day %s, want %s", c.year, c.month, got, c.first)
		}
		if got := weeks[len(weeks)-1][daysPerWeek-1]; got != c.last {
			t.Errorf("%d-%02d: last day %s, want %s", c.year, c.month, got, c.last)
		}
		for _, week := range weeks {
			if week[0].Weekday() != time.Monday {
				t.Errorf("%d-%02d: week starts on %s", c.year, c.month, week[0].Weekday())
			}
			for i := 1; i < daysPerWeek; i++ {
				if week[i] != week[i-1].AddDays(1) {
					t.Errorf("%d-%02d: %s follows %s", c.year, c.month, week[i], week[i-1])
				}
			}
		}
	}
}

func TestAddMonths_crossesYears(t *testing.T) {
	if y, m := addMonths(2026, time.December, 1); y != 2027 || m != time.January {
		t.Errorf("December 2026 + 1 = %d-%02d, want 2027-01", y, m)
	}
	if y, m := addMonths(2026, time.January, -1); y != 2025 || m != time.December {
		t.Errorf("January 2026 - 1 = %d-%02d, want 2025-12", y, m)
	}
}

func TestMonthTitle_languages(t *testing.T) {
	useLanguage(t, "lt")
	if got := monthTitle(2026, time.December); got != "2026 m. gruodis" {
		t.Errorf("Lithuanian title = %q, want %q", got, "2026 m. gruodis")
	}
	if got := monthTitle(2026, time.May); got != "2026 m. gegužė" {
		t.Errorf("Lithuanian title = %q, want %q", got, "2026 m. gegužė")
	}
	names := weekdayShortNames()
	if got := strings.Join(names[:], " "); got != "Pr An Tr Kt Pn Št Sk" {
		t.Errorf("Lithuanian weekdays = %q", got)
	}

	useLanguage(t, "en")
	if got := monthTitle(2026, time.December); got != "December 2026" {
		t.Errorf("English title = %q, want %q", got, "December 2026")
	}
	if got := weekdayShortNames()[0]; got != "Mon" {
		t.Errorf("English first weekday = %q, want Mon", got)
	}
}

func TestDateEntry_parsesTypedDate(t *testing.T) {
	useLanguage(t, "lt")
	test.NewTempApp(t)
	e := NewDateEntry()
	test.NewTempWindow(t, e)

	var changed []string
	e.OnChanged = func(s string) { changed = append(changed, s) }
	test.Type(e, "2026-12-01")

	got, err := e.Date()
	if err != nil {
		t.Fatalf("Date() error: %v", err)
	}
	if want := (data.Date{Year: 2026, Month: time.December, Day: 1}); got != want {
		t.Errorf("Date() = %s, want %s", got, want)
	}
	if len(changed) != len("2026-12-01") {
		t.Errorf("OnChanged called %d times, want one per typed character", len(changed))
	}
	if err := e.Validate(); err != nil {
		t.Errorf("Validate() = %v for a valid date", err)
	}
}

func TestDateEntry_emptyIsZero(t *testing.T) {
	useLanguage(t, "lt")
	test.NewTempApp(t)
	e := NewDateEntry()

	got, err := e.Date()
	if err != nil || !got.IsZero() {
		t.Errorf("empty Date() = %v, %v; want zero, nil", got, err)
	}
	if e.PlaceHolder != "mmmm-mm-dd" {
		t.Errorf("placeholder = %q, want mmmm-mm-dd", e.PlaceHolder)
	}
}

func TestDateEntry_rejectsBadDates(t *testing.T) {
	useLanguage(t, "lt")
	test.NewTempApp(t)

	cases := map[string]string{
		"2026-02-30": "Tokios dienos nėra: 2026-02-30.",
		"2026-13-01": "Tokios dienos nėra: 2026-13-01.",
		"2026-2-3":   "Rašykite datą taip: mmmm-mm-dd, pvz., 2026-12-01.",
		"01/12/2026": "Rašykite datą taip: mmmm-mm-dd, pvz., 2026-12-01.",
		"rytoj":      "Rašykite datą taip: mmmm-mm-dd, pvz., 2026-12-01.",
	}
	for text, want := range cases {
		e := NewDateEntry()
		test.NewTempWindow(t, e)
		test.Type(e, text)

		_, err := e.Date()
		if err == nil {
			t.Errorf("Date() accepted %q", text)
			continue
		}
		if err.Error() != want {
			t.Errorf("Date() error for %q = %q, want %q", text, err.Error(), want)
		}
		if verr := e.Validate(); verr == nil {
			t.Errorf("Validate() accepted %q", text)
		}
		if e.Text != text {
			t.Errorf("typed %q but the field shows %q", text, e.Text)
		}
	}
}

func TestDateEntry_setDateAndError(t *testing.T) {
	useLanguage(t, "en")
	test.NewTempApp(t)
	e := NewDateEntry()
	test.NewTempWindow(t, e)

	e.SetDate(data.Date{Year: 2027, Month: time.January, Day: 9})
	if e.Text != "2027-01-09" {
		t.Errorf("SetDate shows %q, want 2027-01-09", e.Text)
	}
	if e.PlaceHolder != "yyyy-mm-dd" {
		t.Errorf("English placeholder = %q, want yyyy-mm-dd", e.PlaceHolder)
	}

	e.SetError("End is before start.")
	if e.ErrorText() != "End is before start." {
		t.Errorf("ErrorText() = %q after SetError", e.ErrorText())
	}

	test.Type(e, "0")
	if e.ErrorText() != "" {
		t.Errorf("ErrorText() = %q after typing, want it cleared", e.ErrorText())
	}

	e.SetDate(data.Date{})
	if e.Text != "" {
		t.Errorf("SetDate(zero) shows %q, want empty", e.Text)
	}
}

func TestDateEntry_pickerSetsText(t *testing.T) {
	useLanguage(t, "lt")
	test.NewTempApp(t)
	e := NewDateEntry()
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(400, 400))

	e.SetDate(data.Date{Year: 2026, Month: time.December, Day: 1})
	test.Tap(e.ActionItem.(*widget.Button))
	if e.popUp == nil || !e.popUp.Visible() {
		t.Fatal("picker button did not open the calendar")
	}
	if got := e.picker.title.Text; got != "2026 m. gruodis" {
		t.Errorf("picker heading = %q, want %q", got, "2026 m. gruodis")
	}

	// December 2026 starts on a Tuesday, so the first row begins with
	// Monday 30 November, shown disabled.
	first := e.picker.dayButtons[0]
	if first.Text != "30" || !first.Disabled() {
		t.Errorf("first cell = %q (disabled %v), want a disabled 30", first.Text, first.Disabled())
	}

	test.Tap(e.picker.next)
	if got := e.picker.title.Text; got != "2027 m. sausis" {
		t.Errorf("heading after next = %q, want %q", got, "2027 m. sausis")
	}
	test.Tap(e.picker.prev)

	// Cell 16 is the 15th: 30 November is cell 0 and 1 December cell 1.
	fifteenth := e.picker.dayButtons[15]
	if fifteenth.Text != "15" {
		t.Fatalf("cell 15 shows %q, want 15", fifteenth.Text)
	}
	test.Tap(fifteenth)

	if e.Text != "2026-12-15" {
		t.Errorf("picked day shows %q, want 2026-12-15", e.Text)
	}
	if e.popUp.Visible() {
		t.Error("calendar stayed open after a day was picked")
	}
}

func TestTimeEntry_parsesAndRejects(t *testing.T) {
	useLanguage(t, "lt")
	test.NewTempApp(t)

	valid := map[string][2]int{"09:30": {9, 30}, "9:05": {9, 5}, "23:59": {23, 59}, "00:00": {0, 0}}
	for text, want := range valid {
		e := NewTimeEntry()
		test.NewTempWindow(t, e)
		test.Type(e, text)
		h, m, err := e.Time()
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("Time() for %q = %d, %d, %v; want %d, %d", text, h, m, err, want[0], want[1])
		}
	}

	for _, text := range []string{"24:00", "12:60", "1230", "9.30", "9:5", "noon"} {
		e := NewTimeEntry()
		test.NewTempWindow(t, e)
		test.Type(e, text)
		if _, _, err := e.Time(); err == nil {
			t.Errorf("Time() accepted %q", text)
		} else if !strings.HasPrefix(err.Error(), "Rašykite laiką") {
			t.Errorf("Time() error for %q = %q, want the translated message", text, err.Error())
		}
	}

	e := NewTimeEntry()
	if !e.IsEmpty() || e.PlaceHolder != "vv:mm" {
		t.Errorf("new entry: IsEmpty %v, placeholder %q", e.IsEmpty(), e.PlaceHolder)
	}
	e.SetTime(7, 5)
	if e.Text != "07:05" {
		t.Errorf("SetTime(7, 5) shows %q, want 07:05", e.Text)
	}
}
