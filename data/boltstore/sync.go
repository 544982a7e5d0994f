package boltstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
	"partneryste/data/wire"
)

// Sync bookkeeping lives in its own buckets, created by the first write
// that needs them, so files written before sync existed need no migration.
// A read of a missing bucket reads as empty.
//
// Revisions: the local revision in a record's Meta counts local saves, and
// the server's counts the pushes it applied. The two drift apart when a push
// collapses several saves, or when another writer changes the record (the
// coordinator's review, a second copy of the file). The base revision
// sent with a change is therefore never taken from the local chain. Each
// record has a syncRecord with Known, the last server revision this file
// has seen for it (from a pulled page or an applied push result), and the
// push sends the record's newest pending change with base_revision = Known.
// The server applies it only if nobody wrote the record since, which is
// the conflict check. A pulled record that overwrites the local copy takes
// the server's revision as its local revision, so a later Save starts
// from it.
var (
	bucketSync        = []byte("sync")
	bucketSyncRecords = []byte("sync.records")
	bucketConflicts   = []byte("sync.conflicts")
	bucketRejections  = []byte("sync.rejections")

	keyCursor      = []byte("cursor")
	keyLastSuccess = []byte("last_success")
	keyLastError   = []byte("last_error")
)

// syncRecord is the sync bookkeeping of one record.
type syncRecord struct {
	// Known is the last server revision seen for the record, 0 for a
	// record the server has never had.
	Known int64 `json:"known"`
	// InFlight is the change id of a push whose result has not been
	// recorded, and InFlightBase the base revision it was sent with. The
	// next push sends exactly that change again. The server then returns
	// its stored result, so a lost response never turns the client's own
	// write into a conflict.
	InFlight     string `json:"in_flight,omitempty"`
	InFlightBase int64  `json:"in_flight_base,omitempty"`
}

// Conflict is a pushed change that the server rejected with 409 because
// the record changed on the server since the revision the change was based
// on. Both versions are kept until the user resolves it with
// ResolveConflict or AcceptServerVersion. Until then the record's pending
// changes stay in the outbox and are not sent.
type Conflict struct {
	Kind     data.Kind `json:"kind"`
	RecordID string    `json:"record_id"`
	// Local is the local record's JSON (a tombstone has "deleted": true).
	// Conflicts returns the current local copy, so edits made after the
	// conflict was detected are included.
	Local json.RawMessage `json:"local"`
	// Server is the server's record JSON, a tombstone, or empty when the
	// server has no such record.
	Server json.RawMessage `json:"server,omitempty"`
	// ServerRevision is the server's revision of Server, and the base of
	// the resolved version.
	ServerRevision int64 `json:"server_revision"`
	// ChangeID is the outbox change that the server rejected.
	ChangeID   string    `json:"change_id"`
	DetectedAt time.Time `json:"detected_at"`
}

// LocalRecord decodes Local.
func (c Conflict) LocalRecord() (data.Record, error) { return decodeRecord(c.Kind, c.Local) }

// ServerRecord decodes Server. It returns data.ErrNotFound when the server
// has no such record.
func (c Conflict) ServerRecord() (data.Record, error) {
	if len(c.Server) == 0 {
		return nil, data.ErrNotFound
	}
	return decodeRecord(c.Kind, c.Server)
}

// Rejection is a pushed change that the server refused for good: 403 (the
// record belongs to another association, or its status is one that only
// the coordinator sets) or 422 (the record fails the server's validation).
// The change stays in the outbox, is not sent again, and is superseded by
// the record's next save, whose push removes the rejection when it is
// applied.
type Rejection struct {
	ChangeID string    `json:"change_id"`
	Kind     data.Kind `json:"kind"`
	RecordID string    `json:"record_id"`
	// Status is wire.StatusForbidden or wire.StatusInvalid.
	Status int    `json:"status"`
	Error  string `json:"error"`
	// Reason is the server's wire.Reason* cause of a 403, or empty when
	// the server gave none (422, a change too large, an older server).
	Reason string `json:"reason,omitempty"`
	// Fields lists the invalid fields for wire.StatusInvalid.
	Fields []wire.FieldError `json:"fields,omitempty"`
	At     time.Time         `json:"at"`
	// Server is the server's copy of the record when the result carried
	// one (wire.Result.Current), and ServerRevision its revision.
	// RestoreServerVersion writes it back.
	Server         json.RawMessage `json:"server,omitempty"`
	ServerRevision int64           `json:"server_revision,omitempty"`
}

