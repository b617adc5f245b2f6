// Package ordersheet writes an order as the Excel sheet a supplier wants
// (订书单) and reads back the supplier's confirmation or quote (确认单):
// the same sheet with the copies they can supply, corrected prices and
// discounts, and notes. Reading is all or nothing: a bad row is named,
// in Chinese, and nothing is applied.
package ordersheet

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"shuwu/internal/acquisitions"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// The columns of the sheet. 行号 ties a row to its order line and must
// stay; the supplier fills 确认册数 and may correct 定价 and 折扣.
const (
	colLine      = "行号"
	colSeq       = "序号"
	colISBN      = "ISBN"
	colTitle     = "书名"
	colAuthor    = "著者"
	colPublisher = "出版社"
	colCopies    = "订购册数"
	colPrice     = "定价（元）"
	colDiscount  = "折扣"
	colNet       = "实洋（元）"
	colConfirmed = "确认册数"
	colNote      = "书商备注"
)

var headers = []string{colLine, colSeq, colISBN, colTitle, colAuthor, colPublisher, colCopies, colPrice, colDiscount, colNet, colConfirmed, colNote}
var widths = []float64{8, 6, 16, 36, 16, 20, 10, 11, 8, 11, 10, 24}

// Limits of a confirmation sheet: an order is a few hundred titles.
const (
	MaxRows      = 2000
	MaxCellRunes = 500
	// MaxFileBytes bounds the upload; the unzipped parts are bounded too.
	MaxFileBytes = 5 << 20
)

// Write writes the order and its lines as an .xlsx to w.
func Write(w io.Writer, o acquisitions.Order, lines []acquisitions.Line) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "订书单"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	if err != nil {
		return err
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s 订书单 · 书商：%s · 订购日期：%s", o.Number, o.SupplierName, o.OrderDate)
	if o.DueDate != "" {
		title += " · 到货期限：" + o.DueDate
	}
	set := func(cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
	}
	set("A1", title)
	set("A2", "请在“确认册数”填写可供册数（缺货填 0），如定价或折扣有变请直接改正；“行号”列请勿改动。")
	for i, h := range headers {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(c, h)
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err == nil {
			err = f.SetColWidth(sheet, col, col, widths[i])
		}
	}
	if err == nil {
		err = f.SetCellStyle(sheet, "A3", "L3", head)
	}
	row := 4
	var copies int
	var total int64
	for i, l := range lines {
		vals := []any{l.ID, i + 1, l.ISBN, l.Title, l.Author, l.Publisher, l.Copies, float64(l.ListPriceFen) / 100, discountCell(int(l.Discount)), float64(l.ValueFen()) / 100, "", l.SupplierNote}
		for j, v := range vals {
			c, _ := excelize.CoordinatesToCellName(j+1, row)
			set(c, v)
		}
		copies += l.Copies
		total += l.ValueFen()
		row++
	}
	set(fmt.Sprintf("D%d", row), fmt.Sprintf("合计 %d 种", len(lines)))
	set(fmt.Sprintf("G%d", row), copies)
	set(fmt.Sprintf("J%d", row), float64(total)/100)
	if err == nil {
		err = f.SetCellStyle(sheet, "H4", fmt.Sprintf("H%d", row), money)
	}
	if err == nil {
		err = f.SetCellStyle(sheet, "J4", fmt.Sprintf("J%d", row), money)
	}
	if err == nil {
		err = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	if err != nil {
		return err
	}
	return f.Write(w)
}

// discountCell writes a discount as booksellers do: 7.8 for 7.8 折, 10
// for none.
func discountCell(d int) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%d.%02d", d/100, d%100), "0"), ".")
}

// Row is one row of a supplier's sheet.
type Row = acquisitions.SheetRow

func prob(row int, zh, en string) acquisitions.SheetProblem {
	return acquisitions.SheetProblem{Row: row, Zh: zh, En: en}
}

func invalid(zh, en string) error {
	return errs.Invalid(acquisitions.CodeSheetInvalid, "file", zh, en)
}

// Read reads a supplier's sheet: the rows under the header that has 行号.
// Rows whose 行号 is empty (the totals row, notes) are skipped.
func Read(r io.Reader) ([]Row, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, invalid("文件过大（最多 5 MB）", "the file is too large (5 MB at most)")
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, invalid("不是 Excel 文件（.xlsx），请上传书商返回的确认单", "not an Excel file (.xlsx): upload the supplier's sheet")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, invalid("无法读取该 Excel 文件，请确认是 .xlsx 格式", "the Excel file cannot be read: is it an .xlsx?")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, invalid("Excel 文件中没有工作表", "the file has no worksheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, invalid("无法读取该 Excel 文件的工作表", "the worksheet cannot be read")
	}
	defer rows.Close()
	var cells [][]string
	for rows.Next() {
		if len(cells) > MaxRows+20 {
			return nil, invalid(fmt.Sprintf("确认单行数过多（最多 %d 行）", MaxRows), fmt.Sprintf("the sheet has too many rows (%d at most)", MaxRows))
		}
		c, err := rows.Columns()
		if err != nil {
			return nil, invalid("无法读取该 Excel 文件的工作表", "the worksheet cannot be read")
		}
		cells = append(cells, c)
	}
	return Parse(cells)
}

