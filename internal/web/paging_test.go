package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// TestHugePageNumbersAreRefusedClearly: /opac?page=9223372036854775807
// once panicked in the search engine (makeslice); every listing now
// answers a huge page with a clear message or its last page, never a 500.
func TestHugePageNumbersAreRefusedClearly(t *testing.T) {
	e := newEnv(t)
	anon := e.browser(t)
	huge := "9223372036854775807"
	anon.get("/opac?q="+url.QueryEscape("共产党")+"&page="+huge).want(t, http.StatusUnprocessableEntity, "页码超出范围", "500")
	anon.get("/opac?page="+huge).want(t, http.StatusUnprocessableEntity, "页码超出范围")
	anon.get("/opac?page=-3").want(t, http.StatusOK, "红岩")

	lib := e.as(t, "librarian")
	for _, path := range []string{"/catalog?page=" + huge, "/readers?page=" + huge, "/catalog?page=-" + huge} {
		if a := lib.get(path); a.status != http.StatusOK || strings.Contains(a.body, "内部错误") {
			t.Errorf("%s: %d", path, a.status)
		}
	}
}

// TestHistoryIsPaged: /my/history once showed the newest 200 lines and
// dropped the rest; a reader with 220 history lines now pages through all
// of them, 50 at a time, on the portal and on the staff reader page.
func TestHistoryIsPaged(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	me := e.f.Readers[0]
	code := e.f.Barcodes[2][0]
	for range 110 {
		if _, err := e.a.Circulation.Checkout(ctx, me.Card, code); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Circulation.Checkin(ctx, code, false); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range []struct {
		who  *browser
		path string
	}{{e.as(t, me.Card), "/my/history"}, {e.as(t, "duty1"), "/readers/" + me.Card}} {
		seen, path := 0, b.path
		for pages := 0; ; pages++ {
			if pages > 5 {
				t.Fatalf("%s: more than 5 pages for 220 lines", b.path)
			}
			a := b.who.get(path)
			a.want(t, http.StatusOK, "共产党宣言")
			seen += strings.Count(a.body, `data-label="时间"`)
			m := regexp.MustCompile(`href="\?before=(\d+)"`).FindStringSubmatch(a.body)
			if m == nil {
				break
			}
			if !strings.Contains(a.body, "更早的记录") {
				t.Fatalf("%s: the link to older lines has no text", path)
			}
			path = b.path + "?before=" + m[1]
		}
		if seen != 220 {
			t.Errorf("%s: %d history lines over all pages, want 220", b.path, seen)
		}
	}
}

// TestClassListIsPaged: the classes page once listed every class a school
// ever ran on one page.
func TestClassListIsPaged(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	for i := range 40 {
		if _, err := e.a.Readers.CreateClass(ctx, readers.Class{Name: fmt.Sprintf("第%02d期青干班", i+1), Kind: "主体班", StartDate: "2025-03-01", EndDate: "2025-06-30"}); err != nil {
			t.Fatal(err)
		}
	}
	lib := e.as(t, "librarian")
	first := lib.get("/classes")
	first.want(t, http.StatusOK, "2024年春季县干班", `href="/classes?page=2"`)
	if n := strings.Count(first.body, `<a href="/classes/`); n != 30 {
		t.Fatalf("page 1 lists %d classes, want 30", n)
	}
	second := lib.get("/classes?page=2")
	second.want(t, http.StatusOK, "第01期青干班")
	if n := strings.Count(second.body, `<a href="/classes/`); n != 11 {
		t.Fatalf("page 2 lists %d classes, want 11", n)
	}
	lib.get("/classes?page=9223372036854775807").want(t, http.StatusOK, "新建班次")
}
