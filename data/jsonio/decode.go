package jsonio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"partneryste/data"
)

// maxDepth bounds the nesting of arrays and objects. Real files nest four
// levels deep, and the bound keeps a hostile file from exhausting the stack.
const maxDepth = 64

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode reads an import file and checks all of it. It returns the file,
// or a nil file and an *ImportError that lists every problem. Problems are
// invalid UTF-8, a syntax error (with line and column), a file of another
// format or version, unknown fields, values of the wrong type, duplicate
// ids, and every field that fails the record's Validate. Each problem
// carries the line of the field, or of the record when the field is
// missing. A UTF-8 byte order
// mark at the start is skipped. Other errors come from reading r.
func Decode(r io.Reader) (*File, error) {
	const maxBytes = MaxFileMiB << 20
	raw, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read import file: %w", err)
	}
	if len(raw) > maxBytes {
		return nil, fileProblem(Problem{Index: -1, FieldError: data.FieldError{Code: data.CodeTooLong, Limit: MaxFileMiB}})
	}
	raw = bytes.TrimPrefix(raw, utf8BOM)

	d := &decoder{raw: raw, lines: newLineIndex(raw)}
	if !utf8.Valid(raw) {
		return nil, fileProblem(d.invalidUTF8())
	}

	w := &walker{decoder: d, dec: json.NewDecoder(bytes.NewReader(raw))}
	if p, ok := w.walkFile(); !ok {
		return nil, fileProblem(p)
	}
	if w.notObject {
		return nil, fileProblem(Problem{Index: -1, FieldError: data.FieldError{Code: CodeNotPartneryste, Line: 1}})
	}

	f := &File{}
	if !d.decodeHeader(f, w.topLines) {
		return nil, d.err()
	}
	d.decodeRecords(f, w.records)
	if err := d.err(); err != nil {
		return nil, err
	}
	return f, nil
}

func fileProblem(p Problem) error {
	return &ImportError{Problems: []Problem{p}}
}

// decoder holds the state of one Decode call.
type decoder struct {
	raw      []byte
	lines    lineIndex
	problems []Problem
}

func (d *decoder) add(p Problem) { d.problems = append(d.problems, p) }

// err returns the collected problems sorted by line, or nil.
func (d *decoder) err() error {
	if len(d.problems) == 0 {
		return nil
	}
	sort.SliceStable(d.problems, func(i, j int) bool { return d.problems[i].Line < d.problems[j].Line })
	return &ImportError{Problems: d.problems}
}

