package ui

import "testing"

func TestBaseField_stripsIndexes(t *testing.T) {
	cases := map[string]string{
		"title":          "title",
		"authors.0.name": "authors.name",
		"authors.12":     "authors",
		"levels.3":       "levels",
	}
	for in, want := range cases {
		if got := baseField(in); got != want {
			t.Errorf("baseField(%q) = %q, want %q", in, got, want)
		}
	}
}
