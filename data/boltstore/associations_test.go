package boltstore

import (
	"maps"
	"path/filepath"
	"testing"
)

func TestAssociationNames_emptyBeforeSync(t *testing.T) {
	s := mustOpen(t)
	names, err := s.AssociationNames()
	if err != nil {
		t.Fatalf("AssociationNames: %v", err)
	}
	if len(names) != 0 {
		t.Errorf("names of a new file = %v, want none", names)
	}
	if own, err := s.OwnAssociation(); err != nil || own != "" {
		t.Errorf("OwnAssociation of a new file = %q, %v; want empty", own, err)
	}
}

func TestAssociationNames_replacedAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	clock := newTestClock()
	s, err := Open(path, testOptions(clock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}

	first := map[string]string{"lma": "Lietuvos matematikų asociacija", "old": "Išstojusi draugija"}
	if err := s.SaveAssociationNames(first, "lma"); err != nil {
		t.Fatalf("SaveAssociationNames: %v", err)
	}
	second := map[string]string{"lma": "Lietuvos matematikos mokytojų asociacija", "lkma": "Lietuvių kalbos mokytojų asociacija", "": "ignored"}
	if err := s.SaveAssociationNames(second, "lkma"); err != nil {
		t.Fatalf("SaveAssociationNames again: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	reopened := mustOpenPath(t, path, testOptions(clock))
	got, err := reopened.AssociationNames()
	if err != nil {
		t.Fatalf("AssociationNames: %v", err)
	}
	want := map[string]string{"lma": "Lietuvos matematikos mokytojų asociacija", "lkma": "Lietuvių kalbos mokytojų asociacija"}
	if !maps.Equal(got, want) {
		t.Errorf("names after reopening = %v, want %v", got, want)
	}
	if own, err := reopened.OwnAssociation(); err != nil || own != "lkma" {
		t.Errorf("OwnAssociation = %q, %v; want lkma from the last directory", own, err)
	}
}
