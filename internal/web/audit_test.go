package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/settings"
)

func TestAuditLogNamesObjectsAndActorsAndLinksThem(t *testing.T) {
	e := newEnv(t)
	admin := e.as(t, "admin")
	// The librarian gets a display name.
	admin.post("/settings/users/librarian", url.Values{"display_name": {"王馆员"}, "role": {"librarian"}}).want(t, http.StatusSeeOther)
	lib := e.as(t, "librarian")
	rec, code, card := e.f.Records[3], e.f.Barcodes[3][0], e.f.Readers[0].Card
	lib.post("/catalog/items/"+code+"/status", url.Values{"action": {"damaged"}, "confirm": {"yes"}}).want(t, http.StatusSeeOther)
	lib.post("/readers/"+card+"/status", url.Values{"status": {"suspended"}}).want(t, http.StatusSeeOther)

	page := lib.get("/audit")
	page.want(t, http.StatusOK,
		fmt.Sprintf(`<a href="/catalog/items/%s">复本 %s《%s》</a>`, code, code, rec.Title),
		fmt.Sprintf(`<a href="/readers/%s">读者 张三 %s</a>`, card, card),
		fmt.Sprintf(`<a href="/catalog/records/%d">书目《%s》</a>`, rec.ID, rec.Title),
		fmt.Sprintf(`<a href="/classes/%d">班次“%s”</a>`, e.f.Class.ID, e.f.Class.Name),
		`王馆员 <span class="muted small">librarian</span>`, "损坏送修")

	// Filters: by kind, by person (display name), by text, by date.
	items := lib.get("/audit?entity=item")
	items.want(t, http.StatusOK, "复本 "+code)
	if strings.Contains(items.body, "读者 张三") {
		t.Error("the item filter shows reader entries")
	}
	// Two changes and the login.
	lib.get("/audit?actor=王馆员").want(t, http.StatusOK, "共 3 条记录")
	lib.get("/audit?actor=librarian").want(t, http.StatusOK, "共 3 条记录")
	lib.get("/audit?q="+url.QueryEscape(rec.Title)).want(t, http.StatusOK, "复本 "+code)
	today := e.a.Catalog.Today()
	lib.get("/audit?actor=librarian&from="+today+"&to="+today).want(t, http.StatusOK, "共 3 条记录")
	lib.get("/audit?actor=librarian&to=2001-01-01").want(t, http.StatusOK, "共 0 条记录")
	lib.get("/audit?from=yesterday").want(t, http.StatusUnprocessableEntity, "日期格式应为")

	// A deleted record is named as deleted, without a dead link.
	ctx := audit.WithActor(t.Context(), audit.System)
	gone, err := e.a.Catalog.CreateRecord(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.a.Catalog.DeleteRecord(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	lib.get("/audit?entity=record").want(t, http.StatusOK, fmt.Sprintf("书目 %d（已删除）", gone.ID))

	// Paged: 50 to a page.
	for i := 0; i < 60; i++ {
		if _, err := e.a.Circulation.SaveLibrary(ctx, libraryNamed(i)); err != nil {
			t.Fatal(err)
		}
	}
	first := lib.get("/audit?entity=library")
	first.want(t, http.StatusOK, "共 60 条记录", `href="/audit?entity=library&amp;page=2"`)
	if n := strings.Count(first.body, "<tr>") - 1; n != 50 {
		t.Errorf("first page has %d rows, want 50", n)
	}
	second := lib.get("/audit?entity=library&page=2")
	if n := strings.Count(second.body, "<tr>") - 1; n != 10 {
		t.Errorf("second page has %d rows, want 10", n)
	}
}

func libraryNamed(i int) settings.Library {
	return settings.Library{Name: fmt.Sprintf("第%d党建书屋", i)}
}
