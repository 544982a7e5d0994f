package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"partneryste/data"
	"partneryste/data/server"
	"partneryste/data/wire"
)

func TestHealth(t *testing.T) {
	ts := newTestServer(t, server.Options{Version: "1.2.3"})
	resp, body := ts.do(http.MethodGet, wire.PathHealth, "", nil)
	wantStatus(t, resp, body, http.StatusOK)

	var h wire.HealthResponse
	decodeJSON(t, body, &h)
	if h.Status != "ok" || h.Version != "1.2.3" {
		t.Errorf("health = %+v, want ok and 1.2.3", h)
	}
}

func TestWhoAmI_roles(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	assoc := ts.addAssociation("lma", "Lietuvos matematikų asociacija")
	coord := ts.coordinatorToken()

	resp, body := ts.do(http.MethodGet, wire.PathWhoAmI, assoc, nil)
	wantStatus(t, resp, body, http.StatusOK)
	var identity wire.WhoAmIResponse
	decodeJSON(t, body, &identity)
	if identity != (wire.WhoAmIResponse{Role: wire.RoleAssociation, AssociationID: "lma", AssociationName: "Lietuvos matematikų asociacija"}) {
		t.Errorf("association whoami = %+v", identity)
	}

	resp, body = ts.do(http.MethodGet, wire.PathWhoAmI, coord, nil)
	wantStatus(t, resp, body, http.StatusOK)
	decodeJSON(t, body, &identity)
	if identity != (wire.WhoAmIResponse{Role: wire.RoleCoordinator}) {
		t.Errorf("coordinator whoami = %+v", identity)
	}
}

func TestPush_idempotent(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")

	change := put(t, "e1", 0, testEvent("Seminaras", false))
	first := ts.push(token, change)
	second := ts.push(token, change)

	if first[0].Status != wire.StatusApplied || first[0].Revision != 1 {
		t.Fatalf("first result = %+v, want 200 at revision 1", first[0])
	}
	if fmt.Sprint(first[0]) != fmt.Sprint(second[0]) {
		t.Errorf("repeated change result = %+v, want the first %+v", second[0], first[0])
	}

	records, _ := ts.pullAll(token, "")
	if len(records) != 1 || records[0].Revision != 1 {
		t.Errorf("pulled %+v, want one record at revision 1", records)
	}
	seq, err := ts.Store.LastSeq(t.Context())
	if err != nil || seq != 1 {
		t.Errorf("writes = %d (%v), want 1", seq, err)
	}
}

func TestPush_sameChangeInOneBatch(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")

	change := put(t, "e1", 0, testEvent("Seminaras", false))
	results := ts.push(token, change, change)
	if results[0].Status != wire.StatusApplied || results[1].Revision != 1 || results[1].Status != wire.StatusApplied {
		t.Errorf("results = %+v, want the same applied result twice", results)
	}
}

func TestPush_conflict(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")

	ts.push(token, put(t, "e1", 0, testEvent("Pirmas", false)))
	stale := ts.push(token, put(t, "e1", 0, testEvent("Antras", false)))[0]
	if stale.Status != wire.StatusConflict || stale.Revision != 1 {
		t.Fatalf("stale put = %+v, want 409 at revision 1", stale)
	}
	var current data.Event
	decodeJSON(t, stale.Current, &current)
	if current.Title != "Pirmas" || current.Revision != 1 {
		t.Errorf("current = %q rev %d, want the stored Pirmas rev 1", current.Title, current.Revision)
	}

	fresh := ts.push(token, put(t, "e1", 1, testEvent("Antras", false)))[0]
	if fresh.Status != wire.StatusApplied || fresh.Revision != 2 {
		t.Fatalf("put on revision 1 = %+v, want 200 at revision 2", fresh)
	}

	staleDelete := ts.push(token, del(data.KindEvent, "e1", 1))[0]
	if staleDelete.Status != wire.StatusConflict || len(staleDelete.Current) == 0 {
		t.Errorf("stale delete = %+v, want 409 with current", staleDelete)
	}
	deleted := ts.push(token, del(data.KindEvent, "e1", 2))[0]
	if deleted.Status != wire.StatusApplied || deleted.Revision != 3 {
		t.Errorf("delete = %+v, want 200 at revision 3", deleted)
	}
	absent := ts.push(token, del(data.KindEvent, "never-seen", 0))[0]
	if absent.Status != wire.StatusApplied || absent.Revision != 0 {
		t.Errorf("delete of an absent record = %+v, want 200 at revision 0", absent)
	}

	newOnUnknown := ts.push(token, put(t, "e2", 5, testEvent("Trečias", false)))[0]
	if newOnUnknown.Status != wire.StatusConflict || newOnUnknown.Current != nil {
		t.Errorf("put with base 5 on an absent record = %+v, want 409 without current", newOnUnknown)
	}

	records, _ := ts.pullAll(token, "")
	state, ok := stateOf(records, data.KindEvent, "e1")
	if !ok || !state.Deleted || state.Revision != 3 || state.Record != nil {
		t.Errorf("pulled e1 = %+v, want a tombstone at revision 3", state)
	}
}

