package jsonio

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
)

// openStore opens a new bbolt data file in a temporary folder.
func openStore(t *testing.T) *boltstore.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "partneryste.db")
	db, err := boltstore.Open(path, boltstore.Options{
		Logger:          slog.New(slog.NewTextHandler(io.Discard, nil)),
		AutoBackupEvery: -1,
	})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func importFile(t *testing.T, s data.Store, f *File) Result {
	t.Helper()
	res, err := Import(s, f)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return res
}

func exportBytes(t *testing.T, s data.Store, opts ExportOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, s, opts); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return buf.Bytes()
}

// withoutMeta returns the records of f with only their ids kept in Meta,
// for comparing records across stores.
func withoutMeta(f *File) *File {
	out := *f
	out.Exported = time.Time{}
	out.Profile = data.Profile{}
	out.Events = append([]data.Event(nil), f.Events...)
	out.PracticeCases = append([]data.PracticeCase(nil), f.PracticeCases...)
	out.Consultations = append([]data.Consultation(nil), f.Consultations...)
	for _, r := range out.Records() {
		*r.Header() = data.Meta{ID: r.Header().ID}
	}
	return &out
}

func TestImport_exportRoundTrip(t *testing.T) {
	source := openStore(t)
	res := importFile(t, source, sampleFile())
	want := Tally{Events: 2, PracticeCases: 1, Consultations: 1}
	if res.Created != want || res.Updated.Total() != 0 {
		t.Fatalf("first import: created %+v updated %+v, want created %+v", res.Created, res.Updated, want)
	}

	exported := exportBytes(t, source, ExportOptions{IncludePersonal: true})
	decoded, err := Decode(bytes.NewReader(exported))
	if err != nil {
		t.Fatalf("Decode(export): %v", err)
	}

	target := openStore(t)
	if res := importFile(t, target, decoded); res.Created != want {
		t.Errorf("import into fresh store: created %+v, want %+v", res.Created, want)
	}
	again, err := Collect(target, ExportOptions{IncludePersonal: true})
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	first, err := Decode(bytes.NewReader(exported))
	if err != nil {
		t.Fatalf("Decode(export): %v", err)
	}
	if got, want := withoutMeta(again), withoutMeta(first); !reflect.DeepEqual(got, want) {
		t.Errorf("records differ after round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestImport_againUnchanged(t *testing.T) {
	s := openStore(t)
	importFile(t, s, sampleFile())
	before, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	res := importFile(t, s, sampleFile())

	want := Tally{Events: 2, PracticeCases: 1, Consultations: 1}
	if res.Unchanged != want {
		t.Errorf("second import: unchanged %+v, want %+v", res.Unchanged, want)
	}
	if res.Created.Total() != 0 || res.Updated.Total() != 0 {
		t.Errorf("second import: created %+v updated %+v, want none", res.Created, res.Updated)
	}
	after, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("counts after the second import = %+v, want %+v", after, before)
	}
	ev, err := s.Event("ev-1")
	if err != nil {
		t.Fatal(err)
	}
	if ev.Revision != 1 {
		t.Errorf("revision after re-import = %d, want 1", ev.Revision)
	}
}

func TestImport_changedRecordUpdates(t *testing.T) {
	s := openStore(t)
	importFile(t, s, sampleFile())
	f := sampleFile()
	f.Events[0].Title += " (pakeista)"
	res := importFile(t, s, f)

	if want := (Tally{Events: 1}); res.Updated != want {
		t.Errorf("updated %+v, want %+v", res.Updated, want)
	}
	if want := (Tally{Events: 1, PracticeCases: 1, Consultations: 1}); res.Unchanged != want {
		t.Errorf("unchanged %+v, want %+v", res.Unchanged, want)
	}
	ev, err := s.Event(f.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Revision != 2 || ev.Title != f.Events[0].Title {
		t.Errorf("changed event = revision %d, title %q; want revision 2 with the new title", ev.Revision, ev.Title)
	}
}

func TestImport_ownExportUnchanged(t *testing.T) {
	s := openStore(t)
	importFile(t, s, sampleFile())
	before, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}

	// Without personal data, as a user shares an export; the stored
	// requester is kept, so the consultation is unchanged too.
	exported, err := Decode(bytes.NewReader(exportBytes(t, s, ExportOptions{})))
	if err != nil {
		t.Fatalf("Decode(export): %v", err)
	}
	res := importFile(t, s, exported)

	if want := (Tally{Events: 2, PracticeCases: 1, Consultations: 1}); res.Unchanged != want {
		t.Errorf("unchanged %+v, want %+v (updated %+v)", res.Unchanged, want, res.Updated)
	}
	after, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if after.Outbox != before.Outbox {
		t.Errorf("outbox after importing the export = %d, want %d", after.Outbox, before.Outbox)
	}
}

func TestImport_storeAssignsMeta(t *testing.T) {
	s := openStore(t)
	f := sampleFile()
	f.Events[0].Meta = data.Meta{ID: "ev-1", Association: "someone-else", Revision: 99, Created: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	importFile(t, s, f)

	profile, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	ev, err := s.Event("ev-1")
	if err != nil {
		t.Fatal(err)
	}
	if ev.Association != profile.AssociationID {
		t.Errorf("association = %q, want the store's %q", ev.Association, profile.AssociationID)
	}
	if ev.Revision != 1 {
		t.Errorf("revision = %d, want 1", ev.Revision)
	}
	if ev.Created.Year() == 2000 {
		t.Errorf("created = %v, taken from the file", ev.Created)
	}
}

func TestImport_invalidWritesNothing(t *testing.T) {
	s := openStore(t)
	f := sampleFile()
	f.Consultations[0].DurationMin = 0
	f.PracticeCases = append(f.PracticeCases, f.PracticeCases[0])

	_, err := Import(s, f)
	var ierr *ImportError
	if !errors.As(err, &ierr) {
		t.Fatalf("Import() = %v, want *ImportError", err)
	}
	wantCodes := map[string]bool{data.CodeRequired: true, CodeDuplicateID: true}
	for _, p := range ierr.Problems {
		if !wantCodes[p.Code] {
			t.Errorf("unexpected problem %v", p)
		}
		delete(wantCodes, p.Code)
	}
	if len(wantCodes) > 0 {
		t.Errorf("missing problems with codes %v in %v", wantCodes, ierr.Problems)
	}

	counts, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if counts != (data.Counts{}) {
		t.Errorf("counts after rejected import = %+v, want none", counts)
	}
}

func TestImport_skipsDeleted(t *testing.T) {
	s := openStore(t)
	f := sampleFile()
	f.Events[1].Deleted = true
	res := importFile(t, s, f)
	if res.Skipped != 1 || res.Created.Events != 1 {
		t.Errorf("result %+v, want 1 event created and 1 skipped", res)
	}
	if _, err := s.Event("ev-2"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleted event imported: Event(ev-2) error = %v", err)
	}
}

func TestImport_adoptsProfileName(t *testing.T) {
	s := openStore(t)
	res := importFile(t, s, sampleFile())
	profile, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	if !res.ProfileNamed || profile.Name != sampleFile().Profile.Name {
		t.Errorf("profile %+v (named %v), want the file's name", profile, res.ProfileNamed)
	}
	if profile.AssociationID == sampleFile().Profile.AssociationID {
		t.Errorf("association id replaced by the file's")
	}

	f := sampleFile()
	f.Profile.Name = "Kita asociacija"
	if res := importFile(t, s, f); res.ProfileNamed {
		t.Errorf("second import renamed the profile")
	}
}

func TestExport_withoutPersonalData(t *testing.T) {
	s := openStore(t)
	importFile(t, s, sampleFile())

	raw := exportBytes(t, s, ExportOptions{})
	for _, personal := range []string{"Jonas", "jonas@example.lt"} {
		if bytes.Contains(raw, []byte(personal)) {
			t.Errorf("export without -personal contains %q", personal)
		}
	}
	withPersonal := exportBytes(t, s, ExportOptions{IncludePersonal: true})
	if !bytes.Contains(withPersonal, []byte("jonas@example.lt")) {
		t.Errorf("export with personal data lacks the requester's contact")
	}

	// Importing the file without personal data must keep the stored
	// requester rather than erase it.
	f, err := Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	importFile(t, s, f)
	c, err := s.Consultation("co-1")
	if err != nil {
		t.Fatal(err)
	}
	if c.Requester.Contact != "jonas@example.lt" {
		t.Errorf("requester after re-import = %+v, want it kept", c.Requester)
	}
}

func TestExport_deterministic(t *testing.T) {
	s := openStore(t)
	importFile(t, s, sampleFile())
	extra := data.Event{Title: "Ankstesnis renginys", Type: data.EventMeeting,
		Start: time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
	if err := s.Save(&extra); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(data.KindEvent, "ev-2"); err != nil {
		t.Fatal(err)
	}

	now := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	first := exportBytes(t, s, ExportOptions{Now: now})
	second := exportBytes(t, s, ExportOptions{Now: now})
	if !bytes.Equal(first, second) {
		t.Errorf("two exports differ")
	}
	if !bytes.Contains(first, []byte(`"exported": "2026-03-12T10:00:00Z"`)) {
		t.Errorf("export lacks the exported time in UTC")
	}
	if bytes.Contains(first, []byte("ev-2")) {
		t.Errorf("export contains the deleted event")
	}

	f, err := Decode(bytes.NewReader(first))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if len(f.Events) != 2 || f.Events[0].ID != extra.ID || f.Events[1].ID != "ev-1" {
		t.Errorf("events not in start order: %+v", f.Events)
	}
}

func TestExport_emptyStore(t *testing.T) {
	s := openStore(t)
	raw := string(exportBytes(t, s, ExportOptions{}))
	for _, want := range []string{`"events": []`, `"practice_cases": []`, `"consultations": []`, `"format": "partneryste"`, `"version": 1`} {
		if !strings.Contains(raw, want) {
			t.Errorf("empty export lacks %s:\n%s", want, raw)
		}
	}
	if _, err := Decode(strings.NewReader(raw)); err != nil {
		t.Errorf("Decode(empty export): %v", err)
	}
}
