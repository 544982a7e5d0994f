package boltstore

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"partneryste/data"
)

// TestSearchMatchesFullScan checks that the index (distinct words plus
// trigram filter) finds exactly what data.MatchFolded finds when it scans
// each record's whole folded SearchText.
func TestSearchMatchesFullScan(t *testing.T) {
	s := mustOpen(t)
	rng := rand.New(rand.NewPCG(3, 5))
	var cases []*data.PracticeCase
	for i := range 150 {
		c := benchCase(rng, i)
		c.Activities = strings.ToUpper(c.Goals) + " Žinių, „kabutės“ ir skyryba. " + c.Activities
		mustSave(t, s, c)
		cases = append(cases, c)
	}

	queries := []string{"", "z", "zi", "ziniu", "ŽINIŲ,", "„kabutes“", "skyryba.", "nerasite", "ziniu nerasite", "a b", "mokiniu vertinimo"}
	for range 200 {
		c := cases[rng.IntN(len(cases))]
		fields := strings.Fields(data.Fold(c.SearchText()))
		word := fields[rng.IntN(len(fields))]
		from := rng.IntN(len(word))
		to := from + 1 + rng.IntN(len(word)-from)
		query := word[from:to]
		if rng.IntN(3) == 0 {
			query += " " + fields[rng.IntN(len(fields))]
		}
		queries = append(queries, query)
	}

	texts := make([]string, len(cases))
	for i, c := range cases {
		texts[i] = data.Fold(c.SearchText())
	}
	for _, query := range queries {
		var want []string
		folded := data.Fold(query)
		for i, c := range cases {
			if data.MatchFolded(texts[i], folded) {
				want = append(want, c.ID)
			}
		}
		found, err := s.PracticeCases(data.CaseFilter{Query: query})
		if err != nil {
			t.Fatalf("PracticeCases(%q): %v", query, err)
		}
		var got []string
		for _, c := range found {
			got = append(got, c.ID)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("PracticeCases(%q) found %d cases, a full scan finds %d", query, len(got), len(want))
		}
	}
}

func TestFilterHasNoFalseNegatives(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for trial := range 100 {
		text := uniqueWords(data.Fold(benchText(rng, 50+rng.IntN(8000))))
		filter := newFilter(text)
		for _, word := range strings.Fields(text) {
			if !mayContain(filter, queryTrigrams(word)) {
				t.Fatalf("trial %d: filter of %d bytes rejects %q that the text contains", trial, len(filter), word)
			}
		}
	}
}

func TestFoldWordsMatchesFoldThenUnique(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for range 50 {
		text := benchText(rng, 2000) + " ŽINIŲ Žinių žinių, Ąžuolas ąžuolas"
		if got, want := foldWords(text), uniqueWords(data.Fold(text)); got != want {
			t.Fatalf("foldWords = %q, want %q", got, want)
		}
	}
	edges := []string{
		"",
		"   \t\n ",
		"ASCII Only words, Mixed-Case 123",
		"e\u0301 \u0301 \u0301\u0301 ė ė",
		"Привет МИР Ελληνικά ΣΟΦΙΑ",
		"İstanbul ǅemal ﬁnal ß ẞ",
		"emoji 🙂 tab\tsep\u00a0nbsp\u2003em",
		"\xff\xfe invalid utf8 Ž\xff",
	}
	for _, text := range edges {
		if got, want := foldWords(text), uniqueWords(data.Fold(text)); got != want {
			t.Errorf("foldWords(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestUniqueWords(t *testing.T) {
	got := uniqueWords("  žinių  vertinimas\nžinių\tpamoka vertinimas ")
	if want := "žinių vertinimas pamoka"; got != want {
		t.Errorf("uniqueWords = %q, want %q", got, want)
	}
}
