package sample

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/jsonio"
)

func openStore(t *testing.T) *boltstore.DB {
	t.Helper()

	s, err := boltstore.Open(filepath.Join(t.TempDir(), "partneryste.db"), boltstore.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return s
}

func TestLoad_newStore(t *testing.T) {
	f := decodeSample(t)
	s := openStore(t)

	res, err := Load(s)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	want := jsonio.Tally{Events: len(f.Events), PracticeCases: len(f.PracticeCases), Consultations: len(f.Consultations)}
	if res.Created != want {
		t.Errorf("created %+v, want %+v", res.Created, want)
	}
	if res.Updated.Total() != 0 {
		t.Errorf("updated %+v in an empty store, want none", res.Updated)
	}
	if !res.ProfileNamed {
		t.Error("ProfileNamed = false for a store without a name")
	}

	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if counts.Events != want.Events || counts.PracticeCases != want.PracticeCases || counts.Consultations != want.Consultations {
		t.Errorf("store counts %+v, want %+v", counts, want)
	}

	p, err := s.Profile()
	if err != nil {
		t.Fatalf("Profile: %v", err)
	}
	if p.Name != AssociationName {
		t.Errorf("profile name = %q, want %q", p.Name, AssociationName)
	}
}

func TestLoad_keepsRecordContent(t *testing.T) {
	f := decodeSample(t)
	s := openStore(t)
	if _, err := Load(s); err != nil {
		t.Fatalf("Load: %v", err)
	}

	for _, want := range f.Events {
		got, err := s.Event(want.ID)
		if err != nil {
			t.Errorf("Event(%s): %v", want.ID, err)
			continue
		}
		if got.Title != want.Title || !got.Start.Equal(want.Start) || !got.End.Equal(want.End) || got.StartDate != want.StartDate || got.EndDate != want.EndDate {
			t.Errorf("%s stored as %q %v–%v %s–%s, want %q %v–%v %s–%s", want.ID,
				got.Title, got.Start, got.End, got.StartDate, got.EndDate,
				want.Title, want.Start, want.End, want.StartDate, want.EndDate)
		}
	}

	for _, want := range f.PracticeCases {
		got, err := s.PracticeCase(want.ID)
		if err != nil {
			t.Errorf("PracticeCase(%s): %v", want.ID, err)
			continue
		}
		gotSections, wantSections := got.Sections(), want.Sections()
		for i := range wantSections {
			if *gotSections[i].Text != *wantSections[i].Text {
				t.Errorf("%s %s changed in the store", want.ID, wantSections[i].Field)
			}
		}
	}

	for _, want := range f.Consultations {
		got, err := s.Consultation(want.ID)
		if err != nil {
			t.Errorf("Consultation(%s): %v", want.ID, err)
			continue
		}
		if got.Requester != want.Requester || got.Date != want.Date || got.FollowUp != want.FollowUp {
			t.Errorf("%s stored with requester %+v, date %s, follow-up %s; want %+v, %s, %s", want.ID,
				got.Requester, got.Date, got.FollowUp, want.Requester, want.Date, want.FollowUp)
		}
	}
}

func TestLoad_twiceUnchanged(t *testing.T) {
	s := openStore(t)
	first, err := Load(s)
	if err != nil {
		t.Fatalf("first Load: %v", err)
	}
	before, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}

	second, err := Load(s)
	if err != nil {
		t.Fatalf("second Load: %v", err)
	}

	if second.Created.Total() != 0 {
		t.Errorf("second Load created %+v, want none", second.Created)
	}
	if second.Unchanged != first.Created {
		t.Errorf("second Load left %+v unchanged, want %+v", second.Unchanged, first.Created)
	}
	if second.Updated.Total() != 0 {
		t.Errorf("second Load updated %+v, want none", second.Updated)
	}
	after, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if after != before {
		t.Errorf("counts after second Load %+v, want %+v", after, before)
	}
}

func TestLoad_keepsProfileName(t *testing.T) {
	s := openStore(t)
	p, err := s.Profile()
	if err != nil {
		t.Fatalf("Profile: %v", err)
	}
	p.Name = "Mano mokytojų draugija"
	if err := s.SaveProfile(p); err != nil {
		t.Fatalf("SaveProfile: %v", err)
	}

	res, err := Load(s)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	if res.ProfileNamed {
		t.Error("ProfileNamed = true for a store that already had a name")
	}
	got, err := s.Profile()
	if err != nil {
		t.Fatalf("Profile: %v", err)
	}
	if got.Name != "Mano mokytojų draugija" {
		t.Errorf("profile name = %q, want the user's name kept", got.Name)
	}
}

