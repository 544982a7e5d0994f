package table

import (
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"partneryste/data"
	"partneryste/data/interop"
)

// ImportEventsCSV reads events from a CSV file: UTF-8 (with or without a
// byte-order mark) or Windows-1257, with semicolons, commas or tabs between
// fields, and a header row that names the columns by machine key or by
// Lithuanian or English header, in any order.
//
// It returns the events of the good rows, the problems of the bad rows
// (each with its row, and for CSV its file line), and an
// *interop.FileError when the file cannot be read at all. A header row
// with an unknown, duplicate or missing column is such an error, with
// code interop.CodeBadHeader, because skipping rows cannot fix it. The
// caller should save the events only when there are no problems, or when
// the user chose to skip the bad rows. A row with an id keeps it, so it
// updates the stored event with that id. A row without one gets an id
// derived from its title and start (see ContentID), so that importing the
// same rows again updates them instead of adding copies.
func ImportEventsCSV(r io.Reader) ([]data.Event, []interop.Problem, error) {
	s, err := readCSV(r)
	if err != nil {
		return nil, nil, err
	}
	return importEvents(s)
}

// ImportEventsXLSX reads events from the first sheet of an XLSX workbook,
// as ImportEventsCSV does. Dates and times may be text (yyyy-mm-dd, HH:MM)
// or Excel dates and times.
func ImportEventsXLSX(r io.Reader) ([]data.Event, []interop.Problem, error) {
	s, err := readXLSX(r)
	if err != nil {
		return nil, nil, err
	}
	return importEvents(s)
}

// ImportConsultationsCSV reads consultations from a CSV file, as
// ImportEventsCSV reads events. The requester's columns are optional. A
// row without an id gets one derived from its date, topic and consultant.
func ImportConsultationsCSV(r io.Reader) ([]data.Consultation, []interop.Problem, error) {
	s, err := readCSV(r)
	if err != nil {
		return nil, nil, err
	}
	return importConsultations(s)
}

// ImportConsultationsXLSX reads consultations from the first sheet of an
// XLSX workbook, as ImportConsultationsCSV does.
func ImportConsultationsXLSX(r io.Reader) ([]data.Consultation, []interop.Problem, error) {
	s, err := readXLSX(r)
	if err != nil {
		return nil, nil, err
	}
	return importConsultations(s)
}

// columnMap is the position of each known column in a file.
type columnMap struct {
	index   map[string]int
	headers []string
}

// fieldKey returns the catalog key of the editor's label for a column's
// field, such as "field.event.type" (Renginio tipas), or "" for a column
// that the editor shows under another name. The labels are accepted as
// headers, because people type them from the editor.
func fieldKey(kind data.Kind, key string) string {
	switch key {
	case "start_time", "end_time":
		// The editor's "Pradžia" and "Pabaiga" hold a date and a time, so
		// they would be ambiguous as a time column.
		return ""
	case "requester_name", "requester_school", "requester_contact":
		return "field." + string(kind) + ".requester." + strings.TrimPrefix(key, "requester_")
	}
	return "field." + string(kind) + "." + key
}

// mapColumns matches the header row to the columns of kind. Headers match
// by machine key, by the Lithuanian or English header that exports write,
// or by the editor's field label in either language, ignoring case and
// diacritics. It returns an *interop.FileError listing every unknown,
// duplicate or missing column, and the accepted columns.
func mapColumns(kind data.Kind, columns []column, headers []string) (columnMap, error) {
	names := map[string]string{}
	for _, c := range columns {
		names[matchKey(c.key)] = c.key
		for _, l := range languages {
			if label, ok := catalog(l)[fieldKey(kind, c.key)]; ok {
				names[matchKey(label)] = c.key
			}
		}
	}
	// Export headers come last, so they win where a field label of one
	// column equals the header of another.
	for _, c := range columns {
		for _, l := range languages {
			if h, ok := catalog(l)[headerKey(kind, c.key)]; ok {
				names[matchKey(h)] = c.key
			}
		}
	}

	m := columnMap{index: map[string]int{}, headers: headers}
	var problems []interop.Problem
	for i, h := range headers {
		if strings.TrimSpace(h) == "" {
			continue
		}
		key, ok := names[matchKey(h)]
		switch {
		case !ok:
			problems = append(problems, interop.Problem{Row: 1, Line: 1, Column: h, FieldError: data.FieldError{Code: interop.CodeUnknownColumn}})
		case hasKey(m.index, key):
			problems = append(problems, interop.Problem{Row: 1, Line: 1, Column: h, FieldError: data.FieldError{Code: interop.CodeDuplicateColumn}})
		default:
			m.index[key] = i
		}
	}
	for _, c := range columns {
		if c.required && !hasKey(m.index, c.key) {
			problems = append(problems, interop.Problem{
				Row: 1, Line: 1, Column: Lithuanian(headerKey(kind, c.key)),
				FieldError: data.FieldError{Field: c.key, Code: interop.CodeMissingColumn},
			})
		}
	}
	if len(problems) > 0 {
		keys := make([]string, len(columns))
		for i, c := range columns {
			keys[i] = c.key
		}
		return m, &interop.FileError{Line: 1, Code: interop.CodeBadHeader, Problems: problems, Columns: keys}
	}
	return m, nil
}

