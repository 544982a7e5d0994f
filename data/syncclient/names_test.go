package syncclient

import (
	"context"
	"maps"
	"net/http"
	"testing"
	"time"

	"partneryste/data/server"
	"partneryste/data/wire"
)

func TestSyncStoresAssociationNames(t *testing.T) {
	ts := newTestServer(t, nil)
	c := newTestClient(t, ts.URL, ts.CoordinatorToken, Options{})

	report := c.syncUntilDone(t, 1)[0]
	if report.Associations != 2 {
		t.Errorf("report.Associations = %d, want 2", report.Associations)
	}
	names, err := c.Store.AssociationNames()
	if err != nil {
		t.Fatalf("AssociationNames: %v", err)
	}
	want := map[string]string{"lmd": "Lietuvos matematikos mokytojų draugija", "lfmd": "Lietuvos fizikos mokytojų draugija"}
	if !maps.Equal(names, want) {
		t.Errorf("stored names = %v, want %v", names, want)
	}
	if own, _ := c.Store.OwnAssociation(); own != "" {
		t.Errorf("coordinator's own association = %q, want empty", own)
	}
	association := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	association.syncUntilDone(t, 1)
	if own, _ := association.Store.OwnAssociation(); own != ts.Association {
		t.Errorf("association's own association = %q, want %q", own, ts.Association)
	}

	// A new member appears in the next sync's directory.
	if err := ts.Store.AddAssociation(context.Background(), server.Association{ID: "lkmd", Name: "Lietuvių kalbos mokytojų draugija", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	c.syncUntilDone(t, 1)
	names, _ = c.Store.AssociationNames()
	if names["lkmd"] != "Lietuvių kalbos mokytojų draugija" || len(names) != 3 {
		t.Errorf("names after the second sync = %v, want the new member added", names)
	}
}

func TestSyncKeepsNamesWithoutDirectory(t *testing.T) {
	// A server that predates the directory returns 404 for it.
	withoutDirectory := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == wire.PathAssociations {
				http.NotFound(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	ts := newTestServer(t, withoutDirectory)
	c := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	if err := c.Store.SaveAssociationNames(map[string]string{"lmd": "Sena pavadinimo kopija"}, "lmd"); err != nil {
		t.Fatal(err)
	}

	report, err := c.Syncer.Sync(context.Background(), nil)
	if err != nil {
		t.Fatalf("Sync without a directory: %v", err)
	}
	if report.Associations != 0 {
		t.Errorf("report.Associations = %d, want 0", report.Associations)
	}
	names, _ := c.Store.AssociationNames()
	if names["lmd"] != "Sena pavadinimo kopija" {
		t.Errorf("names = %v, want the stored directory kept", names)
	}
}
