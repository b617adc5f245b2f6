package transfer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/width"

	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
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
	// Again imports a file whose content was imported before; without it
	// such a file is refused (FILE_ALREADY_IMPORTED), so that uploading
	// it twice does not add its copies or trainees twice.
	Again bool
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

// The most a sheet may hold. A book list or roster beyond them is a
// mistake (a whole-column formula, an export of something else) or an
// attack, and is refused with a clear error before anything is stored.
const (
	// MaxSheetRows bounds the data rows of one sheet: twice the largest
	// collection a reading room has, and far below what a desk can wait for.
	MaxSheetRows = 200_000
	// MaxSheetColumns bounds the cells of one row (trailing blanks aside).
	MaxSheetColumns = 64
	// MaxCellRunes is Excel's own limit for the text of one cell.
	MaxCellRunes = 32_767
)

// table is a sheet's header: which column holds what, found in the row
// Excel shows as headerRow.
type table struct {
	headerRow int
	headers   []string // canonical names after mapping
	raw       []string // as written in the file
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

// rawRows yields a file's rows one at a time, io.EOF after the last.
type rawRows interface {
	next() ([]string, error)
	close()
}

// sheetRows reads a book list or roster row by row, so a sheet of any size
// costs the memory of one row: the header first, then each non-blank data
// row with the number Excel shows for it.
type sheetRows struct {
	*table
	src  rawRows
	num  int // Excel's number of the last row read
	data int // data rows returned so far
}

// openSheet opens an .xlsx or a CSV (UTF-8 with or without BOM, or GBK)
// and finds the header row: the first row that names the key column
// (题名 for book lists, 姓名 for rosters) once mapped. in is read from
// where it stands; a CSV is read twice (once to tell UTF-8 from GBK), so
// it is rewound to that start.
func openSheet(in io.ReadSeeker, o SheetOptions, key string) (*sheetRows, error) {
	head := make([]byte, 4)
	n, _ := io.ReadFull(in, head)
	if _, err := in.Seek(int64(-n), io.SeekCurrent); err != nil {
		return nil, errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	var src rawRows
	var err error
	if isXLSX(head[:n], o.Name) {
		src, err = openXLSX(in, o.Sheet)
	} else {
		src, err = openCSV(in)
	}
	if err != nil {
		return nil, err
	}
	s := &sheetRows{src: src, table: &table{}}
	for s.num < maxHeaderScan {
		cells, err := s.raw()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			src.close()
			return nil, err
		}
		hs := make([]string, len(cells))
		for j, h := range cells {
			hs[j] = normalizeHeader(h)
			if to, ok := o.Map[hs[j]]; ok {
				hs[j] = to
			}
		}
		if indexOf(hs, key) >= 0 {
			s.table.headerRow, s.table.headers, s.table.raw = s.num, hs, cells
			return s, nil
		}
	}
	src.close()
	return nil, errs.Invalid(CodeSheetNoHeader, key, fmt.Sprintf("前 %d 行中没有找到“%s”列：请检查表头，或用 --map 指定列名对应", maxHeaderScan, key),
		fmt.Sprintf("no %q column in the first %d rows: check the headers or map them with --map", key, maxHeaderScan))
}

// raw reads the next row of the file, checked against the limits.
func (s *sheetRows) raw() ([]string, error) {
	cells, err := s.src.next()
	if err != nil {
		return nil, err
	}
	s.num++
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) > MaxSheetColumns {
		return nil, errs.Invalid(CodeSheetTooManyColumns, "file", fmt.Sprintf("第 %d 行有 %d 列，超过上限 %d 列：请只保留需要导入的列", s.num, len(cells), MaxSheetColumns),
			fmt.Sprintf("row %d has %d columns, more than the %d allowed: keep only the columns to import", s.num, len(cells), MaxSheetColumns))
	}
	out := make([]string, len(cells))
	for j, c := range cells {
		if utf8.RuneCountInString(c) > MaxCellRunes {
			col, _ := excelize.ColumnNumberToName(j + 1)
			return nil, errs.Invalid(CodeSheetCellTooLong, "file", fmt.Sprintf("第 %d 行 %s 列的内容超过 %d 字，无法导入", s.num, col, MaxCellRunes),
				fmt.Sprintf("cell %s%d holds more than %d characters", col, s.num, MaxCellRunes))
		}
		// plaintext drops NUL, control and bidi-override characters,
		// which a spreadsheet happily carries.
		out[j] = plaintext.Text(strings.ReplaceAll(c, "\u00a0", " "))
	}
	return out, nil
}

// next returns the next non-blank data row, io.EOF after the last.
func (s *sheetRows) next() (tableRow, error) {
	for {
		cells, err := s.raw()
		if err != nil {
			return tableRow{}, err
		}
		blank := true
		for _, c := range cells {
			blank = blank && c == ""
		}
		if blank {
			continue
		}
		s.data++
		if s.data > MaxSheetRows {
			return tableRow{}, errs.Invalid(CodeSheetTooManyRows, "file", fmt.Sprintf("表中数据超过 %d 行，无法一次导入：请分成几个文件分别导入", MaxSheetRows),
				fmt.Sprintf("the sheet has more than %d data rows: split it into several files", MaxSheetRows))
		}
		return tableRow{num: s.num, cells: cells}, nil
	}
}

func (s *sheetRows) close() { s.src.close() }

