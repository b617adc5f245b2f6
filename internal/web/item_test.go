package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/ledger"
)

func itemStatus(t *testing.T, e *env, barcode string) catalog.ItemStatus {
	t.Helper()
	it, err := e.a.Catalog.Item(t.Context(), barcode)
	if err != nil {
		t.Fatal(err)
	}
	return it.Status
}

func TestCopyStatusChangesAskFirstThenChangeAndAreAudited(t *testing.T) {
	e := newEnv(t)
	duty, lib := e.as(t, "duty1"), e.as(t, "librarian")
	code := e.f.Barcodes[5][0]

	// The record page links each copy to its page.
	rec := duty.get("/catalog/records/" + itoa(e.f.Records[5].ID))
	rec.want(t, http.StatusOK, `href="/catalog/items/`+code+`"`)
	duty.get("/catalog/items/"+code).want(t, http.StatusOK, "复本 "+code, "在架", `id="action-lost"`, `id="action-damaged"`)
	duty.get("/catalog/items/NO-SUCH").want(t, http.StatusNotFound)

	// The first post only asks.
	ask := duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"damaged"}})
	ask.want(t, http.StatusOK, "确认将复本 "+code+"《中华人民共和国史》登记损坏并送修？", `name="confirm" value="yes"`)
	if st := itemStatus(t, e, code); st != catalog.StatusAvailable {
		t.Fatalf("asking changed the status to %s", st)
	}
	res := duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"damaged"}, "confirm": {"yes"}, "reason": {"封面脱落"}})
	res.want(t, http.StatusSeeOther)
	if st := itemStatus(t, e, code); st != catalog.StatusRepair {
		t.Fatalf("status %s, want repair", st)
	}
	duty.get("/catalog/items/"+code).want(t, http.StatusOK, "已送修", "修补", `id="action-restore"`)

	// Duty staff cannot withdraw; the librarian must say why.
	duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"withdraw"}, "confirm": {"yes"}, "reason": {"x"}}).
		want(t, http.StatusConflict, "不能办理此操作")
	lib.post("/catalog/items/"+code+"/status", url.Values{"action": {"withdraw"}, "confirm": {"yes"}, "reason": {" "}}).
		want(t, http.StatusUnprocessableEntity, "请填写原因")
	if st := itemStatus(t, e, code); st != catalog.StatusRepair {
		t.Fatalf("a refused withdrawal changed the status to %s", st)
	}
	lib.post("/catalog/items/"+code+"/status", url.Values{"action": {"withdraw"}, "confirm": {"yes"}, "reason": {"破损严重"}}).want(t, http.StatusSeeOther)
	if st := itemStatus(t, e, code); st != catalog.StatusWithdrawn {
		t.Fatalf("status %s, want withdrawn", st)
	}
	lib.post("/catalog/items/"+code+"/status", url.Values{"action": {"restore"}, "confirm": {"yes"}}).want(t, http.StatusSeeOther)
	if st := itemStatus(t, e, code); st != catalog.StatusAvailable {
		t.Fatalf("status %s, want available", st)
	}
	lib.get("/audit").want(t, http.StatusOK, "登记损坏送修复本 "+code+"《中华人民共和国史》：封面脱落", "剔除复本 "+code+"《中华人民共和国史》：破损严重", "恢复复本 "+code)
}

func TestMarkingALentCopyLostEndsTheLoanAndFindingItShelvesIt(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	ctx := audit.WithActor(t.Context(), audit.System)
	code := e.f.Barcodes[3][0] // 平凡的世界, one copy
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, code); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.PlaceHold(ctx, e.f.Readers[1].Card, e.f.Records[3].ID); err != nil {
		t.Fatal(err)
	}
	page := duty.get("/catalog/items/" + code)
	page.want(t, http.StatusOK, "借阅读者", "张三", `id="action-lost"`)
	if strings.Contains(page.body, `id="action-damaged"`) {
		t.Error("a lent copy offers 送修; damage is recorded at return")
	}
	duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"damaged"}, "confirm": {"yes"}}).want(t, http.StatusConflict)
	duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"lost"}}).
		want(t, http.StatusOK, "该册正借给 张三（"+e.f.Readers[0].Card+"）")
	duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"lost"}, "confirm": {"yes"}, "reason": {"读者报失"}}).want(t, http.StatusSeeOther)
	if _, err := e.a.Circulation.LoanOf(ctx, itemID(t, e, code)); err == nil {
		t.Fatal("the loan of a lost copy is still open")
	}
	e.as(t, "librarian").get("/audit").want(t, http.StatusOK, "登记遗失复本 "+code+"《平凡的世界》，原借阅读者 张三 "+e.f.Readers[0].Card+"：读者报失")

	// 李四 waited for the title; the found copy goes to the hold shelf for her.
	duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"restore"}, "confirm": {"yes"}}).want(t, http.StatusSeeOther)
	if st := itemStatus(t, e, code); st != catalog.StatusOnHoldShelf {
		t.Fatalf("status %s, want on the hold shelf for the waiting reader", st)
	}
	duty.post("/catalog/items/"+code+"/status", url.Values{"action": {"restore"}, "confirm": {"yes"}}).want(t, http.StatusConflict, "不能办理此操作")
}

