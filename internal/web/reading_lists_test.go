package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func TestLibrarianBuildsARequiredReadingListReadersSeeInOrderWithNotes(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	e.as(t, "duty1").get("/catalog/lists").want(t, http.StatusForbidden)

	lib.post("/catalog/lists", url.Values{"name": {"  "}}).want(t, http.StatusUnprocessableEntity, "书目单名称不能为空")
	res := lib.post("/catalog/lists", url.Values{"name": {"党史国史"}, "audience": {"全体学员"}})
	res.want(t, http.StatusSeeOther)
	loc := res.header.Get("Location")
	if !strings.HasPrefix(loc, "/catalog/lists/") {
		t.Fatalf("redirect to %q", loc)
	}
	id := strings.TrimPrefix(loc, "/catalog/lists/")
	lib.get("/catalog/lists").want(t, http.StatusOK, "党史国史", "全体学员")

	r0, r1, r5 := e.f.Records[0], e.f.Records[1], e.f.Records[5]
	base := url.Values{"name": {"党史国史"}, "audience": {"全体学员"}, "description": {"学习党史的基本读物"},
		"class_ids": {strconv.FormatInt(e.f.Class.ID, 10)}}
	// One unknown book saves nothing.
	bad := cloneForm(base)
	bad.Set("add", r1.ISBN+" NO-SUCH-BOOK")
	lib.post(loc, bad).want(t, http.StatusUnprocessableEntity, "找不到 ISBN 或条码为“NO-SUCH-BOOK”的图书")
	if l, _, err := e.a.Catalog.ReadingList(t.Context(), mustID(t, id)); err != nil || len(l.RecordIDs) != 0 {
		t.Fatalf("a refused save stored %v (%v)", l.RecordIDs, err)
	}
	// By ISBN and by a copy's barcode.
	add := cloneForm(base)
	add.Set("add", r1.ISBN+"\n"+e.f.Barcodes[5][0]+"，"+r0.ISBN)
	lib.post(loc, add).want(t, http.StatusSeeOther)
	l, _, err := e.a.Catalog.ReadingList(t.Context(), mustID(t, id))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.RecordIDs; len(got) != 3 || got[0] != r1.ID || got[1] != r5.ID || got[2] != r0.ID {
		t.Fatalf("records %v, want %d %d %d", got, r1.ID, r5.ID, r0.ID)
	}

	// Move 习近平谈治国理政 to the top, note it, drop 中华人民共和国史.
	edit := cloneForm(base)
	for _, r := range []int64{r1.ID, r5.ID, r0.ID} {
		edit.Add("rec", strconv.FormatInt(r, 10))
	}
	s := func(n int64) string { return strconv.FormatInt(n, 10) }
	edit.Set("pos_"+s(r1.ID), "1")
	edit.Set("pos_"+s(r5.ID), "2")
	edit.Set("pos_"+s(r0.ID), "0.5")
	edit.Set("note_"+s(r0.ID), "重点阅读第一、二章")
	edit.Set("remove_"+s(r5.ID), "on")
	lib.post(loc, edit).want(t, http.StatusSeeOther)
	lib.get(loc).want(t, http.StatusOK, "已保存“党史国史”（2 种）", `value="重点阅读第一、二章"`, "checked> 2024年春季县干班")

	portal := e.browser(t).get("/opac/lists/" + id)
	portal.want(t, http.StatusOK, "适用对象：全体学员", "学习党史的基本读物", `<p class="list-note">重点阅读第一、二章</p>`)
	if strings.Index(portal.body, r0.Title) > strings.Index(portal.body, r1.Title) {
		t.Error("the portal does not show the librarian's order")
	}
	if strings.Contains(portal.body, r5.Title) {
		t.Error("a removed book is still on the list")
	}

	// From a record page.
	rec := lib.get("/catalog/records/" + s(r5.ID))
	rec.want(t, http.StatusOK, `id="add-to-list"`, "党史国史")
	lib.post("/catalog/records/"+s(r5.ID)+"/lists", url.Values{"list_id": {id}, "note": {"建国史入门"}}).want(t, http.StatusSeeOther)
	lib.get("/catalog/records/"+s(r5.ID)).want(t, http.StatusOK, "已加入必读书目“党史国史”")
	e.browser(t).get("/opac/lists/"+id).want(t, http.StatusOK, r5.Title, "建国史入门")
	lib.get("/audit").want(t, http.StatusOK, "保存必读书目“党史国史”")

	lib.post(loc+"/delete", nil).want(t, http.StatusSeeOther)
	e.browser(t).get("/opac/lists/"+id).want(t, http.StatusNotFound)
}

func cloneForm(f url.Values) url.Values {
	out := url.Values{}
	for k, v := range f {
		out[k] = append([]string(nil), v...)
	}
	return out
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
