package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/config"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/transfer"
)

const importUsage = `用法 / usage:
  shuwu import marc [--match isbn-title|control-number|none] [--on-match skip|overlay|new|add-copies]
                    [--format iso2709|marcxml|json] [--encoding auto|utf-8|gbk|marc-8]
                    [--location ID] [--rejects FILE(.mrc|.txt)] [--preview N] [--json] FILE
` + importBooksUsage + "\n" + importRosterUsage

func runImport(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, importUsage)
		return errUsage
	}
	switch args[0] {
	case "marc":
		return runImportMARC(ctx, env, args[1:])
	case "books":
		return runImportBooks(ctx, env, args[1:])
	case "roster":
		return runImportRoster(ctx, env, args[1:])
	}
	fmt.Fprintln(env.Stderr, importUsage)
	return errUsage
}

// openTransfer opens the data directory and builds the transfer service.
func openTransfer(ctx context.Context, cfg *config.Config) (*app.App, *transfer.Service, error) {
	a, err := openApp(ctx, cfg, nil)
	if err != nil {
		return nil, nil, err
	}
	return a, a.Transfer, nil
}

func runImportMARC(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "import marc")
	cfg := loadConfig(env, fs)
	match := fs.String("match", "isbn-title", "isbn-title, control-number or none")
	onMatch := fs.String("on-match", "skip", "skip, overlay or new")
	format := fs.String("format", "", "iso2709, marcxml or json (default: detect)")
	enc := fs.String("encoding", "auto", "ISO 2709 encoding: auto, utf-8, gbk or marc-8")
	location := fs.Int64("location", 0, "location id for copies whose holdings name no known location")
	rejects := fs.String("rejects", "", "write rejected records here: .mrc for ISO 2709 (+ FILE.txt reasons), else a text report")
	preview := fs.Int("preview", 0, "print the first N records as they would be stored; store nothing")
	asJSON := fs.Bool("json", false, "print the report (or preview) as JSON")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, importUsage)
		return errUsage
	}
	o := transfer.MARCOptions{LocationID: *location}
	if o.Match, o.OnMatch, err = transfer.ParseMatch(*match, *onMatch); err != nil {
		return err
	}
	if *format != "" {
		if o.Format, err = marc.ParseFormat(*format); err != nil {
			return errs.Invalid(transfer.CodeMARCFormatUnknown, "format", "未知的格式 "+*format, err.Error())
		}
	}
	if o.Charset, err = marc.ParseCharset(*enc); err != nil {
		return errs.Invalid(transfer.CodeMARCCharsetUnknown, "encoding", "未知的编码 "+*enc, err.Error())
	}
	in, closeIn, err := openIn(env, pos[0])
	if err != nil {
		return err
	}
	defer closeIn()
	ctx = audit.WithActor(ctx, audit.System)
	a, svc, err := openTransfer(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()

	if *preview > 0 {
		recs, err := svc.PreviewMARC(ctx, in, o, *preview)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(env.Stdout).Encode(recs)
		}
		for _, p := range recs {
			printPreview(env.Stdout, p)
		}
		return nil
	}

	var sink transfer.RejectSink
	if *rejects != "" {
		s, done, err := openRejects(*rejects)
		if err != nil {
			return err
		}
		defer done()
		sink = s
	}
	o.Rejects = sink
	size := int64(0)
	if st, err := os.Stat(pos[0]); err == nil {
		size = st.Size()
	}
	bar := newProgressBar(env, "导入 / import", int(size/1024))
	o.Progress = func(p transfer.Progress) { bar.Set(int(p.Bytes / 1024)) }
	rep, err := svc.ImportMARC(ctx, in, o)
	bar.Done()
	printReport(env, rep, *asJSON)
	return err
}

// openRejects opens the rejects file: ISO 2709 plus a reasons file for
// .mrc/.iso/.marc, a text report otherwise.
func openRejects(path string) (transfer.RejectSink, func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, errs.Invalid(CodeFileUnwritable, "rejects", "无法写入文件 "+path, "cannot create "+path).Wrap(err)
	}
	lower := strings.ToLower(path)
	if !strings.HasSuffix(lower, ".mrc") && !strings.HasSuffix(lower, ".iso") && !strings.HasSuffix(lower, ".marc") {
		return transfer.NewTextRejects(f), func() { f.Close() }, nil
	}
	reasons, err := os.Create(path + ".txt")
	if err != nil {
		f.Close()
		return nil, nil, errs.Invalid(CodeFileUnwritable, "rejects", "无法写入文件 "+path+".txt", "cannot create "+path+".txt").Wrap(err)
	}
	s, err := transfer.NewMARCRejects(f, reasons)
	if err != nil {
		f.Close()
		reasons.Close()
		return nil, nil, err
	}
	return s, func() { s.Flush(); f.Close(); reasons.Close() }, nil
}

func printPreview(w io.Writer, p transfer.PreviewRecord) {
	fmt.Fprintf(w, "── 第 %d 条 / record %d: %s", p.Record, p.Record, p.Action)
	if p.MatchID != 0 {
		fmt.Fprintf(w, "（匹配书目 / matches record %d）", p.MatchID)
	}
	fmt.Fprintln(w)
	if p.Reject != nil {
		fmt.Fprintln(w, "  拒收 / rejected:", p.Reject.String())
		return
	}
	r := p.Data
	fmt.Fprintf(w, "  题名 %s\n  责任者 %s\n  出版 %s : %s, %d\n  ISBN %s  价格 %.2f 元  分类号 %s\n", r.Title, r.AuthorLine(), r.Place, r.Publisher, r.Year, r.ISBN, float64(r.PriceFen)/100, r.CLC)
	for _, h := range p.Holdings {
		fmt.Fprintf(w, "  复本 barcode=%q 索书号=%q 位置=%q 册数=%d\n", h.Barcode, h.CallNumber, h.Location, max(h.Copies, 1))
	}
	for _, warn := range p.Warnings {
		fmt.Fprintln(w, "  警告 / warning:", warn.String())
	}
}

func printReport(env Env, rep transfer.Report, asJSON bool) {
	if asJSON {
		_ = json.NewEncoder(env.Stdout).Encode(rep)
		return
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(env.Stdout, "警告 / warning:", w.String())
	}
	for _, p := range rep.Rejections {
		fmt.Fprintln(env.Stdout, "拒收 / rejected:", p.String())
	}
	fmt.Fprintf(env.Stdout, "读入 %d 条：新增 %d，覆盖 %d，跳过 %d，拒收 %d；新增复本 %d 册；用时 %s\n",
		rep.Read, rep.Added, rep.Overlaid, rep.Skipped, rep.Rejected, rep.Items, rep.Elapsed.Round(1e6))
	fmt.Fprintf(env.Stdout, "read %d: added %d, overlaid %d, skipped %d, rejected %d; %d copies added\n",
		rep.Read, rep.Added, rep.Overlaid, rep.Skipped, rep.Rejected, rep.Items)
}
