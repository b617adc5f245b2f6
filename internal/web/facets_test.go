package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestEnglishOPACFacetsAreEnglish: the English search page once showed the
// facet headings in Chinese (分类, 中图法大类, 在架情况, 馆藏位置).
func TestEnglishOPACFacetsAreEnglish(t *testing.T) {
	e := newEnv(t)
	en := e.browser(t)
	en.lang = "en-US,en;q=0.9"
	a := en.get("/opac?q=" + url.QueryEscape("中国"))
	a.want(t, http.StatusOK, "Category", "CLC class", "Availability", "Location", "On the shelf", "Politics and law")
	aside := regexp.MustCompile(`(?s)<aside class="facets.*?</aside>`).FindString(a.body)
	if aside == "" {
		t.Fatal("no facets on the English search page")
	}
	if han := regexp.MustCompile(`\p{Han}+`).FindAllString(aside, -1); len(han) > 0 {
		t.Errorf("English facets show Chinese %q:\n%s", han, aside)
	}

	zh := e.browser(t)
	b := zh.get("/opac?q=" + url.QueryEscape("中国"))
	b.want(t, http.StatusOK, "本馆分类", "中图法大类", "在架情况", "馆藏位置", "D 政治、法律")
	if strings.Contains(b.body, "On the shelf") {
		t.Error("the Chinese page shows English facet values")
	}
}
