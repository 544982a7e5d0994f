package boltstore

import (
	"fmt"
	"sync"
	"testing"

	"partneryste/data"
)

// TestConcurrentUse saves, deletes, lists, searches, acknowledges and
// backs up from several goroutines at once, as the UI and background work
// do; run it with -race. Cleanup verifies that the index still matches
// the file.
func TestConcurrentUse(t *testing.T) {
	s := mustOpen(t)
	const writers, perWriter = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, 64)

	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				c := newCase(fmt.Sprintf("Žinių atvejis %d-%d", w, i), "Fizika", data.CaseDraft)
				if err := s.Save(c); err != nil {
					errs <- err
					return
				}
				if i%5 == 0 {
					if err := s.Delete(data.KindPractice, c.ID); err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Go(func() {
		for range 30 {
			if _, err := s.PracticeCases(data.CaseFilter{Query: "ziniu"}); err != nil {
				errs <- err
				return
			}
			if _, err := s.Counts(); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Go(func() {
		for range 10 {
			changes, err := s.Outbox()
			if err != nil {
				errs <- err
				return
			}
			if len(changes) > 0 {
				if err := s.Acknowledge(changes[0].ChangeID); err != nil {
					errs <- err
					return
				}
			}
		}
	})
	wg.Go(func() {
		if _, err := s.Backup(); err != nil {
			errs <- err
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	counts, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if want := writers * (perWriter - perWriter/5); counts.PracticeCases != want {
		t.Errorf("Counts.PracticeCases = %d, want %d", counts.PracticeCases, want)
	}
}
