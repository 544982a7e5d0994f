package boltstore

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"partneryste/data"
)

func TestOpenCreatesFileAndProfile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "profile")
	path := filepath.Join(dir, "partneryste.db")
	s := mustOpenPath(t, path, testOptions(newTestClock()))

	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("stat data file: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("data file mode = %o, want 600", perm)
	}
	dirInfo, err := os.Stat(dir)
	if err != nil {
		t.Fatalf("stat data folder: %v", err)
	}
	if perm := dirInfo.Mode().Perm(); perm != 0o700 {
		t.Errorf("data folder mode = %o, want 700", perm)
	}
	p, err := s.Profile()
	if err != nil {
		t.Fatalf("Profile: %v", err)
	}
	if len(p.AssociationID) != 36 {
		t.Errorf("AssociationID = %q, want a UUID", p.AssociationID)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
}

func TestProfileKeptAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	opts := testOptions(newTestClock())
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	first, _ := s.Profile()
	if err := s.SaveProfile(data.Profile{Name: "Lietuvos matematikos mokytojų asociacija"}); err != nil {
		t.Fatalf("SaveProfile: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	s = mustOpenPath(t, path, opts)
	got, err := s.Profile()
	if err != nil {
		t.Fatalf("Profile: %v", err)
	}
	if got.AssociationID != first.AssociationID {
		t.Errorf("AssociationID = %q after reopen, want %q", got.AssociationID, first.AssociationID)
	}
	if got.Name != "Lietuvos matematikos mokytojų asociacija" {
		t.Errorf("Name = %q", got.Name)
	}
}

func TestSaveAssignsMetaAndRevisions(t *testing.T) {
	s := mustOpen(t)
	profile, _ := s.Profile()
	ev := newEvent("Seminaras apie vertinimą", vilnius(2026, 4, 2, 10, 0))
	mustSave(t, s, ev)

	if ev.ID == "" {
		t.Fatal("Save left the id empty")
	}
	if ev.Revision != 1 {
		t.Errorf("Revision = %d after first save, want 1", ev.Revision)
	}
	if ev.Association != profile.AssociationID {
		t.Errorf("Association = %q, want %q", ev.Association, profile.AssociationID)
	}
	if ev.Created.IsZero() || !ev.Created.Equal(ev.Updated) && ev.Updated.Before(ev.Created) {
		t.Errorf("Created = %v, Updated = %v", ev.Created, ev.Updated)
	}
	created := ev.Created

	ev.Title = "Seminaras apie vertinimą klasėje"
	mustSave(t, s, ev)
	ev.Title = "Seminaras apie formuojamąjį vertinimą"
	mustSave(t, s, ev)
	if ev.Revision != 3 {
		t.Errorf("Revision = %d after three saves, want 3", ev.Revision)
	}
	if !ev.Created.Equal(created) {
		t.Errorf("Created changed from %v to %v", created, ev.Created)
	}
	if !ev.Updated.After(created) {
		t.Errorf("Updated = %v, want after %v", ev.Updated, created)
	}

	got, err := s.Event(ev.ID)
	if err != nil {
		t.Fatalf("Event: %v", err)
	}
	if got.Title != ev.Title || got.Revision != 3 || !got.Start.Equal(ev.Start) {
		t.Errorf("Event = %+v, want title %q revision 3 start %v", got, ev.Title, ev.Start)
	}
}

func TestSaveWithGivenIDCreatesRecord(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Projektinis mokymasis", "Matematika", data.CaseDraft)
	c.ID = "imported-0001"
	mustSave(t, s, c)
	if c.Revision != 1 {
		t.Errorf("Revision = %d, want 1", c.Revision)
	}
	got, err := s.PracticeCase("imported-0001")
	if err != nil {
		t.Fatalf("PracticeCase: %v", err)
	}
	if got.Title != c.Title {
		t.Errorf("Title = %q, want %q", got.Title, c.Title)
	}
}

// invalidRecord is a record whose validation always fails.
type invalidRecord struct {
	data.Event
}

func (*invalidRecord) Validate() error {
	return &data.ValidationError{Kind: data.KindEvent, Index: -1, Fields: []data.FieldError{{Field: "title", Code: data.CodeRequired}}}
}

func TestSaveInvalidStoresNothing(t *testing.T) {
	s := mustOpen(t)
	r := &invalidRecord{}
	err := s.Save(r)
	var verr *data.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Save(invalid) = %v, want *data.ValidationError", err)
	}
	if _, ok := verr.Field("title"); !ok {
		t.Errorf("ValidationError %v lacks the title field", verr)
	}
	if r.ID != "" || r.Revision != 0 {
		t.Errorf("Save(invalid) changed meta to %+v", r.Meta)
	}
	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if counts != (data.Counts{}) {
		t.Errorf("Counts = %+v after an invalid save, want zero", counts)
	}
}

