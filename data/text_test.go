package data

import (
	"slices"
	"testing"
)

func TestFold_diacriticsAndCase(t *testing.T) {
	cases := map[string]string{
		"Žinių":                 "ziniu",
		"ĄČĘĖĮŠŲŪŽ ąčęėįšųūž":   "aceeisuuz aceeisuuz",
		"Mokytojų asociacija":   "mokytoju asociacija",
		"plain ascii":           "plain ascii",
		"Šiaulių „Saulės“ mok.": "siauliu „saules“ mok.",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchFolded_allWords(t *testing.T) {
	text := Fold("Skaitmeninių žinių bankas mokytojams")
	if !MatchFolded(text, Fold("ziniu")) {
		t.Error(`"ziniu" did not match "žinių"`)
	}
	if !MatchFolded(text, Fold("BANKAS skaitmeniniu")) {
		t.Error("two words in another order did not match")
	}
	if MatchFolded(text, Fold("ziniu matematika")) {
		t.Error("a query with an absent word matched")
	}
	if !MatchFolded(text, "") {
		t.Error("an empty query did not match")
	}
}

func TestCompareLT_lithuanianOrder(t *testing.T) {
	// "y" sorts as a variant of "i", so "ilgis" < "yra" but "yla" < "ilgis".
	got := []string{"žuvis", "zebras", "šuo", "saulė", "čiuožykla", "cukrus", "yra", "ilgis", "ieškoti", "jūra", "Ąžuolas", "ąsotis", "Bitė"}
	slices.SortFunc(got, CompareLT)
	want := []string{"ąsotis", "Ąžuolas", "Bitė", "cukrus", "čiuožykla", "ieškoti", "ilgis", "yra", "jūra", "saulė", "šuo", "zebras", "žuvis"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %q\nwant     %q", got, want)
	}
}
