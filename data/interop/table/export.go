package table

import (
	"strconv"
	"strings"

	"partneryste/data"
)

// Date and time layouts of every table.
const (
	DateLayout = data.DateLayout
	TimeLayout = "15:04"
)

func newTable(kind data.Kind, columns []column, name string, tr Translate, personal bool) Table {
	t := Table{Name: tr(name)}
	for _, c := range columns {
		if c.personal && !personal {
			continue
		}
		t.Keys = append(t.Keys, c.key)
		t.Headers = append(t.Headers, tr(headerKey(kind, c.key)))
	}
	return t
}

func yesNo(tr Translate, b bool) string {
	if b {
		return tr("interop.value.yes")
	}
	return tr("interop.value.no")
}

// EventsTable returns the events as a table with headers and labels from
// tr (nil means Lithuanian). A timed event's times are in Europe/Vilnius;
// an all-day event has empty times.
func EventsTable(events []data.Event, tr Translate) Table {
	tr = orLithuanian(tr)
	t := newTable(data.KindEvent, eventColumns, "interop.sheet.events", tr, false)
	for _, e := range events {
		var startDate, startTime, endDate, endTime string
		if e.AllDay {
			startDate, endDate = e.StartDate.String(), e.EndDate.String()
		} else {
			start, end := e.Start.In(data.Vilnius), e.End.In(data.Vilnius)
			startDate, startTime = start.Format(DateLayout), start.Format(TimeLayout)
			endDate, endTime = end.Format(DateLayout), end.Format(TimeLayout)
		}
		t.Rows = append(t.Rows, []string{
			e.ID, e.Title, tr("event.type." + string(e.Type)), yesNo(tr, e.AllDay),
			startDate, startTime, endDate, endTime,
			e.Place, e.OnlineURL, e.RegistrationURL, e.Audience,
			yesNo(tr, e.Public), e.Description,
		})
	}
	return t
}

// ConsultationsTable returns the consultation log as a table. The
// requester's columns, which hold personal data, are present only when
// personal is true.
func ConsultationsTable(consultations []data.Consultation, personal bool, tr Translate) Table {
	tr = orLithuanian(tr)
	t := newTable(data.KindConsultation, consultationColumns, "interop.sheet.consultations", tr, personal)
	for _, c := range consultations {
		row := []string{
			c.ID, c.Date.String(), strconv.Itoa(c.DurationMin),
			tr("consultation.format." + string(c.Format)), c.Topic, c.Category,
		}
		if personal {
			row = append(row, c.Requester.Name, c.Requester.School, c.Requester.Contact)
		}
		row = append(row, c.Question, c.Answer, c.Consultant,
			tr("consultation.status."+string(c.Status)), c.FollowUp.String())
		t.Rows = append(t.Rows, row)
	}
	return t
}

// CasesTable returns the practice case list as a table: the fields a list
// shows and the summary, without the long sections.
func CasesTable(cases []data.PracticeCase, tr Translate) Table {
	tr = orLithuanian(tr)
	t := newTable(data.KindPractice, practiceColumns, "interop.sheet.cases", tr, false)
	for _, c := range cases {
		levels := make([]string, len(c.Levels))
		for i, l := range c.Levels {
			levels[i] = tr("level." + string(l))
		}
		authors := make([]string, len(c.Authors))
		for i, a := range c.Authors {
			authors[i] = a.Name
			if a.School != "" {
				authors[i] += " (" + a.School + ")"
			}
		}
		updated := ""
		if !c.Updated.IsZero() {
			updated = c.Updated.In(data.Vilnius).Format(DateLayout)
		}
		t.Rows = append(t.Rows, []string{
			c.ID, c.Title, c.Subject, strings.Join(levels, ", "), c.Grades,
			strings.Join(c.Keywords, ", "), strings.Join(authors, "; "),
			tr("practice.status." + string(c.Status)), updated, c.Summary,
		})
	}
	return t
}
