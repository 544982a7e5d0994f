// Package serverstore implements the coordinator server's storage
// (server.Store) on one bbolt file.
//
// Layout of the file, one bucket each:
//
//	meta          "schema" -> schema version
//	records       "<kind>/<id>" -> JSON of the record and its bookkeeping
//	seq           8-byte big-endian sequence number -> "<kind>/<id>"
//	results       "<association>\x00<change id>" -> JSON of wire.Result
//	associations  id -> JSON of server.Association
//	tokens        token id -> JSON of server.Token
//	token_hashes  SHA-256 of a token -> token id
//
// The seq bucket holds one entry per record, at the record's latest write,
// so a pull that walks it from a cursor meets every later write exactly
// once.
package serverstore

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/wire"
)

// SchemaVersion is the layout version written into new files.
const SchemaVersion = 1

// DefaultOpenTimeout is how long Open waits for a file that another process
// holds before it returns data.ErrLocked.
const DefaultOpenTimeout = time.Second

var (
	bucketMeta         = []byte("meta")
	bucketRecords      = []byte("records")
	bucketSeq          = []byte("seq")
	bucketResults      = []byte("results")
	bucketAssociations = []byte("associations")
	bucketTokens       = []byte("tokens")
	bucketTokenHashes  = []byte("token_hashes")

	allBuckets = [][]byte{bucketMeta, bucketRecords, bucketSeq, bucketResults, bucketAssociations, bucketTokens, bucketTokenHashes}

	keySchema = []byte("schema")
)

// Options configure Open.
type Options struct {
	// Timeout is how long to wait for the file lock; 0 means
	// DefaultOpenTimeout.
	Timeout time.Duration
	// NoSync skips fsync after each commit. Only benchmarks set it.
	NoSync bool
}

// Store is a server.Store backed by a bbolt file.
type Store struct {
	db *bolt.DB
}

var _ server.Store = (*Store)(nil)

// Open opens or creates the bbolt file at path. It returns an error wrapping
// data.ErrLocked when another process holds the file past the timeout,
// data.ErrDamaged when the file is not a server file, and data.ErrTooNew
// when a newer version wrote it.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultOpenTimeout
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, NoSync: opts.NoSync})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w (is the server running? stop it first)", path, data.ErrLocked)
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrChecksum) {
		return nil, fmt.Errorf("open %s: %w: %v", path, data.ErrDamaged, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}

	if err := db.Update(initSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

func initSchema(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if err := isEmpty(tx); err != nil {
			return err
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	}

	version, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return fmt.Errorf("%w: schema version %q", data.ErrDamaged, meta.Get(keySchema))
	}
	if version > SchemaVersion {
		return fmt.Errorf("%w: schema %d, this program knows %d", data.ErrTooNew, version, SchemaVersion)
	}
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("%w: bucket %s is missing", data.ErrDamaged, name)
		}
	}
	return nil
}

// isEmpty rejects a bbolt file that another program wrote, so that it is
// never mixed with the server's buckets.
func isEmpty(tx *bolt.Tx) error {
	var found []byte
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		found = name
		return errors.New("stop")
	})
	if found != nil {
		return fmt.Errorf("%w: unknown bucket %q", data.ErrDamaged, found)
	}
	return nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the file's path.
func (s *Store) Path() string { return s.db.Path() }

// Check runs bbolt's consistency check and returns the first problem found.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error {
		// Drain the channel: bbolt's checker goroutine blocks until every
		// error is read.
		var first error
		for err := range tx.Check() {
			if first == nil {
				first = err
			}
		}
		return first
	})
}

// storedRecord is the JSON form of server.StoredRecord in the records bucket.
type storedRecord struct {
	Kind        data.Kind       `json:"kind"`
	ID          string          `json:"id"`
	Association string          `json:"association"`
	Revision    int64           `json:"revision"`
	Seq         uint64          `json:"seq"`
	Deleted     bool            `json:"deleted,omitempty"`
	Public      bool            `json:"public,omitempty"`
	WasPublic   bool            `json:"was_public,omitempty"`
	Body        json.RawMessage `json:"body"`
}

