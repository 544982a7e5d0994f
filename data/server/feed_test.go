package server_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"partneryste/data"
	"partneryste/data/interop/ical"
	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// The conformance client decodes response bodies to check them against
// their schema, and kin-openapi has no decoder for text/calendar: a feed
// is checked as the plain string its schema says.
func init() {
	openapi3filter.RegisterBodyDecoder("text/calendar", openapi3filter.PlainBodyDecoder)
}

// getFeed sends a GET for a feed through the conformance client, with
// extra request headers.
func (ts *testServer) getFeed(file string, header map[string]string) (*http.Response, []byte) {
	ts.t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+server.PathFeed+file, nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := ts.client.Do(req)
	if err != nil {
		ts.t.Fatalf("GET %s: %v", file, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp, body
}

// exerciseFeed sends the requests that give every documented feed
// response except 500 on ts.
func exerciseFeed(ts *testServer, token string) {
	ts.t.Helper()
	ts.push(token, put(ts.t, "feed-event", 0, testEvent("Vieša", true)))
	for _, file := range []string{"public.ics", "lma.ics"} {
		resp, _ := ts.getFeed(file, nil)
		ts.getFeed(file, map[string]string{"If-None-Match": resp.Header.Get("ETag")})
	}
	ts.getFeed("nera.ics", nil)
}

func feedTitles(t *testing.T, body []byte) map[string]data.Event {
	t.Helper()
	events, problems, err := ical.ImportICS(bytes.NewReader(body))
	if err != nil || len(problems) > 0 {
		t.Fatalf("import feed: %v %v\n%s", err, problems, body)
	}
	byTitle := map[string]data.Event{}
	for _, e := range events {
		byTitle[e.Title] = e
	}
	return byTitle
}

func TestFeed_publicEvents(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "Lietuvos matematikų asociacija")
	other := ts.addAssociation("lkma", "Lietuvių kalbos mokytojų asociacija")

	summer := testEvent("Vasaros stovykla; „Žąsys“", true)
	summer.Start = time.Date(2026, 7, 11, 10, 0, 0, 0, data.Vilnius)
	summer.End = summer.Start.Add(3 * time.Hour)
	allDay := &data.Event{
		Title: "Konferencija", Type: data.EventConference, AllDay: true, Public: true,
		StartDate: data.Date{Year: 2026, Month: 11, Day: 5}, EndDate: data.Date{Year: 2026, Month: 11, Day: 6},
	}
	ts.push(lma,
		put(t, "winter", 0, testEvent("Žiemos seminaras", true)),
		put(t, "summer", 0, summer),
		put(t, "allday", 0, allDay),
		put(t, "private", 0, testEvent("Vidinis posėdis", false)),
		put(t, "case", 0, testCase("Atvejis")),
	)
	ts.push(other, put(t, "other", 0, testEvent("Kitos asociacijos renginys", true)))

	resp, body := ts.getFeed("public.ics", nil)
	wantStatus(t, resp, body, http.StatusOK)
	if ct := resp.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if resp.Header.Get("ETag") == "" || resp.Header.Get("Last-Modified") == "" {
		t.Errorf("ETag %q, Last-Modified %q: want both", resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"))
	}
	all := feedTitles(t, body)
	want := []string{"Žiemos seminaras", "Vasaros stovykla; „Žąsys“", "Konferencija", "Kitos asociacijos renginys"}
	for _, title := range want {
		if _, ok := all[title]; !ok {
			t.Errorf("public feed lacks %q", title)
		}
	}
	if len(all) != len(want) {
		t.Errorf("public feed has %d events, want %d", len(all), len(want))
	}
	if got := all["Vasaros stovykla; „Žąsys“"]; !got.Start.Equal(summer.Start) || got.ID != "summer" {
		t.Errorf("summer event %s at %v, want summer at %v", got.ID, got.Start, summer.Start)
	}
	if got := all["Konferencija"]; !got.AllDay || got.StartDate != allDay.StartDate || got.EndDate != allDay.EndDate {
		t.Errorf("all-day event = %+v", got)
	}
	if !strings.Contains(string(body), "X-WR-CALNAME:Partnerystė\r\n") {
		t.Errorf("public feed is not named Partnerystė")
	}

	resp, body = ts.getFeed("lma.ics", nil)
	wantStatus(t, resp, body, http.StatusOK)
	own := feedTitles(t, body)
	if len(own) != 3 || own["Kitos asociacijos renginys"].ID != "" {
		t.Errorf("association feed = %v, want its 3 public events", slices.Collect(func(yield func(string) bool) {
			for k := range own {
				if !yield(k) {
					return
				}
			}
		}))
	}
	if !strings.Contains(string(body), "X-WR-CALNAME:Lietuvos matematikų asociacija\r\n") {
		t.Errorf("association feed is not named after the association")
	}

	resp, body = ts.getFeed("nera.ics", nil)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = ts.getFeed("lma.json", nil)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = ts.do(http.MethodPost, server.PathFeed+"public.ics", "", []byte(`{}`))
	wantStatus(t, resp, body, http.StatusMethodNotAllowed)
}

func TestFeed_conditionalRequests(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	ts.push(lma, put(t, "e1", 0, testEvent("Seminaras", true)), put(t, "e2", 0, testEvent("Posėdis", true)))

	resp, body := ts.getFeed("public.ics", nil)
	wantStatus(t, resp, body, http.StatusOK)
	etag, modified := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")

	resp, body = ts.getFeed("public.ics", map[string]string{"If-None-Match": etag})
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("If-None-Match: status %d with %d bytes, want 304 and no body", resp.StatusCode, len(body))
	}
	resp, _ = ts.getFeed("public.ics", map[string]string{"If-Modified-Since": modified})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: status %d, want 304", resp.StatusCode)
	}

	// A private or other-kind change keeps the feed; making an event
	// private changes it.
	ts.push(lma, put(t, "private", 0, testEvent("Vidinis", false)), put(t, "case", 0, testCase("Atvejis")))
	resp, _ = ts.getFeed("public.ics", map[string]string{"If-None-Match": etag})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("after a private change: status %d, want 304", resp.StatusCode)
	}
	ts.push(lma, put(t, "e2", 1, testEvent("Posėdis", false)))
	resp, body = ts.getFeed("public.ics", map[string]string{"If-None-Match": etag})
	wantStatus(t, resp, body, http.StatusOK)
	if resp.Header.Get("ETag") == etag {
		t.Errorf("ETag %s did not change when an event stopped being public", etag)
	}
	if titles := feedTitles(t, body); len(titles) != 1 || titles["Seminaras"].ID != "e1" {
		t.Errorf("feed after the change = %v", titles)
	}

	// HEAD is not in the document, so a plain client sends it.
	head, err := http.Head(ts.URL + server.PathFeed + "public.ics")
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if head.StatusCode != http.StatusOK || head.Header.Get("ETag") == "" {
		t.Errorf("HEAD: status %d, ETag %q", head.StatusCode, head.Header.Get("ETag"))
	}
}

