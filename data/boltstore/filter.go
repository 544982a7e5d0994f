package boltstore

import (
	"math/bits"
	"strings"
)

// A trigram filter is a bit set with one bit set for every three-byte
// sequence inside a word of a record's folded text. A query word whose
// trigrams are not all set cannot occur in the text, so search skips the
// text without scanning it. A set bit may be a hash collision, so search
// confirms every pass with data.MatchFolded.
//
// The set has at least four bits per distinct trigram up to maxFilterBits.
// So at most about a quarter of its bits are set, and a six-trigram word
// passes a text that lacks it with an estimated probability near 0.25^6.
// Longer texts reach the cap and get a denser set.
const (
	minFilterBits = 64
	maxFilterBits = 8192
)

func trigramHash(a, b, c byte) uint32 {
	h := uint32(2166136261)
	for _, x := range [3]byte{a, b, c} {
		h = (h ^ uint32(x)) * 16777619
	}
	return h
}

// trigrams calls fn with the hash of every trigram inside the words of s.
func trigrams(s string, fn func(uint32)) {
	for _, word := range strings.Fields(s) {
		for i := 0; i+3 <= len(word); i++ {
			fn(trigramHash(word[i], word[i+1], word[i+2]))
		}
	}
}

// newFilter builds the trigram filter of a folded text. It sizes the set
// by the number of trigrams counted with repeats, which only overestimates
// the distinct ones, and so keeps at least the density promised above.
func newFilter(folded string) []byte {
	count := 0
	trigrams(folded, func(uint32) { count++ })
	size := max(minFilterBits, min(maxFilterBits, 1<<bits.Len(uint(4*count))))
	filter := make([]byte, size/8)
	mask := uint32(size - 1)
	trigrams(folded, func(h uint32) {
		bit := h & mask
		filter[bit/8] |= 1 << (bit % 8)
	})
	return filter
}

// queryTrigrams returns the trigram hashes of a folded query.
func queryTrigrams(foldedQuery string) []uint32 {
	var hashes []uint32
	trigrams(foldedQuery, func(h uint32) { hashes = append(hashes, h) })
	return hashes
}

// mayContain reports whether every query trigram has its bit set. An
// empty filter, from an entry written without one, passes everything.
func mayContain(filter []byte, hashes []uint32) bool {
	if len(filter) == 0 {
		return true
	}
	mask := uint32(len(filter)*8 - 1)
	for _, h := range hashes {
		bit := h & mask
		if filter[bit/8]&(1<<(bit%8)) == 0 {
			return false
		}
	}
	return true
}
