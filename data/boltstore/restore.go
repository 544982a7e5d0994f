package boltstore

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
	"partneryste/data/wire"
)

// rejectionsOf returns the stored rejections of the changes in list, the
// pending changes of one record.
func rejectionsOf(tx *bolt.Tx, list []queued) ([]Rejection, error) {
	var found []Rejection
	for _, q := range list {
		var r Rejection
		ok, err := getJSON(tx, bucketRejections, []byte(q.change.ChangeID), &r)
		if err != nil {
			return nil, err
		}
		if ok {
			found = append(found, r)
		}
	}
	return found, nil
}

// newestServerCopy returns the rejection in list with the newest server
// copy of the record, and false when none carries one.
func newestServerCopy(list []Rejection) (Rejection, bool) {
	var best Rejection
	found := false
	for _, r := range list {
		if len(r.Server) > 0 && (!found || r.ServerRevision > best.ServerRevision) {
			best, found = r, true
		}
	}
	return best, found
}

// RestoreServerVersion gives up the local changes of a record that the
// server rejected, and returns whether the server's version is already in
// place. In one transaction it drops the record's pending changes with
// their rejections, then:
//
//   - when a rejection carries the server's copy (wire.Result.Current), it
//     writes that copy, or removes the record if the server deleted it;
//   - when the server never had the record, it removes the local copy;
//   - otherwise it keeps the local copy, marks it acknowledged so nothing
//     is sent, and clears the pull cursor, so that the next sync pulls
//     every record again and the server's copy replaces it. It returns
//     false then.
//
// It returns data.ErrNotFound when the record has no rejected change.
func (s *DB) RestoreServerVersion(kind data.Kind, id string) (bool, error) {
	key := recordKey(kind, id)
	var updates []indexUpdate
	dropped := 0
	restored := true

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		updates, dropped, restored = nil, 0, true
		pending, err := pendingByRecord(tx)
		if err != nil {
			return err
		}
		list := pending[string(key)]
		rejections, err := rejectionsOf(tx, list)
		if err != nil {
			return err
		}
		if len(rejections) == 0 {
			return data.ErrNotFound
		}
		if dropped, err = dropPending(tx, list); err != nil {
			return err
		}

		var state syncRecord
		if _, err := getJSON(tx, bucketSyncRecords, key, &state); err != nil {
			return err
		}
		if serverCopy, ok := newestServerCopy(rejections); ok {
			u, err := s.writeServerCopy(tx, kind, id, serverCopy.Server, serverCopy.ServerRevision)
			if u != nil {
				updates = append(updates, *u)
			}
			return err
		}
		if state.Known == 0 {
			u, err := removeSynced(tx, kind, id)
			if u != nil {
				updates = append(updates, *u)
			}
			return err
		}

		// NOTE: the protocol has no request for one record, so the whole
		// network is pulled again, a few pages at the network's scale of a
		// few thousand records.
		restored = false
		u, err := settleLocal(tx, kind, id)
		if u != nil {
			updates = append(updates, *u)
		}
		if err != nil {
			return err
		}
		return deleteKey(tx, bucketSync, keyCursor)
	})
	if err != nil {
		return false, fmt.Errorf("restore server version of %s %s: %w", kind, id, err)
	}
	s.applyIndex(updates, dropped)
	s.log.Info("rejected changes dropped for the server's version", "kind", kind, "record", id, "changes", dropped, "restored_now", restored)
	return restored, nil
}

// writeServerCopy replaces the local record with the server's copy at
// revision, or removes it when the copy is a tombstone.
func (s *DB) writeServerCopy(tx *bolt.Tx, kind data.Kind, id string, raw json.RawMessage, revision int64) (*indexUpdate, error) {
	r, err := decodeRecord(kind, raw)
	if err != nil {
		return nil, fmt.Errorf("decode the server's copy: %w", err)
	}
	if r.Header().Deleted {
		return removeSynced(tx, kind, id)
	}
	h := r.Header()
	h.ID = id
	h.Revision = revision
	keepRequester(tx, r)
	return putSynced(tx, r)
}

// settleLocal marks the local record's current revision acknowledged, so
// that a copy whose pending changes were dropped is not taken for an
// unsent edit. It returns nil when the record is missing.
func settleLocal(tx *bolt.Tx, kind data.Kind, id string) (*indexUpdate, error) {
	index := tx.Bucket(indexBucket(kind))
	raw := index.Get([]byte(id))
	if raw == nil {
		return nil, nil
	}
	e, err := decodeEntry(raw)
	if err != nil {
		return nil, fmt.Errorf("read index entry %s: %w", id, errors.Join(err, data.ErrDamaged))
	}
	e.Acked = e.Revision
	if err := index.Put([]byte(id), e.encode()); err != nil {
		return nil, fmt.Errorf("put index entry %s: %w", id, err)
	}
	return &indexUpdate{kind: kind, id: id, entry: e}, nil
}

// refreshRejectedCopies stores a pulled state as the server's copy in the
// rejections of its record, when it is newer than the copy they have, so
// that RestoreServerVersion restores the latest version.
func refreshRejectedCopies(tx *bolt.Tx, state wire.RecordState) error {
	b := tx.Bucket(bucketRejections)
	if b == nil {
		return nil
	}
	server := state.Record
	if state.Deleted {
		server = json.RawMessage(fmt.Sprintf(`{"id":%q,"revision":%d,"deleted":true}`, state.RecordID, state.Revision))
	}
	var updated []Rejection
	err := b.ForEach(func(k, v []byte) error {
		var r Rejection
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode rejection %s: %w", k, errors.Join(err, data.ErrDamaged))
		}
		if r.Kind == state.Kind && r.RecordID == state.RecordID && (len(r.Server) == 0 || state.Revision > r.ServerRevision) {
			r.Server, r.ServerRevision = server, state.Revision
			updated = append(updated, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range updated {
		if err := putJSON(tx, bucketRejections, []byte(r.ChangeID), r); err != nil {
			return err
		}
	}
	return nil
}