func recordKey(kind data.Kind, id string) []byte {
	return []byte(string(kind) + "/" + id)
}

func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, seq)
}

func decodeRecord(b []byte) (server.StoredRecord, error) {
	var r storedRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return server.StoredRecord{}, fmt.Errorf("decode stored record: %w", err)
	}
	return server.StoredRecord(r), nil
}

// Update runs fn in one bbolt read-write transaction.
func (s *Store) Update(ctx context.Context, fn func(tx server.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(func(btx *bolt.Tx) error {
		return fn(&tx{btx: btx})
	})
}

type tx struct {
	btx *bolt.Tx
}

func (t *tx) Record(kind data.Kind, id string) (server.StoredRecord, bool, error) {
	b := t.btx.Bucket(bucketRecords).Get(recordKey(kind, id))
	if b == nil {
		return server.StoredRecord{}, false, nil
	}
	rec, err := decodeRecord(b)
	if err != nil {
		return server.StoredRecord{}, false, fmt.Errorf("record %s/%s: %w", kind, id, err)
	}
	return rec, true, nil
}

func (t *tx) PutRecord(rec *server.StoredRecord) error {
	records := t.btx.Bucket(bucketRecords)
	index := t.btx.Bucket(bucketSeq)
	key := recordKey(rec.Kind, rec.ID)

	if old := records.Get(key); old != nil {
		prev, err := decodeRecord(old)
		if err != nil {
			return fmt.Errorf("record %s: %w", key, err)
		}
		if err := index.Delete(seqKey(prev.Seq)); err != nil {
			return fmt.Errorf("remove index entry %d: %w", prev.Seq, err)
		}
	}

	seq, err := index.NextSequence()
	if err != nil {
		return fmt.Errorf("next sequence: %w", err)
	}
	rec.Seq = seq

	value, err := json.Marshal(storedRecord(*rec))
	if err != nil {
		return fmt.Errorf("encode record %s: %w", key, err)
	}
	if err := records.Put(key, value); err != nil {
		return fmt.Errorf("put record %s: %w", key, err)
	}
	if err := index.Put(seqKey(seq), key); err != nil {
		return fmt.Errorf("put index entry %d: %w", seq, err)
	}
	return nil
}

func resultKey(association, changeID string) []byte {
	return []byte(association + "\x00" + changeID)
}

func (t *tx) Result(association, changeID string) (wire.Result, bool, error) {
	b := t.btx.Bucket(bucketResults).Get(resultKey(association, changeID))
	if b == nil {
		return wire.Result{}, false, nil
	}
	var res wire.Result
	if err := json.Unmarshal(b, &res); err != nil {
		return wire.Result{}, false, fmt.Errorf("decode result of change %s: %w", changeID, err)
	}
	return res, true, nil
}

// NOTE: results are kept forever, so a retry months later still gets its
// first result. At the network's scale (a few thousand changes a year)
// that costs a few megabytes; a large deployment would prune old ones.
func (t *tx) PutResult(association, changeID string, res wire.Result) error {
	value, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("encode result of change %s: %w", changeID, err)
	}
	if err := t.btx.Bucket(bucketResults).Put(resultKey(association, changeID), value); err != nil {
		return fmt.Errorf("put result of change %s: %w", changeID, err)
	}
	return nil
}

// Changes walks the sequence index from after+1.
func (s *Store) Changes(ctx context.Context, after uint64, fn func(rec server.StoredRecord) (bool, error)) error {
	return s.db.View(func(btx *bolt.Tx) error {
		records := btx.Bucket(bucketRecords)
		c := btx.Bucket(bucketSeq).Cursor()
		for k, v := c.Seek(seqKey(after + 1)); k != nil; k, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			b := records.Get(v)
			if b == nil {
				return fmt.Errorf("index entry %d names missing record %s", binary.BigEndian.Uint64(k), v)
			}
			rec, err := decodeRecord(b)
			if err != nil {
				return fmt.Errorf("record %s: %w", v, err)
			}
			more, err := fn(rec)
			if err != nil || !more {
				return err
			}
		}
		return nil
	})
}

