package data

import (
	"time"
)

// Kind names a record type. It is also the bbolt bucket name and the
// "kind" of an outbox entry, so the values never change.
type Kind string

// The record kinds an association keeps.
const (
	KindEvent        Kind = "event"
	KindPractice     Kind = "practice"
	KindConsultation Kind = "consultation"
)

// Kinds lists every record kind in a fixed order.
var Kinds = []Kind{KindEvent, KindPractice, KindConsultation}

// Meta is the bookkeeping every record carries. The store owns it: Save
// assigns ID, Association, Revision, Created and Updated, and callers only
// read them.
type Meta struct {
	ID          string    `json:"id"`
	Association string    `json:"association"`
	Revision    int64     `json:"revision"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
	// Deleted marks a tombstone: the record stays in the file, hidden from
	// lists, until the coordinator's server has acknowledged the delete.
	Deleted bool `json:"deleted,omitempty"`
}

// Header returns the record's bookkeeping so that generic code can reach it.
func (m *Meta) Header() *Meta { return m }

// Record is implemented by *Event, *PracticeCase and *Consultation.
type Record interface {
	// RecordKind returns the record type.
	RecordKind() Kind
	// Header returns the record's bookkeeping fields.
	Header() *Meta
	// Validate returns a *ValidationError listing every invalid field, or nil.
	Validate() error
	// SearchText returns the texts that search looks in, joined by newlines.
	SearchText() string
}

// EventType is the kind of an event (renginio tipas).
type EventType string

// Event types.
const (
	EventSeminar    EventType = "seminar"    // seminaras
	EventConference EventType = "conference" // konferencija
	EventCourse     EventType = "course"     // kursai
	EventMeeting    EventType = "meeting"    // susirinkimas
	EventOther      EventType = "other"      // kita
)

// EventTypes lists every event type in display order.
var EventTypes = []EventType{EventSeminar, EventConference, EventCourse, EventMeeting, EventOther}

// Event is an entry in the association's activity calendar (renginys).
//
// A timed event has Start and End as instants (stored in UTC, shown in
// Europe/Vilnius). An all-day event has StartDate and EndDate instead, both
// inclusive, so that it never moves a day whatever the time zone.
type Event struct {
	Meta
	Title           string    `json:"title"`
	Type            EventType `json:"type"`
	AllDay          bool      `json:"all_day"`
	Start           time.Time `json:"start,omitzero"`
	End             time.Time `json:"end,omitzero"`
	StartDate       Date      `json:"start_date,omitzero"`
	EndDate         Date      `json:"end_date,omitzero"`
	Place           string    `json:"place"`
	OnlineURL       string    `json:"online_url"`
	Description     string    `json:"description"`
	Audience        string    `json:"audience"`
	RegistrationURL string    `json:"registration_url"`
	Public          bool      `json:"public"`
}

// RecordKind returns KindEvent.
func (*Event) RecordKind() Kind { return KindEvent }

// FirstDay returns the civil date in Europe/Vilnius on which the event starts.
func (e *Event) FirstDay() Date {
	if e.AllDay {
		return e.StartDate
	}
	return DateOf(e.Start.In(Vilnius))
}

// LastDay returns the civil date in Europe/Vilnius on which the event ends.
// A timed event that ends at midnight ends on the day before.
func (e *Event) LastDay() Date {
	if e.AllDay {
		return e.EndDate
	}
	end := e.End.In(Vilnius)
	if end.After(e.Start) && end.Hour() == 0 && end.Minute() == 0 && end.Second() == 0 {
		end = end.Add(-time.Nanosecond)
	}
	return DateOf(end)
}

// EducationLevel is a level of education (ugdymo lygmuo).
type EducationLevel string

// Education levels.
const (
	LevelPreschool  EducationLevel = "preschool"  // ikimokyklinis
	LevelPrimary    EducationLevel = "primary"    // pradinis
	LevelBasic      EducationLevel = "basic"      // pagrindinis
	LevelSecondary  EducationLevel = "secondary"  // vidurinis
	LevelVocational EducationLevel = "vocational" // profesinis
)

// EducationLevels lists every level in display order.
var EducationLevels = []EducationLevel{LevelPreschool, LevelPrimary, LevelBasic, LevelSecondary, LevelVocational}

// CaseStatus is the stage of a practice case in its review workflow.
type CaseStatus string

// Practice case statuses.
const (
	CaseDraft     CaseStatus = "draft"     // juodraštis
	CaseReady     CaseStatus = "ready"     // parengta pateikti
	CaseSubmitted CaseStatus = "submitted" // pateikta
	CaseReturned  CaseStatus = "returned"  // grąžinta taisyti
	CaseApproved  CaseStatus = "approved"  // patvirtinta
	CasePublished CaseStatus = "published" // paskelbta
)

// CaseStatuses lists every status in workflow order.
var CaseStatuses = []CaseStatus{CaseDraft, CaseReady, CaseSubmitted, CaseReturned, CaseApproved, CasePublished}

// Author is one author of a practice case.
type Author struct {
	Name   string `json:"name"`
	School string `json:"school"`
	Role   string `json:"role"`
}

// PracticeCase is a good-practice case description (gerosios patirties
// aprašas). The long sections hold several thousand characters each.
type PracticeCase struct {
	Meta
	Title           string           `json:"title"`
	Authors         []Author         `json:"authors"`
	Subject         string           `json:"subject"`
	Levels          []EducationLevel `json:"levels"`
	Grades          string           `json:"grades"`
	Keywords        []string         `json:"keywords"`
	Summary         string           `json:"summary"`
	Goals           string           `json:"goals"`
	Activities      string           `json:"activities"`
	Methods         string           `json:"methods"`
	Results         string           `json:"results"`
	Recommendations string           `json:"recommendations"`
	References      string           `json:"references"`
	Licence         string           `json:"licence"`
	Status          CaseStatus       `json:"status"`
	// Review is the coordinator's latest review, or nil before the first.
	// Only the coordinator's server sets it; an association's edits keep
	// the stored value.
	Review *Review `json:"review,omitempty"`
	// History holds the earlier reviews, oldest first.
	History []Review `json:"history,omitempty"`
}

// Review is the coordinator's decision on a practice case: the status it
// set, a general comment and comments on single sections.
type Review struct {
	Status  CaseStatus `json:"status"`
	Comment string     `json:"comment,omitempty"`
	// SectionComments maps a section's JSON name (see Sections) to the
	// comment on that section.
	SectionComments map[string]string `json:"section_comments,omitempty"`
	// Reviewer is the display name of the coordinator's token that wrote
	// the review, or the token's id for a token issued without a name.
	Reviewer string    `json:"reviewer"`
	At       time.Time `json:"at"`
}

// RecordKind returns KindPractice.
func (*PracticeCase) RecordKind() Kind { return KindPractice }

// Section is one long text section of a practice case.
type Section struct {
	// Field is the JSON name of the section, also used as the translation
	// key "field.practice.<Field>".
	Field string
	Text  *string
}

// Sections returns the long text sections in the order a reader meets them.
func (c *PracticeCase) Sections() []Section {
	return []Section{
		{"summary", &c.Summary},
		{"goals", &c.Goals},
		{"activities", &c.Activities},
		{"methods", &c.Methods},
		{"results", &c.Results},
		{"recommendations", &c.Recommendations},
		{"references", &c.References},
	}
}

// ConsultationFormat is the channel through which a consultation was given.
type ConsultationFormat string

// Consultation formats.
const (
	FormatInPerson ConsultationFormat = "in_person" // gyvai
	FormatPhone    ConsultationFormat = "phone"     // telefonu
	FormatRemote   ConsultationFormat = "remote"    // nuotoliu
	FormatEmail    ConsultationFormat = "email"     // el. paštu
)

// ConsultationFormats lists every format in display order.
var ConsultationFormats = []ConsultationFormat{FormatInPerson, FormatPhone, FormatRemote, FormatEmail}

// ConsultationStatus is the stage of a consultation.
type ConsultationStatus string

// Consultation statuses.
const (
	ConsultationNew        ConsultationStatus = "new"         // nauja
	ConsultationInProgress ConsultationStatus = "in_progress" // vykdoma
	ConsultationAnswered   ConsultationStatus = "answered"    // atsakyta
	ConsultationClosed     ConsultationStatus = "closed"      // uždaryta
)

// ConsultationStatuses lists every status in workflow order.
var ConsultationStatuses = []ConsultationStatus{ConsultationNew, ConsultationInProgress, ConsultationAnswered, ConsultationClosed}

// Requester is the person who asked for a consultation. It is personal data
// under the GDPR: every field is optional, it stays on the association's
// machine, and logs show it redacted.
type Requester struct {
	Name    string `json:"name"`
	School  string `json:"school"`
	Contact string `json:"contact"`
}

// Consultation is an entry in the consultation log (konsultacija).
type Consultation struct {
	Meta
	Date        Date               `json:"date"`
	DurationMin int                `json:"duration_min"`
	Format      ConsultationFormat `json:"format"`
	Topic       string             `json:"topic"`
	Category    string             `json:"category"`
	Requester   Requester          `json:"requester"`
	Question    string             `json:"question"`
	Answer      string             `json:"answer"`
	Consultant  string             `json:"consultant"`
	Status      ConsultationStatus `json:"status"`
	FollowUp    Date               `json:"follow_up,omitzero"`
}

// RecordKind returns KindConsultation.
func (*Consultation) RecordKind() Kind { return KindConsultation }
