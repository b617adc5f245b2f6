package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/acquisitions"
	"shuwu/internal/audit"
)

// TestReaderSuggestsLibrarianDecides: a reader suggests two books in the
// portal; the librarian declines one with a reason and accepts the other
// onto a draft order; the reader sees both answers, and "arrived" once
// the copy is received. Bad input is refused in Chinese, changing nothing.
func TestReaderSuggestsLibrarianDecides(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	rd := e.as(t, e.f.Readers[0].Card)
	rd.get("/my").want(t, http.StatusOK, `href="/my/suggestions"`)
	rd.get("/my/suggestions").want(t, http.StatusOK, "荐购图书", "您还没有荐购过图书")
	rd.post("/my/suggestions", url.Values{"title": {""}}).want(t, http.StatusUnprocessableEntity, "请填写想推荐的书名")
	rd.post("/my/suggestions", url.Values{"title": {"乡村振兴读本"}, "isbn": {"12345"}}).want(t, http.StatusUnprocessableEntity, "ISBN")
	rd.post("/my/suggestions", url.Values{"title": {"乡村振兴读本"}, "author": {"本书编写组"}, "reason": {"<script>alert(1)</script>县干班讨论要用"}}).want(t, http.StatusSeeOther)
	rd.post("/my/suggestions", url.Values{"title": {"某畅销小说"}}).want(t, http.StatusSeeOther)
	page := rd.get("/my/suggestions")
	page.want(t, http.StatusOK, "《乡村振兴读本》", "待处理")
	lib := e.as(t, "librarian")
	lib.get("/").want(t, http.StatusOK, "2 条荐购待处理")
	staff := lib.get("/acquisitions/suggestions")
	staff.want(t, http.StatusOK, "《某畅销小说》", e.f.Readers[0].Name, "&lt;script&gt;", "采纳前需要一张草稿订单")
	if strings.Contains(staff.body, "<script>alert(1)") {
		t.Fatal("the reader's reason is planted as markup")
	}
	all, _ := e.a.Acquisitions.Suggestions(ctx, acquisitions.SuggestionFilter{})
	novel, village := all[0], all[1]
	lib.post("/acquisitions/suggestions/"+itoa(novel.ID), url.Values{"decision": {"reject"}, "answer": {" "}}).want(t, http.StatusUnprocessableEntity, "请写明不采纳的理由")
	lib.post("/acquisitions/suggestions/"+itoa(novel.ID), url.Values{"decision": {"reject"}, "answer": {"不属于本馆收藏范围"}}).want(t, http.StatusSeeOther)

	sp, _ := e.a.Acquisitions.SaveSupplier(ctx, acquisitions.Supplier{Name: "新华书店"})
	o, _ := e.a.Acquisitions.CreateOrder(ctx, acquisitions.NewOrder{SupplierID: sp.ID})
	form := url.Values{"decision": {"accept"}, "order_id": {itoa(o.ID)}, "copies": {"0"}, "price": {"39"}, "answer": {"已列入下批订单"}}
	lib.post("/acquisitions/suggestions/"+itoa(village.ID), form).want(t, http.StatusUnprocessableEntity, "订购册数须在 1 到 500 之间")
	if _, lines, _ := e.a.Acquisitions.Order(ctx, o.ID); len(lines) != 0 {
		t.Fatal("a refused acceptance added a line")
	}
	form.Set("copies", "2")
	lib.post("/acquisitions/suggestions/"+itoa(village.ID), form).want(t, http.StatusSeeOther)
	lib.get("/acquisitions/orders/"+itoa(o.ID)).want(t, http.StatusOK, "《乡村振兴读本》", "读者荐购")
	lib.post("/acquisitions/suggestions/"+itoa(village.ID), url.Values{"decision": {"reject"}, "answer": {"改主意"}}).want(t, http.StatusUnprocessableEntity, "已经处理过")

	rd.get("/my/suggestions").want(t, http.StatusOK, "未采纳，理由：不属于本馆收藏范围", "已采纳，订购中", "馆员答复：已列入下批订单")
	_, lines, _ := e.a.Acquisitions.Order(ctx, o.ID)
	e.a.Acquisitions.Send(ctx, o.ID)
	locs, _ := e.a.Catalog.Locations(ctx)
	if _, _, _, err := e.a.Acquisitions.Receive(ctx, lines[0].ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1, CLC: "F320"}); err != nil {
		t.Fatal(err)
	}
	rd.get("/my/suggestions").want(t, http.StatusOK, "您推荐的图书已到馆", `href="/opac/records/`)
	rd.get("/my/personal-data").want(t, http.StatusOK, `"suggestions": [`, "乡村振兴读本", "不属于本馆收藏范围")
	other := e.as(t, e.f.Readers[1].Card)
	if body := other.get("/my/suggestions").body; strings.Contains(body, "乡村振兴读本") {
		t.Error("another reader sees the suggestion")
	}
}

// TestAcquisitionPagesSpeakEnglish: the acquisitions pages in the English
// UI, with the errors in English too.
func TestAcquisitionPagesSpeakEnglish(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	sp, _ := e.a.Acquisitions.SaveSupplier(ctx, acquisitions.Supplier{Name: "新华书店"})
	o, _ := e.a.Acquisitions.CreateOrder(ctx, acquisitions.NewOrder{SupplierID: sp.ID})
	e.a.Acquisitions.AddLine(ctx, o.ID, acquisitions.NewLine{Title: "中国共产党简史", Copies: 2, ListPriceFen: 4500, Discount: 780})
	e.a.Acquisitions.Suggest(ctx, e.f.Readers[0].ID, acquisitions.Suggestion{Title: "乡村振兴读本"})
	lib := e.as(t, "librarian")
	lib.lang = "en"
	for path, want := range map[string][]string{
		"/acquisitions/orders":                            {"Orders", "New order", "draft"},
		"/acquisitions/orders/" + itoa(o.ID):              {"Order 采字", "Lines", "Order sheet (Excel)", "Send the order", "List price"},
		"/acquisitions/suppliers":                         {"Suppliers", "New supplier"},
		"/acquisitions/funds":                             {"acquisition funds", "New fund"},
		"/acquisitions/claims":                            {"Claims", "Nothing is late."},
		"/acquisitions/suggestions":                       {"Readers&#39; suggestions", "Decline", "Accept onto the order"},
		"/acquisitions/orders/" + itoa(o.ID) + "/receive": {"Receiving", "The order is draft: nothing can be received."},
	} {
		lib.get(path).want(t, http.StatusOK, want...)
	}
	lib.post("/acquisitions/suppliers", url.Values{"name": {""}}).want(t, http.StatusUnprocessableEntity, "the supplier&#39;s name is required")
	rd := e.as(t, e.f.Readers[0].Card)
	rd.lang = "en"
	rd.get("/my/suggestions").want(t, http.StatusOK, "Suggest a book", "My suggestions", "pending")
	rd.post("/my/suggestions", url.Values{"title": {""}}).want(t, http.StatusUnprocessableEntity, "type the title of the book you suggest")
}
