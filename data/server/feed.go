package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"partneryste/data"
	"partneryste/data/interop/ical"
	"partneryste/data/wire"
)

// PathFeed is the folder of the public calendar feeds: PathFeed +
// "public.ics" holds every association's public events, and PathFeed +
// "<association id>.ics" one association's. They need no token, because
// calendar programs subscribe to them without one.
const PathFeed = wire.Prefix + "/feed/"

// feedPublic is the feed name of the whole network's calendar. An
// association with the id "public" is reachable only through this name.
const feedPublic = "public"

// feedMaxAge is how long a calendar program may reuse a feed without a new
// request, in seconds. After that it sends If-None-Match and gets 304 while
// nothing changed.
const feedMaxAge = 300

// feedName is the calendar name the network's feed shows in calendar
// programs.
const feedName = "Partnerystė"

// feed is the content of one feed request, read from the store.
type feed struct {
	events []data.Event
	// seq is the highest sequence number among the events that are or
	// were public in the feed's scope, so it changes whenever the feed's
	// content may have changed, including when an event stops being public.
	seq          uint64
	lastModified time.Time
}

// handleFeed serves a public calendar feed as text/calendar, with an ETag
// and a Last-Modified time for conditional requests.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeProblem(w, r, asAPIError(methodNotAllowed(w, r, "GET")))
		return
	}
	name, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok || name == "" {
		writeProblem(w, r, notFound("no feed at %s; feeds end in .ics", r.URL.Path))
		return
	}

	association, title := "", feedName
	if name != feedPublic {
		a, err := s.store.Association(r.Context(), name)
		switch {
		case errors.Is(err, ErrNotFound):
			writeProblem(w, r, notFound("no association %q", name))
			return
		case err != nil:
			writeProblem(w, r, internal(fmt.Errorf("feed of association %s: %w", name, err)))
			return
		}
		association, title = a.ID, a.Name
	}

	f, err := s.readFeed(r, association)
	if err != nil {
		writeProblem(w, r, internal(fmt.Errorf("feed %s: %w", name, err)))
		return
	}

	h := w.Header()
	etag := fmt.Sprintf(`"feed-%d-%d"`, f.seq, len(f.events))
	h.Set("ETag", etag)
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", feedMaxAge))
	if !f.lastModified.IsZero() {
		h.Set("Last-Modified", f.lastModified.UTC().Format(http.TimeFormat))
	}
	if notModified(r, etag, f.lastModified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}

	var body bytes.Buffer
	if err := ical.Export(&body, f.events, ical.ExportOptions{Name: title, Now: s.opts.Now}); err != nil {
		writeProblem(w, r, internal(fmt.Errorf("feed %s: %w", name, err)))
		return
	}
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(body.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body.Bytes())
	}
}

// readFeed collects the live public events of one association, or of all
// when association is "", sorted by start.
func (s *Server) readFeed(r *http.Request, association string) (feed, error) {
	var f feed
	err := s.store.Changes(r.Context(), 0, func(rec StoredRecord) (bool, error) {
		if rec.Kind != data.KindEvent || !(rec.Public || rec.WasPublic) {
			return true, nil
		}
		if association != "" && rec.Association != association {
			return true, nil
		}
		f.seq = max(f.seq, rec.Seq)

		var e data.Event
		if err := json.Unmarshal(rec.Body, &e); err != nil {
			return false, fmt.Errorf("decode event %s: %w", rec.ID, err)
		}
		if e.Updated.After(f.lastModified) {
			f.lastModified = e.Updated
		}
		if rec.Public && !rec.Deleted {
			f.events = append(f.events, e)
		}
		return true, nil
	})
	if err != nil {
		return feed{}, err
	}
	slices.SortStableFunc(f.events, func(a, b data.Event) int {
		if c := a.FirstDay().Compare(b.FirstDay()); c != 0 {
			return c
		}
		return a.Start.Compare(b.Start)
	})
	return f, nil
}

// notModified reports whether a conditional request's copy is current:
// If-None-Match names the ETag, or, without If-None-Match,
// If-Modified-Since is not before the last change (RFC 9110 section 13.2.2).
func notModified(r *http.Request, etag string, lastModified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == etag || tag == "*" {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || lastModified.IsZero() {
		return false
	}
	since, err := http.ParseTime(ims)
	return err == nil && !lastModified.Truncate(time.Second).After(since)
}
