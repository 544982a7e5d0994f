package boltstore

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	"partneryste/data"
)

// Layout of a bbolt v1.5.0 meta page (go.etcd.io/bbolt/internal/common):
// a 16-byte page header, then magic, version, page size and flags as
// uint32, then root bucket, sequence, freelist, high-water page id, txid
// and checksum as uint64, all in the machine's byte order. The checksum is
// FNV-1a 64 over the meta fields before it.
const (
	metaOffset      = 16
	metaMagic       = 0xED0CDAED
	metaVersion     = 2
	metaPgidAt      = metaOffset + 40
	metaTxidAt      = metaOffset + 48
	metaChecksumAt  = metaOffset + 56
	metaPageMinSize = metaChecksumAt + 8
)

type metaPage struct {
	pageSize int64
	pgid     int64 // the first page id past the end of the data
	txid     uint64
}

func parseMetaPage(b []byte) (metaPage, bool) {
	if len(b) < metaPageMinSize {
		return metaPage{}, false
	}
	order := binary.NativeEndian
	if order.Uint32(b[metaOffset:]) != metaMagic || order.Uint32(b[metaOffset+4:]) != metaVersion {
		return metaPage{}, false
	}
	h := fnv.New64a()
	h.Write(b[metaOffset:metaChecksumAt])
	if h.Sum64() != order.Uint64(b[metaChecksumAt:]) {
		return metaPage{}, false
	}
	m := metaPage{
		pageSize: int64(order.Uint32(b[metaOffset+8:])),
		pgid:     int64(order.Uint64(b[metaPgidAt:])),
		txid:     order.Uint64(b[metaTxidAt:]),
	}
	if m.pageSize < 1024 || m.pageSize > 1<<20 || m.pgid < 4 {
		return metaPage{}, false
	}
	return m, true
}

// checkFileSize reads the two meta pages of a bbolt file without bbolt and
// checks that the file holds every page the newest valid meta page counts.
// bbolt maps a truncated file without complaint and then faults when it
// touches a missing page, which would crash the program instead of
// reporting data.ErrDamaged.
func checkFileSize(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat %s: %w", path, err)
	}

	readAt := func(off int64) []byte {
		buf := make([]byte, metaPageMinSize)
		if _, err := f.ReadAt(buf, off); err != nil && err != io.EOF {
			return nil
		}
		return buf
	}
	var valid []metaPage
	first, ok := parseMetaPage(readAt(0))
	pageSize := int64(os.Getpagesize())
	if ok {
		valid = append(valid, first)
		pageSize = first.pageSize
	}
	if second, ok := parseMetaPage(readAt(pageSize)); ok {
		valid = append(valid, second)
	}
	if len(valid) == 0 {
		return fmt.Errorf("%s is not a bbolt file (no valid meta page): %w", path, data.ErrDamaged)
	}
	newest := valid[0]
	for _, m := range valid[1:] {
		if m.txid > newest.txid {
			newest = m
		}
	}
	if want := newest.pgid * newest.pageSize; info.Size() < want {
		return fmt.Errorf("%s is truncated: %d bytes, want at least %d: %w", path, info.Size(), want, data.ErrDamaged)
	}
	return nil
}
