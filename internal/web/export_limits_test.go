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

// TestExportNamesTheRecordItLeftOut: one record too long for ISO 2709 once
// made /export/marc answer 500 内部错误. The page now names it, with why,
// and links to the file of the others, which downloads once.
func TestExportNamesTheRecordItLeftOut(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	// Without a long record the file downloads at once, as before.
	if res := lib.get("/export/marc"); res.status != http.StatusOK || strings.Count(res.body, "\x1d") != 6 {
		t.Fatalf("plain export: status %d, %d records", res.status, strings.Count(res.body, "\x1d"))
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	locs, _ := e.a.Catalog.Locations(ctx)
	rec, err := e.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "党员教育培训教材", Publisher: "人民出版社", CLC: "D26"})
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if _, err := e.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: catalog.MaxBatchItems, LocationID: locs[0].ID}); err != nil {
			t.Fatal(err)
		}
	}
	page := lib.get("/export/marc?format=iso2709&flavor=cnmarc")
	page.want(t, http.StatusOK, `id="export-skipped"`, "已导出 6 条书目，1 条未能导出", fmt.Sprintf("书目 %d《党员教育培训教材》的 ISO 2709 记录有", rec.ID), "超过 99,999 字节的上限", "MARC_RECORD_TOO_LONG", `id="export-file"`)
	i := strings.Index(page.body, `/export/marc/file?token=`)
	if i < 0 {
		t.Fatal("no download link")
	}
	link := page.body[i : i+strings.IndexByte(page.body[i:], '"')]
	res := lib.get(link)
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), ".mrc") || strings.Count(res.body, "\x1d") != 6 {
		t.Fatalf("download: status %d, %q, %d records", res.status, res.header.Get("Content-Disposition"), strings.Count(res.body, "\x1d"))
	}
	lib.get(link).want(t, http.StatusNotFound, "导出文件已过期或已下载，请重新导出")

	en := e.as(t, "librarian")
	en.lang = "en-US,en;q=0.9"
	en.get("/export/marc").want(t, http.StatusOK, "6 records exported, 1 could not be", "bytes in ISO 2709, more than its 99,999")
}

// TestRecordFormRefusesTooManyAuthors: the form says which field is past
// its limit and stores nothing.
func TestRecordFormRefusesTooManyAuthors(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	var authors []string
	for i := range 1000 {
		authors = append(authors, fmt.Sprintf("作者%d 著", i))
	}
	lib.post("/catalog/new", url.Values{"title": {"作者很多的书"}, "authors": {strings.Join(authors, "\n")}}).
		want(t, http.StatusUnprocessableEntity, `id="authors-err"`, "责任者有 1000 个，最多 100 个")
	lib.post("/catalog/new", url.Values{"title": {"提要很长的书"}, "summary": {strings.Repeat("党", 2001)}}).
		want(t, http.StatusUnprocessableEntity, `id="summary-err"`, "提要过长：2001 字，最多 2000 字")
	lib.get("/catalog").want(t, http.StatusOK, "共 6 种")
}
