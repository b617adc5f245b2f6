package transfer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/width"

	"shuwu/internal/errs"
)

// SheetOptions say how to read a spreadsheet: which sheet, and how its
// headers map to the ones the import knows.
type SheetOptions struct {
	// Name is the file's name; its extension tells .xlsx from .csv when
	// the content alone does not (an .xlsx is a zip and starts with "PK").
	Name string
	// Sheet is the worksheet to read in an .xlsx; "" reads the first one.
	Sheet string
	// Map renames headers before they are matched: {"书名": "题名"}.
	Map map[string]string
}

// ParseColumnMap reads a --map value such as "书名=题名,著者=作者" (full-width
// ，and ＝ are accepted, as Chinese input methods type them).
func ParseColumnMap(s string) (map[string]string, error) {
	out := map[string]string{}
	s = strings.NewReplacer("，", ",", "＝", "=", "；", ",", ";", ",").Replace(s)
	for pair := range strings.SplitSeq(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		from, to, ok := strings.Cut(pair, "=")
		from, to = normalizeHeader(from), normalizeHeader(to)
		if !ok || from == "" || to == "" {
			return nil, errs.Invalid(CodeColumnMapMalformed, "map", fmt.Sprintf("列名对应“%s”应写成 原列名=标准列名，如 书名=题名", pair),
				fmt.Sprintf("column mapping %q must look like 书名=题名", pair))
		}
		out[from] = to
	}
	return out, nil
}

// table is a sheet read into strings: the header row and the data rows,
// each with the row number Excel shows for it.
type table struct {
	headerRow int
	headers   []string // canonical names after mapping
	raw       []string // as written in the file
	rows      []tableRow
}

type tableRow struct {
	num   int
	cells []string
}

// col returns the index of a canonical header, -1 when it is missing.
func (t *table) col(name string) int {
	for i, h := range t.headers {
		if h == name {
			return i
		}
	}
	return -1
}

// at returns cell i, "" when the row is shorter.
func (r tableRow) at(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// maxHeaderScan is how many rows may precede the header row: a sheet
// often opens with a title line such as "2024年新书清单".
const maxHeaderScan = 10

// readTable reads an .xlsx or a CSV (UTF-8 with or without BOM, or GBK)
// and finds the header row: the first row that names the key column
// (题名 for book lists, 姓名 for rosters) once mapped.
func readTable(in io.Reader, o SheetOptions, key string) (*table, error) {
	data, err := io.ReadAll(in)
	if err != nil {
		return nil, errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	var rows [][]string
	if isXLSX(data, o.Name) {
		rows, err = xlsxRows(data, o.Sheet)
	} else {
		rows, err = csvRows(data)
	}
	if err != nil {
		return nil, err
	}
	t := &table{}
	for i := 0; i < len(rows) && i < maxHeaderScan; i++ {
		hs := make([]string, len(rows[i]))
		for j, h := range rows[i] {
			hs[j] = normalizeHeader(h)
			if to, ok := o.Map[hs[j]]; ok {
				hs[j] = to
			}
		}
		if indexOf(hs, key) >= 0 {
			t.headerRow, t.headers, t.raw = i+1, hs, rows[i]
			break
		}
	}
	if t.headerRow == 0 {
		return nil, errs.Invalid(CodeSheetNoHeader, key, fmt.Sprintf("前 %d 行中没有找到“%s”列：请检查表头，或用 --map 指定列名对应", maxHeaderScan, key),
			fmt.Sprintf("no %q column in the first %d rows: check the headers or map them with --map", key, maxHeaderScan))
	}
	for i := t.headerRow; i < len(rows); i++ {
		cells := make([]string, len(rows[i]))
		blank := true
		for j, c := range rows[i] {
			cells[j] = strings.TrimSpace(strings.ReplaceAll(c, "\u00a0", " "))
			blank = blank && cells[j] == ""
		}
		if !blank {
			t.rows = append(t.rows, tableRow{num: i + 1, cells: cells})
		}
	}
	return t, nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// normalizeHeader folds full-width letters, drops spaces and the marks
// templates put on headers ("题名*", "价格（元）").
func normalizeHeader(h string) string {
	h = width.Fold.String(strings.TrimSpace(h))
	if i := strings.IndexAny(h, "(（"); i > 0 {
		h = h[:i]
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '*', '\t', '\n', '\r':
			return -1
		}
		return r
	}, h)
}

// cleanNumber undoes what spreadsheets do to numbers in the columns that
// hold them (ISBN, price, year, copies, phone): 45.6 stored as
// 45.600000000000001, a long ISBN as 9.78701E+12. Other text is returned
// as it is.
func cleanNumber(c string) string {
	if !strings.ContainsAny(c, ".Ee") {
		return c
	}
	f, err := strconv.ParseFloat(c, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return c
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
}

func isXLSX(data []byte, name string) bool {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return true
	}
	return strings.HasSuffix(strings.ToLower(name), ".xlsx")
}

// xlsxRows reads one worksheet with raw cell values, so a number keeps
// all its digits whatever format the cell shows it in.
func xlsxRows(data []byte, sheet string) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, errs.Invalid(CodeXLSXUnreadable, "file", "无法打开 Excel 文件：请确认是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx 或 CSV）",
			"cannot open the excel file: it must be .xlsx (save old .xls files as .xlsx or csv)").Wrap(err)
	}
	defer f.Close()
	list := f.GetSheetList()
	if sheet == "" && len(list) > 0 {
		sheet = list[0]
	}
	if indexOf(list, sheet) < 0 {
		return nil, errs.Invalid(CodeSheetNotFound, "sheet", fmt.Sprintf("工作表“%s”不存在（有：%s）", sheet, strings.Join(list, "、")),
			fmt.Sprintf("no sheet %q (there are: %s)", sheet, strings.Join(list, ", ")))
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, errs.Invalid(CodeXLSXUnreadable, "file", "无法读取工作表“"+sheet+"”", "cannot read sheet "+sheet).Wrap(err)
	}
	return rows, nil
}

// csvRows reads a CSV as Excel writes it: UTF-8 with a BOM, UTF-8
// without, or GBK ("CSV (逗号分隔)" on a Chinese Windows). Text that is
// not valid UTF-8 is taken as GB18030, of which GBK is a subset; a few
// GBK strings happen to be valid UTF-8, but a whole file rarely is.
func csvRows(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var r io.Reader = bytes.NewReader(data)
	if !utf8.Valid(data) {
		r = simplifiedchinese.GB18030.NewDecoder().Reader(r)
	}
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, errs.Invalid(CodeCSVUnreadable, "file", "CSV 文件格式错误："+err.Error(), "malformed csv: "+err.Error())
	}
	return rows, nil
}
