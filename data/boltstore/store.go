package boltstore

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// Options configure Open. The zero value is usable.
type Options struct {
	// Timeout bounds the wait for the file lock that another running
	// instance holds. Zero means one second; bbolt itself would wait forever.
	Timeout time.Duration
	// Logger receives the store's log lines. Nil means slog.Default().
	Logger *slog.Logger
	// Now returns the current time for record times, outbox entries and
	// backup names. Nil means time.Now.
	Now func() time.Time
	// BackupDir is the folder for backups. Empty means "backups" beside the
	// data file.
	BackupDir string
	// KeepBackups is how many backups rotation keeps. Zero means 10.
	KeepBackups int
	// AutoBackupEvery is the age at which the newest backup is renewed.
	// Open of an existing file takes a backup before it returns when the
	// newest one is older, and a timer checks again at this interval while
	// the store is open. A newly created file gets no backup. Zero means
	// 24 hours, and a negative value turns automatic backups off.
	AutoBackupEvery time.Duration
}

const (
	defaultTimeout         = time.Second
	defaultKeepBackups     = 10
	defaultAutoBackupEvery = 24 * time.Hour
)

func (o Options) withDefaults(path string) Options {
	if o.Timeout <= 0 {
		o.Timeout = defaultTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.BackupDir == "" {
		o.BackupDir = filepath.Join(filepath.Dir(path), "backups")
	}
	if o.KeepBackups <= 0 {
		o.KeepBackups = defaultKeepBackups
	}
	if o.AutoBackupEvery == 0 {
		o.AutoBackupEvery = defaultAutoBackupEvery
	}
	return o
}

// DB is an open data file. It implements data.Store and data.Backupper and
// is safe for concurrent use.
type DB struct {
	bolt *bolt.DB
	path string
	opts Options
	log  *slog.Logger

	// writeMu serialises Save, Delete, Acknowledge and SaveProfile from
	// their transaction to the index update, so the in-memory index applies
	// commits in the order they happened.
	writeMu sync.Mutex

	// mu guards index, profile and outboxLen. Entries are never changed in
	// place, only replaced, so a reader may keep an entry after unlocking.
	mu        sync.RWMutex
	index     map[data.Kind]map[string]*entry
	profile   data.Profile
	outboxLen int

	stopTimer chan struct{}
	timerDone chan struct{}
	closeOnce sync.Once
	closeErr  error
}

var (
	_ data.Store     = (*DB)(nil)
	_ data.Backupper = (*DB)(nil)
)

// Open opens the data file at path, creating it and its folder when
// missing. It never writes to a file it cannot recognise: it first inspects
// the file read-only and returns an error wrapping data.ErrDamaged for a
// file that is not bbolt, is truncated, fails bbolt's consistency check or
// belongs to another program. It returns data.ErrLocked when another
// process holds the file past opts.Timeout, data.ErrTooNew for a newer
// schema, and migrates an older schema after taking a backup.
//
// Open checks the bbolt structure and the index, not every record's JSON,
// so that it stays fast. Verify decodes and checks every record.
func Open(path string, opts Options) (*DB, error) {
	opts = opts.withDefaults(path)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}

	version := 0
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("open data file %s: %w", path, err)
	case info.Size() > 0:
		if version, err = inspect(path, opts.Timeout); err != nil {
			return nil, err
		}
	}

	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &DB{
		bolt:  bdb,
		path:  path,
		opts:  opts,
		log:   opts.Logger.With("data_file", path),
		index: make(map[data.Kind]map[string]*entry),
	}
	if err := s.prepare(version); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if err := s.load(); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	s.log.Info("data file opened", "schema", schemaVersion,
		"events", len(s.index[data.KindEvent]),
		"practice_cases", len(s.index[data.KindPractice]),
		"consultations", len(s.index[data.KindConsultation]),
		"outbox", s.outboxLen)

	if version != 0 {
		s.autoBackup()
	}
	s.startBackupTimer()
	return s, nil
}

// openError classifies an error of bolt.Open: a lock timeout is
// data.ErrLocked, a file system error (such as a missing permission) is
// returned as it is, and anything else means bbolt could not read the file.
func openError(path string, err error) error {
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return fmt.Errorf("open %s: %w", path, data.ErrLocked)
	case errors.As(err, &pathErr):
		return fmt.Errorf("open %s: %w", path, err)
	}
	return fmt.Errorf("open %s: %w", path, errors.Join(err, data.ErrDamaged))
}

// prepare initialises a new file or migrates an older one. version is what
// inspect found, or 0 for a new or empty file.
func (s *DB) prepare(version int) error {
	switch {
	case version == 0:
		return s.bolt.Update(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketMeta) != nil {
				return nil
			}
			if err := initLayout(tx, uuid.NewString()); err != nil {
				return fmt.Errorf("initialise data file: %w", err)
			}
			s.opts.Logger.Info("data file created", "data_file", s.path)
			return nil
		})
	case version < schemaVersion:
		backup, err := s.Backup()
		if err != nil {
			return fmt.Errorf("back up before migration: %w", err)
		}
		s.log.Info("migrating data file", "from", version, "to", schemaVersion, "backup", backup.Path)
		return s.bolt.Update(func(tx *bolt.Tx) error {
			current, err := readSchema(tx)
			if err != nil {
				return err
			}
			return runMigrations(tx, current)
		})
	}
	return nil
}

