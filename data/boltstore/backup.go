package boltstore

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"partneryste/data"
)

// Backup file names start with the data file's name without ".db", so
// that the backups of several data files in one folder stay apart. They
// end with the UTC creation time to the millisecond and a "Z" that marks
// it as UTC, so that sorting the names sorts the backups by time:
// "p-20261204-212621.000Z.db" for p.db. BackupInfo.Created is the instant
// from the name, and the program shows it in Vilnius time. Backups written
// before names carried the data file's name all start with "partneryste-",
// the default data file's prefix, so that file still lists them. Their
// times are UTC too, without the "Z".
const (
	backupSuffix     = ".db"
	backupTimeLayout = "20060102-150405.000"
	utcMark          = "Z"
)

// backupTime formats t in UTC for backup names and kept data files.
func backupTime(t time.Time) string {
	return t.UTC().Format(backupTimeLayout) + utcMark
}

// parseBackupTime parses the time of a backup name, with or without the
// trailing "Z" of older names.
func parseBackupTime(stamp string) (time.Time, error) {
	return time.Parse(backupTimeLayout, strings.TrimSuffix(stamp, utcMark))
}

// backupPrefix returns the name prefix of the backups of the data file at
// dataPath.
func backupPrefix(dataPath string) string {
	return strings.TrimSuffix(filepath.Base(dataPath), backupSuffix) + "-"
}

// Backup writes a consistent copy of the open file into the backup folder
// from a read transaction, so saves go on meanwhile, and then removes the
// oldest backups past Options.KeepBackups.
func (s *DB) Backup() (data.BackupInfo, error) {
	dir := s.opts.BackupDir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return data.BackupInfo{}, fmt.Errorf("create backup folder: %w", err)
	}
	created := s.opts.Now().UTC().Truncate(time.Millisecond)
	path := s.backupPath(created)
	for {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		// Two backups within one millisecond: name the second one later.
		created = created.Add(time.Millisecond)
		path = s.backupPath(created)
	}

	err := s.bolt.View(func(tx *bolt.Tx) error {
		return writeFileAtomic(path, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return data.BackupInfo{}, fmt.Errorf("back up to %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return data.BackupInfo{}, fmt.Errorf("back up to %s: %w", path, err)
	}
	s.log.Info("backup written", "backup", path, "bytes", info.Size())
	s.rotate()
	return data.BackupInfo{Path: path, Created: created, Size: info.Size()}, nil
}

func (s *DB) backupPath(t time.Time) string {
	return filepath.Join(s.opts.BackupDir, backupPrefix(s.path)+backupTime(t)+backupSuffix)
}

// rotate removes the oldest backups past KeepBackups. A failure is logged
// and not returned, because the new backup was written.
func (s *DB) rotate() {
	backups, err := s.Backups()
	if err != nil {
		s.log.Warn("list backups for rotation failed", "error", err)
		return
	}
	for _, old := range backups[min(len(backups), s.opts.KeepBackups):] {
		if err := os.Remove(old.Path); err != nil {
			s.log.Warn("remove old backup failed", "backup", old.Path, "error", err)
			continue
		}
		s.log.Info("old backup removed", "backup", old.Path)
	}
}

// Backups lists the backups of this data file in the backup folder,
// newest first.
func (s *DB) Backups() ([]data.BackupInfo, error) {
	return ListBackups(s.opts.BackupDir, s.path)
}

// ListBackups returns the backups of the data file at dataPath found in
// dir, newest first, without an open store, so that a program whose data
// file is damaged can offer them. Backups of other data files in dir, and
// other files such as a half-written ".tmp", are skipped.
func ListBackups(dir, dataPath string) ([]data.BackupInfo, error) {
	prefix := backupPrefix(dataPath)
	files, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	var backups []data.BackupInfo
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, backupSuffix) {
			continue
		}
		// The exact layout also keeps apart data files whose names share a
		// start, such as p.db and p-2026.db.
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, prefix), backupSuffix)
		created, err := parseBackupTime(stamp)
		if err != nil {
			continue
		}
		info, err := f.Info()
		if err != nil {
			continue
		}
		backups = append(backups, data.BackupInfo{Path: filepath.Join(dir, name), Created: created, Size: info.Size()})
	}
	slices.SortFunc(backups, func(a, b data.BackupInfo) int { return b.Created.Compare(a.Created) })
	return backups, nil
}

