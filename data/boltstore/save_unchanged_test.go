package boltstore

import (
	"bytes"
	"errors"
	"testing"

	"partneryste/data"
)

func TestSave_unchangedWritesNothing(t *testing.T) {
	s := mustOpen(t)
	c := newConsultation("Vertinimas", day(2026, 3, 2), data.ConsultationNew)
	mustSave(t, s, c)
	stored := c.Meta
	fileBefore := readFile(t, s.Path())

	// A copy with stale bookkeeping, as an import file carries.
	again := *c
	again.Meta = data.Meta{ID: c.ID, Revision: 7}
	mustSave(t, s, &again)

	if again.Meta != stored {
		t.Errorf("Meta after an unchanged save = %+v, want the stored %+v", again.Meta, stored)
	}
	if !bytes.Equal(readFile(t, s.Path()), fileBefore) {
		t.Error("an unchanged save wrote to the data file")
	}
	outbox, err := s.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if len(outbox) != 1 {
		t.Errorf("outbox has %d entries after an unchanged save, want 1", len(outbox))
	}
	counts, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if counts.Outbox != 1 {
		t.Errorf("Counts.Outbox = %d, want 1", counts.Outbox)
	}
}

func TestSave_changedContentNewRevision(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Seminaras", vilnius(2026, 3, 3, 10, 0))
	mustSave(t, s, ev)

	ev.Place = "Kaunas"
	mustSave(t, s, ev)
	if ev.Revision != 2 {
		t.Errorf("revision after a change = %d, want 2", ev.Revision)
	}
	outbox, err := s.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if len(outbox) != 2 {
		t.Errorf("outbox has %d entries after two different saves, want 2", len(outbox))
	}
}

func TestSave_sameContentRevivesTombstone(t *testing.T) {
	s := mustOpen(t)
	pc := newCase("Atvejis", "Fizika", data.CaseDraft)
	mustSave(t, s, pc)
	if err := s.Delete(data.KindPractice, pc.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	revived := *pc
	revived.Meta = data.Meta{ID: pc.ID}
	mustSave(t, s, &revived)
	if revived.Revision != 3 {
		t.Errorf("revision of the revived record = %d, want 3", revived.Revision)
	}
	if _, err := s.PracticeCase(pc.ID); errors.Is(err, data.ErrNotFound) {
		t.Error("saving a deleted record's content did not bring it back")
	}
}
