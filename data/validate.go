package data

import (
	"log/slog"
	"maps"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Validate checks every field of the event and returns a *ValidationError
// that lists each invalid one, or nil. A timed event needs start and end, an
// all-day event needs start_date and end_date, and the end may equal the
// start but not precede it.
func (e *Event) Validate() error {
	c := newChecker(KindEvent)
	c.text("title", e.Title, true)
	checkEnum(c, "type", e.Type, EventTypes)

	if e.AllDay {
		startOK := c.date("start_date", e.StartDate, true)
		endOK := c.date("end_date", e.EndDate, true)
		if startOK && endOK && e.EndDate.Before(e.StartDate) {
			c.add("end_date", CodeEndBeforeStart, 0)
		}
	} else {
		if e.Start.IsZero() {
			c.add("start", CodeRequired, 0)
		}
		if e.End.IsZero() {
			c.add("end", CodeRequired, 0)
		}
		if !e.Start.IsZero() && !e.End.IsZero() && e.End.Before(e.Start) {
			c.add("end", CodeEndBeforeStart, 0)
		}
	}

	c.text("place", e.Place, false)
	c.url("online_url", e.OnlineURL)
	c.text("description", e.Description, false)
	c.text("audience", e.Audience, false)
	c.url("registration_url", e.RegistrationURL)
	return c.err()
}

// Validate checks every field of the practice case and returns a
// *ValidationError that lists each invalid one, or nil. A case needs a
// title, a subject, a status and at least one author, and every author
// needs a name.
func (p *PracticeCase) Validate() error {
	c := newChecker(KindPractice)
	c.text("title", p.Title, true)

	switch {
	case len(p.Authors) == 0:
		c.add("authors", CodeRequired, 0)
	case len(p.Authors) > MaxAuthors:
		c.add("authors", CodeTooMany, MaxAuthors)
	}
	for i, a := range p.Authors {
		prefix := "authors." + strconv.Itoa(i) + "."
		c.textLimit(prefix+"name", a.Name, true, MaxShort)
		c.textLimit(prefix+"school", a.School, false, MaxShort)
		c.textLimit(prefix+"role", a.Role, false, MaxShort)
	}

	c.text("subject", p.Subject, true)
	c.levels(p.Levels)
	c.text("grades", p.Grades, false)

	if len(p.Keywords) > MaxKeywords {
		c.add("keywords", CodeTooMany, MaxKeywords)
	}
	for i, k := range p.Keywords {
		c.textLimit("keywords."+strconv.Itoa(i), k, true, MaxKeyword)
	}

	for _, s := range p.Sections() {
		c.text(s.Field, *s.Text, false)
	}
	c.text("licence", p.Licence, false)
	checkEnum(c, "status", p.Status, CaseStatuses)

	if p.Review != nil {
		c.review("review", *p.Review)
	}
	for i, r := range p.History {
		c.review("history."+strconv.Itoa(i), r)
	}
	return c.err()
}

// Validate checks every field of the consultation and returns a
// *ValidationError that lists each invalid one, or nil. A consultation
// needs a date, a topic, a format, a status and a duration of 1 to 1440
// minutes. The requester's fields are all optional, but a contact that
// contains "@" must be a plain e-mail address.
func (c *Consultation) Validate() error {
	ch := newChecker(KindConsultation)
	ch.date("date", c.Date, true)

	switch {
	case c.DurationMin == 0:
		ch.add("duration_min", CodeRequired, 0)
	case c.DurationMin < 1 || c.DurationMin > MaxDuration:
		ch.add("duration_min", CodeOutOfRange, MaxDuration)
	}

	checkEnum(ch, "format", c.Format, ConsultationFormats)
	ch.text("topic", c.Topic, true)
	ch.text("category", c.Category, false)
	ch.text("requester.name", c.Requester.Name, false)
	ch.text("requester.school", c.Requester.School, false)
	if ch.text("requester.contact", c.Requester.Contact, false) && strings.Contains(c.Requester.Contact, "@") && !isEmail(c.Requester.Contact) {
		ch.add("requester.contact", CodeInvalidEmail, 0)
	}
	ch.text("question", c.Question, false)
	ch.text("answer", c.Answer, false)
	ch.text("consultant", c.Consultant, false)
	checkEnum(ch, "status", c.Status, ConsultationStatuses)
	ch.date("follow_up", c.FollowUp, false)
	return ch.err()
}

// SearchText returns the event's title, place, description and audience,
// one per line.
func (e *Event) SearchText() string {
	return joinTexts(e.Title, e.Place, e.Description, e.Audience)
}

// SearchText returns the case's title, authors (name, school and role),
// subject, grades, keywords and every long section, one per line.
func (p *PracticeCase) SearchText() string {
	texts := []string{p.Title}
	for _, a := range p.Authors {
		texts = append(texts, a.Name, a.School, a.Role)
	}
	texts = append(texts, p.Subject, p.Grades)
	texts = append(texts, p.Keywords...)
	for _, s := range p.Sections() {
		texts = append(texts, *s.Text)
	}
	return joinTexts(texts...)
}

// SearchText returns the consultation's topic, category, question, answer
// and consultant, one per line. The requester's personal data is left out
// on purpose, so that a search never surfaces it.
func (c *Consultation) SearchText() string {
	return joinTexts(c.Topic, c.Category, c.Question, c.Answer, c.Consultant)
}

// LogValue implements slog.LogValuer. The requester is personal data, so a
// log shows only "[redacted]", or "[empty]" when no field is filled in.
func (r Requester) LogValue() slog.Value {
	if r == (Requester{}) {
		return slog.StringValue("[empty]")
	}
	return slog.StringValue("[redacted]")
}

// LogValue implements slog.LogValuer: a log shows the consultation's id and
// topic only, never the requester, question or answer. The receiver is a
// value so that logging a Consultation value is redacted as well as logging
// a pointer.
func (c Consultation) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID), slog.String("topic", c.Topic))
}

