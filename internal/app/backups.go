package app

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"shuwu/internal/photos"
)

// backupPrefix names the scheduled backups; only files so named are ever
// pruned, so an operator's own files in the directory are safe.
const backupPrefix = "shuwu-"

// nextBackup is the first time at or after now, strictly later than now,
// at which the daily backup runs (at is HH:MM in tz).
func nextBackup(now time.Time, at string, tz *time.Location) time.Time {
	hm, _ := time.Parse("15:04", at)
	local := now.In(tz)
	next := time.Date(local.Year(), local.Month(), local.Day(), hm.Hour(), hm.Minute(), 0, 0, tz)
	if !next.After(now) {
		next = next.AddDate(0, 0, 1)
	}
	return next
}

// BackupNow writes a dated backup into the backup directory and removes
// the oldest scheduled ones past the number to keep. It returns the
// backup's path.
func (a *App) BackupNow(ctx context.Context) (string, error) {
	dir := a.Config.BackupDir
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", err
	}
	path := filepath.Join(dir, backupPrefix+time.Now().In(a.Config.Location()).Format("20060102-150405.000")+".db")
	if err := a.DB.Backup(ctx, path); err != nil {
		return "", err
	}
	// The uploaded photos go beside it, as with shuwu backup.
	if _, err := photos.Copy(a.Config.PhotosDir(), path+".photos"); err != nil {
		os.Remove(path)
		return "", err
	}
	return path, pruneBackups(dir, a.Config.BackupKeep)
}

// pruneBackups keeps the newest keep scheduled backups in dir; their
// names sort by date.
func pruneBackups(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, ".db") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return err
		}
		if err := os.RemoveAll(filepath.Join(dir, names[0]+".photos")); err != nil {
			return err
		}
		names = names[1:]
	}
	return nil
}

// scheduledBackups backs the database up every day at the configured
// time, by itself: no cron. A failed backup is logged and tried again the
// next day; the desk never waits for one (the backup runs on its own
// connection).
func (a *App) scheduledBackups(ctx context.Context) {
	defer a.bg.Done()
	for {
		next := nextBackup(time.Now(), a.Config.BackupAt, a.Config.Location())
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Until(next)):
		}
		start := time.Now()
		if path, err := a.BackupNow(ctx); err != nil {
			a.Log.Error("scheduled backup failed", "dir", a.Config.BackupDir, "err", err)
		} else {
			a.Log.Info("scheduled backup", "file", path, "took", time.Since(start).Round(time.Millisecond))
		}
	}
}