func hasKey(m map[string]int, key string) bool {
	_, ok := m[key]
	return ok
}

// rowReader reads the fields of one row and collects its problems.
type rowReader struct {
	cols     columnMap
	row      []string
	base     interop.Problem
	problems []interop.Problem
}

// text returns a column's value exactly as it is, or "" when the column
// is absent.
func (r *rowReader) text(key string) string {
	i, ok := r.cols.index[key]
	if !ok || i >= len(r.row) {
		return ""
	}
	return r.row[i]
}

// value returns a column's value without surrounding spaces.
func (r *rowReader) value(key string) string { return strings.TrimSpace(r.text(key)) }

func (r *rowReader) fail(key, field, code string) {
	p := r.base
	p.Field = field
	p.Code = code
	p.Value = r.value(key)
	if i, ok := r.cols.index[key]; ok {
		p.Column = r.cols.headers[i]
	}
	r.problems = append(r.problems, p)
}

// checkWidth reports a row whose number of fields differs from the
// header's, such as a comma-separated row in a semicolon file, and returns
// false for it, because its fields are in the wrong columns. A row may
// have empty fields past the header, and, unless fullRows is true, may
// end before the header does.
func (r *rowReader) checkWidth(fullRows bool) bool {
	width := len(r.cols.headers)
	used := len(r.row)
	for used > width && strings.TrimSpace(r.row[used-1]) == "" {
		used--
	}
	if used <= width && (used == width || !fullRows) {
		return true
	}
	p := r.base
	p.Fields = len(r.row)
	p.Limit = width
	p.Code = interop.CodeFieldCount
	r.problems = append(r.problems, p)
	return false
}

// validate adds the record's validation errors as problems, each in the
// column of its field when the file has that column.
func (r *rowReader) validate(rec data.Record, fieldColumns map[string]string) {
	for _, p := range interop.ProblemsFromValidation(rec.Validate(), r.base) {
		if key, ok := fieldColumns[p.Field]; ok {
			if i, ok := r.cols.index[key]; ok {
				p.Column = r.cols.headers[i]
			}
		}
		r.problems = append(r.problems, p)
	}
}

func newRowReader(s *sheet, cols columnMap, i int, name string) *rowReader {
	return &rowReader{
		cols: cols,
		row:  s.rows[i],
		base: interop.Problem{Row: s.numbers[i], Line: s.lines[i], Record: name},
	}
}

func importEvents(s *sheet) ([]data.Event, []interop.Problem, error) {
	cols, err := mapColumns(data.KindEvent, eventColumns, s.headers)
	if err != nil {
		return nil, nil, err
	}
	var problems []interop.Problem
	fieldColumns := map[string]string{
		"title": "title", "type": "type", "start": "start_time", "end": "end_time",
		"start_date": "start_date", "end_date": "end_date", "place": "place",
		"online_url": "online_url", "registration_url": "registration_url",
		"audience": "audience", "description": "description",
	}

	var events []data.Event
	for i := range s.rows {
		title := (&rowReader{cols: cols, row: s.rows[i]}).text("title")
		r := newRowReader(s, cols, i, interop.EventName(title, ""))
		if !r.checkWidth(s.fullRows) {
			problems = append(problems, r.problems...)
			continue
		}
		e, ok := r.event()
		if ok {
			r.validate(&e, fieldColumns)
		}
		if len(r.problems) > 0 {
			problems = append(problems, r.problems...)
			continue
		}
		events = append(events, e)
	}
	assignContentIDs(events, func(e *data.Event) (*string, []string) { return &e.ID, eventKey(e) })
	return events, problems, nil
}