func TestSaveRealValidationRejects(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("", vilnius(2026, 4, 2, 10, 0))
	err := s.Save(ev)
	var verr *data.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Save(event without title) = %v, want *data.ValidationError", err)
	}
	if _, ok := verr.Field("title"); !ok {
		t.Errorf("ValidationError %v lacks the title field", verr)
	}
	if ev.ID != "" {
		t.Errorf("rejected Save assigned id %q", ev.ID)
	}
	counts, _ := s.Counts()
	if counts.Events != 0 || counts.Outbox != 0 {
		t.Errorf("Counts = %+v after a rejected save", counts)
	}
}

func TestGetUnknownID(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.Event("missing"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Event(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.PracticeCase("missing"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("PracticeCase(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.Consultation("missing"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Consultation(missing) = %v, want ErrNotFound", err)
	}
	if err := s.Delete(data.KindEvent, "missing"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Delete(missing) = %v, want ErrNotFound", err)
	}
}

func TestSaveQueuesOutboxEntry(t *testing.T) {
	s := mustOpen(t)
	c := newConsultation("pažangos vertinimas", day(2026, 3, 2), data.ConsultationNew)
	mustSave(t, s, c)
	c.Status = data.ConsultationAnswered
	mustSave(t, s, c)

	changes, err := s.Outbox()
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	if len(changes) != 2 {
		t.Fatalf("Outbox has %d entries, want 2", len(changes))
	}
	for i, ch := range changes {
		if ch.ChangeID == "" || ch.Kind != data.KindConsultation || ch.RecordID != c.ID || ch.Op != OpPut {
			t.Errorf("change %d = %+v", i, ch)
		}
		if ch.Revision != int64(i+1) || ch.BaseRevision != int64(i) {
			t.Errorf("change %d revision %d base %d, want %d base %d", i, ch.Revision, ch.BaseRevision, i+1, i)
		}
		var stored data.Consultation
		if err := jsonUnmarshal(ch.Content, &stored); err != nil {
			t.Fatalf("change %d content: %v", i, err)
		}
		if stored.Revision != ch.Revision {
			t.Errorf("change %d content revision %d, want %d", i, stored.Revision, ch.Revision)
		}
	}
	if changes[0].ChangeID == changes[1].ChangeID {
		t.Error("two changes share a change id")
	}
	if changes[1].QueuedAt.Before(changes[0].QueuedAt) {
		t.Error("outbox is not in the order changes were made")
	}
	counts, _ := s.Counts()
	if counts.Outbox != 2 || counts.Consultations != 1 {
		t.Errorf("Counts = %+v, want 1 consultation and 2 outbox entries", counts)
	}
}

func TestDeleteTombstoneAndAcknowledge(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Konferencija", vilnius(2026, 5, 20, 9, 0))
	mustSave(t, s, ev)
	keep := newEvent("Susirinkimas", vilnius(2026, 5, 21, 9, 0))
	mustSave(t, s, keep)

	if err := s.Delete(data.KindEvent, ev.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Event(ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Event(tombstone) = %v, want ErrNotFound", err)
	}
	if err := s.Delete(data.KindEvent, ev.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
	events, err := s.Events(data.EventFilter{})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	if len(events) != 1 || events[0].ID != keep.ID {
		t.Errorf("Events = %v, want only %s", eventTitles(events), keep.Title)
	}
	counts, _ := s.Counts()
	if counts.Events != 1 || counts.Outbox != 3 {
		t.Errorf("Counts = %+v, want 1 event and 3 outbox entries", counts)
	}

	changes, _ := s.Outbox()
	last := changes[len(changes)-1]
	if last.Op != OpDelete || last.RecordID != ev.ID || last.Revision != 2 || last.BaseRevision != 1 {
		t.Errorf("delete change = %+v", last)
	}

	// Acknowledging the put leaves the tombstone, which still waits for
	// its delete to reach the server.
	if err := s.Acknowledge(changes[0].ChangeID); err != nil {
		t.Fatalf("Acknowledge(put): %v", err)
	}
	if tombstones(t, s, data.KindEvent) != 1 {
		t.Error("tombstone removed before its delete was acknowledged")
	}
	if err := s.Acknowledge(last.ChangeID, "unknown-change"); err != nil {
		t.Fatalf("Acknowledge(delete): %v", err)
	}
	if tombstones(t, s, data.KindEvent) != 0 {
		t.Error("tombstone kept after its delete was acknowledged")
	}
	if err := s.Acknowledge(last.ChangeID); err != nil {
		t.Errorf("repeated Acknowledge = %v, want nil", err)
	}
	counts, _ = s.Counts()
	if counts.Outbox != 1 || counts.Events != 1 {
		t.Errorf("Counts = %+v, want 1 event and 1 outbox entry", counts)
	}
}

func TestAcknowledgeKeepsNewerRevisionQueued(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Skaitymo skatinimas", "Lietuvių kalba", data.CaseDraft)
	mustSave(t, s, c)
	first, _ := s.Outbox()
	c.Status = data.CaseReady
	mustSave(t, s, c)

	if err := s.Acknowledge(first[0].ChangeID); err != nil {
		t.Fatalf("Acknowledge: %v", err)
	}
	rest, _ := s.Outbox()
	if len(rest) != 1 || rest[0].Revision != 2 {
		t.Fatalf("Outbox after acknowledging revision 1 = %+v, want revision 2 only", rest)
	}
	if err := s.Acknowledge(rest[0].ChangeID); err != nil {
		t.Fatalf("Acknowledge: %v", err)
	}
	got, err := s.PracticeCase(c.ID)
	if err != nil {
		t.Fatalf("PracticeCase after acknowledgement: %v", err)
	}
	if got.Status != data.CaseReady {
		t.Errorf("Status = %q, want ready", got.Status)
	}
}

func TestSaveRevivesTombstone(t *testing.T) {
	s := mustOpen(t)
	c := newConsultation("mokinių pažanga", day(2026, 1, 5), data.ConsultationNew)
	mustSave(t, s, c)
	if err := s.Delete(data.KindConsultation, c.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	mustSave(t, s, c)
	if c.Revision != 3 || c.Deleted {
		t.Errorf("revived record has revision %d deleted %v, want 3 and false", c.Revision, c.Deleted)
	}
	if _, err := s.Consultation(c.ID); err != nil {
		t.Errorf("Consultation after revival: %v", err)
	}
}

func TestSearchIgnoresDiacritics(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, newCase("Žinių patikrinimas be streso", "Fizika", data.CaseDraft))
	mustSave(t, s, newCase("Lauko pamokos gamtoje", "Biologija", data.CaseDraft))
	mustSave(t, s, newEvent("Šiuolaikinės pamokos dizainas", vilnius(2026, 6, 1, 13, 0)))
	mustSave(t, s, newConsultation("Užduočių kūrimas", day(2026, 2, 1), data.ConsultationNew))

	for _, query := range []string{"ziniu", "ŽINIŲ", "ziniu patikrinimas", "  Ziniu  "} {
		cases, err := s.PracticeCases(data.CaseFilter{Query: query})
		if err != nil {
			t.Fatalf("PracticeCases(%q): %v", query, err)
		}
		if len(cases) != 1 || cases[0].Title != "Žinių patikrinimas be streso" {
			t.Errorf("PracticeCases(%q) = %v, want the Žinių case", query, caseTitles(cases))
		}
	}
	if cases, _ := s.PracticeCases(data.CaseFilter{Query: "ziniu gamtoje"}); len(cases) != 0 {
		t.Errorf("two words from different cases matched %v", caseTitles(cases))
	}
	events, err := s.Events(data.EventFilter{Query: "siuolaikines"})
	if err != nil || len(events) != 1 {
		t.Errorf("Events(siuolaikines) = %v, %v; want one event", eventTitles(events), err)
	}
	consultations, err := s.Consultations(data.ConsultationFilter{Query: "uzduociu"})
	if err != nil || len(consultations) != 1 {
		t.Errorf("Consultations(uzduociu) = %d, %v; want one", len(consultations), err)
	}
}

func TestPracticeCasesLithuanianOrder(t *testing.T) {
	s := mustOpen(t)
	titles := []string{"Žaidimai", "Zoologija", "Šokis", "Sodas", "Yda", "Istorija", "Čiuožimas", "Cirkas", "jaunimas", "Ąžuolas", "Aplinka"}
	for _, title := range titles {
		mustSave(t, s, newCase(title, "Dalykas", data.CaseDraft))
	}
	cases, err := s.PracticeCases(data.CaseFilter{})
	if err != nil {
		t.Fatalf("PracticeCases: %v", err)
	}
	// y is a variant of i, so "Yda" sorts as "Ida", before "Istorija".
	want := []string{"Aplinka", "Ąžuolas", "Cirkas", "Čiuožimas", "Yda", "Istorija", "jaunimas", "Sodas", "Šokis", "Zoologija", "Žaidimai"}
	got := caseTitles(cases)
	if len(got) != len(want) {
		t.Fatalf("PracticeCases = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("PracticeCases order = %v, want %v", got, want)
		}
	}
	for i := 1; i < len(got); i++ {
		if data.CompareLT(got[i-1], got[i]) > 0 {
			t.Errorf("%q sorts before %q against data.CompareLT", got[i-1], got[i])
		}
	}
}

func TestPracticeCaseFilters(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, newCase("Trupmenos", "Matematika", data.CaseApproved, data.LevelPrimary, data.LevelBasic))
	mustSave(t, s, newCase("Lygtys", "Matematika", data.CaseDraft, data.LevelSecondary))
	mustSave(t, s, newCase("Eilėraščiai", "Lietuvių kalba", data.CaseApproved, data.LevelBasic))

	tests := []struct {
		name   string
		filter data.CaseFilter
		want   []string
	}{
		{"all", data.CaseFilter{}, []string{"Eilėraščiai", "Lygtys", "Trupmenos"}},
		{"status", data.CaseFilter{Status: data.CaseApproved}, []string{"Eilėraščiai", "Trupmenos"}},
		{"subject folded", data.CaseFilter{Subject: "lietuviu kalba"}, []string{"Eilėraščiai"}},
		{"level", data.CaseFilter{Level: data.LevelBasic}, []string{"Eilėraščiai", "Trupmenos"}},
		{"level and subject", data.CaseFilter{Level: data.LevelBasic, Subject: "Matematika"}, []string{"Trupmenos"}},
		{"no match", data.CaseFilter{Status: data.CasePublished}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cases, err := s.PracticeCases(tt.filter)
			if err != nil {
				t.Fatalf("PracticeCases: %v", err)
			}
			got := caseTitles(cases)
			if len(got) != len(tt.want) {
				t.Fatalf("PracticeCases(%+v) = %v, want %v", tt.filter, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("PracticeCases(%+v) = %v, want %v", tt.filter, got, tt.want)
				}
			}
		})
	}

	cases, _ := s.PracticeCases(data.CaseFilter{Subject: "Matematika", Status: data.CaseApproved})
	if len(cases) != 1 {
		t.Fatalf("want one summary, got %d", len(cases))
	}
	sum := cases[0]
	if sum.ID == "" || sum.Revision != 1 || len(sum.Levels) != 2 || len(sum.Authors) != 1 || sum.Authors[0] != "Rūta Petraitienė" || sum.Updated.IsZero() {
		t.Errorf("summary = %+v", sum)
	}
}

func TestEventsRangeAndOrder(t *testing.T) {
	s := mustOpen(t)
	late := newEvent("Vasaros stovykla", vilnius(2026, 7, 1, 9, 0))
	early := newEvent("Metinis susirinkimas", vilnius(2026, 3, 10, 17, 0))
	// Ends at midnight, so its last day is 2026-03-12.
	evening := newEvent("Vakaro seminaras", vilnius(2026, 3, 12, 22, 0))
	evening.End = vilnius(2026, 3, 13, 0, 0).UTC()
	allDay := &data.Event{Title: "Metodinė diena", Type: data.EventCourse, AllDay: true, StartDate: day(2026, 3, 11), EndDate: day(2026, 3, 13)}
	for _, ev := range []*data.Event{late, early, evening, allDay} {
		mustSave(t, s, ev)
	}

	events, err := s.Events(data.EventFilter{})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	want := []string{"Metinis susirinkimas", "Metodinė diena", "Vakaro seminaras", "Vasaros stovykla"}
	assertTitles(t, "Events(all)", eventTitles(events), want)

	events, _ = s.Events(data.EventFilter{From: day(2026, 3, 13), To: day(2026, 3, 31)})
	assertTitles(t, "Events(13..31 March)", eventTitles(events), []string{"Metodinė diena"})

	events, _ = s.Events(data.EventFilter{From: day(2026, 3, 12), To: day(2026, 3, 12)})
	assertTitles(t, "Events(12 March)", eventTitles(events), []string{"Metodinė diena", "Vakaro seminaras"})

	events, _ = s.Events(data.EventFilter{To: day(2026, 3, 10)})
	assertTitles(t, "Events(to 10 March)", eventTitles(events), []string{"Metinis susirinkimas"})

	events, _ = s.Events(data.EventFilter{From: day(2026, 6, 30)})
	assertTitles(t, "Events(from 30 June)", eventTitles(events), []string{"Vasaros stovykla"})
}

func TestConsultationsNewestFirst(t *testing.T) {
	s := mustOpen(t)
	older := newConsultation("Pirmoji", day(2026, 1, 10), data.ConsultationClosed)
	newer := newConsultation("Antroji", day(2026, 2, 10), data.ConsultationNew)
	sameDayLater := newConsultation("Trečioji", day(2026, 2, 10), data.ConsultationNew)
	other := newConsultation("Ketvirtoji", day(2026, 2, 11), data.ConsultationNew)
	other.Category = "Įtraukusis ugdymas"
	for _, c := range []*data.Consultation{older, newer, sameDayLater, other} {
		mustSave(t, s, c)
	}

	list, err := s.Consultations(data.ConsultationFilter{})
	if err != nil {
		t.Fatalf("Consultations: %v", err)
	}
	assertTitles(t, "Consultations(all)", topics(list), []string{"Ketvirtoji", "Trečioji", "Antroji", "Pirmoji"})

	list, _ = s.Consultations(data.ConsultationFilter{Status: data.ConsultationClosed})
	assertTitles(t, "Consultations(closed)", topics(list), []string{"Pirmoji"})

	list, _ = s.Consultations(data.ConsultationFilter{Category: "itraukusis ugdymas"})
	assertTitles(t, "Consultations(category)", topics(list), []string{"Ketvirtoji"})

	list, _ = s.Consultations(data.ConsultationFilter{From: day(2026, 2, 1), To: day(2026, 2, 10)})
	assertTitles(t, "Consultations(1..10 February)", topics(list), []string{"Trečioji", "Antroji"})

	if list[0].Requester.Name != "Jonas Jonaitis" {
		t.Errorf("requester not stored: %+v", list[0].Requester)
	}
}

func TestReopenKeepsIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	opts := testOptions(newTestClock())
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	mustSave(t, s, newCase("Ąžuolų giraitė", "Gamta", data.CaseDraft))
	mustSave(t, s, newCase("Ąžuolai", "Gamta", data.CaseDraft))
	ev := newEvent("Renginys", vilnius(2026, 3, 1, 10, 0))
	mustSave(t, s, ev)
	if err := s.Delete(data.KindEvent, ev.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	s = mustOpenPath(t, path, opts)
	cases, err := s.PracticeCases(data.CaseFilter{Query: "azuol"})
	if err != nil {
		t.Fatalf("PracticeCases: %v", err)
	}
	assertTitles(t, "PracticeCases(azuol)", caseTitles(cases), []string{"Ąžuolai", "Ąžuolų giraitė"})
	counts, _ := s.Counts()
	if counts.Events != 0 || counts.PracticeCases != 2 || counts.Outbox != 4 {
		t.Errorf("Counts after reopen = %+v", counts)
	}
}

func TestClosedStoreReturnsErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	s, err := Open(path, testOptions(newTestClock()))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
	ev := newEvent("Po uždarymo", time.Now())
	if err := s.Save(ev); err == nil {
		t.Error("Save on a closed store = nil, want an error")
	}
	if ev.ID != "" {
		t.Errorf("failed Save left id %q", ev.ID)
	}
}

func assertTitles(t *testing.T, call string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", call, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s = %v, want %v", call, got, want)
			return
		}
	}
}

func caseTitles(cases []data.CaseSummary) []string {
	var titles []string
	for _, c := range cases {
		titles = append(titles, c.Title)
	}
	return titles
}

func eventTitles(events []data.Event) []string {
	var titles []string
	for _, e := range events {
		titles = append(titles, e.Title)
	}
	return titles
}

func topics(list []data.Consultation) []string {
	var out []string
	for _, c := range list {
		out = append(out, c.Topic)
	}
	return out
}

// tombstones counts the tombstones of kind stored in the file.
func tombstones(t *testing.T, s *DB, kind data.Kind) int {
	t.Helper()
	n := 0
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, e := range s.index[kind] {
		if e.Deleted {
			n++
		}
	}
	return n
}
