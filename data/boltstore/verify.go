package boltstore

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// Verify checks the open file: bbolt's page consistency check, then this
// store's invariants. Every record decodes and is stored under its own id,
// its index entry matches it and the in-memory index, and every revision
// the server has not acknowledged has an outbox entry. It returns every
// problem found, joined with data.ErrDamaged, or nil.
func (s *DB) Verify() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var problems []error
	report := func(format string, args ...any) {
		problems = append(problems, fmt.Errorf(format, args...))
	}

	err := s.bolt.View(func(tx *bolt.Tx) error {
		for problem := range tx.Check() {
			problems = append(problems, problem)
		}

		type revision struct {
			kind data.Kind
			id   string
			rev  int64
		}
		queued := make(map[revision]bool)
		outboxEntries := 0
		err := tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
			outboxEntries++
			var c Change
			if err := json.Unmarshal(v, &c); err != nil {
				report("outbox entry %x: %v", k, err)
				return nil
			}
			if c.ChangeID == "" || c.RecordID == "" || (c.Op != OpPut && c.Op != OpDelete) {
				report("outbox entry %x is incomplete", k)
			}
			queued[revision{c.Kind, c.RecordID, c.Revision}] = true
			return nil
		})
		if err != nil {
			return err
		}

		s.mu.RLock()
		defer s.mu.RUnlock()
		if outboxEntries != s.outboxLen {
			report("outbox has %d entries, memory counts %d", outboxEntries, s.outboxLen)
		}
		for _, kind := range storedKinds {
			index := tx.Bucket(indexBucket(kind))
			memory := s.index[kind]
			seen := 0
			err := tx.Bucket(recordBucket(kind)).ForEach(func(k, v []byte) error {
				seen++
				r, err := decodeRecord(kind, v)
				if err != nil {
					report("%s %s does not decode: %v", kind, k, err)
					return nil
				}
				h := r.Header()
				if h.ID != string(k) {
					report("%s stored under %s has id %q", kind, k, h.ID)
				}
				stored, err := decodeEntry(index.Get(k))
				if err != nil {
					report("%s %s index entry: %v", kind, k, err)
					return nil
				}
				want := newEntry(r)
				want.Acked = stored.Acked
				if !sameEntry(stored, want) {
					report("%s %s index entry does not match the record", kind, k)
				}
				if m := memory[string(k)]; m == nil || !sameEntry(m, stored) {
					report("%s %s in-memory index entry differs from the file", kind, k)
				}
				if stored.Acked != h.Revision && !queued[revision{kind, h.ID, h.Revision}] {
					report("%s %s revision %d has no outbox entry and is not acknowledged", kind, k, h.Revision)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if n := index.Stats().KeyN; n != seen {
				report("%s index has %d entries for %d records", kind, n, seen)
			}
			if len(memory) != seen {
				report("%s in-memory index has %d entries for %d records", kind, len(memory), seen)
			}
		}
		return nil
	})
	if err != nil {
		problems = append(problems, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("verify %s: %w", s.path, errors.Join(append(problems, data.ErrDamaged)...))
	}
	return nil
}
