package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"shuwu/internal/errs"
)

// Backup writes a consistent copy of the database to path while the
// server keeps running. The file must not exist. The copy is written under
// a temporary name beside path and takes path's name only once it is
// complete and on disk, so a backup that fails (the disk full) leaves
// neither a broken file nor a journal, and the next try starts clean.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+" 已存在，不会覆盖", "backup failed: "+path+" exists; not overwritten")
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	var b [6]byte
	rand.Read(b[:])
	tmp := filepath.Join(dir, "."+base+".partial-"+hex.EncodeToString(b[:]))
	defer removeSQLiteFiles(tmp)
	if err := db.eng.backup(ctx, tmp); err != nil {
		return backupFailed(path, err)
	}
	if err := verifyBackup(ctx, tmp); err != nil {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败：写出的备份文件不完整（多为磁盘空间不足），"+path+" 未写入（已清理），请腾出空间后重试",
			"backup failed: the file written is incomplete (most often a full disk); "+path+" was not written (cleaned up); free some space and retry").Wrap(err)
	}
	if err := syncFile(tmp); err != nil {
		return backupFailed(path, err)
	}
	// A hard link takes the name only if it is free, so a file made at
	// path meanwhile is never overwritten; the temporary name then goes.
	if err := os.Link(tmp, path); err != nil {
		if _, serr := os.Lstat(path); serr == nil {
			return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+" 已存在，不会覆盖", "backup failed: "+path+" exists; not overwritten")
		}
		if err := os.Rename(tmp, path); err != nil { // a file system without hard links
			return backupFailed(path, err)
		}
	}
	return syncDir(dir)
}

// backupFailed names the problem of a failed backup: a full disk plainly.
func backupFailed(path string, err error) error {
	if e := errs.As(err); e.Code == CodeBackupFailed && e.Err != nil {
		err = e.Err
	}
	if errors.Is(err, syscall.ENOSPC) || isDiskFull(err) {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败：磁盘空间不足，"+path+" 未写入（已清理不完整的文件），请腾出空间后重试",
			"backup failed: the disk is full; "+path+" was not written (the partial file is removed); free some space and retry").Wrap(err)
	}
	return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+"（目录不可写？已清理不完整的文件）", "backup failed: "+path+" (is the directory writable? the partial file is removed)").Wrap(err)
}

// verifyBackup makes sure the backup file holds the whole database on its
// own: its journal was written back into it (a checkpoint that ran out of
// disk leaves part of the data in the -wal file, which the backup does not
// take along) and SQLite's quick check finds it sound.
func verifyBackup(ctx context.Context, path string) error {
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return fmt.Errorf("the backup's journal (%d bytes) was not written back into it", fi.Size())
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("the backup file is not sound: %s", res)
	}
	return nil
}

// removeSQLiteFiles removes a database file and its journals.
func removeSQLiteFiles(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
