package ordersheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/acquisitions"
	"shuwu/internal/acquisitions/ordersheet"
	"shuwu/internal/errs"
)

func order() (acquisitions.Order, []acquisitions.Line) {
	o := acquisitions.Order{Number: "采字〔2026〕第001号", SupplierName: "新华书店", OrderDate: "2026-03-01", DueDate: "2026-04-01"}
	return o, []acquisitions.Line{
		{ID: 11, ISBN: "9787010245355", Title: "中国共产党简史", Author: "本书编写组", Publisher: "人民出版社", Copies: 5, ListPriceFen: 4500, Discount: 780},
		{ID: 12, Title: "论党的自我革命", Publisher: "党建读物出版社", Copies: 2, ListPriceFen: 3800, Discount: 1000},
	}
}

// fill writes the supplier's answers into an exported sheet.
func fill(t testing.TB, data []byte, cells map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for c, v := range cells {
		if err := f.SetCellValue("订书单", c, v); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// The exported sheet, answered by the supplier, reads back as the lines
// with what the supplier changed; what they left blank stays.
func TestTheSupplierAnswersTheExportedSheet(t *testing.T) {
	o, lines := order()
	var buf bytes.Buffer
	if err := ordersheet.Write(&buf, o, lines); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if v, _ := f.GetCellValue("订书单", "D4"); v != "中国共产党简史" {
		t.Errorf("D4 = %q", v)
	}
	if v, _ := f.GetCellValue("订书单", "I4"); v != "7.8" {
		t.Errorf("discount cell = %q", v)
	}
	f.Close()
	answered := fill(t, buf.Bytes(), map[string]string{"K4": "3", "H4": "46.00", "I4": "7.5折", "L4": "余 2 册月底到", "K5": "０"})
	rows, err := ordersheet.Read(bytes.NewReader(answered))
	if err != nil {
		t.Fatal(err)
	}
	want := []acquisitions.SheetRow{{Sheet: 4, LineID: 11, Copies: 3, ListPriceFen: 4600, Discount: 750, Note: "余 2 册月底到"}, {Sheet: 5, LineID: 12, Copies: 0, ListPriceFen: 3800, Discount: 1000}}
	if len(rows) != 2 || rows[0] != want[0] || rows[1] != want[1] {
		t.Fatalf("rows\n%+v\nwant\n%+v", rows, want)
	}
}

// Bad rows are all named, in Chinese, and nothing is returned.
func TestBadRowsAreNamed(t *testing.T) {
	o, lines := order()
	var buf bytes.Buffer
	if err := ordersheet.Write(&buf, o, lines); err != nil {
		t.Fatal(err)
	}
	bad := fill(t, buf.Bytes(), map[string]string{"K4": "三", "I5": "abc"})
	rows, err := ordersheet.Read(bytes.NewReader(bad))
	if rows != nil || !errs.Is(err, acquisitions.CodeSheetInvalid) {
		t.Fatalf("rows %v, err %v", rows, err)
	}
	msg := errs.As(err).Message
	for _, w := range []string{"确认单有 2 处错误，未作任何修改", "第 4 行：确认册数“三”须为 0 到 500 的整数", "第 5 行：折扣“abc”应写成 7.8"} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q does not say %q", msg, w)
		}
	}
	for _, c := range []struct {
		data []byte
		want string
	}{{[]byte("书名,册数\n"), "不是 Excel 文件"}, {[]byte("PK\x03\x04garbage"), "无法读取该 Excel 文件"}} {
		if _, err := ordersheet.Read(bytes.NewReader(c.data)); err == nil || !strings.Contains(errs.As(err).Message, c.want) {
			t.Errorf("%q: %v", c.data, err)
		}
	}
	if _, err := ordersheet.Parse([][]string{{"书名", "册数"}, {"某书", "3"}}); err == nil || !strings.Contains(errs.As(err).Message, "找不到“行号”列") {
		t.Errorf("no 行号: %v", err)
	}
}

func TestDiscounts(t *testing.T) {
	for in, want := range map[string]int{"7.8": 780, "7.8折": 780, "78%": 780, "0.78": 780, "10": 1000, "100%": 1000, "7.85": 785, "１０": 0} {
		got, ok := ordersheet.ParseDiscount(in)
		if in == "１０" { // full-width digits are narrowed before, by Parse
			continue
		}
		if !ok || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "11", "-5", "0", "7.8.1", "+7", "101%", "7.855"} {
		if d, ok := ordersheet.ParseDiscount(in); ok {
			t.Errorf("%q read as %d", in, d)
		}
	}
}

// FuzzParse: whatever a supplier's sheet holds, reading it never panics;
// it is refused with a Chinese message, or every row it gives is within
// the bounds the service relies on.
func FuzzParse(f *testing.F) {
	f.Add("11", "3", "45.00", "7.8", "备注")
	f.Add("12", "", "", "", "")
	f.Add("x", "-1", "¥1,000.5", "78%", "\x00")
	f.Add("999999999999999999999", "1e3", "NaN", "0.0001", strings.Repeat("长", 600))
	f.Fuzz(func(t *testing.T, line, copies, price, discount, note string) {
		cells := [][]string{{"采字 订书单"}, {}, {"行号", "序号", "ISBN", "书名", "著者", "出版社", "订购册数", "定价（元）", "折扣", "实洋（元）", "确认册数", "书商备注"},
			{line, "1", "", "书", "", "", "1", price, discount, "", copies, note}}
		rows, err := ordersheet.Parse(cells)
		if err != nil {
			e := errs.As(err)
			if e.Kind != errs.KindInvalid || e.Message == "" {
				t.Fatalf("%v", err)
			}
			return
		}
		for _, r := range rows {
			if r.LineID <= 0 || r.Copies < -1 || r.Copies > acquisitions.MaxCopies || r.ListPriceFen < -1 || r.ListPriceFen > acquisitions.MaxPriceFen ||
				r.Discount < 0 || r.Discount > acquisitions.FullPrice {
				t.Fatalf("row out of bounds: %+v", r)
			}
		}
	})
}

// FuzzRead: arbitrary bytes as an upload are refused cleanly. (Under
// -fuzz the engine stalls inside excelize's unzip after a few inputs, so
// fuzz FuzzParse, where the sheet's rules are; 3,000 random byte flips of
// the exported sheet each read in under 200 ms.)
func FuzzRead(f *testing.F) {
	o, lines := order()
	var buf bytes.Buffer
	if err := ordersheet.Write(&buf, o, lines); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ordersheet.Read(bytes.NewReader(data)); err != nil && errs.As(err).Kind != errs.KindInvalid {
			t.Fatalf("%v", err)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	o, lines := order()
	var buf bytes.Buffer
	if err := ordersheet.Write(&buf, o, lines); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ordersheet.Read(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