// eachRow opens a sheet at the start of in and calls fn with every data
// row: the reading both passes of an import share.
func eachRow(ctx context.Context, in io.ReadSeeker, o SheetOptions, key string, fn func(t *table, row tableRow) error) (*table, error) {
	if _, err := in.Seek(0, io.SeekStart); err != nil {
		return nil, errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	sr, err := openSheet(in, o, key)
	if err != nil {
		return nil, err
	}
	defer sr.close()
	for {
		if err := ctx.Err(); err != nil {
			return sr.table, err
		}
		row, err := sr.next()
		if errors.Is(err, io.EOF) {
			return sr.table, nil
		}
		if err != nil {
			return sr.table, err
		}
		if err := fn(sr.table, row); err != nil {
			return sr.table, err
		}
	}
}

// rewindable returns in as something an import can read twice: in itself
// when it can seek, else a temporary copy. done removes the copy.
func rewindable(in io.Reader) (rs io.ReadSeeker, done func(), err error) {
	if rs, ok := in.(io.ReadSeeker); ok {
		return rs, func() {}, nil
	}
	f, err := os.CreateTemp("", "shuwu-sheet-*")
	if err != nil {
		return nil, func() {}, errs.Internalf("spool sheet: %w", err)
	}
	done = func() { f.Close(); os.Remove(f.Name()) }
	if _, err := io.Copy(f, in); err != nil {
		done()
		return nil, func() {}, errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	return f, done, nil
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

func isXLSX(head []byte, name string) bool {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return true
	}
	return strings.HasSuffix(strings.ToLower(name), ".xlsx")
}

// xlsxRows streams one worksheet with raw cell values, so a number keeps
// all its digits whatever format the cell shows it in. A large worksheet
// is unzipped to a temporary file, not into memory.
type xlsxRows struct {
	f    *excelize.File
	rows *excelize.Rows
}

func openXLSX(in io.Reader, sheet string) (*xlsxRows, error) {
	f, err := excelize.OpenReader(in, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, errs.Invalid(CodeXLSXUnreadable, "file", "无法打开 Excel 文件：请确认是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx 或 CSV）",
			"cannot open the excel file: it must be .xlsx (save old .xls files as .xlsx or csv)").Wrap(err)
	}
	list := f.GetSheetList()
	if sheet == "" && len(list) > 0 {
		sheet = list[0]
	}
	if indexOf(list, sheet) < 0 {
		f.Close()
		return nil, errs.Invalid(CodeSheetNotFound, "sheet", fmt.Sprintf("工作表“%s”不存在（有：%s）", sheet, strings.Join(list, "、")),
			fmt.Sprintf("no sheet %q (there are: %s)", sheet, strings.Join(list, ", ")))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, errs.Invalid(CodeXLSXUnreadable, "file", "无法读取工作表“"+sheet+"”", "cannot read sheet "+sheet).Wrap(err)
	}
	return &xlsxRows{f: f, rows: rows}, nil
}

func (x *xlsxRows) next() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, errs.Invalid(CodeXLSXUnreadable, "file", "Excel 文件内容损坏，无法继续读取", "the excel file is damaged").Wrap(err)
		}
		return nil, io.EOF
	}
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, errs.Invalid(CodeXLSXUnreadable, "file", "Excel 文件内容损坏，无法继续读取", "the excel file is damaged").Wrap(err)
	}
	return cells, nil
}

func (x *xlsxRows) close() {
	x.rows.Close()
	x.f.Close()
}

// csvRows streams a CSV as Excel writes it: UTF-8 with a BOM, UTF-8
// without, or GBK ("CSV (逗号分隔)" on a Chinese Windows). A file that is
// not valid UTF-8 throughout is taken as GB18030, of which GBK is a
// subset; a few GBK strings happen to be valid UTF-8, but a whole file
// rarely is.
type csvRows struct {
	r *csv.Reader
}

func openCSV(in io.ReadSeeker) (*csvRows, error) {
	start, err := in.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	utf, err := validUTF8(in)
	if err == nil {
		_, err = in.Seek(start, io.SeekStart)
	}
	if err != nil {
		return nil, errs.Invalid(CodeFileUnreadable, "file", "无法读取文件", "cannot read the file").Wrap(err)
	}
	br := bufio.NewReaderSize(in, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	var r io.Reader = br
	if !utf {
		r = bufio.NewReaderSize(simplifiedchinese.GB18030.NewDecoder().Reader(br), 64<<10)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvRows{r: cr}, nil
}

func (c *csvRows) next() ([]string, error) {
	rec, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return nil, io.EOF
	}
	if err != nil {
		return nil, errs.Invalid(CodeCSVUnreadable, "file", "CSV 文件格式错误："+err.Error(), "malformed csv: "+err.Error())
	}
	return rec, nil
}

func (c *csvRows) close() {}

// validUTF8 reads r to its end and reports whether all of it is UTF-8,
// a chunk at a time so a large file is never in memory.
func validUTF8(r io.Reader) (bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		chunk, err := br.Peek(64 << 10)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return false, err
		}
		cut := len(chunk)
		if err == nil {
			// More follows: leave a rune cut at the chunk's end for the next.
			for i := 1; i <= utf8.UTFMax && i <= len(chunk); i++ {
				if utf8.RuneStart(chunk[len(chunk)-i]) {
					if !utf8.FullRune(chunk[len(chunk)-i:]) {
						cut = len(chunk) - i
					}
					break
				}
			}
		}
		if !utf8.Valid(chunk[:cut]) {
			return false, nil
		}
		if err != nil {
			return true, nil
		}
		br.Discard(cut)
	}
}
