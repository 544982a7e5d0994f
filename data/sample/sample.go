// Package sample holds the sample data set that a new user can load to see
// Partnerystė at work: a school year of events, good-practice cases and a
// consultation log of a fictional association of science and mathematics
// teachers. Every person, school, address and link in it is made up, and
// links point to example.lt and example.org.
package sample

import (
	"bytes"
	_ "embed"
	"fmt"

	"partneryste/data"
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

// Load imports the sample data set into s with jsonio.Decode and
// jsonio.Import. The records keep their ids ("sample-event-01" and so on),
// so loading the sample again updates those records instead of adding
// copies, and records the user has added are left alone. When the store's
// profile has no name yet, it takes AssociationName; a name the user has
// set is kept.
func Load(s data.Store) (jsonio.Result, error) {
	f, err := jsonio.Decode(bytes.NewReader(sampleJSON))
	if err != nil {
		return jsonio.Result{}, fmt.Errorf("decode sample data: %w", err)
	}

	// Import names the profile from the file only when the store has no
	// name, which is the rule for the sample too.
	res, err := jsonio.Import(s, f)
	if err != nil {
		return res, fmt.Errorf("import sample data: %w", err)
	}
	return res, nil
}