func TestPush_invalidRecord(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")

	noTitle := testEvent("", false)
	wrongID := put(t, "e2", 0, &data.Event{Meta: data.Meta{ID: "other"}, Title: "x", Type: data.EventOther, Start: eventStart, End: eventStart})
	unknownField := wire.Change{ChangeID: newChangeID(), Kind: data.KindEvent, RecordID: "e3", Op: wire.OpPut, Record: json.RawMessage(`{"title":"x","colour":"red"}`)}
	wrongType := wire.Change{ChangeID: newChangeID(), Kind: data.KindEvent, RecordID: "e4", Op: wire.OpPut, Record: json.RawMessage(`{"title":5}`)}
	results := ts.push(token, put(t, "e1", 0, noTitle), wrongID, unknownField, wrongType, put(t, "e5", 0, testEvent("Geras", false)))

	want := []struct {
		status int
		field  string
		code   string
	}{
		{wire.StatusInvalid, "title", data.CodeRequired},
		{wire.StatusInvalid, "id", data.CodeInvalidValue},
		{wire.StatusInvalid, "", data.CodeUnknownField},
		{wire.StatusInvalid, "title", data.CodeInvalidJSON},
		{wire.StatusApplied, "", ""},
	}
	for i, w := range want {
		res := results[i]
		if res.Status != w.status {
			t.Errorf("result %d status = %d, want %d (%s)", i, res.Status, w.status, res.Error)
			continue
		}
		if w.status == wire.StatusApplied {
			continue
		}
		if len(res.Fields) == 0 || res.Fields[0].Field != w.field || res.Fields[0].Code != w.code {
			t.Errorf("result %d fields = %+v, want %s %s", i, res.Fields, w.field, w.code)
		}
		if res.Error == "" {
			t.Errorf("result %d has no error text", i)
		}
	}
}

func TestPush_foreignRecord(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	owner := ts.addAssociation("lma", "LMA")
	other := ts.addAssociation("lkma", "LKMA")

	ts.push(owner, put(t, "e1", 0, testEvent("Mūsų", true)), put(t, "e2", 0, testEvent("Vidinis", false)))
	results := ts.push(other, put(t, "e1", 1, testEvent("Svetimas", true)), del(data.KindEvent, "e1", 1))
	for i, res := range results {
		if res.Status != wire.StatusForbidden || res.Error == "" || res.Reason != wire.ReasonForeignRecord {
			t.Errorf("result %d = %+v, want 403 foreign_record with an error", i, res)
		}
		// The public event is readable, so the result carries it for a restore.
		var current data.Event
		decodeJSON(t, res.Current, &current)
		if current.Title != "Mūsų" || res.Revision != 1 {
			t.Errorf("result %d current = %q at revision %d, want the owner's event at 1", i, current.Title, res.Revision)
		}
	}
	private := ts.push(other, put(t, "e2", 1, testEvent("Svetimas", false)))[0]
	if private.Status != wire.StatusForbidden || private.Current != nil || private.Revision != 0 {
		t.Errorf("change of a private foreign event = %+v, want 403 without the record or its revision", private)
	}

	records, _ := ts.pullAll(owner, "")
	state, _ := stateOf(records, data.KindEvent, "e1")
	var e data.Event
	decodeJSON(t, state.Record, &e)
	if e.Title != "Mūsų" || e.Association != "lma" {
		t.Errorf("stored event = %q of %q, want Mūsų of lma", e.Title, e.Association)
	}
}

