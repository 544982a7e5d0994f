package ical

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"partneryste/data"
	"partneryste/data/interop"
)

// Limits of recurrence expansion. A recurring event becomes one stored
// event per occurrence, so an endless series must stop somewhere.
const (
	// MaxOccurrences is the most events one recurring event gives.
	MaxOccurrences = 500
	// RecurrenceWindowYears is how many years of occurrences a recurring
	// event gives, counted from its first occurrence. For an endless series
	// (no COUNT and no UNTIL) that began more than a year before the
	// import, the window starts a year before the import day instead, so
	// that its current occurrences are imported.
	RecurrenceWindowYears = 2
)

// rule is a parsed RRULE. Only the parts listed in parseRule are
// supported; any other part makes the event a problem rather than a wrong
// series.
type rule struct {
	freq       string
	interval   int
	count      int
	until      *when
	byDay      []weekdayNum
	byMonthDay []int
	wkst       time.Weekday
}

// weekdayNum is one BYDAY item, such as "TU" (n = 0), "2TU" or "-1FR".
type weekdayNum struct {
	n   int
	day time.Weekday
}

var weekdays = map[string]time.Weekday{
	"MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday, "TH": time.Thursday,
	"FR": time.Friday, "SA": time.Saturday, "SU": time.Sunday,
}

// parseRule reads an RRULE value. It supports FREQ=DAILY, WEEKLY, MONTHLY
// and YEARLY with INTERVAL, COUNT, UNTIL and WKST; BYDAY for WEEKLY (days)
// and MONTHLY (days with an optional ordinal, as "2TU" or "-1FR");
// BYMONTHDAY for MONTHLY; and for YEARLY a BYMONTH and BYMONTHDAY equal to
// the start's, as some programs write them. On failure it returns the part
// that is not supported.
func (imp *importer) parseRule(p property, start when) (rule, string) {
	r := rule{interval: 1, wkst: time.Monday}
	var byMonth []int
	for _, part := range strings.Split(p.Value, ";") {
		name, value, _ := strings.Cut(part, "=")
		name = strings.ToUpper(strings.TrimSpace(name))
		value = strings.ToUpper(strings.TrimSpace(value))
		switch name {
		case "":
			continue
		case "FREQ":
			r.freq = value
		case "INTERVAL":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > 1000 {
				return r, part
			}
			r.interval = n
		case "COUNT":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return r, part
			}
			r.count = n
		case "UNTIL":
			w, prob := imp.parseWhen(p.withValue(value))
			if prob != nil {
				return r, part
			}
			r.until = &w
		case "WKST":
			d, ok := weekdays[value]
			if !ok {
				return r, part
			}
			r.wkst = d
		case "BYDAY":
			for _, item := range strings.Split(value, ",") {
				wn, ok := parseWeekdayNum(item)
				if !ok {
					return r, part
				}
				r.byDay = append(r.byDay, wn)
			}
		case "BYMONTHDAY":
			for _, item := range strings.Split(value, ",") {
				n, err := strconv.Atoi(item)
				if err != nil || n == 0 || n < -31 || n > 31 {
					return r, part
				}
				r.byMonthDay = append(r.byMonthDay, n)
			}
		case "BYMONTH":
			for _, item := range strings.Split(value, ",") {
				n, err := strconv.Atoi(item)
				if err != nil {
					return r, part
				}
				byMonth = append(byMonth, n)
			}
		default:
			return r, part
		}
	}

	startDate := start.date
	if !start.allDay {
		startDate = data.DateOf(start.t)
	}
	switch r.freq {
	case "DAILY":
		if r.byDay != nil || r.byMonthDay != nil || byMonth != nil {
			return r, "BY… with FREQ=DAILY"
		}
	case "WEEKLY":
		for _, wn := range r.byDay {
			if wn.n != 0 {
				return r, "BYDAY=" + strconv.Itoa(wn.n) + " with FREQ=WEEKLY"
			}
		}
		if r.byMonthDay != nil || byMonth != nil {
			return r, "BYMONTHDAY or BYMONTH with FREQ=WEEKLY"
		}
	case "MONTHLY":
		if byMonth != nil {
			return r, "BYMONTH with FREQ=MONTHLY"
		}
	case "YEARLY":
		sameMonth := byMonth == nil || slices.Equal(byMonth, []int{int(startDate.Month)})
		sameDay := r.byMonthDay == nil || slices.Equal(r.byMonthDay, []int{startDate.Day})
		if !sameMonth || !sameDay || r.byDay != nil {
			return r, "BYMONTH, BYMONTHDAY or BYDAY other than the start's with FREQ=YEARLY"
		}
		r.byMonthDay = nil
	default:
		return r, "FREQ=" + r.freq
	}
	if r.count > 0 && r.until != nil {
		return r, "COUNT with UNTIL"
	}
	return r, ""
}

