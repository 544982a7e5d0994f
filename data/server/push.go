package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"partneryste/data"
	"partneryste/data/wire"
)

func (s *Server) handlePush(w http.ResponseWriter, r *http.Request, t Token) error {
	if t.Role != wire.RoleAssociation && t.Role != wire.RoleCoordinator {
		return forbidden("the token's role %q may not push records", t.Role)
	}
	body, err := readBody(w, r, s.opts.MaxBody)
	if err != nil {
		return err
	}
	req, err := decodePush(body)
	if err != nil {
		return err
	}

	now := s.opts.Now().UTC()
	results := make([]wire.Result, len(req.Changes))
	err = s.store.Update(r.Context(), func(tx Tx) error {
		for i, c := range req.Changes {
			res, err := applyOnce(tx, t, c, now)
			if err == nil && res.Status == wire.StatusForbidden {
				res, err = attachCurrent(tx, t, c, res)
			}
			if err != nil {
				return fmt.Errorf("change %s: %w", c.ChangeID, err)
			}
			results[i] = res
		}
		return nil
	})
	if err != nil {
		return internal(fmt.Errorf("push of %d changes: %w", len(req.Changes), err))
	}

	writeJSON(w, wire.PushResponse{Results: results})
	return nil
}

// applyOnce applies one change unless the association applied its change
// id before, in which case it returns the first result unchanged. The
// result is stored in the same transaction as the write, so a retry after
// a lost response never applies a change twice.
//
// The coordinator's records (editions) are kept under the empty
// association id, which no association token has.
func applyOnce(tx Tx, t Token, c wire.Change, now time.Time) (wire.Result, error) {
	association := t.Association
	if res, ok, err := tx.Result(association, c.ChangeID); err != nil || ok {
		return res, err
	}
	if res, rejected := checkKindRole(t.Role, c); rejected {
		res.ChangeID = c.ChangeID
		return res, nil
	}
	res, err := apply(tx, association, c, now)
	if err != nil {
		return wire.Result{}, err
	}
	res.ChangeID = c.ChangeID
	if err := tx.PutResult(association, c.ChangeID, res); err != nil {
		return wire.Result{}, err
	}
	return res, nil
}

// attachCurrent adds the server's record and revision to a 403 result when
// the token may read the record, so that the client can restore the
// server's version of a record it was not allowed to change. Another
// association's private record stays hidden. The stored result of the
// change id never holds the record, so a repeated change id gets the
// record as it is at that time.
func attachCurrent(tx Tx, t Token, c wire.Change, res wire.Result) (wire.Result, error) {
	cur, exists, err := tx.Record(c.Kind, c.RecordID)
	if err != nil || !exists || visibleTo(t, cur) != full {
		return res, err
	}
	res.Revision = cur.Revision
	res.Current = append(json.RawMessage(nil), cur.Body...)
	return res, nil
}

// checkKindRole rejects a change of a kind the token's role may not write:
// the coordinator writes only editions, and changes practice cases through
// review, while an association writes everything but editions. The
// rejection is not stored as the change's result, so the same change id
// is judged again if a client resends it.
func checkKindRole(role wire.Role, c wire.Change) (wire.Result, bool) {
	coordinatorKind := c.Kind == data.KindEdition
	switch {
	case role == wire.RoleCoordinator && !coordinatorKind:
		return wire.Result{
			Status: wire.StatusForbidden,
			Reason: wire.ReasonKindNotAllowed,
			Error:  fmt.Sprintf("the coordinator's token may push only editions, not %s %s; practice cases change through review", c.Kind, c.RecordID),
		}, true
	case role != wire.RoleCoordinator && coordinatorKind:
		return wire.Result{
			Status: wire.StatusForbidden,
			Reason: wire.ReasonKindNotAllowed,
			Error:  fmt.Sprintf("only the coordinator's token may push editions, not edition %s", c.RecordID),
		}, true
	}
	return wire.Result{}, false
}

// apply applies one change and returns its result. Only storage failures
// are returned as errors; a rejected change is a result.
func apply(tx Tx, association string, c wire.Change, now time.Time) (wire.Result, error) {
	cur, exists, err := tx.Record(c.Kind, c.RecordID)
	if err != nil {
		return wire.Result{}, err
	}
	if exists && cur.Association != association {
		return wire.Result{
			Status: wire.StatusForbidden,
			Reason: wire.ReasonForeignRecord,
			Error:  fmt.Sprintf("%s %s belongs to another association", c.Kind, c.RecordID),
		}, nil
	}

	if c.Op == wire.OpDelete {
		if res, rejected := checkFrozenDelete(c, cur, exists); rejected {
			return res, nil
		}
		return applyDelete(tx, c, cur, exists, now)
	}
	return applyPut(tx, association, c, cur, exists, now)
}

// frozenError is the rejection of an association's change to a published
// practice case.
func frozenError(id string) wire.Result {
	return wire.Result{
		Status: wire.StatusForbidden,
		Reason: wire.ReasonPublishedFrozen,
		Error:  fmt.Sprintf("practice case %s is published and cannot change until the coordinator reopens it", id),
	}
}

// checkFrozenDelete rejects the delete of a published practice case.
func checkFrozenDelete(c wire.Change, cur StoredRecord, exists bool) (wire.Result, bool) {
	if c.Kind != data.KindPractice || !exists || cur.Deleted {
		return wire.Result{}, false
	}
	var stored data.PracticeCase
	if err := json.Unmarshal(cur.Body, &stored); err != nil || stored.Status != data.CasePublished {
		return wire.Result{}, false
	}
	return frozenError(c.RecordID), true
}

func conflict(cur StoredRecord, exists bool) wire.Result {
	res := wire.Result{Status: wire.StatusConflict}
	if exists {
		res.Revision = cur.Revision
		res.Current = cur.Body
	}
	return res
}

