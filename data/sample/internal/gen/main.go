// Command gen writes data/sample/sample.json, the sample data set that new
// users load to see the program at work. The texts live in Go source so that
// long Lithuanian sections stay readable and the JSON escaping is done by
// encoding/json.
//
// Run it from data/sample with go generate, or directly:
//
//	go run ./internal/gen -o sample.json
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"partneryste/data"
)

// AssociationName is the fictional association that owns the sample data.
const AssociationName = "Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija"

// exported is the fixed export time, so that regenerating gives the same bytes.
var exported = time.Date(2026, time.December, 4, 8, 0, 0, 0, time.UTC)

// file is the import format that data/jsonio reads.
type file struct {
	Format        string         `json:"format"`
	Version       int            `json:"version"`
	Exported      time.Time      `json:"exported"`
	Profile       data.Profile   `json:"profile"`
	Events        []event        `json:"events"`
	PracticeCases []practiceCase `json:"practice_cases"`
	Consultations []consultation `json:"consultations"`
}

// event mirrors data.Event without the store's bookkeeping, so that the file
// carries only the id and the fields a user edits.
type event struct {
	ID              string         `json:"id"`
	Title           string         `json:"title"`
	Type            data.EventType `json:"type"`
	AllDay          bool           `json:"all_day"`
	Start           time.Time      `json:"start,omitzero"`
	End             time.Time      `json:"end,omitzero"`
	StartDate       data.Date      `json:"start_date,omitzero"`
	EndDate         data.Date      `json:"end_date,omitzero"`
	Place           string         `json:"place"`
	OnlineURL       string         `json:"online_url"`
	Description     string         `json:"description"`
	Audience        string         `json:"audience"`
	RegistrationURL string         `json:"registration_url"`
	Public          bool           `json:"public"`
}

// practiceCase mirrors data.PracticeCase without the store's bookkeeping.
type practiceCase struct {
	ID              string                `json:"id"`
	Title           string                `json:"title"`
	Authors         []data.Author         `json:"authors"`
	Subject         string                `json:"subject"`
	Levels          []data.EducationLevel `json:"levels"`
	Grades          string                `json:"grades"`
	Keywords        []string              `json:"keywords"`
	Summary         string                `json:"summary"`
	Goals           string                `json:"goals"`
	Activities      string                `json:"activities"`
	Methods         string                `json:"methods"`
	Results         string                `json:"results"`
	Recommendations string                `json:"recommendations"`
	References      string                `json:"references"`
	Licence         string                `json:"licence"`
	Status          data.CaseStatus       `json:"status"`
}

// consultation mirrors data.Consultation without the store's bookkeeping.
type consultation struct {
	ID          string                  `json:"id"`
	Date        data.Date               `json:"date"`
	DurationMin int                     `json:"duration_min"`
	Format      data.ConsultationFormat `json:"format"`
	Topic       string                  `json:"topic"`
	Category    string                  `json:"category"`
	Requester   data.Requester          `json:"requester"`
	Question    string                  `json:"question"`
	Answer      string                  `json:"answer"`
	Consultant  string                  `json:"consultant"`
	Status      data.ConsultationStatus `json:"status"`
	FollowUp    data.Date               `json:"follow_up,omitzero"`
}

func main() {
	out := flag.String("o", "sample.json", "path of the JSON file to write")
	flag.Parse()

	b, err := render()
	if err != nil {
		slog.Error("render sample data", "err", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		slog.Error("write sample data", "path", *out, "err", err)
		os.Exit(1)
	}
}

// render returns the sample file as indented JSON with a final newline.
func render() ([]byte, error) {
	f := file{
		Format:   "partneryste",
		Version:  1,
		Exported: exported,
		Profile: data.Profile{
			AssociationID: "sample-association",
			Name:          AssociationName,
		},
		Events:        events(),
		PracticeCases: practiceCases(),
		Consultations: consultations(),
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// URLs carry "&", which the default HTML escaping would turn into
	// \u0026 and make the file harder to read and edit by hand.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode sample file: %w", err)
	}
	return buf.Bytes(), nil
}

// paragraphs joins paragraphs with a blank line, the way the editor and the
// publication separate them.
func paragraphs(ps ...string) string {
	return strings.Join(ps, "\n\n")
}

// at returns the instant of a wall-clock time in Europe/Vilnius. The time
// keeps the Vilnius location, so encoding/json writes it with the offset in
// force that day: +02:00 in winter and +03:00 in summer.
func at(year int, month time.Month, day, hour, minute int) time.Time {
	return time.Date(year, month, day, hour, minute, 0, 0, data.Vilnius)
}

// day returns a civil date.
func day(year int, month time.Month, d int) data.Date {
	return data.Date{Year: year, Month: month, Day: d}
}