func TestPush_coordinatorForbidden(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()

	results := ts.push(coord, put(t, "e1", 0, testEvent("x", false)), put(t, "c1", 0, testCase("Atvejis")))
	for i, res := range results {
		if res.Status != wire.StatusForbidden || res.Error == "" || res.Reason != wire.ReasonKindNotAllowed {
			t.Errorf("coordinator's change %d = %+v, want 403 kind_not_allowed with an error", i, res)
		}
	}
	if records, _ := ts.pullAll(coord, ""); len(records) != 0 {
		t.Errorf("coordinator's rejected push stored %d records, want 0", len(records))
	}
}

func TestPush_associationSetByServer(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")

	e := testEvent("Seminaras", false)
	e.Association = "lkma"
	e.Revision = 99
	ts.push(token, put(t, "e1", 0, e))

	records, _ := ts.pullAll(token, "")
	var stored data.Event
	decodeJSON(t, records[0].Record, &stored)
	if stored.Association != "lma" || stored.Revision != 1 || stored.ID != "e1" {
		t.Errorf("stored meta = %+v, want lma, revision 1, id e1", stored.Meta)
	}
	if stored.Created.IsZero() || stored.Updated.IsZero() {
		t.Errorf("stored times = %v %v, want both set", stored.Created, stored.Updated)
	}
}

func TestPush_requesterDropped(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()

	c := testConsultation("Vertinimas")
	c.Requester.Contact = "not an address@"
	res := ts.push(token, put(t, "c1", 0, c))[0]
	if res.Status != wire.StatusApplied {
		t.Fatalf("push = %+v, want 200 although the dropped contact is invalid", res)
	}

	records, _ := ts.pullAll(coord, "")
	var stored data.Consultation
	decodeJSON(t, records[0].Record, &stored)
	if stored.Requester != (data.Requester{}) {
		t.Errorf("stored requester = %+v, want empty", stored.Requester)
	}
	if stored.Topic != "Vertinimas" {
		t.Errorf("stored topic = %q, want Vertinimas", stored.Topic)
	}

	path := ts.Store.Path()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read data file: %v", err)
	}
	for _, personal := range []string{"Jonas Petraitis", "Šiaulių progimnazija", "not an address@"} {
		if bytes.Contains(raw, []byte(personal)) {
			t.Errorf("data file contains %q", personal)
		}
	}
}

func TestPull_visibility(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	lkma := ts.addAssociation("lkma", "LKMA")
	coord := ts.coordinatorToken()

	ts.push(lma,
		put(t, "public", 0, testEvent("Atviras", true)),
		put(t, "internal", 0, testEvent("Vidinis", false)),
		put(t, "case", 0, testCase("Atvejis")),
		put(t, "cons", 0, testConsultation("Tema")),
	)
	ts.push(lkma, put(t, "theirs", 0, testEvent("Kitų", false)))

	ids := func(records []wire.RecordState) string {
		var s []string
		for _, r := range records {
			s = append(s, r.RecordID)
		}
		return strings.Join(s, ",")
	}
	if got, _ := ts.pullAll(lma, ""); ids(got) != "public,internal,case,cons" {
		t.Errorf("lma pulls %s, want its four records", ids(got))
	}
	if got, _ := ts.pullAll(lkma, ""); ids(got) != "public,theirs" {
		t.Errorf("lkma pulls %s, want lma's public event and its own", ids(got))
	}
	if got, _ := ts.pullAll(coord, ""); ids(got) != "public,internal,case,cons,theirs" {
		t.Errorf("coordinator pulls %s, want everything", ids(got))
	}

	_, cursor := ts.pullAll(lkma, "")
	ts.push(lma, put(t, "public", 1, testEvent("Nebeatviras", false)))
	ts.push(lma, put(t, "public", 2, testEvent("Vis dar vidinis", false)))
	got, _ := ts.pullAll(lkma, cursor)
	if len(got) != 1 || got[0].RecordID != "public" || !got[0].Deleted || got[0].Record != nil {
		t.Errorf("lkma pulls %+v after the event turned internal, want it as deleted without the record", got)
	}
}

