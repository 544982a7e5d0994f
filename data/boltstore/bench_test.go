package boltstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// benchRecordsPerKind is the number of records of each kind in the
// benchmark file: several years of a large association's work.
const benchRecordsPerKind = 10000

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

// words is a Lithuanian vocabulary for generated texts: stems with case
// endings, about 450 word forms, so that a 6,000-character text repeats
// words about as often as real prose does.
var words = func() []string {
	stems := strings.Fields(`mokini žini vertinim pamok mokytoj ugdym patirt projekt
		grup užduot refleksij tyrim gamt kalb matematik istorij kūrybiškum
		bendradarbiavim skaitmenin įranki mokykl klas aptarim pažang tiksl
		rezultat metod veikl šaltini rekomendacij įtraukt motyvacij savivald
		mokymosi lauk eksperiment tėv bendruomen`)
	endings := []string{"as", "ai", "ą", "ų", "ams", "uose", "ui", "o", "e", "ių", "is", "ės"}
	var list []string
	for _, stem := range stems {
		for _, ending := range endings {
			list = append(list, stem+ending)
		}
	}
	return list
}()

func benchText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.String()
}

// benchCase returns a practice case of about 6,000 characters, the size of
// a filled-in description of one or two pages.
func benchCase(rng *rand.Rand, i int) *data.PracticeCase {
	return &data.PracticeCase{
		Title:           fmt.Sprintf("%s %s Nr. %d", benchText(rng, 20), words[rng.IntN(len(words))], i),
		Authors:         []data.Author{{Name: "Vardenė Pavardenė", School: "Gimnazija", Role: "mokytoja"}},
		Subject:         []string{"Matematika", "Fizika", "Lietuvių kalba", "Istorija"}[rng.IntN(4)],
		Levels:          []data.EducationLevel{data.EducationLevels[rng.IntN(len(data.EducationLevels))]},
		Grades:          "5–8",
		Keywords:        []string{words[rng.IntN(len(words))], words[rng.IntN(len(words))]},
		Summary:         benchText(rng, 500),
		Goals:           benchText(rng, 500),
		Activities:      benchText(rng, 2000),
		Methods:         benchText(rng, 1000),
		Results:         benchText(rng, 1000),
		Recommendations: benchText(rng, 500),
		References:      benchText(rng, 300),
		Licence:         "CC BY 4.0",
		Status:          data.CaseStatuses[rng.IntN(len(data.CaseStatuses))],
	}
}

func benchEvent(rng *rand.Rand, i int) *data.Event {
	start := time.Date(2020, 1, 1, 9, 0, 0, 0, data.Vilnius).Add(time.Duration(i) * 5 * time.Hour)
	return &data.Event{
		Title: benchText(rng, 40), Type: data.EventSeminar,
		Start: start.UTC(), End: start.Add(3 * time.Hour).UTC(),
		Place: "Vilnius", Description: benchText(rng, 600),
	}
}

func benchConsultation(rng *rand.Rand, i int) *data.Consultation {
	return &data.Consultation{
		Date: data.DateOf(time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, i/10)), DurationMin: 30,
		Format: data.FormatPhone, Topic: benchText(rng, 40), Category: "Vertinimas",
		Question: benchText(rng, 400), Answer: benchText(rng, 400), Status: data.ConsultationClosed,
	}
}

// benchFile builds the benchmark file once per test binary. Records are
// written through the store's own write path, a thousand per transaction,
// because 30,000 separate fsyncs would take minutes.
func benchFile(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "boltstore-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "partneryste.db")
		var s *DB
		s, benchErr = Open(benchPath, Options{Logger: quietLogger, AutoBackupEvery: -1})
		if benchErr != nil {
			return
		}
		defer s.Close()
		rng := rand.New(rand.NewPCG(1, 1))
		now := time.Now().UTC()
		const perTx = 1000
		for start := 0; start < benchRecordsPerKind && benchErr == nil; start += perTx {
			benchErr = s.bolt.Update(func(tx *bolt.Tx) error {
				for i := start; i < start+perTx; i++ {
					for _, r := range []data.Record{benchEvent(rng, i), benchCase(rng, i), benchConsultation(rng, i)} {
						h := r.Header()
						h.ID, h.Association, h.Revision, h.Created, h.Updated = uuid.NewString(), s.profile.AssociationID, 1, now, now
						if _, err := s.write(tx, r, OpPut, 0, 0); err != nil {
							return err
						}
					}
				}
				return nil
			})
		}
	})
	if benchErr != nil {
		b.Fatalf("build benchmark file: %v", benchErr)
	}
	return benchPath
}