// autoBackup takes a backup when the newest one is older than
// AutoBackupEvery, or when there is none yet and the file holds records,
// so new work is backed up soon after it is typed instead of a day later.
// A failure is logged, because the store works without it.
func (s *DB) autoBackup() {
	if s.opts.AutoBackupEvery < 0 {
		return
	}
	backups, err := s.Backups()
	if err != nil {
		s.log.Warn("automatic backup skipped", "error", err)
		return
	}
	if len(backups) > 0 && s.opts.Now().Sub(backups[0].Created) < s.opts.AutoBackupEvery {
		return
	}
	if len(backups) == 0 {
		counts, err := s.Counts()
		if err != nil {
			s.log.Warn("automatic backup skipped", "error", err)
			return
		}
		if counts.Events+counts.PracticeCases+counts.Consultations == 0 {
			return
		}
	}
	if _, err := s.Backup(); err != nil {
		s.log.Error("automatic backup failed", "error", err)
	}
}

// backupCheckEvery is the longest pause between two checks of whether a
// backup is due, so that a new file's first records are backed up within
// minutes.
const backupCheckEvery = 10 * time.Minute

// startBackupTimer checks every AutoBackupEvery, or every backupCheckEvery
// when that is shorter, whether a backup is due, for a program left open
// for days. Close stops it.
func (s *DB) startBackupTimer() {
	if s.opts.AutoBackupEvery < 0 {
		return
	}
	s.stopTimer = make(chan struct{})
	s.timerDone = make(chan struct{})
	go func() {
		defer close(s.timerDone)
		ticker := time.NewTicker(min(s.opts.AutoBackupEvery, backupCheckEvery))
		defer ticker.Stop()
		for {
			select {
			case <-s.stopTimer:
				return
			case <-ticker.C:
				s.autoBackup()
			}
		}
	}()
}

// writeFileAtomic writes path through a temporary file in the same folder
// that is synced and then renamed, so path is either whole or absent.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a rename durable. Windows cannot sync a folder, and
// there the rename is durable once it returns.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !isUnsupportedSync(err) {
		return err
	}
	return nil
}

// RestoreResult describes a finished restore.
type RestoreResult struct {
	// KeptPath is the copy of the data file that the restore replaced,
	// "<data file>.before-restore-<UTC time>Z", or empty when there was no
	// data file.
	KeptPath string
}

// RestoreBackup replaces the data file of a closed store with a backup. It
// first checks that the backup is a whole Partnerystė file, and returns an
// error wrapping data.ErrDamaged or data.ErrTooNew when it is not. It keeps
// the current file as RestoreResult.KeptPath and never deletes it. Then it
// copies the backup in through a synced temporary file and a rename. It
// returns an error wrapping data.ErrLocked when a running instance has the
// file open.
func RestoreBackup(backupPath, dataPath string, opts Options) (RestoreResult, error) {
	opts = opts.withDefaults(dataPath)
	version, err := inspect(backupPath, opts.Timeout)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore from %s: %w", backupPath, err)
	}
	if version == 0 {
		return RestoreResult{}, fmt.Errorf("restore from %s: the file has no Partnerystė data, choose another backup: %w", backupPath, data.ErrDamaged)
	}
	if err := ensureUnlocked(dataPath, opts.Timeout); err != nil {
		return RestoreResult{}, fmt.Errorf("restore to %s: %w", dataPath, err)
	}
	if err := os.MkdirAll(filepath.Dir(dataPath), 0o700); err != nil {
		return RestoreResult{}, fmt.Errorf("create data folder: %w", err)
	}

	var result RestoreResult
	if _, err := os.Stat(dataPath); err == nil {
		aside := dataPath + ".before-restore-" + backupTime(opts.Now())
		if err := copyFile(dataPath, aside); err != nil {
			return RestoreResult{}, fmt.Errorf("keep current data file as %s: %w", aside, err)
		}
		result.KeptPath = aside
		opts.Logger.Info("current data file kept before restore", "data_file", dataPath, "kept_as", aside)
	} else if !errors.Is(err, os.ErrNotExist) {
		return RestoreResult{}, fmt.Errorf("restore to %s: %w", dataPath, err)
	}

	if err := copyFile(backupPath, dataPath); err != nil {
		return result, fmt.Errorf("restore %s to %s: %w", backupPath, dataPath, err)
	}
	opts.Logger.Info("backup restored", "backup", backupPath, "data_file", dataPath)
	return result, nil
}

// Restore is RestoreBackup for callers that need no RestoreResult.
func Restore(backupPath, dataPath string, opts Options) error {
	_, err := RestoreBackup(backupPath, dataPath, opts)
	return err
}

// ensureUnlocked returns an error wrapping data.ErrLocked when another
// process holds path. It takes bbolt's shared lock read-only, so it never
// writes, and a damaged file (which restore is for) passes.
func ensureUnlocked(path string, timeout time.Duration) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if errors.Is(err, bolt.ErrTimeout) {
		return fmt.Errorf("open %s: %w", path, data.ErrLocked)
	}
	if err == nil {
		_ = bdb.Close()
	}
	return nil
}

// copyFile copies src to dst atomically, and dst gets mode 0600.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeFileAtomic(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}