func TestPull_pagingResume(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")

	const total = 1234
	var changes []wire.Change
	for i := range total {
		changes = append(changes, put(t, fmt.Sprintf("e%04d", i), 0, testEvent(fmt.Sprintf("Renginys %d", i), false)))
		if len(changes) == wire.MaxChanges || i == total-1 {
			ts.push(token, changes...)
			changes = nil
		}
	}

	seen := map[string]int{}
	var cursors []string
	cursor := ""
	for page := 0; ; page++ {
		p := ts.pull(token, cursor, 100)
		for _, r := range p.Records {
			seen[r.RecordID]++
		}
		cursors = append(cursors, p.NextCursor)
		cursor = p.NextCursor
		if page == 3 {
			// Updates between pages move the records behind the cursor.
			ts.push(token, put(t, "e0000", 1, testEvent("Pakeistas", false)), put(t, "e1233", 1, testEvent("Pakeistas", false)))
		}
		if !p.More {
			break
		}
	}
	if len(seen) != total {
		t.Errorf("pulled %d distinct records, want %d", len(seen), total)
	}
	for id, n := range seen {
		want := 1
		if id == "e0000" {
			want = 2 // once before the update, once after
		}
		if n != want {
			t.Errorf("record %s pulled %d times, want %d", id, n, want)
		}
	}

	// Resuming from any cursor gives exactly the records written after it.
	mid := cursors[5]
	rest, last := ts.pullAll(token, mid)
	direct := map[string]bool{}
	for _, r := range rest {
		if direct[r.RecordID] {
			t.Errorf("record %s repeated after cursor %s", r.RecordID, mid)
		}
		direct[r.RecordID] = true
	}
	// Six pages of 100 end at the 600th write. After it come the records
	// written later: e0600 to e1233, and e0000 again after its update.
	if want := total - 600 + 1; len(rest) != want || mid != "600" {
		t.Errorf("resume from %s gives %d records, want %d from 600", mid, len(rest), want)
	}
	if !direct["e0000"] || !direct["e1233"] || direct["e0599"] {
		t.Errorf("resume from %s: e0000 %v, e1233 %v, e0599 %v; want the first two only", mid, direct["e0000"], direct["e1233"], direct["e0599"])
	}
	if again, _ := ts.pullAll(token, last); len(again) != 0 {
		t.Errorf("pull from the last cursor gives %d records, want 0", len(again))
	}
}

