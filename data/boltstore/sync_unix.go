//go:build !windows

package boltstore

import (
	"errors"
	"syscall"
)

// isUnsupportedSync reports whether a folder sync failed only because the
// file system does not support it.
func isUnsupportedSync(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