// removeBenchFile deletes the benchmark file after the run.
func removeBenchFile() {
	if benchDir != "" {
		_ = os.RemoveAll(benchDir)
	}
}

func BenchmarkOpen10k(b *testing.B) {
	path := benchFile(b)
	opts := Options{Logger: quietLogger, AutoBackupEvery: -1}
	for b.Loop() {
		s, err := Open(path, opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	info, _ := os.Stat(path)
	b.ReportMetric(float64(info.Size())/(1<<20), "file-MiB")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/open")
}

// BenchmarkInspect10k measures the read-only inspection that Open starts
// with, mostly bbolt's consistency check.
func BenchmarkInspect10k(b *testing.B) {
	path := benchFile(b)
	for b.Loop() {
		if _, err := inspect(path, time.Second); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/inspect")
}

func BenchmarkSearch10kCases(b *testing.B) {
	s, err := Open(benchFile(b), Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, query := range []string{"ziniu vertinimas", "refleksijos eksperimentuose pazanga", "nerasite"} {
		b.Run(strings.ReplaceAll(query, " ", "_"), func(b *testing.B) {
			found := 0
			for b.Loop() {
				cases, err := s.PracticeCases(data.CaseFilter{Query: query})
				if err != nil {
					b.Fatal(err)
				}
				found = len(cases)
			}
			b.ReportMetric(float64(found), "matches")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/search")
		})
	}
}

func BenchmarkListCases10k(b *testing.B) {
	s, err := Open(benchFile(b), Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.PracticeCases(data.CaseFilter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/list")
}

func BenchmarkEventsMonth10k(b *testing.B) {
	s, err := Open(benchFile(b), Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	found := 0
	for b.Loop() {
		events, err := s.Events(data.EventFilter{From: day(2022, 3, 1), To: day(2022, 3, 31)})
		if err != nil {
			b.Fatal(err)
		}
		found = len(events)
	}
	b.ReportMetric(float64(found), "events")
}

// BenchmarkSave saves a new practice case of about 6,000 characters into a
// fresh file, with fsync. Compare with BenchmarkBareBoltPut.
func BenchmarkSave(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "partneryste.db"), Options{Logger: quietLogger, AutoBackupEvery: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(2, 2))
	c := benchCase(rng, 0)
	raw, _ := json.Marshal(c)
	for b.Loop() {
		c.ID = ""
		if err := s.Save(c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(raw)), "record-bytes")
}

// BenchmarkBareBoltPut puts the same record bytes under a new key in one
// bbolt transaction per put, the floor that Save is measured against.
func BenchmarkBareBoltPut(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("practice")); return err }); err != nil {
		b.Fatal(err)
	}
	raw, _ := json.Marshal(benchCase(rand.New(rand.NewPCG(2, 2)), 0))
	n := uint64(0)
	for b.Loop() {
		n++
		err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("practice")).Put(binary.BigEndian.AppendUint64(nil, n), raw)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(raw)), "record-bytes")
}

// BenchmarkBareBoltPutLayout puts the three values one Save writes (the
// record, its index entry and its outbox entry, with the same sizes) into
// three buckets in one bbolt transaction per iteration. It is the I/O
// floor of the file layout, so Save minus this is the store's own work.
func BenchmarkBareBoltPutLayout(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	names := [][]byte{[]byte("practice"), []byte("index.practice"), []byte("outbox")}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range names {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}

	c := benchCase(rand.New(rand.NewPCG(2, 2)), 0)
	c.ID, c.Revision = uuid.NewString(), 1
	record, _ := json.Marshal(c)
	change, _ := json.Marshal(newChange(data.KindPractice, c.ID, OpPut, 0, 1, record, time.Now()))
	values := [][]byte{record, newEntry(c).encode(), change}

	n := uint64(0)
	for b.Loop() {
		n++
		key := binary.BigEndian.AppendUint64(nil, n)
		err := db.Update(func(tx *bolt.Tx) error {
			for i, name := range names {
				if err := tx.Bucket(name).Put(key, values[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(values[0])+len(values[1])+len(values[2])), "bytes/op")
}