// Parse reads the rows of a sheet already split into cells (index 0 is
// Excel's row 1).
func Parse(cells [][]string) ([]Row, error) {
	head, cols := -1, map[string]int{}
	for i := 0; i < len(cells) && i < 10 && head < 0; i++ {
		for j, c := range cells[i] {
			if normalize(c) == colLine {
				head = i
			}
			if h := normalize(c); h != "" {
				if _, dup := cols[h]; !dup {
					cols[h] = j
				}
			}
		}
		if head < 0 {
			clear(cols)
		}
	}
	if head < 0 {
		return nil, invalid("找不到“行号”列：请使用本系统导出的订书单填写后上传", "no 行号 column: fill in the order sheet this system exported")
	}
	cell := func(row []string, name string) string {
		j, ok := cols[name]
		if !ok || j >= len(row) {
			return ""
		}
		return strings.TrimSpace(width.Narrow.String(row[j]))
	}
	var out []Row
	var bad []acquisitions.SheetProblem
	seen := map[int64]int{}
	for i := head + 1; i < len(cells); i++ {
		n := i + 1
		row := cells[i]
		for _, c := range row {
			if utf8.RuneCountInString(c) > MaxCellRunes {
				bad = append(bad, prob(n, fmt.Sprintf("有单元格超过 %d 字", MaxCellRunes), fmt.Sprintf("a cell is longer than %d characters", MaxCellRunes)))
				break
			}
		}
		raw := cell(row, colLine)
		if raw == "" {
			continue
		}
		if len(out) >= MaxRows {
			return nil, invalid(fmt.Sprintf("确认单行数过多（最多 %d 行）", MaxRows), fmt.Sprintf("the sheet has too many rows (%d at most)", MaxRows))
		}
		r := Row{Sheet: n, Copies: -1, ListPriceFen: -1, Note: plaintext.Line(cell(row, colNote))}
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			bad = append(bad, prob(n, fmt.Sprintf("行号“%s”不是本系统导出的行号", raw), fmt.Sprintf("行号 %q is not one this system exported", raw)))
			continue
		}
		r.LineID = id
		if prev, dup := seen[id]; dup {
			bad = append(bad, prob(n, fmt.Sprintf("行号 %d 与第 %d 行重复", id, prev), fmt.Sprintf("行号 %d repeats row %d", id, prev)))
			continue
		}
		seen[id] = n
		if v := cell(row, colConfirmed); v != "" {
			c, err := strconv.Atoi(strings.TrimSuffix(v, "册"))
			if err != nil || c < 0 || c > acquisitions.MaxCopies {
				bad = append(bad, prob(n, fmt.Sprintf("确认册数“%s”须为 0 到 %d 的整数（缺货填 0）", v, acquisitions.MaxCopies), fmt.Sprintf("confirmed copies %q must be a whole number from 0 to %d", v, acquisitions.MaxCopies)))
				continue
			}
			r.Copies = c
		}
		if v := cell(row, colPrice); v != "" {
			p, ok := ParseYuan(v)
			if !ok || p > acquisitions.MaxPriceFen {
				bad = append(bad, prob(n, fmt.Sprintf("定价“%s”不是有效金额（如 45.00）", v), fmt.Sprintf("list price %q is not an amount like 45.00", v)))
				continue
			}
			r.ListPriceFen = p
		}
		if v := cell(row, colDiscount); v != "" {
			d, ok := ParseDiscount(v)
			if !ok {
				bad = append(bad, prob(n, fmt.Sprintf("折扣“%s”应写成 7.8（即 7.8 折）或 78%%", v), fmt.Sprintf("discount %q must look like 7.8 (7.8 折) or 78%%", v)))
				continue
			}
			r.Discount = acquisitions.Discount(d)
		}
		out = append(out, r)
	}
	if len(bad) > 0 {
		return nil, acquisitions.SheetRefused(bad)
	}
	if len(out) == 0 {
		return nil, invalid("确认单中没有任何订单行", "the sheet has no order lines")
	}
	return out, nil
}

func normalize(h string) string {
	h = strings.TrimSpace(width.Narrow.String(h))
	h = strings.NewReplacer(" ", "", "(", "（", ")", "）").Replace(h)
	switch h {
	case "定价", "定价（元）", "单价", "单价（元）":
		return colPrice
	case "确认数", "可供册数", "确认册数":
		return colConfirmed
	case "备注", "书商备注":
		return colNote
	}
	return h
}

// ParseYuan reads an amount in yuan (45, 45.5, ¥45.00) into fen.
func ParseYuan(s string) (int64, bool) {
	s = strings.TrimSpace(strings.NewReplacer("¥", "", "￥", "", "元", "", ",", "").Replace(s))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 9 || len(frac) > 2 || strings.ContainsAny(whole+frac, "+-") {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	y, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return y*100 + f, true
}

// ParseDiscount reads a discount the ways booksellers write it into per
// mille of the list price: 7.8 or 7.8折 (780), 78% (780), 0.78 (780),
// 10 or 100% (1000, none).
func ParseDiscount(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "折"))
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 3 || len(frac) > 3 || strings.ContainsAny(whole+frac, "+-") {
		return 0, false
	}
	pad := frac
	for len(pad) < 3 {
		pad += "0"
	}
	w, err1 := strconv.Atoi(whole)
	fr, err2 := strconv.Atoi(pad)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	thousandths := w*1000 + fr // s × 1000
	var d int
	switch {
	case pct: // 78% → 780
		d = thousandths / 100
		if thousandths%100 != 0 {
			return 0, false
		}
	case w == 0: // 0.78 → 780
		d = thousandths
	default: // 7.8 → 780
		d = thousandths / 10
		if thousandths%10 != 0 {
			return 0, false
		}
	}
	if d < 1 || d > acquisitions.FullPrice {
		return 0, false
	}
	return d, true
}