// SyncState is the sync status shown to the user.
type SyncState struct {
	// Cursor is the server's pull cursor after the last applied page.
	Cursor string `json:"cursor"`
	// LastSuccess is the end of the last sync that finished, or zero.
	LastSuccess time.Time `json:"last_success,omitzero"`
	// LastError is the message of the last failed sync, cleared by the
	// next successful one, and LastErrorAt its time.
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// Conflicts and Rejections count the changes waiting for the user.
	Conflicts  int `json:"conflicts"`
	Rejections int `json:"rejections"`
}

// PushOutcome counts what RecordPushResults did.
type PushOutcome struct {
	// Applied is the number of sent changes the server applied, and
	// Acknowledged the number of outbox entries that left the outbox with
	// them (superseded older changes of the same records included).
	Applied      int
	Acknowledged int
	Conflicts    int
	Rejected     int
}

// PullOutcome counts what ApplyPull did with one page.
type PullOutcome struct {
	// Written is the number of records stored or replaced, Removed the
	// number removed because the server deleted them.
	Written int
	Removed int
	// Kept is the number of records left as they were because they have
	// local changes waiting to be pushed.
	Kept int
	// Skipped is the number of records of kinds this program does not know
	// or that do not decode; they are logged.
	Skipped int
	// Confirmed is the number of records that came back at the revision
	// this file already had, usually this client's own pushes. They are
	// stored again, so the server's association id replaces the local one,
	// but they are not news to the user, so Written leaves them out.
	Confirmed int
}

func recordKey(kind data.Kind, id string) []byte { return []byte(string(kind) + "/" + id) }

// getJSON decodes the value under key of the named bucket into v and
// reports whether it was there. A missing bucket reads as empty.
func getJSON(tx *bolt.Tx, bucket, key []byte, v any) (bool, error) {
	b := tx.Bucket(bucket)
	if b == nil {
		return false, nil
	}
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return false, fmt.Errorf("decode %s entry %s: %w", bucket, key, errors.Join(err, data.ErrDamaged))
	}
	return true, nil
}

func putJSON(tx *bolt.Tx, bucket, key []byte, v any) error {
	b, err := tx.CreateBucketIfNotExists(bucket)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bucket, err)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s entry: %w", bucket, err)
	}
	return b.Put(key, raw)
}

func deleteKey(tx *bolt.Tx, bucket, key []byte) error {
	if b := tx.Bucket(bucket); b != nil {
		return b.Delete(key)
	}
	return nil
}

// queued is one outbox entry with its key.
type queued struct {
	key    []byte
	change Change
}

// pendingByRecord reads the outbox and groups its entries by record,
// oldest first within each record.
func pendingByRecord(tx *bolt.Tx) (map[string][]queued, error) {
	pending := make(map[string][]queued)
	err := tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
		var c Change
		if err := json.Unmarshal(v, &c); err != nil {
			return fmt.Errorf("decode outbox entry %x: %w", k, errors.Join(err, data.ErrDamaged))
		}
		key := string(recordKey(c.Kind, c.RecordID))
		pending[key] = append(pending[key], queued{key: append([]byte(nil), k...), change: c})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pending, nil
}

