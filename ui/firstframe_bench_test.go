package ui

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"partneryste/data"
	"partneryste/data/boltstore"
)

// firstFrameRecords is the number of records of each kind in the file the
// first-frame benchmark opens.
const firstFrameRecords = 10_000

var firstFrame struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// firstFrameFile builds, once per test binary, a data file with
// firstFrameRecords events, practice cases and consultations.
func firstFrameFile(b *testing.B) string {
	firstFrame.once.Do(func() {
		firstFrame.dir, firstFrame.err = os.MkdirTemp("", "partneryste-firstframe-")
		if firstFrame.err != nil {
			return
		}
		firstFrame.path = filepath.Join(firstFrame.dir, "partneryste.db")
		store, err := boltstore.Open(firstFrame.path, boltstore.Options{Logger: slog.New(slog.DiscardHandler), AutoBackupEvery: -1})
		if err != nil {
			firstFrame.err = err
			return
		}
		defer store.Close()

		records := make([]data.Record, 0, 3*firstFrameRecords)
		day := data.Today()
		for i := range firstFrameRecords {
			start := time.Date(day.Year, day.Month, day.Day+i%365-180, 9+i%8, 0, 0, 0, data.Vilnius)
			records = append(records,
				&data.Event{Title: fmt.Sprintf("Seminaras apie žinių vertinimą Nr. %d", i), Type: data.EventSeminar, Start: start, End: start.Add(2 * time.Hour), Place: "Vilnius"},
				&data.PracticeCase{
					Title:   fmt.Sprintf("Gerosios patirties aprašas Nr. %d: mokinių pažanga", i),
					Authors: []data.Author{{Name: "Ona Petraitienė", School: "Vilniaus progimnazija", Role: "mokytoja"}},
					Subject: "Fizika", Levels: []data.EducationLevel{data.LevelBasic}, Status: data.CaseDraft,
					Summary: "Mokiniai savarankiškai tyrinėja šviesos reiškinius ir aptaria rezultatus grupėse.",
				},
				&data.Consultation{Date: day.AddDays(-i % 200), DurationMin: 30, Format: data.FormatPhone, Topic: fmt.Sprintf("Ugdymo planas Nr. %d", i), Category: "Ugdymo turinys", Status: data.ConsultationNew},
			)
		}
		firstFrame.err = store.SaveAll(records)
	})
	if firstFrame.err != nil {
		b.Fatalf("build the first-frame data file: %v", firstFrame.err)
	}
	return firstFrame.path
}

// BenchmarkFirstFrame10k measures what a user waits for at start: opening
// a data file with 10,000 records of each kind, building every screen and
// rendering the first frame of the calendar.
func BenchmarkFirstFrame10k(b *testing.B) {
	path := firstFrameFile(b)
	b.Cleanup(func() { os.RemoveAll(firstFrame.dir) })
	useLanguage(b, "lt")
	a := test.NewTempApp(b)
	logger := slog.New(slog.DiscardHandler)

	for b.Loop() {
		store, err := boltstore.Open(path, boltstore.Options{Logger: logger, AutoBackupEvery: -1})
		if err != nil {
			b.Fatalf("open: %v", err)
		}
		w := a.NewWindow("Partnerystė")
		w.Resize(DefaultWindowSize)
		NewMainWindow(&Env{App: a, Window: w, Store: store, Log: logger, Backups: store}, WindowOptions{Language: "lt"})
		if frame := w.Canvas().Capture(); frame.Bounds().Empty() {
			b.Fatal("the first frame is empty")
		}
		w.Close()
		if err := store.Close(); err != nil {
			b.Fatalf("close: %v", err)
		}
	}
}
