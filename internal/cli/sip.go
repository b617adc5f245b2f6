package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/selfcheck"
)

func sipUsage(env Env) error {
	fmt.Fprintln(env.Stderr, `用法 / usage:
  shuwu sip terminal add NAME --institution ID [--location CODE] [--encoding utf-8|gbk]   (password read from stdin)
  shuwu sip terminal passwd NAME                                                          (password read from stdin)
  shuwu sip terminal list
  shuwu sip terminal remove NAME`)
	return errUsage
}

// parseInterleaved parses flags that may come after the positional
// arguments (shuwu sip terminal add NAME --institution ID), which the
// flag package alone stops at.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// runSIP manages the self-service machines' terminal accounts (SIP2 93).
func runSIP(ctx context.Context, env Env, args []string) error {
	if len(args) < 2 || args[0] != "terminal" {
		return sipUsage(env)
	}
	sub := args[1]
	fs := flags(env, "sip terminal "+sub)
	cfg := loadConfig(env, fs)
	inst := fs.String("institution", "", "institution id (SIP2 AO)")
	loc := fs.String("location", "", "location code of the machine (SIP2 CP)")
	enc := fs.String("encoding", "utf-8", "character set of the machine: utf-8 or gbk")
	pos, err := parseInterleaved(fs, args[2:])
	if err != nil {
		return err
	}
	ctx = audit.WithActor(ctx, audit.System)
	switch sub {
	case "list":
		if len(pos) != 0 {
			return sipUsage(env)
		}
		a, err := openApp(ctx, cfg, nil)
		if err != nil {
			return err
		}
		defer a.Close()
		ts, err := a.SelfCheck.Terminals(ctx)
		if err != nil {
			return err
		}
		if len(ts) == 0 {
			fmt.Fprintln(env.Stdout, "还没有自助机账号 / no terminals yet")
		}
		for _, t := range ts {
			state, last := "", "从未登录 never"
			if t.Disabled {
				state = " 已停用 disabled"
			}
			if t.LastLoginAt != nil {
				last = t.LastLoginAt.In(cfg.Location()).Format(time.DateTime)
			}
			fmt.Fprintf(env.Stdout, "%-16s AO=%-12s CP=%-10s %-6s %s%s\n", t.Name, t.Institution, t.Location, t.Encoding.Label(), last, state)
		}
		return nil
	case "add", "passwd", "remove":
		if len(pos) != 1 {
			return sipUsage(env)
		}
		name := pos[0]
		var pw string
		if sub != "remove" {
			fmt.Fprintln(env.Stderr, "请输入自助机密码 / enter the terminal's password:")
			pw = readPassword(env)
		}
		a, err := openApp(ctx, cfg, nil)
		if err != nil {
			return err
		}
		defer a.Close()
		switch sub {
		case "add":
			t, err := a.SelfCheck.AddTerminal(ctx, selfcheck.NewTerminal{Name: name, Password: pw, Institution: *inst, Location: *loc, Encoding: selfcheck.Encoding(*enc)})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "已添加自助机 %s（机构 %s，%s）/ terminal added\n", t.Name, t.Institution, t.Encoding.Label())
		case "passwd":
			if err := a.SelfCheck.SetPassword(ctx, name, pw); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "已修改自助机 %s 的密码 / password changed\n", name)
		case "remove":
			if err := a.SelfCheck.DeleteTerminal(ctx, name); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "已删除自助机 %s / terminal removed\n", name)
		}
		return nil
	}
	return sipUsage(env)
}
