// Package jsonio reads and writes the Partnerystė import and export file:
// one UTF-8 JSON object that carries an association's records.
//
//	{"format": "partneryste", "version": 1, "exported": "2026-03-11T08:00:00Z",
//	 "profile": {"association_id": "…", "name": "…"},
//	 "events": […], "practice_cases": […], "consultations": […]}
//
// Each record is the JSON of its data model type. Decode checks a file
// completely before anything is written. It reports every syntax error,
// unknown field, wrong type and invalid field at once, each with its line,
// as an *ImportError. Its codes are the data package's Code constants, so
// the desktop program and the headless commands can translate them.
package jsonio
