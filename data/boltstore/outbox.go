package boltstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// Outbox operations.
const (
	OpPut    = "put"
	OpDelete = "delete"
)

// Change is one outbox entry: a record revision waiting to be sent to the
// coordinator's server.
type Change struct {
	// ChangeID is generated when the change is queued and stored before any
	// send, so it is the idempotency key that lets the server apply a
	// retried change only once.
	ChangeID string    `json:"change_id"`
	Kind     data.Kind `json:"kind"`
	RecordID string    `json:"record_id"`
	// Op is OpPut or OpDelete.
	Op string `json:"op"`
	// BaseRevision is the revision the change was made on, 0 for a new
	// record; the server detects a conflicting edit by it.
	BaseRevision int64 `json:"base_revision"`
	Revision     int64 `json:"revision"`
	// Content is the record JSON as stored by this change (the tombstone
	// for a delete).
	Content  json.RawMessage `json:"content"`
	QueuedAt time.Time       `json:"queued_at"`
}

func newChange(kind data.Kind, id, op string, base, revision int64, content []byte, queued time.Time) Change {
	return Change{
		ChangeID:     uuid.NewString(),
		Kind:         kind,
		RecordID:     id,
		Op:           op,
		BaseRevision: base,
		Revision:     revision,
		Content:      append(json.RawMessage(nil), content...),
		QueuedAt:     queued.UTC(),
	}
}

// queueChange appends c under the outbox bucket's next sequence number, so
// a cursor walks changes in the order they were made.
func queueChange(outbox *bolt.Bucket, c Change) error {
	seq, err := outbox.NextSequence()
	if err != nil {
		return fmt.Errorf("next outbox sequence: %w", err)
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode outbox entry: %w", err)
	}
	if err := outbox.Put(binary.BigEndian.AppendUint64(nil, seq), raw); err != nil {
		return fmt.Errorf("put outbox entry: %w", err)
	}
	return nil
}

// Outbox returns the changes waiting to be sent, oldest first.
func (s *DB) Outbox() ([]Change, error) {
	var changes []Change
	err := s.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
			var c Change
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode outbox entry %x: %w", k, errors.Join(err, data.ErrDamaged))
			}
			changes = append(changes, c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	return changes, nil
}

// Acknowledge removes the changes the server has applied from the outbox
// and records each record's acknowledged revision. A tombstone whose
// delete is acknowledged is removed from the file. Unknown change ids are
// ignored, so a retried acknowledgement is harmless.
func (s *DB) Acknowledge(changeIDs ...string) error {
	if len(changeIDs) == 0 {
		return nil
	}
	requested := make(map[string]bool, len(changeIDs))
	for _, id := range changeIDs {
		requested[id] = true
	}

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var results []ackResult
	removed := 0
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		outbox := tx.Bucket(bucketOutbox)
		var acked []Change
		var keys [][]byte
		err := outbox.ForEach(func(k, v []byte) error {
			var c Change
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode outbox entry %x: %w", k, errors.Join(err, data.ErrDamaged))
			}
			if requested[c.ChangeID] {
				acked = append(acked, c)
				keys = append(keys, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}

		for _, k := range keys {
			if err := outbox.Delete(k); err != nil {
				return fmt.Errorf("remove outbox entry: %w", err)
			}
		}
		removed = len(keys)

		for _, c := range acked {
			result, err := acknowledgeRecord(tx, c)
			if err != nil {
				return err
			}
			results = append(results, result)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("acknowledge changes: %w", err)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.outboxLen -= removed
	for _, result := range results {
		switch {
		case result.removed:
			delete(s.index[result.kind], result.id)
		case result.entry != nil:
			s.index[result.kind][result.id] = result.entry
		}
	}
	s.log.Info("changes acknowledged", "changes", removed)
	return nil
}

// ackResult is the effect of one acknowledged change on its record: none,
// a new index entry, or the removal of a tombstone.
type ackResult struct {
	kind    data.Kind
	id      string
	entry   *entry
	removed bool
}

// acknowledgeRecord raises the acknowledged revision of c's record, or
// removes the record when c deleted it and nothing changed it since.
func acknowledgeRecord(tx *bolt.Tx, c Change) (ackResult, error) {
	result := ackResult{kind: c.Kind, id: c.RecordID}
	records := tx.Bucket(recordBucket(c.Kind))
	index := tx.Bucket(indexBucket(c.Kind))
	if records == nil || index == nil {
		return result, fmt.Errorf("outbox entry %s has unknown kind %q: %w", c.ChangeID, c.Kind, data.ErrDamaged)
	}

	key := []byte(c.RecordID)
	raw := index.Get(key)
	if raw == nil {
		// An earlier acknowledgement removed the tombstone.
		return result, nil
	}
	e, err := decodeEntry(raw)
	if err != nil {
		return result, fmt.Errorf("read index entry %s: %w", c.RecordID, errors.Join(err, data.ErrDamaged))
	}

	if c.Op == OpDelete && e.Deleted && e.Revision == c.Revision {
		if err := records.Delete(key); err != nil {
			return result, fmt.Errorf("remove tombstone %s: %w", c.RecordID, err)
		}
		if err := index.Delete(key); err != nil {
			return result, fmt.Errorf("remove index entry %s: %w", c.RecordID, err)
		}
		result.removed = true
		return result, nil
	}

	if c.Revision <= e.Acked {
		return result, nil
	}
	updated := *e
	updated.Acked = c.Revision
	if err := index.Put(key, updated.encode()); err != nil {
		return result, fmt.Errorf("put index entry %s: %w", c.RecordID, err)
	}
	result.entry = &updated
	return result, nil
}
