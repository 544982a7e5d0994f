package boltstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// decodeRecord parses a stored record of the given kind.
func decodeRecord(kind data.Kind, raw []byte) (data.Record, error) {
	var r data.Record
	switch kind {
	case data.KindEvent:
		r = new(data.Event)
	case data.KindPractice:
		r = new(data.PracticeCase)
	case data.KindConsultation:
		r = new(data.Consultation)
	case data.KindEdition:
		r = new(data.Edition)
	default:
		return nil, fmt.Errorf("unknown record kind %q", kind)
	}
	if err := json.Unmarshal(raw, r); err != nil {
		return nil, err
	}
	return r, nil
}

func checkRecordType(r data.Record) error {
	switch r.(type) {
	case *data.Event, *data.PracticeCase, *data.Consultation, *data.Edition:
		return nil
	}
	return fmt.Errorf("unsupported record type %T", r)
}

// Save validates r and stores it with its index entry and outbox entry in
// one transaction. It returns r.Validate's error unchanged and stores
// nothing when r is invalid. A caller-given id that does not exist yet
// creates a record with that id, as import needs. Saving the id of a
// tombstone brings the record back with the next revision. When r's
// content (everything but Meta) equals the stored live record, Save
// writes nothing, queues nothing, and sets r's Meta to the stored one.
// A local-only record (see SaveLocalOnly) stays local-only and gets no
// outbox entry.
func (s *DB) Save(r data.Record) error {
	return s.save(r, false)
}

// save implements Save, and SaveLocalOnly when makeLocal is set.
func (s *DB) save(r data.Record, makeLocal bool) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if err := checkRecordType(r); err != nil {
		return err
	}
	kind := r.RecordKind()
	h := r.Header()
	before := *h
	e := contentEntry(r)

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	// writeMu keeps other writers out between this check and the update.
	stored, local, err := s.storedIfSame(r)
	if err != nil {
		return fmt.Errorf("save %s %s: %w", kind, idOrNew(before.ID), err)
	}
	if stored != nil && (local || !makeLocal) {
		*h = *stored
		return nil
	}

	queued, dropped := 0, 0
	err = s.bolt.Update(func(tx *bolt.Tx) error {
		var err error
		queued, dropped, err = s.writeSaved(tx, r, e, makeLocal)
		return err
	})
	if err != nil {
		*h = before
		return fmt.Errorf("save %s %s: %w", kind, idOrNew(before.ID), err)
	}
	s.apply(kind, e, queued-dropped)
	return nil
}

// SaveAll saves every record as Save does, in one transaction: either all
// of them are stored or, on any error, none. It validates every record
// before it writes anything and returns the first invalid record's
// *data.ValidationError unchanged. Records whose content equals the stored
// live record are left as they are, as in Save. Import uses it, so a file
// is never half imported.
func (s *DB) SaveAll(records []data.Record) error {
	for _, r := range records {
		if err := r.Validate(); err != nil {
			return err
		}
		if err := checkRecordType(r); err != nil {
			return err
		}
	}

	s.writeMu.Lock()
	defer s.writeMu.Unlock()

	// Unchanged records are set aside first, in their own read
	// transactions, as Save does.
	var changed []data.Record
	for _, r := range records {
		stored, _, err := s.storedIfSame(r)
		if err != nil {
			return fmt.Errorf("save %s %s: %w", r.RecordKind(), idOrNew(r.Header().ID), err)
		}
		if stored != nil {
			*r.Header() = *stored
			continue
		}
		changed = append(changed, r)
	}

	before := make([]data.Meta, len(changed))
	entries := make([]*entry, len(changed))
	outboxDelta := make([]int, len(changed))
	for i, r := range changed {
		before[i] = *r.Header()
		entries[i] = contentEntry(r)
	}
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		for i, r := range changed {
			queued, dropped, err := s.writeSaved(tx, r, entries[i], false)
			if err != nil {
				return fmt.Errorf("save %s %s: %w", r.RecordKind(), idOrNew(before[i].ID), err)
			}
			outboxDelta[i] = queued - dropped
		}
		return nil
	})
	if err != nil {
		for i, r := range changed {
			*r.Header() = before[i]
		}
		return fmt.Errorf("save %d records: %w", len(changed), err)
	}
	for i, r := range changed {
		s.apply(r.RecordKind(), entries[i], outboxDelta[i])
	}
	return nil
}

