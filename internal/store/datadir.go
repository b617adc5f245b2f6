package store

import (
	"errors"
	"os"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"shuwu/internal/errs"
)

// CheckWritable makes sure shuwu can write in its data directory (making
// it when missing), so that a read-only mount or a directory without
// write permission is named plainly at start, not as SQLite's "unable to
// open database file (14)".
func CheckWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		if readOnlyErr(err) {
			return errDataDirReadOnly(dir, err)
		}
		return errs.Internalf("create data dir: %w", err)
	}
	f, err := os.CreateTemp(dir, ".shuwu-write-check-*")
	if err != nil {
		if readOnlyErr(err) {
			return errDataDirReadOnly(dir, err)
		}
		return errs.Internalf("write in data dir: %w", err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

func readOnlyErr(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM)
}

func errDataDirReadOnly(dir string, cause error) error {
	return errs.New(errs.KindStorage, CodeDataDirReadOnly,
		"数据目录 "+dir+" 不可写（磁盘以只读方式挂载，或运行 shuwu 的用户没有写权限），无法在其中保存数据库：请把磁盘重新挂载为可写、改正目录权限，或用 --data 指定一个可写的目录",
		"the data directory "+dir+" cannot be written (a read-only mount, or no write permission for the user running shuwu), so the database cannot be kept there: remount the disk read-write, fix the directory's permissions, or choose a writable directory with --data").Wrap(cause)
}

// cannotWrite reports SQLite failing to open its file for writing:
// SQLITE_CANTOPEN or SQLITE_READONLY.
func cannotWrite(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY:
			return true
		}
	}
	return isReadOnly(err)
}

func errDBFileReadOnly(path string, cause error) error {
	return errs.New(errs.KindStorage, CodeDataDirReadOnly,
		"数据库文件 "+path+" 无法以读写方式打开（文件或其目录只读、磁盘以只读方式挂载，或没有写权限）：请改正权限或重新挂载为可写",
		"the database file "+path+" cannot be opened for writing (the file or its directory is read-only, a read-only mount, or no write permission): fix the permissions or remount read-write").Wrap(cause)
}