// joinTexts joins the non-empty texts with newlines.
func joinTexts(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(t)
	}
	return b.String()
}

// checker collects the field errors of one record.
type checker struct {
	kind   Kind
	fields []FieldError
}

func newChecker(kind Kind) *checker { return &checker{kind: kind} }

func (c *checker) add(field, code string, limit int) {
	c.fields = append(c.fields, FieldError{Field: field, Code: code, Limit: limit})
}

// err returns the collected errors as a *ValidationError, or nil. The
// explicit nil keeps a nil *ValidationError out of the error interface.
func (c *checker) err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &ValidationError{Kind: c.kind, Index: -1, Fields: c.fields}
}

// text checks a text field against its limit from Limit. It reports
// whether the field is valid.
func (c *checker) text(field, value string, required bool) bool {
	return c.textLimit(field, value, required, Limit(c.kind, field))
}

// textLimit checks that value is UTF-8, is not blank when required, and has
// at most limit runes (0 means no limit). It reports whether the field is
// valid.
func (c *checker) textLimit(field, value string, required bool, limit int) bool {
	switch {
	case !utf8.ValidString(value):
		c.add(field, CodeInvalidUTF8, 0)
	case required && strings.TrimSpace(value) == "":
		c.add(field, CodeRequired, 0)
	case limit > 0 && utf8.RuneCountInString(value) > limit:
		c.add(field, CodeTooLong, limit)
	default:
		return true
	}
	return false
}

// checkEnum checks that a required value is one of allowed.
func checkEnum[T ~string](c *checker, field string, value T, allowed []T) {
	switch {
	case value == "":
		c.add(field, CodeRequired, 0)
	case !slices.Contains(allowed, value):
		c.add(field, CodeInvalidValue, 0)
	}
}

// review checks one coordinator's review at path ("review" or
// "history.3"). A section comment must name one of the case's sections.
func (c *checker) review(path string, r Review) {
	base := strings.TrimRightFunc(path, func(r rune) bool { return r == '.' || (r >= '0' && r <= '9') })
	checkEnum(c, path+".status", r.Status, CaseStatuses)
	c.textLimit(path+".comment", r.Comment, false, Limit(KindPractice, base+".comment"))
	c.textLimit(path+".reviewer", r.Reviewer, false, Limit(KindPractice, base+".reviewer"))

	sections := (&PracticeCase{}).Sections()
	keys := slices.Sorted(maps.Keys(r.SectionComments))
	for _, key := range keys {
		field := path + ".section_comments"
		known := slices.ContainsFunc(sections, func(s Section) bool { return s.Field == key })
		if !known {
			c.add(field, CodeInvalidValue, 0)
			continue
		}
		c.textLimit(field, r.SectionComments[key], false, Limit(KindPractice, base+".section_comments"))
	}
}

// levels checks that every level is known and none is listed twice.
func (c *checker) levels(levels []EducationLevel) {
	seen := make(map[EducationLevel]bool, len(levels))
	for i, l := range levels {
		field := "levels." + strconv.Itoa(i)
		if !slices.Contains(EducationLevels, l) || seen[l] {
			c.add(field, CodeInvalidValue, 0)
		}
		seen[l] = true
	}
}

// date checks that d is set when required and is a real calendar day (a
// Date built in code can hold 2026-02-30). It reports whether d is set and
// valid.
func (c *checker) date(field string, d Date, required bool) bool {
	switch {
	case d.IsZero():
		if required {
			c.add(field, CodeRequired, 0)
		}
		return false
	case d.Year < 1 || d.Year > 9999 || DateOf(d.In(Vilnius)) != d:
		c.add(field, CodeInvalidDate, 0)
		return false
	}
	return true
}

// url checks an optional web address: an absolute http or https URL with a
// host, within MaxURL runes.
func (c *checker) url(field, value string) {
	if !c.text(field, value, false) || value == "" {
		return
	}
	if !isWebURL(value) {
		c.add(field, CodeInvalidURL, 0)
	}
}

func isWebURL(s string) bool {
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	return (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != ""
}

// isEmail reports whether s is a bare e-mail address, without a display
// name or angle brackets.
func isEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil {
		return false
	}
	return addr.Name == "" && addr.Address == s
}