func TestReview(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()

	ts.push(lma, put(t, "case", 0, testCase("Atvejis")))
	_, cursor := ts.pullAll(lma, "")

	review := wire.ReviewRequest{Status: data.CaseReturned, Comment: "Patikslinkite tikslus.", SectionComments: map[string]string{"goals": "Per bendri."}, BaseRevision: 1}
	resp, body := ts.do(http.MethodPost, wire.PathReview+"case", coord, review)
	wantStatus(t, resp, body, http.StatusOK)
	var state wire.RecordState
	decodeJSON(t, body, &state)
	if state.Revision != 2 {
		t.Errorf("reviewed revision = %d, want 2", state.Revision)
	}

	pulled, _ := ts.pullAll(lma, cursor)
	if len(pulled) != 1 {
		t.Fatalf("association pulls %d records after the review, want 1", len(pulled))
	}
	var c data.PracticeCase
	decodeJSON(t, pulled[0].Record, &c)
	if c.Status != data.CaseReturned || c.Review == nil || c.Review.SectionComments["goals"] != "Per bendri." || c.Review.Reviewer == "" {
		t.Errorf("pulled case status %q review %+v, want returned with the goals comment and a reviewer", c.Status, c.Review)
	}

	stale := ts.push(lma, put(t, "case", 1, testCase("Senas")))[0]
	if stale.Status != wire.StatusConflict || stale.Revision != 2 {
		t.Errorf("edit based on revision 1 = %+v, want 409 at revision 2", stale)
	}

	edited := testCase("Pataisytas")
	edited.Review = &data.Review{Status: data.CaseApproved, Reviewer: "forged"}
	fresh := ts.push(lma, put(t, "case", 2, edited))[0]
	if fresh.Status != wire.StatusApplied || fresh.Revision != 3 {
		t.Fatalf("edit based on revision 2 = %+v, want 200 at revision 3", fresh)
	}
	pulled, _ = ts.pullAll(coord, "")
	decodeJSON(t, pulled[len(pulled)-1].Record, &c)
	if c.Review == nil || c.Review.Status != data.CaseReturned || c.Title != "Pataisytas" {
		t.Errorf("case after edit = %q with review %+v, want the edit with the coordinator's review kept", c.Title, c.Review)
	}

	selfApproved := testCase("Pataisytas")
	selfApproved.Status = data.CaseApproved
	if res := ts.push(lma, put(t, "case", 3, selfApproved))[0]; res.Status != wire.StatusForbidden || res.Reason != wire.ReasonCoordinatorStatus {
		t.Errorf("association approving its case = %+v, want 403", res)
	}

	resp, body = ts.do(http.MethodPost, wire.PathReview+"case", coord, wire.ReviewRequest{Status: data.CaseApproved})
	wantStatus(t, resp, body, http.StatusOK)
	pulled, _ = ts.pullAll(coord, "")
	decodeJSON(t, pulled[len(pulled)-1].Record, &c)
	if len(c.History) != 1 || c.History[0].Status != data.CaseReturned || c.Review.Status != data.CaseApproved {
		t.Errorf("history %+v and review %+v, want the return in history and approval as review", c.History, c.Review)
	}
}

func TestReview_errors(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()
	ts.push(lma, put(t, "case", 0, testCase("Atvejis")), put(t, "ev", 0, testEvent("Renginys", false)))

	cases := []struct {
		name   string
		token  string
		path   string
		body   any
		status int
	}{
		{"association token", lma, "case", wire.ReviewRequest{Status: data.CaseApproved}, http.StatusForbidden},
		{"unknown case", coord, "nope", wire.ReviewRequest{Status: data.CaseApproved}, http.StatusNotFound},
		{"event id", coord, "ev", wire.ReviewRequest{Status: data.CaseApproved}, http.StatusNotFound},
		{"stale base", coord, "case", wire.ReviewRequest{Status: data.CaseApproved, BaseRevision: 7}, http.StatusConflict},
		{"draft status", coord, "case", wire.ReviewRequest{Status: data.CaseDraft}, http.StatusUnprocessableEntity},
		{"unknown section", coord, "case", wire.ReviewRequest{Status: data.CaseReturned, SectionComments: map[string]string{"title": "x"}}, http.StatusUnprocessableEntity},
		{"long comment", coord, "case", wire.ReviewRequest{Status: data.CaseReturned, Comment: strings.Repeat("ž", wire.MaxReviewComment+1)}, http.StatusUnprocessableEntity},
		{"unknown field", coord, "case", []byte(`{"status":"approved","grade":5}`), http.StatusBadRequest},
		{"malformed", coord, "case", []byte(`{"status":`), http.StatusBadRequest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := ts.do(http.MethodPost, wire.PathReview+tc.path, tc.token, tc.body)
			p := wantStatus(t, resp, body, tc.status)
			if tc.status == http.StatusConflict && len(p.Current) == 0 {
				t.Error("409 problem has no current case")
			}
		})
	}

	resp, body := ts.do(http.MethodGet, wire.PathReview+"case", coord, nil)
	wantStatus(t, resp, body, http.StatusMethodNotAllowed)
}

