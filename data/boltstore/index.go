package boltstore

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"partneryste/data"
)

// entry is one record's row in the index: what lists, filters and search
// need, so that they never decode a record they do not return. Which sort
// and filter fields are set depends on the kind.
type entry struct {
	ID       string
	Deleted  bool
	Revision int64
	// Acked is the highest revision whose change the server acknowledged.
	Acked   int64
	Created int64 // Unix nanoseconds
	Updated int64 // Unix nanoseconds
	// Folded holds the distinct words of data.Fold(SearchText), separated
	// by spaces. A query word has no spaces, so it occurs in the text
	// exactly when it occurs within one of its words, and data.MatchFolded
	// returns the same result on this shorter text.
	Folded string
	// Filter is the trigram filter of Folded; see newFilter.
	Filter []byte

	// SortKey is data.SortKeyLT of the title (practice cases) or topic
	// (consultations), and of the title for events as a tie-breaker.
	SortKey []byte
	// Start is an event's first instant in Unix nanoseconds; an all-day
	// event starts at midnight in Europe/Vilnius.
	Start int64
	// First and Last are an event's first and last day, or a
	// consultation's date in First.
	First, Last data.Date

	Title    string
	Subject  string
	Status   string
	Category string
	Levels   []string
	Authors  []string
}

// entryFormat is the first byte of an encoded entry, so that a later
// layout can be distinguished.
const entryFormat = 1

var errBadEntry = errors.New("invalid index entry")

// newEntry builds the index entry of r. r must be *data.Event,
// *data.PracticeCase or *data.Consultation.
func newEntry(r data.Record) *entry {
	e := contentEntry(r)
	e.setMeta(r.Header())
	return e
}

// setMeta copies the record's bookkeeping into the entry.
func (e *entry) setMeta(h *data.Meta) {
	e.ID = h.ID
	e.Deleted = h.Deleted
	e.Revision = h.Revision
	e.Created = h.Created.UnixNano()
	e.Updated = h.Updated.UnixNano()
}

// contentEntry builds the fields of r's index entry that depend on its
// content only, so Save can do the folding before it takes the write lock.
func contentEntry(r data.Record) *entry {
	e := &entry{Folded: foldWords(r.SearchText())}
	e.Filter = newFilter(e.Folded)
	switch rec := r.(type) {
	case *data.Event:
		e.Title = rec.Title
		e.SortKey = data.SortKeyLT(rec.Title)
		e.Status = string(rec.Type)
		e.First, e.Last = rec.FirstDay(), rec.LastDay()
		if rec.AllDay {
			e.Start = rec.StartDate.In(data.Vilnius).UnixNano()
		} else {
			e.Start = rec.Start.UnixNano()
		}
	case *data.PracticeCase:
		e.Title = rec.Title
		e.SortKey = data.SortKeyLT(rec.Title)
		e.Subject = rec.Subject
		e.Status = string(rec.Status)
		for _, level := range rec.Levels {
			e.Levels = append(e.Levels, string(level))
		}
		for _, author := range rec.Authors {
			e.Authors = append(e.Authors, author.Name)
		}
	case *data.Consultation:
		e.Title = rec.Topic
		e.SortKey = data.SortKeyLT(rec.Topic)
		e.Status = string(rec.Status)
		e.Category = rec.Category
		e.First = rec.Date
	case *data.Edition:
		e.Title = rec.Title
		e.SortKey = data.SortKeyLT(rec.Title)
		e.First = data.Date{Year: rec.Year, Month: 1, Day: 1}
	}
	return e
}

