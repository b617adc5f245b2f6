package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"shuwu/internal/config"
	"shuwu/internal/errs"
	"shuwu/internal/photos"
	"shuwu/internal/search"
	"shuwu/internal/store"
)

// runRestore puts a backup made by `shuwu backup` (a SQLite file, on either
// engine) back as the reading room's database. On SQLite the current
// database is kept beside it under a dated name; on PostgreSQL the target
// must be a new, empty database. Every table is then compared with the
// backup, and the search index is rebuilt from the restored records.
func runRestore(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "restore")
	cfg := loadConfig(env, fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "用法 / usage: shuwu restore [--data DIR] [--db postgres://…] BACKUP.db")
		return errUsage
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	backup := fs.Arg(0)
	if _, err := os.Stat(backup); err != nil {
		return errs.Invalid(CodeSourceMissing, "file", fmt.Sprintf("备份文件 %s 不存在", backup), fmt.Sprintf("the backup %s does not exist", backup))
	}
	// The server holds the search index while it runs: restoring under it
	// would lose what it writes meanwhile.
	idx, err := search.Open(cfg.IndexDir(), search.Options{})
	if errs.Is(err, search.CodeIndexBusy) {
		return errs.Conflict(CodeServerRunning, "服务器正在运行：请先停止服务器，再恢复备份", "the server is running: stop it before restoring")
	}
	if err != nil {
		return err
	}
	idx.Close()
	// The backup is opened from a copy: opening brings its schema up to
	// date, and the operator's file must stay as it was.
	work, err := copyBackup(cfg, backup)
	if err != nil {
		return err
	}
	defer os.Remove(work)
	src, err := store.Open(ctx, "sqlite:"+work, nil)
	if err != nil {
		return errs.Invalid(CodeSourceMissing, "file", fmt.Sprintf("无法打开备份文件 %s：它不是书屋的备份（SQLite 数据库）或已损坏", backup),
			fmt.Sprintf("cannot open %s: it is not a shuwu backup (a SQLite database) or it is damaged", backup)).Wrap(err)
	}
	defer src.Close()

	target := cfg.Database()
	var aside string
	if !config.IsPostgresURL(target) {
		target = strings.TrimPrefix(target, "sqlite:")
		if aside, err = moveAside(target); err != nil {
			return err
		}
		target = "sqlite:" + target
	}
	dst, err := store.Open(ctx, target, nil)
	if err != nil {
		putBack(target, aside)
		return fmt.Errorf("open %s: %w", config.MaskedDB(target), err)
	}
	fmt.Fprintf(env.Stdout, "恢复 / restoring %s → %s\n", backup, config.MaskedDB(target))
	err = src.CopyTo(ctx, dst, func(table string, rows int64) {
		fmt.Fprintf(env.Stderr, "  %-22s %8d 行 rows\n", table, rows)
	})
	var diff []store.Mismatch
	var sums []store.TableSum
	if err == nil {
		sums, diff, err = store.Compare(ctx, src, dst)
	}
	dst.Close()
	if err == nil && len(diff) > 0 {
		err = errs.New(errs.KindInternal, CodeCopyMismatch, fmt.Sprintf("恢复后有 %d 张表与备份不一致", len(diff)), fmt.Sprintf("%d tables differ from the backup after the restore", len(diff)))
	}
	if err != nil {
		putBack(target, aside)
		return err
	}
	var rows int64
	for _, s := range sums {
		rows += s.Rows
	}
	fmt.Fprintf(env.Stdout, "已恢复：%d 张表、%d 行，逐表与备份一致 / restored: %d tables, %d rows, each table as in the backup\n", len(sums), rows, len(sums), rows)
	if aside != "" {
		fmt.Fprintf(env.Stdout, "原数据库已保留为 %s / the database before the restore is kept as %s\n", aside, aside)
	}
	if err := restorePhotos(env, cfg, backup); err != nil {
		return err
	}
	a, err := openWithIndex(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	start := time.Now()
	if err := a.Search.Rebuild(ctx, nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "检索索引已重建，用时 %s / search index rebuilt\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// copyBackup copies the backup into the data directory's spool.
func copyBackup(cfg *config.Config, backup string) (string, error) {
	dir := filepath.Join(cfg.DataDir, "spool")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	in, err := os.Open(backup)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, "restore-*.db")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), out.Close()
}

// moveAside renames the SQLite database and its journal files to a dated
// name, and returns it ("" when there was no database).
func moveAside(path string) (string, error) {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return "", nil
	}
	aside := path + ".before-restore-" + time.Now().Format("20060102-150405")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(path+suffix, aside+suffix); err != nil && !os.IsNotExist(err) {
			return "", fmt.Errorf("keep the current database as %s: %w", aside, err)
		}
	}
	return aside, nil
}

// putBack undoes moveAside after a failed restore.
func putBack(target, aside string) {
	if aside == "" {
		return
	}
	path := strings.TrimPrefix(target, "sqlite:")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
		os.Rename(aside+suffix, path+suffix)
	}
}

// restorePhotos puts the photos backed up beside the database
// (BACKUP.db.photos/, see shuwu backup) back into the data directory; the
// photos there before are kept beside them under a dated name. A backup
// without photos leaves the photos as they are.
func restorePhotos(env Env, cfg *config.Config, backup string) error {
	from := backup + ".photos"
	if st, err := os.Stat(from); err != nil || !st.IsDir() {
		return nil
	}
	to := cfg.PhotosDir()
	var aside string
	if _, err := os.Stat(to); err == nil {
		aside = to + ".before-restore-" + time.Now().Format("20060102-150405")
		if err := os.Rename(to, aside); err != nil {
			return err
		}
	}
	n, err := photos.Copy(from, to)
	if err != nil {
		if aside != "" {
			os.Rename(aside, to)
		}
		return fmt.Errorf("restore the photos from %s: %w", from, err)
	}
	fmt.Fprintf(env.Stdout, "照片 %d 个文件已恢复 / %d photo files restored\n", n, n)
	if aside != "" {
		fmt.Fprintf(env.Stdout, "原照片已保留为 %s / the photos before the restore are kept as %s\n", aside, aside)
	}
	return nil
}
