// Package cli is shuwu's command line: one file per subcommand. Run is
// the whole program, so tests can drive it like a user at a terminal.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"

	"shuwu/internal/app"
	"shuwu/internal/config"
	"shuwu/internal/errs"
)

// Version is set at build time with -ldflags "-X shuwu/internal/cli.Version=…".
var Version = "dev"

// Env is what a command may touch of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	Getenv         func(string) string
}

type command struct {
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":        {"运行服务器 / run the server", runServe},
		"migrate":      {"升级数据库结构 / migrate the database schema", runMigrate},
		"user":         {"管理工作人员账号（add|passwd|list）/ staff accounts", runUser},
		"stats":        {"输出馆藏与流通总数 / print totals (--json)", runStats},
		"clc":          {"导入中图法类表（import FILE）/ import a CLC table", runCLC},
		"backup":       {"在线备份数据库（FILE）/ back up the database while running", runBackup},
		"restore":      {"从备份恢复数据库（FILE，须先停止服务器）/ restore a backup (server stopped)", runRestore},
		"audit":        {"校验审计日志的哈希链（verify）/ verify the audit log's hash chain", runAudit},
		"reindex":      {"重建检索索引 / rebuild the search index", runReindex},
		"version":      {"显示版本 / print the version", runVersion},
		"import":       {"导入 MARC 书目、Excel/CSV 书目清单和学员名单（marc|books|roster FILE）/ import MARC, book lists, rosters", runImport},
		"export":       {"导出 MARC 书目或 Excel 表（marc | xlsx records|readers|class|ledger）/ export MARC or Excel", runExport},
		"sip":          {"管理自助借还机的 SIP2 账号（terminal add|passwd|list|remove）/ self-service terminals", runSIP},
		"marc":         {"转换 MARC 文件格式与编码（convert IN OUT）/ convert MARC files", runMARC},
		"migrate-data": {"在 SQLite 与 PostgreSQL 之间迁移整个书屋的数据（--from --to）/ move all data between SQLite and PostgreSQL", runMigrateData},
	}
}

// Run executes args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout, cmds)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "未知命令 %q / unknown command\n", args[0])
		usage(env.Stderr, cmds)
		return 2
	}
	if err := c.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if errors.Is(err, errUsage) {
			return 2
		}
		e := errs.As(err)
		if e.Kind == errs.KindInternal {
			fmt.Fprintf(env.Stderr, "错误 / error: %v\n", err)
			return 1
		}
		fmt.Fprintf(env.Stderr, "错误：%s\nerror: %s\n", e.Message, e.MessageEn)
		return exitCode(e.Kind)
	}
	return 0
}

// errUsage marks an error already explained by the flag package.
var errUsage = errors.New("usage")

// exitCode maps error kinds to exit codes: 2 for bad input, 3 for a
// conflict with the data, 4 for not found, 1 otherwise.
func exitCode(k errs.Kind) int {
	switch k {
	case errs.KindInvalid:
		return 2
	case errs.KindConflict:
		return 3
	case errs.KindNotFound:
		return 4
	}
	return 1
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "shuwu 书屋 — 党建书屋图书馆系统 / library system for Party-school reading rooms")
	fmt.Fprintln(w, "\n用法 / usage: shuwu <命令 command> [参数 flags]")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, cmds[n].summary)
	}
}

// flags makes a FlagSet for a command that prints to env.Stderr.
func flags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("shuwu "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parse parses args, turning flag errors into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// loadConfig returns defaults + environment, with the common flags bound.
func loadConfig(env Env, fs *flag.FlagSet) *config.Config {
	c := config.Defaults()
	c.FromEnv(env.Getenv)
	c.Flags(fs)
	return &c
}

// openApp validates cfg and opens the data directory as a tool: without
// the search index, which a running server holds. Changed records are
// queued for that server's indexer.
func openApp(ctx context.Context, cfg *config.Config, log *slog.Logger) (*app.App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return app.OpenTool(ctx, *cfg, log)
}

// openWithIndex opens the data directory with the search index: for serve
// and reindex, which own it.
func openWithIndex(ctx context.Context, cfg *config.Config, log *slog.Logger) (*app.App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return app.Open(ctx, *cfg, log)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}