// NextPush returns up to max changes to push, at most one per record, in
// outbox order, and marks them in flight in the same transaction. For
// each record it picks the change sent earlier whose result was never
// recorded, else the newest pending change, which supersedes the older
// ones because its content holds their edits. Records with an open
// conflict, and records whose newest change was rejected, are left out.
//
// The BaseRevision of each returned change is the server revision to send
// (see the revision notes at the top of this file), not the local base.
func (s *DB) NextPush(max int) ([]Change, error) {
	if max <= 0 {
		return nil, fmt.Errorf("next push: invalid batch size %d", max)
	}
	type pick struct {
		seq    []byte
		change Change
	}
	var picks []pick

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		pending, err := pendingByRecord(tx)
		if err != nil {
			return err
		}
		for key, list := range pending {
			if found, err := getJSON(tx, bucketConflicts, []byte(key), &Conflict{}); err != nil || found {
				if err != nil {
					return err
				}
				continue
			}
			var state syncRecord
			if _, err := getJSON(tx, bucketSyncRecords, []byte(key), &state); err != nil {
				return err
			}

			chosen := list[len(list)-1]
			base := state.Known
			resend := false
			if state.InFlight != "" {
				if i := slices.IndexFunc(list, func(q queued) bool { return q.change.ChangeID == state.InFlight }); i >= 0 {
					chosen, base, resend = list[i], state.InFlightBase, true
				}
			}
			if !resend {
				var rejection Rejection
				if found, err := getJSON(tx, bucketRejections, []byte(chosen.change.ChangeID), &rejection); err != nil || found {
					if err != nil {
						return err
					}
					continue
				}
			}
			c := chosen.change
			c.BaseRevision = base
			picks = append(picks, pick{seq: chosen.key, change: c})
		}

		slices.SortFunc(picks, func(a, b pick) int { return bytes.Compare(a.seq, b.seq) })
		if len(picks) > max {
			picks = picks[:max]
		}
		for _, p := range picks {
			key := recordKey(p.change.Kind, p.change.RecordID)
			var state syncRecord
			if _, err := getJSON(tx, bucketSyncRecords, key, &state); err != nil {
				return err
			}
			state.InFlight, state.InFlightBase = p.change.ChangeID, p.change.BaseRevision
			if err := putJSON(tx, bucketSyncRecords, key, state); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("next push: %w", err)
	}
	changes := make([]Change, len(picks))
	for i, p := range picks {
		changes[i] = p.change
	}
	return changes, nil
}

// indexUpdate is a change to the in-memory index after a commit: a new
// entry, or the removal of a record.
type indexUpdate struct {
	kind    data.Kind
	id      string
	entry   *entry
	removed bool
}

// applyIndex applies committed updates to the in-memory index and shrinks
// the outbox count by dequeued.
func (s *DB) applyIndex(updates []indexUpdate, dequeued int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range updates {
		if u.removed {
			delete(s.index[u.kind], u.id)
		} else {
			s.index[u.kind][u.id] = u.entry
		}
	}
	s.outboxLen -= dequeued
}

