package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/donations"
	"shuwu/internal/testkit/webtest"
)

// TestDonationBatchFromDonorToCertificate: the librarian registers a
// trainee as donor, opens a donation batch, scans the ISBN of a book on
// file (copies added to it), catalogues one without MARC through the
// quick form, and prints the certificate listing both books; the donor
// who agreed appears on the portal's honour list.
func TestDonationBatchFromDonorToCertificate(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	card := e.f.Readers[0].Card

	res := lib.post("/acquisitions/donors", url.Values{"name": {"张三"}, "kind": {"person"}, "card": {card}, "unit": {"某县委组织部"}, "honour": {"1"}})
	res.want(t, http.StatusSeeOther)
	donorURL := res.header.Get("Location")
	lib.get(donorURL).want(t, http.StatusOK, "张三", card)

	ds, err := e.a.Donations.Donors(context.Background(), donations.DonorFilter{Query: "张三"})
	if err != nil || len(ds) != 1 {
		t.Fatalf("donors: %v %v", ds, err)
	}
	res = lib.post("/acquisitions/batches", url.Values{"kind": {"gift"}, "donor_id": {itoa(ds[0].ID)}, "received_date": {e.a.Catalog.Today()}})
	res.want(t, http.StatusSeeOther)
	batchURL := res.header.Get("Location")

	onFile := e.f.Records[0]
	lib.get(batchURL+"?isbn="+onFile.ISBN).want(t, http.StatusOK, `id="found"`, onFile.Title, `name="record_id" value="`+itoa(onFile.ID)+`"`)
	locs, _ := e.a.Catalog.Locations(context.Background())
	loc := itoa(locs[0].ID)
	lib.post(batchURL+"/items", url.Values{"record_id": {itoa(onFile.ID)}, "copies": {"2"}, "location_id": {loc}, "price": {""}}).want(t, http.StatusSeeOther)

	isbn := webtest.ISBN13("978721600001")
	lib.get(batchURL+"?isbn="+isbn).want(t, http.StatusOK, `id="not-found"`, `value="`+isbn+`"`)
	lib.post(batchURL+"/items", url.Values{"title": {"我的扶贫日记"}, "author": {"王某"}, "publisher": {"湖南人民出版社"}, "year": {"2021"},
		"isbn": {isbn}, "clc": {"D422.7"}, "copies": {"1"}, "price": {"38"}, "location_id": {loc}}).want(t, http.StatusSeeOther)

	page := lib.get(batchURL)
	page.want(t, http.StatusOK, "2 种 3 册", "我的扶贫日记", "个人捐赠")
	id, _ := strconv.ParseInt(strings.TrimPrefix(batchURL, "/acquisitions/batches/"), 10, 64)
	b, lines, err := e.a.Donations.Batch(context.Background(), id)
	if err != nil || len(lines) != 2 || b.Copies != 3 {
		t.Fatalf("batch %+v lines %d: %v", b, len(lines), err)
	}
	for _, l := range lines {
		for _, code := range l.Barcodes {
			it, err := e.a.Catalog.Item(context.Background(), code)
			if err != nil || it.Source != catalog.SourceDonation || it.Donor != "张三" || it.DonorID != ds[0].ID || it.BatchID != b.ID {
				t.Errorf("copy %s: %+v %v", code, it, err)
			}
		}
	}

	lib.get("/catalog/items/"+lines[1].Barcodes[0]).want(t, http.StatusOK, `href="/acquisitions/batches/`+itoa(b.ID)+`"`, `href="/acquisitions/donors/`+itoa(ds[0].ID)+`">张三</a>`)

	cert := lib.get(batchURL + "/certificate")
	cert.want(t, http.StatusOK, "捐赠证书", "张三 同志", "图书 2 种 3 册", "我的扶贫日记", onFile.Title, "a4-sheet", b.Number)

	portal := e.browser(t)
	portal.get("/opac/donors").want(t, http.StatusOK, "捐赠芳名录", "张三", "3 册")
}

