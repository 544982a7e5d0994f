package ical

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"partneryste/data"
)

// benchmarkEvents returns n timed events spread over a year, each with a
// description of about 500 characters.
func benchmarkEvents(n int) []data.Event {
	events := make([]data.Event, n)
	for i := range events {
		start := vilnius(2026, 1, 1+i%365, 9+i%8, 0)
		events[i] = data.Event{
			Meta:  data.Meta{ID: fmt.Sprintf("bench-%04d", i)},
			Title: fmt.Sprintf("Renginys nr. %d: ąčęėįšųūž", i), Type: data.EventSeminar,
			Start: start.UTC(), End: start.Add(90 * time.Minute).UTC(),
			Place: "Vilnius, Gedimino pr. 1", Description: string(bytes.Repeat([]byte("Žąsų ganymas, šešėliai; ūkas. "), 17)),
		}
	}
	return events
}

func BenchmarkExportICS_1000(b *testing.B) {
	events := benchmarkEvents(1000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := ExportICS(&buf, events); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/file")
}

func BenchmarkImportICS_1000(b *testing.B) {
	var buf bytes.Buffer
	if err := ExportICS(&buf, benchmarkEvents(1000)); err != nil {
		b.Fatal(err)
	}
	raw := buf.Bytes()
	for b.Loop() {
		events, problems, err := ImportICS(bytes.NewReader(raw))
		if err != nil || len(problems) > 0 || len(events) != 1000 {
			b.Fatalf("%d events, %v %v", len(events), problems, err)
		}
	}
}
