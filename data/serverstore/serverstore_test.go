package serverstore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// openStore opens a store in a temporary directory and checks the file's
// consistency when the test ends.
func openStore(t *testing.T) (*serverstore.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "server.db")
	s, err := serverstore.Open(path, serverstore.Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("consistency check: %v", err)
		}
		s.Close()
	})
	return s, path
}

func putRecord(t *testing.T, s *serverstore.Store, id string, revision int64) server.StoredRecord {
	t.Helper()
	rec := server.StoredRecord{Kind: data.KindEvent, ID: id, Association: "lma", Revision: revision, Body: json.RawMessage(`{"id":"` + id + `"}`)}
	err := s.Update(context.Background(), func(tx server.Tx) error { return tx.PutRecord(&rec) })
	if err != nil {
		t.Fatalf("put %s: %v", id, err)
	}
	return rec
}

func changedIDs(t *testing.T, s *serverstore.Store, after uint64) []string {
	t.Helper()
	var ids []string
	err := s.Changes(context.Background(), after, func(rec server.StoredRecord) (bool, error) {
		ids = append(ids, rec.ID)
		return true, nil
	})
	if err != nil {
		t.Fatalf("changes: %v", err)
	}
	return ids
}

func TestStore_Changes_latestWriteOnly(t *testing.T) {
	s, _ := openStore(t)
	a := putRecord(t, s, "a", 1)
	putRecord(t, s, "b", 1)
	putRecord(t, s, "a", 2)

	if got := changedIDs(t, s, 0); len(got) != 2 || got[0] != "b" || got[1] != "a" {
		t.Errorf("changes from 0 = %v, want [b a]", got)
	}
	if got := changedIDs(t, s, a.Seq); len(got) != 2 {
		t.Errorf("changes after a's first write = %v, want [b a]", got)
	}
	if got := changedIDs(t, s, 3); len(got) != 0 {
		t.Errorf("changes after the last write = %v, want none", got)
	}
	if seq, err := s.LastSeq(context.Background()); err != nil || seq != 3 {
		t.Errorf("LastSeq = %d (%v), want 3", seq, err)
	}
}

func TestStore_Update_rollsBack(t *testing.T) {
	s, _ := openStore(t)
	failure := errors.New("stop")
	err := s.Update(context.Background(), func(tx server.Tx) error {
		rec := server.StoredRecord{Kind: data.KindEvent, ID: "a", Association: "lma", Revision: 1, Body: json.RawMessage(`{}`)}
		if err := tx.PutRecord(&rec); err != nil {
			return err
		}
		if err := tx.PutResult("lma", "c1", wire.Result{ChangeID: "c1", Status: 200}); err != nil {
			return err
		}
		return failure
	})
	if !errors.Is(err, failure) {
		t.Fatalf("Update = %v, want the function's error", err)
	}

	err = s.Update(context.Background(), func(tx server.Tx) error {
		if _, ok, _ := tx.Record(data.KindEvent, "a"); ok {
			t.Error("record written by a failed transaction is stored")
		}
		if _, ok, _ := tx.Result("lma", "c1"); ok {
			t.Error("result written by a failed transaction is stored")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStore_Result_perAssociation(t *testing.T) {
	s, _ := openStore(t)
	err := s.Update(context.Background(), func(tx server.Tx) error {
		if err := tx.PutResult("lma", "c1", wire.Result{ChangeID: "c1", Status: 409, Revision: 4}); err != nil {
			return err
		}
		res, ok, err := tx.Result("lma", "c1")
		if err != nil || !ok || res.Revision != 4 {
			t.Errorf("own result = %+v %v %v, want revision 4", res, ok, err)
		}
		if _, ok, _ := tx.Result("lkma", "c1"); ok {
			t.Error("another association's change id returns a result")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStore_tokens(t *testing.T) {
	s, _ := openStore(t)
	ctx := context.Background()
	if err := s.AddAssociation(ctx, server.Association{ID: "lma", Name: "LMA"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAssociation(ctx, server.Association{ID: "lma", Name: "Again"}); !errors.Is(err, server.ErrExists) {
		t.Errorf("second AddAssociation = %v, want ErrExists", err)
	}

	secret, tok, err := server.IssueToken(ctx, s, wire.RoleAssociation, "lma", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(secret) != 43 {
		t.Errorf("token length = %d, want 43 (32 bytes in base64url)", len(secret))
	}
	if _, _, err := server.IssueToken(ctx, s, wire.RoleAssociation, "nobody", time.Now()); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("token for an unknown association: %v, want ErrNotFound", err)
	}

	found, err := s.TokenByHash(ctx, server.HashToken(secret))
	if err != nil || found.ID != tok.ID {
		t.Errorf("TokenByHash = %+v (%v), want %s", found, err, tok.ID)
	}

	coordinator, _, err := server.IssueNamedToken(ctx, s, wire.RoleCoordinator, "", "Koordinatorius", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if found, err := s.TokenByHash(ctx, server.HashToken(coordinator)); err != nil || found.Name != "Koordinatorius" {
		t.Errorf("named token read back = %+v (%v), want the name Koordinatorius", found, err)
	}
	if err := s.RevokeToken(ctx, tok.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	found, _ = s.TokenByHash(ctx, server.HashToken(secret))
	if found.Revoked.IsZero() {
		t.Error("revoked token has no revocation time")
	}
	if err := s.RevokeToken(ctx, "t000000000000", time.Now()); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("revoke unknown = %v, want ErrNotFound", err)
	}
}

func TestStore_tokenNeverStored(t *testing.T) {
	s, path := openStore(t)
	ctx := context.Background()
	if err := s.AddAssociation(ctx, server.Association{ID: "lma", Name: "LMA"}); err != nil {
		t.Fatal(err)
	}
	secret, _, err := server.IssueToken(ctx, s, wire.RoleAssociation, "lma", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte(secret)) {
		t.Error("data file contains the token")
	}
}

func TestOpen_locked(t *testing.T) {
	_, path := openStore(t)
	start := time.Now()
	_, err := serverstore.Open(path, serverstore.Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, data.ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("second Open took %v, want about the timeout", elapsed)
	}
}

func TestOpen_reopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "server.db")
	s, err := serverstore.Open(path, serverstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	putRecord(t, s, "a", 1)
	s.Close()

	s, err = serverstore.Open(path, serverstore.Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got := changedIDs(t, s, 0); len(got) != 1 {
		t.Errorf("after reopen changes = %v, want [a]", got)
	}
}

func TestOpen_damaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	if err := os.WriteFile(path, make([]byte, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := serverstore.Open(path, serverstore.Options{}); !errors.Is(err, data.ErrDamaged) {
		t.Errorf("Open of zeros = %v, want ErrDamaged", err)
	}
}

func TestOpen_foreignBoltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("events"))
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := serverstore.Open(path, serverstore.Options{}); !errors.Is(err, data.ErrDamaged) {
		t.Errorf("Open of another program's file = %v, want ErrDamaged", err)
	}
}

func TestOpen_tooNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "server.db")
	s, err := serverstore.Open(path, serverstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99")) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := serverstore.Open(path, serverstore.Options{}); !errors.Is(err, data.ErrTooNew) {
		t.Errorf("Open of schema 99 = %v, want ErrTooNew", err)
	}
}
