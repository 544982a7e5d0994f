package server_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// brokenStore fails every record transaction and every pull, as a disk
// error would, to reach the 500 responses.
type brokenStore struct {
	*serverstore.Store
}

var errDisk = errors.New("disk failed")

func (brokenStore) Update(context.Context, func(server.Tx) error) error { return errDisk }

func (brokenStore) Associations(context.Context) ([]server.Association, error) {
	return nil, errDisk
}

func (brokenStore) Changes(context.Context, uint64, func(server.StoredRecord) (bool, error)) error {
	return errDisk
}

// TestOpenAPI_everyResponse sends requests that produce every response the
// document lists and checks that each one was produced. The client of
// testServer validates each response's status, headers and body.
func TestOpenAPI_everyResponse(t *testing.T) {
	fixed := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)
	ts := newTestServer(t, server.Options{MaxBody: 4 << 10, Rate: 1, Burst: 20, Now: func() time.Time { return fixed }})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()
	limited := ts.addAssociation("limited", "Limited")

	// health, whoami
	ts.do(http.MethodGet, wire.PathHealth, "", nil)
	ts.do(http.MethodGet, wire.PathWhoAmI, lma, nil)
	ts.do(http.MethodGet, wire.PathWhoAmI, "", nil)

	// associations
	ts.do(http.MethodGet, wire.PathAssociations, coord, nil)
	ts.do(http.MethodGet, wire.PathAssociations, "", nil)

	// push
	ts.push(lma, put(t, "case", 0, testCase("Atvejis")), put(t, "e1", 0, testEvent("x", false)))
	ts.do(http.MethodPost, wire.PathChanges, lma, []byte(`{"changes":[`))
	ts.do(http.MethodPost, wire.PathChanges, "", []byte(`{}`))
	ts.do(http.MethodPost, wire.PathChanges, unknownRoleToken(ts), wire.PushRequest{Changes: []wire.Change{put(t, "e2", 0, testEvent("x", false))}})
	ts.do(http.MethodPost, wire.PathChanges, lma, []byte(`{"changes":[`+strings.Repeat(" ", 8<<10)+`]}`))
	sendRaw(t, ts, http.MethodPost, wire.PathChanges, lma, "text/plain", `{}`)

	// pull
	ts.pull(lma, "", 10)
	ts.do(http.MethodGet, wire.PathChanges+"?limit=0", lma, nil)
	ts.do(http.MethodGet, wire.PathChanges, "", nil)

	// review
	ts.do(http.MethodPost, wire.PathReview+"case", coord, wire.ReviewRequest{Status: data.CaseApproved})
	ts.do(http.MethodPost, wire.PathReview+"case", coord, []byte(`{"status":1}`))
	ts.do(http.MethodPost, wire.PathReview+"case", "", wire.ReviewRequest{Status: data.CaseApproved})
	ts.do(http.MethodPost, wire.PathReview+"case", lma, wire.ReviewRequest{Status: data.CaseApproved})
	ts.do(http.MethodPost, wire.PathReview+"none", coord, wire.ReviewRequest{Status: data.CaseApproved})
	ts.do(http.MethodPost, wire.PathReview+"case", coord, wire.ReviewRequest{Status: data.CaseApproved, BaseRevision: 1})
	ts.do(http.MethodPost, wire.PathReview+"case", coord, []byte(`{"status":"approved","comment":"`+strings.Repeat("a", 8<<10)+`"}`))
	sendRaw(t, ts, http.MethodPost, wire.PathReview+"case", coord, "text/plain", `{}`)
	ts.do(http.MethodPost, wire.PathReview+"case", coord, wire.ReviewRequest{Status: data.CaseDraft})

	// public calendar feeds
	exerciseFeed(ts, lma)

	// 405 has no operation; the client checks its problem body.
	ts.do(http.MethodPost, wire.PathHealth, "", []byte(`{}`))
	ts.do(http.MethodPost, wire.PathWhoAmI, lma, []byte(`{}`))
	ts.do(http.MethodGet, wire.PathReview+"case", coord, nil)

	// 429: the fixed clock never refills the bucket.
	for range 21 {
		ts.do(http.MethodGet, wire.PathWhoAmI, limited, nil)
	}
	ts.do(http.MethodGet, wire.PathChanges, limited, nil)
	ts.do(http.MethodGet, wire.PathAssociations, limited, nil)
	ts.do(http.MethodPost, wire.PathChanges, limited, wire.PushRequest{Changes: []wire.Change{put(t, "e9", 0, testEvent("x", false))}})
	ts.do(http.MethodPost, wire.PathReview+"case", limited, wire.ReviewRequest{Status: data.CaseApproved})

	// 500: a second server on the same data with a failing store.
	broken := newTestServer(t, server.Options{}, func(s *serverstore.Store) server.Store { return brokenStore{s} })
	brokenToken := broken.addAssociation("lma", "LMA")
	brokenCoord := broken.coordinatorToken()
	broken.do(http.MethodPost, wire.PathChanges, brokenToken, wire.PushRequest{Changes: []wire.Change{put(t, "e1", 0, testEvent("x", false))}})
	broken.do(http.MethodGet, wire.PathChanges, brokenToken, nil)
	broken.do(http.MethodGet, wire.PathAssociations, brokenToken, nil)
	broken.do(http.MethodPost, wire.PathReview+"case", brokenCoord, wire.ReviewRequest{Status: data.CaseApproved})
	broken.getFeed("public.ics", nil)
	broken.getFeed("lma.ics", nil)
	for k := range broken.seen {
		ts.seen[k] = true
	}

	var missing []string
	for path, item := range ts.doc.Paths.Map() {
		for method, op := range item.Operations() {
			for status := range op.Responses.Map() {
				key := fmt.Sprintf("%s %s", op.OperationID, status)
				if !ts.seen[key] {
					missing = append(missing, fmt.Sprintf("%s %s -> %s", method, path, status))
				}
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no test response for %s", m)
	}
}

// sendRaw sends a body with the given Content-Type.
func sendRaw(t *testing.T, ts *testServer, method, path, token, contentType, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	resp.Body.Close()
	return resp
}
