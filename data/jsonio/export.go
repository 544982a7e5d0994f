package jsonio

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"partneryste/data"
)

// ExportOptions control Export.
type ExportOptions struct {
	// IncludePersonal keeps the consultation requesters' names, schools and
	// contacts. Without it the requester fields are written empty, so that
	// a file sent to someone else carries no personal data.
	IncludePersonal bool
	// Now is the time written as "exported"; zero means the current time.
	Now time.Time
}

// Export writes every live record of s as an import file with two-space
// indentation. Tombstones are left out. Records come in a fixed order
// (events by start, practice cases by title in Lithuanian collation,
// consultations by date, ties broken by id), so that exporting the same
// data twice gives the same bytes apart from "exported".
func Export(w io.Writer, s data.Store, opts ExportOptions) error {
	f, err := Collect(s, opts)
	if err != nil {
		return err
	}
	return Write(w, f)
}

// Collect reads every live record of s into a File as Export writes it.
func Collect(s data.Store, opts ExportOptions) (*File, error) {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	profile, err := s.Profile()
	if err != nil {
		return nil, fmt.Errorf("export: read profile: %w", err)
	}
	f := &File{Format: Format, Version: Version, Exported: now.UTC().Truncate(time.Second), Profile: profile}

	if f.Events, err = s.Events(data.EventFilter{}); err != nil {
		return nil, fmt.Errorf("export: list events: %w", err)
	}
	slices.SortStableFunc(f.Events, func(a, b data.Event) int {
		return cmp.Or(compareEventStart(&a, &b), cmp.Compare(a.ID, b.ID))
	})

	summaries, err := s.PracticeCases(data.CaseFilter{})
	if err != nil {
		return nil, fmt.Errorf("export: list practice cases: %w", err)
	}
	f.PracticeCases = make([]data.PracticeCase, 0, len(summaries))
	for _, sum := range summaries {
		c, err := s.PracticeCase(sum.ID)
		if err != nil {
			return nil, fmt.Errorf("export: read practice case %s: %w", sum.ID, err)
		}
		f.PracticeCases = append(f.PracticeCases, c)
	}
	slices.SortStableFunc(f.PracticeCases, func(a, b data.PracticeCase) int {
		return cmp.Or(data.CompareLT(a.Title, b.Title), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})

	if f.Consultations, err = s.Consultations(data.ConsultationFilter{}); err != nil {
		return nil, fmt.Errorf("export: list consultations: %w", err)
	}
	slices.SortStableFunc(f.Consultations, func(a, b data.Consultation) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	if !opts.IncludePersonal {
		for i := range f.Consultations {
			f.Consultations[i].Requester = data.Requester{}
		}
	}

	// Empty lists are written as [] rather than null.
	if f.Events == nil {
		f.Events = []data.Event{}
	}
	if f.Consultations == nil {
		f.Consultations = []data.Consultation{}
	}
	return f, nil
}

// compareEventStart orders events by the instant they start; an all-day
// event starts at midnight in Europe/Vilnius.
func compareEventStart(a, b *data.Event) int {
	return eventStart(a).Compare(eventStart(b))
}

func eventStart(e *data.Event) time.Time {
	if e.AllDay {
		return e.StartDate.In(data.Vilnius)
	}
	return e.Start
}

// Write writes f as JSON with two-space indentation and a final newline.
// Characters such as "<" and "&" are written as they are, not escaped.
func Write(w io.Writer, f *File) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("encode export file: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write export file: %w", err)
	}
	return nil
}