// RecordPushResults stores the server's results for the changes that
// NextPush returned, in one transaction. results must be in the order of
// sent, as the server returns them.
//
//   - Applied: the sent change and every older change of its record leave
//     the outbox, with their rejections. The record's acknowledged revision
//     rises to the sent change's, and the server's revision becomes its
//     Known revision. A tombstone is removed from the file only now, and
//     only when no newer change exists.
//   - Conflict (409): a Conflict with both versions is stored and the
//     record's changes stay in the outbox, parked until the user decides.
//   - Forbidden (403), invalid (422) or any other status: a Rejection with
//     the server's message is stored and the change stays in the outbox.
func (s *DB) RecordPushResults(sent []Change, results []wire.Result) (PushOutcome, error) {
	var outcome PushOutcome
	if len(sent) != len(results) {
		return outcome, fmt.Errorf("record push results: %d results for %d changes", len(results), len(sent))
	}
	for i := range sent {
		if results[i].ChangeID != "" && results[i].ChangeID != sent[i].ChangeID {
			return outcome, fmt.Errorf("record push results: result %d is for change %s, sent %s", i, results[i].ChangeID, sent[i].ChangeID)
		}
	}

	var updates []indexUpdate
	dequeued := 0
	now := s.opts.Now().UTC()

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		updates, dequeued, outcome = nil, 0, PushOutcome{}
		pending, err := pendingByRecord(tx)
		if err != nil {
			return err
		}
		for i, c := range sent {
			res := results[i]
			key := recordKey(c.Kind, c.RecordID)
			var state syncRecord
			if _, err := getJSON(tx, bucketSyncRecords, key, &state); err != nil {
				return err
			}
			if state.InFlight == c.ChangeID {
				state.InFlight, state.InFlightBase = "", 0
			}
			list := pending[string(key)]
			at := slices.IndexFunc(list, func(q queued) bool { return q.change.ChangeID == c.ChangeID })
			if at < 0 {
				// Already recorded, or superseded by a resolution.
				if err := putJSON(tx, bucketSyncRecords, key, state); err != nil {
					return err
				}
				continue
			}

			switch res.Status {
			case wire.StatusApplied:
				outcome.Applied++
				state.Known = max(state.Known, res.Revision)
				u, removed, err := acknowledge(tx, list[:at+1], list[at].change)
				if err != nil {
					return err
				}
				outcome.Acknowledged += removed
				dequeued += removed
				pending[string(key)] = list[at+1:]
				if u != nil {
					updates = append(updates, *u)
				}
				if u != nil && u.removed {
					if err := deleteKey(tx, bucketSyncRecords, key); err != nil {
						return err
					}
					continue
				}
			case wire.StatusConflict:
				outcome.Conflicts++
				local := tx.Bucket(recordBucket(c.Kind)).Get([]byte(c.RecordID))
				if local == nil {
					local = c.Content
				}
				conflict := Conflict{
					Kind:           c.Kind,
					RecordID:       c.RecordID,
					Local:          append(json.RawMessage(nil), local...),
					Server:         res.Current,
					ServerRevision: res.Revision,
					ChangeID:       c.ChangeID,
					DetectedAt:     now,
				}
				if err := putJSON(tx, bucketConflicts, key, conflict); err != nil {
					return err
				}
				s.log.Warn("sync conflict", "kind", c.Kind, "record", c.RecordID, "change", c.ChangeID, "server_revision", res.Revision)
			default:
				outcome.Rejected++
				rejection := Rejection{
					ChangeID: c.ChangeID,
					Kind:     c.Kind,
					RecordID: c.RecordID,
					Status:   res.Status,
					Error:    res.Error,
					Reason:   res.Reason,
					Fields:   res.Fields,
					At:       now,
				}
				if len(res.Current) > 0 {
					rejection.Server, rejection.ServerRevision = res.Current, res.Revision
				}
				if err := putJSON(tx, bucketRejections, []byte(c.ChangeID), rejection); err != nil {
					return err
				}
				s.log.Warn("change rejected by the server", "kind", c.Kind, "record", c.RecordID, "change", c.ChangeID, "status", res.Status, "reason", res.Reason, "error", res.Error)
			}
			if err := putJSON(tx, bucketSyncRecords, key, state); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return PushOutcome{}, fmt.Errorf("record push results: %w", err)
	}
	s.applyIndex(updates, dequeued)
	return outcome, nil
}

// acknowledge removes the given outbox entries, the last of which is
// newest, and their rejections, and raises the record's acknowledged
// revision to newest's. When newest deleted the record and the record has
// not changed since, the tombstone is removed from the file. It returns the
// index update (nil when the index does not change) and how many outbox
// entries it removed.
func acknowledge(tx *bolt.Tx, done []queued, newest Change) (*indexUpdate, int, error) {
	outbox := tx.Bucket(bucketOutbox)
	for _, q := range done {
		if err := outbox.Delete(q.key); err != nil {
			return nil, 0, fmt.Errorf("remove outbox entry: %w", err)
		}
		if err := deleteKey(tx, bucketRejections, []byte(q.change.ChangeID)); err != nil {
			return nil, 0, fmt.Errorf("remove rejection: %w", err)
		}
	}

	index := tx.Bucket(indexBucket(newest.Kind))
	records := tx.Bucket(recordBucket(newest.Kind))
	if index == nil || records == nil {
		return nil, 0, fmt.Errorf("outbox entry %s has unknown kind %q: %w", newest.ChangeID, newest.Kind, data.ErrDamaged)
	}
	id := []byte(newest.RecordID)
	raw := index.Get(id)
	if raw == nil {
		return nil, len(done), nil
	}
	e, err := decodeEntry(raw)
	if err != nil {
		return nil, 0, fmt.Errorf("read index entry %s: %w", newest.RecordID, errors.Join(err, data.ErrDamaged))
	}
	if newest.Op == OpDelete && e.Deleted && e.Revision == newest.Revision {
		if err := records.Delete(id); err != nil {
			return nil, 0, fmt.Errorf("remove tombstone %s: %w", newest.RecordID, err)
		}
		if err := index.Delete(id); err != nil {
			return nil, 0, fmt.Errorf("remove index entry %s: %w", newest.RecordID, err)
		}
		return &indexUpdate{kind: newest.Kind, id: newest.RecordID, removed: true}, len(done), nil
	}
	if newest.Revision <= e.Acked {
		return nil, len(done), nil
	}
	updated := *e
	updated.Acked = newest.Revision
	if err := index.Put(id, updated.encode()); err != nil {
		return nil, 0, fmt.Errorf("put index entry %s: %w", newest.RecordID, err)
	}
	return &indexUpdate{kind: newest.Kind, id: newest.RecordID, entry: &updated}, len(done), nil
}

