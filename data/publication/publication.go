package publication

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"partneryste/data"
)

// Error codes of *Error. Codes of data.FieldError (such as
// data.CodeTooLong) are passed through for a case or an edition that fails
// its Validate.
const (
	// CodeUnsupportedChar marks a character that the embedded fonts cannot
	// print, such as an emoji. Error.Char holds it.
	CodeUnsupportedChar = "unsupported_character"
	// CodeCaseNotFound marks a chapter that lists a case id missing from
	// the cases passed to Write.
	CodeCaseNotFound = "case_not_found"
	// CodeInternal marks a failure of the PDF library or a bug in the
	// writer. Error.Err holds the cause.
	CodeInternal = "internal"
)

// Error is a problem that stops the export, with the case and field to fix.
type Error struct {
	// CaseID is the practice case at fault, or "" for the edition itself.
	CaseID string
	// Field is the JSON name of the field, such as "title",
	// "authors.0.name" or, for the edition, "chapters.1.case_ids.0".
	Field string
	// Code is one of the Code constants here or of package data.
	Code string
	// Limit is the limit of data.CodeTooLong and data.CodeTooMany.
	Limit int
	// Char is the character that CodeUnsupportedChar reports.
	Char rune
	// Err is the underlying error, if any.
	Err error
}

func (e *Error) Error() string {
	where := "edition"
	if e.CaseID != "" {
		where = "practice case " + e.CaseID
	}
	msg := fmt.Sprintf("publication: %s: %s: %s", where, e.Field, e.Code)
	switch {
	case e.Code == CodeUnsupportedChar:
		msg += fmt.Sprintf(" %q (U+%04X): the fonts cannot print it, remove or replace it", e.Char, e.Char)
	case e.Limit > 0:
		msg += fmt.Sprintf(" (limit %d)", e.Limit)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Options tune one Write call. The zero value is usable.
type Options struct {
	// CreationDate is written as the document's creation and modification
	// date. The zero time means now; a fixed date makes the output
	// byte-stable.
	CreationDate time.Time
	// Progress, when set, is called after each laid-out case with the
	// number of cases done and the total, on the caller's goroutine.
	Progress func(done, total int)
	// Context, when set, cancels the export between cases. Write then
	// returns the context's error.
	Context context.Context
	// Labels are the translated texts the document prints. Empty fields
	// take their value from DefaultLabels.
	Labels Labels
	// Associations maps an association id (data.Meta.Association) to the
	// name printed with each case and in the index. Ids without a name
	// print as they are.
	Associations map[string]string
}

// Write lays out the edition with the given cases (keyed by id) as a PDF
// and writes it to w. It returns an *Error naming the case and field when
// the input cannot be printed: an invalid edition or case, a case id that
// cases lacks, or a character the fonts lack. A panic inside the PDF
// library is returned as an *Error with CodeInternal. The document is
// rendered in memory first, so nothing is written to w on error.
//
// Chapters without cases are left out. Only the cases that chapters list
// are printed.
func Write(w io.Writer, ed data.Edition, cases map[string]data.PracticeCase, opts Options) (err error) {
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.CreationDate.IsZero() {
		opts.CreationDate = time.Now()
	}
	opts.Labels = opts.Labels.withDefaults()

	if err := checkInput(ed, cases, opts.Associations); err != nil {
		return err
	}

	var buf bytes.Buffer
	if err := render(ctx, &buf, ed, cases, opts); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write publication: %w", err)
	}
	return nil
}

// render runs the layout and recovers from a panic in it, which fpdf
// raises on some malformed input instead of returning an error.
func render(ctx context.Context, buf *bytes.Buffer, ed data.Edition, cases map[string]data.PracticeCase, opts Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Code: CodeInternal, Err: fmt.Errorf("panic in layout: %v\n%s", r, debug.Stack())}
		}
	}()

	d := newDocument(ed, cases, opts)
	if err := d.build(ctx); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return &Error{Code: CodeInternal, Err: err}
	}
	if err := d.pdf.Output(buf); err != nil {
		return &Error{Code: CodeInternal, Err: fmt.Errorf("output pdf: %w", err)}
	}
	return nil
}
