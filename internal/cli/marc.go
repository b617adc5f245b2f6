package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/transfer"
)

const marcUsage = `用法 / usage:
  shuwu marc convert --from iso2709|marcxml|json --to iso2709|marcxml|json [--encoding gbk|utf-8|marc-8] [--out-encoding utf-8|gbk] IN OUT
  ("-" 表示标准输入/输出 / "-" is stdin or stdout)`

// runMARC is the stand-alone converter: a thin layer over marc.Convert
// that needs no database.
func runMARC(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] != "convert" {
		fmt.Fprintln(env.Stderr, marcUsage)
		return errUsage
	}
	fs := flags(env, "marc convert")
	from := fs.String("from", "iso2709", "input format: iso2709, marcxml or json")
	to := fs.String("to", "marcxml", "output format: iso2709, marcxml or json")
	enc := fs.String("encoding", "auto", "ISO 2709 input encoding: auto, utf-8, gbk or marc-8")
	outEnc := fs.String("out-encoding", "utf-8", "ISO 2709 output encoding: utf-8 or gbk")
	pos, err := parseMixed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fmt.Fprintln(env.Stderr, marcUsage)
		return errUsage
	}
	var opts marc.ConvertOptions
	if opts.From, err = marc.ParseFormat(*from); err != nil {
		return errs.Invalid(transfer.CodeMARCFormatUnknown, "from", "未知的输入格式 "+*from, err.Error())
	}
	if opts.To, err = marc.ParseFormat(*to); err != nil {
		return errs.Invalid(transfer.CodeMARCFormatUnknown, "to", "未知的输出格式 "+*to, err.Error())
	}
	if opts.InputCharset, err = marc.ParseCharset(*enc); err != nil {
		return errs.Invalid(transfer.CodeMARCCharsetUnknown, "encoding", "未知的编码 "+*enc, err.Error())
	}
	if opts.OutputCharset, err = marc.ParseCharset(*outEnc); err != nil {
		return errs.Invalid(transfer.CodeMARCCharsetUnknown, "out-encoding", "未知的编码 "+*outEnc, err.Error())
	}
	opts.OnRecordError = func(e *marc.RecordError) {
		fmt.Fprintf(env.Stderr, "警告 / warning: %v\n", e)
	}
	in, closeIn, err := openIn(env, pos[0])
	if err != nil {
		return err
	}
	defer closeIn()
	out, closeOut, err := createOut(env, pos[1])
	if err != nil {
		return err
	}
	st, err := marc.Convert(ctx, in, out, opts)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return errs.Invalid(CodeMARCConvertFailed, "file", "转换失败", "conversion failed").Wrap(err)
	}
	fmt.Fprintf(env.Stderr, "已转换 %d 条记录，跳过 %d 条损坏记录，%d 条有无法解码的字符 / converted %d, skipped %d, damaged %d\n",
		st.Records, st.Skipped, st.Damaged, st.Records, st.Skipped, st.Damaged)
	return nil
}

// parseMixed parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseMixed(fs interface {
	Parse([]string) error
	Args() []string
}, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openIn opens a file, or stdin for "-".
func openIn(env Env, path string) (io.Reader, func() error, error) {
	if path == "-" {
		return env.Stdin, func() error { return nil }, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, errs.Invalid(transfer.CodeFileUnreadable, "file", "无法打开文件 "+path, "cannot open "+path).Wrap(err)
	}
	return f, f.Close, nil
}

// createOut creates a file, or writes to stdout for "-".
func createOut(env Env, path string) (io.Writer, func() error, error) {
	if path == "-" || path == "" {
		return env.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, errs.Invalid(CodeFileUnwritable, "out", "无法写入文件 "+path, "cannot create "+path).Wrap(err)
	}
	return f, f.Close, nil
}