// putSynced writes r as the server has it, with its index entry marked
// acknowledged and no outbox entry, and sets its Known revision.
func putSynced(tx *bolt.Tx, r data.Record) (*indexUpdate, error) {
	kind, h := r.RecordKind(), r.Header()
	content, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode %s %s: %w", kind, h.ID, err)
	}
	if err := tx.Bucket(recordBucket(kind)).Put([]byte(h.ID), content); err != nil {
		return nil, fmt.Errorf("put %s %s: %w", kind, h.ID, err)
	}
	e := newEntry(r)
	e.Acked = h.Revision
	if err := tx.Bucket(indexBucket(kind)).Put([]byte(h.ID), e.encode()); err != nil {
		return nil, fmt.Errorf("put index entry %s: %w", h.ID, err)
	}
	if err := putJSON(tx, bucketSyncRecords, recordKey(kind, h.ID), syncRecord{Known: h.Revision}); err != nil {
		return nil, err
	}
	return &indexUpdate{kind: kind, id: h.ID, entry: e}, nil
}

// removeSynced removes a record that the server deleted, with its index
// entry and sync bookkeeping. It returns nil when there was no record.
func removeSynced(tx *bolt.Tx, kind data.Kind, id string) (*indexUpdate, error) {
	if err := deleteKey(tx, bucketSyncRecords, recordKey(kind, id)); err != nil {
		return nil, err
	}
	if tx.Bucket(recordBucket(kind)).Get([]byte(id)) == nil {
		return nil, nil
	}
	if err := tx.Bucket(recordBucket(kind)).Delete([]byte(id)); err != nil {
		return nil, fmt.Errorf("remove %s %s: %w", kind, id, err)
	}
	if err := tx.Bucket(indexBucket(kind)).Delete([]byte(id)); err != nil {
		return nil, fmt.Errorf("remove index entry %s: %w", id, err)
	}
	return &indexUpdate{kind: kind, id: id, removed: true}, nil
}

// keepRequester copies the requester of the local consultation into a
// server copy, because the requester never leaves this machine and the
// server's copy has none.
func keepRequester(tx *bolt.Tx, r data.Record) {
	c, ok := r.(*data.Consultation)
	if !ok {
		return
	}
	raw := tx.Bucket(recordBucket(data.KindConsultation)).Get([]byte(c.ID))
	if raw == nil {
		return
	}
	var local data.Consultation
	if json.Unmarshal(raw, &local) == nil && c.Requester == (data.Requester{}) {
		c.Requester = local.Requester
	}
}

// ApplyPull stores one pulled page and its NextCursor in one transaction,
// so the cursor moves only once the page is committed. Records are written
// with the server's revision and no outbox entry. A record with pending
// local changes is left as it is, so that the push detects the conflict.
// If it has an open conflict, the conflict's server version is brought up
// to date instead. A server tombstone removes the local record unless the
// record has pending changes. Records of unknown kinds, and records that
// do not decode, are skipped and logged, so that one bad record cannot
// stop every later sync.
func (s *DB) ApplyPull(page wire.PullResponse) (PullOutcome, error) {
	var outcome PullOutcome
	var updates []indexUpdate

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		outcome, updates = PullOutcome{}, nil
		pending, err := pendingByRecord(tx)
		if err != nil {
			return err
		}
		for _, state := range page.Records {
			u, err := s.applyState(tx, state, len(pending[string(recordKey(state.Kind, state.RecordID))]) > 0, &outcome)
			if err != nil {
				return err
			}
			if u != nil {
				updates = append(updates, *u)
			}
		}
		return putJSON(tx, bucketSync, keyCursor, page.NextCursor)
	})
	if err != nil {
		return PullOutcome{}, fmt.Errorf("apply pulled page: %w", err)
	}
	s.applyIndex(updates, 0)
	return outcome, nil
}

