package acquisitions_test

import (
	"strings"
	"testing"

	"shuwu/internal/acquisitions"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

func newService(k *testkit.Kit) *acquisitions.Service {
	return acquisitions.NewService(k.DB.Acquisitions(), testkit.Shanghai, k.Clock.Now).WithCatalog(k.Catalog)
}

func wantCode(t *testing.T, err error, code errs.Code, text string) {
	t.Helper()
	if !errs.Is(err, code) {
		t.Fatalf("got %v, want %s", err, code)
	}
	if !strings.Contains(errs.As(err).Message, text) {
		t.Errorf("message %q does not say %q", errs.As(err).Message, text)
	}
}

// An order from a supplier, charged to the year's fund: while a draft it
// commits nothing; sent, its copies are committed; received, the actual
// prices are spent and the rest stays committed. The order goes partly
// received, then received, and its copies count as bought this year.
func TestOrderFromDraftToReceived(t *testing.T) {
	k := testkit.New(t)
	svc := newService(k)
	locs, _ := k.Catalog.Locations(k.Ctx)

	if _, err := svc.SaveSupplier(k.Ctx, acquisitions.Supplier{Name: "  "}); !errs.Is(err, acquisitions.CodeSupplierNameRequired) {
		t.Fatalf("empty name: %v", err)
	}
	sp, err := svc.SaveSupplier(k.Ctx, acquisitions.Supplier{Name: "新华书店州分公司", Contact: "李经理", Phone: "0856-5221234", Address: "铜仁市碧江区"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.SaveSupplier(k.Ctx, acquisitions.Supplier{Name: "新华书店州分公司"})
	wantCode(t, err, acquisitions.CodeSupplierNameTaken, "已有同名书商")

	_, err = svc.SaveFund(k.Ctx, acquisitions.Fund{Name: "购书经费", Year: 2024, AmountFen: -1})
	wantCode(t, err, acquisitions.CodeFundAmountInvalid, "经费金额")
	fund, err := svc.SaveFund(k.Ctx, acquisitions.Fund{Name: "购书经费", Year: 2024, AmountFen: 20000_00})
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.SaveFund(k.Ctx, acquisitions.Fund{Name: "购书经费", Year: 2024, AmountFen: 1})
	wantCode(t, err, acquisitions.CodeFundNameTaken, "2024 年已有经费")

	o, err := svc.CreateOrder(k.Ctx, acquisitions.NewOrder{SupplierID: sp.ID, DueDate: "2024-09-20"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Number != "采字〔2024〕第001号" || o.Status != acquisitions.StatusDraft || o.OrderDate != "2024-09-02" {
		t.Fatalf("new order %+v", o)
	}
	_, err = svc.CreateOrder(k.Ctx, acquisitions.NewOrder{SupplierID: sp.ID, DueDate: "2024-08-01"})
	wantCode(t, err, acquisitions.CodeOrderDateInvalid, "不能早于订购日期")
	_, err = svc.Send(k.Ctx, o.ID)
	wantCode(t, err, acquisitions.CodeOrderEmpty, "没有可订的图书")

	onFile := k.Record("习近平谈治国理政 第四卷", "D2")
	// One on file (2 copies at 80.00, 7.8 折 = 62.40 each), one by ISBN only (1 at 45.00, no discount).
	l1, err := svc.AddLine(k.Ctx, o.ID, acquisitions.NewLine{RecordID: onFile.ID, Copies: 2, ListPriceFen: 8000, Discount: 780, FundID: fund.ID})
	if err != nil {
		t.Fatal(err)
	}
	l2, err := svc.AddLine(k.Ctx, o.ID, acquisitions.NewLine{ISBN: "978-7-01-024535-5", Title: "中国共产党简史", Author: "本书编写组", Publisher: "人民出版社", CLC: "D23", Copies: 1, ListPriceFen: 4500, FundID: fund.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []acquisitions.NewLine{{Title: "", Copies: 1}, {Title: "某书", Copies: 0}, {Title: "某书", Copies: 1, Discount: 1200}, {Title: "某书", Copies: 1, ListPriceFen: -5}, {Title: "某书", Copies: 1, ISBN: "12345"}} {
		if _, err := svc.AddLine(k.Ctx, o.ID, bad); errs.As(err).Kind != errs.KindInvalid {
			t.Errorf("line %+v: %v", bad, err)
		}
	}
	f, _ := svc.Fund(k.Ctx, fund.ID)
	if f.DraftFen != 2*6240+4500 || f.CommittedFen != 0 || f.SpentFen != 0 {
		t.Fatalf("draft fund %+v", f)
	}
	_, _, _, err = svc.Receive(k.Ctx, l1.ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1})
	wantCode(t, err, acquisitions.CodeOrderStatusInvalid, "不能验收")

	if o, err = svc.Send(k.Ctx, o.ID); err != nil || o.Status != acquisitions.StatusSent {
		t.Fatalf("send: %+v %v", o, err)
	}
	_, err = svc.AddLine(k.Ctx, o.ID, acquisitions.NewLine{Title: "又一本", Copies: 1})
	wantCode(t, err, acquisitions.CodeOrderStatusInvalid, "不能再修改明细")
	f, _ = svc.Fund(k.Ctx, fund.ID)
	if f.CommittedFen != 2*6240+4500 || f.RemainingFen() != 20000_00-16980 {
		t.Fatalf("sent fund %+v", f)
	}

	it, l, o, err := svc.Receive(k.Ctx, l1.ID, acquisitions.Receipt{Barcode: "C0001", LocationID: locs[0].ID, PriceFen: -1})
	if err != nil {
		t.Fatal(err)
	}
	if it.Source != catalog.SourcePurchase || it.PriceFen != 6240 || it.RecordID != onFile.ID || it.CallNumber == "" || o.Status != acquisitions.StatusPartly || l.Received != 1 {
		t.Fatalf("first copy %+v, line %+v, order %s", it, l, o.Status)
	}
	_, _, _, err = svc.Receive(k.Ctx, l1.ID, acquisitions.Receipt{Barcode: "C0001", LocationID: locs[0].ID, PriceFen: -1})
	wantCode(t, err, catalog.CodeBarcodeDuplicate, "已被其他复本使用")
	if _, _, _, err = svc.Receive(k.Ctx, l1.ID, acquisitions.Receipt{Barcode: "C0002", LocationID: locs[0].ID, PriceFen: 6000}); err != nil {
		t.Fatal(err)
	}
	_, _, _, err = svc.Receive(k.Ctx, l1.ID, acquisitions.Receipt{Barcode: "C0009", LocationID: locs[0].ID, PriceFen: -1})
	wantCode(t, err, acquisitions.CodeLineComplete, "已全部到货")

	// The title not on file needs a class for its call number, then makes its record.
	it, l, o, err = svc.Receive(k.Ctx, l2.ID, acquisitions.Receipt{Barcode: "C0003", LocationID: locs[0].ID, PriceFen: -1})
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != acquisitions.StatusReceived || l.ReceivedRecordID == 0 || !strings.HasPrefix(it.CallNumber, "D23") {
		t.Fatalf("last copy %+v, line %+v, order %s", it, l, o.Status)
	}
	f, _ = svc.Fund(k.Ctx, fund.ID)
	if f.SpentFen != 6240+6000+4500 || f.CommittedFen != 0 {
		t.Fatalf("received fund %+v", f)
	}
	p, _ := svc.Progress(k.Ctx, 2024)
	for _, sc := range p.Sources {
		if sc.Source == catalog.SourcePurchase && sc.Copies != 3 {
			t.Errorf("bought this year: %d, want 3", sc.Copies)
		}
	}
	_, err = svc.Cancel(k.Ctx, o.ID)
	wantCode(t, err, acquisitions.CodeOrderStatusInvalid, "不能取消")
}

// A title on no record needs a CLC when it comes; a reading list fills an
// order; the supplier's sheet changes copies and prices all or nothing;
// lines past their due date are listed for claiming.
func TestListSheetAndClaims(t *testing.T) {
	k := testkit.New(t)
	svc := newService(k)
	locs, _ := k.Catalog.Locations(k.Ctx)
	sp, _ := svc.SaveSupplier(k.Ctx, acquisitions.Supplier{Name: "党建读物出版社发行部"})
	a, b := k.Record("论党的自我革命", "D26"), k.Record("中国共产党章程", "D23")
	list, err := k.Catalog.SaveReadingList(k.Ctx, catalog.ReadingList{Name: "2024 年必读书目", RecordIDs: []int64{a.ID, b.ID}})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := svc.CreateOrder(k.Ctx, acquisitions.NewOrder{SupplierID: sp.ID, DueDate: "2024-09-10"})
	n, err := svc.AddFromList(k.Ctx, o.ID, list.ID, 3, 850, 0)
	if err != nil || n != 2 {
		t.Fatalf("from list: %d %v", n, err)
	}
	if n, _ = svc.AddFromList(k.Ctx, o.ID, list.ID, 3, 850, 0); n != 0 {
		t.Errorf("the list again added %d lines", n)
	}
	bare, err := svc.AddLine(k.Ctx, o.ID, acquisitions.NewLine{Title: "无分类的书", Copies: 1, ListPriceFen: 3000})
	if err != nil {
		t.Fatal(err)
	}
	_, lines, _ := svc.Order(k.Ctx, o.ID)
	if len(lines) != 3 || lines[0].Origin != acquisitions.OriginList || lines[0].Copies != 3 {
		t.Fatalf("lines %+v", lines)
	}

	// A bad row refuses the whole sheet.
	_, err = svc.ApplySheet(k.Ctx, o.ID, []acquisitions.SheetRow{{Sheet: 4, LineID: lines[0].ID, Copies: 2, ListPriceFen: -1}, {Sheet: 5, LineID: 999999, Copies: 1, ListPriceFen: -1}})
	wantCode(t, err, acquisitions.CodeSheetInvalid, "第 5 行：行号 999999 不是订单")
	if _, after, _ := svc.Order(k.Ctx, o.ID); after[0].Copies != 3 {
		t.Fatalf("a refused sheet changed a line: %+v", after[0])
	}
	res, err := svc.ApplySheet(k.Ctx, o.ID, []acquisitions.SheetRow{{Sheet: 4, LineID: lines[0].ID, Copies: 2, ListPriceFen: 4200, Discount: 800, Note: "余 1 册下月到"}, {Sheet: 5, LineID: lines[1].ID, Copies: 0, ListPriceFen: -1, Note: "已绝版"}})
	if err != nil || res.Changed != 2 || res.Unavailable != 1 {
		t.Fatalf("sheet: %+v %v", res, err)
	}
	o, lines, _ = svc.Order(k.Ctx, o.ID)
	if lines[0].Copies != 2 || lines[0].NetPriceFen() != 3360 || lines[1].Copies != 0 || lines[1].SupplierNote != "已绝版" || o.Copies != 3 {
		t.Fatalf("after sheet: %+v / %+v, %d copies", lines[0], lines[1], o.Copies)
	}
	if _, err := svc.Send(k.Ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	_, _, _, err = svc.Receive(k.Ctx, bare.ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1})
	wantCode(t, err, acquisitions.CodeLineCLCRequired, "请填写中图分类号")
	if _, _, _, err := svc.Receive(k.Ctx, bare.ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1, CLC: "d61"}); err != nil {
		t.Fatal(err)
	}
	if late, _ := svc.LateLines(k.Ctx, 0); len(late) != 0 {
		t.Fatalf("late before the due date: %+v", late)
	}
	k.Clock.AddDays(12)
	late, err := svc.LateLines(k.Ctx, 0)
	if err != nil || len(late) != 1 || late[0].ID != lines[0].ID || late[0].DaysLate != 4 || late[0].Outstanding() != 2 {
		t.Fatalf("late: %+v %v", late, err)
	}
	if n, err := svc.Claim(k.Ctx, sp.ID); err != nil || n != 1 {
		t.Fatalf("claim: %d %v", n, err)
	}
	late, _ = svc.LateLines(k.Ctx, sp.ID)
	if late[0].Claims != 1 || late[0].ClaimedDate != "2024-09-14" {
		t.Fatalf("claimed: %+v", late[0])
	}
}

// Scans of one line at the same instant receive no more than it has.
func TestConcurrentScansStopAtTheLine(t *testing.T) {
	k := testkit.New(t)
	svc := newService(k)
	locs, _ := k.Catalog.Locations(k.Ctx)
	sp, _ := svc.SaveSupplier(k.Ctx, acquisitions.Supplier{Name: "书商"})
	o, _ := svc.CreateOrder(k.Ctx, acquisitions.NewOrder{SupplierID: sp.ID})
	l, err := svc.AddLine(k.Ctx, o.ID, acquisitions.NewLine{RecordID: k.Record("并发验收").ID, Copies: 3, ListPriceFen: 1000})
	if err != nil {
		t.Fatal(err)
	}
	svc.Send(k.Ctx, o.ID)
	done := make(chan error, 8)
	for range 8 {
		go func() {
			_, _, _, err := svc.Receive(k.Ctx, l.ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1})
			done <- err
		}()
	}
	ok := 0
	for range 8 {
		if err := <-done; err == nil {
			ok++
		} else if !errs.Is(err, acquisitions.CodeLineComplete) && !errs.Is(err, acquisitions.CodeOrderStatusInvalid) {
			t.Errorf("scan: %v", err)
		}
	}
	o, lines, _ := svc.Order(k.Ctx, o.ID)
	if ok != 3 || lines[0].Received != 3 || o.Status != acquisitions.StatusReceived {
		t.Fatalf("%d scans took, %d received, order %s", ok, lines[0].Received, o.Status)
	}
}
