//go:build fixturegen

package boltstore

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// TestWriteSchema1Fixture writes testdata/schema1.db, a file in the
// layout of schema version 1: the meta bucket and one bucket of JSON
// records per kind, with no outbox and no index. Regenerate it with
//
//	go test -tags fixturegen -run TestWriteSchema1Fixture ./data/boltstore/
func TestWriteSchema1Fixture(t *testing.T) {
	path := filepath.Join("testdata", "schema1.db")
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	const association = "6f1c0c3e-4b7a-4f0e-9a51-2d1f3c9b7e10"
	created := time.Date(2025, 9, 1, 8, 30, 0, 0, time.UTC)
	meta := func(id string, revision int64) data.Meta {
		return data.Meta{ID: id, Association: association, Revision: revision, Created: created, Updated: created.Add(time.Duration(revision) * time.Hour)}
	}
	records := []data.Record{
		&data.Event{Meta: meta("e-1", 2), Title: "Metinė konferencija „Žinių visuomenė“", Type: data.EventConference,
			Start: time.Date(2025, 10, 15, 7, 0, 0, 0, time.UTC), End: time.Date(2025, 10, 15, 14, 0, 0, 0, time.UTC), Place: "Kaunas", Public: true},
		&data.Event{Meta: meta("e-2", 1), Title: "Metodinė diena", Type: data.EventSeminar, AllDay: true,
			StartDate: data.Date{Year: 2025, Month: 11, Day: 3}, EndDate: data.Date{Year: 2025, Month: 11, Day: 4}, Place: "Šiauliai"},
		&data.PracticeCase{Meta: meta("p-1", 3), Title: "Šokio pamokos pradinukams", Subject: "Šokis",
			Levels: []data.EducationLevel{data.LevelPrimary}, Authors: []data.Author{{Name: "Aušra Žemaitienė", School: "Panevėžio progimnazija"}},
			Summary: "Judesio žaidimai ugdo ritmo pajautimą.", Status: data.CaseReady, Licence: "CC BY 4.0"},
		&data.PracticeCase{Meta: meta("p-2", 1), Title: "Chemijos laboratorija namuose", Subject: "Chemija",
			Levels: []data.EducationLevel{data.LevelBasic, data.LevelSecondary}, Summary: "Saugūs bandymai virtuvėje.", Status: data.CaseDraft},
		&data.Consultation{Meta: meta("c-1", 2), Date: data.Date{Year: 2025, Month: 9, Day: 20}, DurationMin: 45,
			Format: data.FormatRemote, Topic: "Įtraukusis ugdymas", Category: "Švietimo pagalba",
			Requester: data.Requester{Name: "Mokytoja"}, Question: "Kaip pritaikyti užduotis?", Status: data.ConsultationAnswered},
	}

	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		profile, _ := json.Marshal(data.Profile{AssociationID: association, Name: "Lietuvos šokio mokytojų asociacija"})
		for k, v := range map[string][]byte{"format": []byte(formatMarker), "schema": []byte("1"), "profile": profile} {
			if err := m.Put([]byte(k), v); err != nil {
				return err
			}
		}
		for _, kind := range data.Kinds {
			if _, err := tx.CreateBucket(recordBucket(kind)); err != nil {
				return err
			}
		}
		for _, r := range records {
			raw, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := tx.Bucket(recordBucket(r.RecordKind())).Put([]byte(r.Header().ID), raw); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s with %d records", path, len(records))
}
