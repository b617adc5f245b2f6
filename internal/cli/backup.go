package cli

import (
	"context"
	"fmt"
	"os"
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
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.DB.Backup(ctx, dst); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s / backed up to %s\n", dst, dst)
	return nil
}
