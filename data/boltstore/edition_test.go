package boltstore

import (
	"errors"
	"testing"

	"partneryste/data"
)

func sampleEdition(year int, title string) *data.Edition {
	return &data.Edition{
		Title:   title,
		Year:    year,
		Editors: []string{"Rūta Žilinskienė"},
		Imprint: data.Imprint{Publisher: "Švietimo centras", Place: "Vilnius", Licence: "CC BY 4.0"},
		Chapters: []data.Chapter{
			{Title: "Matematika", CaseIDs: []string{"p-1", "p-2"}},
			{Title: "Šokis", CaseIDs: []string{"p-3"}},
		},
	}
}

func TestStore_Save_edition(t *testing.T) {
	s := mustOpen(t)
	ed := sampleEdition(2026, data.DefaultEditionTitle)
	mustSave(t, s, ed)
	if ed.ID == "" || ed.Revision != 1 {
		t.Fatalf("saved edition has id %q revision %d, want an id and revision 1", ed.ID, ed.Revision)
	}

	got, err := s.Edition(ed.ID)
	if err != nil {
		t.Fatalf("Edition(%s): %v", ed.ID, err)
	}
	if got.Title != ed.Title || len(got.Chapters) != 2 || got.Chapters[1].CaseIDs[0] != "p-3" {
		t.Errorf("Edition(%s) = %+v, want the saved chapters", ed.ID, got)
	}

	changes, err := s.Outbox()
	if err != nil {
		t.Fatalf("Outbox: %v", err)
	}
	if len(changes) != 1 || changes[0].Kind != data.KindEdition || changes[0].RecordID != ed.ID || changes[0].Op != OpPut {
		t.Errorf("Outbox = %+v, want one put of the edition", changes)
	}
	counts, _ := s.Counts()
	if counts.Outbox != 1 || counts.PracticeCases != 0 {
		t.Errorf("Counts = %+v, want the edition only in the outbox count", counts)
	}
}

func TestStore_Save_invalidEdition(t *testing.T) {
	s := mustOpen(t)
	ed := sampleEdition(0, "")
	err := s.Save(ed)
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Save(edition without title and year) = %v, want a *data.ValidationError", err)
	}
	if list, _ := s.Editions(); len(list) != 0 {
		t.Errorf("Editions after a rejected save = %d, want 0", len(list))
	}
}

func TestStore_Editions_order(t *testing.T) {
	s := mustOpen(t)
	mustSave(t, s, sampleEdition(2025, "Zuikio leidinys"))
	mustSave(t, s, sampleEdition(2026, "Žiemos leidinys"))
	mustSave(t, s, sampleEdition(2026, "Čiurlionio leidinys"))
	deleted := sampleEdition(2027, "Ištrintas")
	mustSave(t, s, deleted)
	if err := s.Delete(data.KindEdition, deleted.ID); err != nil {
		t.Fatalf("Delete(edition): %v", err)
	}

	list, err := s.Editions()
	if err != nil {
		t.Fatalf("Editions: %v", err)
	}
	var titles []string
	for _, e := range list {
		titles = append(titles, e.Title)
	}
	want := []string{"Čiurlionio leidinys", "Žiemos leidinys", "Zuikio leidinys"}
	if len(titles) != len(want) {
		t.Fatalf("Editions = %q, want %q", titles, want)
	}
	for i := range want {
		if titles[i] != want[i] {
			t.Errorf("Editions[%d] = %q, want %q", i, titles[i], want[i])
		}
	}
	if _, err := s.Edition(deleted.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Edition(deleted) = %v, want data.ErrNotFound", err)
	}
}

func TestMigrateSchema2(t *testing.T) {
	path := copyFixture(t, "schema2.db")
	s := mustOpenPath(t, path, testOptions(newTestClock()))

	counts, _ := s.Counts()
	if want := (data.Counts{Events: 2, PracticeCases: 2, Consultations: 1, Outbox: 5}); counts != want {
		t.Errorf("Counts after migration = %+v, want %+v", counts, want)
	}
	if list, err := s.Editions(); err != nil || len(list) != 0 {
		t.Errorf("Editions after migration = %d, %v; want none and no error", len(list), err)
	}
	ed := sampleEdition(2026, data.DefaultEditionTitle)
	mustSave(t, s, ed)
	if _, err := s.Edition(ed.ID); err != nil {
		t.Errorf("Edition after saving into a migrated file: %v", err)
	}
}
