package boltstore

import (
	"cmp"
	"encoding/json"
	"slices"

	"partneryste/data"
)

// Edition returns one live edition of the yearly publication, or an error
// wrapping data.ErrNotFound. Editions are saved with Save like the other
// records, in the same transaction as their outbox entry.
func (s *DB) Edition(id string) (data.Edition, error) {
	var e data.Edition
	err := s.get(data.KindEdition, id, &e)
	return e, err
}

// Editions returns every live edition, newest year first and, within a
// year, by title in Lithuanian collation.
func (s *DB) Editions() ([]data.Edition, error) {
	found := s.match(data.KindEdition, "", func(*entry) bool { return true })
	slices.SortFunc(found, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(b.First.Year, a.First.Year), compareKeys(a, b))
	})
	list := make([]data.Edition, len(found))
	err := s.readAll(data.KindEdition, found, func(i int, raw []byte) error {
		return json.Unmarshal(raw, &list[i])
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}