// event reads one event row. It reports false when a field does not parse.
func (r *rowReader) event() (data.Event, bool) {
	before := len(r.problems)
	e := data.Event{
		Title:           r.text("title"),
		Type:            data.EventOther,
		Place:           r.text("place"),
		OnlineURL:       r.value("online_url"),
		RegistrationURL: r.value("registration_url"),
		Audience:        r.text("audience"),
		Description:     normalizeBreaks(r.text("description")),
	}
	if id := r.value("id"); id != "" {
		e.ID = interop.IDFromKey(id)
	}
	if v := r.value("type"); v != "" {
		t, ok := parseEnum(v, "event.type.", data.EventTypes)
		if !ok {
			r.fail("type", "type", data.CodeInvalidValue)
		}
		e.Type = t
	}
	public, ok := parseBool(r.value("public"))
	if !ok {
		r.fail("public", "public", data.CodeInvalidValue)
	}
	e.Public = public

	startDate, okStart := r.date("start_date", "start_date")
	endDate, okEnd := r.date("end_date", "end_date")
	startTime, hasStart, okStartTime := r.clock("start_time", "start")
	endTime, hasEnd, okEndTime := r.clock("end_time", "end")
	if !okStart || !okEnd || !okStartTime || !okEndTime {
		return e, false
	}
	if endDate.IsZero() {
		endDate = startDate
	}

	allDay := !hasStart
	if v := r.value("all_day"); v != "" {
		b, ok := parseBool(v)
		if !ok {
			r.fail("all_day", "all_day", data.CodeInvalidValue)
		}
		allDay = b
	}
	e.AllDay = allDay
	if allDay {
		e.StartDate, e.EndDate = startDate, endDate
	} else if !startDate.IsZero() {
		if !hasEnd {
			endTime = startTime
		}
		e.Start = atClock(startDate, startTime)
		e.End = atClock(endDate, endTime)
	}
	return e, len(r.problems) == before
}

// eventKey returns the content key of an event row without an id: the
// title and the start, as a date for an all-day event and a Vilnius
// wall-clock time otherwise.
func eventKey(e *data.Event) []string {
	start := e.StartDate.String()
	if !e.AllDay {
		start = e.Start.In(data.Vilnius).Format("2006-01-02T15:04")
	}
	return []string{"event", normalizeKey(e.Title), start}
}

// consultationKey returns the content key of a consultation row without
// an id: the date, the topic and the consultant.
func consultationKey(c *data.Consultation) []string {
	return []string{"consultation", c.Date.String(), normalizeKey(c.Topic), normalizeKey(c.Consultant)}
}

// normalizeKey trims a text and collapses its runs of white space, so
// that a space added at the end of a cell does not make a new record.
func normalizeKey(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// assignContentIDs gives every record without an id one derived from its
// content key. Rows of one file with the same key are numbered in file
// order (the second gets the key and "2"), so each keeps its own record
// and a re-import of the same file maps each row to the same id.
func assignContentIDs[T any](records []T, key func(*T) (*string, []string)) {
	seen := map[string]int{}
	for i := range records {
		id, parts := key(&records[i])
		if *id != "" {
			continue
		}
		joined := strings.Join(parts, "|")
		seen[joined]++
		if n := seen[joined]; n > 1 {
			parts = append(parts, strconv.Itoa(n))
		}
		*id = interop.ContentID(parts...)
	}
}

// atClock returns the instant of a wall-clock time on a date in Vilnius.
func atClock(d data.Date, clock time.Duration) time.Time {
	minutes := int(clock / time.Minute)
	return time.Date(d.Year, d.Month, d.Day, minutes/60, minutes%60, 0, 0, data.Vilnius)
}

func importConsultations(s *sheet) ([]data.Consultation, []interop.Problem, error) {
	cols, err := mapColumns(data.KindConsultation, consultationColumns, s.headers)
	if err != nil {
		return nil, nil, err
	}
	var problems []interop.Problem
	fieldColumns := map[string]string{
		"date": "date", "duration_min": "duration_min", "format": "format", "topic": "topic",
		"category": "category", "requester.name": "requester_name", "requester.school": "requester_school",
		"requester.contact": "requester_contact", "question": "question", "answer": "answer",
		"consultant": "consultant", "status": "status", "follow_up": "follow_up",
	}

	var consultations []data.Consultation
	for i := range s.rows {
		topic := (&rowReader{cols: cols, row: s.rows[i]}).text("topic")
		r := newRowReader(s, cols, i, interop.EventName(topic, ""))
		if !r.checkWidth(s.fullRows) {
			problems = append(problems, r.problems...)
			continue
		}
		c, ok := r.consultation()
		if ok {
			r.validate(&c, fieldColumns)
		}
		if len(r.problems) > 0 {
			problems = append(problems, r.problems...)
			continue
		}
		consultations = append(consultations, c)
	}
	assignContentIDs(consultations, func(c *data.Consultation) (*string, []string) { return &c.ID, consultationKey(c) })
	return consultations, problems, nil
}

// consultation reads one consultation row. It reports false when a field
// does not parse.
func (r *rowReader) consultation() (data.Consultation, bool) {
	before := len(r.problems)
	c := data.Consultation{
		Topic:    r.text("topic"),
		Category: r.text("category"),
		Requester: data.Requester{
			Name:    r.value("requester_name"),
			School:  r.value("requester_school"),
			Contact: r.value("requester_contact"),
		},
		Question:   normalizeBreaks(r.text("question")),
		Answer:     normalizeBreaks(r.text("answer")),
		Consultant: r.text("consultant"),
		Status:     data.ConsultationNew,
	}
	if id := r.value("id"); id != "" {
		c.ID = interop.IDFromKey(id)
	}
	c.Date, _ = r.date("date", "date")
	c.FollowUp, _ = r.date("follow_up", "follow_up")

	if v := r.value("duration_min"); v != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e6 {
			r.fail("duration_min", "duration_min", data.CodeInvalidValue)
		}
		c.DurationMin = int(f)
	}
	if v := r.value("format"); v != "" {
		f, ok := parseEnum(v, "consultation.format.", data.ConsultationFormats)
		if !ok {
			r.fail("format", "format", data.CodeInvalidValue)
		}
		c.Format = f
	}
	if v := r.value("status"); v != "" {
		s, ok := parseEnum(v, "consultation.status.", data.ConsultationStatuses)
		if !ok {
			r.fail("status", "status", data.CodeInvalidValue)
		}
		c.Status = s
	}
	return c, len(r.problems) == before
}

