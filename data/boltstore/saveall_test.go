package boltstore

import (
	"errors"
	"testing"

	"partneryste/data"
)

func TestSaveAll_storesEveryRecord(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Metodinė diena", vilnius(2026, 12, 10, 9, 0))
	c := newCase("Žinių patikrinimas", "Fizika", data.CaseDraft)
	con := newConsultation("Vertinimo tvarka", data.Date{Year: 2026, Month: 12, Day: 2}, data.ConsultationNew)

	if err := s.SaveAll([]data.Record{ev, c, con}); err != nil {
		t.Fatalf("SaveAll: %v", err)
	}
	for _, r := range []data.Record{ev, c, con} {
		if r.Header().ID == "" || r.Header().Revision != 1 {
			t.Errorf("%s meta = %+v, want an id and revision 1", r.RecordKind(), *r.Header())
		}
	}
	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	want := data.Counts{Events: 1, PracticeCases: 1, Consultations: 1, Outbox: 3}
	if counts != want {
		t.Errorf("Counts = %+v, want %+v", counts, want)
	}
	if got, err := s.PracticeCases(data.CaseFilter{Query: "ziniu"}); err != nil || len(got) != 1 {
		t.Errorf("search after SaveAll = %v, %v; want the case", got, err)
	}
}

func TestSaveAll_invalidRecordStoresNothing(t *testing.T) {
	s := mustOpen(t)
	good := newEvent("Seminaras", vilnius(2026, 12, 10, 9, 0))
	bad := newEvent("", vilnius(2026, 12, 11, 9, 0))

	err := s.SaveAll([]data.Record{good, bad})
	var verr *data.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("SaveAll error = %v, want a *data.ValidationError", err)
	}
	if _, ok := verr.Field("title"); !ok {
		t.Errorf("validation error %v does not name the title", verr)
	}
	counts, err := s.Counts()
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if counts != (data.Counts{}) {
		t.Errorf("Counts = %+v after a rejected batch, want none", counts)
	}
	if good.ID != "" {
		t.Errorf("the valid record got id %q although nothing was stored", good.ID)
	}
}

func TestSaveAll_unchangedRecordKeepsRevision(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Konferencija", vilnius(2026, 12, 10, 9, 0))
	mustSave(t, s, ev)
	again := *ev
	changed := newEvent("Kursai", vilnius(2026, 12, 12, 9, 0))

	if err := s.SaveAll([]data.Record{&again, changed}); err != nil {
		t.Fatalf("SaveAll: %v", err)
	}
	if again.Revision != 1 {
		t.Errorf("unchanged record revision = %d, want 1", again.Revision)
	}
	if n := outboxLen(t, s); n != 2 {
		t.Errorf("outbox has %d entries, want 2 (one per real change)", n)
	}
}