func TestErrors_auth(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")
	revoked, _ := issueAndRevoke(t, ts)

	for name, header := range map[string]string{
		"missing":   "",
		"wrong":     "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"revoked":   "Bearer " + revoked,
		"basic":     "Basic " + token,
		"no scheme": token,
	} {
		t.Run(name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+wire.PathWhoAmI, nil)
			if header != "" {
				req.Header.Set("Authorization", header)
			}
			resp, err := ts.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("status = %d, want 401", resp.StatusCode)
			}
			if resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 has no WWW-Authenticate header")
			}
		})
	}

	resp, body := ts.do(http.MethodGet, wire.PathChanges, "", nil)
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = ts.do(http.MethodPost, wire.PathChanges, "", []byte(`{}`))
	wantStatus(t, resp, body, http.StatusUnauthorized)
}

func issueAndRevoke(t *testing.T, ts *testServer) (string, server.Token) {
	t.Helper()
	secret, tok, err := server.IssueToken(t.Context(), ts.Store, wire.RoleAssociation, "lma", time.Now())
	if err != nil {
		t.Fatalf("issue token: %v", err)
	}
	if resp, body := ts.do(http.MethodGet, wire.PathWhoAmI, secret, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("new token: status %d %s", resp.StatusCode, body)
	}
	if err := ts.Store.RevokeToken(t.Context(), tok.ID, time.Now()); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	return secret, tok
}

func TestErrors_badRequests(t *testing.T) {
	ts := newTestServer(t, server.Options{MaxBody: 64 << 10})
	token := ts.addAssociation("lma", "LMA")

	good := put(t, "e1", 0, testEvent("x", false))
	tooMany := make([]wire.Change, wire.MaxChanges+1)
	for i := range tooMany {
		tooMany[i] = del(data.KindEvent, fmt.Sprintf("e%d", i), 0)
	}
	badID := good
	badID.ChangeID = "not-a-uuid"
	badKind := good
	badKind.Kind = "news"
	badRecordID := good
	badRecordID.RecordID = "../etc"
	badOp := good
	badOp.Op = "patch"
	deleteWithRecord := good
	deleteWithRecord.Op = wire.OpDelete
	putWithout := good
	putWithout.Record = nil
	negative := good
	negative.BaseRevision = -1

	cases := []struct {
		name   string
		body   any
		status int
	}{
		{"malformed json", []byte(`{"changes":[`), http.StatusBadRequest},
		{"unknown field", []byte(`{"changes":[],"extra":1}`), http.StatusBadRequest},
		{"trailing data", []byte(`{"changes":[]} {}`), http.StatusBadRequest},
		{"no changes", wire.PushRequest{}, http.StatusBadRequest},
		{"too many changes", wire.PushRequest{Changes: tooMany}, http.StatusBadRequest},
		{"change id", wire.PushRequest{Changes: []wire.Change{badID}}, http.StatusBadRequest},
		{"kind", wire.PushRequest{Changes: []wire.Change{badKind}}, http.StatusBadRequest},
		{"record id", wire.PushRequest{Changes: []wire.Change{badRecordID}}, http.StatusBadRequest},
		{"op", wire.PushRequest{Changes: []wire.Change{badOp}}, http.StatusBadRequest},
		{"delete with record", wire.PushRequest{Changes: []wire.Change{deleteWithRecord}}, http.StatusBadRequest},
		{"put without record", wire.PushRequest{Changes: []wire.Change{putWithout}}, http.StatusBadRequest},
		{"negative base", wire.PushRequest{Changes: []wire.Change{negative}}, http.StatusBadRequest},
		{"over the body limit", []byte(`{"changes":[` + strings.Repeat(" ", 64<<10) + `]}`), http.StatusRequestEntityTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := ts.do(http.MethodPost, wire.PathChanges, token, tc.body)
			wantStatus(t, resp, body, tc.status)
		})
	}

	t.Run("content type", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+wire.PathChanges, strings.NewReader(`{}`))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "text/plain")
		resp, err := ts.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnsupportedMediaType {
			t.Errorf("status = %d, want 415", resp.StatusCode)
		}
	})

	for name, query := range map[string]string{"cursor": "?cursor=abc", "limit zero": "?limit=0", "limit high": "?limit=1001", "limit text": "?limit=x"} {
		t.Run("pull "+name, func(t *testing.T) {
			resp, body := ts.do(http.MethodGet, wire.PathChanges+query, token, nil)
			wantStatus(t, resp, body, http.StatusBadRequest)
		})
	}

	resp, body := ts.do(http.MethodGet, "/api/v2/changes", token, nil)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = ts.do(http.MethodPut, wire.PathChanges, token, []byte(`{}`))
	wantStatus(t, resp, body, http.StatusMethodNotAllowed)
	if resp.Header.Get("Allow") == "" {
		t.Error("405 has no Allow header")
	}
	resp, body = ts.do(http.MethodPost, wire.PathHealth, "", []byte(`{}`))
	wantStatus(t, resp, body, http.StatusMethodNotAllowed)
	resp, body = ts.do(http.MethodPost, wire.PathWhoAmI, token, []byte(`{}`))
	wantStatus(t, resp, body, http.StatusMethodNotAllowed)
}

