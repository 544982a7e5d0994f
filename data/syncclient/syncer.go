package syncclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/wire"
)

// Store is the local side of sync; *boltstore.DB implements it.
type Store interface {
	NextPush(max int) ([]boltstore.Change, error)
	RecordPushResults(sent []boltstore.Change, results []wire.Result) (boltstore.PushOutcome, error)
	ApplyPull(page wire.PullResponse) (boltstore.PullOutcome, error)
	SyncState() (boltstore.SyncState, error)
	RecordSyncSuccess(at time.Time) error
	RecordSyncFailure(at time.Time, message string) error
}

var _ Store = (*boltstore.DB)(nil)

// NameStore is a Store that also keeps the network's directory of
// association names and the server's association id of its own records.
// When the Syncer's store implements it, each sync fetches the directory
// after the pull and stores it.
type NameStore interface {
	SaveAssociationNames(names map[string]string, own string) error
}

var _ NameStore = (*boltstore.DB)(nil)

// Phase is the step a sync is in.
type Phase string

// Phases of a sync, in order.
const (
	PhasePush Phase = "push"
	PhasePull Phase = "pull"
	PhaseDone Phase = "done"
)

// Progress is reported after every push batch and pull page.
type Progress struct {
	Phase Phase
	// Pushed is the number of changes the server has applied so far.
	Pushed int
	// Pulled is the number of pulled records written or removed so far.
	Pulled int
	// Conflicts and Rejected count the changes parked for the user so far.
	Conflicts int
	Rejected  int
}

// Report is the result of one sync.
type Report struct {
	// Pushed is the number of changes the server applied, and
	// Acknowledged the number of outbox entries that left the outbox
	// (older saves of the same record included).
	Pushed       int
	Acknowledged int
	// Conflicts is the number of new conflicts, and Rejected the number of
	// changes the server refused (403 or 422).
	Conflicts int
	Rejected  int
	// Pulled is the number of records written from the server, Removed the
	// number removed because the server deleted them, Kept the number left
	// alone because of local changes, and Skipped the number not
	// understood.
	Pulled  int
	Removed int
	Kept    int
	Skipped int
	// Associations is the number of associations in the directory stored
	// by this sync, or 0 when it was not fetched.
	Associations int
	// Requests is the number of push and pull requests that succeeded.
	Requests int
	Started  time.Time
	Finished time.Time
}