func TestFeed_emptyAndLarge(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")

	resp, body := ts.getFeed("public.ics", nil)
	wantStatus(t, resp, body, http.StatusOK)
	if titles := feedTitles(t, body); len(titles) != 0 {
		t.Errorf("empty store gives %d events", len(titles))
	}

	const count = 300
	changes := make([]wire.Change, 0, count)
	for i := range count {
		e := testEvent(fmt.Sprintf("Renginys %03d ąčęėįšųūž", i), i%2 == 0)
		e.Start = e.Start.AddDate(0, 0, i)
		e.End = e.Start.Add(time.Hour)
		changes = append(changes, put(t, fmt.Sprintf("e%03d", i), 0, e))
	}
	for start := 0; start < count; start += 100 {
		ts.push(lma, changes[start:start+100]...)
	}
	resp, body = ts.getFeed("lma.ics", nil)
	wantStatus(t, resp, body, http.StatusOK)
	if titles := feedTitles(t, body); len(titles) != count/2 {
		t.Errorf("feed has %d events, want %d", len(titles), count/2)
	}
}

func TestFeed_everyDocumentedResponse(t *testing.T) {
	ts := newTestServer(t, server.Options{})
	lma := ts.addAssociation("lma", "LMA")
	exerciseFeed(ts, lma)

	broken := newTestServer(t, server.Options{}, func(s *serverstore.Store) server.Store { return brokenStore{s} })
	broken.addAssociation("lma", "LMA")
	broken.getFeed("public.ics", nil)
	broken.getFeed("lma.ics", nil)
	for k := range broken.seen {
		ts.seen[k] = true
	}

	for _, op := range []string{"feedPublic", "feedAssociation"} {
		for path, item := range ts.doc.Paths.Map() {
			get := item.Get
			if get == nil || get.OperationID != op {
				continue
			}
			for status := range get.Responses.Map() {
				if !ts.seen[op+" "+status] {
					t.Errorf("no test response for GET %s -> %s", path, status)
				}
			}
		}
	}
}
