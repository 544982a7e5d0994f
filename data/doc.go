// Package data is the domain of Partnerystė: the records an association
// keeps (events, practice cases, consultations), their validation, search
// folding and Lithuanian collation, and the interfaces that the UI and the
// headless commands use to reach storage.
//
// The package imports no Fyne and no storage engine. Each technology lives
// in its own subpackage (boltstore for the local bbolt file, jsonio for the
// JSON import and export format, sample for the sample data set), and only
// the program's entry point wires them together.
package data
