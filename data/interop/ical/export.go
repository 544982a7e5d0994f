package ical

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"partneryste/data"
)

// UIDDomain is the right-hand side of the UIDs this package writes: an
// event with id X gets the UID "X@partneryste.lt", and importing that UID
// gives back the id X.
const UIDDomain = "partneryste.lt"

// ProductID is the PRODID of exported calendars.
const ProductID = "-//Partneryste//Partneryste//LT"

// Zone is the TZID of timed events in exported calendars.
const Zone = "Europe/Vilnius"

// Extension properties that carry the fields iCalendar has no property
// for, so that an export imported again gives back the same event.
const (
	propType            = "X-PARTNERYSTE-TYPE"
	propAudience        = "X-PARTNERYSTE-AUDIENCE"
	propOnlineURL       = "X-PARTNERYSTE-ONLINE-URL"
	propRegistrationURL = "X-PARTNERYSTE-REGISTRATION-URL"
	propPublic          = "X-PARTNERYSTE-PUBLIC"
)

// Layouts of iCalendar DATE and local DATE-TIME values.
const (
	dateLayout  = "20060102"
	localLayout = "20060102T150405"
	utcLayout   = "20060102T150405Z"
)

// ExportOptions change what Export writes. The zero value is what
// ExportICS uses.
type ExportOptions struct {
	// Name is the calendar's display name (X-WR-CALNAME), or "" for none.
	Name string
	// Now is the DTSTAMP of events that have never been saved; nil means
	// time.Now. Saved events use their Updated time, so that the same
	// events always give the same bytes.
	Now func() time.Time
}

// ExportICS writes events as one iCalendar (RFC 5545) calendar. Timed
// events carry TZID=Europe/Vilnius with a VTIMEZONE block, and all-day
// events are DATE values with an exclusive DTEND. Each event's UID is
// "<id>@partneryste.lt".
func ExportICS(w io.Writer, events []data.Event) error {
	return Export(w, events, ExportOptions{})
}

// Export writes events as ExportICS does, with options.
func Export(w io.Writer, events []data.Event, opts ExportOptions) error {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	cal := ics.NewCalendar()
	cal.CalendarProperties = nil
	cal.SetVersion("2.0")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	if opts.Name != "" {
		cal.SetXWRCalName(cleanText(opts.Name))
	}
	cal.SetXWRTimezone(Zone)
	cal.AddVTimezone(vilniusTimezone())

	for i := range events {
		ev, err := eventComponent(&events[i], opts.Now)
		if err != nil {
			return err
		}
		cal.AddVEvent(ev)
	}
	// The library folds lines at 75 octets and never inside a UTF-8
	// sequence (golang-ical v0.3.4, BaseProperty.SerializeTo); the tests
	// hold it to that. Its default line break is LF, but RFC 5545 requires
	// CRLF.
	if err := cal.SerializeTo(w, ics.WithNewLine("\r\n")); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

// vilniusTimezone returns the VTIMEZONE of Europe/Vilnius since 2003:
// EET (+02) from the last Sunday of October at 04:00 local time, EEST (+03)
// from the last Sunday of March at 03:00 local time.
func vilniusTimezone() *ics.VTimezone {
	tz := ics.NewTimezone(Zone)
	tz.AddProperty(ics.ComponentProperty("X-LIC-LOCATION"), Zone)

	daylight := &ics.Daylight{}
	daylight.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0200")
	daylight.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0300")
	daylight.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "EEST")
	daylight.AddProperty(ics.ComponentPropertyDtStart, "19700329T030000")
	daylight.AddProperty(ics.ComponentPropertyRrule, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")

	standard := ics.NewStandard()
	standard.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0300")
	standard.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0200")
	standard.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "EET")
	standard.AddProperty(ics.ComponentPropertyDtStart, "19701025T040000")
	standard.AddProperty(ics.ComponentPropertyRrule, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")

	tz.Components = append(tz.Components, daylight, standard)
	return tz
}

// eventComponent returns the VEVENT of e.
func eventComponent(e *data.Event, now func() time.Time) (*ics.VEvent, error) {
	if e.ID == "" {
		return nil, fmt.Errorf("export event %q: the event has no id; save it first", e.Title)
	}
	ev := ics.NewEvent(e.ID + "@" + UIDDomain)

	stamp := e.Updated
	if stamp.IsZero() {
		stamp = now()
	}
	ev.SetDtStampTime(stamp)
	if !e.Created.IsZero() {
		ev.SetCreatedTime(e.Created)
	}
	if !e.Updated.IsZero() {
		ev.SetModifiedAt(e.Updated)
	}
	if e.Revision > 0 {
		ev.SetSequence(int(e.Revision))
	}

	if e.AllDay {
		if e.StartDate.IsZero() || e.EndDate.IsZero() {
			return nil, fmt.Errorf("export event %s: an all-day event needs a start and an end date", e.ID)
		}
		ev.SetProperty(ics.ComponentPropertyDtStart, formatDate(e.StartDate), ics.WithValue(string(ics.ValueDataTypeDate)))
		ev.SetProperty(ics.ComponentPropertyDtEnd, formatDate(e.EndDate.AddDays(1)), ics.WithValue(string(ics.ValueDataTypeDate)))
		ev.SetProperty(ics.ComponentProperty(ics.PropertyTransp), "TRANSPARENT")
	} else {
		if e.Start.IsZero() || e.End.IsZero() {
			return nil, fmt.Errorf("export event %s: a timed event needs a start and an end", e.ID)
		}
		ev.SetProperty(ics.ComponentPropertyDtStart, e.Start.In(data.Vilnius).Format(localLayout), ics.WithTZID(Zone))
		ev.SetProperty(ics.ComponentPropertyDtEnd, e.End.In(data.Vilnius).Format(localLayout), ics.WithTZID(Zone))
	}

	ev.SetSummary(cleanText(e.Title))
	if e.Place != "" {
		ev.SetLocation(cleanText(e.Place))
	}
	if e.Description != "" {
		ev.SetDescription(cleanText(e.Description))
	}
	switch {
	case e.RegistrationURL != "":
		ev.SetURL(cleanValue(e.RegistrationURL))
	case e.OnlineURL != "":
		ev.SetURL(cleanValue(e.OnlineURL))
	}
	if e.Public {
		ev.SetClass(ics.ClassificationPublic)
	} else {
		ev.SetClass(ics.ClassificationPrivate)
	}

	ev.SetProperty(ics.ComponentProperty(propType), cleanText(string(e.Type)))
	ev.SetProperty(ics.ComponentProperty(propPublic), strings.ToUpper(strconv.FormatBool(e.Public)))
	if e.Audience != "" {
		ev.SetProperty(ics.ComponentProperty(propAudience), cleanText(e.Audience))
	}
	if e.OnlineURL != "" {
		ev.SetProperty(ics.ComponentProperty(propOnlineURL), cleanText(e.OnlineURL))
	}
	if e.RegistrationURL != "" {
		ev.SetProperty(ics.ComponentProperty(propRegistrationURL), cleanText(e.RegistrationURL))
	}
	return ev, nil
}

func formatDate(d data.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day)
}

// cleanText prepares a TEXT value for the library, which escapes
// backslashes, semicolons, commas and LF but not CR. Line breaks become LF,
// so "a\r\nb" is written as "a\nb", and other control characters, which
// RFC 5545 does not allow in TEXT, are dropped.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// cleanValue prepares a value that is not TEXT, such as a URI, which the
// library writes without escaping: it drops every control character.
func cleanValue(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