// writeSaved writes one saved record inside tx: it assigns the id, the
// revision and the times, then puts the record, its index entry and, unless
// the record is local-only, its outbox entry. It returns how many outbox
// entries it queued and how many it dropped by making the record
// local-only.
func (s *DB) writeSaved(tx *bolt.Tx, r data.Record, e *entry, makeLocal bool) (queued, dropped int, err error) {
	kind := r.RecordKind()
	h := r.Header()
	if h.ID == "" {
		h.ID = uuid.NewString()
	}
	local := isLocalOnly(tx, kind, h.ID)
	if makeLocal && !local {
		if dropped, err = markLocalOnly(tx, kind, h.ID); err != nil {
			return 0, 0, err
		}
		local = true
	}

	index := tx.Bucket(indexBucket(kind))
	var base int64
	h.Created = s.opts.Now().UTC()
	acked := int64(0)
	if raw := index.Get([]byte(h.ID)); raw != nil {
		stored, err := decodeEntry(raw)
		if err != nil {
			return 0, 0, fmt.Errorf("read index entry: %w", errors.Join(err, data.ErrDamaged))
		}
		base = stored.Revision
		acked = stored.Acked
		h.Created = time.Unix(0, stored.Created).UTC()
	}
	h.Association = s.profile.AssociationID
	h.Revision = base + 1
	h.Updated = s.opts.Now().UTC()
	h.Deleted = false

	e.setMeta(h)
	e.Acked = acked
	if local {
		// Nothing of a local-only record is ever sent, so each revision
		// counts as acknowledged and needs no outbox entry.
		e.Acked = h.Revision
		_, err := putRecord(tx, r, e)
		return 0, dropped, err
	}
	return 1, dropped, s.writeEntry(tx, r, e, OpPut, base)
}

// storedIfSame returns the Meta of the stored live record with r's id when
// its content equals r's, and nil when it differs or there is none. It
// also reports whether the record is local-only. It reads in its own
// transaction, so an unchanged save writes nothing to the file.
func (s *DB) storedIfSame(r data.Record) (meta *data.Meta, local bool, err error) {
	id := r.Header().ID
	if id == "" {
		return nil, false, nil
	}
	var stored data.Record
	err = s.bolt.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(recordBucket(r.RecordKind())).Get([]byte(id))
		if raw == nil {
			return nil
		}
		var err error
		stored, err = decodeRecord(r.RecordKind(), raw)
		if err != nil {
			return fmt.Errorf("decode stored record: %w", errors.Join(err, data.ErrDamaged))
		}
		local = isLocalOnly(tx, r.RecordKind(), id)
		return nil
	})
	if err != nil || stored == nil || stored.Header().Deleted {
		return nil, false, err
	}

	want, err := contentJSON(r)
	if err != nil {
		return nil, false, err
	}
	have, err := contentJSON(stored)
	if err != nil {
		return nil, false, err
	}
	if !bytes.Equal(want, have) {
		return nil, local, nil
	}
	stamp := *stored.Header()
	return &stamp, local, nil
}

// contentJSON encodes r without its Meta. Both records of a comparison go
// through the same encoding, so equal content gives equal bytes.
func contentJSON(r data.Record) ([]byte, error) {
	h := r.Header()
	meta := *h
	*h = data.Meta{}
	defer func() { *h = meta }()
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return raw, nil
}

func idOrNew(id string) string {
	if id == "" {
		return "(new)"
	}
	return id
}

// write puts the record, a new index entry with the acknowledged revision
// acked and an outbox entry, and returns the index entry for the
// in-memory index.
func (s *DB) write(tx *bolt.Tx, r data.Record, op string, base, acked int64) (*entry, error) {
	e := newEntry(r)
	e.Acked = acked
	if err := s.writeEntry(tx, r, e, op, base); err != nil {
		return nil, err
	}
	return e, nil
}

// writeEntry puts the record, its index entry e and its outbox entry.
func (s *DB) writeEntry(tx *bolt.Tx, r data.Record, e *entry, op string, base int64) error {
	content, err := putRecord(tx, r, e)
	if err != nil {
		return err
	}
	h := r.Header()
	change := newChange(r.RecordKind(), h.ID, op, base, h.Revision, content, h.Updated)
	return queueChange(tx.Bucket(bucketOutbox), change)
}

// putRecord puts the record and its index entry e, and returns the
// record's JSON.
func putRecord(tx *bolt.Tx, r data.Record, e *entry) ([]byte, error) {
	kind := r.RecordKind()
	h := r.Header()
	content, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	if err := tx.Bucket(recordBucket(kind)).Put([]byte(h.ID), content); err != nil {
		return nil, fmt.Errorf("put record: %w", err)
	}
	if err := tx.Bucket(indexBucket(kind)).Put([]byte(h.ID), e.encode()); err != nil {
		return nil, fmt.Errorf("put index entry: %w", err)
	}
	return content, nil
}

