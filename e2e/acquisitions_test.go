package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/acquisitions"
	"shuwu/internal/audit"
)

// TestReceiveAnOrderByScanning: an order of two titles (2 copies and 1)
// is sent; at the receiving page the librarian scans the new labels with
// Enter: each scan makes a copy with its call number, the order goes
// partly received, then received. The acquisitions pages are kept at
// desktop and phone width.
func TestReceiveAnOrderByScanning(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	acq := s.a.Acquisitions
	sp, err := acq.SaveSupplier(ctx, acquisitions.Supplier{Name: "新华书店州分公司", Contact: "李经理", Phone: "0856-5221234", Address: "碧江区解放路 12 号"})
	if err != nil {
		t.Fatal(err)
	}
	fund, err := acq.SaveFund(ctx, acquisitions.Fund{Name: "购书经费", Year: acq.ThisYear(), AmountFen: 50000_00})
	if err != nil {
		t.Fatal(err)
	}
	o, err := acq.CreateOrder(ctx, acquisitions.NewOrder{SupplierID: sp.ID, DueDate: acq.Today()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acq.AddLine(ctx, o.ID, acquisitions.NewLine{RecordID: s.f.Records[0].ID, Copies: 2, ListPriceFen: 8000, Discount: 780, FundID: fund.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := acq.AddLine(ctx, o.ID, acquisitions.NewLine{Title: "中国共产党简史", ISBN: "9787010245355", Publisher: "人民出版社", CLC: "D23", Copies: 1, ListPriceFen: 4500, FundID: fund.ID}); err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	orderURL := s.url + "/acquisitions/orders/" + itoa(o.ID)
	do(t, lib, "the draft order", chromedp.Navigate(orderURL), chromedp.WaitVisible(chromedp.CSS("#order-lines")))
	keep(t, lib, "acq-order-draft-desktop")
	do(t, lib, "send it", chromedp.Click(chromedp.CSS("#send-order")), chromedp.WaitVisible(chromedp.CSS("#receive-link")))
	wantText(t, lib, "h1", "已发订")
	do(t, lib, "go receiving", chromedp.Click(chromedp.CSS("#receive-link")), chromedp.WaitVisible(chromedp.CSS("#barcode:focus")))
	do(t, lib, "scan the first copy",
		chromedp.SendKeys(chromedp.CSS("#barcode"), "CG0001\r"),
		chromedp.WaitVisible(chromedp.CSS("#feedback")),
		chromedp.WaitVisible(chromedp.CSS("#barcode:focus")),
	)
	wantText(t, lib, "#feedback", "CG0001", "已到 1 / 2 册")
	wantText(t, lib, "h1", "部分到货")
	wantText(t, lib, "#receive-progress", "已到 1 / 3 册")
	keep(t, lib, "acq-receive-desktop")
	do(t, lib, "scan the second copy", chromedp.SendKeys(chromedp.CSS("#barcode"), "CG0002\r"), chromedp.WaitVisible(chromedp.CSS("#barcode:focus")))
	waitText(t, lib, "#receive-progress", "已到 2 / 3 册")
	// The first line is in: the page moves on to the next title by itself.
	chosen, err := chromedp.Run(lib, chromedp.Evaluate[string](`document.querySelector('#line_id').selectedOptions[0].textContent`))
	if err != nil || !strings.Contains(chosen, "中国共产党简史") {
		t.Fatalf("after the first line is in, %q is chosen (%v)", chosen, err)
	}
	do(t, lib, "scan the last copy", chromedp.SendKeys(chromedp.CSS("#barcode"), "CG0003\r"), chromedp.WaitVisible(chromedp.CSS("#not-receivable")))
	wantText(t, lib, "h1", "已到齐")
	wantText(t, lib, "#feedback", "CG0003", "D23")
	item, err := s.a.Catalog.Item(ctx, "CG0003")
	if err != nil || item.PriceFen != 4500 || item.Source != "purchase" {
		t.Fatalf("received copy %+v %v", item, err)
	}
	do(t, lib, "the order", chromedp.Navigate(orderURL), chromedp.WaitVisible(chromedp.CSS("#order-lines")))
	wantText(t, lib, "#order-progress", "已到 3 / 3 册")
	keep(t, lib, "acq-order-received-desktop")

	// A late order for the claim list.
	late, _ := acq.CreateOrder(ctx, acquisitions.NewOrder{SupplierID: sp.ID, OrderDate: "2024-01-05", DueDate: "2024-02-01"})
	acq.AddLine(ctx, late.ID, acquisitions.NewLine{Title: "论党的自我革命", Publisher: "党建读物出版社", Copies: 3, ListPriceFen: 3800, FundID: fund.ID})
	acq.Send(ctx, late.ID)
	for _, p := range []struct{ path, wait, name string }{
		{"/acquisitions/orders", "#orders", "acq-orders"}, {"/acquisitions/suppliers", "#suppliers", "acq-suppliers"},
		{"/acquisitions/funds", "#funds", "acq-funds"}, {"/acquisitions/claims", ".claim-list", "acq-claims"},
	} {
		do(t, lib, p.name, chromedp.Navigate(s.url+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
		keep(t, lib, p.name+"-desktop")
	}
	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	for _, p := range []struct{ path, wait, name string }{
		{"/acquisitions/orders", "#orders", "acq-orders"}, {"/acquisitions/suppliers", "#suppliers", "acq-suppliers"},
		{"/acquisitions/funds", "#funds", "acq-funds"}, {"/acquisitions/claims", ".claim-list", "acq-claims"},
		{"/acquisitions/orders/" + itoa(o.ID), "#order-lines", "acq-order"}, {"/acquisitions/orders/" + itoa(o.ID) + "/receive", "#receive-lines", "acq-receive"},
	} {
		do(t, phone, p.name, chromedp.Navigate(s.url+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
		fitsScreen(t, phone, p.name)
		keep(t, phone, p.name+"-phone")
	}
}
