package jsonio

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"partneryste/data"
)

// Tally counts records of each kind.
type Tally struct {
	Events        int `json:"events"`
	PracticeCases int `json:"practice_cases"`
	Consultations int `json:"consultations"`
}

// Total returns the number of records of every kind.
func (t Tally) Total() int { return t.Events + t.PracticeCases + t.Consultations }

func (t *Tally) add(kind data.Kind) {
	switch kind {
	case data.KindEvent:
		t.Events++
	case data.KindPractice:
		t.PracticeCases++
	case data.KindConsultation:
		t.Consultations++
	}
}

// Result counts what Import wrote.
type Result struct {
	// Created counts records whose id the store did not have.
	Created Tally `json:"created"`
	// Updated counts records that replaced a stored record with the same id
	// and changed it.
	Updated Tally `json:"updated"`
	// Unchanged counts records whose content equals the stored record with
	// the same id. The store writes nothing for them, so they get no new
	// revision and queue nothing to send.
	Unchanged Tally `json:"unchanged"`
	// Skipped counts records marked "deleted" in the file, which are not
	// imported.
	Skipped int `json:"skipped"`
	// ProfileNamed is set when the store had no association name and took
	// the file's.
	ProfileNamed bool `json:"profile_named"`
}

// BatchSaver is implemented by stores that can save many records in one
// transaction. Import uses it when the store has it, so that a failure
// half-way (a full disk) leaves the store as it was.
type BatchSaver interface {
	// SaveAll saves every record as Save does, all or none.
	SaveAll(records []data.Record) error
}

// Import writes the records of f to s. It first validates every record and
// checks ids for duplicates, and writes nothing when any problem is found:
// the error is then an *ImportError, as from Decode.
//
// Import clears the bookkeeping of f's records other than the id, and on
// success they hold what the store assigned. Records keep their ids, so importing a file again updates the records it
// created instead of duplicating them, and a record that did not change
// since is counted in Result.Unchanged. The store assigns the association,
// revision and times, whatever the file contains. A consultation whose
// requester is empty in the file keeps the stored requester, because an
// export without personal data must not erase it on re-import.
//
// Unless s implements BatchSaver, each record is saved in its own
// transaction, and an error from the store part-way leaves the records
// before it saved; the error then states how many were.
func Import(s data.Store, f *File) (Result, error) {
	var res Result
	if err := check(f); err != nil {
		return res, err
	}

	records := make([]data.Record, 0, len(f.Events)+len(f.PracticeCases)+len(f.Consultations))
	// storedRevisions holds the revision of each record's stored copy, or
	// 0 for a new record.
	storedRevisions := make([]int64, 0, cap(records))
	for _, r := range f.Records() {
		h := r.Header()
		if h.Deleted {
			res.Skipped++
			continue
		}
		revision, err := prepare(s, r)
		if err != nil {
			return Result{}, err
		}
		records = append(records, r)
		storedRevisions = append(storedRevisions, revision)
	}

	if err := save(s, records); err != nil {
		return Result{}, err
	}
	for i, r := range records {
		// A save that changes nothing keeps the stored revision, as the
		// data.Store contract states.
		switch stored := storedRevisions[i]; {
		case stored == 0:
			res.Created.add(r.RecordKind())
		case r.Header().Revision == stored:
			res.Unchanged.add(r.RecordKind())
		default:
			res.Updated.add(r.RecordKind())
		}
	}

	named, err := adoptProfileName(s, f.Profile)
	if err != nil {
		return res, err
	}
	res.ProfileNamed = named
	return res, nil
}

// check validates every record of f and looks for duplicate ids.
func check(f *File) error {
	var problems []Problem
	seen := map[data.Kind]map[string]bool{}
	index := map[data.Kind]int{}
	for _, r := range f.Records() {
		kind := r.RecordKind()
		i := index[kind]
		index[kind]++
		id := r.Header().ID
		p := Problem{Section: SectionOf(kind), Index: i, ID: id}

		var verr *data.ValidationError
		if err := r.Validate(); errors.As(err, &verr) {
			for _, fe := range verr.Fields {
				p.FieldError = fe
				problems = append(problems, p)
			}
		}

		if id == "" {
			continue
		}
		if !validID(id) {
			p.FieldError = data.FieldError{Field: "id", Code: data.CodeInvalidValue}
			problems = append(problems, p)
		}
		if seen[kind] == nil {
			seen[kind] = map[string]bool{}
		}
		if seen[kind][id] {
			p.FieldError = data.FieldError{Field: "id", Code: CodeDuplicateID}
			problems = append(problems, p)
		}
		seen[kind][id] = true
	}
	if len(problems) > 0 {
		return &ImportError{Problems: problems}
	}
	return nil
}

// MaxIDBytes is the longest record id a file may carry. Store ids are
// UUIDs of 36 bytes, and the limit keeps an id well inside a bbolt key.
const MaxIDBytes = 128

// validID reports whether id can be stored: UTF-8 of at most MaxIDBytes,
// without spaces or control characters.
func validID(id string) bool {
	if len(id) > MaxIDBytes || !utf8.ValidString(id) {
		return false
	}
	return !strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
}

// prepare clears the bookkeeping the store assigns and returns the
// revision of the store's live record with r's id, or 0 when it has none.
func prepare(s data.Store, r data.Record) (int64, error) {
	h := r.Header()
	*h = data.Meta{ID: h.ID}
	if h.ID == "" {
		return 0, nil
	}

	var revision int64
	var err error
	switch rec := r.(type) {
	case *data.Event:
		var stored data.Event
		stored, err = s.Event(h.ID)
		revision = stored.Revision
	case *data.PracticeCase:
		var stored data.PracticeCase
		stored, err = s.PracticeCase(h.ID)
		revision = stored.Revision
	case *data.Consultation:
		var stored data.Consultation
		stored, err = s.Consultation(h.ID)
		revision = stored.Revision
		if err == nil && rec.Requester == (data.Requester{}) {
			rec.Requester = stored.Requester
		}
	}
	switch {
	case err == nil:
		return revision, nil
	case errors.Is(err, data.ErrNotFound):
		return 0, nil
	}
	return 0, fmt.Errorf("import: read %s %s: %w", r.RecordKind(), h.ID, err)
}

func save(s data.Store, records []data.Record) error {
	if batch, ok := s.(BatchSaver); ok {
		if err := batch.SaveAll(records); err != nil {
			return fmt.Errorf("import: save records: %w", err)
		}
		return nil
	}
	for i, r := range records {
		if err := s.Save(r); err != nil {
			return fmt.Errorf("import: save %s %s after %d of %d records: %w", r.RecordKind(), r.Header().ID, i, len(records), err)
		}
	}
	return nil
}

// adoptProfileName gives the store the file's association name when the
// store has none yet, as on a new computer. The store's association id is
// kept when it has one.
func adoptProfileName(s data.Store, p data.Profile) (bool, error) {
	if p.Name == "" || !utf8.ValidString(p.Name) || utf8.RuneCountInString(p.Name) > data.MaxTitle {
		return false, nil
	}
	stored, err := s.Profile()
	if err != nil {
		return false, fmt.Errorf("import: read profile: %w", err)
	}
	if stored.Name != "" {
		return false, nil
	}
	if stored.AssociationID == "" {
		stored.AssociationID = p.AssociationID
	}
	stored.Name = p.Name
	if err := s.SaveProfile(stored); err != nil {
		return false, fmt.Errorf("import: save profile: %w", err)
	}
	return true, nil
}