// load fills the in-memory index from the index buckets.
func (s *DB) load() error {
	return s.bolt.View(func(tx *bolt.Tx) error {
		version, err := readSchema(tx)
		if err != nil {
			return err
		}
		if version != schemaVersion {
			return fmt.Errorf("schema version %d after migration, want %d: %w", version, schemaVersion, data.ErrDamaged)
		}
		if s.profile, err = readProfile(tx); err != nil {
			return err
		}
		for _, kind := range storedKinds {
			bucket := tx.Bucket(indexBucket(kind))
			if bucket == nil {
				return fmt.Errorf("no %s index bucket: %w", kind, data.ErrDamaged)
			}
			entries := make(map[string]*entry, bucket.Stats().KeyN)
			err := bucket.ForEach(func(k, v []byte) error {
				e, err := decodeEntry(v)
				if err != nil {
					return fmt.Errorf("%s index entry %s: %w", kind, k, errors.Join(err, data.ErrDamaged))
				}
				entries[e.ID] = e
				return nil
			})
			if err != nil {
				return err
			}
			s.index[kind] = entries
		}
		outbox := tx.Bucket(bucketOutbox)
		if outbox == nil {
			return fmt.Errorf("no outbox bucket: %w", data.ErrDamaged)
		}
		s.outboxLen = outbox.Stats().KeyN
		return nil
	})
}

// inspect opens an existing file read-only and returns its schema version,
// or 0 for a bbolt file with no buckets at all (created but never
// initialised). It writes nothing.
func inspect(path string, timeout time.Duration) (version int, err error) {
	if err := checkExportFile(path); err != nil {
		return 0, err
	}
	if err := checkFileSize(path); err != nil {
		return 0, err
	}
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if err != nil {
		return 0, openError(path, err)
	}
	defer bdb.Close()

	// A corrupt page can send bbolt past its mapping; turn the fault into a
	// panic and the panic into ErrDamaged instead of a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			version, err = 0, fmt.Errorf("read %s: %v: %w", path, r, data.ErrDamaged)
		}
	}()
	err = bdb.View(func(tx *bolt.Tx) error {
		var problems []error
		for problem := range tx.Check() {
			problems = append(problems, problem)
		}
		if len(problems) > 0 {
			return fmt.Errorf("consistency check of %s failed: %w", path, errors.Join(append(problems, data.ErrDamaged)...))
		}
		if tx.Bucket(bucketMeta) == nil {
			buckets := 0
			_ = tx.ForEach(func([]byte, *bolt.Bucket) error { buckets++; return nil })
			if buckets > 0 {
				return fmt.Errorf("%s was written by another program (no %s bucket): %w", path, bucketMeta, data.ErrDamaged)
			}
			return nil
		}
		v, err := readSchema(tx)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if v > schemaVersion {
			return fmt.Errorf("%s has schema version %d, this program knows up to %d: %w", path, v, schemaVersion, data.ErrTooNew)
		}
		version = v
		return nil
	})
	return version, err
}

// Check inspects the data file at path without writing to it. It returns
// nil for a readable Partnerystė file (or a missing one), and otherwise an
// error wrapping data.ErrDamaged, data.ErrLocked or data.ErrTooNew, so the
// program can offer a restore before opening the file.
func Check(path string, opts Options) error {
	opts = opts.withDefaults(path)
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Size() == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	_, err = inspect(path, opts.Timeout)
	return err
}

// Path returns the data file's path.
func (s *DB) Path() string { return s.path }

// Close stops the backup timer and closes the file. It is safe to call
// more than once.
func (s *DB) Close() error {
	s.closeOnce.Do(func() {
		if s.stopTimer != nil {
			close(s.stopTimer)
			<-s.timerDone
		}
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
		if err := s.bolt.Close(); err != nil {
			s.closeErr = fmt.Errorf("close %s: %w", s.path, err)
			return
		}
		s.log.Info("data file closed")
	})
	return s.closeErr
}

// Profile returns the association profile stored in the file.
func (s *DB) Profile() (data.Profile, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.profile, nil
}

// SaveProfile stores the association profile. An empty AssociationID keeps
// the stored one, because every record carries it.
func (s *DB) SaveProfile(p data.Profile) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		stored, err := readProfile(tx)
		if err != nil {
			return err
		}
		if p.AssociationID == "" {
			p.AssociationID = stored.AssociationID
		}
		return writeProfile(tx, p)
	})
	if err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	s.mu.Lock()
	s.profile = p
	s.mu.Unlock()
	return nil
}

// Counts returns the number of live records of each kind and the number of
// outbox entries waiting to be sent.
func (s *DB) Counts() (data.Counts, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	live := func(kind data.Kind) int {
		n := 0
		for _, e := range s.index[kind] {
			if !e.Deleted {
				n++
			}
		}
		return n
	}
	return data.Counts{
		Events:        live(data.KindEvent),
		PracticeCases: live(data.KindPractice),
		Consultations: live(data.KindConsultation),
		Outbox:        s.outboxLen,
	}, nil
}
