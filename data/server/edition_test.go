package server_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/wire"
)

func testEdition(title string, caseIDs ...string) *data.Edition {
	return &data.Edition{
		Title:    title,
		Year:     2026,
		Editors:  []string{"Rūta Žilinskienė"},
		Chapters: []data.Chapter{{Title: "Matematika", CaseIDs: caseIDs}},
	}
}

func TestPush_editionFromCoordinator(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()

	res := ts.push(coord, put(t, "ed-2026", 0, testEdition(data.DefaultEditionTitle, "case")))[0]
	if res.Status != wire.StatusApplied || res.Revision != 1 {
		t.Fatalf("coordinator's edition = %+v, want 200 at revision 1", res)
	}
	again := ts.push(coord, put(t, "ed-2026", 1, testEdition("Antrasis leidimas", "case")))[0]
	if again.Status != wire.StatusApplied || again.Revision != 2 {
		t.Errorf("coordinator's edit of the edition = %+v, want 200 at revision 2", again)
	}

	records, _ := ts.pullAll(coord, "")
	state, ok := stateOf(records, data.KindEdition, "ed-2026")
	if !ok {
		t.Fatalf("coordinator's pull has no edition: %+v", records)
	}
	var ed data.Edition
	decodeJSON(t, state.Record, &ed)
	if ed.Title != "Antrasis leidimas" || ed.Association != "" || ed.Revision != 2 {
		t.Errorf("pulled edition = %q of %q at revision %d, want Antrasis leidimas of no association at 2", ed.Title, ed.Association, ed.Revision)
	}

	if records, _ := ts.pullAll(lma, ""); len(records) != 0 {
		t.Errorf("association pulls %d records, want none of the coordinator's editions", len(records))
	}
}

func TestPush_editionFromAssociation(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()
	ts.push(coord, put(t, "ed-2026", 0, testEdition(data.DefaultEditionTitle)))

	results := ts.push(lma,
		put(t, "ed-own", 0, testEdition("Savas leidinys")),
		put(t, "ed-2026", 1, testEdition("Perimtas leidinys")),
		del(data.KindEdition, "ed-2026", 1),
	)
	for i, res := range results {
		if res.Status != wire.StatusForbidden || res.Error == "" || res.Reason != wire.ReasonKindNotAllowed {
			t.Errorf("association's edition change %d = %+v, want 403 kind_not_allowed with an error", i, res)
		}
	}

	records, _ := ts.pullAll(coord, "")
	state, _ := stateOf(records, data.KindEdition, "ed-2026")
	var ed data.Edition
	decodeJSON(t, state.Record, &ed)
	if ed.Title != data.DefaultEditionTitle || state.Deleted {
		t.Errorf("edition after the association's changes = %q deleted %v, want it unchanged", ed.Title, state.Deleted)
	}
	if _, ok := stateOf(records, data.KindEdition, "ed-own"); ok {
		t.Error("the association's own edition was stored")
	}
}

func TestPush_invalidEdition(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	coord := ts.coordinatorToken()

	res := ts.push(coord, put(t, "ed", 0, testEdition("")))[0]
	if res.Status != wire.StatusInvalid || len(res.Fields) == 0 || res.Fields[0].Field != "title" {
		t.Errorf("edition without a title = %+v, want 422 naming title", res)
	}
}

// review posts a review and fails the test unless the server returns 200.
func review(t *testing.T, ts *testServer, token, id string, req wire.ReviewRequest) {
	t.Helper()
	resp, body := ts.do(http.MethodPost, wire.PathReview+id, token, req)
	wantStatus(t, resp, body, http.StatusOK)
}

func TestPush_publishedCaseFrozen(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()
	ts.push(lma, put(t, "case", 0, testCase("Atvejis")))
	review(t, ts, coord, "case", wire.ReviewRequest{Status: data.CaseApproved})
	review(t, ts, coord, "case", wire.ReviewRequest{Status: data.CasePublished})

	published := testCase("Pakeistas po paskelbimo")
	published.Status = data.CasePublished
	if res := ts.push(lma, put(t, "case", 3, published))[0]; res.Status != wire.StatusForbidden || res.Error == "" || res.Reason != wire.ReasonPublishedFrozen {
		t.Errorf("edit of a published case = %+v, want 403 published_frozen with an error", res)
	}
	if res := ts.push(lma, del(data.KindPractice, "case", 3))[0]; res.Status != wire.StatusForbidden || res.Reason != wire.ReasonPublishedFrozen {
		t.Errorf("delete of a published case = %+v, want 403", res)
	}

	records, _ := ts.pullAll(lma, "")
	state, _ := stateOf(records, data.KindPractice, "case")
	var c data.PracticeCase
	decodeJSON(t, state.Record, &c)
	if c.Title != "Atvejis" || c.Status != data.CasePublished || state.Revision != 3 || state.Deleted {
		t.Errorf("case after rejected changes = %q %s at revision %d, want the published case at 3", c.Title, c.Status, state.Revision)
	}

	review(t, ts, coord, "case", wire.ReviewRequest{Status: data.CaseReturned, Comment: "Reikia pataisyti šaltinius."})
	revised := testCase("Pataisytas po grąžinimo")
	revised.Status = data.CaseReturned
	if res := ts.push(lma, put(t, "case", 4, revised))[0]; res.Status != wire.StatusApplied || res.Revision != 5 {
		t.Errorf("edit of a reopened case = %+v, want 200 at revision 5", res)
	}
}

func TestReview_publishNeedsApproval(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()
	ts.push(lma, put(t, "case", 0, testCase("Atvejis")))

	resp, body := ts.do(http.MethodPost, wire.PathReview+"case", coord, wire.ReviewRequest{Status: data.CasePublished})
	problem := wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if problem.Type != wire.ProblemInvalid {
		t.Errorf("publishing a submitted case: problem type %q, want %q", problem.Type, wire.ProblemInvalid)
	}
	records, _ := ts.pullAll(coord, "")
	if state, _ := stateOf(records, data.KindPractice, "case"); state.Revision != 1 {
		t.Errorf("rejected publication changed the case to revision %d, want 1", state.Revision)
	}
}

// unknownRoleToken stores a token whose role the server does not know,
// as a store written by a newer server could hold, and returns it.
func unknownRoleToken(ts *testServer) string {
	ts.t.Helper()
	const secret = "tunknown-role-token"
	err := ts.Store.AddToken(context.Background(), server.Token{
		ID: "reader", Role: wire.Role("reader"), Hash: server.HashToken(secret), Created: time.Now(),
	})
	if err != nil {
		ts.t.Fatalf("AddToken: %v", err)
	}
	return secret
}

func TestPush_unknownRole(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := unknownRoleToken(ts)

	resp, body := ts.do(http.MethodPost, wire.PathChanges, token, wire.PushRequest{Changes: []wire.Change{put(t, "e1", 0, testEvent("x", false))}})
	wantStatus(t, resp, body, http.StatusForbidden)
}
