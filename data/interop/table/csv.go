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
	headers []string
	rows    [][]string
	numbers []int
	lines   []int
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

// detectDelimiter returns the delimiter of the header line: a semicolon,
// a comma or a tab, whichever occurs outside quotes. A header with more
// than one of them is an error, because its columns cannot be told apart.
func detectDelimiter(text string) (rune, error) {
	header, _, _ := strings.Cut(text, "\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range header {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
	}
	switch len(counts) {
	case 0:
		return ';', nil
	case 1:
		for r := range counts {
			return r, nil
		}
	}
	return 0, &interop.FileError{Line: 1, Code: interop.CodeMixedDelimiters, Detail: "the header line has more than one of ; , and tab"}
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
	s := &sheet{}
	number := 0
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				code := interop.CodeSyntax
				if errors.Is(perr.Err, csv.ErrQuote) && perr.StartLine != perr.Line {
					code = interop.CodeTruncated
				}
				return nil, &interop.FileError{Line: perr.StartLine, Code: code, Detail: perr.Err.Error()}
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