func TestLoad_keepsUserRecords(t *testing.T) {
	s := openStore(t)
	own := &data.Event{
		Title: "Mūsų pačių renginys",
		Type:  data.EventOther,
		Start: time.Date(2026, time.December, 5, 10, 0, 0, 0, data.Vilnius),
		End:   time.Date(2026, time.December, 5, 11, 0, 0, 0, data.Vilnius),
	}
	if err := s.Save(own); err != nil {
		t.Fatalf("Save: %v", err)
	}

	if _, err := Load(s); err != nil {
		t.Fatalf("Load: %v", err)
	}

	got, err := s.Event(own.ID)
	if err != nil {
		t.Fatalf("Event(%s) after Load: %v", own.ID, err)
	}
	if got.Title != own.Title {
		t.Errorf("user's event title = %q, want %q", got.Title, own.Title)
	}
}

// TestLoad_openingMonth checks through the store's own filters what a new
// user sees first: the calendar opens on December 2026, and a search typed
// without diacritics finds the Lithuanian text.
func TestLoad_openingMonth(t *testing.T) {
	s := openStore(t)
	if _, err := Load(s); err != nil {
		t.Fatalf("Load: %v", err)
	}

	december, err := s.Events(data.EventFilter{
		From: data.Date{Year: 2026, Month: time.December, Day: 1},
		To:   data.Date{Year: 2026, Month: time.December, Day: 31},
	})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	if len(december) < 5 {
		t.Errorf("%d events in December 2026, want at least 5", len(december))
	}

	// "seseliai" must find "šešėliai" in the discovery boxes case.
	cases, err := s.PracticeCases(data.CaseFilter{Query: "seseliai"})
	if err != nil {
		t.Fatalf("PracticeCases: %v", err)
	}
	if !slices.ContainsFunc(cases, func(c data.CaseSummary) bool { return c.ID == "sample-case-07" }) {
		t.Errorf("search for %q found %d cases without sample-case-07", "seseliai", len(cases))
	}
}

func TestLoad_closedStore(t *testing.T) {
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "partneryste.db"), boltstore.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	_, err = Load(s)
	if err == nil {
		t.Fatal("Load into a closed store returned nil error")
	}
	var importErr *jsonio.ImportError
	if errors.As(err, &importErr) {
		t.Errorf("Load into a closed store returned an import problem %v, want the store's error", err)
	}
}

func TestLoad_queuesNothingToSend(t *testing.T) {
	s := openStore(t)
	if _, err := Load(s); err != nil {
		t.Fatalf("Load: %v", err)
	}
	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if counts.Outbox != 0 {
		t.Errorf("outbox after Load = %d, want 0", counts.Outbox)
	}

	// An edited sample record stays on this computer.
	ev, err := s.Event("sample-event-01")
	if err != nil {
		t.Fatalf("Event: %v", err)
	}
	ev.Title += " (pakeista)"
	if err := s.Save(&ev); err != nil {
		t.Fatalf("Save: %v", err)
	}
	push, err := s.NextPush(100)
	if err != nil {
		t.Fatalf("NextPush: %v", err)
	}
	if len(push) != 0 {
		t.Errorf("NextPush after editing a sample record = %d changes, want 0", len(push))
	}
	if local, err := s.IsLocalOnly(data.KindEvent, ev.ID); err != nil || !local {
		t.Errorf("IsLocalOnly(%s) = %v, %v; want true", ev.ID, local, err)
	}
	if err := s.Verify(); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestLoad_dropsChangesQueuedBefore(t *testing.T) {
	s := openStore(t)
	// An older version imported the sample as ordinary records, which
	// queued every one of them.
	f, err := jsonio.Decode(bytes.NewReader(JSON()))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if _, err := jsonio.Import(s, f); err != nil {
		t.Fatalf("Import: %v", err)
	}
	if _, err := Load(s); err != nil {
		t.Fatalf("Load: %v", err)
	}
	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if counts.Outbox != 0 {
		t.Errorf("outbox after Load = %d, want 0", counts.Outbox)
	}
	if err := s.Verify(); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestLoad_storeWithoutLocalSaver(t *testing.T) {
	s := openStore(t)
	_, err := Load(struct{ data.Store }{s})
	if err == nil {
		t.Fatal("Load into a store without SaveLocalOnly succeeded")
	}
	counts, countErr := s.Counts()
	if countErr != nil {
		t.Fatalf("Counts: %v", countErr)
	}
	if counts != (data.Counts{}) {
		t.Errorf("counts after a failed Load = %+v, want none", counts)
	}
}
