package boltstore

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"partneryste/data"
)

// Export formats that checkExportFile recognises.
const (
	FormatJSON      = "json"
	FormatICalendar = "ics"
)

// NotDataFileError is returned for a file that is clearly an export of
// Partnerystė or of a calendar program, given where a data file is
// expected. It wraps both data.ErrNotDataFile and data.ErrDamaged, so
// callers that know only ErrDamaged still never write to the file.
type NotDataFileError struct {
	Path string
	// Format is FormatJSON or FormatICalendar.
	Format string
}

func (e *NotDataFileError) Error() string {
	return fmt.Sprintf("%s is a %s export, not a Partnerystė data file", e.Path, e.Format)
}

func (e *NotDataFileError) Unwrap() []error {
	return []error{data.ErrNotDataFile, data.ErrDamaged}
}

// sniffSize is how much of a file checkExportFile reads. It covers a byte
// order mark and the blank lines that may come before the first text.
const sniffSize = 512

// checkExportFile returns a *NotDataFileError when the file at path starts
// like JSON ("{") or iCalendar ("BEGIN:VCALENDAR"), after an optional
// UTF-8 byte order mark and white space. A bbolt file starts with the id
// of its first page, 0, so its first byte is never one of those. A file
// that cannot be read is left to the checks that follow.
func checkExportFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")), " \t\r\n")

	switch {
	case bytes.HasPrefix(text, []byte("{")):
		return &NotDataFileError{Path: path, Format: FormatJSON}
	case len(text) >= len("BEGIN:VCALENDAR") && bytes.EqualFold(text[:len("BEGIN:VCALENDAR")], []byte("BEGIN:VCALENDAR")):
		return &NotDataFileError{Path: path, Format: FormatICalendar}
	}
	return nil
}
