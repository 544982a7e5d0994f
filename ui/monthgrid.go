package ui

import (
	"strconv"
	"time"

	"partneryste/data"
)

// daysPerWeek is the width of every month grid, Monday to Sunday.
const daysPerWeek = 7

// monthWeeks returns the weeks that show the given month, Monday first: the
// first week starts on the Monday on or before the 1st, and the last one
// ends on the Sunday on or after the month's last day. Days of the
// neighbouring months fill the first and last weeks.
func monthWeeks(year int, month time.Month) [][daysPerWeek]data.Date {
	first := data.Date{Year: year, Month: month, Day: 1}
	last := first.In(time.UTC).AddDate(0, 1, -1)

	day := first.AddDays(-mondayIndex(first.Weekday()))
	end := data.DateOf(last).AddDays(daysPerWeek - 1 - mondayIndex(last.Weekday()))

	var weeks [][daysPerWeek]data.Date
	for !end.Before(day) {
		var week [daysPerWeek]data.Date
		for i := range week {
			week[i] = day
			day = day.AddDays(1)
		}
		weeks = append(weeks, week)
	}
	return weeks
}

// mondayIndex returns the weekday's column in a Monday-first week: 0 for
// Monday through 6 for Sunday.
func mondayIndex(w time.Weekday) int {
	return (int(w) + 6) % daysPerWeek
}

// addMonths returns the year and month n months after (or before, for
// negative n) the given one.
func addMonths(year int, month time.Month, n int) (int, time.Month) {
	t := time.Date(year, month+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
	return t.Year(), t.Month()
}

// monthTitle returns the translated heading of a month, "2026 m. gruodis"
// in Lithuanian and "December 2026" in English. Lithuanian headings use the
// nominative month name.
func monthTitle(year int, month time.Month) string {
	return T("calendar.month_title", map[string]any{
		"Year":  year,
		"Month": monthName(month),
	})
}

// monthName returns the translated nominative name of a month.
func monthName(month time.Month) string {
	return T("calendar.month." + strconv.Itoa(int(month)))
}

// weekdayShortNames returns the translated short weekday names Monday
// first, "Pr" to "Sk" in Lithuanian.
func weekdayShortNames() [daysPerWeek]string {
	keys := [daysPerWeek]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	var names [daysPerWeek]string
	for i, key := range keys {
		names[i] = T("calendar.weekday." + key)
	}
	return names
}
