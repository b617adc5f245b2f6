package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// The librarian starts a stocktake of one shelf group; duty staff scan
// part of it, one copy from another shelf and a barcode no copy has, then
// load the rest from a scanner's file but one; the result names the
// missing copy, the wrong shelf and the unknown barcode; closing it and
// marking the missing copy lost changes the catalogue.
func TestStocktakeFromScansToLost(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	locs, _ := e.a.Catalog.Locations(ctx)
	shelf := fmt.Sprint(locs[0].ID)
	if _, err := e.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: e.f.Records[0].ID, Count: 4, LocationID: locs[0].ID, Source: catalog.SourcePurchase, PriceFen: 4500}); err != nil {
		t.Fatal(err)
	}
	var all [][]string
	all = append(all, e.f.Barcodes...)
	more, _ := e.a.Catalog.ItemsOfRecords(ctx, []int64{e.f.Records[0].ID})
	for _, it := range more[e.f.Records[0].ID] {
		all = append(all, []string{it.Barcode})
	}
	var here, elsewhere []string
	seen := map[string]bool{}
	for _, codes := range all {
		for _, c := range codes {
			if seen[c] {
				continue
			}
			seen[c] = true
			it, _ := e.a.Catalog.Item(ctx, c)
			if it.LocationID == locs[0].ID {
				here = append(here, c)
			} else {
				elsewhere = append(elsewhere, c)
			}
		}
	}
	if len(here) < 3 || len(elsewhere) == 0 {
		t.Fatalf("fixture: %d copies on shelf 1, %d elsewhere", len(here), len(elsewhere))
	}
	lib := e.as(t, "librarian")
	lib.post("/stocktake", url.Values{"name": {""}, "location_id": {shelf}}).want(t, http.StatusUnprocessableEntity, "盘点名称须为 1–40 个字")
	lib.post("/stocktake", url.Values{"name": {"书库一盘点"}, "clc_from": {"D"}}).want(t, http.StatusUnprocessableEntity, "分类范围须同时填写起止分类号")
	res := lib.post("/stocktake", url.Values{"name": {"书库一盘点"}, "location_id": {shelf}})
	res.want(t, http.StatusSeeOther)
	page := res.header.Get("Location")

	duty := e.as(t, "duty1")
	duty.get(page).want(t, http.StatusOK, `id="barcode"`, "已扫描 0 册")
	duty.post(page+"/scan", url.Values{"shelf": {""}, "barcode": {here[0]}}).want(t, http.StatusUnprocessableEntity, "请先选择正在盘点的书架")
	duty.post(page+"/scan", url.Values{"shelf": {shelf}, "barcode": {here[0]}}).want(t, http.StatusOK, "在架", "已扫描 1 册", `<option value="`+shelf+`" selected>`)
	duty.post(page+"/scan", url.Values{"shelf": {shelf}, "barcode": {elsewhere[0]}}).want(t, http.StatusOK, "错架", "应在：")
	duty.post(page+"/scan", url.Values{"shelf": {shelf}, "barcode": {"NOSUCH01"}}).want(t, http.StatusOK, "未知条码")
	file := "条码\n" + strings.Join(here[1:len(here)-1], "\r\n") + "\n"
	duty.upload(page+"/import", map[string]string{"shelf": shelf}, "scanner.txt", []byte(file)).
		want(t, http.StatusOK, fmt.Sprintf("已导入 %d 个条码", len(here)-2))
	duty.upload(page+"/import", map[string]string{"shelf": shelf}, "scanner.bin", []byte("\x00\x01\x02")).
		want(t, http.StatusUnprocessableEntity, "条码文件不是文本文件")
	duty.post(page+"/close", nil).want(t, http.StatusForbidden)

	result := lib.get(page + "/result")
	result.want(t, http.StatusOK, `id="total-missing"`, here[len(here)-1], "NOSUCH01", elsewhere[0], `id="close-stocktake"`)
	if strings.Contains(result.body, `id="mark-lost"`) {
		t.Fatal("marking lost is offered before the stocktake is closed")
	}
	lib.post(page+"/close", nil).want(t, http.StatusSeeOther)
	lib.post(page+"/scan", url.Values{"shelf": {shelf}, "barcode": {here[0]}}).want(t, http.StatusUnprocessableEntity, "盘点已结束")
	lib.get(page+"/result").want(t, http.StatusOK, `id="mark-lost"`, "把未找到的 1 册注销为遗失")
	lib.post(page+"/mark-lost", nil).want(t, http.StatusSeeOther)
	lib.get(page+"/result").want(t, http.StatusOK, "已将 1 册注销为遗失", "本次盘点已注销遗失 1 册")
	if it, _ := e.a.Catalog.Item(ctx, here[len(here)-1]); it.Status != "lost" {
		t.Fatalf("the missing copy is %s, want lost", it.Status)
	}
	lib.get("/audit?entity=stocktake").want(t, http.StatusOK, "开始盘点：书库一盘点", "注销为遗失")
	e.as(t, "leader").get(page+"/result").want(t, http.StatusOK, `id="totals"`)
}