// applyState stores one pulled record state and counts it in outcome.
func (s *DB) applyState(tx *bolt.Tx, state wire.RecordState, hasPending bool, outcome *PullOutcome) (*indexUpdate, error) {
	if !slices.Contains(storedKinds, state.Kind) || state.RecordID == "" {
		outcome.Skipped++
		s.log.Warn("pulled record of unknown kind skipped", "kind", state.Kind, "record", state.RecordID)
		return nil, nil
	}
	key := recordKey(state.Kind, state.RecordID)

	var conflict Conflict
	found, err := getJSON(tx, bucketConflicts, key, &conflict)
	if err != nil {
		return nil, err
	}
	if found {
		outcome.Kept++
		if state.Revision <= conflict.ServerRevision {
			return nil, nil
		}
		conflict.ServerRevision = state.Revision
		conflict.Server = nil
		if !state.Deleted {
			conflict.Server = state.Record
		} else {
			conflict.Server = json.RawMessage(fmt.Sprintf(`{"id":%q,"revision":%d,"deleted":true}`, state.RecordID, state.Revision))
		}
		return nil, putJSON(tx, bucketConflicts, key, conflict)
	}
	if hasPending {
		outcome.Kept++
		return nil, refreshRejectedCopies(tx, state)
	}

	var known syncRecord
	if _, err := getJSON(tx, bucketSyncRecords, key, &known); err != nil {
		return nil, err
	}
	if state.Revision < known.Known {
		// An older state than one this file has already seen.
		return nil, nil
	}
	if state.Deleted {
		u, err := removeSynced(tx, state.Kind, state.RecordID)
		if u != nil {
			outcome.Removed++
		}
		return u, err
	}

	r, err := decodeRecord(state.Kind, state.Record)
	if err == nil && r.Header().ID != state.RecordID {
		err = fmt.Errorf("record id %q differs from record_id", r.Header().ID)
	}
	if err != nil {
		outcome.Skipped++
		s.log.Warn("pulled record does not decode; skipped", "kind", state.Kind, "record", state.RecordID, "err", err)
		return nil, nil
	}
	h := r.Header()
	h.Revision = state.Revision
	h.Deleted = false
	keepRequester(tx, r)
	if state.Revision == known.Known {
		outcome.Confirmed++
	} else {
		outcome.Written++
	}
	return putSynced(tx, r)
}

// Conflicts returns the open conflicts, oldest first, each with the
// current local copy of its record.
func (s *DB) Conflicts() ([]Conflict, error) {
	var list []Conflict
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketConflicts)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var c Conflict
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode conflict %s: %w", k, errors.Join(err, data.ErrDamaged))
			}
			if local := tx.Bucket(recordBucket(c.Kind)).Get([]byte(c.RecordID)); local != nil {
				c.Local = append(json.RawMessage(nil), local...)
			}
			list = append(list, c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read conflicts: %w", err)
	}
	slices.SortStableFunc(list, func(a, b Conflict) int { return a.DetectedAt.Compare(b.DetectedAt) })
	return list, nil
}

// Rejections returns the changes the server refused, oldest first.
func (s *DB) Rejections() ([]Rejection, error) {
	var list []Rejection
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRejections)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var r Rejection
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode rejection %s: %w", k, errors.Join(err, data.ErrDamaged))
			}
			list = append(list, r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read rejections: %w", err)
	}
	slices.SortStableFunc(list, func(a, b Rejection) int { return a.At.Compare(b.At) })
	return list, nil
}

