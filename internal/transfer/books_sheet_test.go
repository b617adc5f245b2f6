package transfer_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"shuwu/internal/catalog"
	"shuwu/internal/transfer"
)

// xlsxOf builds a one-sheet workbook from rows, the first being headers.
func xlsxOf(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			tb.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func rowOf(tb testing.TB, rep transfer.SheetReport, n int) transfer.RowResult {
	tb.Helper()
	for _, r := range rep.Rows {
		if r.Row == n {
			return r
		}
	}
	tb.Fatalf("no row %d in the report", n)
	return transfer.RowResult{}
}

func TestImportBooksStoresGoodRowsAndReportsBadOnesByRowAndColumn(t *testing.T) {
	s, k := newService(t)
	header := []any{"题名", "作者", "出版社", "出版年", "ISBN", "价格", "分类号", "册数", "来源", "捐赠人", "馆藏位置"}
	data := xlsxOf(t, [][]any{
		header,
		{"习近平谈治国理政 第四卷", "习近平著", "外文出版社", 2022, "9787010173610", 80, "D2-0", 3, "集中采购", "", "藏书室书架第一组"},
		{"错误书号的书", "张三", "人民出版社", 2021, "9787010173611", "45.00", "D26", 1, "", "", ""},
		{"位置不对的书", "李四", "人民出版社", 2021, "", "CNY30.00", "D64", 2, "个人捐赠", "王五", "地下室"},
		{"中国共产党简史", "本书编写组编", "人民出版社", 2021, "", "CNY25.00", "D23", 2, "donation", "赵六", "阅览室"},
		{"习近平谈治国理政（第四卷）", "习近平著", "外文出版社", 2022, "978-7-01-017361-0", 80, "D2-0", 2, "", "", ""},
	})
	rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "books.xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Read != 5 || rep.Added != 2 || rep.Matched != 1 || rep.Rejected != 2 || rep.Items != 7 {
		t.Fatalf("report: read %d added %d matched %d rejected %d items %d", rep.Read, rep.Added, rep.Matched, rep.Rejected, rep.Items)
	}

	isbnRow := rowOf(t, rep, 3)
	if isbnRow.Outcome != transfer.Rejected || len(isbnRow.Problems) != 1 || isbnRow.Problems[0].Column != "ISBN" || !strings.Contains(isbnRow.Problems[0].Message, "校验位") {
		t.Errorf("row 3 should be rejected for its ISBN check digit, got %+v", isbnRow)
	}
	locRow := rowOf(t, rep, 4)
	if locRow.Outcome != transfer.Rejected || len(locRow.Problems) != 1 || locRow.Problems[0].Column != "馆藏位置" || !strings.Contains(locRow.Problems[0].Message, "地下室") {
		t.Errorf("row 4 should be rejected for its location, got %+v", locRow)
	}
	if line := isbnRow.Problems[0].String(); !strings.Contains(line, "第 3 行") || !strings.Contains(line, "“ISBN”") {
		t.Errorf("problem line should name row and column: %s", line)
	}

	for _, title := range []string{"错误书号的书", "位置不对的书"} {
		recs, _, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: title})
		if err != nil || len(recs) != 0 {
			t.Errorf("rejected row %q stored %d records (err %v)", title, len(recs), err)
		}
	}

	first, again := rowOf(t, rep, 2), rowOf(t, rep, 6)
	if first.Outcome != transfer.Added || first.Items != 3 || first.CallNumber != "D2-0/1" || len(first.Barcodes) != 3 {
		t.Errorf("row 2: %+v", first)
	}
	if again.Outcome != transfer.Matched || again.RecordID != first.RecordID || again.Items != 2 || again.CallNumber != "D2-0/1" {
		t.Errorf("row 6 should add copies to row 2's record with the same call number: %+v", again)
	}
	d, err := k.Catalog.Record(k.Ctx, first.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 5 || d.ISBN != "9787010173610" || d.PriceFen != 8000 || d.Year != 2022 || d.Authors[0].Name != "习近平" {
		t.Errorf("stored record: %+v with %d copies", d.Record, len(d.Items))
	}

	history := rowOf(t, rep, 5)
	h, err := k.Catalog.Record(k.Ctx, history.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Items) != 2 || h.Items[0].CallNumber != "D23/1" || h.Items[0].Source != catalog.SourceDonation || h.Items[0].Donor != "赵六" || h.Items[0].Lendable {
		t.Errorf("row 5 copies: %+v", h.Items)
	}
}

