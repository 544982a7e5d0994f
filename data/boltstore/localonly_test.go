package boltstore

import (
	"errors"
	"testing"

	"partneryste/data"
)

// assertNothingToSend checks that the outbox is empty and that a push
// would send nothing.
func assertNothingToSend(t *testing.T, s *DB) {
	t.Helper()
	counts, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if counts.Outbox != 0 {
		t.Errorf("Counts.Outbox = %d, want 0", counts.Outbox)
	}
	outbox, err := s.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if len(outbox) != 0 {
		t.Errorf("outbox = %+v, want empty", outbox)
	}
	push, err := s.NextPush(100)
	if err != nil {
		t.Fatal(err)
	}
	if len(push) != 0 {
		t.Errorf("NextPush = %+v, want nothing", push)
	}
}

func TestSaveLocalOnly_queuesNothing(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Pavyzdinis renginys", vilnius(2026, 9, 1, 10, 0))
	ev.ID = "sample-event-01"
	if err := s.SaveLocalOnly(ev); err != nil {
		t.Fatalf("SaveLocalOnly: %v", err)
	}

	if ev.Revision != 1 {
		t.Errorf("revision = %d, want 1", ev.Revision)
	}
	local, err := s.IsLocalOnly(data.KindEvent, ev.ID)
	if err != nil || !local {
		t.Errorf("IsLocalOnly = %v, %v; want true", local, err)
	}
	assertNothingToSend(t, s)
}

func TestSaveLocalOnly_editStaysLocal(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Pavyzdinis atvejis", "Fizika", data.CaseDraft)
	if err := s.SaveLocalOnly(c); err != nil {
		t.Fatalf("SaveLocalOnly: %v", err)
	}

	c.Title = "Pataisytas pavyzdinis atvejis"
	mustSave(t, s, c)
	if c.Revision != 2 {
		t.Errorf("revision after an edit = %d, want 2", c.Revision)
	}
	got, err := s.PracticeCase(c.ID)
	if err != nil || got.Title != c.Title {
		t.Errorf("PracticeCase = %q, %v; want the edited title", got.Title, err)
	}
	local, err := s.IsLocalOnly(data.KindPractice, c.ID)
	if err != nil || !local {
		t.Errorf("IsLocalOnly after an edit = %v, %v; want true", local, err)
	}
	assertNothingToSend(t, s)

	// An ordinary record saved beside it is still queued.
	mustSave(t, s, newCase("Tikras atvejis", "Fizika", data.CaseDraft))
	if outbox, err := s.Outbox(); err != nil || len(outbox) != 1 {
		t.Errorf("outbox = %d entries, %v; want the ordinary record's one", len(outbox), err)
	}
}

func TestSaveLocalOnly_deleteRemovesAtOnce(t *testing.T) {
	s := mustOpen(t)
	c := newConsultation("Pavyzdys", day(2026, 9, 2), data.ConsultationNew)
	if err := s.SaveLocalOnly(c); err != nil {
		t.Fatalf("SaveLocalOnly: %v", err)
	}
	if err := s.Delete(data.KindConsultation, c.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	if _, err := s.Consultation(c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Consultation after Delete = %v, want ErrNotFound", err)
	}
	if local, err := s.IsLocalOnly(data.KindConsultation, c.ID); err != nil || local {
		t.Errorf("IsLocalOnly after Delete = %v, %v; want false", local, err)
	}
	if err := s.Delete(data.KindConsultation, c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
	assertNothingToSend(t, s)
}

func TestSaveLocalOnly_dropsUnsentChanges(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Renginys", vilnius(2026, 9, 3, 10, 0))
	mustSave(t, s, ev)
	ev.Place = "Kaunas"
	mustSave(t, s, ev)

	if err := s.SaveLocalOnly(ev); err != nil {
		t.Fatalf("SaveLocalOnly of an unsent record: %v", err)
	}
	if ev.Revision != 3 {
		t.Errorf("revision = %d, want 3", ev.Revision)
	}
	assertNothingToSend(t, s)
}

func TestSaveLocalOnly_sentRecordRejected(t *testing.T) {
	s := mustOpen(t)
	ev := newEvent("Išsiųstas renginys", vilnius(2026, 9, 4, 10, 0))
	mustSave(t, s, ev)
	push, err := s.NextPush(10)
	if err != nil || len(push) != 1 {
		t.Fatalf("NextPush = %+v, %v; want the event's change", push, err)
	}

	copied := *ev
	copied.Title = "Pavyzdys"
	if err := s.SaveLocalOnly(&copied); !errors.Is(err, ErrAlreadySent) {
		t.Errorf("SaveLocalOnly of a record in flight = %v, want ErrAlreadySent", err)
	}
	if err := s.Acknowledge(push[0].ChangeID); err != nil {
		t.Fatalf("Acknowledge: %v", err)
	}
	if err := s.SaveLocalOnly(&copied); !errors.Is(err, ErrAlreadySent) {
		t.Errorf("SaveLocalOnly of an acknowledged record = %v, want ErrAlreadySent", err)
	}

	got, err := s.Event(ev.ID)
	if err != nil || got.Title != ev.Title || got.Revision != 1 {
		t.Errorf("Event = %q revision %d, %v; want it unchanged", got.Title, got.Revision, err)
	}
	if local, err := s.IsLocalOnly(data.KindEvent, ev.ID); err != nil || local {
		t.Errorf("IsLocalOnly = %v, %v; want false", local, err)
	}
}