// dropPending removes every outbox entry of one record and their
// rejections, and returns how many entries it removed.
func dropPending(tx *bolt.Tx, list []queued) (int, error) {
	for _, q := range list {
		if err := tx.Bucket(bucketOutbox).Delete(q.key); err != nil {
			return 0, fmt.Errorf("remove outbox entry: %w", err)
		}
		if err := deleteKey(tx, bucketRejections, []byte(q.change.ChangeID)); err != nil {
			return 0, err
		}
	}
	return len(list), nil
}

// ResolveConflict saves chosen, the version the user kept or merged, as a
// new local revision of the conflicting record and removes the conflict,
// in one transaction. The record's older pending changes are dropped
// because chosen replaces them, and the new change is based on the
// server's revision from the conflict, so the next push applies unless the
// record changed on the server again. A chosen record with Meta.Deleted
// set queues a delete. It returns data.ErrNotFound when the record has no
// open conflict and chosen's Validate error, storing nothing, when chosen
// is invalid.
func (s *DB) ResolveConflict(kind data.Kind, id string, chosen data.Record) error {
	if err := checkRecordType(chosen); err != nil {
		return err
	}
	if chosen.RecordKind() != kind {
		return fmt.Errorf("resolve conflict of %s %s: chosen record is a %s", kind, id, chosen.RecordKind())
	}
	h := chosen.Header()
	deleting := h.Deleted
	if !deleting {
		if err := chosen.Validate(); err != nil {
			return err
		}
	}
	before := *h
	key := recordKey(kind, id)
	var e *entry
	dropped := 0

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		conflict, n, err := takeConflict(tx, key)
		if err != nil {
			return err
		}
		dropped = n

		local := int64(0)
		acked := int64(0)
		h.Created = s.opts.Now().UTC()
		if raw := tx.Bucket(indexBucket(kind)).Get([]byte(id)); raw != nil {
			stored, err := decodeEntry(raw)
			if err != nil {
				return fmt.Errorf("read index entry: %w", errors.Join(err, data.ErrDamaged))
			}
			local, acked = stored.Revision, stored.Acked
			h.Created = time.Unix(0, stored.Created).UTC()
		}
		h.ID = id
		h.Association = s.profile.AssociationID
		h.Revision = max(local, conflict.ServerRevision) + 1
		h.Updated = s.opts.Now().UTC()
		h.Deleted = deleting

		op := OpPut
		if deleting {
			op = OpDelete
		}
		if e, err = s.write(tx, chosen, op, conflict.ServerRevision, acked); err != nil {
			return err
		}
		if err := putJSON(tx, bucketSyncRecords, key, syncRecord{Known: conflict.ServerRevision}); err != nil {
			return err
		}
		return deleteKey(tx, bucketConflicts, key)
	})
	if err != nil {
		*h = before
		return fmt.Errorf("resolve conflict of %s %s: %w", kind, id, err)
	}
	s.applyIndex([]indexUpdate{{kind: kind, id: id, entry: e}}, dropped-1)
	s.log.Info("conflict resolved", "kind", kind, "record", id, "revision", h.Revision)
	return nil
}

// takeConflict reads the open conflict under key and drops the record's
// pending changes, which the resolution replaces. It returns
// data.ErrNotFound when the record has no open conflict.
func takeConflict(tx *bolt.Tx, key []byte) (Conflict, int, error) {
	var conflict Conflict
	found, err := getJSON(tx, bucketConflicts, key, &conflict)
	if err != nil {
		return Conflict{}, 0, err
	}
	if !found {
		return Conflict{}, 0, data.ErrNotFound
	}
	pending, err := pendingByRecord(tx)
	if err != nil {
		return Conflict{}, 0, err
	}
	dropped, err := dropPending(tx, pending[string(key)])
	if err != nil {
		return Conflict{}, 0, err
	}
	return conflict, dropped, nil
}

