package server

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"partneryste/data"
	"partneryste/data/wire"
)

// Store is the server's storage. The handlers hold the protocol's rules and
// reach storage only through this interface, so that a deployment could
// replace the bbolt implementation (data/serverstore) with a database
// server. Implementations must be safe for concurrent use.
type Store interface {
	// Update runs fn in one read-write transaction and commits it when fn
	// returns nil; any error rolls back every write fn made.
	Update(ctx context.Context, fn func(tx Tx) error) error
	// Changes calls fn with the current state of each record written after
	// the sequence number after, in sequence order, until fn returns false
	// or an error. Each record appears once, at its latest write. The
	// record's Body is valid only during the call: copy it to keep it.
	Changes(ctx context.Context, after uint64, fn func(rec StoredRecord) (bool, error)) error
	// LastSeq returns the sequence number of the latest write, or 0.
	LastSeq(ctx context.Context) (uint64, error)

	// AddAssociation stores a new association. It returns ErrExists if the
	// id is taken.
	AddAssociation(ctx context.Context, a Association) error
	// Association returns one association, or ErrNotFound.
	Association(ctx context.Context, id string) (Association, error)
	// Associations returns every association sorted by id.
	Associations(ctx context.Context) ([]Association, error)

	// AddToken stores a token's hash and metadata. It returns ErrExists if
	// the id or the hash is taken.
	AddToken(ctx context.Context, t Token) error
	// TokenByHash returns the token with the given SHA-256 hash, revoked or
	// not, or ErrNotFound.
	TokenByHash(ctx context.Context, hash [32]byte) (Token, error)
	// Tokens returns every token sorted by creation time.
	Tokens(ctx context.Context) ([]Token, error)
	// RevokeToken marks a token revoked at the given time. It returns
	// ErrNotFound for an unknown id; revoking twice keeps the first time.
	RevokeToken(ctx context.Context, id string, at time.Time) error

	// Close releases the storage.
	Close() error
}

// Tx is one read-write transaction of Store.Update.
type Tx interface {
	// Record returns the stored state of one record, tombstones included,
	// and false if the server never had it. The returned Body stays valid
	// after the transaction.
	Record(kind data.Kind, id string) (StoredRecord, bool, error)
	// PutRecord writes rec, assigns it the next global sequence number
	// (rec.Seq is set on return) and moves the record's entry in the
	// sequence index to that number.
	PutRecord(rec *StoredRecord) error
	// Result returns the stored result of an association's change id, and
	// false if that change was never applied.
	Result(association, changeID string) (wire.Result, bool, error)
	// PutResult stores the result of an association's change id.
	PutResult(association, changeID string, res wire.Result) error
}

// StoredRecord is a record as the server keeps it: the record's JSON and the
// bookkeeping that pull uses to decide who may see it without decoding the
// JSON.
type StoredRecord struct {
	Kind        data.Kind
	ID          string
	Association string
	Revision    int64
	// Seq is the global sequence number of the record's latest write.
	Seq     uint64
	Deleted bool
	// Public reports a record that every association may read: a public
	// event that is not deleted.
	Public bool
	// WasPublic reports a record that was public at some earlier write, so
	// that other associations learn when it stops being public.
	WasPublic bool
	// Body is the record's JSON with its Meta (the Revision and Deleted in
	// it match the fields above).
	Body json.RawMessage
}

// Association is a teachers' association known to the server.
type Association struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// Token is a bearer token's metadata. The token itself is never stored: only
// its SHA-256 hash.
type Token struct {
	// ID is a short public id that logs and the admin commands use.
	ID   string    `json:"id"`
	Role wire.Role `json:"role"`
	// Name is the holder's display name, which a review stores as its
	// reviewer. Tokens issued before names existed have none.
	Name string `json:"name,omitempty"`
	// Association is the association an association token acts for; it is
	// empty for a coordinator token.
	Association string    `json:"association,omitempty"`
	Hash        [32]byte  `json:"hash"`
	Created     time.Time `json:"created"`
	// Revoked is the time the token was revoked, or zero.
	Revoked time.Time `json:"revoked,omitzero"`
}

// Errors returned by Store implementations. Callers match them with
// errors.Is.
var (
	// ErrNotFound is returned for an unknown association or token.
	ErrNotFound = errors.New("not found")
	// ErrExists is returned when an id is already taken.
	ErrExists = errors.New("already exists")
)
