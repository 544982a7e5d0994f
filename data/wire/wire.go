// Package wire defines the JSON protocol between the desktop program and the
// coordinator's server: the request and response bodies of every operation
// under Prefix, their limits, and the problem documents returned on errors.
//
// The types are a contract shared by the server (data/server) and the sync
// client, and api/openapi.yaml describes the same shapes. The package imports
// no Fyne and no storage engine.
//
// Every request except Health carries "Authorization: Bearer <token>".
package wire

import (
	"encoding/json"

	"partneryste/data"
)

// Prefix is the versioned path prefix of every operation. An incompatible
// change to the protocol gets a new prefix, so old clients keep working
// against a server that serves both.
const Prefix = "/api/v1"

// Paths of the operations, relative to the server's root.
const (
	PathHealth  = Prefix + "/health"  // GET: HealthResponse, no token
	PathWhoAmI  = Prefix + "/whoami"  // GET: WhoAmIResponse
	PathChanges = Prefix + "/changes" // POST: push (PushRequest); GET: pull (PullResponse)
	PathReview  = Prefix + "/review/" // POST PathReview + case id: ReviewRequest
	// PathAssociations is the network's directory. GET: AssociationsResponse
	PathAssociations = Prefix + "/associations"
)

// Limits of the protocol. A request over a limit is rejected whole.
const (
	// MaxChanges is the maximum number of changes in one push request.
	MaxChanges = 500
	// DefaultPullLimit is the page size of a pull without a limit parameter.
	DefaultPullLimit = 500
	// MaxPullLimit is the largest page size a pull may request.
	MaxPullLimit = 1000
	// MaxIDLength is the maximum length in bytes of a record id.
	MaxIDLength = 128
	// MaxReviewComment is the maximum length in runes of a review comment
	// and of each section comment.
	MaxReviewComment = 10000
)

// Role is the set of rights of a bearer token.
type Role string

// Roles of tokens.
const (
	// RoleAssociation may push its own association's records and pull its
	// own records and other associations' public events.
	RoleAssociation Role = "association"
	// RoleCoordinator may pull every record and review practice cases, but
	// may not push records.
	RoleCoordinator Role = "coordinator"
)

// Op is the operation of one change.
type Op string

// Operations of a change.
const (
	OpPut    Op = "put"    // create or replace the record
	OpDelete Op = "delete" // turn the record into a tombstone
)

// HealthResponse is the body of GET /api/v1/health.
type HealthResponse struct {
	Status  string `json:"status"` // always "ok"
	Version string `json:"version"`
}

// WhoAmIResponse is the body of GET /api/v1/whoami: the caller's role and,
// for an association's token, the association. The desktop program's "test
// connection" button calls it.
type WhoAmIResponse struct {
	Role            Role   `json:"role"`
	AssociationID   string `json:"association_id"`   // "" for the coordinator
	AssociationName string `json:"association_name"` // "" for the coordinator
}

// Association is one member of the network as the directory lists it.
type Association struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// AssociationsResponse is the body of GET /api/v1/associations: every
// association stored on the server, sorted by id. Every token may read it,
// because the network is public about who its members are. Clients use it
// to show names where records carry only association ids.
type AssociationsResponse struct {
	Associations []Association `json:"associations"`
	// Caller is the association id of the caller's token, or "" for the
	// coordinator. A client's local profile id differs from it, and the
	// records the server returns carry it.
	Caller string `json:"caller"`
}

// Change is one write that an association pushes.
type Change struct {
	// ChangeID is a UUID that the client assigns once per change and keeps
	// across retries. The server applies each change id once and returns
	// the first result again for a repeated id.
	ChangeID string    `json:"change_id"`
	Kind     data.Kind `json:"kind"`
	RecordID string    `json:"record_id"`
	Op       Op        `json:"op"`
	// BaseRevision is the server revision that the client's edit started
	// from, or 0 for a record the server has never seen.
	BaseRevision int64 `json:"base_revision"`
	// Record is the record's JSON as data.Event, data.PracticeCase or
	// data.Consultation marshal it. It is required for OpPut and must be
	// absent for OpDelete. The server ignores the Meta fields other than
	// id, which must be empty or equal RecordID.
	Record json.RawMessage `json:"record,omitempty"`
}

// PushRequest is the body of POST /api/v1/changes.
type PushRequest struct {
	Changes []Change `json:"changes"` // 1 to MaxChanges changes
}

// Result statuses of one change. They reuse HTTP status codes so that their
// meaning is familiar, but the response itself is 200.
const (
	StatusApplied   = 200 // the change was applied (or was applied before)
	StatusForbidden = 403 // the record belongs to another association
	StatusConflict  = 409 // BaseRevision is not the server's revision
	StatusInvalid   = 422 // the record fails validation
)

// Reasons of a StatusForbidden result.
const (
	// ReasonForeignRecord: the record belongs to another association.
	ReasonForeignRecord = "foreign_record"
	// ReasonCoordinatorStatus: an association set a practice case status
	// that only the coordinator's review sets (returned, approved,
	// published).
	ReasonCoordinatorStatus = "coordinator_status"
	// ReasonPublishedFrozen: the practice case is published, and accepts
	// no change until a review moves it back to returned or approved.
	ReasonPublishedFrozen = "published_frozen"
	// ReasonKindNotAllowed: the token's role may not push this kind. The
	// coordinator pushes only editions, and associations push all other
	// kinds.
	ReasonKindNotAllowed = "kind_not_allowed"
)