// apply puts a committed entry into the in-memory index and changes the
// outbox count by queued, which is negative when entries were dropped.
func (s *DB) apply(kind data.Kind, e *entry, queued int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.index[kind][e.ID] = e
	s.outboxLen += queued
}

// Delete turns the record into a tombstone with the next revision and
// queues the deletion. The tombstone is removed from the file when the
// server acknowledges the deletion. A local-only record is removed at
// once, because the server has no copy to delete. It returns
// data.ErrNotFound for an unknown id or a record that is already deleted.
func (s *DB) Delete(kind data.Kind, id string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var e *entry
	removed := false
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		e, removed = nil, false
		records := tx.Bucket(recordBucket(kind))
		if records == nil {
			return fmt.Errorf("unknown record kind %q", kind)
		}
		raw := records.Get([]byte(id))
		if raw == nil {
			return data.ErrNotFound
		}
		r, err := decodeRecord(kind, raw)
		if err != nil {
			return fmt.Errorf("decode stored record: %w", errors.Join(err, data.ErrDamaged))
		}
		h := r.Header()
		if h.Deleted {
			return data.ErrNotFound
		}
		if isLocalOnly(tx, kind, id) {
			removed = true
			return removeLocalOnly(tx, kind, id)
		}
		stored, err := decodeEntry(tx.Bucket(indexBucket(kind)).Get([]byte(id)))
		if err != nil {
			return fmt.Errorf("read index entry: %w", errors.Join(err, data.ErrDamaged))
		}
		base := h.Revision
		h.Revision++
		h.Updated = s.opts.Now().UTC()
		h.Deleted = true

		// The content is unchanged, so the stored entry only needs new meta.
		e = stored
		e.setMeta(h)
		return s.writeEntry(tx, r, e, OpDelete, base)
	})
	if err != nil {
		return fmt.Errorf("delete %s %s: %w", kind, id, err)
	}
	if removed {
		s.applyIndex([]indexUpdate{{kind: kind, id: id, removed: true}}, 0)
		return nil
	}
	s.apply(kind, e, 1)
	return nil
}

// get reads one live record into r.
func (s *DB) get(kind data.Kind, id string, r data.Record) error {
	err := s.bolt.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(recordBucket(kind)).Get([]byte(id))
		if raw == nil {
			return data.ErrNotFound
		}
		if err := json.Unmarshal(raw, r); err != nil {
			return fmt.Errorf("decode: %w", errors.Join(err, data.ErrDamaged))
		}
		if r.Header().Deleted {
			return data.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s %s: %w", kind, id, err)
	}
	return nil
}

// Event returns one live event, or an error wrapping data.ErrNotFound.
func (s *DB) Event(id string) (data.Event, error) {
	var e data.Event
	err := s.get(data.KindEvent, id, &e)
	return e, err
}

// PracticeCase returns one live practice case, or an error wrapping
// data.ErrNotFound.
func (s *DB) PracticeCase(id string) (data.PracticeCase, error) {
	var c data.PracticeCase
	err := s.get(data.KindPractice, id, &c)
	return c, err
}

// Consultation returns one live consultation, or an error wrapping
// data.ErrNotFound.
func (s *DB) Consultation(id string) (data.Consultation, error) {
	var c data.Consultation
	err := s.get(data.KindConsultation, id, &c)
	return c, err
}

// parallelScanMin is the number of candidate entries from which match
// scans texts on every core. Below it, starting goroutines costs more than
// it saves.
const parallelScanMin = 2048

// match returns the live entries of kind that keep returns true for and
// whose folded text contains every word of query.
func (s *DB) match(kind data.Kind, query string, keep func(*entry) bool) []*entry {
	folded := data.Fold(query)
	hashes := queryTrigrams(folded)
	s.mu.RLock()
	defer s.mu.RUnlock()

	var candidates []*entry
	for _, e := range s.index[kind] {
		if !e.Deleted && keep(e) && mayContain(e.Filter, hashes) {
			candidates = append(candidates, e)
		}
	}
	if strings.TrimSpace(folded) == "" {
		return candidates
	}
	workers := runtime.GOMAXPROCS(0)
	if len(candidates) < parallelScanMin || workers < 2 {
		return matchFolded(candidates, folded)
	}

	// Entries are never changed in place, so the workers may read them
	// while this goroutine holds the read lock.
	size := (len(candidates) + workers - 1) / workers
	parts := make([][]*entry, workers)
	var wg sync.WaitGroup
	for w := range workers {
		chunk := candidates[min(w*size, len(candidates)):min((w+1)*size, len(candidates))]
		wg.Go(func() { parts[w] = matchFolded(chunk, folded) })
	}
	wg.Wait()
	return slices.Concat(parts...)
}

