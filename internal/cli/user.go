package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"shuwu/internal/audit"
)

func userUsage(env Env) error {
	fmt.Fprintln(env.Stderr, `用法 / usage:
  shuwu user add --role admin|librarian|duty|leadership [--name 显示名] USERNAME   (password read from stdin)
  shuwu user passwd USERNAME                                            (password read from stdin)
  shuwu user list`)
	return errUsage
}

// readPassword reads one line from stdin: the password, never a flag, so
// it does not land in the shell history.
func readPassword(env Env) string {
	line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	return strings.TrimRight(line, "\r\n")
}

func runUser(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return userUsage(env)
	}
	sub, rest := args[0], args[1:]
	fs := flags(env, "user "+sub)
	cfg := loadConfig(env, fs)
	role := fs.String("role", "duty", "admin, librarian, duty or leadership (领导, read-only)")
	name := fs.String("name", "", "display name")
	if err := parse(fs, rest); err != nil {
		return err
	}
	ctx = audit.WithActor(ctx, audit.System)
	switch sub {
	case "list":
		a, err := openApp(ctx, cfg, nil)
		if err != nil {
			return err
		}
		defer a.Close()
		users, err := a.Auth.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			state := ""
			if u.Disabled {
				state = " 已停用 disabled"
			}
			fmt.Fprintf(env.Stdout, "%-16s %-10s %s%s\n", u.Username, u.Role, u.DisplayName, state)
		}
		return nil
	case "add", "passwd":
		if fs.NArg() != 1 {
			return userUsage(env)
		}
		fmt.Fprintln(env.Stderr, "请输入密码 / enter the password:")
		pw := readPassword(env)
		a, err := openApp(ctx, cfg, nil)
		if err != nil {
			return err
		}
		defer a.Close()
		if sub == "add" {
			if _, err := a.Auth.CreateUser(ctx, fs.Arg(0), *name, audit.Role(*role), pw); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "已创建账号 %s / created\n", fs.Arg(0))
			return nil
		}
		if err := a.Auth.SetPassword(ctx, fs.Arg(0), pw); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已修改 %s 的密码 / password changed\n", fs.Arg(0))
		return nil
	}
	return userUsage(env)
}