// Result is the outcome of one change.
type Result struct {
	ChangeID string `json:"change_id"`
	Status   int    `json:"status"`
	// Revision is the record's server revision after the change: the new
	// revision for StatusApplied (0 for a delete of a record the server
	// never had), and the current revision for StatusConflict and for a
	// StatusForbidden result that carries Current.
	Revision int64 `json:"revision"`
	// Current is the server's record for StatusConflict, so that the user
	// can resolve the conflict with both versions in view. A
	// StatusForbidden result carries it too when the caller may read the
	// record (its own, a public event, or anything for the coordinator),
	// so that the client can restore the server's version. A tombstone
	// has "deleted": true.
	Current json.RawMessage `json:"current,omitempty"`
	// Error is an English description for StatusForbidden and
	// StatusInvalid, meant for logs.
	Error string `json:"error,omitempty"`
	// Reason is the machine-readable cause of StatusForbidden, one of the
	// Reason* constants, so that clients can explain it. It is empty for
	// other statuses and in results stored by older servers.
	Reason string `json:"reason,omitempty"`
	// Fields lists the invalid fields for StatusInvalid, with the codes of
	// data.FieldError, so the client can show translated messages.
	Fields []FieldError `json:"fields,omitempty"`
}

// FieldError is one invalid field of a rejected record, as in
// data.FieldError.
type FieldError struct {
	Field string `json:"field"`
	Code  string `json:"code"`
	Limit int    `json:"limit,omitempty"`
}

// PushResponse is the body of a successful push: one result per change, in
// the order of the request.
type PushResponse struct {
	Results []Result `json:"results"`
}

// RecordState is the server's current state of one record, as pull and
// review return it.
type RecordState struct {
	Kind     data.Kind `json:"kind"`
	RecordID string    `json:"record_id"`
	Revision int64     `json:"revision"`
	// Deleted reports a tombstone, or a record that the caller may no
	// longer see (an event that stopped being public). The client removes
	// its copy.
	Deleted bool `json:"deleted"`
	// Record is the record's JSON with its Meta; it is absent when Deleted
	// is true.
	Record json.RawMessage `json:"record,omitempty"`
}

// PullResponse is the body of GET /api/v1/changes?cursor=C&limit=N.
type PullResponse struct {
	// Records holds the current state of the records written after the
	// cursor, oldest write first. A record appears once per page, at its
	// latest write.
	Records []RecordState `json:"records"`
	// NextCursor is the cursor for the next pull. It is opaque: clients
	// store it and send it back unchanged. Resuming from any cursor the
	// server returned gives every later write once.
	NextCursor string `json:"next_cursor"`
	// More reports that more records are waiting; pull again at once.
	More bool `json:"more"`
}

// ReviewRequest is the body of POST /api/v1/review/{id}, the coordinator's
// decision on a practice case.
type ReviewRequest struct {
	// Status is the case's new status: submitted, returned, approved or
	// published.
	Status data.CaseStatus `json:"status"`
	// Comment is a general comment of at most MaxReviewComment runes.
	Comment string `json:"comment,omitempty"`
	// SectionComments maps section names (summary, goals, activities,
	// methods, results, recommendations, references) to comments.
	SectionComments map[string]string `json:"section_comments,omitempty"`
	// BaseRevision, when not 0, is the case revision the coordinator
	// reviewed. The server returns 409 if the case changed since.
	BaseRevision int64 `json:"base_revision,omitempty"`
}

// ReviewStatuses lists the statuses a review may set. Draft and ready are
// the association's own stages.
var ReviewStatuses = []data.CaseStatus{data.CaseSubmitted, data.CaseReturned, data.CaseApproved, data.CasePublished}

// ProblemContentType is the media type of error bodies (RFC 9457).
const ProblemContentType = "application/problem+json"

// Problem is an error body (RFC 9457 problem details).
type Problem struct {
	// Type is one of the Problem* URIs, so clients can branch on it.
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// RequestID repeats the X-Request-Id header, to quote when reporting.
	RequestID string `json:"request_id,omitempty"`
	// Current is the server's record when a review hits a conflict.
	Current json.RawMessage `json:"current,omitempty"`
}

// Problem types. They are URNs rather than web addresses because no page
// describes them; the title and detail are for people.
const (
	ProblemBadRequest       = "urn:partneryste:problem:bad-request"
	ProblemUnauthorized     = "urn:partneryste:problem:unauthorized"
	ProblemForbidden        = "urn:partneryste:problem:forbidden"
	ProblemNotFound         = "urn:partneryste:problem:not-found"
	ProblemMethodNotAllowed = "urn:partneryste:problem:method-not-allowed"
	ProblemConflict         = "urn:partneryste:problem:conflict"
	ProblemTooLarge         = "urn:partneryste:problem:body-too-large"
	ProblemUnsupportedMedia = "urn:partneryste:problem:unsupported-media-type"
	ProblemInvalid          = "urn:partneryste:problem:invalid"
	ProblemRateLimited      = "urn:partneryste:problem:rate-limited"
	ProblemInternal         = "urn:partneryste:problem:internal"
)

// Error returns the title and detail, so a Problem can be returned as an
// error by clients.
func (p *Problem) Error() string {
	if p.Detail == "" {
		return p.Title
	}
	return p.Title + ": " + p.Detail
}
