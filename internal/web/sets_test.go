package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/catalog"
)

// The set page's forms: add volumes by ISBN or barcode (all or nothing,
// in Chinese when one is wrong or already in), move, remove, sort, rename
// and delete; duty staff read the page but change nothing.
func TestLibrarianArrangesASetsVolumes(t *testing.T) {
	e := newEnv(t)
	lib, duty := e.as(t, "librarian"), e.as(t, "duty1")
	var vols []catalog.Record
	var codes []string
	for _, part := range []string{"第一卷", "第二卷", "第三卷"} {
		rec, err := e.a.Catalog.CreateRecord(t.Context(), catalog.Record{Title: "毛泽东选集", PartNumber: part, CLC: "A41", Publisher: "人民出版社"})
		if err != nil {
			t.Fatal(err)
		}
		items, err := e.a.Catalog.AddItems(t.Context(), catalog.NewItems{RecordID: rec.ID, Count: 1, LocationID: 1})
		if err != nil {
			t.Fatal(err)
		}
		vols, codes = append(vols, rec), append(codes, items[0].Barcode)
	}
	lib.post("/catalog/sets", url.Values{"title": {" "}}).want(t, http.StatusUnprocessableEntity, "丛编/多卷书的题名不能为空")
	res := lib.post("/catalog/sets", url.Values{"title": {"毛泽东选集"}, "kind": {"multivolume"}})
	res.want(t, http.StatusSeeOther)
	loc := res.header.Get("Location")
	id := mustID(t, strings.TrimPrefix(loc, "/catalog/sets/"))
	members := func() []int64 {
		t.Helper()
		d, err := e.a.Catalog.Set(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		return d.RecordIDs
	}
	lib.post(loc+"/members", url.Values{"add": {codes[2] + " NO-SUCH"}}).want(t, http.StatusUnprocessableEntity, "找不到 ISBN 或条码为“NO-SUCH”的图书")
	lib.post(loc+"/members", url.Values{"add": {codes[2] + " " + codes[2]}}).want(t, http.StatusUnprocessableEntity, "已在本套书中，不能重复加入")
	lib.post(loc+"/members", url.Values{"add": {""}}).want(t, http.StatusUnprocessableEntity, "请输入要加入的图书的 ISBN 或条码")
	if got := members(); len(got) != 0 {
		t.Fatalf("refused additions stored %v", got)
	}
	lib.post(loc+"/members", url.Values{"add": {codes[2] + "\n" + codes[0] + "，" + codes[1]}}).want(t, http.StatusSeeOther)
	if got, want := members(), []int64{vols[0].ID, vols[1].ID, vols[2].ID}; !slices.Equal(got, want) {
		t.Fatalf("volumes %v, want %v in volume order", got, want)
	}
	lib.post(loc+"/members", url.Values{"add": {codes[0]}}).want(t, http.StatusUnprocessableEntity, "《毛泽东选集．第一卷》已在本套书中")
	s := func(n int64) string { return strconv.FormatInt(n, 10) }
	lib.post(loc+"/members/"+s(vols[2].ID), url.Values{"do": {"up"}}).want(t, http.StatusSeeOther)
	if got, want := members(), []int64{vols[0].ID, vols[2].ID, vols[1].ID}; !slices.Equal(got, want) {
		t.Fatalf("after moving 第三卷 up: %v, want %v", got, want)
	}
	lib.get(loc).want(t, http.StatusOK, "按卷次排序")
	lib.post(loc+"/sort", nil).want(t, http.StatusSeeOther)
	lib.post(loc+"/members/"+s(vols[1].ID), url.Values{"do": {"remove"}}).want(t, http.StatusSeeOther)
	if got, want := members(), []int64{vols[0].ID, vols[2].ID}; !slices.Equal(got, want) {
		t.Fatalf("after sorting and removing 第二卷: %v, want %v", got, want)
	}
	lib.post(loc, url.Values{"title": {""}, "kind": {"multivolume"}}).want(t, http.StatusUnprocessableEntity, "题名不能为空")
	lib.post(loc, url.Values{"title": {"毛泽东选集"}, "kind": {"series"}, "isbn": {"12345"}}).want(t, http.StatusUnprocessableEntity, "ISBN")
	lib.post(loc, url.Values{"title": {"毛泽东选集（1991年版）"}, "kind": {"multivolume"}}).want(t, http.StatusSeeOther)
	duty.get(loc).want(t, http.StatusOK, "毛泽东选集（1991年版）", "第一卷", "第三卷")
	duty.post(loc+"/members/"+s(vols[0].ID), url.Values{"do": {"remove"}}).want(t, http.StatusForbidden)
	e.as(t, "librarian").get("/catalog/records/"+s(vols[2].ID)).want(t, http.StatusOK, "本书属于多卷书", "《毛泽东选集（1991年版）》", "第 2 卷（共 2 卷）")
	e.browser(t).get("/opac/records/"+s(vols[0].ID)).want(t, http.StatusOK, "/opac/sets/"+s(id), "第 1 卷（共 2 卷）")
	lib.post(loc+"/delete", nil).want(t, http.StatusSeeOther)
	if _, err := e.a.Catalog.Set(t.Context(), id); err == nil {
		t.Fatal("the set is still there")
	}
	lib.get("/catalog/records/"+s(vols[0].ID)).want(t, http.StatusOK, "组成多卷书/丛编")
}
