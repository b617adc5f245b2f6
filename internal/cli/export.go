package cli

import (
	"context"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/transfer"
)

const exportUsage = `用法 / usage:
  shuwu export marc [--format iso2709|marcxml] [--flavor cnmarc|marc21] [--encoding utf-8|gbk]
                    [--clc PREFIX] [--since YYYY-MM-DD] [--out FILE]
` + exportXLSXUsage

func runExport(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, exportUsage)
		return errUsage
	}
	switch args[0] {
	case "marc":
		return runExportMARC(ctx, env, args[1:])
	case "xlsx":
		return runExportXLSX(ctx, env, args[1:])
	}
	fmt.Fprintln(env.Stderr, exportUsage)
	return errUsage
}

func runExportMARC(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "export marc")
	cfg := loadConfig(env, fs)
	format := fs.String("format", "iso2709", "iso2709 or marcxml")
	flavor := fs.String("flavor", "cnmarc", "cnmarc or marc21")
	enc := fs.String("encoding", "utf-8", "ISO 2709 encoding: utf-8 or gbk")
	clcPrefix := fs.String("clc", "", "only records whose CLC class starts with this, e.g. D26")
	since := fs.String("since", "", "only records changed on or after this date (YYYY-MM-DD)")
	outPath := fs.String("out", "-", "output file; - for stdout")
	if _, err := parseMixed(fs, args); err != nil {
		return err
	}
	var o transfer.ExportOptions
	var err error
	if o.Format, err = marc.ParseFormat(*format); err != nil {
		return errs.Invalid(transfer.CodeMARCFormatUnknown, "format", "未知的格式 "+*format, err.Error())
	}
	if o.Flavor, err = marcmap.ParseFlavor(*flavor); err != nil {
		return err
	}
	if o.Charset, err = marc.ParseCharset(*enc); err != nil {
		return errs.Invalid(transfer.CodeMARCCharsetUnknown, "encoding", "未知的编码 "+*enc, err.Error())
	}
	o.CLCPrefix = *clcPrefix
	if *since != "" {
		t, err := time.ParseInLocation(time.DateOnly, *since, cfg.Location())
		if err != nil {
			return errs.Invalid(errs.CodeDateInvalid, "since", "日期格式应为 2024-05-01", "the date must look like 2024-05-01")
		}
		o.Since = t
	}
	ctx = audit.WithActor(ctx, audit.System)
	a, svc, err := openTransfer(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	out, closeOut, err := createOut(env, *outPath)
	if err != nil {
		return err
	}
	rep, err := svc.ExportMARC(ctx, out, o)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, sk := range rep.Skipped {
		fmt.Fprintf(env.Stderr, "警告 %s：%s\n  warning: %s\n", sk.Code, sk.Message, sk.English)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(env.Stderr, "已导出 %d 条书目，%d 条未导出（见上） / exported %d records, %d left out (see above)\n", rep.Written, len(rep.Skipped), rep.Written, len(rep.Skipped))
		return nil
	}
	fmt.Fprintf(env.Stderr, "已导出 %d 条书目 / exported %d records\n", rep.Written, rep.Written)
	return nil
}
