// Package sample holds the sample data set that a new user can load to see
// Partnerystė at work: a school year of events, good-practice cases and a
// consultation log of a fictional association of science and mathematics
// teachers. Every person, school, address and link in it is made up, and
// links point to example.lt and example.org.
package sample

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"

	"partneryste/data"
	"partneryste/data/boltstore"
	"partneryste/data/jsonio"
)

// AssociationName is the name of the fictional association that owns the
// sample data. Load gives it to a store whose profile has no name yet.
const AssociationName = "Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija"

//go:generate go run ./internal/gen -o sample.json

//go:embed sample.json
var sampleJSON []byte

// JSON returns the sample data set in the JSON import format. The caller
// gets its own copy and may change it.
func JSON() []byte {
	return append([]byte(nil), sampleJSON...)
}

// LocalSaver is implemented by stores that can keep a record on this
// computer only, never sending it to the coordinator's server.
// *boltstore.DB implements it.
type LocalSaver interface {
	// SaveLocalOnly saves r as Save does, without queueing it to send.
	SaveLocalOnly(r data.Record) error
}

// Load imports the sample data set into s with jsonio.Decode and
// jsonio.Import. The records keep their ids ("sample-event-01" and so on),
// so loading the sample again updates those records instead of adding
// copies, and records the user has added are left alone. When the store's
// profile has no name yet, it takes AssociationName; a name the user has
// set is kept.
//
// The records are saved local-only through s's LocalSaver, so that demo
// records never reach the coordinator's server, even after the user edits
// them. Load returns an error, and writes nothing, when s is not a
// LocalSaver.
func Load(s data.Store) (jsonio.Result, error) {
	local, ok := s.(LocalSaver)
	if !ok {
		return jsonio.Result{}, fmt.Errorf("load sample data: store %T cannot keep records local-only", s)
	}
	f, err := jsonio.Decode(bytes.NewReader(sampleJSON))
	if err != nil {
		return jsonio.Result{}, fmt.Errorf("decode sample data: %w", err)
	}

	// Import names the profile from the file only when the store has no
	// name, which is the rule for the sample too.
	res, err := jsonio.Import(localStore{Store: s, local: local}, f)
	if err != nil {
		return res, fmt.Errorf("import sample data: %w", err)
	}
	return res, nil
}

// localStore is a data.Store whose Save keeps records local-only.
type localStore struct {
	data.Store
	local LocalSaver
}

// Save saves r local-only. A record that the server may already have,
// from a sample that an older version queued and sent, is saved as usual,
// so an unchanged one writes nothing and a changed one is queued.
func (l localStore) Save(r data.Record) error {
	err := l.local.SaveLocalOnly(r)
	if errors.Is(err, boltstore.ErrAlreadySent) {
		return l.Store.Save(r)
	}
	return err
}
