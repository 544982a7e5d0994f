package boltstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// schemaVersion is the layout this code writes. Open migrates older files
// forward and rejects newer ones with data.ErrTooNew.
const schemaVersion = 3

// formatMarker identifies a Partnerystė file among other bbolt files.
const formatMarker = "partneryste"

var (
	bucketMeta   = []byte("meta")
	bucketOutbox = []byte("outbox")

	keyFormat  = []byte("format")
	keySchema  = []byte("schema")
	keyProfile = []byte("profile")
)

// storedKinds lists every kind the file keeps: the association's record
// kinds and the coordinator's editions, which data.Kinds leaves out.
var storedKinds = append(slices.Clone(data.Kinds), data.KindEdition)

func recordBucket(kind data.Kind) []byte { return []byte(kind) }

func indexBucket(kind data.Kind) []byte { return []byte("index." + string(kind)) }

// readSchema returns the schema version stored in the meta bucket, or an
// error wrapping data.ErrDamaged when the marker or the version is missing.
func readSchema(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, fmt.Errorf("no meta bucket: %w", data.ErrDamaged)
	}
	if string(meta.Get(keyFormat)) != formatMarker {
		return 0, fmt.Errorf("missing format marker: %w", data.ErrDamaged)
	}
	version, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil || version < 1 {
		return 0, fmt.Errorf("invalid schema version %q: %w", meta.Get(keySchema), data.ErrDamaged)
	}
	return version, nil
}

func writeSchema(tx *bolt.Tx, version int) error {
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(version)))
}

func readProfile(tx *bolt.Tx) (data.Profile, error) {
	var p data.Profile
	raw := tx.Bucket(bucketMeta).Get(keyProfile)
	if raw == nil {
		return p, fmt.Errorf("no profile in meta bucket: %w", data.ErrDamaged)
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, fmt.Errorf("decode profile: %w", errors.Join(err, data.ErrDamaged))
	}
	return p, nil
}

func writeProfile(tx *bolt.Tx, p data.Profile) error {
	raw, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode profile: %w", err)
	}
	return tx.Bucket(bucketMeta).Put(keyProfile, raw)
}

// initLayout writes the marker, the current schema version, a profile with
// a fresh association id and every bucket into an empty file.
func initLayout(tx *bolt.Tx, associationID string) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return fmt.Errorf("create meta bucket: %w", err)
	}
	if err := meta.Put(keyFormat, []byte(formatMarker)); err != nil {
		return fmt.Errorf("write format marker: %w", err)
	}
	if err := writeSchema(tx, schemaVersion); err != nil {
		return fmt.Errorf("write schema version: %w", err)
	}
	if err := writeProfile(tx, data.Profile{AssociationID: associationID}); err != nil {
		return err
	}
	return createBuckets(tx)
}

func createBuckets(tx *bolt.Tx) error {
	names := [][]byte{bucketOutbox}
	for _, kind := range storedKinds {
		names = append(names, recordBucket(kind), indexBucket(kind))
	}
	for _, name := range names {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// migration moves a file from one schema version to the next inside the
// transaction that Open runs all pending migrations in.
type migration struct {
	from, to int
	apply    func(tx *bolt.Tx) error
}

// migrations go forward only, in order. Each older version has a fixture
// file under testdata/ that the tests migrate.
var migrations = []migration{
	{from: 1, to: 2, apply: migrateV1toV2},
	{from: 2, to: 3, apply: migrateV2toV3},
}

// migrateV1toV2 adds the outbox and the index buckets. Version 1 kept only
// records and had no sync, so the coordinator has seen none of them: every
// record is indexed and queued as a "put" based on revision 0.
func migrateV1toV2(tx *bolt.Tx) error {
	if err := createBuckets(tx); err != nil {
		return err
	}
	outbox := tx.Bucket(bucketOutbox)
	for _, kind := range data.Kinds {
		records := tx.Bucket(recordBucket(kind))
		index := tx.Bucket(indexBucket(kind))
		err := records.ForEach(func(k, v []byte) error {
			r, err := decodeRecord(kind, v)
			if err != nil {
				return fmt.Errorf("decode %s %s: %w", kind, k, err)
			}
			e := newEntry(r)
			if err := index.Put(k, e.encode()); err != nil {
				return err
			}
			h := r.Header()
			op := OpPut
			if h.Deleted {
				op = OpDelete
			}
			return queueChange(outbox, newChange(kind, h.ID, op, 0, h.Revision, v, h.Updated))
		})
		if err != nil {
			return fmt.Errorf("migrate %s records: %w", kind, err)
		}
	}
	return nil
}

// migrateV2toV3 adds the edition and edition index buckets. No file of
// version 2 holds an edition, so there is nothing to index or queue.
func migrateV2toV3(tx *bolt.Tx) error {
	for _, name := range [][]byte{recordBucket(data.KindEdition), indexBucket(data.KindEdition)} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// runMigrations applies every migration from version up to schemaVersion.
func runMigrations(tx *bolt.Tx, version int) error {
	for _, m := range migrations {
		if m.from != version {
			continue
		}
		if err := m.apply(tx); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", m.from, m.to, err)
		}
		version = m.to
	}
	if version != schemaVersion {
		return fmt.Errorf("no migration path from schema %d to %d", version, schemaVersion)
	}
	return writeSchema(tx, schemaVersion)
}
