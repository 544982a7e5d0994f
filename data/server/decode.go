package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"unicode/utf8"

	"partneryste/data"
	"partneryste/data/wire"
)

// readBody reads a JSON request body of at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return nil, &apiError{
			status: http.StatusUnsupportedMediaType,
			typ:    wire.ProblemUnsupportedMedia,
			detail: "the body must be JSON with Content-Type: application/json",
		}
	}

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, &apiError{
			status: http.StatusRequestEntityTooLarge,
			typ:    wire.ProblemTooLarge,
			detail: fmt.Sprintf("the body is over the limit of %d bytes; send fewer changes per request", limit),
		}
	}
	if err != nil {
		return nil, badRequest("read the body: %v", err)
	}
	return body, nil
}

// decodeStrict decodes exactly one JSON value into v and rejects unknown
// fields and trailing data.
func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

var (
	uuidPattern     = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	recordIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

// validRecordID reports whether id is a plain record id of at most
// wire.MaxIDLength bytes.
func validRecordID(id string) bool {
	return len(id) <= wire.MaxIDLength && recordIDPattern.MatchString(id)
}

func validKind(k data.Kind) bool {
	for _, known := range data.Kinds {
		if k == known {
			return true
		}
	}
	return k == data.KindEdition
}

// decodePush decodes and checks a push body. Every error it returns is a
// 400 apiError naming the first bad change; the records themselves are
// checked later, one change at a time.
func decodePush(body []byte) (wire.PushRequest, error) {
	var req wire.PushRequest
	if err := decodeStrict(body, &req); err != nil {
		return wire.PushRequest{}, badRequest("invalid push body: %v", err)
	}
	if len(req.Changes) == 0 || len(req.Changes) > wire.MaxChanges {
		return wire.PushRequest{}, badRequest("changes must hold 1 to %d changes, not %d", wire.MaxChanges, len(req.Changes))
	}

	for i, c := range req.Changes {
		switch {
		case !uuidPattern.MatchString(c.ChangeID):
			return wire.PushRequest{}, badRequest("changes[%d].change_id %q is not a UUID", i, c.ChangeID)
		case !validKind(c.Kind):
			return wire.PushRequest{}, badRequest("changes[%d].kind %q is not event, practice, consultation or edition", i, c.Kind)
		case !validRecordID(c.RecordID):
			return wire.PushRequest{}, badRequest("changes[%d].record_id %q must be 1 to %d letters, digits, '.', '_' or '-'", i, c.RecordID, wire.MaxIDLength)
		case c.BaseRevision < 0:
			return wire.PushRequest{}, badRequest("changes[%d].base_revision %d is negative", i, c.BaseRevision)
		}

		hasRecord := len(c.Record) > 0 && !bytes.Equal(c.Record, []byte("null"))
		switch c.Op {
		case wire.OpPut:
			if !hasRecord {
				return wire.PushRequest{}, badRequest("changes[%d]: a put needs a record", i)
			}
		case wire.OpDelete:
			if hasRecord {
				return wire.PushRequest{}, badRequest("changes[%d]: a delete takes no record", i)
			}
		default:
			return wire.PushRequest{}, badRequest("changes[%d].op %q is not put or delete", i, c.Op)
		}
	}
	return req, nil
}

// newRecord returns an empty record of the kind.
func newRecord(kind data.Kind) data.Record {
	switch kind {
	case data.KindEvent:
		return &data.Event{}
	case data.KindPractice:
		return &data.PracticeCase{}
	case data.KindConsultation:
		return &data.Consultation{}
	case data.KindEdition:
		return &data.Edition{}
	}
	panic(fmt.Sprintf("unknown record kind %q", kind))
}

// decodeRecord decodes a pushed record strictly. Its error is meant for a
// 422 result: the text and the field error to report.
func decodeRecord(kind data.Kind, raw json.RawMessage) (data.Record, *wire.FieldError, error) {
	rec := newRecord(kind)
	if err := decodeStrict(raw, rec); err != nil {
		code := data.CodeInvalidJSON
		field := ""
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			field = typeErr.Field
		}
		// encoding/json has no error type for an unknown field, so a
		// lenient decode that succeeds identifies that case.
		if json.Unmarshal(raw, newRecord(kind)) == nil {
			code = data.CodeUnknownField
		}
		return nil, &wire.FieldError{Field: field, Code: code}, fmt.Errorf("invalid %s JSON: %w", kind, err)
	}
	return rec, nil, nil
}

// decodeReview decodes and checks a review body.
func decodeReview(body []byte) (wire.ReviewRequest, error) {
	var req wire.ReviewRequest
	if err := decodeStrict(body, &req); err != nil {
		return wire.ReviewRequest{}, badRequest("invalid review body: %v", err)
	}
	if req.BaseRevision < 0 {
		return wire.ReviewRequest{}, badRequest("base_revision %d is negative", req.BaseRevision)
	}

	allowed := false
	for _, s := range wire.ReviewStatuses {
		if req.Status == s {
			allowed = true
		}
	}
	if !allowed {
		return wire.ReviewRequest{}, invalid("status %q is not one of submitted, returned, approved, published", req.Status)
	}
	if err := checkComment("comment", req.Comment); err != nil {
		return wire.ReviewRequest{}, err
	}

	sections := map[string]bool{}
	for _, s := range (&data.PracticeCase{}).Sections() {
		sections[s.Field] = true
	}
	for name, text := range req.SectionComments {
		if !sections[name] {
			return wire.ReviewRequest{}, invalid("section_comments: %q is not a section of a practice case", name)
		}
		if err := checkComment("section_comments."+name, text); err != nil {
			return wire.ReviewRequest{}, err
		}
	}
	return req, nil
}

func checkComment(field, text string) error {
	if !utf8.ValidString(text) {
		return invalid("%s is not valid UTF-8", field)
	}
	if n := utf8.RuneCountInString(text); n > wire.MaxReviewComment {
		return invalid("%s has %d characters, more than the limit of %d", field, n, wire.MaxReviewComment)
	}
	return nil
}
