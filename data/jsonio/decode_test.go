package jsonio

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"partneryste/data"
)

// sampleFile returns a file with one valid record of each kind and every
// optional part filled in.
func sampleFile() *File {
	start := time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC)
	return &File{
		Format:   Format,
		Version:  Version,
		Exported: time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC),
		Profile:  data.Profile{AssociationID: "assoc-1", Name: "Lietuvos matematikos mokytojų asociacija"},
		Events: []data.Event{{
			Meta:  data.Meta{ID: "ev-1"},
			Title: "Seminaras „Žaismė pamokoje“", Type: data.EventSeminar,
			Start: start, End: start.Add(3 * time.Hour),
			Place: "Kaunas", OnlineURL: "https://meet.example.lt/a?b=1&c=<2>", Public: true,
		}, {
			Meta:  data.Meta{ID: "ev-2"},
			Title: "Vasaros stovykla", Type: data.EventCourse, AllDay: true,
			StartDate: data.Date{Year: 2026, Month: 7, Day: 1}, EndDate: data.Date{Year: 2026, Month: 7, Day: 3},
		}},
		PracticeCases: []data.PracticeCase{{
			Meta:    data.Meta{ID: "pc-1"},
			Title:   "Ąžuolo matematika",
			Authors: []data.Author{{Name: "Rūta Žemaitė", School: "Kauno progimnazija", Role: "autorė"}},
			Subject: "Matematika", Levels: []data.EducationLevel{data.LevelPrimary},
			Keywords: []string{"žaidimai"}, Summary: "Santrauka.\nAntra eilutė.", Status: data.CaseApproved,
			Review: &data.Review{Status: data.CaseApproved, Comment: "Puiku", SectionComments: map[string]string{"goals": "Aiškūs"}, Reviewer: "coordinator", At: start},
		}},
		Consultations: []data.Consultation{{
			Meta: data.Meta{ID: "co-1"},
			Date: data.Date{Year: 2026, Month: 2, Day: 2}, DurationMin: 30, Format: data.FormatEmail,
			Topic: "Vertinimas", Requester: data.Requester{Name: "Jonas", Contact: "jonas@example.lt"},
			Status: data.ConsultationNew,
		}},
	}
}