// date reads a date column: yyyy-mm-dd, or an Excel date serial number.
// An empty column gives the zero Date.
func (r *rowReader) date(key, field string) (data.Date, bool) {
	v := r.value(key)
	if v == "" {
		return data.Date{}, true
	}
	if d, err := data.ParseDate(v); err == nil {
		return d, true
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1 && f < 2958466 {
		if t, err := excelize.ExcelDateToTime(math.Floor(f), false); err == nil {
			return data.DateOf(t), true
		}
	}
	r.fail(key, field, data.CodeInvalidDate)
	return data.Date{}, false
}

var clockValue = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2}))?$`)

// clock reads a time column: HH:MM, HH:MM:SS, or an Excel time (a
// fraction of a day). It returns the time since midnight, whether the
// column had a value, and whether it parsed.
func (r *rowReader) clock(key, field string) (time.Duration, bool, bool) {
	v := r.value(key)
	if v == "" {
		return 0, false, true
	}
	if m := clockValue.FindStringSubmatch(v); m != nil {
		h, _ := strconv.Atoi(m[1])
		mins, _ := strconv.Atoi(m[2])
		if h < 24 && mins < 60 {
			return time.Duration(h)*time.Hour + time.Duration(mins)*time.Minute, true, true
		}
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 {
		_, frac := math.Modf(f)
		minutes := int(math.Round(frac * 24 * 60))
		if minutes < 24*60 {
			return time.Duration(minutes) * time.Minute, true, true
		}
	}
	r.fail(key, field, interop.CodeInvalidTime)
	return 0, true, false
}

// parseEnum matches a value by its machine name or its Lithuanian or
// English label, ignoring case and diacritics.
func parseEnum[T ~string](value, prefix string, allowed []T) (T, bool) {
	want := matchKey(value)
	for _, v := range allowed {
		if matchKey(string(v)) == want {
			return v, true
		}
		for _, l := range languages {
			if label, ok := catalog(l)[prefix+string(v)]; ok && matchKey(label) == want {
				return v, true
			}
		}
	}
	return "", false
}

// parseBool reads yes or no in Lithuanian or English, or as 1/0, true/false
// or x. An empty value is no.
func parseBool(v string) (bool, bool) {
	folded := matchKey(v)
	for _, l := range languages {
		if folded == matchKey(catalog(l)["interop.value.yes"]) {
			return true, true
		}
		if folded == matchKey(catalog(l)["interop.value.no"]) {
			return false, true
		}
	}
	switch folded {
	case "taip", "yes", "y", "true", "1", "x", "+":
		return true, true
	case "", "ne", "no", "n", "false", "0", "-":
		return false, true
	}
	return false, false
}

// normalizeBreaks turns CRLF line breaks, which Excel writes inside
// cells, into LF as the program stores them.
func normalizeBreaks(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}