// applyDelete turns a record into a tombstone. A delete of a record the
// server never had, or of a tombstone, succeeds without a write.
func applyDelete(tx Tx, c wire.Change, cur StoredRecord, exists bool, now time.Time) (wire.Result, error) {
	if !exists || cur.Deleted {
		return wire.Result{Status: wire.StatusApplied, Revision: cur.Revision}, nil
	}
	if c.BaseRevision != cur.Revision {
		return conflict(cur, exists), nil
	}

	rec := newRecord(c.Kind)
	if err := json.Unmarshal(cur.Body, rec); err != nil {
		return wire.Result{}, fmt.Errorf("decode stored %s %s: %w", c.Kind, c.RecordID, err)
	}
	meta := rec.Header()
	meta.Revision = cur.Revision + 1
	meta.Updated = now
	meta.Deleted = true

	next := cur
	next.Revision = meta.Revision
	next.Deleted = true
	next.Public = false
	next.WasPublic = cur.Public || cur.WasPublic
	if err := putRecord(tx, &next, rec); err != nil {
		return wire.Result{}, err
	}
	return wire.Result{Status: wire.StatusApplied, Revision: next.Revision}, nil
}

// coordinatorStatuses are the case statuses that only a review sets.
var coordinatorStatuses = map[data.CaseStatus]bool{
	data.CaseReturned:  true,
	data.CaseApproved:  true,
	data.CasePublished: true,
}

func applyPut(tx Tx, association string, c wire.Change, cur StoredRecord, exists bool, now time.Time) (wire.Result, error) {
	var curRevision int64
	if exists {
		curRevision = cur.Revision
	}
	if c.BaseRevision != curRevision {
		return conflict(cur, exists), nil
	}

	rec, fieldErr, err := decodeRecord(c.Kind, c.Record)
	if err != nil {
		return wire.Result{Status: wire.StatusInvalid, Error: err.Error(), Fields: []wire.FieldError{*fieldErr}}, nil
	}
	meta := rec.Header()
	if meta.ID != "" && meta.ID != c.RecordID {
		return wire.Result{
			Status: wire.StatusInvalid,
			Error:  fmt.Sprintf("record id %q does not match record_id %q", meta.ID, c.RecordID),
			Fields: []wire.FieldError{{Field: "id", Code: data.CodeInvalidValue}},
		}, nil
	}
	// The requester is personal data that stays on the association's
	// machine. It is dropped before validation, so that a requester the
	// server would not keep anyway never rejects the change.
	if consultation, ok := rec.(*data.Consultation); ok {
		consultation.Requester = data.Requester{}
	}
	if res, rejected := validate(rec); rejected {
		return res, nil
	}

	var prev data.Record
	if exists {
		prev = newRecord(c.Kind)
		if err := json.Unmarshal(cur.Body, prev); err != nil {
			return wire.Result{}, fmt.Errorf("decode stored %s %s: %w", c.Kind, c.RecordID, err)
		}
	}
	if res, rejected := applyKindRules(rec, prev); rejected {
		return res, nil
	}

	*meta = data.Meta{
		ID:          c.RecordID,
		Association: association,
		Revision:    curRevision + 1,
		Created:     now,
		Updated:     now,
	}
	if prev != nil && !prev.Header().Created.IsZero() {
		meta.Created = prev.Header().Created
	}

	event, isEvent := rec.(*data.Event)
	next := StoredRecord{
		Kind:        c.Kind,
		ID:          c.RecordID,
		Association: association,
		Revision:    meta.Revision,
		Public:      isEvent && event.Public,
		WasPublic:   exists && (cur.Public || cur.WasPublic),
	}
	if err := putRecord(tx, &next, rec); err != nil {
		return wire.Result{}, err
	}
	return wire.Result{Status: wire.StatusApplied, Revision: next.Revision}, nil
}

// validate runs the record's own validation and turns a
// *data.ValidationError into a 422 result.
func validate(rec data.Record) (wire.Result, bool) {
	err := rec.Validate()
	if err == nil {
		return wire.Result{}, false
	}
	res := wire.Result{Status: wire.StatusInvalid, Error: err.Error()}
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			res.Fields = append(res.Fields, wire.FieldError{Field: f.Field, Code: f.Code, Limit: f.Limit})
		}
	}
	return res, true
}

// applyKindRules applies the rules of one record kind to an association's
// put, given the stored record (nil for a new one). A practice case keeps
// the coordinator's review fields, an association may not move it into a
// status that only a review sets, and a published case is frozen: it
// accepts no put until a review moves it back to returned or approved.
func applyKindRules(rec, prev data.Record) (wire.Result, bool) {
	c, ok := rec.(*data.PracticeCase)
	if !ok {
		return wire.Result{}, false
	}
	var stored *data.PracticeCase
	if prev != nil {
		stored = prev.(*data.PracticeCase)
	}
	if stored != nil && stored.Status == data.CasePublished {
		return frozenError(stored.ID), true
	}
	if coordinatorStatuses[c.Status] && (stored == nil || stored.Status != c.Status) {
		return wire.Result{
			Status: wire.StatusForbidden,
			Reason: wire.ReasonCoordinatorStatus,
			Error:  fmt.Sprintf("only the coordinator's review sets status %q", c.Status),
		}, true
	}
	c.Review, c.History = nil, nil
	if stored != nil {
		c.Review, c.History = stored.Review, stored.History
	}
	return wire.Result{}, false
}

// putRecord stores rec's JSON as next's body.
func putRecord(tx Tx, next *StoredRecord, rec data.Record) error {
	body, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", next.Kind, next.ID, err)
	}
	next.Body = body
	return tx.PutRecord(next)
}