// invalidUTF8 returns the problem for the first invalid UTF-8 sequence.
func (d *decoder) invalidUTF8() Problem {
	offset := 0
	for offset < len(d.raw) {
		r, size := utf8.DecodeRune(d.raw[offset:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		offset += size
	}
	line, column := d.lines.position(offset)
	return Problem{Index: -1, FieldError: data.FieldError{Code: data.CodeInvalidUTF8, Line: line}, Column: column}
}

// decodeHeader decodes and checks "format", "version", "exported" and
// "profile". It reports whether the records should be decoded: they are not
// when the file is of another format or version.
func (d *decoder) decodeHeader(f *File, topLines map[string]int) bool {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(d.raw, &top); err != nil {
		// The walker has already checked the syntax, so this is a bug.
		d.add(Problem{Index: -1, FieldError: data.FieldError{Code: data.CodeInvalidJSON, Line: 1}})
		return false
	}

	fs := schemas()
	target := reflect.ValueOf(f).Elem()
	for _, key := range []string{"format", "version", "exported", "profile"} {
		value, ok := top[key]
		if !ok {
			continue
		}
		if fe, ok := decodeField(fs, target, key, value); !ok {
			fe.Line = topLines[key]
			d.add(Problem{Index: -1, FieldError: fe})
		}
	}

	if f.Format != Format {
		line := max(topLines["format"], 1)
		d.problems = []Problem{{Index: -1, FieldError: data.FieldError{Field: "format", Code: CodeNotPartneryste, Line: line}}}
		return false
	}
	if f.Version != Version {
		line := max(topLines["version"], 1)
		d.problems = []Problem{{Index: -1, FieldError: data.FieldError{Field: "version", Code: CodeUnsupportedVersion, Line: line}}}
		return false
	}
	return true
}

// decodeRecords decodes each record the walker found, validates it and
// appends it to its section of f.
func (d *decoder) decodeRecords(f *File, records []*rawRecord) {
	fs := schemas()
	seen := map[string]map[string]bool{}
	for _, rec := range records {
		rs := fs.fields[rec.section].elem
		target := reflect.New(rs.typ)
		line := d.lines.line(rec.start)
		problem := func(fe data.FieldError) Problem {
			return Problem{Section: rec.section, Index: rec.index, ID: recordID(target), FieldError: fe}
		}

		body := d.raw[rec.start:rec.end]
		if len(body) == 0 || body[0] != '{' {
			d.add(problem(data.FieldError{Code: data.CodeInvalidValue, Line: line}))
			continue
		}

		decoded := true
		for _, fe := range decodeObject(rs, target, body) {
			fe.Line = rec.lineOf(fe.Field, line)
			d.add(problem(fe))
			decoded = false
		}

		id := recordID(target)
		if id != "" && !validID(id) {
			d.add(problem(data.FieldError{Field: "id", Code: data.CodeInvalidValue, Line: rec.lineOf("id", line)}))
		}
		if id != "" {
			if seen[rec.section] == nil {
				seen[rec.section] = map[string]bool{}
			}
			if seen[rec.section][id] {
				d.add(problem(data.FieldError{Field: "id", Code: CodeDuplicateID, Line: rec.lineOf("id", line)}))
			}
			seen[rec.section][id] = true
		}

		record := target.Interface().(data.Record)
		if decoded {
			var verr *data.ValidationError
			if err := record.Validate(); errors.As(err, &verr) {
				for _, fe := range verr.Fields {
					fe.Line = rec.lineOf(fe.Field, line)
					d.add(problem(fe))
				}
			}
		}

		switch r := record.(type) {
		case *data.Event:
			f.Events = append(f.Events, *r)
		case *data.PracticeCase:
			f.PracticeCases = append(f.PracticeCases, *r)
		case *data.Consultation:
			f.Consultations = append(f.Consultations, *r)
		}
	}
}

func recordID(target reflect.Value) string {
	return target.Interface().(data.Record).Header().ID
}

// decodeObject decodes a JSON object into target, a pointer to a struct.
// When the whole object does not decode, it decodes each field on its own
// so that every field of the wrong type is reported, not just the first.
func decodeObject(s *schema, target reflect.Value, body []byte) []data.FieldError {
	if err := json.Unmarshal(body, target.Interface()); err == nil {
		return nil
	}

	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return []data.FieldError{{Code: data.CodeInvalidValue}}
	}
	target.Elem().SetZero()
	keys := make([]string, 0, len(fields))
	for key := range fields {
		keys = append(keys, key)
	}
	slices.Sort(keys)

	var problems []data.FieldError
	for _, key := range keys {
		if fe, ok := decodeField(s, target.Elem(), key, fields[key]); !ok {
			problems = append(problems, fe)
		}
	}
	return problems
}

// decodeField decodes one JSON value into the struct field that key names.
// Unknown keys are skipped, because the walker reports them.
func decodeField(s *schema, structValue reflect.Value, key string, value []byte) (data.FieldError, bool) {
	index, ok := s.index[key]
	if !ok {
		return data.FieldError{}, true
	}
	field := structValue.FieldByIndex(index)
	err := json.Unmarshal(value, field.Addr().Interface())
	if err == nil {
		return data.FieldError{}, true
	}

	fe := data.FieldError{Field: key, Code: data.CodeInvalidValue}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" && typeErr.Field != key {
		fe.Field = key + "." + typeErr.Field
	}
	var parseErr *time.ParseError
	if isDateType(field.Type()) || errors.As(err, &parseErr) {
		fe.Code = data.CodeInvalidDate
	}
	return fe, false
}

// rawRecord is the position of one record in the file.
type rawRecord struct {
	section    string
	index      int
	start, end int
	// keyLines maps each key path inside the record, such as
	// "authors.1.name", to its line.
	keyLines map[string]int
}

// lineOf returns the line of field, or of the nearest enclosing key that the
// file has ("authors.1" for a missing "authors.1.name"), or fallback.
func (r *rawRecord) lineOf(field string, fallback int) int {
	for field != "" {
		if line, ok := r.keyLines[field]; ok {
			return line
		}
		cut := len(field) - 1
		for cut >= 0 && field[cut] != '.' {
			cut--
		}
		if cut < 0 {
			break
		}
		field = field[:cut]
	}
	return fallback
}

// lineIndex converts byte offsets into lines and columns.
type lineIndex struct {
	raw    []byte
	starts []int // offset of the first byte of each line
}

func newLineIndex(raw []byte) lineIndex {
	starts := []int{0}
	for i, b := range raw {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{raw: raw, starts: starts}
}

// line returns the 1-based line of offset.
func (l lineIndex) line(offset int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
}

// position returns the 1-based line and column of offset; the column counts
// runes, as editors do.
func (l lineIndex) position(offset int) (line, column int) {
	offset = min(max(offset, 0), len(l.raw))
	line = l.line(offset)
	start := l.starts[line-1]
	return line, utf8.RuneCount(l.raw[start:offset]) + 1
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string {
	return joinPath(path, strconv.Itoa(i))
}