func encode(t *testing.T, f *File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestDecode_roundTrip(t *testing.T) {
	want := sampleFile()
	got, err := Decode(bytes.NewReader(encode(t, want)))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded file differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestDecode_byteOrderMark(t *testing.T) {
	raw := append([]byte{0xEF, 0xBB, 0xBF}, encode(t, sampleFile())...)
	if _, err := Decode(bytes.NewReader(raw)); err != nil {
		t.Fatalf("Decode with BOM: %v", err)
	}
}

func TestWrite_noHTMLEscaping(t *testing.T) {
	raw := string(encode(t, sampleFile()))
	if !strings.Contains(raw, "b=1&c=<2>") {
		t.Errorf("URL is escaped in %s", raw)
	}
	if !strings.Contains(raw, "\n  \"events\": [\n") {
		t.Errorf("output is not indented by two spaces:\n%s", raw)
	}
}

// decodeCase is an import file with the problems Decode must report.
type decodeCase struct {
	name string
	file string
	want []Problem
}

func fe(field, code string, line int) data.FieldError {
	return data.FieldError{Field: field, Code: code, Line: line}
}

var decodeCases = []decodeCase{
	{"empty input", ``, []Problem{{Index: -1, FieldError: fe("", data.CodeInvalidJSON, 1), Column: 1}}},
	{"missing comma", `{"format": "partneryste",
 "version": 1
 "events": []}`, []Problem{{Index: -1, FieldError: fe("", data.CodeInvalidJSON, 3), Column: 2}}},
	{"truncated", `{"format": "partneryste", "version": 1, "events": [{"title": "A"`,
		[]Problem{{Index: -1, FieldError: fe("", data.CodeInvalidJSON, 1), Column: 65}}},
	{"trailing object", `{"format": "partneryste", "version": 1} {}`,
		[]Problem{{Index: -1, FieldError: fe("", data.CodeInvalidJSON, 1), Column: 41}}},
	{"trailing text", "{\"format\": \"partneryste\", \"version\": 1}\n\n x",
		[]Problem{{Index: -1, FieldError: fe("", data.CodeInvalidJSON, 3), Column: 2}}},
	{"invalid utf8", "{\"format\": \"partneryste\",\n \"version\": 1,\n \"profile\": {\"name\": \"Asociacija \xff\"}}",
		[]Problem{{Index: -1, FieldError: fe("", data.CodeInvalidUTF8, 3), Column: 34}}},
	{"array instead of object", `[]`, []Problem{{Index: -1, FieldError: fe("", CodeNotPartneryste, 1)}}},
	{"other format", `{"format": "ical", "version": 1, "extra": 1}`, []Problem{{Index: -1, FieldError: fe("format", CodeNotPartneryste, 1)}}},
	{"missing format", `{"version": 1}`, []Problem{{Index: -1, FieldError: fe("format", CodeNotPartneryste, 1)}}},
	{"newer version", "{\"format\": \"partneryste\",\n \"version\": 2}", []Problem{{Index: -1, FieldError: fe("version", CodeUnsupportedVersion, 2)}}},
	{"version as text", "{\"format\": \"partneryste\",\n \"version\": \"1\"}", []Problem{{Index: -1, FieldError: fe("version", CodeUnsupportedVersion, 2)}}},
	{"unknown fields", `{"format": "partneryste", "version": 1,
 "comment": "x",
 "events": [{"id": "e1", "title": "Seminaras", "type": "seminar",
   "start": "2026-03-11T08:00:00Z", "end": "2026-03-11T10:00:00Z",
   "Title": "dup", "room": 5}],
 "practice_cases": [{"title": "Atvejis", "subject": "Istorija", "status": "draft",
   "authors": [{"name": "Ona", "email": "ona@example.lt"}]}]}`, []Problem{
		{Index: -1, FieldError: fe("comment", data.CodeUnknownField, 2)},
		{Section: SectionEvents, Index: 0, FieldError: fe("Title", data.CodeUnknownField, 5)},
		{Section: SectionEvents, Index: 0, FieldError: fe("room", data.CodeUnknownField, 5)},
		{Section: SectionPracticeCases, Index: 0, FieldError: fe("authors.0.email", data.CodeUnknownField, 7)},
	}},
	{"wrong types", `{"format": "partneryste", "version": 1,
 "consultations": [{"id": "c1",
   "date": "2026-02-30",
   "duration_min": "45",
   "format": "phone", "topic": "Tema", "status": "new"}]}`, []Problem{
		{Section: SectionConsultations, Index: 0, ID: "c1", FieldError: fe("date", data.CodeInvalidDate, 3)},
		{Section: SectionConsultations, Index: 0, ID: "c1", FieldError: fe("duration_min", data.CodeInvalidValue, 4)},
	}},
	{"bad timestamp", `{"format": "partneryste", "version": 1,
 "events": [{"title": "A", "type": "seminar",
   "start": "2026-03-11 08:00", "end": "2026-03-11T10:00:00Z"}]}`, []Problem{
		{Section: SectionEvents, Index: 0, FieldError: fe("start", data.CodeInvalidDate, 3)},
	}},
	{"section not a list", `{"format": "partneryste", "version": 1, "consultations": null,
 "events": {"id": "e1"}}`, []Problem{{Index: -1, FieldError: fe("events", data.CodeInvalidValue, 2)}}},
	{"record not an object", `{"format": "partneryste", "version": 1,
 "events": [null]}`, []Problem{{Section: SectionEvents, Index: 0, FieldError: fe("", data.CodeInvalidValue, 2)}}},
	{"invalid records", `{"format": "partneryste", "version": 1,
 "events": [
  {"id": "e1", "title": "", "type": "party",
   "start": "2026-03-11T10:00:00Z", "end": "2026-03-11T08:00:00Z",
   "online_url": "www.example.lt"}
 ],
 "practice_cases": [
  {"id": "p1", "title": "Atvejis", "subject": "Istorija", "status": "draft",
   "authors": [{"name": "Ona"}, {"school": "Mokykla"}]},
  {"id": "p2", "title": "Kitas"}
 ],
 "consultations": [
  {"id": "c1", "date": "2026-02-02", "duration_min": 2000, "format": "phone",
   "topic": "Tema", "status": "new", "requester": {"contact": "ona@"}}
 ]}`, []Problem{
		{Section: SectionEvents, Index: 0, ID: "e1", FieldError: fe("title", data.CodeRequired, 3)},
		{Section: SectionEvents, Index: 0, ID: "e1", FieldError: fe("type", data.CodeInvalidValue, 3)},
		{Section: SectionEvents, Index: 0, ID: "e1", FieldError: fe("end", data.CodeEndBeforeStart, 4)},
		{Section: SectionEvents, Index: 0, ID: "e1", FieldError: fe("online_url", data.CodeInvalidURL, 5)},
		{Section: SectionPracticeCases, Index: 0, ID: "p1", FieldError: fe("authors.1.name", data.CodeRequired, 9)},
		{Section: SectionPracticeCases, Index: 1, ID: "p2", FieldError: fe("authors", data.CodeRequired, 10)},
		{Section: SectionPracticeCases, Index: 1, ID: "p2", FieldError: fe("subject", data.CodeRequired, 10)},
		{Section: SectionPracticeCases, Index: 1, ID: "p2", FieldError: fe("status", data.CodeRequired, 10)},
		{Section: SectionConsultations, Index: 0, ID: "c1", FieldError: data.FieldError{Field: "duration_min", Code: data.CodeOutOfRange, Limit: data.MaxDuration, Line: 13}},
		{Section: SectionConsultations, Index: 0, ID: "c1", FieldError: fe("requester.contact", data.CodeInvalidEmail, 14)},
	}},
	{"duplicate ids", `{"format": "partneryste", "version": 1,
 "events": [
  {"id": "e1", "title": "A", "type": "seminar", "all_day": true, "start_date": "2026-05-01", "end_date": "2026-05-01"},
  {"id": "e1", "title": "B", "type": "seminar", "all_day": true, "start_date": "2026-05-02", "end_date": "2026-05-02"}
 ]}`, []Problem{{Section: SectionEvents, Index: 1, ID: "e1", FieldError: fe("id", CodeDuplicateID, 4)}}},
	{"invalid ids", `{"format": "partneryste", "version": 1,
 "events": [
  {"id": "e 1", "title": "A", "type": "seminar", "all_day": true, "start_date": "2026-05-01", "end_date": "2026-05-01"},
  {"id": "` + strings.Repeat("x", MaxIDBytes+1) + `", "title": "B", "type": "seminar", "all_day": true, "start_date": "2026-05-02", "end_date": "2026-05-02"}
 ]}`, []Problem{
		{Section: SectionEvents, Index: 0, ID: "e 1", FieldError: fe("id", data.CodeInvalidValue, 3)},
		{Section: SectionEvents, Index: 1, ID: strings.Repeat("x", MaxIDBytes+1), FieldError: fe("id", data.CodeInvalidValue, 4)},
	}},
	{"deep nesting", `{"format": "partneryste", "version": 1, "x": ` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}`,
		[]Problem{{Index: -1, FieldError: fe("", data.CodeInvalidJSON, 1), Column: 110}}},
}

func TestDecode_problems(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Decode(strings.NewReader(tc.file))
			if f != nil {
				t.Errorf("Decode returned a file with error %v", err)
			}
			var ierr *ImportError
			if !errors.As(err, &ierr) {
				t.Fatalf("Decode() = %v (%T), want *ImportError", err, err)
			}
			if len(ierr.Problems) != len(tc.want) {
				t.Fatalf("problems:\n%s\nwant:\n%s", problemList(ierr.Problems), problemList(tc.want))
			}
			for i, want := range tc.want {
				if ierr.Problems[i] != want {
					t.Errorf("problem %d = %+v, want %+v", i, ierr.Problems[i], want)
				}
			}
		})
	}
}

func problemList(problems []Problem) string {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString("  " + p.String() + "\n")
	}
	return b.String()
}

func TestDecode_tooLarge(t *testing.T) {
	// A reader of MaxFileMiB MiB plus one byte, made of spaces, which are
	// valid JSON white space, so only the size can reject it.
	size := int64(MaxFileMiB<<20) + 1
	r := &repeatReader{b: ' ', n: size}
	_, err := Decode(r)
	var ierr *ImportError
	if !errors.As(err, &ierr) {
		t.Fatalf("Decode() = %v, want *ImportError", err)
	}
	if got := ierr.Problems[0]; got.Code != data.CodeTooLong || got.Limit != MaxFileMiB {
		t.Errorf("problem = %+v, want too_long with limit %d", got, MaxFileMiB)
	}
}

type repeatReader struct {
	b byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), r.n)
	for i := range n {
		p[i] = r.b
	}
	r.n -= n
	return int(n), nil
}

func TestImportError_message(t *testing.T) {
	var file string
	for _, tc := range decodeCases {
		if tc.name == "invalid records" {
			file = tc.file
		}
	}
	_, err := Decode(strings.NewReader(file))
	msg := err.Error()
	for _, want := range []string{"invalid import file", "line 3: events[0] title: required", "and 5 more"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

// FuzzDecode checks that no input makes Decode panic and that every
// rejection is an *ImportError with known codes and real lines.
func FuzzDecode(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add([]byte(tc.file))
	}
	var buf bytes.Buffer
	if err := Write(&buf, sampleFile()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())

	known := map[string]bool{
		data.CodeRequired: true, data.CodeTooLong: true, data.CodeInvalidURL: true,
		data.CodeInvalidEmail: true, data.CodeEndBeforeStart: true, data.CodeInvalidUTF8: true,
		data.CodeInvalidValue: true, data.CodeInvalidDate: true, data.CodeOutOfRange: true,
		data.CodeUnknownField: true, data.CodeInvalidJSON: true, data.CodeTooMany: true,
		CodeDuplicateID: true, CodeUnsupportedVersion: true, CodeNotPartneryste: true,
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		file, err := Decode(bytes.NewReader(raw))
		if err == nil {
			if file == nil {
				t.Fatal("Decode returned neither a file nor an error")
			}
			if err := check(file); err != nil {
				t.Fatalf("decoded file fails Import's check: %v", err)
			}
			return
		}
		var ierr *ImportError
		if !errors.As(err, &ierr) {
			t.Fatalf("Decode() error %T, want *ImportError", err)
		}
		if len(ierr.Problems) == 0 {
			t.Fatal("ImportError without problems")
		}
		lines := bytes.Count(raw, []byte("\n")) + 1
		for _, p := range ierr.Problems {
			if !known[p.Code] {
				t.Errorf("unknown code in %+v", p)
			}
			if p.Line < 1 || p.Line > lines {
				t.Errorf("line %d outside 1..%d in %+v", p.Line, lines, p)
			}
		}
	})
}
