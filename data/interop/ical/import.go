package ical

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"partneryste/data"
	"partneryste/data/interop"
)

// ImportOptions change how Import reads a calendar. The zero value is what
// ImportICS uses.
type ImportOptions struct {
	// Now gives today's date for the window of endless recurring events;
	// nil means time.Now.
	Now func() time.Time
}

// ImportICS reads every VEVENT of an iCalendar file, as Outlook, Google
// Calendar, Thunderbird, Apple Calendar and ExportICS write them.
//
// It returns the events it read, the problems of the events it could not
// read (each naming the event and the line), and an error of type
// *interop.FileError when the file itself cannot be read, such as a
// truncated file. The caller should save the events only when there are no
// problems, or when the user chose to skip the events with problems.
//
// Each event's id comes from its UID: "<id>@partneryste.lt" gives <id>, and
// other UIDs give a stable hash, so that importing a file again updates the
// events instead of duplicating them. A recurring event becomes one event
// per occurrence, with ids from the UID and the occurrence's date; see
// MaxOccurrences and RecurrenceWindowYears for the limits. Events with
// STATUS:CANCELLED are left out. Imported events are not public unless the
// file was exported by Partnerystė with the event marked public.
func ImportICS(r io.Reader) ([]data.Event, []interop.Problem, error) {
	return Import(r, ImportOptions{})
}

// Import reads a calendar as ImportICS does, with options.
func Import(r io.Reader, opts ImportOptions) ([]data.Event, []interop.Problem, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	calendars, err := parseCalendars(r)
	if err != nil {
		return nil, nil, err
	}

	imp := &importer{
		zones: newZoneResolver(calendars),
		today: data.DateOf(opts.Now().In(data.Vilnius)),
		index: map[string]int{},
	}
	var overrides []*component
	for _, cal := range calendars {
		for _, c := range cal.children {
			if c.name != "VEVENT" {
				continue
			}
			if _, ok := c.first("RECURRENCE-ID"); ok {
				overrides = append(overrides, c)
				continue
			}
			imp.master(c)
		}
	}
	// Overrides come after every series, so that each replaces the
	// occurrence with the same id wherever it stands in the file.
	for _, c := range overrides {
		imp.override(c)
	}

	events := make([]data.Event, 0, len(imp.events))
	for _, e := range imp.events {
		if e.ID != "" {
			events = append(events, e)
		}
	}
	return events, imp.problems, nil
}

// importer collects the events and problems of one file.
type importer struct {
	zones    *zoneResolver
	today    data.Date
	events   []data.Event
	index    map[string]int // event id -> position in events
	problems []interop.Problem
}

// put adds e, or replaces the event with the same id.
func (imp *importer) put(e data.Event) {
	if i, ok := imp.index[e.ID]; ok {
		imp.events[i] = e
		return
	}
	imp.index[e.ID] = len(imp.events)
	imp.events = append(imp.events, e)
}

// remove drops the event with the given id, if any. The slot stays, with
// an empty id, so that positions in index stay valid.
func (imp *importer) remove(id string) {
	if i, ok := imp.index[id]; ok {
		imp.events[i] = data.Event{}
		delete(imp.index, id)
	}
}

// parsed is one VEVENT converted to an event, before recurrence.
type parsed struct {
	event data.Event
	uid   string
	start when
	// length is the duration of a timed event, or the number of days
	// after the first for an all-day event.
	length   time.Duration
	days     int
	canceled bool
}

func (imp *importer) master(c *component) {
	p, ok := imp.convert(c)
	if !ok || p.canceled {
		return
	}
	rules := c.all("RRULE")
	if len(rules) == 0 {
		p.event.ID = idFromUID(p.uid)
		imp.put(p.event)
		return
	}
	imp.expand(c, p, rules[0])
}

func (imp *importer) override(c *component) {
	p, ok := imp.convert(c)
	if !ok {
		return
	}
	rid, _ := c.first("RECURRENCE-ID")
	w, prob := imp.parseWhen(rid)
	if prob != nil {
		prob.Record = interop.EventName(p.event.Title, p.uid)
		imp.problems = append(imp.problems, *prob)
		return
	}
	id := interop.HashID(p.uid, w.key().String())
	if p.canceled {
		imp.remove(id)
		return
	}
	p.event.ID = id
	imp.put(p.event)
}

// idFromUID returns the record id of a UID: the id part of the UIDs
// ExportICS writes, or a stable id derived from any other UID.
func idFromUID(uid string) string {
	if id, ok := strings.CutSuffix(uid, "@"+UIDDomain); ok && id != "" {
		return interop.IDFromKey(id)
	}
	return interop.HashID(uid)
}

