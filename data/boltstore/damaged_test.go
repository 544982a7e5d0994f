package boltstore

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"partneryste/data"
)

// seededFile writes a store with a few records at a new path and closes it.
func seededFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "partneryste.db")
	s, err := Open(path, testOptions(newTestClock()))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	for i := range 50 {
		mustSave(t, s, newCase("Atvejis apie žinių vertinimą", "Fizika", data.CaseDraft))
		mustSave(t, s, newConsultation("Konsultacija", day(2026, 1, 1+i%28), data.ConsultationNew))
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return path
}

// writeBolt creates a bbolt file at path and runs fill in one transaction.
func writeBolt(t *testing.T, path string, fill func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRejectsDamagedFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"random bytes", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "random.db")
			buf := make([]byte, 64<<10)
			rng := rand.New(rand.NewPCG(1, 2))
			for i := range buf {
				buf[i] = byte(rng.UintN(256))
			}
			if err := os.WriteFile(path, buf, 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}, data.ErrDamaged},
		{"short text file", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, []byte("Susirinkimo protokolas\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}, data.ErrDamaged},
		{"foreign bbolt file", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "other.db")
			writeBolt(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("users"))
				if err != nil {
					return err
				}
				return b.Put([]byte("1"), []byte(`{"name":"Ona"}`))
			})
			return path
		}, data.ErrDamaged},
		{"meta bucket without marker", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "other.db")
			writeBolt(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(bucketMeta)
				if err != nil {
					return err
				}
				return b.Put(keySchema, []byte("2"))
			})
			return path
		}, data.ErrDamaged},
		{"invalid schema version", func(t *testing.T) string {
			path := seededFile(t)
			writeBolt(t, path, func(tx *bolt.Tx) error { return writeSchema(tx, 0) })
			return path
		}, data.ErrDamaged},
		{"truncated file", func(t *testing.T) string {
			path := seededFile(t)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, info.Size()/2); err != nil {
				t.Fatal(err)
			}
			return path
		}, data.ErrDamaged},
		{"overwritten pages", func(t *testing.T) string {
			path := seededFile(t)
			b := readFile(t, path)
			// Keep the two meta pages and overwrite the rest with a
			// pattern, as a disk error or a stray write would.
			for i := 2 * 4096; i < len(b); i++ {
				b[i] = byte(i * 7)
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}, data.ErrDamaged},
		{"newer schema", func(t *testing.T) string {
			path := seededFile(t)
			writeBolt(t, path, func(tx *bolt.Tx) error { return writeSchema(tx, schemaVersion+1) })
			return path
		}, data.ErrTooNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.make(t)
			before := readFile(t, path)

			s, err := Open(path, testOptions(newTestClock()))
			if err == nil {
				s.Close()
				t.Fatalf("Open = nil error, want %v", tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if err := Check(path, Options{}); !errors.Is(err, tt.want) {
				t.Errorf("Check = %v, want %v", err, tt.want)
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Errorf("Open changed the file: %d bytes before, %d after", len(before), len(after))
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(path), "backups")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Open of a rejected file created a backup folder: %v", err)
			}
		})
	}
}

func TestOpenEmptyFileInitialises(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpenPath(t, path, testOptions(newTestClock()))
	mustSave(t, s, newEvent("Pirmas renginys", vilnius(2026, 9, 1, 9, 0)))
	if counts, _ := s.Counts(); counts.Events != 1 {
		t.Errorf("Counts = %+v, want one event", counts)
	}
}

// TestOpenSurvivesCorruptSpans overwrites random spans past the meta pages
// and checks that Open either rejects the file untouched or opens a file
// whose damage only hit unused space.
func TestOpenSurvivesCorruptSpans(t *testing.T) {
	original := readFile(t, seededFile(t))
	rng := rand.New(rand.NewPCG(7, 11))
	rejected := 0
	for trial := range 40 {
		b := bytes.Clone(original)
		at := 2*4096 + rng.IntN(len(b)-2*4096-64)
		for i := at; i < at+64; i++ {
			b[i] = byte(rng.UintN(256))
		}
		path := filepath.Join(t.TempDir(), "partneryste.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}

		s, err := Open(path, testOptions(newTestClock()))
		if err != nil {
			if !errors.Is(err, data.ErrDamaged) {
				t.Errorf("trial %d (offset %d): Open = %v, want ErrDamaged", trial, at, err)
			}
			if !bytes.Equal(b, readFile(t, path)) {
				t.Errorf("trial %d (offset %d): Open changed a rejected file", trial, at)
			}
			rejected++
			continue
		}
		if err := s.Verify(); err != nil && !errors.Is(err, data.ErrDamaged) {
			t.Errorf("trial %d (offset %d): Verify = %v", trial, at, err)
		}
		s.Close()
	}
	t.Logf("%d of 40 corrupted files rejected", rejected)
}

func TestOpenBoltFileWithoutBuckets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partneryste.db")
	writeBolt(t, path, func(*bolt.Tx) error { return nil })
	s := mustOpenPath(t, path, testOptions(newTestClock()))
	if p, _ := s.Profile(); p.AssociationID == "" {
		t.Error("an empty bbolt file was not initialised with a profile")
	}
}

func TestCheckAcceptsGoodAndMissingFiles(t *testing.T) {
	if err := Check(filepath.Join(t.TempDir(), "missing.db"), Options{}); err != nil {
		t.Errorf("Check(missing) = %v, want nil", err)
	}
	if err := Check(seededFile(t), Options{}); err != nil {
		t.Errorf("Check(good) = %v, want nil", err)
	}
}

func TestOpenErrorClassification(t *testing.T) {
	permission := &fs.PathError{Op: "open", Path: "/data/partneryste.db", Err: fs.ErrPermission}
	tests := []struct {
		name    string
		err     error
		want    error
		notWant error
	}{
		{"lock timeout", bolt.ErrTimeout, data.ErrLocked, data.ErrDamaged},
		{"permission", permission, fs.ErrPermission, data.ErrDamaged},
		{"invalid meta pages", berrors.ErrInvalid, data.ErrDamaged, data.ErrLocked},
		{"checksum", berrors.ErrChecksum, data.ErrDamaged, data.ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := openError("/data/partneryste.db", tt.err)
			if !errors.Is(err, tt.want) {
				t.Errorf("openError(%v) = %v, want %v", tt.err, err, tt.want)
			}
			if errors.Is(err, tt.notWant) {
				t.Errorf("openError(%v) = %v, must not match %v", tt.err, err, tt.notWant)
			}
		})
	}
}
