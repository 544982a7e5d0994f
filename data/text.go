package data

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form that search compares: lower case, with
// diacritics removed, so that "ziniu" finds "žinių" and "ZINIU" finds it too.
func Fold(s string) string {
	folded, _, err := transform.String(foldChain(), s)
	if err != nil {
		// None of the chain's transformers reports errors for text, so this
		// is a safety net: search still works on the lower-cased text.
		return strings.ToLower(s)
	}
	return folded
}

// foldChain builds a new transformer each time because transform chains
// keep state and are not safe for concurrent use.
func foldChain() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), runes.Map(unicode.ToLower), norm.NFC)
}

// MatchFolded reports whether every word of the folded query occurs in the
// folded text. An empty query matches everything.
func MatchFolded(foldedText, foldedQuery string) bool {
	for _, word := range strings.Fields(foldedQuery) {
		if !strings.Contains(foldedText, word) {
			return false
		}
	}
	return true
}

// collators are pooled because a collate.Collator keeps buffers and is not
// safe for concurrent use.
var collators = sync.Pool{New: func() any {
	return collate.New(language.Lithuanian, collate.IgnoreCase)
}}

// CompareLT compares two strings in Lithuanian collation: y sorts with i,
// č after c, š after s, ž after z, and case is ignored.
func CompareLT(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(a, b)
}

// SortKeyLT returns a byte key whose order is the Lithuanian collation of s,
// for sorting many strings without comparing them pairwise.
func SortKeyLT(s string) []byte {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	return append([]byte(nil), c.KeyFromString(&buf, s)...)
}
