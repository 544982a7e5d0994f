package data

import "time"

// Store is the local record store that the UI and the headless commands
// use. Implementations must be safe for concurrent use.
//
// Save and Delete are durable when they return nil: the record and its
// outbox entry are committed together in one transaction, so a crash never
// leaves one without the other.
type Store interface {
	// Save validates r and, when valid, assigns a new id (if empty), the
	// association, the next revision and the times, then writes the record
	// and an outbox entry in one transaction. It returns a
	// *ValidationError for invalid input and stores nothing in that case.
	// On success r's Meta holds the stored values. When r's content
	// (everything but Meta) equals the stored live record with r's id,
	// Save succeeds without writing: no new revision and no outbox entry,
	// and r's Meta is the stored one, so its Revision is unchanged.
	Save(r Record) error
	// Delete turns the record into a tombstone and queues the deletion in
	// the outbox. It returns ErrNotFound for an unknown id.
	Delete(kind Kind, id string) error

	// Event, PracticeCase and Consultation return one live record, or
	// ErrNotFound (also for tombstones).
	Event(id string) (Event, error)
	PracticeCase(id string) (PracticeCase, error)
	Consultation(id string) (Consultation, error)

	// Events returns live events that overlap [f.From, f.To] (either bound
	// may be zero), matching f.Query, sorted by start.
	Events(f EventFilter) ([]Event, error)
	// PracticeCases returns summaries of live cases that match f, sorted by
	// title in Lithuanian collation.
	PracticeCases(f CaseFilter) ([]CaseSummary, error)
	// Consultations returns live consultations that match f, newest first.
	Consultations(f ConsultationFilter) ([]Consultation, error)

	// Counts returns the number of live records of each kind and the number
	// of outbox entries waiting to be sent.
	Counts() (Counts, error)

	// Profile returns the association profile stored in the file.
	Profile() (Profile, error)
	// SaveProfile stores the association profile.
	SaveProfile(p Profile) error

	// Path returns the data file's path.
	Path() string
}

// EventFilter selects events.
type EventFilter struct {
	From, To Date
	Query    string
}

// CaseFilter selects practice cases. Empty fields match everything.
type CaseFilter struct {
	Query   string
	Status  CaseStatus
	Subject string
	Level   EducationLevel
}

// ConsultationFilter selects consultations. Empty fields match everything.
type ConsultationFilter struct {
	Query    string
	Status   ConsultationStatus
	Category string
	From, To Date
}

// CaseSummary is the light row that practice case lists show, so that a
// list of thousands of cases never decodes their long sections.
type CaseSummary struct {
	ID       string
	Title    string
	Subject  string
	Levels   []EducationLevel
	Status   CaseStatus
	Authors  []string
	Updated  time.Time
	Revision int64
}

// Counts is the number of live records of each kind, and the outbox size.
type Counts struct {
	Events        int `json:"events"`
	PracticeCases int `json:"practice_cases"`
	Consultations int `json:"consultations"`
	Outbox        int `json:"outbox"`
}

// Profile is the association that owns the data file.
type Profile struct {
	// AssociationID is a stable id written into every record's Meta.
	AssociationID string `json:"association_id"`
	// Name is the association's name as users see it.
	Name string `json:"name"`
	// Coordinator marks the coordinator's profile, whose token the
	// connection test found to have the coordinator's role. It shows the
	// review and publication sections.
	Coordinator bool `json:"coordinator,omitempty"`
}

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path    string    `json:"path"`
	Created time.Time `json:"created"`
	Size    int64     `json:"size"`
}

// Backupper makes and lists hot backups of an open store.
type Backupper interface {
	// Backup writes a consistent copy of the open data file into the backup
	// folder, removes the oldest backups past the kept number, and returns
	// the new backup.
	Backup() (BackupInfo, error)
	// Backups lists the backups, newest first.
	Backups() ([]BackupInfo, error)
}