// SyncOptions configure a Syncer.
type SyncOptions struct {
	// BatchSize is the maximum number of changes per push; zero means
	// wire.MaxChanges.
	BatchSize int
	// MaxBatchBytes is the body size above which a push batch is split in
	// two. Zero means 16 MiB, half the server's default body limit of
	// 32 MiB. A server with a smaller limit returns 413, and the batch is
	// split then.
	MaxBatchBytes int
	// PullLimit is the page size asked for; zero leaves it to the server.
	PullLimit int
	// Logger receives the summary of each sync; nil means slog.Default().
	Logger *slog.Logger
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// Syncer runs syncs of one store with one server. Its Sync is not meant to
// run twice at once on one store; the UI and the sync command run one at a
// time.
type Syncer struct {
	client *Client
	store  Store
	opts   SyncOptions
	log    *slog.Logger
}

// NewSyncer returns a Syncer that syncs store through client.
func NewSyncer(client *Client, store Store, opts SyncOptions) *Syncer {
	if opts.BatchSize <= 0 || opts.BatchSize > wire.MaxChanges {
		opts.BatchSize = wire.MaxChanges
	}
	if opts.MaxBatchBytes <= 0 {
		opts.MaxBatchBytes = 16 << 20
	}
	if opts.PullLimit < 0 || opts.PullLimit > wire.MaxPullLimit {
		opts.PullLimit = 0
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Syncer{client: client, store: store, opts: opts, log: opts.Logger}
}

// TestConnection returns the role and association of the client's token.
func (s *Syncer) TestConnection(ctx context.Context) (wire.WhoAmIResponse, error) {
	return s.client.WhoAmI(ctx)
}

// maxPushRounds bounds the push loop. Each round settles every change it
// sends, so the loop ends after about two rounds per outbox batch. The
// bound only guards against a store that keeps returning changes.
const maxPushRounds = 10000

// Sync pushes the outbox in batches of at most wire.MaxChanges, oldest
// first, records every result, then pulls pages from the stored cursor
// until the server has no more, and records the time of success. A
// failure is recorded with its message, and everything done before it
// stays done: applied changes are acknowledged and pulled pages and their
// cursor are committed, so the next sync continues from there. progress
// may be nil.
func (s *Syncer) Sync(ctx context.Context, progress func(Progress)) (Report, error) {
	report := Report{Started: s.opts.Now()}
	err := s.sync(ctx, &report, progress)
	report.Finished = s.opts.Now()
	if err != nil {
		if recErr := s.store.RecordSyncFailure(report.Finished, err.Error()); recErr != nil {
			s.log.Error("record sync failure", "err", recErr)
		}
		s.log.Warn("sync failed", "err", err, "pushed", report.Pushed, "pulled", report.Pulled)
		return report, err
	}
	if err := s.store.RecordSyncSuccess(report.Finished); err != nil {
		return report, fmt.Errorf("sync: %w", err)
	}
	s.log.Info("sync finished", "pushed", report.Pushed, "conflicts", report.Conflicts, "rejected", report.Rejected,
		"pulled", report.Pulled, "removed", report.Removed, "kept", report.Kept, "skipped", report.Skipped,
		"duration", report.Finished.Sub(report.Started).String())
	return report, nil
}

func (s *Syncer) sync(ctx context.Context, report *Report, progress func(Progress)) error {
	notify := func(phase Phase) {
		if progress != nil {
			progress(Progress{Phase: phase, Pushed: report.Pushed, Pulled: report.Pulled + report.Removed,
				Conflicts: report.Conflicts, Rejected: report.Rejected})
		}
	}

	notify(PhasePush)
	for round := 0; ; round++ {
		if round == maxPushRounds {
			return fmt.Errorf("push: outbox still not empty after %d rounds", maxPushRounds)
		}
		batch, err := s.store.NextPush(s.opts.BatchSize)
		if err != nil {
			return fmt.Errorf("push: %w", err)
		}
		if len(batch) == 0 {
			break
		}
		if err := s.pushBatch(ctx, batch, report); err != nil {
			return err
		}
		notify(PhasePush)
	}

	notify(PhasePull)
	state, err := s.store.SyncState()
	if err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	cursor := state.Cursor
	for {
		page, err := s.client.Pull(ctx, cursor, s.opts.PullLimit)
		if err != nil {
			return err
		}
		report.Requests++
		outcome, err := s.store.ApplyPull(page)
		if err != nil {
			return fmt.Errorf("pull: %w", err)
		}
		report.Pulled += outcome.Written
		report.Removed += outcome.Removed
		report.Kept += outcome.Kept
		report.Skipped += outcome.Skipped
		notify(PhasePull)
		if !page.More {
			break
		}
		if page.NextCursor == cursor {
			return &RequestError{Op: "pull", Kind: ErrProtocol, Status: http.StatusOK,
				Cause: fmt.Errorf("more records announced but the cursor %q did not move", cursor)}
		}
		cursor = page.NextCursor
	}
	s.refreshNames(ctx, report)
	notify(PhaseDone)
	return nil
}

// refreshNames fetches the directory of associations and stores it, when
// the store keeps one. The names only label records, so a failure is
// logged and leaves the stored directory as it was rather than failing a
// sync whose push and pull succeeded. A server older than the directory
// returns 404, which is logged at Info.
func (s *Syncer) refreshNames(ctx context.Context, report *Report) {
	names, ok := s.store.(NameStore)
	if !ok {
		return
	}
	dir, err := s.client.Associations(ctx)
	var reqErr *RequestError
	switch {
	case errors.As(err, &reqErr) && reqErr.Status == http.StatusNotFound:
		s.log.Info("the server lists no associations; keeping the stored names")
		return
	case err != nil:
		s.log.Warn("fetching the association directory failed; keeping the stored names", "err", err)
		return
	}
	report.Requests++
	directory := make(map[string]string, len(dir.Associations))
	for _, a := range dir.Associations {
		directory[a.ID] = a.Name
	}
	if err := names.SaveAssociationNames(directory, dir.Caller); err != nil {
		s.log.Error("storing the association directory failed", "err", err)
		return
	}
	report.Associations = len(directory)
}

// pushBatch sends batch and records the results. A batch whose body passes
// MaxBatchBytes, or that the server rejects with 413, is split in halves.
// A single change that is too large for the server is recorded as a
// rejection, so it stays in the outbox and the rest of the sync goes on.
func (s *Syncer) pushBatch(ctx context.Context, batch []boltstore.Change, report *Report) error {
	changes := make([]wire.Change, len(batch))
	size := 0
	for i, c := range batch {
		wc, err := toWire(c)
		if err != nil {
			return fmt.Errorf("push: %w", err)
		}
		changes[i] = wc
		size += len(wc.Record) + 256
	}
	if size > s.opts.MaxBatchBytes && len(batch) > 1 {
		return s.pushHalves(ctx, batch, report)
	}

	resp, err := s.client.Push(ctx, changes)
	var reqErr *RequestError
	tooLarge := errors.As(err, &reqErr) && reqErr.Status == http.StatusRequestEntityTooLarge
	switch {
	case tooLarge && len(batch) > 1:
		s.log.Info("push batch too large for the server; splitting", "changes", len(batch))
		return s.pushHalves(ctx, batch, report)
	case tooLarge:
		s.log.Warn("change too large for the server", "kind", batch[0].Kind, "record", batch[0].RecordID, "bytes", len(changes[0].Record))
		resp.Results = []wire.Result{{ChangeID: batch[0].ChangeID, Status: http.StatusRequestEntityTooLarge,
			Error: fmt.Sprintf("the record (%d bytes of JSON) is larger than the server accepts", len(changes[0].Record))}}
	case err != nil:
		return err
	default:
		report.Requests++
	}
	outcome, err := s.store.RecordPushResults(batch, resp.Results)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	report.Pushed += outcome.Applied
	report.Acknowledged += outcome.Acknowledged
	report.Conflicts += outcome.Conflicts
	report.Rejected += outcome.Rejected
	return nil
}

func (s *Syncer) pushHalves(ctx context.Context, batch []boltstore.Change, report *Report) error {
	half := len(batch) / 2
	if err := s.pushBatch(ctx, batch[:half], report); err != nil {
		return err
	}
	return s.pushBatch(ctx, batch[half:], report)
}

// toWire converts an outbox change to the protocol's change. The requester
// of a consultation is removed, because it is personal data that never
// leaves this machine.
func toWire(c boltstore.Change) (wire.Change, error) {
	wc := wire.Change{
		ChangeID:     c.ChangeID,
		Kind:         c.Kind,
		RecordID:     c.RecordID,
		Op:           wire.Op(c.Op),
		BaseRevision: c.BaseRevision,
	}
	if c.Op == boltstore.OpDelete {
		return wc, nil
	}
	record := c.Content
	if c.Kind == data.KindConsultation {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(c.Content, &fields); err != nil {
			return wire.Change{}, fmt.Errorf("decode consultation %s in the outbox: %w", c.RecordID, err)
		}
		delete(fields, "requester")
		stripped, err := json.Marshal(fields)
		if err != nil {
			return wire.Change{}, fmt.Errorf("encode consultation %s: %w", c.RecordID, err)
		}
		record = stripped
	}
	wc.Record = record
	return wc, nil
}
