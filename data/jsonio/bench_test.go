package jsonio_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"partneryste/data"
	"partneryste/data/jsonio"
	"partneryste/data/sample"
)

// BenchmarkDecode_sample decodes and validates the sample data set
// (61 records, about 110 KB).
func BenchmarkDecode_sample(b *testing.B) {
	raw := sample.JSON()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := jsonio.Decode(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode_largeCases decodes 200 practice cases whose seven
// sections hold about 5,000 runes each: 7.7 MB of Lithuanian text.
func BenchmarkDecode_largeCases(b *testing.B) {
	f := &jsonio.File{Format: jsonio.Format, Version: jsonio.Version}
	section := strings.Repeat("Mokiniai tyrinėja žolynus ir užrašo stebėjimus. ", 5000/49)
	for i := range 200 {
		c := data.PracticeCase{
			Meta:    data.Meta{ID: fmt.Sprintf("case-%03d", i)},
			Title:   fmt.Sprintf("Gerosios patirties aprašas Nr. %d", i),
			Authors: []data.Author{{Name: "Rūta Žemaitė", School: "Kauno progimnazija"}},
			Subject: "Biologija", Status: data.CaseSubmitted,
		}
		for _, s := range c.Sections() {
			*s.Text = section
		}
		f.PracticeCases = append(f.PracticeCases, c)
	}
	var buf bytes.Buffer
	if err := jsonio.Write(&buf, f); err != nil {
		b.Fatal(err)
	}
	raw := buf.Bytes()

	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := jsonio.Decode(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}
