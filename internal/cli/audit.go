package cli

import (
	"context"
	"errors"
	"fmt"
)

// errChainBroken makes `shuwu audit verify` exit non-zero on a broken
// chain, after it has listed where.
var errChainBroken = errors.New("the audit log's chain is broken")

func runAudit(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprintln(env.Stderr, "用法 / usage: shuwu audit verify [--data DIR] [--db URL]")
		return errUsage
	}
	fs := flags(env, "audit verify")
	cfg := loadConfig(env, fs)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	v, err := a.DB.VerifyAuditChain(ctx)
	if err != nil {
		return err
	}
	for _, b := range v.Breaks {
		fmt.Fprintf(env.Stdout, "序号 seq %d", b.Seq)
		if b.EntryID != 0 {
			fmt.Fprintf(env.Stdout, "（记录 entry %d）", b.EntryID)
		}
		fmt.Fprintf(env.Stdout, "：%s / %s\n", b.Reason, b.ReasonEn)
	}
	fmt.Fprintf(env.Stdout, "链头 head: %d %s\n", v.HeadSeq, v.HeadHash)
	if !v.OK() {
		fmt.Fprintf(env.Stdout, "审计链已断开：%d 处问题 / the chain is broken: %d problems\n", len(v.Breaks), len(v.Breaks))
		return errChainBroken
	}
	fmt.Fprintf(env.Stdout, "审计链完整：已校验 %d 条记录 / the chain is whole: %d entries checked\n", v.Entries, v.Entries)
	return nil
}