func TestImportBooksAllOrNothingStoresNothingWhenARowIsBad(t *testing.T) {
	s, k := newService(t)
	data := xlsxOf(t, [][]any{
		{"题名", "分类号", "册数"},
		{"好书", "D26", 1},
		{"", "D26", "两本"},
	})
	rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(data), transfer.BookSheetOptions{AllOrNothing: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Held != 1 || rep.Rejected != 1 || rep.Items != 0 {
		t.Fatalf("report: held %d rejected %d items %d", rep.Held, rep.Rejected, rep.Items)
	}
	bad := rowOf(t, rep, 3)
	cols := map[string]bool{}
	for _, p := range bad.Problems {
		cols[p.Column] = true
	}
	if !cols["题名"] || !cols["册数"] {
		t.Errorf("row 3 should report both 题名 and 册数: %+v", bad.Problems)
	}
	recs, total, _ := k.Catalog.Records(k.Ctx, catalog.RecordFilter{})
	if total != 0 {
		t.Errorf("all-or-nothing stored %d records: %+v", total, recs)
	}
}

func TestImportBooksMapsHeadersAndReadsGBKCSV(t *testing.T) {
	csvText := "2024年新书清单,,\r\n书名,著者,分类\r\n党的二十大报告辅导读本,本书编写组,D22\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(csvText)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"gbk csv", []byte(gbk)},
		{"utf-8 csv with bom", append([]byte("\xef\xbb\xbf"), csvText...)},
		{"utf-8 csv without bom", []byte(csvText)},
	}
	for _, c := range cases {
		t.Run(c.name+" imports the mapped row", func(t *testing.T) {
			s, k := newService(t)
			m, err := transfer.ParseColumnMap("书名=题名，著者=作者, 分类=分类号")
			if err != nil {
				t.Fatal(err)
			}
			rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(c.data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "list.csv", Map: m}})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Added != 1 || rep.Rows[0].Row != 3 {
				t.Fatalf("report: %+v", rep)
			}
			d, err := k.Catalog.Record(k.Ctx, rep.Rows[0].RecordID)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != "党的二十大报告辅导读本" || d.CLC != "D22" || d.AuthorLine() != "本书编写组" || len(d.Items) != 1 {
				t.Errorf("stored %+v", d)
			}
		})
	}
}

func TestImportBooksWithoutATitleColumnFails(t *testing.T) {
	s, k := newService(t)
	_, err := s.ImportBooks(k.Ctx, strings.NewReader("书名,作者\n某书,某人\n"), transfer.BookSheetOptions{})
	if err == nil || !strings.Contains(err.Error(), "--map") {
		t.Fatalf("want an error pointing at --map, got %v", err)
	}
}

func TestTemplatesImportAsTheyAre(t *testing.T) {
	s, k := newService(t)
	k.Class("2024年秋季科干班", "2024-09-02", "2024-10-31")
	var books, roster bytes.Buffer
	if err := s.WriteBooksTemplate(k.Ctx, &books); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteRosterTemplate(k.Ctx, &roster); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(books.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations("书目清单")
	f.Close()
	if err != nil || len(dvs) != 2 {
		t.Errorf("book template should have 2 drop-down lists, has %d (%v)", len(dvs), err)
	}
	rep, err := s.ImportBooks(k.Ctx, &books, transfer.BookSheetOptions{})
	if err != nil || rep.Added != 1 || rep.Items != 2 {
		t.Errorf("book template example row: %+v, %v", rep, err)
	}
	rr, err := s.ImportRoster(k.Ctx, &roster, transfer.RosterOptions{})
	if err != nil || rr.Added != 1 {
		t.Errorf("roster template example row: %+v, %v", rr, err)
	}
}

func TestWriteReportNamesRowsAndProblems(t *testing.T) {
	s, k := newService(t)
	data := xlsxOf(t, [][]any{{"题名", "价格"}, {"好书", "45"}, {"坏价格的书", "四十五元"}})
	rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(data), transfer.BookSheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var text, book bytes.Buffer
	if err := transfer.WriteReportText(&text, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "第 3 行 坏价格的书：未导入（有错误） —— “价格”价格格式错误") {
		t.Errorf("text report:\n%s", text.String())
	}
	if err := transfer.WriteReportXLSX(&book, rep); err != nil {
		t.Fatal(err)
	}
	_, rows := sheetRows(t, book.Bytes())
	if got := rows["导入结果"]; len(got) != 3 || got[2][0] != "3" || got[2][2] != "未导入（有错误）" {
		t.Errorf("xlsx report: %v", got)
	}
}

func TestImportBooksReadsTheNamedSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"说明：第二个工作表是书目"})
	f.NewSheet("新书")
	f.SetSheetRow("新书", "A1", &[]any{"题名", "分类号"})
	f.SetSheetRow("新书", "A2", &[]any{"中国共产党章程", "D21"})
	buf, err := f.WriteToBuffer()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, sheet string
		wantErr     bool
	}{
		{"the named sheet is imported", "新书", false},
		{"the first sheet has no 题名 column", "", true},
		{"a missing sheet is an error", "旧书", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, k := newService(t)
			rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(buf.Bytes()), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Sheet: c.sheet}})
			if (err != nil) != c.wantErr || (!c.wantErr && rep.Added != 1) {
				t.Fatalf("report %+v, err %v", rep, err)
			}
		})
	}
}

// A class number the table does not hold is the library's own business:
// the row is stored, says so in a warning, and keeps the number as written.
func TestImportBooksKeepsAnUnknownClassWithAWarning(t *testing.T) {
	s, k := newService(t)
	data := "题名,作者,出版社,出版年,分类号,册数\n地方党史资料汇编,本书编写组,地方出版社,2021,A99,2\n"
	rep, err := s.ImportBooks(k.Ctx, strings.NewReader(data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "books.csv"}})
	if err != nil {
		t.Fatal(err)
	}
	row := rowOf(t, rep, 2)
	if row.Outcome != transfer.Added || row.Items != 2 || len(row.Problems) != 0 {
		t.Fatalf("row with an unknown class should be added: %+v", row)
	}
	var warned bool
	for _, w := range row.Warnings {
		warned = warned || (w.Code == "CLC_UNKNOWN" && w.Column == "分类号" && strings.Contains(w.Message, "A99"))
	}
	if !warned {
		t.Errorf("row should warn CLC_UNKNOWN on 分类号 naming A99: %+v", row.Warnings)
	}
	rec, err := k.Catalog.Record(k.Ctx, row.RecordID)
	if err != nil || !strings.Contains(rec.Notes, "A99") {
		t.Errorf("record should keep the class as written in its notes: %+v (%v)", rec, err)
	}
}
