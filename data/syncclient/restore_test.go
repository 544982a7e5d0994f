package syncclient

import (
	"testing"

	"partneryste/data"
	"partneryste/data/wire"
)

func TestSyncRestoresServerVersionAfterRejection(t *testing.T) {
	ts := newTestServer(t, nil)
	association := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	coordinator := newTestClient(t, ts.URL, ts.CoordinatorToken, Options{})

	c := sampleRecord("Atvejis", 1).(*data.PracticeCase)
	c.Status = data.CaseSubmitted
	if err := association.Store.Save(c); err != nil {
		t.Fatal(err)
	}
	association.syncUntilDone(t, 1)
	coordinator.syncUntilDone(t, 1)

	// The coordinator edits the association's case in its own copy.
	pulled, err := coordinator.Store.PracticeCase(c.ID)
	if err != nil {
		t.Fatalf("PracticeCase: %v", err)
	}
	original := pulled.Title
	pulled.Title = "Koordinatoriaus pakeitimas"
	if err := coordinator.Store.Save(&pulled); err != nil {
		t.Fatal(err)
	}
	if report := coordinator.syncUntilDone(t, 1)[0]; report.Rejected != 1 {
		t.Fatalf("report = %+v, want one rejected change", report)
	}
	rejections, _ := coordinator.Store.Rejections()
	if len(rejections) != 1 || rejections[0].Reason != wire.ReasonKindNotAllowed || len(rejections[0].Server) == 0 {
		t.Fatalf("Rejections = %+v, want one kind_not_allowed with the server's copy", rejections)
	}

	restored, err := coordinator.Store.RestoreServerVersion(data.KindPractice, c.ID)
	if err != nil || !restored {
		t.Fatalf("RestoreServerVersion = %v, %v; want true", restored, err)
	}
	got, _ := coordinator.Store.PracticeCase(c.ID)
	if got.Title != original || got.Association != ts.Association {
		t.Errorf("case = %q of %q, want the server's %q of %q", got.Title, got.Association, original, ts.Association)
	}
	report := coordinator.syncUntilDone(t, 1)[0]
	if report.Pushed != 0 || report.Rejected != 0 {
		t.Errorf("sync after the restore = %+v, want nothing pushed or rejected", report)
	}
	assertConverged(t, ts, association.Store)
}
