package boltstore

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// bucketLocalOnly holds a key (kind "/" id) for each local-only record. It
// is created by the first SaveLocalOnly, so older files need no migration.
var bucketLocalOnly = []byte("records.local")

// ErrAlreadySent is returned by SaveLocalOnly for a record that the server
// already has or may have: it acknowledged a change of it, sent a copy of
// it, or a push of it awaits its result.
var ErrAlreadySent = errors.New("record has already been sent to the server")

// SaveLocalOnly saves r as Save does, but marks it local-only. Such a
// record never gets an outbox entry, so sync never sends it, and its later
// saves stay local-only too. Delete removes it at once instead of leaving
// a tombstone.
// The sample data is saved this way, because demo records must never reach
// the coordinator's server. Pending changes of a record that was never
// sent are dropped from the outbox. It returns an error wrapping
// ErrAlreadySent, and stores nothing, when the server may already have the
// record.
//
// NOTE: a pull that brings a record with the id of a local-only record
// overwrites it and keeps the mark, so later edits of it are not sent.
// Sample ids ("sample-event-01") are not used for other records.
func (s *DB) SaveLocalOnly(r data.Record) error {
	return s.save(r, true)
}

// IsLocalOnly reports whether the record of kind with id was saved with
// SaveLocalOnly.
func (s *DB) IsLocalOnly(kind data.Kind, id string) (bool, error) {
	local := false
	err := s.bolt.View(func(tx *bolt.Tx) error {
		local = isLocalOnly(tx, kind, id)
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("read local-only mark of %s %s: %w", kind, id, err)
	}
	return local, nil
}

func isLocalOnly(tx *bolt.Tx, kind data.Kind, id string) bool {
	b := tx.Bucket(bucketLocalOnly)
	return b != nil && b.Get(recordKey(kind, id)) != nil
}

// markLocalOnly marks a record local-only and drops its pending changes,
// after checking that none of them was sent. It returns how many outbox
// entries it dropped.
func markLocalOnly(tx *bolt.Tx, kind data.Kind, id string) (int, error) {
	key := recordKey(kind, id)
	var state syncRecord
	if _, err := getJSON(tx, bucketSyncRecords, key, &state); err != nil {
		return 0, err
	}
	if state.Known > 0 || state.InFlight != "" {
		return 0, fmt.Errorf("mark %s %s local-only: %w", kind, id, ErrAlreadySent)
	}
	if found, err := getJSON(tx, bucketConflicts, key, &Conflict{}); err != nil || found {
		if err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("mark %s %s local-only: %w", kind, id, ErrAlreadySent)
	}
	if raw := tx.Bucket(indexBucket(kind)).Get([]byte(id)); raw != nil {
		stored, err := decodeEntry(raw)
		if err != nil {
			return 0, fmt.Errorf("read index entry: %w", errors.Join(err, data.ErrDamaged))
		}
		if stored.Acked > 0 {
			return 0, fmt.Errorf("mark %s %s local-only: %w", kind, id, ErrAlreadySent)
		}
	}

	pending, err := pendingByRecord(tx)
	if err != nil {
		return 0, err
	}
	dropped, err := dropPending(tx, pending[string(key)])
	if err != nil {
		return 0, err
	}
	if err := deleteKey(tx, bucketSyncRecords, key); err != nil {
		return 0, err
	}
	b, err := tx.CreateBucketIfNotExists(bucketLocalOnly)
	if err != nil {
		return 0, fmt.Errorf("create bucket %s: %w", bucketLocalOnly, err)
	}
	if err := b.Put(key, []byte{1}); err != nil {
		return 0, fmt.Errorf("put local-only mark: %w", err)
	}
	return dropped, nil
}

// removeLocalOnly removes a local-only record, its index entry and its
// mark.
func removeLocalOnly(tx *bolt.Tx, kind data.Kind, id string) error {
	if err := tx.Bucket(recordBucket(kind)).Delete([]byte(id)); err != nil {
		return fmt.Errorf("remove %s %s: %w", kind, id, err)
	}
	if err := tx.Bucket(indexBucket(kind)).Delete([]byte(id)); err != nil {
		return fmt.Errorf("remove index entry %s: %w", id, err)
	}
	return deleteKey(tx, bucketLocalOnly, recordKey(kind, id))
}
