// Package boltstore is the local record store of Partnerystė: one bbolt file
// per association profile that implements data.Store and data.Backupper.
//
// File layout (schema version 2):
//
//   - "meta": the format marker, the schema version and the profile.
//   - "event", "practice", "consultation": records as JSON keyed by id.
//     A deleted record stays as a tombstone until its delete is acknowledged.
//   - "index.<kind>": one compact binary entry per record, holding the folded
//     search text, sort and filter fields and the acknowledged revision, so
//     that Open fills the in-memory index without decoding any record.
//   - "outbox": changes waiting for sync, keyed by the bucket's big-endian
//     NextSequence, so a cursor walks them in the order they were made.
//
// Every Save and Delete writes the record, its index entry and its outbox
// entry in one transaction.
package boltstore