// TestDonationBadInputChangesNothing: a quick-form book without title or
// class, a malformed ISBN, a batch without donor and a barcode in use
// come back in Chinese on their fields, and nothing is written.
func TestDonationBadInputChangesNothing(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	ctx := context.Background()
	lib.post("/acquisitions/batches", url.Values{"kind": {"gift"}}).want(t, http.StatusUnprocessableEntity, "捐赠批次须选择捐赠人")
	lib.post("/acquisitions/batches", url.Values{"kind": {"transfer"}}).want(t, http.StatusUnprocessableEntity, "调拨批次须填写调出馆")
	lib.post("/acquisitions/donors", url.Values{"name": {"  "}}).want(t, http.StatusUnprocessableEntity, "捐赠人姓名或单位名称不能为空")
	lib.post("/acquisitions/donors", url.Values{"name": {"某人"}, "card": {"R9999999"}}).want(t, http.StatusUnprocessableEntity, "读者证号 R9999999 不存在")
	if ds, _ := e.a.Donations.Donors(ctx, donations.DonorFilter{}); len(ds) != 0 {
		t.Fatalf("donors written: %v", ds)
	}
	res := lib.post("/acquisitions/batches", url.Values{"kind": {"transfer"}, "from_name": {"州委党校图书馆"}})
	res.want(t, http.StatusSeeOther)
	batchURL := res.header.Get("Location")
	lib.get(batchURL+"?isbn=978-7-01-000000-0").want(t, http.StatusUnprocessableEntity, "ISBN")
	lib.get(batchURL+"/certificate").want(t, http.StatusConflict, "批次中还没有图书")

	before, _, _ := e.a.Catalog.Records(ctx, catalog.RecordFilter{Page: catalog.Page{Number: 1, Size: 100}})
	locs, _ := e.a.Catalog.Locations(ctx)
	loc := itoa(locs[0].ID)
	lib.post(batchURL+"/items", url.Values{"title": {""}, "clc": {"D26"}, "copies": {"1"}, "location_id": {loc}}).want(t, http.StatusUnprocessableEntity, "题名不能为空")
	lib.post(batchURL+"/items", url.Values{"title": {"无分类号的书"}, "copies": {"1"}, "location_id": {loc}}).want(t, http.StatusUnprocessableEntity, "请填写中图法分类号")
	used := e.f.Barcodes[0][0]
	lib.post(batchURL+"/items", url.Values{"title": {"条码重复的书"}, "clc": {"D26"}, "copies": {"1"}, "barcodes": {used}, "location_id": {loc}}).
		want(t, http.StatusUnprocessableEntity, "条码 "+used+" 已被其他复本使用")
	after, _, _ := e.a.Catalog.Records(ctx, catalog.RecordFilter{Page: catalog.Page{Number: 1, Size: 100}})
	if len(after) != len(before) {
		t.Fatalf("a refused book left a record: %d → %d", len(before), len(after))
	}
	lib.post(batchURL+"/items", url.Values{"title": {"调拨来的书"}, "clc": {"D26"}, "copies": {"2"}, "location_id": {loc}}).want(t, http.StatusSeeOther)
	lib.get(batchURL+"/certificate").want(t, http.StatusOK, "调拨接收清单", "州委党校图书馆", "调拨来的书")
	lib.get(batchURL).want(t, http.StatusOK, "馆藏调拨", "1 种 2 册")
}

// TestHomeCountsOnlyCopiesHeld: a lost copy no longer counts in the
// home page's total of copies.
func TestHomeCountsOnlyCopiesHeld(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	c, err := e.a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lost := catalog.StatusLost
	if _, err := e.a.Catalog.UpdateItem(ctx, e.f.Barcodes[0][0], catalog.ItemChange{Status: &lost}); err != nil {
		t.Fatal(err)
	}
	after, err := e.a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Items != c.Items-1 {
		t.Fatalf("items after a loss: %d, want %d", after.Items, c.Items-1)
	}
	lib := e.as(t, "librarian")
	if body := lib.get("/").body; !strings.Contains(body, "<b>"+itoa(int64(after.Items))+"</b><span>") {
		t.Fatalf("home does not show %d copies", after.Items)
	}
}
