package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/config"
	"shuwu/internal/errs"
	"shuwu/internal/transfer"
)

// This file holds the spreadsheet commands: import books, import roster
// and export xlsx. import.go and export.go dispatch to them.

const importBooksUsage = `  shuwu import books [--map "书名=题名,著者=作者"] [--sheet NAME] [--all-or-nothing]
                     [--location ID] [--again] [--report FILE(.xlsx|.txt)] [--json] FILE(.xlsx|.csv)
  shuwu import books --template FILE.xlsx`

const importRosterUsage = `  shuwu import roster [--class ID | --create-class --start YYYY-MM-DD --end YYYY-MM-DD]
                      [--map "电话=手机号"] [--sheet NAME] [--again] [--report FILE] [--json] FILE(.xlsx|.csv)
  shuwu import roster --template FILE.xlsx`

const exportXLSXUsage = `  shuwu export xlsx records [--clc D26] --out FILE.xlsx
  shuwu export xlsx readers [--class ID] --out FILE.xlsx
  shuwu export xlsx class ID --out FILE.xlsx
  shuwu export xlsx ledger --from YYYY-MM-DD --to YYYY-MM-DD [--class ID] --out FILE.xlsx`

// sheetFlags are the flags book and roster imports share.
type sheetFlags struct {
	mapping, sheet, report, template *string
	asJSON, again                    *bool
}

func addSheetFlags(fs interface {
	String(name, value, usage string) *string
	Bool(name string, value bool, usage string) *bool
}) sheetFlags {
	return sheetFlags{
		mapping:  fs.String("map", "", `rename headers: "书名=题名,著者=作者"`),
		sheet:    fs.String("sheet", "", "worksheet to read (default: the first)"),
		report:   fs.String("report", "", "write the row-by-row report here: .xlsx, else text"),
		template: fs.String("template", "", "write an empty template with example row to this .xlsx and stop"),
		asJSON:   fs.Bool("json", false, "print the report as JSON"),
		again:    fs.Bool("again", false, "import a file whose content was imported before (it adds its rows again)"),
	}
}

func (f sheetFlags) options(name string) (transfer.SheetOptions, error) {
	m, err := transfer.ParseColumnMap(*f.mapping)
	return transfer.SheetOptions{Name: name, Sheet: *f.sheet, Map: m, Again: *f.again}, err
}

func runImportBooks(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "import books")
	cfg := loadConfig(env, fs)
	sf := addSheetFlags(fs)
	allOrNothing := fs.Bool("all-or-nothing", false, "store nothing unless every row is good")
	location := fs.Int64("location", 0, "location id for rows with no 馆藏位置 (default: the first location)")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	o := transfer.BookSheetOptions{AllOrNothing: *allOrNothing, LocationID: *location}
	return runSheetImport(ctx, env, cfg, sf, pos, importBooksUsage,
		func(ctx context.Context, svc *transfer.Service, w io.Writer) error {
			return svc.WriteBooksTemplate(ctx, w)
		},
		func(ctx context.Context, svc *transfer.Service, in io.Reader, sheet transfer.SheetOptions, progress func(done, total int)) (transfer.SheetReport, error) {
			o.SheetOptions, o.Progress = sheet, progress
			return svc.ImportBooks(ctx, in, o)
		})
}

func runImportRoster(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "import roster")
	cfg := loadConfig(env, fs)
	sf := addSheetFlags(fs)
	class := fs.Int64("class", 0, "put every row in this class (id); default: the 班次 column")
	create := fs.Bool("create-class", false, "open classes named in 班次 that do not exist yet (needs --start and --end)")
	start := fs.String("start", "", "start date of created classes (YYYY-MM-DD)")
	end := fs.String("end", "", "end date of created classes (YYYY-MM-DD)")
	kind := fs.String("kind", "", "kind of created classes (default 主体班)")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	o := transfer.RosterOptions{ClassID: *class, CreateClass: *create, Start: *start, End: *end, Kind: *kind}
	return runSheetImport(ctx, env, cfg, sf, pos, importRosterUsage,
		func(ctx context.Context, svc *transfer.Service, w io.Writer) error {
			return svc.WriteRosterTemplate(ctx, w)
		},
		func(ctx context.Context, svc *transfer.Service, in io.Reader, sheet transfer.SheetOptions, progress func(done, total int)) (transfer.SheetReport, error) {
			o.SheetOptions, o.Progress = sheet, progress
			return svc.ImportRoster(ctx, in, o)
		})
}