// convert reads the fields of one VEVENT and validates them. It reports
// false, after recording the problems, when the event cannot be imported.
func (imp *importer) convert(c *component) (parsed, bool) {
	p := parsed{uid: strings.TrimSpace(c.text("UID"))}
	title := c.text("SUMMARY")
	name := interop.EventName(title, p.uid)
	if p.uid == "" {
		// RFC 5545 requires a UID, but some old exports lack one: the
		// start and the title make a key that is stable across imports.
		p.uid = "no-uid|" + c.text("DTSTART") + "|" + title
	}
	base := interop.Problem{Line: c.line, Record: name}
	fail := func(prob interop.Problem) (parsed, bool) {
		if prob.Record == "" {
			prob.Record = name
		}
		imp.problems = append(imp.problems, prob)
		return parsed{}, false
	}

	if strings.EqualFold(c.text("STATUS"), "CANCELLED") {
		p.canceled = true
	}

	dtstart, ok := c.first("DTSTART")
	if !ok {
		prob := base
		prob.FieldError = data.FieldError{Field: "start", Code: data.CodeRequired}
		return fail(prob)
	}
	start, prob := imp.parseWhen(dtstart)
	if prob != nil {
		prob.Field = "start"
		return fail(*prob)
	}
	p.start = start

	e := data.Event{
		Title:       title,
		Type:        data.EventOther,
		AllDay:      start.allDay,
		Place:       c.text("LOCATION"),
		Description: c.text("DESCRIPTION"),
		Audience:    c.text(propAudience),
		Public:      strings.EqualFold(c.text(propPublic), "TRUE"),
	}
	if t := data.EventType(c.text(propType)); slices.Contains(data.EventTypes, t) {
		e.Type = t
	}
	e.OnlineURL = firstWebURL(c.text(propOnlineURL), c.text("X-GOOGLE-CONFERENCE"), c.text("CONFERENCE"))
	e.RegistrationURL = c.text(propRegistrationURL)
	if e.RegistrationURL == "" && e.OnlineURL != c.text("URL") {
		e.RegistrationURL = firstWebURL(c.text("URL"))
	}

	if prob := imp.setEnd(c, &p, &e); prob != nil {
		return fail(*prob)
	}
	p.event = e

	if err := e.Validate(); err != nil {
		for _, prob := range interop.ProblemsFromValidation(err, base) {
			if line := fieldLine(c, prob.Field); line > 0 {
				prob.Line = line
			}
			imp.problems = append(imp.problems, prob)
		}
		return parsed{}, false
	}
	return p, true
}

// setEnd fills in the event's start and end from DTSTART and DTEND or
// DURATION. Without either, a timed event ends when it starts and an
// all-day event lasts one day (RFC 5545 section 3.6.1).
func (imp *importer) setEnd(c *component, p *parsed, e *data.Event) *interop.Problem {
	start := p.start
	var end when
	if dtend, ok := c.first("DTEND"); ok {
		w, prob := imp.parseWhen(dtend)
		if prob != nil {
			prob.Field = "end"
			return prob
		}
		if w.allDay != start.allDay {
			return &interop.Problem{Line: dtend.line, Value: dtend.Value, FieldError: data.FieldError{Field: "end", Code: interop.CodeInvalidTime}}
		}
		end = w
	} else if dur, ok := c.first("DURATION"); ok {
		d, err := parseDuration(dur.Value)
		if err != nil {
			return &interop.Problem{Line: dur.line, Value: dur.Value, FieldError: data.FieldError{Field: "end", Code: interop.CodeInvalidTime}}
		}
		end = start
		if start.allDay {
			end.date = start.date.AddDays(int(d / (24 * time.Hour)))
		} else {
			end.t = start.t.Add(d)
		}
	} else {
		end = start
		if start.allDay {
			end.date = start.date.AddDays(1)
		}
	}

	if start.allDay {
		e.StartDate = start.date
		e.EndDate = start.date
		// DTEND of an all-day event is exclusive; some programs write it
		// equal to DTSTART for a one-day event.
		if end.date != start.date {
			e.EndDate = end.date.AddDays(-1)
		}
		p.days = daysBetween(e.StartDate, e.EndDate)
		return nil
	}
	e.Start = start.t.In(data.Vilnius)
	e.End = end.t.In(data.Vilnius)
	p.length = end.t.Sub(start.t)
	return nil
}

