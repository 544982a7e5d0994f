package boltstore

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bucketAssociations maps each association id of the network to its name,
// as the server's directory last listed it. The first sync creates it, so
// older files need no migration, and a file that never synced reads as an
// empty directory.
var bucketAssociations = []byte("associations")

// keyOwnAssociation is the key in the sync bucket of this file's
// association id on the server.
var keyOwnAssociation = []byte("own_association")

// SaveAssociationNames replaces the stored directory with names, a map
// from association id to name, and stores own, the association id of this
// file's token on the server ("" for the coordinator's), in one
// transaction. An association that left the network disappears with the
// next directory.
func (s *DB) SaveAssociationNames(names map[string]string, own string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketAssociations) != nil {
			if err := tx.DeleteBucket(bucketAssociations); err != nil {
				return fmt.Errorf("clear bucket %s: %w", bucketAssociations, err)
			}
		}
		b, err := tx.CreateBucket(bucketAssociations)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", bucketAssociations, err)
		}
		for id, name := range names {
			if id == "" {
				continue
			}
			if err := b.Put([]byte(id), []byte(name)); err != nil {
				return fmt.Errorf("put association %s: %w", id, err)
			}
		}
		return putJSON(tx, bucketSync, keyOwnAssociation, own)
	})
	if err != nil {
		return fmt.Errorf("save association names: %w", err)
	}
	return nil
}

// AssociationNames returns the stored directory: association id to name.
// It is empty until the first sync that reached a server listing it.
func (s *DB) AssociationNames() (map[string]string, error) {
	names := map[string]string{}
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAssociations)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			names[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read association names: %w", err)
	}
	return names, nil
}

// OwnAssociation returns the association id that the server gives this
// file's records, as the last directory reported it. It differs from the
// profile's local AssociationID, and it is "" before the first sync and
// for the coordinator.
func (s *DB) OwnAssociation() (string, error) {
	var own string
	err := s.bolt.View(func(tx *bolt.Tx) error {
		_, err := getJSON(tx, bucketSync, keyOwnAssociation, &own)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("read own association: %w", err)
	}
	return own, nil
}
