package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"shuwu/internal/config"
	"shuwu/internal/errs"
	"shuwu/internal/store"
)

// runMigrateData moves a whole reading room from one database to another
// (SQLite ↔ PostgreSQL): every table, ids kept, from one snapshot of the
// source, into a new empty target; then it counts and checksums every
// table on both sides and fails unless they agree.
func runMigrateData(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "migrate-data")
	from := fs.String("from", "", "source database: sqlite:PATH or postgres://user:pass@host/db")
	to := fs.String("to", "", "target database, new and empty: sqlite:PATH or postgres://…")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" || fs.NArg() != 0 {
		fmt.Fprintln(env.Stderr, "用法 / usage: shuwu migrate-data --from sqlite:shuwu-data/shuwu.db --to postgres://user:pass@host/shuwu")
		fmt.Fprintln(env.Stderr, "       (或反过来 / or the other way round)")
		return errUsage
	}
	for flag, v := range map[string]string{"from": *from, "to": *to} {
		if !config.IsPostgresURL(v) && (!strings.HasPrefix(v, "sqlite:") || v == "sqlite:") {
			return errs.Invalid(CodeDatabaseURLInvalid, flag, fmt.Sprintf("--%s 须是 sqlite:文件路径 或 postgres://… 地址，不能是 %q", flag, v),
				fmt.Sprintf("--%s must be sqlite:PATH or a postgres:// URL, not %q", flag, v))
		}
	}
	if path, ok := strings.CutPrefix(*from, "sqlite:"); ok {
		if _, err := os.Stat(path); err != nil {
			return errs.Invalid(CodeSourceMissing, "from", fmt.Sprintf("源数据库文件 %s 不存在", path), fmt.Sprintf("the source database %s does not exist", path))
		}
	}
	if *from == *to {
		return errs.Invalid(CodeDatabaseURLInvalid, "to", "源和目标是同一个数据库", "the source and the target are the same database")
	}
	src, err := store.Open(ctx, *from, nil)
	if err != nil {
		return fmt.Errorf("open %s: %w", config.MaskedDB(*from), err)
	}
	defer src.Close()
	dst, err := store.Open(ctx, *to, nil)
	if err != nil {
		return fmt.Errorf("open %s: %w", config.MaskedDB(*to), err)
	}
	defer dst.Close()
	fmt.Fprintf(env.Stdout, "迁移 / copying %s → %s\n", config.MaskedDB(*from), config.MaskedDB(*to))
	err = src.CopyTo(ctx, dst, func(table string, rows int64) {
		fmt.Fprintf(env.Stderr, "  %-22s %8d 行 rows\n", table, rows)
	})
	if err != nil {
		return err
	}
	sums, diff, err := store.Compare(ctx, src, dst)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "表 table\t行数 rows\t校验和 checksum\t")
	var total int64
	for _, s := range sums {
		fmt.Fprintf(w, "%s\t%d\t%s\t\n", s.Table, s.Rows, s.Sum)
		total += s.Rows
	}
	w.Flush()
	if len(diff) > 0 {
		for _, d := range diff {
			fmt.Fprintf(env.Stderr, "不一致 / differs: %s: 源 source %d 行 %s，目标 target %d 行 %s\n", d.Table, d.From.Rows, d.From.Sum, d.To.Rows, d.To.Sum)
		}
		return errs.New(errs.KindInternal, CodeCopyMismatch, fmt.Sprintf("迁移后有 %d 张表与源数据库不一致", len(diff)), fmt.Sprintf("%d tables differ from the source after the copy", len(diff)))
	}
	fmt.Fprintf(env.Stdout, "完成：%d 张表、%d 行，行数与校验和逐表一致 / done: %d tables, %d rows, counts and checksums agree table by table\n", len(sums), total, len(sums), total)
	return nil
}