// AcceptServerVersion resolves a conflict by taking the server's version.
// In one transaction it replaces the local record with the server's, or
// removes it when the server deleted it, drops the record's pending changes
// and removes the conflict. Nothing is queued to push. A consultation keeps
// its local requester. It returns data.ErrNotFound when
// the record has no open conflict.
func (s *DB) AcceptServerVersion(kind data.Kind, id string) error {
	key := recordKey(kind, id)
	var update *indexUpdate
	dropped := 0

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		conflict, n, err := takeConflict(tx, key)
		if err != nil {
			return err
		}
		dropped = n
		if err := deleteKey(tx, bucketConflicts, key); err != nil {
			return err
		}

		server, err := conflict.ServerRecord()
		switch {
		case errors.Is(err, data.ErrNotFound) || (err == nil && server.Header().Deleted):
			update, err = removeSynced(tx, kind, id)
			return err
		case err != nil:
			return fmt.Errorf("decode server version: %w", err)
		}
		h := server.Header()
		h.ID = id
		h.Revision = conflict.ServerRevision
		keepRequester(tx, server)
		update, err = putSynced(tx, server)
		return err
	})
	if err != nil {
		return fmt.Errorf("accept server version of %s %s: %w", kind, id, err)
	}
	var updates []indexUpdate
	if update != nil {
		updates = append(updates, *update)
	}
	s.applyIndex(updates, dropped)
	s.log.Info("conflict resolved with the server's version", "kind", kind, "record", id)
	return nil
}

// SyncState returns the cursor, the times of the last sync and the
// numbers of conflicts and rejections waiting for the user.
func (s *DB) SyncState() (SyncState, error) {
	var state SyncState
	err := s.bolt.View(func(tx *bolt.Tx) error {
		if _, err := getJSON(tx, bucketSync, keyCursor, &state.Cursor); err != nil {
			return err
		}
		if _, err := getJSON(tx, bucketSync, keyLastSuccess, &state.LastSuccess); err != nil {
			return err
		}
		var failure struct {
			Message string    `json:"message"`
			At      time.Time `json:"at"`
		}
		if _, err := getJSON(tx, bucketSync, keyLastError, &failure); err != nil {
			return err
		}
		state.LastError, state.LastErrorAt = failure.Message, failure.At
		if b := tx.Bucket(bucketConflicts); b != nil {
			state.Conflicts = b.Stats().KeyN
		}
		if b := tx.Bucket(bucketRejections); b != nil {
			state.Rejections = b.Stats().KeyN
		}
		return nil
	})
	if err != nil {
		return SyncState{}, fmt.Errorf("read sync state: %w", err)
	}
	return state, nil
}

// RecordSyncSuccess stores the time a sync finished and clears the last
// error.
func (s *DB) RecordSyncSuccess(at time.Time) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		if err := putJSON(tx, bucketSync, keyLastSuccess, at.UTC()); err != nil {
			return err
		}
		return deleteKey(tx, bucketSync, keyLastError)
	})
	if err != nil {
		return fmt.Errorf("record sync success: %w", err)
	}
	return nil
}

// RecordSyncFailure stores the message of a failed sync and its time. The
// message is shown to the user, so it must hold no secret.
func (s *DB) RecordSyncFailure(at time.Time, message string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		return putJSON(tx, bucketSync, keyLastError, map[string]any{"message": message, "at": at.UTC()})
	})
	if err != nil {
		return fmt.Errorf("record sync failure: %w", err)
	}
	return nil
}

// ResetSyncCursor clears the pull cursor and every record's in-flight
// push, so the next sync pulls everything again. Use it when the data file
// is pointed at another server. The Known revisions stay, so pushes of
// records the new server lacks become conflicts rather than overwrites.
func (s *DB) ResetSyncCursor() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		if err := deleteKey(tx, bucketSync, keyCursor); err != nil {
			return err
		}
		b := tx.Bucket(bucketSyncRecords)
		if b == nil {
			return nil
		}
		var updates [][2][]byte
		err := b.ForEach(func(k, v []byte) error {
			var state syncRecord
			if err := json.Unmarshal(v, &state); err != nil {
				return fmt.Errorf("decode sync record %s: %w", k, errors.Join(err, data.ErrDamaged))
			}
			if state.InFlight == "" {
				return nil
			}
			state.InFlight, state.InFlightBase = "", 0
			raw, err := json.Marshal(state)
			if err != nil {
				return err
			}
			updates = append(updates, [2][]byte{append([]byte(nil), k...), raw})
			return nil
		})
		if err != nil {
			return err
		}
		for _, u := range updates {
			if err := b.Put(u[0], u[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reset sync cursor: %w", err)
	}
	return nil
}
