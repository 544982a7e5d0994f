package jsonio

import (
	"bytes"
	"encoding/json"
	"errors"

	"partneryste/data"
)

// walker reads the file token by token before anything is decoded. It
// checks the syntax, reports unknown fields with their paths and lines, and
// finds where each record starts and ends and on which line each key sits.
// encoding/json reports only the first unknown field, without a line.
type walker struct {
	*decoder
	dec *json.Decoder

	records []*rawRecord
	// topLines maps each top-level key to its line.
	topLines map[string]int
	// notObject is set when the file is valid JSON but not an object.
	notObject bool
}

// walkFile walks the whole file. On a syntax error it returns the problem
// and false; unknown fields are added to the decoder's problems.
func (w *walker) walkFile() (Problem, bool) {
	w.topLines = map[string]int{}
	if err := w.walkTop(); err != nil {
		return w.syntaxProblem(err), false
	}

	// Anything but white space after the top-level value is a syntax
	// error too.
	rest := w.raw[w.dec.InputOffset():]
	if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
		line, column := w.lines.position(len(w.raw) - len(trimmed))
		return Problem{Index: -1, FieldError: data.FieldError{Code: data.CodeInvalidJSON, Line: line}, Column: column}, false
	}
	return Problem{}, true
}

func (w *walker) walkTop() error {
	fs := schemas()
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		w.notObject = true
		return w.skipRest(tok, 1)
	}

	for w.dec.More() {
		key, err := w.key()
		if err != nil {
			return err
		}
		line := w.lines.line(int(w.dec.InputOffset()) - 1)
		w.topLines[key] = line

		child, known := fs.fields[key]
		if !known {
			w.add(Problem{Index: -1, FieldError: data.FieldError{Field: key, Code: data.CodeUnknownField, Line: line}})
		}
		switch key {
		case SectionEvents, SectionPracticeCases, SectionConsultations:
			err = w.walkSection(key, child)
		default:
			err = w.walkValue(child, key, nil, 1)
		}
		if err != nil {
			return err
		}
	}
	_, err = w.dec.Token() // the closing brace
	return err
}

// walkSection walks a list of records and notes where each one sits. A
// section may also be null, which means no records.
func (w *walker) walkSection(section string, s *schema) error {
	start := w.valueStart()
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('[') {
		if tok != nil {
			w.add(Problem{Index: -1, FieldError: data.FieldError{Field: section, Code: data.CodeInvalidValue, Line: w.lines.line(start)}})
		}
		return w.skipRest(tok, 1)
	}

	for index := 0; w.dec.More(); index++ {
		rec := &rawRecord{section: section, index: index, start: w.valueStart(), keyLines: map[string]int{}}
		if err := w.walkValue(s.elem, "", rec, 2); err != nil {
			return err
		}
		rec.end = int(w.dec.InputOffset())
		w.records = append(w.records, rec)
	}
	_, err = w.dec.Token() // the closing bracket
	return err
}

// walkValue walks one value at path. s is the value's schema, or nil when
// the value's keys are not checked. rec is the record being walked, or nil
// outside records.
func (w *walker) walkValue(s *schema, path string, rec *rawRecord, depth int) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	return w.walkFrom(tok, s, path, rec, depth)
}

// walkFrom walks the value that starts with tok.
func (w *walker) walkFrom(tok json.Token, s *schema, path string, rec *rawRecord, depth int) error {
	if depth > maxDepth {
		return w.errorAtLastToken()
	}

	switch tok {
	case json.Delim('{'):
		for w.dec.More() {
			key, err := w.key()
			if err != nil {
				return err
			}
			keyPath := joinPath(path, key)
			line := w.lines.line(int(w.dec.InputOffset()) - 1)
			if rec != nil {
				rec.keyLines[keyPath] = line
			}

			var child *schema
			switch {
			case s == nil || (s.fields == nil && !s.freeKeys):
				// Not a struct: decoding reports the wrong type.
			case s.freeKeys:
				child = s.elem
			default:
				var known bool
				if child, known = s.fields[key]; !known {
					w.unknownField(rec, keyPath, line)
				}
			}
			if err := w.walkValue(child, keyPath, rec, depth+1); err != nil {
				return err
			}
		}
		_, err := w.dec.Token()
		return err

	case json.Delim('['):
		var elem *schema
		if s != nil {
			elem = s.elem
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.walkValue(elem, indexPath(path, i), rec, depth+1); err != nil {
				return err
			}
		}
		_, err := w.dec.Token()
		return err
	}
	return nil
}

// skipRest walks the rest of a value that starts with tok, checking only
// its syntax.
func (w *walker) skipRest(tok json.Token, depth int) error {
	return w.walkFrom(tok, nil, "", nil, depth)
}

func (w *walker) unknownField(rec *rawRecord, path string, line int) {
	p := Problem{Index: -1, FieldError: data.FieldError{Field: path, Code: data.CodeUnknownField, Line: line}}
	if rec != nil {
		p.Section, p.Index = rec.section, rec.index
	}
	w.add(p)
}

// key reads an object key. json.Decoder has already checked that the
// token is a string.
func (w *walker) key() (string, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return "", err
	}
	key, _ := tok.(string)
	return key, nil
}

// valueStart returns the offset of the next value, skipping the white
// space, commas and colons that json.Decoder has not consumed yet.
func (w *walker) valueStart() int {
	offset := int(w.dec.InputOffset())
	for offset < len(w.raw) {
		switch w.raw[offset] {
		case ' ', '\t', '\r', '\n', ',', ':':
			offset++
			continue
		}
		break
	}
	return offset
}

// syntaxProblem converts a json.Decoder error into a CodeInvalidJSON
// problem at the offending position.
func (w *walker) syntaxProblem(err error) Problem {
	offset := len(w.raw)
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		// In json.Decoder.Token errors (Go 1.26), Offset is the index of
		// the offending byte.
		offset = int(syntaxErr.Offset)
	}
	line, column := w.lines.position(offset)
	return Problem{Index: -1, FieldError: data.FieldError{Code: data.CodeInvalidJSON, Line: line}, Column: column}
}

// errorAtLastToken returns a syntax error that points at the first byte of
// the one-byte token just read, such as the "[" that nests too deep.
func (w *walker) errorAtLastToken() error {
	return &json.SyntaxError{Offset: w.dec.InputOffset() - 1}
}
