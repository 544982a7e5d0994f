package syncclient

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"partneryste/data"
	"partneryste/data/wire"
)

func newTestReviewClient(t *testing.T, url, token string) *Client {
	t.Helper()
	client, err := New(Options{ServerURL: url, Token: token, Retry: fastRetry, Logger: quietLogger})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(client.Close)
	return client
}

func TestClient_Review(t *testing.T) {
	ts := newTestServer(t, nil)
	a := newTestClient(t, ts.URL, ts.AssocToken, Options{})
	c := sampleRecord("A", 1).(*data.PracticeCase)
	c.Status = data.CaseSubmitted
	if err := a.Store.Save(c); err != nil {
		t.Fatal(err)
	}
	a.syncUntilDone(t, 1)

	coordinator := newTestReviewClient(t, ts.URL, ts.CoordinatorToken)
	req := wire.ReviewRequest{Status: data.CaseReturned, Comment: "Papildykite rezultatus.",
		SectionComments: map[string]string{"results": "Trūksta duomenų."}, BaseRevision: 1}
	state, err := coordinator.Review(context.Background(), c.ID, req)
	if err != nil {
		t.Fatalf("Review: %v", err)
	}
	if state.RecordID != c.ID || state.Revision != 2 {
		t.Errorf("Review returned %s at revision %d, want %s at 2", state.RecordID, state.Revision, c.ID)
	}

	a.syncUntilDone(t, 1)
	local, err := a.Store.PracticeCase(c.ID)
	if err != nil {
		t.Fatalf("PracticeCase: %v", err)
	}
	if local.Status != data.CaseReturned || local.Review == nil || local.Review.SectionComments["results"] != "Trūksta duomenų." {
		t.Errorf("association's copy after sync: status %q review %+v, want returned with the results comment", local.Status, local.Review)
	}
}

func TestClient_Review_rejected(t *testing.T) {
	ts := newTestServer(t, nil)
	coordinator := newTestReviewClient(t, ts.URL, ts.CoordinatorToken)
	_, err := coordinator.Review(context.Background(), "missing-case", wire.ReviewRequest{Status: data.CaseApproved})
	var reqErr *RequestError
	if !errors.As(err, &reqErr) || !errors.Is(err, ErrRejected) || reqErr.Status != http.StatusNotFound {
		t.Errorf("review of an unknown case = %v, want ErrRejected with HTTP 404", err)
	}

	association := newTestReviewClient(t, ts.URL, ts.AssocToken)
	if _, err := association.Review(context.Background(), "missing-case", wire.ReviewRequest{Status: data.CaseApproved}); !errors.Is(err, ErrForbidden) {
		t.Errorf("review with an association's token = %v, want ErrForbidden", err)
	}
}
