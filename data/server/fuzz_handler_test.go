package server_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// FuzzPushHandler sends fuzzed bodies through the whole push handler with
// a real bbolt store, as an association and as the coordinator, and checks
// that every status is 200 or a 4xx.
func FuzzPushHandler(f *testing.F) {
	for _, s := range server.PushFuzzSeeds {
		f.Add([]byte(s))
	}
	store, err := serverstore.Open(filepath.Join(f.TempDir(), "fuzz.db"), serverstore.Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })

	ctx := context.Background()
	if err := store.AddAssociation(ctx, server.Association{ID: "lma", Name: "LMA"}); err != nil {
		f.Fatal(err)
	}
	association, _, err := server.IssueToken(ctx, store, wire.RoleAssociation, "lma", time.Now())
	if err != nil {
		f.Fatal(err)
	}
	coordinator, _, err := server.IssueToken(ctx, store, wire.RoleCoordinator, "", time.Now())
	if err != nil {
		f.Fatal(err)
	}
	handler := server.New(store, server.Options{Rate: -1, MaxBody: 1 << 20})

	f.Fuzz(func(t *testing.T, body []byte) {
		for _, token := range []string{association, coordinator} {
			req := httptest.NewRequest(http.MethodPost, wire.PathChanges, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+token)
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && (rec.Code < 400 || rec.Code > 499) {
				t.Fatalf("status %d for body %q: %s", rec.Code, body, rec.Body)
			}
		}
	})
}