// foldWords returns uniqueWords(data.Fold(text)) at a fraction of the
// cost, because data.Fold's transform chain is slow on long texts. It
// folds each distinct word once, lower-cases ASCII words directly (which
// is what data.Fold does to them), and passes the other words to data.Fold
// in one call. This is exact because data.Fold maps each character on its
// own and keeps whitespace.
func foldWords(text string) string {
	fields := strings.Fields(text)
	seen := make(map[string]struct{}, len(fields))
	words := fields[:0]
	for _, word := range fields {
		if _, ok := seen[word]; !ok {
			seen[word] = struct{}{}
			words = append(words, word)
		}
	}

	var other []int
	for i, word := range words {
		if isASCII(word) {
			words[i] = strings.ToLower(word)
		} else {
			other = append(other, i)
		}
	}
	if len(other) > 0 {
		batch := make([]string, len(other))
		for k, i := range other {
			batch[k] = words[i]
		}
		folded := strings.Split(data.Fold(strings.Join(batch, "\n")), "\n")
		for k, i := range other {
			if len(folded) == len(other) {
				words[i] = folded[k]
			} else {
				words[i] = data.Fold(words[i])
			}
		}
	}

	// Words that differ only in case or diacritics fold to the same word,
	// and a word of combining marks only folds to nothing.
	clear(seen)
	var b strings.Builder
	b.Grow(len(text) / 2)
	for _, word := range words {
		if _, ok := seen[word]; ok || strings.TrimSpace(word) == "" {
			continue
		}
		seen[word] = struct{}{}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(word)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// uniqueWords returns the distinct whitespace-separated words of s in the
// order they first occur, joined by single spaces.
func uniqueWords(s string) string {
	fields := strings.Fields(s)
	seen := make(map[string]struct{}, len(fields))
	var b strings.Builder
	b.Grow(len(s) / 2)
	for _, word := range fields {
		if _, ok := seen[word]; ok {
			continue
		}
		seen[word] = struct{}{}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(word)
	}
	return b.String()
}

func (e *entry) summary() data.CaseSummary {
	s := data.CaseSummary{
		ID:       e.ID,
		Title:    e.Title,
		Subject:  e.Subject,
		Status:   data.CaseStatus(e.Status),
		Authors:  append([]string(nil), e.Authors...),
		Updated:  time.Unix(0, e.Updated).UTC(),
		Revision: e.Revision,
	}
	for _, level := range e.Levels {
		s.Levels = append(s.Levels, data.EducationLevel(level))
	}
	return s
}

func packDate(d data.Date) int64 { return int64(d.Year)*10000 + int64(d.Month)*100 + int64(d.Day) }

func unpackDate(n int64) data.Date {
	if n == 0 {
		return data.Date{}
	}
	return data.Date{Year: int(n / 10000), Month: time.Month(n / 100 % 100), Day: int(n % 100)}
}

// encode writes the entry as varints and length-prefixed strings, which
// decodes several times faster than JSON when Open loads every entry.
func (e *entry) encode() []byte {
	buf := make([]byte, 0, 64+len(e.ID)+len(e.Folded)+len(e.Filter)+len(e.SortKey)+len(e.Title))
	buf = append(buf, entryFormat)
	buf = appendString(buf, e.ID)
	deleted := int64(0)
	if e.Deleted {
		deleted = 1
	}
	for _, n := range []int64{deleted, e.Revision, e.Acked, e.Created, e.Updated, e.Start, packDate(e.First), packDate(e.Last)} {
		buf = binary.AppendVarint(buf, n)
	}
	for _, s := range []string{e.Folded, string(e.Filter), string(e.SortKey), e.Title, e.Subject, e.Status, e.Category} {
		buf = appendString(buf, s)
	}
	buf = appendStrings(buf, e.Levels)
	buf = appendStrings(buf, e.Authors)
	return buf
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

func appendStrings(buf []byte, list []string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(list)))
	for _, s := range list {
		buf = appendString(buf, s)
	}
	return buf
}

// decodeEntry parses an encoded entry. It copies every string, so the
// result stays valid after the transaction that read raw ends.
func decodeEntry(raw []byte) (*entry, error) {
	d := decoder{buf: raw}
	if len(raw) == 0 || raw[0] != entryFormat {
		return nil, fmt.Errorf("%w: unknown format", errBadEntry)
	}
	d.buf = d.buf[1:]

	e := &entry{ID: d.string()}
	var nums [8]int64
	for i := range nums {
		nums[i] = d.varint()
	}
	e.Deleted = nums[0] == 1
	e.Revision, e.Acked, e.Created, e.Updated, e.Start = nums[1], nums[2], nums[3], nums[4], nums[5]
	e.First, e.Last = unpackDate(nums[6]), unpackDate(nums[7])
	e.Folded = d.string()
	if filter := d.string(); filter != "" {
		e.Filter = []byte(filter)
	}
	if key := d.string(); key != "" {
		e.SortKey = []byte(key)
	}
	e.Title, e.Subject, e.Status, e.Category = d.string(), d.string(), d.string(), d.string()
	e.Levels = d.strings()
	e.Authors = d.strings()

	if d.err != nil {
		return nil, d.err
	}
	if len(d.buf) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", errBadEntry, len(d.buf))
	}
	return e, nil
}

type decoder struct {
	buf []byte
	err error
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	n, size := binary.Varint(d.buf)
	if size <= 0 {
		d.err = fmt.Errorf("%w: truncated number", errBadEntry)
		return 0
	}
	d.buf = d.buf[size:]
	return n
}

func (d *decoder) length() int {
	if d.err != nil {
		return 0
	}
	n, size := binary.Uvarint(d.buf)
	if size <= 0 || n > uint64(len(d.buf)-size) {
		d.err = fmt.Errorf("%w: truncated length", errBadEntry)
		return 0
	}
	d.buf = d.buf[size:]
	return int(n)
}

func (d *decoder) string() string {
	n := d.length()
	if d.err != nil || n > len(d.buf) {
		if d.err == nil {
			d.err = fmt.Errorf("%w: truncated text", errBadEntry)
		}
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) strings() []string {
	n := d.length()
	if n == 0 {
		return nil
	}
	list := make([]string, 0, min(n, len(d.buf)))
	for range n {
		list = append(list, d.string())
		if d.err != nil {
			return nil
		}
	}
	return list
}

// sameEntry reports whether two entries hold the same values, for the
// consistency check.
func sameEntry(a, b *entry) bool {
	return bytes.Equal(a.encode(), b.encode())
}
