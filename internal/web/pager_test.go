package web

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestPagerStopsAtTheLastReachablePage: 15,000 hits by 20 are 750 pages,
// but the search engine serves only the first 10,000 hits; the pager once
// linked to pages 501–750, which answered 页码超出范围.
func TestPagerStopsAtTheLastReachablePage(t *testing.T) {
	s := templatesOnly(t)
	for _, page := range []int{1, 499, 500} {
		p := newPager(url.Values{"q": {"党"}}, "/opac", page, 20, 15000).upTo(10000, 20)
		if p.Pages != 500 {
			t.Fatalf("page %d: pager has %d pages, want 500", page, p.Pages)
		}
		html := s.partial(t, "opac", "pager", p)
		if strings.Contains(html, "page=501") || strings.Contains(html, "page=750") {
			t.Fatalf("page %d: pager links past page 500:\n%s", page, html)
		}
		if !strings.Contains(html, "只能翻阅前 10000 条结果") {
			t.Fatalf("page %d: pager does not say why it stops:\n%s", page, html)
		}
	}
	if p := newPager(nil, "/catalog", 3, 20, 95).upTo(0, 20); p.Pages != 5 || p.Reachable != 0 {
		t.Fatalf("uncapped pager %+v", p)
	}
}

// templatesOnly is a Server with its templates and catalogues and no
// services, to render one template in a unit test.
func templatesOnly(t *testing.T) *Server {
	t.Helper()
	cat, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	st, err := loadStatic()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{d: Deps{TZ: time.UTC}, cat: cat, static: st}
	if s.views, err = parseViews(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// partial renders template name of page in Chinese with data.
func (s *Server) partial(t *testing.T, page, name string, data any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.views.pages[page][langZH].ExecuteTemplate(&buf, name, data); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
