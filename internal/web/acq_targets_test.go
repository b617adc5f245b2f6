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
)

// TestYearlyTargetOnTheHomePage: the librarian sets this year's target
// and a category's; the home page shows the copies that came this year
// against it, by source, with the latest arrivals; the targets page lists
// them by source and category. Bad input changes nothing.
func TestYearlyTargetOnTheHomePage(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	ctx := audit.WithActor(context.Background(), audit.System)
	year := e.a.Acquisitions.ThisYear()
	y := strconv.Itoa(year)
	cats, _ := e.a.Catalog.Categories(ctx)
	var dsdj catalog.Category
	for _, c := range cats {
		if c.Code == "dsdj" {
			dsdj = c
		}
	}
	// The fixture's 10 copies came today, bought; 2 more are given.
	locs, _ := e.a.Catalog.Locations(ctx)
	if _, err := e.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: e.f.Records[0].ID, Count: 2, LocationID: locs[0].ID, Source: catalog.SourceDonation, Donor: "王五"}); err != nil {
		t.Fatal(err)
	}
	home := lib.get("/")
	home.want(t, http.StatusOK, `id="home-target"`, y+" 年新书入藏", `<b id="target-copies">12</b> / 500`, "个人捐赠</span> <b>2</b>")

	field := "category_" + itoa(dsdj.ID)
	lib.post("/acquisitions/targets", url.Values{"year": {y}, "volumes": {"abc"}}).want(t, http.StatusUnprocessableEntity, "目标册数须为 0 到 100000 之间的整数")
	lib.post("/acquisitions/targets", url.Values{"year": {"1990"}, "volumes": {"10"}}).want(t, http.StatusUnprocessableEntity, "年份须在 2000 到")
	lib.post("/acquisitions/targets", url.Values{"year": {y}, "volumes": {"10"}, field: {"-3"}}).want(t, http.StatusUnprocessableEntity, "目标册数须为")
	if tg, _ := e.a.Acquisitions.Target(ctx, year); tg.Set {
		t.Fatalf("a refused target was saved: %+v", tg)
	}
	lib.post("/acquisitions/targets", url.Values{"year": {y}, "volumes": {"10"}, field: {"4"}}).want(t, http.StatusSeeOther)

	lib.get("/").want(t, http.StatusOK, `<b id="target-copies">12</b> / 10`, `id="target-met"`, "已完成")
	page := lib.get("/acquisitions/targets?year=" + y)
	page.want(t, http.StatusOK, "党史党建", `value="4"`, "集中采购", "个人捐赠")
	lib.get("/acquisitions/targets?year="+y+"&source=donation").want(t, http.StatusOK, e.f.Records[0].Title, `<span class="badge">1</span>`)
	lib.get("/acquisitions/targets?year=abc").want(t, http.StatusUnprocessableEntity, "年份格式不正确")

	duty := e.as(t, "duty1")
	if body := duty.get("/").body; strings.Contains(body, `id="home-target"`) {
		t.Error("duty staff see the acquisition target")
	}
}
