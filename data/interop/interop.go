// Package interop holds what the calendar and spreadsheet formats share:
// the problems an import reports, the file-level error, and the record ids
// that imports derive from foreign keys. The formats themselves live in the
// subpackages ical (iCalendar, RFC 5545) and table (CSV and XLSX).
//
// Imports never write to a store. They return records and problems, and
// the caller saves the records in one go only when there are no problems
// (or when the user chose to skip the bad records).
package interop

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"partneryste/data"
)

// Codes of import problems and file errors that are not validation codes
// of the data package. Each is translated as "interop.error.<code>" with
// the Problem's or FileError's fields as template data.
const (
	CodeUnknownTZID     = "unknown_tzid"      // a TZID that names no known time zone (Value contains it)
	CodeUnsupportedRule = "unsupported_rrule" // an RRULE part this importer does not expand (Value contains it)
	CodeInvalidTime     = "invalid_time"      // a date or date-time that does not parse (Value contains it)
	CodeUnknownColumn   = "unknown_column"    // a column header no field has (Column contains it)
	CodeMissingColumn   = "missing_column"    // a required column that is absent (Column contains its key)
	CodeDuplicateColumn = "duplicate_column"  // two columns for one field (Column contains the second)
	CodeTruncated       = "truncated"         // a calendar that ends inside a component (FileError.Value names it)
	CodeSyntax          = "syntax"            // a line or a field that does not parse
	CodeUnclosedQuote   = "unclosed_quote"    // a CSV quoted field that starts on FileError.Line and never ends
	CodeStrayQuote      = "stray_quote"       // a CSV quote inside an unquoted field, or text after a closing quote
	CodeQuoteSpansLines = "quote_spans_lines" // a CSV quoted field from FileError.Line closed by a stray quote on a later line
	CodeFieldCount      = "field_count"       // a CSV row with another number of fields than the header (Fields and Limit)
	CodeNotCalendar     = "not_icalendar"     // a file that is not an iCalendar file
	CodeNotXLSX         = "not_xlsx"          // a file that is not an XLSX workbook
	CodeTooLarge        = "too_large"         // a file over the import size limit (Limit in MiB)
	CodeEmpty           = "empty"             // a file with no header line or no rows
	CodeMixedDelimiters = "mixed_delimiters"  // a CSV header with more than one kind of delimiter (FileError.Value lists them)
	CodeInvalidEncoding = "invalid_encoding"  // bytes that are neither UTF-8 nor Windows-1257
	CodeBadHeader       = "bad_header"        // a header row with unknown, duplicate or missing columns (FileError.Problems lists them)
)

// Problem is one thing wrong with one record of an import file.
type Problem struct {
	// Line is the file's line (counted from 1) where the record or the
	// field starts, or 0 when it is not known.
	Line int
	// Row is the spreadsheet row counted from 1, the header being row 1,
	// or 0 for a calendar file.
	Row int
	// Record names the record for the user: an event's title and UID, or
	// empty for a problem of a column.
	Record string
	// Column is the header of the column the problem is in, when known.
	Column string
	// Value is the offending value for codes that quote it, such as
	// CodeUnknownTZID.
	Value string
	// Fields is the number of fields of a CSV row for CodeFieldCount,
	// whose Limit is the number of header fields.
	Fields int
	// FieldError holds the record field's JSON name, a data package code
	// or one of this package's codes, and the limit.
	data.FieldError
}

// String returns the problem in English, for logs and tests.
func (p Problem) String() string {
	var b strings.Builder
	switch {
	case p.Row > 0:
		fmt.Fprintf(&b, "row %d: ", p.Row)
	case p.Line > 0:
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Record != "" {
		fmt.Fprintf(&b, "%s: ", p.Record)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, "column %q: ", p.Column)
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Code)
	if p.Fields > 0 {
		fmt.Fprintf(&b, " (%d fields)", p.Fields)
	}
	if p.Limit > 0 {
		fmt.Fprintf(&b, " (limit %d)", p.Limit)
	}
	if p.Value != "" {
		fmt.Fprintf(&b, " %q", Shorten(p.Value, 60))
	}
	return b.String()
}

