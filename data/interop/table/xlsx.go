package table

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"partneryste/data/interop"
)

// WriteXLSX writes t as an XLSX workbook with one sheet: a bold, frozen
// header row, then the rows. Every cell is text except whole numbers such
// as a duration, so Excel never turns a title into a formula or a date.
func WriteXLSX(w io.Writer, t Table) error {
	f := excelize.NewFile()
	defer f.Close()

	name := sheetName(t.Name)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fmt.Errorf("write XLSX: %w", err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("write XLSX: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("write XLSX: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("write XLSX: %w", err)
	}
	for i := range t.Headers {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(t, i)); err != nil {
			return fmt.Errorf("write XLSX: %w", err)
		}
	}

	header := make([]any, len(t.Headers))
	for i, h := range t.Headers {
		header[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return fmt.Errorf("write XLSX header: %w", err)
	}
	for r, row := range t.Rows {
		values := make([]any, len(row))
		for i, v := range row {
			values[i] = cellValue(t.Keys[i], v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, values); err != nil {
			return fmt.Errorf("write XLSX row %d: %w", r+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write XLSX: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write XLSX: %w", err)
	}
	return nil
}

// sheetName returns a name Excel accepts: at most 31 characters, none of
// : \ / ? * [ ].
func sheetName(name string) string {
	var b []rune
	for _, r := range name {
		switch r {
		case ':', '\\', '/', '?', '*', '[', ']':
			r = '_'
		}
		if len(b) == 31 {
			break
		}
		b = append(b, r)
	}
	if len(b) == 0 {
		return "Sheet1"
	}
	return string(b)
}

// cellValue returns a whole number as a number, so that Excel can sum
// durations, and anything else as text.
func cellValue(key, v string) any {
	if key == "duration_min" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return v
}

// columnWidth returns a width in characters that fits the header and most
// values, between 8 and 60.
func columnWidth(t Table, i int) float64 {
	width := utf8.RuneCountInString(t.Headers[i]) + 2
	for r, row := range t.Rows {
		if r == 200 {
			break
		}
		if n := utf8.RuneCountInString(row[i]) + 2; n > width {
			width = n
		}
	}
	return float64(min(max(width, 8), 60))
}

// zipMagic starts every XLSX file, which is a ZIP archive.
var zipMagic = []byte("PK\x03\x04")

// readXLSX reads the first sheet of an XLSX workbook. Cells are read raw,
// so a date typed into Excel arrives as its serial number, which the
// field parsers accept.
func readXLSX(r io.Reader) (*sheet, error) {
	raw, err := readAllLimited(r)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(raw, zipMagic) {
		return nil, &interop.FileError{Code: interop.CodeNotXLSX, Detail: "the file is not a ZIP archive; it may be a CSV or text file renamed to .xlsx"}
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		return nil, &interop.FileError{Code: interop.CodeNotXLSX, Err: err}
	}
	defer f.Close()

	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &interop.FileError{Code: interop.CodeEmpty}
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &interop.FileError{Code: interop.CodeNotXLSX, Err: err}
	}

	s := &sheet{}
	for i, row := range rows {
		if s.headers == nil {
			if isBlank(row) {
				continue
			}
			s.headers = row
			continue
		}
		if isBlank(row) {
			continue
		}
		s.rows = append(s.rows, row)
		s.numbers = append(s.numbers, i+1)
		s.lines = append(s.lines, 0)
	}
	if s.headers == nil {
		return nil, &interop.FileError{Code: interop.CodeEmpty}
	}
	return s, nil
}
