package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/readers"
)

// TestHoldIsOfferedOnlyWhereAllowed: 预约 was a button for every reader on
// every record, so a reader pressed it on a book on the shelf, or a
// visitor on any book, and got a refusal. Now the record page says why no
// hold can be placed, and offers the button only where it would succeed.
func TestHoldIsOfferedOnlyWhereAllowed(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	me, other := e.f.Readers[0], e.f.Readers[1]
	out := e.f.Records[4] // 红岩, one copy
	if _, err := e.a.Circulation.Checkout(ctx, other.Card, e.f.Barcodes[4][0]); err != nil {
		t.Fatal(err)
	}
	reader := e.as(t, me.Card)
	reader.get(fmt.Sprintf("/opac/records/%d", out.ID)).want(t, http.StatusOK, `id="place-hold"`)
	onShelf := reader.get(fmt.Sprintf("/opac/records/%d", e.f.Records[5].ID))
	onShelf.want(t, http.StatusOK, `id="no-hold"`, "可直接到书架借阅")
	if strings.Contains(onShelf.body, `id="place-hold"`) {
		t.Error("a hold is offered on a book with copies on the shelf")
	}

	types, err := e.a.Readers.Types(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var visitorType int64
	for _, ty := range types {
		if ty.Code == readers.TypeVisitor {
			visitorType = ty.ID
		}
	}
	visitor, err := e.a.Readers.Create(ctx, readers.Reader{Name: "访客王", TypeID: visitorType})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.a.Auth.SetReaderPassword(ctx, visitor.Card, "visitor-pass-1"); err != nil {
		t.Fatal(err)
	}
	vb := e.browser(t)
	vb.post("/login", url.Values{"username": {visitor.Card}, "password": {"visitor-pass-1"}}).want(t, http.StatusSeeOther)
	page := vb.get(fmt.Sprintf("/opac/records/%d", out.ID))
	page.want(t, http.StatusOK, "不能预约")
	if strings.Contains(page.body, `id="place-hold"`) {
		t.Error("a visitor, whose rules allow no holds, is offered a hold")
	}
}

// TestHoldSlipAndMessagesShowTheSubtitle: a hold on one of several books
// with the same title proper once read only 《红色家书》 on the slip; the
// volume (上册) shows too.
func TestHoldSlipAndMessagesShowTheSubtitle(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	locs, err := e.a.Catalog.Locations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := e.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "红色家书", PartNumber: "上册", OtherTitle: "革命先烈写给亲人的信", CLC: "D2", Publisher: "人民出版社"})
	if err != nil {
		t.Fatal(err)
	}
	items, err := e.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: 1, LocationID: locs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	me, other := e.f.Readers[0], e.f.Readers[1]
	if _, err := e.a.Circulation.Checkout(ctx, other.Card, items[0].Barcode); err != nil {
		t.Fatal(err)
	}
	full := "红色家书．上册：革命先烈写给亲人的信"
	reader := e.as(t, me.Card)
	reader.post("/my/holds", url.Values{"record_id": {fmt.Sprint(rec.ID)}}).want(t, http.StatusSeeOther)
	reader.get("/my").want(t, http.StatusOK, "已预约《"+full+"》", full)
	e.as(t, "duty1").post("/desk/scan", url.Values{"mode": {"return"}, "code": {items[0].Barcode}}).want(t, http.StatusOK, "预约取书条", "《"+full+"》")
}