func parseWeekdayNum(s string) (weekdayNum, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 {
		return weekdayNum{}, false
	}
	day, ok := weekdays[s[len(s)-2:]]
	if !ok {
		return weekdayNum{}, false
	}
	wn := weekdayNum{day: day}
	if prefix := s[:len(s)-2]; prefix != "" {
		n, err := strconv.Atoi(prefix)
		if err != nil || n == 0 || n < -5 || n > 5 {
			return weekdayNum{}, false
		}
		wn.n = n
	}
	return wn, true
}

// expand adds one event per occurrence of a recurring event.
func (imp *importer) expand(c *component, p parsed, rrule property) {
	r, unsupported := imp.parseRule(rrule, p.start)
	if unsupported != "" {
		imp.problems = append(imp.problems, interop.Problem{
			Line:       rrule.line,
			Record:     interop.EventName(p.event.Title, p.uid),
			Value:      unsupported,
			FieldError: data.FieldError{Field: "start", Code: interop.CodeUnsupportedRule},
		})
		return
	}

	excluded := map[data.Date]bool{}
	for _, ex := range c.all("EXDATE") {
		for _, value := range strings.Split(ex.Value, ",") {
			w, prob := imp.parseWhen(ex.withValue(value))
			if prob != nil {
				prob.Record = interop.EventName(p.event.Title, p.uid)
				prob.Field = "start"
				imp.problems = append(imp.problems, *prob)
				return
			}
			excluded[w.key()] = true
		}
	}

	first := p.start.date
	if !p.start.allDay {
		first = data.DateOf(p.start.t)
	}
	from := first
	if r.count == 0 && r.until == nil && first.Before(imp.today.AddDays(-365)) {
		from = imp.today.AddDays(-365)
	}
	to := data.DateOf(time.Date(from.Year+RecurrenceWindowYears, from.Month, from.Day, 12, 0, 0, 0, time.UTC))

	emitted, seen := 0, 0
	r.dates(first, func(d data.Date) bool {
		if !d.Before(to) || emitted == MaxOccurrences {
			return false
		}
		seen++
		if r.count > 0 && seen > r.count {
			return false
		}
		occ := imp.occurrence(p, d)
		if r.until != nil && occ.after(*r.until) {
			return false
		}
		if d.Before(from) || excluded[occ.key()] {
			return true
		}
		e := p.event
		e.ID = interop.HashID(p.uid, occ.key().String())
		if occ.allDay {
			e.StartDate = occ.date
			e.EndDate = occ.date.AddDays(p.days)
		} else {
			e.Start = occ.t.In(data.Vilnius)
			e.End = occ.t.Add(p.length).In(data.Vilnius)
		}
		imp.put(e)
		emitted++
		return true
	})
}

// occurrence returns the start of the occurrence on day d: the same wall
// clock time in the start's zone, so that a 10:00 series stays at 10:00
// across daylight saving changes.
func (imp *importer) occurrence(p parsed, d data.Date) when {
	if p.start.allDay {
		return when{allDay: true, date: d}
	}
	s := p.start.t
	return when{t: time.Date(d.Year, d.Month, d.Day, s.Hour(), s.Minute(), s.Second(), 0, s.Location())}
}

