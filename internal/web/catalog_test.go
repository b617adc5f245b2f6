package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/testkit/webtest"
)

func TestCatalogPages(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	rec := e.f.Records[2]
	lib.get("/catalog").want(t, http.StatusOK, "编目", "共产党宣言", "共 6 种")
	lib.get("/catalog?q="+url.QueryEscape("宣言")).want(t, http.StatusOK, "共 1 种", "共产党宣言")
	lib.get(fmt.Sprintf("/catalog/records/%d", rec.ID)).want(t, http.StatusOK, "共产党宣言", "复本（2 册）", "A1/1", "在架", "新增复本")
	lib.get(fmt.Sprintf("/catalog/records/%d/edit", rec.ID)).want(t, http.StatusOK, `value="共产党宣言"`)
	lib.get("/catalog/new").want(t, http.StatusOK, "新建书目", `name="isbn"`)
	lib.get("/catalog/clc?clc=D2").want(t, http.StatusOK, "D2")
	lib.get("/catalog/records/99999").want(t, http.StatusNotFound)
}

// The class numbers of ordinary CIP data are known to the shipped schedule:
// the form names their class instead of warning "类表中没有此分类号".
func TestRecordFormKnowsCIPClassNumbers(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	for code, name := range map[string]string{"K827": "社会政治人物", "I247.5": "I247.5", "F127": "地方经济", "G252.7": "文献检索", "D610": "属于 D61"} {
		res := lib.get("/catalog/clc?clc=" + url.QueryEscape(code))
		res.want(t, http.StatusOK, name)
		if strings.Contains(res.body, "类表中没有此分类号") {
			t.Errorf("the form warns that %s is not in the schedule", code)
		}
	}
	lib.get("/catalog/clc?clc=D299").want(t, http.StatusOK, "类表中没有此分类号")
}

func TestRecordEditorShowsFieldErrors(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	form := url.Values{"title": {"新时代党的建设"}, "isbn": {"978-7-01-000000-0"}, "clc": {"D26"}, "year": {"2023"}, "price": {"58.00"}}
	res := lib.post("/catalog/new", form)
	res.want(t, http.StatusUnprocessableEntity, `id="isbn-err"`, "校验")
	if !strings.Contains(res.body, `value="新时代党的建设"`) {
		t.Error("the editor lost what was typed")
	}
	lib.post("/catalog/new", url.Values{"title": {""}}).want(t, http.StatusUnprocessableEntity, `id="title-err"`, "题名不能为空")
	lib.post("/catalog/new", url.Values{"title": {"x"}, "year": {"二〇二二"}}).want(t, http.StatusUnprocessableEntity, "出版年应为四位数字")

	form.Set("isbn", webtest.ISBN13("978701009999"))
	res = lib.post("/catalog/new", form)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.header.Get("Location"), "/catalog/records/") {
		t.Fatalf("create: status %d, location %q", res.status, res.header.Get("Location"))
	}
	page := lib.get(strings.TrimSuffix(res.header.Get("Location"), "#add-items"))
	page.want(t, http.StatusOK, "已新建书目《新时代党的建设》", "D26")

	id := strings.TrimSuffix(strings.TrimPrefix(res.header.Get("Location"), "/catalog/records/"), "#add-items")
	lib.post("/catalog/records/"+id+"/items", url.Values{"count": {"0"}}).want(t, http.StatusUnprocessableEntity, "册数须在")
	res = lib.post("/catalog/records/"+id+"/items", url.Values{"count": {"3"}, "location_id": {"1"}, "source": {"donation"}, "donor": {"校机关党委"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("add items: %d %s", res.status, clip(res.body))
	}
	lib.get("/catalog/records/"+id).want(t, http.StatusOK, "复本（3 册）", "D26/1", "个人捐赠", "校机关党委")
}

// A responsibility typed as one word ("张明主编") stays as typed: the role
// is read off the end instead of 著 being added after it.
func TestRecordFormKeepsTheResponsibilityAsTyped(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	form := url.Values{"title": {"基层党建实务"}, "authors": {"张明主编\n李华 编"}, "year": {"2023"}, "price": {"30.00"}}
	res := lib.post("/catalog/new", form)
	if res.status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.status, clip(res.body))
	}
	loc := strings.TrimSuffix(res.header.Get("Location"), "#add-items")
	page := lib.get(loc)
	page.want(t, http.StatusOK, "张明主编")
	if strings.Contains(page.body, "主编著") {
		t.Fatalf("the record page shows %q", "张明主编著")
	}
	lib.get(loc+"/edit").want(t, http.StatusOK, "张明 主编")
}

func TestDutyCannotEditCatalogue(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	duty.get("/catalog").want(t, http.StatusOK)
	duty.get("/catalog/new").want(t, http.StatusForbidden)
	duty.post("/catalog/new", url.Values{"title": {"x"}}).want(t, http.StatusForbidden)
}

// The volume (卷次/分册) typed in the editor shows on the record page, the
// OPAC page and the catalogue list, and the list's search finds it.
func TestRecordEditorKeepsTheVolume(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/catalog/new").want(t, http.StatusOK, `name="part_number"`, "卷次", "分册名")
	long := strings.Repeat("卷", 101)
	lib.post("/catalog/new", url.Values{"title": {"习近平谈治国理政"}, "part_number": {long}, "price": {""}}).
		want(t, http.StatusUnprocessableEntity, "卷次或分册名过长")
	res := lib.post("/catalog/new", url.Values{"title": {"习近平谈治国理政"}, "part_number": {"第二卷"}, "clc": {"D2-0"}, "price": {""}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.status, clip(res.body))
	}
	id := strings.TrimSuffix(strings.TrimPrefix(res.header.Get("Location"), "/catalog/records/"), "#add-items")
	lib.get("/catalog/records/"+id).want(t, http.StatusOK, "<h1>习近平谈治国理政．第二卷</h1>", `id="record-volume">第二卷<`)
	lib.get("/catalog/records/"+id+"/edit").want(t, http.StatusOK, `value="第二卷"`)
	lib.get("/opac/records/"+id).want(t, http.StatusOK, "习近平谈治国理政．第二卷")
	lib.get("/catalog?q="+url.QueryEscape("第二卷")).want(t, http.StatusOK, "共 1 种", "习近平谈治国理政．第二卷")
}
