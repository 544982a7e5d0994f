package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"partneryste/data/interop"
)

// MaxFileMiB is the largest CSV or XLSX file an import reads, in MiB.
const MaxFileMiB = 64

// bom is the UTF-8 byte-order mark, which tells Excel that a CSV file is
// UTF-8 and not the machine's ANSI code page.
const bom = "\xef\xbb\xbf"

// WriteCSV writes t as CSV for Excel in a Lithuanian locale: UTF-8 with a
// byte-order mark, semicolons between fields, CRLF line ends, and quotes
// around fields that hold a semicolon, a quote or a line break.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(t.Headers); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// sheet is a table as read from a file: the header row and the rows, each
// with its spreadsheet row number (the header is row 1) and, for CSV, the
// file line it starts on. Blank rows are left out.
type sheet struct {
	// fullRows is true when every row has all its fields, as in CSV, so a
	// shorter row is an error. XLSX rows end at their last value.
	fullRows bool
	headers  []string
	rows     [][]string
	numbers  []int
	lines    []int
}

// readAllLimited reads at most MaxFileMiB.
func readAllLimited(r io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileMiB<<20+1))
	if err != nil {
		return nil, fmt.Errorf("read file: %w", err)
	}
	if len(raw) > MaxFileMiB<<20 {
		return nil, &interop.FileError{Code: interop.CodeTooLarge, Limit: MaxFileMiB}
	}
	return raw, nil
}

// decodeText returns the file as UTF-8 text without a byte-order mark.
// Bytes that are not UTF-8 are read as Windows-1257 (Windows Baltic), the
// code page that Excel on a Lithuanian Windows uses for "CSV" files.
func decodeText(raw []byte) (string, error) {
	raw = bytes.TrimPrefix(raw, []byte(bom))
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	text, err := charmap.Windows1257.NewDecoder().Bytes(raw)
	if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
		return "", &interop.FileError{Code: interop.CodeInvalidEncoding, Detail: "the file is neither UTF-8 nor Windows-1257"}
	}
	return string(text), nil
}

// delimiters are the field delimiters a CSV import accepts, in the order
// an error lists them.
const delimiters = ";,\t"

// detectDelimiter returns the delimiter of the header line: a semicolon,
// a comma or a tab, whichever occurs outside quotes. A header with more
// than one of them is an error that lists the ones found, because its
// columns cannot be told apart.
func detectDelimiter(text string) (rune, error) {
	header, _, _ := strings.Cut(text, "\n")
	found := map[rune]bool{}
	quoted := false
	for _, r := range header {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && strings.ContainsRune(delimiters, r):
			found[r] = true
		}
	}
	var list []rune
	for _, r := range delimiters {
		if found[r] {
			list = append(list, r)
		}
	}
	switch len(list) {
	case 0:
		return ';', nil
	case 1:
		return list[0], nil
	}
	return 0, &interop.FileError{Line: 1, Code: interop.CodeMixedDelimiters, Value: string(list), Detail: "the header line has more than one delimiter"}
}

// quoteError returns the file error of a CSV quote error. encoding/csv
// reports an unclosed quoted field and text after a closing quote alike
// (csv.ErrQuote), so an error whose position is at the end of the text is
// taken as the unclosed field, starting on the record's first line. Text
// after a closing quote on a later line than the record's first usually
// means a field opened with a quote that a stray quote further on closed.
func quoteError(text string, perr *csv.ParseError) *interop.FileError {
	if errors.Is(perr.Err, csv.ErrQuote) && atEnd(text, perr.Line, perr.Column) {
		return &interop.FileError{Line: perr.StartLine, Code: interop.CodeUnclosedQuote, Detail: perr.Error()}
	}
	if errors.Is(perr.Err, csv.ErrQuote) && perr.Line != perr.StartLine {
		return &interop.FileError{Line: perr.StartLine, Code: interop.CodeQuoteSpansLines, Detail: perr.Error()}
	}
	if errors.Is(perr.Err, csv.ErrQuote) || errors.Is(perr.Err, csv.ErrBareQuote) {
		return &interop.FileError{Line: perr.Line, Code: interop.CodeStrayQuote, Detail: perr.Error()}
	}
	return &interop.FileError{Line: perr.StartLine, Code: interop.CodeSyntax, Detail: perr.Error()}
}

// atEnd reports whether nothing but white space follows the 1-based line
// and byte column in text.
func atEnd(text string, line, column int) bool {
	rest := text
	for i := 1; i < line; i++ {
		_, after, ok := strings.Cut(rest, "\n")
		if !ok {
			return true
		}
		rest = after
	}
	if column-1 < len(rest) {
		rest = rest[max(column-1, 0):]
	} else {
		rest = ""
	}
	return strings.TrimSpace(rest) == ""
}

// readCSV reads a CSV file of any of the accepted encodings and
// delimiters.
func readCSV(r io.Reader) (*sheet, error) {
	raw, err := readAllLimited(r)
	if err != nil {
		return nil, err
	}
	text, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, &interop.FileError{Code: interop.CodeEmpty}
	}
	delimiter, err := detectDelimiter(text)
	if err != nil {
		return nil, err
	}

	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delimiter
	cr.FieldsPerRecord = -1
	s := &sheet{fullRows: true}
	number := 0
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				return nil, quoteError(text, perr)
			}
			return nil, fmt.Errorf("read CSV: %w", err)
		}
		line, _ := cr.FieldPos(0)
		number++
		if s.headers == nil {
			s.headers = record
			continue
		}
		if isBlank(record) {
			continue
		}
		s.rows = append(s.rows, record)
		s.numbers = append(s.numbers, number)
		s.lines = append(s.lines, line)
	}
	if s.headers == nil {
		return nil, &interop.FileError{Code: interop.CodeEmpty}
	}
	return s, nil
}

func isBlank(record []string) bool {
	for _, f := range record {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
