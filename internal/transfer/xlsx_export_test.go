package transfer_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/ledger"
	"shuwu/internal/testkit"
	"shuwu/internal/transfer"
)

// sheetRows reopens an exported workbook and returns each sheet's rows.
func sheetRows(tb testing.TB, data []byte) (names []string, rows map[string][][]string) {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("reopen export: %v", err)
	}
	defer f.Close()
	rows = map[string][][]string{}
	for _, name := range f.GetSheetList() {
		if rows[name], err = f.GetRows(name); err != nil {
			tb.Fatal(err)
		}
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			tb.Errorf("sheet %s: header row not frozen (%+v, %v)", name, panes, err)
		}
	}
	return f.GetSheetList(), rows
}

func TestExportRecordsXLSXHasARecordSheetAndACopySheet(t *testing.T) {
	s, k := newService(t)
	k.Items(k.Record("党的建设概论", "D26"), 3)
	k.Items(k.Record("中国共产党简史", "D23"), 2)
	k.Items(k.Record("资本论", "A12"), 1)
	cases := []struct {
		name           string
		prefix         string
		records, items int
	}{
		{"everything gives every record and copy", "", 3, 6},
		{"a class prefix keeps only that class", "D2", 2, 5},
		{"a prefix nothing has gives headers only", "TP", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			counts, err := s.ExportRecordsXLSX(k.Ctx, &buf, transfer.RecordsSheetOptions{CLCPrefix: c.prefix})
			if err != nil {
				t.Fatal(err)
			}
			names, rows := sheetRows(t, buf.Bytes())
			if !slices.Equal(names, []string{"书目", "复本"}) {
				t.Fatalf("sheets %v", names)
			}
			if rows["书目"][0][0] != "题名" || rows["复本"][0][0] != "条码" || rows["复本"][0][11] != "馆藏位置" {
				t.Errorf("headers: %v / %v", rows["书目"][0], rows["复本"][0])
			}
			if len(rows["书目"])-1 != c.records || len(rows["复本"])-1 != c.items || counts["复本"] != c.items {
				t.Errorf("rows: %d records, %d copies; counts %v", len(rows["书目"])-1, len(rows["复本"])-1, counts)
			}
		})
	}
}

func TestExportReadersAndClassXLSX(t *testing.T) {
	s, k := newService(t)
	class := k.Class("2024年秋季科干班", "2024-09-02", "2024-10-31")
	a, b := k.Trainee("张伟", class), k.Trainee("李娜", class)
	k.Reader("王老师")
	it := k.Item("党的建设概论")
	k.Checkout(a, it)

	var buf bytes.Buffer
	if _, err := s.ExportReadersXLSX(k.Ctx, &buf, 0); err != nil {
		t.Fatal(err)
	}
	_, rows := sheetRows(t, buf.Bytes())
	if len(rows["读者"]) != 4 || rows["读者"][0][0] != "读者证号" || rows["读者"][1][9] != class.Name {
		t.Errorf("readers sheet: %v", rows["读者"])
	}
	buf.Reset()
	if _, err := s.ExportReadersXLSX(k.Ctx, &buf, class.ID); err != nil {
		t.Fatal(err)
	}
	if _, rows = sheetRows(t, buf.Bytes()); len(rows["读者"]) != 3 {
		t.Errorf("class readers: %d rows, want header + 2", len(rows["读者"]))
	}

	buf.Reset()
	if _, err := s.ExportClassXLSX(k.Ctx, &buf, class.ID); err != nil {
		t.Fatal(err)
	}
	names, rows := sheetRows(t, buf.Bytes())
	if !slices.Equal(names, []string{"学员", "在借图书"}) || len(rows["学员"]) != 3 || len(rows["在借图书"]) != 2 {
		t.Fatalf("class export: %v %v", names, rows)
	}
	byCard := map[string][]string{}
	for _, r := range rows["学员"][1:] {
		byCard[r[0]] = r
	}
	if got := byCard[a.Card]; got[6] != "1" || got[8] != "未清还（在借 1 册）" {
		t.Errorf("member with a loan: %v", got)
	}
	if got := byCard[b.Card]; got[6] != "0" || got[8] != "可办理清还" {
		t.Errorf("member without loans: %v", got)
	}
	if rows["在借图书"][1][2] != it.Barcode {
		t.Errorf("loan row: %v", rows["在借图书"][1])
	}
}

func TestExportLedgerXLSXHoldsExactlyTheEventsInRange(t *testing.T) {
	s, k := newService(t)
	r := k.Reader("王老师")
	first, second := k.Item("党的建设概论"), k.Item("中国共产党简史")
	k.Checkout(r, first) // 2024-09-02
	k.Clock.AddDays(3)
	if _, err := k.Circulation.Checkin(k.Ctx, first.Barcode, false); err != nil { // 09-05
		t.Fatal(err)
	}
	k.Checkout(r, second) // 09-05
	k.Clock.AddDays(25)
	if _, err := k.Circulation.Renew(k.Ctx, second.Barcode, 0); err != nil { // 09-30
		t.Fatal(err)
	}

	from := time.Date(2024, 9, 3, 0, 0, 0, 0, testkit.Shanghai)
	want, err := k.Circulation.Ledger(k.Ctx, ledger.Filter{From: from, To: from.AddDate(0, 0, 4), Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	counts, err := s.ExportLedgerXLSX(k.Ctx, &buf, transfer.LedgerSheetOptions{From: "2024-09-03", To: "2024-09-06"})
	if err != nil {
		t.Fatal(err)
	}
	_, rows := sheetRows(t, buf.Bytes())
	sheet := rows["流通记录"]
	if len(want) == 0 || len(sheet)-1 != len(want) || counts["流通记录"] != len(want) {
		t.Fatalf("ledger rows %d, events in range %d", len(sheet)-1, len(want))
	}
	kinds := map[string]bool{}
	for _, row := range sheet[1:] {
		kinds[row[1]] = true
		if row[0] < "2024-09-03" || row[0] >= "2024-09-07" {
			t.Errorf("event outside the range: %v", row)
		}
	}
	if !kinds["归还"] || !kinds["借出"] || kinds["续借"] {
		t.Errorf("kinds in range: %v", kinds)
	}
	if sheet[0][1] != "类型" || sheet[0][9] != "操作员" {
		t.Errorf("headers: %v", sheet[0])
	}
}