func itemID(t *testing.T, e *env, code string) int64 {
	t.Helper()
	it, err := e.a.Catalog.Item(t.Context(), code)
	if err != nil {
		t.Fatal(err)
	}
	return it.ID
}

func TestLibrarianEditsACopyAndDutyStaffCannot(t *testing.T) {
	e := newEnv(t)
	code := e.f.Barcodes[2][1]
	locs, err := e.a.Catalog.Locations(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"call_number": {"A1/9"}, "location_id": {itoa(locs[len(locs)-1].ID)}, "source": {"donation"}, "donor": {"王五"},
		"price": {"38.5"}, "notes": {"扉页有赠言"}}
	e.as(t, "duty1").post("/catalog/items/"+code+"/edit", form).want(t, http.StatusForbidden)
	lib := e.as(t, "librarian")
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("price", "abc")
	lib.post("/catalog/items/"+code+"/edit", bad).want(t, http.StatusUnprocessableEntity, "价格")
	bad.Set("price", "38.5")
	bad.Set("call_number", " ")
	lib.post("/catalog/items/"+code+"/edit", bad).want(t, http.StatusUnprocessableEntity, "索书号不能为空")
	lib.post("/catalog/items/"+code+"/edit", form).want(t, http.StatusSeeOther)
	it, err := e.a.Catalog.Item(t.Context(), code)
	if err != nil {
		t.Fatal(err)
	}
	if it.CallNumber != "A1/9" || it.Source != catalog.SourceDonation || it.Donor != "王五" || it.PriceFen != 3850 || it.Lendable || it.Notes != "扉页有赠言" {
		t.Fatalf("saved %+v", it)
	}
	lib.get("/catalog/items/"+code).want(t, http.StatusOK, "已保存", "仅限", `value="38.50"`, "个人捐赠（王五）")
}

func TestInRoomUseIsCountedFromTheCopyPageAndTheDesk(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	code := e.f.Barcodes[0][0]
	duty.post("/catalog/items/"+code+"/inroom", url.Values{"card": {"R9999999"}}).want(t, http.StatusUnprocessableEntity, "R9999999")
	duty.post("/catalog/items/"+code+"/inroom", url.Values{"card": {e.f.Readers[0].Card}}).want(t, http.StatusSeeOther)
	res := duty.post("/desk/scan", url.Values{"mode": {"inroom"}, "code": {code}})
	res.want(t, http.StatusOK, "已登记阅览《习近平谈治国理政（第四卷）》"+code, `href="/desk?mode=inroom" aria-current="page"`)
	// A card scanned in in-room mode names the reader for the next scans.
	duty.post("/desk/scan", url.Values{"mode": {"inroom"}, "code": {e.f.Readers[1].Card}}).want(t, http.StatusOK, "李四")
	evs, err := e.a.Circulation.Ledger(t.Context(), ledger.Filter{Kinds: []ledger.Kind{ledger.InRoom}})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Fatalf("%d in-room uses in the ledger, want 2", len(evs))
	}
	// A lent copy is not read in the room.
	ctx := audit.WithActor(t.Context(), audit.System)
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, code); err != nil {
		t.Fatal(err)
	}
	duty.post("/desk/scan", url.Values{"mode": {"inroom"}, "code": {code}}).want(t, http.StatusOK, "不能登记阅览")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