// FileError reports a file that cannot be read at all, such as a truncated
// calendar or a CSV with mixed delimiters. Nothing of such a file is
// imported.
type FileError struct {
	// Line is the line (or for XLSX the row) where reading failed, or 0.
	Line int
	// Code is one of this package's codes.
	Code string
	// Limit is the size limit in MiB for CodeTooLarge.
	Limit int
	// Value is the name of the component left open for CodeTruncated, and
	// the delimiters found (";", "," and "\t", in that order) for
	// CodeMixedDelimiters.
	Value string
	// Detail is context in English for logs, and it is not translated.
	Detail string
	// Err is the underlying error, if any.
	Err error
	// Problems lists each column problem of CodeBadHeader.
	Problems []Problem
	// Columns are the machine keys of the columns a table import accepts,
	// for CodeBadHeader, so that the message can list their headers.
	Columns []string
}

func (e *FileError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Code)
	if e.Value != "" {
		fmt.Fprintf(&b, " %q", e.Value)
	}
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	for _, p := range e.Problems {
		b.WriteString("; " + p.String())
	}
	return b.String()
}

func (e *FileError) Unwrap() error { return e.Err }

// ProblemsFromValidation turns the field errors of err, when it is a
// *data.ValidationError, into problems that carry base's line, row and
// record. It returns nil for a nil err.
func ProblemsFromValidation(err error, base Problem) []Problem {
	verr, ok := err.(*data.ValidationError)
	if !ok || verr == nil {
		if err == nil {
			return nil
		}
		p := base
		p.Code = data.CodeInvalidValue
		p.Value = err.Error()
		return []Problem{p}
	}
	problems := make([]Problem, 0, len(verr.Fields))
	for _, fe := range verr.Fields {
		p := base
		p.FieldError = fe
		if p.Line == 0 {
			p.Line = fe.Line
		}
		problems = append(problems, p)
	}
	return problems
}

// MaxIDBytes is the longest record id an import keeps as it is; longer or
// unusual keys are replaced by a hash. It matches the JSON import's limit.
const MaxIDBytes = 128

// IDFromKey returns a stable record id for a foreign key such as an
// iCalendar UID: the key itself when it is a plain short token, else
// "ics-" and a hash of it. The same key always gives the same id, so that
// importing a file again updates the records instead of duplicating them.
func IDFromKey(key string) string {
	if isPlainID(key) {
		return key
	}
	return HashID(key)
}

// HashID returns "ics-" and 32 hex digits of the SHA-256 of the parts
// joined by "|".
func HashID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "|")))
	return "ics-" + hex.EncodeToString(sum[:16])
}

// ContentID returns "row-" and 32 hex digits of the SHA-256 of the parts
// joined by "|". Table imports give it to a row without an id, with the
// row's content key as parts, so that the same row always gets the same
// id.
func ContentID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "|")))
	return "row-" + hex.EncodeToString(sum[:16])
}

func isPlainID(id string) bool {
	if id == "" || len(id) > MaxIDBytes || !utf8.ValidString(id) {
		return false
	}
	for _, r := range id {
		ok := r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.')
		if !ok {
			return false
		}
	}
	return true
}

// Shorten returns s cut to at most n runes, with "…" when it was cut, so
// that a problem can quote a long title.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}

// EventName returns how problems name an event: its title, shortened, in
// the Lithuanian quotes „…“ that the program's messages use, and the key
// (a UID or a row) in brackets when there is one.
func EventName(title, key string) string {
	title = Shorten(strings.TrimSpace(title), 60)
	switch {
	case title == "":
		return key
	case key == "":
		return "„" + title + "“"
	}
	return "„" + title + "“ (" + Shorten(key, 80) + ")"
}