// LastSeq returns the latest assigned sequence number.
func (s *Store) LastSeq(ctx context.Context) (uint64, error) {
	var seq uint64
	err := s.db.View(func(btx *bolt.Tx) error {
		seq = btx.Bucket(bucketSeq).Sequence()
		return nil
	})
	return seq, err
}

// AddAssociation stores a new association.
func (s *Store) AddAssociation(ctx context.Context, a server.Association) error {
	return s.db.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketAssociations)
		if b.Get([]byte(a.ID)) != nil {
			return fmt.Errorf("association %q: %w", a.ID, server.ErrExists)
		}
		return putJSON(b, []byte(a.ID), a)
	})
}

// Association returns one association.
func (s *Store) Association(ctx context.Context, id string) (server.Association, error) {
	var a server.Association
	err := s.db.View(func(btx *bolt.Tx) error {
		return getJSON(btx.Bucket(bucketAssociations), []byte(id), &a)
	})
	if err != nil {
		return server.Association{}, fmt.Errorf("association %q: %w", id, err)
	}
	return a, nil
}

// Associations returns every association sorted by id.
func (s *Store) Associations(ctx context.Context) ([]server.Association, error) {
	var list []server.Association
	err := s.db.View(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketAssociations).ForEach(func(k, v []byte) error {
			var a server.Association
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("decode association %q: %w", k, err)
			}
			list = append(list, a)
			return nil
		})
	})
	return list, err
}

// AddToken stores a token's metadata and its hash.
func (s *Store) AddToken(ctx context.Context, t server.Token) error {
	return s.db.Update(func(btx *bolt.Tx) error {
		tokens := btx.Bucket(bucketTokens)
		hashes := btx.Bucket(bucketTokenHashes)
		if tokens.Get([]byte(t.ID)) != nil || hashes.Get(t.Hash[:]) != nil {
			return fmt.Errorf("token %q: %w", t.ID, server.ErrExists)
		}
		if err := putJSON(tokens, []byte(t.ID), t); err != nil {
			return err
		}
		return hashes.Put(t.Hash[:], []byte(t.ID))
	})
}

// TokenByHash returns the token with the given hash.
func (s *Store) TokenByHash(ctx context.Context, hash [32]byte) (server.Token, error) {
	var t server.Token
	err := s.db.View(func(btx *bolt.Tx) error {
		id := btx.Bucket(bucketTokenHashes).Get(hash[:])
		if id == nil {
			return server.ErrNotFound
		}
		return getJSON(btx.Bucket(bucketTokens), id, &t)
	})
	if err != nil {
		return server.Token{}, fmt.Errorf("token: %w", err)
	}
	return t, nil
}

// Tokens returns every token sorted by creation time.
func (s *Store) Tokens(ctx context.Context) ([]server.Token, error) {
	var list []server.Token
	err := s.db.View(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketTokens).ForEach(func(k, v []byte) error {
			var t server.Token
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode token %q: %w", k, err)
			}
			list = append(list, t)
			return nil
		})
	})
	sort.SliceStable(list, func(i, j int) bool { return list[i].Created.Before(list[j].Created) })
	return list, err
}

// RevokeToken marks a token revoked.
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time) error {
	return s.db.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketTokens)
		var t server.Token
		if err := getJSON(b, []byte(id), &t); err != nil {
			return fmt.Errorf("token %q: %w", id, err)
		}
		if !t.Revoked.IsZero() {
			return nil
		}
		t.Revoked = at.UTC()
		return putJSON(b, []byte(id), t)
	})
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	value, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	return b.Put(key, value)
}

func getJSON(b *bolt.Bucket, key []byte, v any) error {
	value := b.Get(key)
	if value == nil {
		return server.ErrNotFound
	}
	if err := json.Unmarshal(value, v); err != nil {
		return fmt.Errorf("decode %q: %w", key, err)
	}
	return nil
}
