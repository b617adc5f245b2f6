package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"shuwu/internal/audit"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/errs"
	"shuwu/internal/store"
	"shuwu/internal/transfer"
)

func runVersion(ctx context.Context, env Env, args []string) error {
	fmt.Fprintf(env.Stdout, "shuwu %s (schema %d)\n", Version, store.SchemaVersion())
	return nil
}

func runMigrate(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "migrate")
	cfg := loadConfig(env, fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	fmt.Fprintf(env.Stdout, "数据库已是最新结构 / database schema is at version %d\n", store.SchemaVersion())
	return nil
}

func runStats(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "stats")
	cfg := loadConfig(env, fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Counts(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(c)
	}
	fmt.Fprintf(env.Stdout, "书目 records      %d\n复本 items        %d\n读者 readers      %d\n班次 classes      %d\n在借 active loans %d\n超期 overdue      %d\n预约 holds        %d\n",
		c.Records, c.Items, c.Readers, c.Classes, c.ActiveLoans, c.Overdue, c.Holds)
	return nil
}

func runCLC(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "clc import")
	cfg := loadConfig(env, fs)
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprintln(env.Stderr, "用法 / usage: shuwu clc import [--data DIR] FILE.json")
		return errUsage
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "用法 / usage: shuwu clc import [--data DIR] FILE.json")
		return errUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return errs.Invalid(transfer.CodeFileUnreadable, "file", "无法打开文件 "+fs.Arg(0), "cannot open "+fs.Arg(0)).Wrap(err)
	}
	defer f.Close()
	tree, err := clc.ParseJSON(f)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Catalog.ImportCLC(audit.WithActor(ctx, audit.System), tree); err != nil {
		return err
	}
	added := a.Catalog.CLC().Len() - clc.Builtin().Len()
	fmt.Fprintf(env.Stdout, "已导入本地中图法类表：%d 个类目，内置类表之外新增 %d 个 / imported %d classes, %d beyond the built-in schedule\n", tree.Len(), added, tree.Len(), added)
	return nil
}
