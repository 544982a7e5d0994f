package syncclient

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkSyncPushPull500 measures one sync of 500 new records of every
// kind through the real server on a loopback port: one push batch and
// one pull page, with both bbolt files on disk (the server's without
// fsync).
func BenchmarkSyncPushPull500(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		ts := newTestServer(b, nil)
		store := openClientStore(b, filepath.Join(b.TempDir(), "partneryste.db"))
		for i := range 500 {
			if err := store.Save(sampleRecord("B", i)); err != nil {
				b.Fatal(err)
			}
		}
		client, err := New(Options{ServerURL: ts.URL, Token: ts.AssocToken, Logger: quietLogger})
		if err != nil {
			b.Fatal(err)
		}
		syncer := NewSyncer(client, store, SyncOptions{Logger: quietLogger, PullLimit: 1000})
		b.StartTimer()

		report, err := syncer.Sync(context.Background(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if report.Pushed != 500 {
			b.Fatalf("pushed %d, want 500", report.Pushed)
		}
		b.StopTimer()
		client.Close()
		b.StartTimer()
	}
}
