package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"partneryste/data/wire"
)

// maxScanFactor bounds the records one pull page reads to this many times
// the page size, so that an association whose page is mostly other
// associations' private records still gets a quick response (with more=true).
const maxScanFactor = 20

// parseCursor reads a cursor that the server returned. Cursors are decimal
// sequence numbers today, but clients treat them as opaque strings.
func parseCursor(s string) (uint64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, badRequest("cursor %q is not one the server returned", s)
	}
	return n, nil
}

func formatCursor(seq uint64) string { return strconv.FormatUint(seq, 10) }

func parseLimit(s string) (int, error) {
	if s == "" {
		return wire.DefaultPullLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > wire.MaxPullLimit {
		return 0, badRequest("limit %q must be a number from 1 to %d", s, wire.MaxPullLimit)
	}
	return n, nil
}

// visibility is the part of one record that a caller may read.
type visibility int

const (
	hidden    visibility = iota // nothing
	tombstone                   // that the record is gone for the caller
	full                        // the record
)

// visibleTo returns the part of rec that the token may read. The
// coordinator reads everything, and an association reads its own records
// and other associations' public events. An event that stopped being public reaches the others as
// deleted, so that their copies go away.
func visibleTo(t Token, rec StoredRecord) visibility {
	switch {
	case t.Role == wire.RoleCoordinator, rec.Association == t.Association, rec.Public:
		return full
	case rec.WasPublic:
		return tombstone
	default:
		return hidden
	}
}

func (s *Server) handlePull(w http.ResponseWriter, r *http.Request, t Token) error {
	query := r.URL.Query()
	after, err := parseCursor(query.Get("cursor"))
	if err != nil {
		return err
	}
	limit, err := parseLimit(query.Get("limit"))
	if err != nil {
		return err
	}

	resp := wire.PullResponse{Records: []wire.RecordState{}}
	last := after
	scanned := 0
	stopped := false
	err = s.store.Changes(r.Context(), after, func(rec StoredRecord) (bool, error) {
		if len(resp.Records) == limit || scanned == limit*maxScanFactor {
			stopped = true
			return false, nil
		}
		scanned++
		last = rec.Seq

		state := wire.RecordState{Kind: rec.Kind, RecordID: rec.ID, Revision: rec.Revision}
		switch visibleTo(t, rec) {
		case hidden:
			return true, nil
		case tombstone:
			state.Deleted = true
		case full:
			state.Deleted = rec.Deleted
			if !rec.Deleted {
				state.Record = append(json.RawMessage(nil), rec.Body...)
			}
		}
		resp.Records = append(resp.Records, state)
		return true, nil
	})
	if err != nil {
		return internal(fmt.Errorf("pull after %d: %w", after, err))
	}

	resp.NextCursor = formatCursor(last)
	resp.More = stopped
	writeJSON(w, resp)
	return nil
}
