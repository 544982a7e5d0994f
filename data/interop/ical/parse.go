package ical

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"partneryste/data/interop"
)

// MaxFileMiB is the largest calendar file ImportICS reads, in MiB. A
// calendar of a few thousand events is far below it, and an event with a
// 5 MB description still reaches validation, which names the event.
const MaxFileMiB = 32

// property is one unfolded content line, parsed by the library, with the
// file line where it starts.
type property struct {
	line int
	*ics.BaseProperty
}

// param returns the first value of a parameter, or "".
func (p property) param(name string) string {
	if v := p.ICalParameters[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// withValue returns a copy of p with another value and the same
// parameters, for reading one item of a list such as EXDATE.
func (p property) withValue(value string) property {
	bp := *p.BaseProperty
	bp.Value = value
	return property{line: p.line, BaseProperty: &bp}
}

// component is one BEGIN/END block with its properties and children.
type component struct {
	name     string
	line     int
	props    []property
	children []*component
}

// first returns the component's first property called name.
func (c *component) first(name string) (property, bool) {
	for _, p := range c.props {
		if p.IANAToken == name {
			return p, true
		}
	}
	return property{}, false
}

// all returns every property called name.
func (c *component) all(name string) []property {
	var out []property
	for _, p := range c.props {
		if p.IANAToken == name {
			out = append(out, p)
		}
	}
	return out
}

// text returns the value of the first property called name, or "".
func (c *component) text(name string) string {
	p, ok := c.first(name)
	if !ok {
		return ""
	}
	return p.Value
}

// parseCalendars reads every VCALENDAR of the file.
//
// The library's own ParseCalendar (golang-ical v0.3.4) reports errors
// without file lines and accepts a file that ends before END:VCALENDAR, so
// this reader unfolds the lines itself, keeps their line numbers, and uses
// the library only to parse each content line into a name, parameters and
// an unescaped value.
func parseCalendars(r io.Reader) ([]*component, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileMiB<<20+1))
	if err != nil {
		return nil, fmt.Errorf("read calendar: %w", err)
	}
	if len(raw) > MaxFileMiB<<20 {
		return nil, &interop.FileError{Code: interop.CodeTooLarge, Limit: MaxFileMiB}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))

	lines, err := unfold(raw)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return nil, &interop.FileError{Code: interop.CodeEmpty}
	}

	var calendars []*component
	var stack []*component
	for _, l := range lines {
		bp, perr := ics.ParseProperty(ics.ContentLine(l.text))
		if perr != nil || bp == nil {
			detail := interop.Shorten(l.text, 60)
			return nil, &interop.FileError{Line: l.number, Code: interop.CodeSyntax, Detail: detail, Err: perr}
		}
		p := property{line: l.number, BaseProperty: bp}
		name := strings.ToUpper(bp.IANAToken)
		bp.IANAToken = name

		switch name {
		case "BEGIN":
			c := &component{name: strings.ToUpper(strings.TrimSpace(bp.Value)), line: l.number}
			if len(stack) == 0 {
				if c.name != "VCALENDAR" {
					return nil, &interop.FileError{Line: l.number, Code: interop.CodeNotCalendar, Detail: "the file must start with BEGIN:VCALENDAR"}
				}
				calendars = append(calendars, c)
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, c)
			}
			stack = append(stack, c)
		case "END":
			end := strings.ToUpper(strings.TrimSpace(bp.Value))
			if len(stack) == 0 || stack[len(stack)-1].name != end {
				detail := "END:" + end + " without a matching BEGIN"
				if len(stack) > 0 {
					top := stack[len(stack)-1]
					detail = fmt.Sprintf("END:%s where END:%s (for BEGIN on line %d) was expected", end, top.name, top.line)
				}
				return nil, &interop.FileError{Line: l.number, Code: interop.CodeSyntax, Detail: detail}
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, &interop.FileError{Line: l.number, Code: interop.CodeNotCalendar, Detail: "a property outside BEGIN:VCALENDAR and END:VCALENDAR"}
			}
			top := stack[len(stack)-1]
			top.props = append(top.props, p)
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		last := lines[len(lines)-1].number
		return nil, &interop.FileError{
			Line:   top.line,
			Code:   interop.CodeTruncated,
			Value:  top.name,
			Detail: fmt.Sprintf("the file ends on line %d inside %s, which begins on line %d", last, top.name, top.line),
		}
	}
	return calendars, nil
}

// logicalLine is one unfolded content line and the file line it starts on.
type logicalLine struct {
	number int
	text   string
}

// unfold joins folded lines (RFC 5545 section 3.1): a line break followed
// by one space or tab is removed. Lines may end in CRLF or LF alone, as
// some programs write them. Empty lines are skipped.
func unfold(raw []byte) ([]logicalLine, error) {
	var lines []logicalLine
	var current []byte
	start := 0
	// Validity is checked on the unfolded line, because some programs fold
	// inside a multi-byte character.
	var invalid error
	flush := func() {
		if start > 0 {
			if !utf8.Valid(current) && invalid == nil {
				invalid = &interop.FileError{Line: start, Code: interop.CodeInvalidEncoding, Detail: "the line is not UTF-8"}
			}
			lines = append(lines, logicalLine{number: start, text: string(current)})
		}
		current = current[:0]
		start = 0
	}

	number := 0
	for len(raw) > 0 {
		number++
		var line []byte
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			line, raw = raw, nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))

		switch {
		case len(line) > 0 && (line[0] == ' ' || line[0] == '\t'):
			if start == 0 {
				return nil, &interop.FileError{Line: number, Code: interop.CodeSyntax, Detail: "a continuation line with no line before it"}
			}
			current = append(current, line[1:]...)
		case len(line) == 0:
			flush()
		default:
			flush()
			start = number
			current = append(current, line...)
		}
	}
	flush()
	if invalid != nil {
		return nil, invalid
	}
	return lines, nil
}
