package boltstore

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"partneryste/data"
)

func TestOpen_exportFileNamed(t *testing.T) {
	cases := map[string]struct {
		content string
		format  string
	}{
		"json":              {`{"format": "partneryste", "version": 1, "events": []}`, FormatJSON},
		"json with bom":     {"\xef\xbb\xbf\n\n  {\"format\": \"partneryste\"}", FormatJSON},
		"icalendar":         {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", FormatICalendar},
		"icalendar lower":   {"begin:vcalendar\nend:vcalendar\n", FormatICalendar},
		"plain text":        {"sugadinta sugadinta sugadinta", ""},
		"text after spaces": {"   BEGIN:VEVENT", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.db")
			if err := os.WriteFile(path, []byte(c.content), 0o600); err != nil {
				t.Fatal(err)
			}

			_, err := Open(path, Options{Logger: quietLogger, AutoBackupEvery: -1})
			if !errors.Is(err, data.ErrDamaged) {
				t.Errorf("Open = %v, want ErrDamaged", err)
			}
			var notData *NotDataFileError
			switch {
			case c.format == "" && errors.Is(err, data.ErrNotDataFile):
				t.Errorf("Open = %v, want no ErrNotDataFile for %s", err, name)
			case c.format != "" && !errors.As(err, &notData):
				t.Errorf("Open = %v, want *NotDataFileError", err)
			case c.format != "" && (notData.Format != c.format || notData.Path != path):
				t.Errorf("NotDataFileError = %+v, want format %s and path %s", notData, c.format, path)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, []byte(c.content)) {
				t.Error("Open changed the file")
			}
		})
	}
}

func TestCheck_exportFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte(`{"format": "partneryste"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Check(path, Options{}); !errors.Is(err, data.ErrNotDataFile) {
		t.Errorf("Check(export) = %v, want ErrNotDataFile", err)
	}
}

func TestRestoreBackup_exportFileRejected(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export.json")
	if err := os.WriteFile(export, []byte(`{"format": "partneryste"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "p.db")
	if _, err := RestoreBackup(export, path, Options{Logger: quietLogger}); !errors.Is(err, data.ErrNotDataFile) {
		t.Errorf("RestoreBackup(export) = %v, want ErrNotDataFile", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("RestoreBackup of an export wrote the data file: %v", err)
	}
}
