package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// addEditions catalogues a 2008 edition with two copies and its 2023
// edition with one, and damages a fixture copy at the desk.
func addEditions(t *testing.T, e *env) (old []catalog.Item, damaged string) {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	locs, _ := e.a.Catalog.Locations(ctx)
	for _, year := range []int{2008, 2023} {
		r, err := e.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "马克思主义基本原理概论", CLC: "A81", Year: year, Publisher: "高等教育出版社",
			Authors: []catalog.Author{{Name: "本书编写组", Role: "编"}}})
		if err != nil {
			t.Fatal(err)
		}
		its, err := e.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: r.ID, Count: map[int]int{2008: 2, 2023: 1}[year], LocationID: locs[0].ID, Source: catalog.SourcePurchase, PriceFen: 2500})
		if err != nil {
			t.Fatal(err)
		}
		if year == 2008 {
			old = its
		}
	}
	damaged = e.f.Barcodes[0][0]
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, damaged); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.Checkin(ctx, damaged, true); err != nil {
		t.Fatal(err)
	}
	return old, damaged
}

// The librarian lists the damaged copies and the older editions, each
// with why; leaves one ticked off; a withdrawal without a reason comes
// back with the list as it was ticked and nothing withdrawn; with the
// reason the ticked ones go in one step and the list shrinks.
func TestTheLibrarianWeedsByRulesReviewsAndWithdraws(t *testing.T) {
	e := newEnv(t)
	old, damaged := addEditions(t, e)
	lib := e.as(t, "librarian")
	page := lib.get("/acquisitions/weeding")
	page.want(t, http.StatusOK, "藏书剔除", `id="find-candidates"`, "年未借出")
	if strings.Contains(page.body, `id="candidates"`) {
		t.Fatal("the first visit lists candidates before the rules were chosen")
	}
	lib.get("/acquisitions/weeding?run=1&clc_from=A").want(t, http.StatusUnprocessableEntity, "请至少选择一条剔除规则")
	lib.get("/acquisitions/weeding?run=1&idle=1&idle_years=五").want(t, http.StatusUnprocessableEntity, "年数应是 1 到 50 的整数")
	lib.get("/acquisitions/weeding?run=1&damaged=1&clc_from=I&clc_to=D").want(t, http.StatusUnprocessableEntity, "排在起点 I 之前")
	q := "run=1&damaged=1&superseded=1"
	list := lib.get("/acquisitions/weeding?" + q)
	list.want(t, http.StatusOK, "符合规则的图书 3 册", "已有 2023 年版在藏", "破损待修补", `id="cand-`+old[0].Barcode+`"`, `id="cand-`+damaged+`"`, `id="export-weeding"`)

	form := url.Values{"run": {"1"}, "damaged": {"1"}, "superseded": {"1"}, "listed": {old[0].Barcode, old[1].Barcode, damaged},
		"barcode": {old[0].Barcode, damaged}, "reason": {""}}
	res := lib.post("/acquisitions/weeding/withdraw", form)
	res.want(t, http.StatusUnprocessableEntity, "请填写剔除原因", "符合规则的图书 3 册")
	if !strings.Contains(res.body, `value="`+old[1].Barcode+`" aria-label="剔除 `+old[1].Barcode+`" >`) {
		t.Errorf("the copy left unticked comes back ticked")
	}
	if it, _ := e.a.Catalog.Item(context.Background(), damaged); it.Status == catalog.StatusWithdrawn {
		t.Fatal("a refused withdrawal withdrew a copy")
	}
	form.Set("reason", "内容陈旧，已有 2023 年版；破损无法修补")
	res = lib.post("/acquisitions/weeding/withdraw", form)
	res.want(t, http.StatusSeeOther)
	lib.get(res.header.Get("Location")).want(t, http.StatusOK, "已剔除 2 册（2 种，¥", "符合规则的图书 1 册", `id="cand-`+old[1].Barcode+`"`)
	if it, _ := e.a.Catalog.Item(context.Background(), damaged); it.Status != catalog.StatusWithdrawn {
		t.Fatalf("the damaged copy is %s after the withdrawal", it.Status)
	}
	lib.get("/audit?q="+url.QueryEscape("剔除清单")).want(t, http.StatusOK, old[0].Barcode)

	res = lib.get("/acquisitions/weeding/export.xlsx?" + q)
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "xlsx") {
		t.Fatalf("export: %d", res.status)
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != 2 || rows[0][1] != "条码" || rows[1][1] != old[1].Barcode || rows[1][11] != "已有 2023 年版在藏" || rows[1][8] != "从未借出" {
		t.Fatalf("export rows %v", rows)
	}
	if st := e.as(t, "duty1").get("/acquisitions/weeding").status; st != http.StatusForbidden {
		t.Errorf("duty staff: %d, want 403", st)
	}
	lib.lang = "en"
	lib.get("/acquisitions/weeding?"+q).want(t, http.StatusOK, "Weeding the collection", "the 2023 edition is held")
}
