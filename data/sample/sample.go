// Package sample holds the sample data set that a new user can load to see
// Partnerystė at work: a school year of events, good-practice cases and a
// consultation log of a fictional association of science and mathematics
// teachers. Every person, school, address and link in it is made up, and
// links point to example.lt and example.org.
package sample

import (
	_ "embed"
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