func TestErrors_rateLimit(t *testing.T) {
	// A fixed clock refills no bucket, so the burst is all a token gets.
	fixed := time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)
	ts := newTestServer(t, server.Options{Rate: 0.5, Burst: 3, Now: func() time.Time { return fixed }})
	token := ts.addAssociation("lma", "LMA")
	other := ts.addAssociation("lkma", "LKMA")

	for i := range 3 {
		resp, body := ts.do(http.MethodGet, wire.PathWhoAmI, token, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d within the burst: status %d %s", i, resp.StatusCode, body)
		}
	}
	resp, body := ts.do(http.MethodGet, wire.PathWhoAmI, token, nil)
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	if got := resp.Header.Get("Retry-After"); got != "2" {
		t.Errorf("Retry-After = %q, want 2 (one request at 0.5 per second)", got)
	}
	resp, body = ts.do(http.MethodPost, wire.PathChanges, token, wire.PushRequest{Changes: []wire.Change{put(t, "e1", 0, testEvent("x", false))}})
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	resp, body = ts.do(http.MethodGet, wire.PathChanges, token, nil)
	wantStatus(t, resp, body, http.StatusTooManyRequests)

	resp, body = ts.do(http.MethodGet, wire.PathWhoAmI, other, nil)
	wantStatus(t, resp, body, http.StatusOK)
}

func TestRequestID(t *testing.T) {
	ts := newTestServer(t, server.Options{})

	req, _ := http.NewRequest(http.MethodGet, ts.URL+wire.PathHealth, nil)
	req.Header.Set("X-Request-Id", "client-42")
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got != "client-42" {
		t.Errorf("echoed X-Request-Id = %q, want client-42", got)
	}

	req.Header.Set("X-Request-Id", "bad id\twith spaces")
	resp, err = ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got == "" || strings.ContainsAny(got, " \t") {
		t.Errorf("X-Request-Id = %q, want a new plain id", got)
	}
	if !strings.Contains(ts.Logs.String(), `"request_id":"client-42"`) {
		t.Error("log has no line with request_id client-42")
	}
}

func TestLogs_neverContainToken(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	token := ts.addAssociation("lma", "LMA")
	coord := ts.coordinatorToken()
	revoked, _ := issueAndRevoke(t, ts)
	wrong := "wrong-" + token

	ts.push(token, put(t, "case", 0, testCase("Atvejis")), put(t, "c1", 0, testConsultation("Tema")))
	ts.pullAll(token, "")
	ts.do(http.MethodPost, wire.PathReview+"case", coord, wire.ReviewRequest{Status: data.CaseApproved})
	ts.do(http.MethodGet, wire.PathWhoAmI, wrong, nil)
	ts.do(http.MethodGet, wire.PathWhoAmI, revoked, nil)
	ts.do(http.MethodPost, wire.PathChanges, token, []byte(`{"bad":`))

	logs := ts.Logs.String()
	for name, secret := range map[string]string{"association": token, "coordinator": coord, "revoked": revoked, "wrong": wrong} {
		if strings.Contains(logs, secret) {
			t.Errorf("log contains the %s token", name)
		}
	}
	if strings.Contains(logs, "Jonas Petraitis") {
		t.Error("log contains the consultation's requester")
	}
	if !strings.Contains(logs, `"token_id":"`) {
		t.Error("log lines have no token_id")
	}
	if !strings.Contains(logs, `"status":401`) || !strings.Contains(logs, `"status":400`) {
		t.Error("log lacks the 401 and 400 requests")
	}
}