// after reports whether the occurrence w starts after UNTIL. A DATE UNTIL
// includes its whole day.
func (w when) after(until when) bool {
	switch {
	case until.allDay && w.allDay:
		return until.date.Before(w.date)
	case until.allDay:
		return until.date.Before(data.DateOf(w.t))
	case w.allDay:
		return until.t.Before(w.date.In(until.t.Location()))
	}
	return w.t.After(until.t)
}

// maxPeriods bounds the periods (days, weeks, months, years) dates walks
// through, for rules that match rarely or never, such as BYMONTHDAY=31
// every 2 months from February.
const maxPeriods = 20000

// dates calls emit with the first date and then each later date of the
// rule in order, until emit returns false.
func (r rule) dates(first data.Date, emit func(data.Date) bool) {
	if !emit(first) {
		return
	}
	for k := 1; k < maxPeriods; k++ {
		var candidates []data.Date
		switch r.freq {
		case "DAILY":
			candidates = []data.Date{first.AddDays(k * r.interval)}
		case "WEEKLY":
			candidates = r.weekDates(first, k-1)
		case "MONTHLY":
			candidates = r.monthDates(first, (k-1)*r.interval)
		case "YEARLY":
			y := first.Year + (k-1)*r.interval
			d := data.Date{Year: y, Month: first.Month, Day: first.Day}
			if validDate(d) {
				candidates = []data.Date{d}
			}
		}
		for _, d := range candidates {
			if !first.Before(d) {
				continue
			}
			if !emit(d) {
				return
			}
		}
	}
}

// weekDates returns the BYDAY dates of the k-th week period from first's
// week, where weeks start on WKST.
func (r rule) weekDates(first data.Date, k int) []data.Date {
	offset := (int(first.Weekday()) - int(r.wkst) + 7) % 7
	weekStart := first.AddDays(-offset + 7*r.interval*k)
	days := r.byDay
	if len(days) == 0 {
		days = []weekdayNum{{day: first.Weekday()}}
	}
	var out []data.Date
	for _, wn := range days {
		out = append(out, weekStart.AddDays((int(wn.day)-int(r.wkst)+7)%7))
	}
	slices.SortFunc(out, data.Date.Compare)
	return slices.Compact(out)
}

// monthDates returns the matching dates of the month that is months after
// first's month.
func (r rule) monthDates(first data.Date, months int) []data.Date {
	t := time.Date(first.Year, first.Month+time.Month(months), 1, 12, 0, 0, 0, time.UTC)
	year, month := t.Year(), t.Month()
	last := time.Date(year, month+1, 0, 12, 0, 0, 0, time.UTC).Day()

	var out []data.Date
	add := func(day int) {
		if day >= 1 && day <= last {
			out = append(out, data.Date{Year: year, Month: month, Day: day})
		}
	}
	switch {
	case len(r.byMonthDay) > 0:
		for _, n := range r.byMonthDay {
			if n < 0 {
				n = last + 1 + n
			}
			add(n)
		}
	case len(r.byDay) > 0:
		for _, wn := range r.byDay {
			var matches []int
			for day := 1; day <= last; day++ {
				if time.Date(year, month, day, 12, 0, 0, 0, time.UTC).Weekday() == wn.day {
					matches = append(matches, day)
				}
			}
			switch {
			case wn.n == 0:
				for _, day := range matches {
					add(day)
				}
			case wn.n > 0 && wn.n <= len(matches):
				add(matches[wn.n-1])
			case wn.n < 0 && -wn.n <= len(matches):
				add(matches[len(matches)+wn.n])
			}
		}
	default:
		add(first.Day)
	}
	slices.SortFunc(out, data.Date.Compare)
	return slices.Compact(out)
}

func validDate(d data.Date) bool {
	return d.Day >= 1 && data.DateOf(d.In(time.UTC)) == d
}
