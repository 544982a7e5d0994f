package data

import (
	"errors"
	"fmt"
	"strings"
)

// Validation error codes. The UI translates each as "error.<code>" with the
// field's translated name and the limit as template data, so codes are part
// of the catalogs and never change.
const (
	CodeRequired       = "required"         // an empty required field
	CodeTooLong        = "too_long"         // text over the field's limit (Limit in runes)
	CodeInvalidURL     = "invalid_url"      // not an absolute http or https URL
	CodeInvalidEmail   = "invalid_email"    // not an e-mail address
	CodeEndBeforeStart = "end_before_start" // an end before the start
	CodeInvalidUTF8    = "invalid_utf8"     // bytes that are not UTF-8
	CodeInvalidValue   = "invalid_value"    // a value outside its list (type, status, level)
	CodeInvalidDate    = "invalid_date"     // not a yyyy-mm-dd date
	CodeOutOfRange     = "out_of_range"     // a number outside 1..Limit
	CodeUnknownField   = "unknown_field"    // an unknown field in imported JSON
	CodeInvalidJSON    = "invalid_json"     // JSON that does not parse
)

// FieldError is one invalid field of a record.
type FieldError struct {
	// Field is the field's JSON name, such as "title" or "authors.0.name";
	// the UI translates it as "field.<kind>.<name>" with indexes removed.
	Field string
	// Code is one of the Code constants.
	Code string
	// Limit is the maximum length or value for CodeTooLong and CodeOutOfRange.
	Limit int
	// Line is the line in an imported file, when known.
	Line int
}

// ValidationError lists every invalid field of one record, so the UI can
// mark them all at once and the user fixes them in one pass.
type ValidationError struct {
	Kind Kind
	// Index is the record's position in an imported file, or -1.
	Index  int
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Code
		if f.Limit > 0 {
			parts[i] += fmt.Sprintf(" (limit %d)", f.Limit)
		}
		if f.Line > 0 {
			parts[i] += fmt.Sprintf(" (line %d)", f.Line)
		}
	}
	return fmt.Sprintf("invalid %s: %s", e.Kind, strings.Join(parts, "; "))
}

// Field returns the first error for the named field, if any.
func (e *ValidationError) Field(name string) (FieldError, bool) {
	for _, f := range e.Fields {
		if f.Field == name {
			return f, true
		}
	}
	return FieldError{}, false
}

// Errors returned by stores. Callers match them with errors.Is.
var (
	// ErrNotFound is returned when no record (or a tombstone only) has the id.
	ErrNotFound = errors.New("record not found")
	// ErrLocked is returned by Open when another running instance holds the
	// data file and it stays locked past the open timeout.
	ErrLocked = errors.New("data file is in use by another instance")
	// ErrDamaged is returned by Open when the file is not a readable bbolt
	// file, fails its consistency check, or was written by another program.
	// The file is left untouched, and restore from a backup is offered.
	ErrDamaged = errors.New("data file is damaged or not a Partnerystė file")
	// ErrNotDataFile is returned by Open and Restore, together with
	// ErrDamaged, when the file is clearly an export (JSON or iCalendar)
	// rather than a data file, so the program can suggest importing it.
	ErrNotDataFile = errors.New("file is an export, not a data file")
	// ErrTooNew is returned by Open when the file's schema version is newer
	// than this program supports, because opening it could lose data.
	ErrTooNew = errors.New("data file was written by a newer version")
)