// fieldLine returns the line of the property that holds an event field.
func fieldLine(c *component, field string) int {
	names := map[string]string{
		"title": "SUMMARY", "place": "LOCATION", "description": "DESCRIPTION",
		"audience": propAudience, "online_url": propOnlineURL, "registration_url": "URL",
		"start": "DTSTART", "start_date": "DTSTART", "end": "DTEND", "end_date": "DTEND",
	}
	name, ok := names[field]
	if !ok {
		return 0
	}
	if field == "registration_url" {
		if p, ok := c.first(propRegistrationURL); ok {
			return p.line
		}
	}
	if p, ok := c.first(name); ok {
		return p.line
	}
	return 0
}

// firstWebURL returns the first value that is an http or https URL.
func firstWebURL(values ...string) string {
	for _, v := range values {
		v = strings.TrimSpace(v)
		lower := strings.ToLower(v)
		if strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://") {
			return v
		}
	}
	return ""
}

// when is a DATE or DATE-TIME value.
type when struct {
	allDay bool
	date   data.Date // the value of a DATE
	t      time.Time // the instant of a DATE-TIME, in its zone
}

// key returns the day an occurrence is known by: the date of a DATE, or
// the date in Vilnius of a DATE-TIME.
func (w when) key() data.Date {
	if w.allDay {
		return w.date
	}
	return data.DateOf(w.t.In(data.Vilnius))
}

var (
	dateValue     = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	dateTimeValue = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$`)
)

// parseWhen reads a DATE or DATE-TIME property. A DATE-TIME with a TZID is
// local time in that zone, one ending in Z is UTC, and one with neither
// ("floating") is taken as Vilnius time, where every event lives.
func (imp *importer) parseWhen(p property) (when, *interop.Problem) {
	value := strings.TrimSpace(p.Value)
	bad := &interop.Problem{Line: p.line, Value: value, FieldError: data.FieldError{Code: interop.CodeInvalidTime}}

	if m := dateValue.FindStringSubmatch(value); m != nil {
		d, ok := civilDate(m[1], m[2], m[3])
		if !ok {
			return when{}, bad
		}
		return when{allDay: true, date: d}, nil
	}
	if strings.EqualFold(p.param("VALUE"), "DATE") {
		return when{}, bad
	}
	m := dateTimeValue.FindStringSubmatch(value)
	if m == nil {
		return when{}, bad
	}
	d, ok := civilDate(m[1], m[2], m[3])
	hour, _ := strconv.Atoi(m[4])
	minute, _ := strconv.Atoi(m[5])
	second, _ := strconv.Atoi(m[6])
	if !ok || hour > 23 || minute > 59 || second > 60 {
		return when{}, bad
	}
	if second == 60 {
		second = 59 // a leap second, which Go's time cannot hold
	}

	loc := data.Vilnius
	switch tzid := p.param("TZID"); {
	case m[7] == "Z":
		loc = time.UTC
	case tzid != "":
		loc = imp.zones.resolve(tzid)
		if loc == nil {
			return when{}, &interop.Problem{Line: p.line, Value: tzid, FieldError: data.FieldError{Code: interop.CodeUnknownTZID}}
		}
	}
	t := time.Date(d.Year, d.Month, d.Day, hour, minute, second, 0, loc)
	return when{t: t}, nil
}

// civilDate returns the date of year, month and day digits, and false when
// no such day exists.
func civilDate(year, month, day string) (data.Date, bool) {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	date := data.Date{Year: y, Month: time.Month(m), Day: d}
	if y < 1 || m < 1 || m > 12 || d < 1 || data.DateOf(date.In(time.UTC)) != date {
		return data.Date{}, false
	}
	return date, true
}

var durationValue = regexp.MustCompile(`^([+-]?)P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$`)

// parseDuration reads an RFC 5545 DURATION such as PT1H30M, P1D or P2W.
func parseDuration(s string) (time.Duration, error) {
	m := durationValue.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || s == "P" || strings.HasSuffix(s, "T") {
		return 0, fmt.Errorf("invalid duration %q", s)
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second}
	var total time.Duration
	for i, unit := range units {
		if m[i+2] == "" {
			continue
		}
		n, err := strconv.Atoi(m[i+2])
		if err != nil || n > 100000 {
			return 0, fmt.Errorf("invalid duration %q", s)
		}
		total += time.Duration(n) * unit
	}
	if m[1] == "-" {
		total = -total
	}
	return total, nil
}

// daysBetween returns the number of days from a to b.
func daysBetween(a, b data.Date) int {
	return int(b.In(time.UTC).Sub(a.In(time.UTC)).Hours() / 24)
}
