package jsonio

import (
	"fmt"
	"strings"
	"time"

	"partneryste/data"
)

// Format is the value of the "format" field that marks a Partnerystė file.
const Format = "partneryste"

// Version is the file format version this package writes and reads.
const Version = 1

// MaxFileMiB is the largest file Decode reads, in MiB. A few thousand full
// practice cases fit well below it.
const MaxFileMiB = 256

// Section names are the JSON names of the record lists in a file.
const (
	SectionEvents        = "events"
	SectionPracticeCases = "practice_cases"
	SectionConsultations = "consultations"
)

// CodeDuplicateID marks a record whose id another record of the same kind
// in the file already has. It is translated as "error.duplicate_id".
const CodeDuplicateID = "duplicate_id"

// CodeUnsupportedVersion marks a file whose "version" is not Version. It
// is translated as "error.unsupported_version".
const CodeUnsupportedVersion = "unsupported_version"

// CodeNotPartneryste marks a JSON file that is not a Partnerystė file: its
// "format" is missing or wrong, or it is not a JSON object. It is translated
// as "error.not_partneryste".
const CodeNotPartneryste = "not_partneryste"

// File is the content of an import or export file.
type File struct {
	Format   string       `json:"format"`
	Version  int          `json:"version"`
	Exported time.Time    `json:"exported"`
	Profile  data.Profile `json:"profile"`

	Events        []data.Event        `json:"events"`
	PracticeCases []data.PracticeCase `json:"practice_cases"`
	Consultations []data.Consultation `json:"consultations"`
}

// Records returns pointers to every record of the file in file order:
// events, then practice cases, then consultations.
func (f *File) Records() []data.Record {
	records := make([]data.Record, 0, len(f.Events)+len(f.PracticeCases)+len(f.Consultations))
	for i := range f.Events {
		records = append(records, &f.Events[i])
	}
	for i := range f.PracticeCases {
		records = append(records, &f.PracticeCases[i])
	}
	for i := range f.Consultations {
		records = append(records, &f.Consultations[i])
	}
	return records
}

// SectionOf returns the section name that holds records of kind.
func SectionOf(kind data.Kind) string {
	switch kind {
	case data.KindEvent:
		return SectionEvents
	case data.KindPractice:
		return SectionPracticeCases
	case data.KindConsultation:
		return SectionConsultations
	}
	return ""
}

// Problem is one thing wrong with an import file.
type Problem struct {
	// Section is "events", "practice_cases" or "consultations" for a
	// problem in a record, or "" for the file as a whole.
	Section string
	// Index is the record's position in its section, counted from 0, or -1
	// for a problem of the file as a whole.
	Index int
	// ID is the record's id when the file gives one.
	ID string
	// FieldError holds the field's JSON path inside the record (or inside
	// the file for file problems), the code and the line. Field is "" when
	// the problem is not about one field.
	data.FieldError
	// Column is the column of a syntax error (CodeInvalidJSON) and 0
	// otherwise.
	Column int
}

// Kind returns the record kind of the problem's section, or "" for a
// problem of the file as a whole.
func (p Problem) Kind() data.Kind {
	switch p.Section {
	case SectionEvents:
		return data.KindEvent
	case SectionPracticeCases:
		return data.KindPractice
	case SectionConsultations:
		return data.KindConsultation
	}
	return ""
}

func (p Problem) String() string {
	var b strings.Builder
	switch {
	case p.Line > 0 && p.Column > 0:
		fmt.Fprintf(&b, "line %d, column %d: ", p.Line, p.Column)
	case p.Line > 0:
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Section != "" {
		fmt.Fprintf(&b, "%s[%d] ", p.Section, p.Index)
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Code)
	if p.Limit > 0 {
		fmt.Fprintf(&b, " (limit %d)", p.Limit)
	}
	return b.String()
}

// ImportError lists every problem found in an import file, sorted by line.
// A file with an ImportError is never written to the store.
type ImportError struct {
	Problems []Problem
}

func (e *ImportError) Error() string {
	const shown = 5
	parts := make([]string, 0, shown)
	for i, p := range e.Problems {
		if i == shown {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Problems)-shown))
			break
		}
		parts = append(parts, p.String())
	}
	return fmt.Sprintf("invalid import file: %s", strings.Join(parts, "; "))
}