func TestAssociations_directory(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "Lietuvos matematikų asociacija")
	ts.addAssociation("lkma", "Lietuvos kalbininkų asociacija")
	coord := ts.coordinatorToken()

	want := []wire.Association{
		{ID: "lkma", Name: "Lietuvos kalbininkų asociacija"},
		{ID: "lma", Name: "Lietuvos matematikų asociacija"},
	}
	for who, token := range map[string]string{"association": lma, "coordinator": coord} {
		resp, body := ts.do(http.MethodGet, wire.PathAssociations, token, nil)
		wantStatus(t, resp, body, http.StatusOK)
		var dir wire.AssociationsResponse
		decodeJSON(t, body, &dir)
		if !slices.Equal(dir.Associations, want) {
			t.Errorf("%s's directory = %+v, want %+v", who, dir.Associations, want)
		}
		wantCaller := map[string]string{"association": "lma", "coordinator": ""}[who]
		if dir.Caller != wantCaller {
			t.Errorf("%s's caller = %q, want %q", who, dir.Caller, wantCaller)
		}
	}

	resp, body := ts.do(http.MethodPost, wire.PathAssociations, coord, []byte(`{}`))
	wantStatus(t, resp, body, http.StatusMethodNotAllowed)
}

func TestReview_reviewerName(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	named, _, err := server.IssueNamedToken(context.Background(), ts.Store, wire.RoleCoordinator, "", "  Rasa Kazlauskienė ", time.Now())
	if err != nil {
		t.Fatalf("IssueNamedToken: %v", err)
	}
	unnamed, unnamedToken, err := server.IssueToken(context.Background(), ts.Store, wire.RoleCoordinator, "", time.Now())
	if err != nil {
		t.Fatalf("IssueToken: %v", err)
	}
	ts.push(lma, put(t, "case", 0, testCase("Atvejis")))

	reviewedBy := func(token string, status data.CaseStatus) string {
		t.Helper()
		resp, body := ts.do(http.MethodPost, wire.PathReview+"case", token, wire.ReviewRequest{Status: status})
		wantStatus(t, resp, body, http.StatusOK)
		var state wire.RecordState
		decodeJSON(t, body, &state)
		var c data.PracticeCase
		decodeJSON(t, state.Record, &c)
		return c.Review.Reviewer
	}
	if got := reviewedBy(named, data.CaseApproved); got != "Rasa Kazlauskienė" {
		t.Errorf("reviewer of a named token = %q, want the trimmed name", got)
	}
	if got := reviewedBy(unnamed, data.CaseReturned); got != unnamedToken.ID {
		t.Errorf("reviewer of an unnamed token = %q, want its id %q", got, unnamedToken.ID)
	}
}

func TestIssueNamedToken_badNames(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	for name, value := range map[string]string{
		"too long":      strings.Repeat("ž", server.MaxTokenName+1),
		"control":       "Rasa\nKazlauskienė",
		"invalid UTF-8": "Rasa \xff",
	} {
		if _, _, err := server.IssueNamedToken(context.Background(), ts.Store, wire.RoleCoordinator, "", value, time.Now()); err == nil {
			t.Errorf("IssueNamedToken with a %s name succeeded, want an error", name)
		}
	}
	tokens, err := ts.Store.Tokens(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(tokens) != 0 {
		t.Errorf("rejected names stored %d tokens, want 0", len(tokens))
	}
}
