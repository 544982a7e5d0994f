package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"

	"partneryste/data"
	"partneryste/data/wire"
)

// errReviewRejected carries a 404, 409 or 422 out of the review
// transaction.
var errReviewRejected = errors.New("review rejected")

// reviewerName returns the name a review stores as its reviewer: the
// token's display name, or the token's id for a token issued without one,
// which clients show as the role's label.
func reviewerName(t Token) string {
	if t.Name != "" {
		return t.Name
	}
	return t.ID
}

func (s *Server) handleReview(w http.ResponseWriter, r *http.Request, t Token) error {
	if r.Method != http.MethodPost {
		return methodNotAllowed(w, r, "POST")
	}
	if t.Role != wire.RoleCoordinator {
		return forbidden("only the coordinator's token may review practice cases")
	}
	id := r.PathValue("id")
	if !validRecordID(id) {
		return notFound("no practice case %q", id)
	}
	body, err := readBody(w, r, s.opts.MaxBody)
	if err != nil {
		return err
	}
	req, err := decodeReview(body)
	if err != nil {
		return err
	}

	now := s.opts.Now().UTC()
	var state wire.RecordState
	var rejection *apiError
	err = s.store.Update(r.Context(), func(tx Tx) error {
		cur, exists, err := tx.Record(data.KindPractice, id)
		if err != nil {
			return err
		}
		if !exists || cur.Deleted {
			rejection = notFound("no practice case %q", id)
			return errReviewRejected
		}
		if req.BaseRevision != 0 && req.BaseRevision != cur.Revision {
			rejection = &apiError{
				status:  http.StatusConflict,
				typ:     wire.ProblemConflict,
				detail:  fmt.Sprintf("the case is at revision %d, not %d; review the current version", cur.Revision, req.BaseRevision),
				current: append(json.RawMessage(nil), cur.Body...),
			}
			return errReviewRejected
		}

		var c data.PracticeCase
		if err := json.Unmarshal(cur.Body, &c); err != nil {
			return fmt.Errorf("decode stored case %s: %w", id, err)
		}
		if req.Status == data.CasePublished && c.Status != data.CaseApproved && c.Status != data.CasePublished {
			rejection = invalid("case %s is %s; only an approved case can be published", id, c.Status)
			return errReviewRejected
		}
		if c.Review != nil {
			c.History = append(c.History, *c.Review)
		}
		c.Review = &data.Review{
			Status:          req.Status,
			Comment:         req.Comment,
			SectionComments: maps.Clone(req.SectionComments),
			Reviewer:        reviewerName(t),
			At:              now,
		}
		c.Status = req.Status
		c.Revision = cur.Revision + 1
		c.Updated = now

		next := cur
		next.Revision = c.Revision
		if err := putRecord(tx, &next, &c); err != nil {
			return err
		}
		state = wire.RecordState{Kind: data.KindPractice, RecordID: id, Revision: next.Revision, Record: next.Body}
		return nil
	})
	if rejection != nil {
		return rejection
	}
	if err != nil {
		return internal(fmt.Errorf("review of case %s: %w", id, err))
	}

	writeJSON(w, state)
	return nil
}