// runSheetImport is what the book-list and roster imports share: write the
// template when --template is given, else import the one file with a
// progress bar and print the report.
func runSheetImport(ctx context.Context, env Env, cfg *config.Config, sf sheetFlags, pos []string, usage string,
	template func(context.Context, *transfer.Service, io.Writer) error,
	run func(ctx context.Context, svc *transfer.Service, in io.Reader, sheet transfer.SheetOptions, progress func(done, total int)) (transfer.SheetReport, error)) error {
	if (*sf.template == "") == (len(pos) != 1) {
		fmt.Fprintln(env.Stderr, "用法 / usage:\n"+usage)
		return errUsage
	}
	ctx = audit.WithActor(ctx, audit.System)
	a, svc, err := openTransfer(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	if *sf.template != "" {
		return writeFile(env, *sf.template, func(w io.Writer) error { return template(ctx, svc, w) })
	}
	sheet, err := sf.options(pos[0])
	if err != nil {
		return err
	}
	in, closeIn, err := openIn(env, pos[0])
	if err != nil {
		return err
	}
	defer closeIn()
	bar := newProgressBar(env, "导入 / import", 0)
	rep, err := run(ctx, svc, in, sheet, func(done, total int) { bar.total = total; bar.Set(done) })
	bar.Done()
	if err != nil {
		return err
	}
	return finishSheetImport(env, rep, sf)
}

// finishSheetImport prints the report and writes the --report file.
func finishSheetImport(env Env, rep transfer.SheetReport, sf sheetFlags) error {
	if *sf.report != "" {
		err := writeFile(env, *sf.report, func(w io.Writer) error {
			if strings.EqualFold(filepath.Ext(*sf.report), ".xlsx") {
				return transfer.WriteReportXLSX(w, rep)
			}
			return transfer.WriteReportText(w, rep)
		})
		if err != nil {
			return err
		}
	}
	if *sf.asJSON {
		return json.NewEncoder(env.Stdout).Encode(rep)
	}
	for _, r := range rep.Rows {
		for _, p := range r.Problems {
			fmt.Fprintln(env.Stdout, "未导入 / rejected:", p.String())
		}
		for _, p := range r.Warnings {
			fmt.Fprintln(env.Stdout, "提示 / warning:", p.String())
		}
	}
	fmt.Fprint(env.Stdout, rep.Summary())
	return nil
}

// writeFile creates path and fills it with write; a failure removes the
// partial file.
func writeFile(env Env, path string, write func(io.Writer) error) error {
	out, closeOut, err := createOut(env, path)
	if err != nil {
		return err
	}
	err = write(out)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil && path != "-" {
		os.Remove(path)
	}
	return err
}

func runExportXLSX(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "export xlsx")
	cfg := loadConfig(env, fs)
	clcPrefix := fs.String("clc", "", "records: only classes starting with this, e.g. D26")
	class := fs.Int64("class", 0, "readers, ledger: only this class's members")
	from := fs.String("from", "", "ledger: first day (YYYY-MM-DD)")
	to := fs.String("to", "", "ledger: last day (YYYY-MM-DD), included")
	outPath := fs.String("out", "", "the .xlsx file to write (- for stdout)")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	usage := func() error {
		fmt.Fprintln(env.Stderr, "用法 / usage:\n"+exportXLSXUsage)
		return errUsage
	}
	if len(pos) == 0 || *outPath == "" {
		return usage()
	}
	var export func(*transfer.Service, io.Writer) (transfer.SheetCounts, error)
	switch {
	case pos[0] == "records" && len(pos) == 1:
		export = func(s *transfer.Service, w io.Writer) (transfer.SheetCounts, error) {
			return s.ExportRecordsXLSX(ctx, w, transfer.RecordsSheetOptions{CLCPrefix: *clcPrefix})
		}
	case pos[0] == "readers" && len(pos) == 1:
		export = func(s *transfer.Service, w io.Writer) (transfer.SheetCounts, error) {
			return s.ExportReadersXLSX(ctx, w, *class)
		}
	case pos[0] == "class" && len(pos) == 2:
		id, err := strconv.ParseInt(pos[1], 10, 64)
		if err != nil {
			return errs.Invalid(CodeClassIDInvalid, "class", "班次编号应为数字："+pos[1], "the class id must be a number: "+pos[1])
		}
		export = func(s *transfer.Service, w io.Writer) (transfer.SheetCounts, error) {
			return s.ExportClassXLSX(ctx, w, id)
		}
	case pos[0] == "ledger" && len(pos) == 1:
		if *from == "" || *to == "" {
			return usage()
		}
		export = func(s *transfer.Service, w io.Writer) (transfer.SheetCounts, error) {
			return s.ExportLedgerXLSX(ctx, w, transfer.LedgerSheetOptions{From: *from, To: *to, ClassID: *class})
		}
	default:
		return usage()
	}
	ctx = audit.WithActor(ctx, audit.System)
	a, svc, err := openTransfer(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	var counts transfer.SheetCounts
	err = writeFile(env, *outPath, func(w io.Writer) (err error) {
		counts, err = export(svc, w)
		return err
	})
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(env.Stderr, "%s：%d 行 / %d rows\n", name, counts[name], counts[name])
	}
	return nil
}
