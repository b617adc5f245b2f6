package cli

import (
	"context"
	"fmt"
	"os"

	"shuwu/internal/photos"
)

func runBackup(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "backup")
	cfg := loadConfig(env, fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "用法 / usage: shuwu backup [--data DIR] FILE.db")
		return errUsage
	}
	dst := fs.Arg(0)
	if _, err := os.Stat(dst); err == nil {
		fmt.Fprintf(env.Stderr, "错误：%s 已存在，不会覆盖\nerror: %s exists; not overwritten\n", dst, dst)
		return errUsage
	}
	// The photos kept in the data directory (activities', visits') go
	// beside the database copy, in FILE.photos/.
	photoDst := dst + ".photos"
	if _, err := os.Stat(photoDst); err == nil {
		fmt.Fprintf(env.Stderr, "错误：%s 已存在，不会覆盖\nerror: %s exists; not overwritten\n", photoDst, photoDst)
		return errUsage
	}
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.DB.Backup(ctx, dst); err != nil {
		return err
	}
	n, err := photos.Copy(cfg.PhotosDir(), photoDst)
	if err != nil {
		os.Remove(dst)
		fmt.Fprintf(env.Stderr, "错误：照片未能备份到 %s（%v），数据库备份已撤回，请检查磁盘后重试\nerror: the photos could not be copied to %s (%v); the database copy is removed; check the disk and retry\n", photoDst, err, photoDst, err)
		return err
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s / backed up to %s\n", dst, dst)
	fmt.Fprintf(env.Stdout, "照片 %d 个文件已复制到 %s / %d photo files copied to %s\n", n, photoDst, n, photoDst)
	return nil
}