// matchFolded returns the entries whose folded text contains every word of
// the folded query.
func matchFolded(entries []*entry, folded string) []*entry {
	var found []*entry
	for _, e := range entries {
		if data.MatchFolded(e.Folded, folded) {
			found = append(found, e)
		}
	}
	return found
}

// within reports whether the days [first, last] overlap [from, to], where a
// zero bound is open.
func within(first, last, from, to data.Date) bool {
	if !from.IsZero() && last.Before(from) {
		return false
	}
	if !to.IsZero() && to.Before(first) {
		return false
	}
	return true
}

// sameFolded compares a filter value with a stored value, ignoring case and
// diacritics. An empty filter matches everything.
func sameFolded(filter, value string) bool {
	return filter == "" || data.Fold(strings.TrimSpace(filter)) == data.Fold(strings.TrimSpace(value))
}

// Events returns live events that overlap [f.From, f.To] and match
// f.Query, sorted by start, then by title.
func (s *DB) Events(f data.EventFilter) ([]data.Event, error) {
	found := s.match(data.KindEvent, f.Query, func(e *entry) bool {
		return within(e.First, e.Last, f.From, f.To)
	})
	slices.SortFunc(found, func(a, b *entry) int {
		if a.Start != b.Start {
			return compareInt(a.Start, b.Start)
		}
		return compareKeys(a, b)
	})
	events := make([]data.Event, len(found))
	err := s.readAll(data.KindEvent, found, func(i int, raw []byte) error {
		return json.Unmarshal(raw, &events[i])
	})
	if err != nil {
		return nil, err
	}
	return events, nil
}

// Consultations returns live consultations that match f, newest first: by
// date, then by the time they were created.
func (s *DB) Consultations(f data.ConsultationFilter) ([]data.Consultation, error) {
	found := s.match(data.KindConsultation, f.Query, func(e *entry) bool {
		return (f.Status == "" || e.Status == string(f.Status)) &&
			sameFolded(f.Category, e.Category) &&
			within(e.First, e.First, f.From, f.To)
	})
	slices.SortFunc(found, func(a, b *entry) int {
		if c := b.First.Compare(a.First); c != 0 {
			return c
		}
		if a.Created != b.Created {
			return compareInt(b.Created, a.Created)
		}
		return strings.Compare(a.ID, b.ID)
	})
	list := make([]data.Consultation, len(found))
	err := s.readAll(data.KindConsultation, found, func(i int, raw []byte) error {
		return json.Unmarshal(raw, &list[i])
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}

// PracticeCases returns summaries of live cases that match f, sorted by
// title in Lithuanian collation. It reads only the in-memory index.
func (s *DB) PracticeCases(f data.CaseFilter) ([]data.CaseSummary, error) {
	found := s.match(data.KindPractice, f.Query, func(e *entry) bool {
		return (f.Status == "" || e.Status == string(f.Status)) &&
			sameFolded(f.Subject, e.Subject) &&
			(f.Level == "" || slices.Contains(e.Levels, string(f.Level)))
	})
	slices.SortFunc(found, compareKeys)
	list := make([]data.CaseSummary, len(found))
	for i, e := range found {
		list[i] = e.summary()
	}
	return list, nil
}

// compareKeys orders entries by their collation key, then by id so that
// equal titles keep a stable order.
func compareKeys(a, b *entry) int {
	if c := bytes.Compare(a.SortKey, b.SortKey); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// readAll reads the records of the given entries in one transaction.
func (s *DB) readAll(kind data.Kind, entries []*entry, decode func(i int, raw []byte) error) error {
	if len(entries) == 0 {
		return nil
	}
	err := s.bolt.View(func(tx *bolt.Tx) error {
		records := tx.Bucket(recordBucket(kind))
		for i, e := range entries {
			raw := records.Get([]byte(e.ID))
			if raw == nil {
				return fmt.Errorf("%s %s is in the index but not stored: %w", kind, e.ID, data.ErrDamaged)
			}
			if err := decode(i, raw); err != nil {
				return fmt.Errorf("decode %s %s: %w", kind, e.ID, errors.Join(err, data.ErrDamaged))
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list %s records: %w", kind, err)
	}
	return nil
}
