package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/acquisitions"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// TestOrderFromSupplierToReceived: the librarian registers a supplier and
// the year's fund, opens an order, adds a book on file by ISBN and one
// typed in, and a reading list; exports the order sheet, applies the
// supplier's answer; sends the order (committed against the fund) and
// receives it by scanning: the copies get barcodes and call numbers, the
// order goes partly received, then received, and the fund shows what was
// spent. Bad input is refused in Chinese and changes nothing.
func TestOrderFromSupplierToReceived(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	ctx := audit.WithActor(context.Background(), audit.System)
	year := strconv.Itoa(e.a.Acquisitions.ThisYear())

	lib.post("/acquisitions/suppliers", url.Values{"name": {" "}}).want(t, http.StatusUnprocessableEntity, "书商名称不能为空")
	lib.get("/acquisitions/orders").want(t, http.StatusOK, "请先登记书商", "还没有设立采购经费")
	lib.post("/acquisitions/suppliers", url.Values{"name": {"新华书店州分公司"}, "contact": {"李经理"}, "phone": {"0856-5221234"}}).want(t, http.StatusSeeOther)
	lib.post("/acquisitions/suppliers", url.Values{"name": {"新华书店州分公司"}}).want(t, http.StatusUnprocessableEntity, "已有同名书商")
	lib.get("/acquisitions/suppliers").want(t, http.StatusOK, "新华书店州分公司", "李经理", `href="tel:0856-5221234"`)

	lib.post("/acquisitions/funds", url.Values{"name": {"购书经费"}, "year": {year}, "amount": {"五万"}}).want(t, http.StatusUnprocessableEntity, "金额格式应为 50000")
	lib.post("/acquisitions/funds", url.Values{"name": {"购书经费"}, "year": {year}, "amount": {"50000"}}).want(t, http.StatusSeeOther)
	funds, _ := e.a.Acquisitions.Funds(ctx, e.a.Acquisitions.ThisYear())
	if len(funds) != 1 || funds[0].AmountFen != 5000000 {
		t.Fatalf("funds %+v", funds)
	}
	fund := itoa(funds[0].ID)
	sups, _ := e.a.Acquisitions.Suppliers(ctx)

	lib.post("/acquisitions/orders", url.Values{"supplier_id": {""}}).want(t, http.StatusUnprocessableEntity, "请选择书商")
	res := lib.post("/acquisitions/orders", url.Values{"supplier_id": {itoa(sups[0].ID)}, "due_date": {e.a.Catalog.Today()}})
	res.want(t, http.StatusSeeOther)
	orderURL := res.header.Get("Location")
	lib.get(orderURL).want(t, http.StatusOK, "采字〔"+year+"〕第001号", "草稿", "订单中还没有图书")

	onFile := e.f.Records[0]
	lib.get(orderURL+"?isbn="+onFile.ISBN).want(t, http.StatusOK, `id="found"`, onFile.Title)
	lib.post(orderURL+"/lines", url.Values{"record_id": {itoa(onFile.ID)}, "copies": {"2"}, "price": {"80"}, "discount": {"7.8"}, "fund_id": {fund}}).want(t, http.StatusSeeOther)
	lib.post(orderURL+"/lines", url.Values{"title": {"中国共产党简史"}, "isbn": {"9787010245355"}, "clc": {"D23"}, "copies": {"1"}, "price": {"45"}, "discount": {"12"}, "fund_id": {fund}}).
		want(t, http.StatusUnprocessableEntity, "折扣应写成 7.8")
	lib.post(orderURL+"/lines", url.Values{"title": {""}, "copies": {"1"}}).want(t, http.StatusUnprocessableEntity, "请填写书名")
	lib.post(orderURL+"/lines", url.Values{"title": {"中国共产党简史"}, "isbn": {"9787010245355"}, "clc": {"D23"}, "copies": {"1"}, "price": {"45"}, "fund_id": {fund}}).want(t, http.StatusSeeOther)
	o, lines, _ := e.a.Acquisitions.Order(ctx, pathTail(orderURL))
	if len(lines) != 2 || o.ValueFen != 2*6240+4500 {
		t.Fatalf("order %+v lines %+v", o, lines)
	}
	list, err := e.a.Catalog.SaveReadingList(ctx, catalog.ReadingList{Name: "县干班必读", RecordIDs: []int64{onFile.ID, e.f.Records[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	lib.post(orderURL+"/from-list", url.Values{"list_id": {itoa(list.ID)}, "list_copies": {"1"}, "list_fund_id": {fund}}).want(t, http.StatusSeeOther)
	page := lib.get(orderURL)
	page.want(t, http.StatusOK, "必读书目", e.f.Records[1].Title, "¥62.40")

	// The sheet out, answered: the list's book cannot be supplied; a bad row refuses it all.
	sheet := lib.get(orderURL + "/sheet.xlsx")
	if sheet.status != http.StatusOK || !strings.HasPrefix(sheet.body, "PK") {
		t.Fatalf("sheet: %d %q", sheet.status, clip(sheet.body))
	}
	answer := func(cells map[string]string) []byte {
		f, err := excelize.OpenReader(strings.NewReader(sheet.body))
		if err != nil {
			t.Fatal(err)
		}
		for c, v := range cells {
			f.SetCellValue("订书单", c, v)
		}
		var b bytes.Buffer
		f.Write(&b)
		return b.Bytes()
	}
	lib.upload(orderURL+"/sheet", nil, "确认单.xlsx", answer(map[string]string{"K6": "0", "I4": "七八折"})).want(t, http.StatusUnprocessableEntity, "第 4 行：折扣“七八折”")
	if _, after, _ := e.a.Acquisitions.Order(ctx, o.ID); after[2].Copies != 1 {
		t.Fatal("a refused sheet changed the order")
	}
	lib.upload(orderURL+"/sheet", nil, "确认单.xlsx", answer(map[string]string{"K6": "0", "L6": "已售罄"})).want(t, http.StatusOK, "改动 1 行，其中缺货 1 种", "已售罄")

	lib.post(orderURL+"/status", url.Values{"action": {"send"}}).want(t, http.StatusSeeOther)
	lib.get(orderURL).want(t, http.StatusOK, "已发订", "扫码验收")
	lib.get("/acquisitions/funds").want(t, http.StatusOK, "¥50000.00", "已订未到 <b class=\"fund-committed\">¥169.80</b>")

	// Receiving: two scans for the first line, one for the second.
	recv := orderURL + "/receive"
	l1, l2 := itoa(lines[0].ID), itoa(lines[1].ID)
	locs, _ := e.a.Catalog.Locations(ctx)
	loc := itoa(locs[0].ID)
	lib.get(recv).want(t, http.StatusOK, "扫描新书条码", `value="62.40"`)
	lib.post(recv, url.Values{"line_id": {l1}, "location_id": {loc}, "price": {"62.40"}, "barcode": {""}}).want(t, http.StatusUnprocessableEntity, "请扫描或输入新书条码")
	lib.post(recv, url.Values{"line_id": {l1}, "location_id": {loc}, "price": {"62.40"}, "barcode": {"CG0001"}}).want(t, http.StatusOK, "<b>CG0001</b>", "部分到货", "已到 1 / 2 册")
	lib.post(recv, url.Values{"line_id": {l1}, "location_id": {loc}, "price": {"62.40"}, "barcode": {"CG0001"}}).want(t, http.StatusUnprocessableEntity, "条码 CG0001 已被其他复本使用")
	lib.post(recv, url.Values{"line_id": {l1}, "location_id": {loc}, "price": {"60"}, "barcode": {"CG0002"}}).want(t, http.StatusOK, "<b>CG0002</b>")
	lib.post(recv, url.Values{"line_id": {l1}, "location_id": {loc}, "price": {"62.40"}, "barcode": {"CG0009"}}).want(t, http.StatusUnprocessableEntity, "已全部到货")
	done := lib.post(recv, url.Values{"line_id": {l2}, "location_id": {loc}, "price": {"45"}, "barcode": {"CG0003"}})
	done.want(t, http.StatusOK, "<b>CG0003</b>", "已到齐", "本订单已全部到齐")
	it, err := e.a.Catalog.Item(ctx, "CG0003")
	if err != nil || it.Source != catalog.SourcePurchase || it.PriceFen != 4500 || !strings.HasPrefix(it.CallNumber, "D23") {
		t.Fatalf("received copy %+v %v", it, err)
	}
	lib.get("/acquisitions/funds").want(t, http.StatusOK, "已支出 <b class=\"fund-spent\">¥167.40</b>", "已订未到 <b class=\"fund-committed\">¥0.00</b>")
	lib.get("/acquisitions/orders?status=received").want(t, http.StatusOK, o.Number)
	lib.post(orderURL+"/status", url.Values{"action": {"cancel"}}).want(t, http.StatusUnprocessableEntity, "不能取消")

	duty := e.as(t, "duty1")
	if res := duty.get("/acquisitions/orders"); res.status == http.StatusOK {
		t.Error("duty staff see the orders")
	}
}

// TestClaimList: a sent order past its due date shows on the claim list
// with what is still awaited; recording the claim counts it.
func TestClaimList(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	ctx := audit.WithActor(context.Background(), audit.System)
	acq := e.a.Acquisitions
	sp, _ := acq.SaveSupplier(ctx, acquisitions.Supplier{Name: "党建读物出版社发行部"})
	lib.get("/acquisitions/claims").want(t, http.StatusOK, "没有逾期未到的图书")
	o, err := acq.CreateOrder(ctx, acquisitions.NewOrder{SupplierID: sp.ID, OrderDate: "2024-01-05", DueDate: "2024-02-01"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acq.AddLine(ctx, o.ID, acquisitions.NewLine{Title: "论党的自我革命", Copies: 3, ListPriceFen: 3800}); err != nil {
		t.Fatal(err)
	}
	if _, err := acq.Send(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	lib.get("/acquisitions/orders").want(t, http.StatusOK, "催缺（1 种逾期）")
	lib.get("/").want(t, http.StatusOK, `id="home-orders"`, "1 种逾期未到", "1 张订单待验收")
	lib.get("/acquisitions/claims").want(t, http.StatusOK, "致 党建读物出版社发行部", "《论党的自我革命》", "<b>3</b> / 3", "逾期")
	lib.post("/acquisitions/claims", url.Values{"supplier": {itoa(sp.ID)}}).want(t, http.StatusSeeOther)
	lib.get("/acquisitions/claims").want(t, http.StatusOK, "已催缺 1 次")
}

func pathTail(u string) int64 {
	n, _ := strconv.ParseInt(u[strings.LastIndex(u, "/")+1:], 10, 64)
	return n
}
