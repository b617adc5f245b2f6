package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"shuwu/internal/testkit/yaztest"
)

func TestCopyTargetsPage(t *testing.T) {
	e := newEnv(t)
	duty, lib := e.as(t, "duty1"), e.as(t, "librarian")
	duty.get("/settings/copy-targets").want(t, http.StatusForbidden)
	duty.get("/catalog/copy").want(t, http.StatusForbidden)
	lib.get("/settings/copy-targets").want(t, http.StatusOK, "书目来源", "还没有书目来源")
	lib.get("/catalog/copy").want(t, http.StatusOK, "还没有配置书目来源", `href="/settings/copy-targets"`)

	lib.post("/settings/copy-targets", url.Values{"name": {"国家图书馆"}, "kind": {"z3950"}, "address": {"z3950.example.cn"}, "flavor": {"cnmarc"}}).
		want(t, http.StatusUnprocessableEntity, "Z39.50 地址应写成“主机:端口/数据库”", `value="国家图书馆"`)
	lib.post("/settings/copy-targets", url.Values{"name": {"国家图书馆"}, "kind": {"sru"}, "address": {"ftp://x"}, "flavor": {"cnmarc"}}).
		want(t, http.StatusUnprocessableEntity, "SRU 地址应是 http://")
	lib.get("/settings/copy-targets").want(t, http.StatusOK, "还没有书目来源")
	if res := lib.post("/settings/copy-targets", url.Values{"name": {"国家图书馆"}, "kind": {"z3950"}, "address": {"z3950.example.cn:9991/UCS01"}, "flavor": {"cnmarc"}, "charset": {"gb18030"}}); res.status != http.StatusSeeOther {
		t.Fatalf("add: %d %s", res.status, clip(res.body))
	}
	lib.get("/settings/copy-targets").want(t, http.StatusOK, "已添加书目来源 国家图书馆", `value="z3950.example.cn:9991/UCS01"`, `value="gb18030" selected`)
	lib.post("/settings/copy-targets", url.Values{"name": {"国家图书馆"}, "kind": {"sru"}, "address": {"http://x/sru"}, "flavor": {"marc21"}}).
		want(t, http.StatusUnprocessableEntity, "已有名为“国家图书馆”的书目来源")
	id := regexp.MustCompile(`/settings/copy-targets/(\d+)/delete`).FindStringSubmatch(lib.get("/settings/copy-targets").body)[1]
	lib.post("/settings/copy-targets/"+id+"/delete", nil).want(t, http.StatusSeeOther)
	lib.get("/settings/copy-targets").want(t, http.StatusOK, "已删除书目来源 国家图书馆", "还没有书目来源")
	lib.get("/audit?kind=copy_target").want(t, http.StatusOK, "新增书目来源 国家图书馆", "删除书目来源 国家图书馆")
}

// The library's own SRU server is a source like any other: the candidate
// with the ISBN of a held record says so, and choosing one fills the
// record editor without saving anything.
func TestCopyCataloguingFromAnSRUSource(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	held := e.f.Records[0]
	if held.ISBN == "" {
		t.Fatal("the fixture's first record has no ISBN")
	}
	if res := lib.post("/settings/copy-targets", url.Values{"name": {"本馆 SRU"}, "kind": {"sru"}, "address": {e.srv.URL + "/sru"}, "flavor": {"marc21"}}); res.status != http.StatusSeeOther {
		t.Fatalf("add: %d %s", res.status, clip(res.body))
	}
	page := lib.get("/catalog/copy")
	page.want(t, http.StatusOK, "本馆 SRU（SRU）")
	id := regexp.MustCompile(`<option value="(\d+)"`).FindStringSubmatch(page.body)[1]
	res := lib.get("/catalog/copy?" + url.Values{"target": {id}, "field": {"isbn"}, "q": {held.ISBN}}.Encode())
	res.want(t, http.StatusOK, "命中 1 条", held.Title, "本馆已有", `href="/catalog/records/`, "用此记录编目")
	lib.get("/catalog/copy?"+url.Values{"target": {id}, "field": {"isbn"}, "q": {"  "}}.Encode()).want(t, http.StatusUnprocessableEntity, "请输入 1 到 200 个字符的检索词")

	marc := regexp.MustCompile(`name="marc" value="([^"]+)"`).FindStringSubmatch(res.body)[1]
	before := len(lib.get("/catalog").body)
	form := lib.post("/catalog/copy/use", url.Values{"marc": {strings.ReplaceAll(marc, "&#43;", "+")}, "source": {"本馆 SRU"}})
	form.want(t, http.StatusOK, "此记录套录自“本馆 SRU”，尚未保存", `action="/catalog/new"`, `value="`+held.Title+`"`)
	if after := len(lib.get("/catalog").body); after != before {
		t.Error("choosing a candidate changed the catalogue before saving")
	}
	lib.post("/catalog/copy/use", url.Values{"marc": {"bm90IG1hcmM="}}).want(t, http.StatusUnprocessableEntity, "候选记录已损坏")
}

func TestCopyCataloguingFromAZ3950Source(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	addr := yaztest.Start(t)
	if res := lib.post("/settings/copy-targets", url.Values{"name": {"测试 Z39.50"}, "kind": {"z3950"}, "address": {addr + "/Default"}, "flavor": {"marc21"}}); res.status != http.StatusSeeOther {
		t.Fatalf("add: %d %s", res.status, clip(res.body))
	}
	id := regexp.MustCompile(`<option value="(\d+)"`).FindStringSubmatch(lib.get("/catalog/copy").body)[1]
	// yaz-ztest answers a term starting with digits with that many hits.
	lib.get("/catalog/copy?"+url.Values{"target": {id}, "field": {"title"}, "q": {"2"}}.Encode()).
		want(t, http.StatusOK, "命中 2 条，显示 2 条候选记录", "How to program a computer", "Jack Collins")
	// A source that is down names itself.
	if res := lib.post("/settings/copy-targets", url.Values{"name": {"已停机"}, "kind": {"z3950"}, "address": {"127.0.0.1:1/Default"}, "flavor": {"marc21"}}); res.status != http.StatusSeeOther {
		t.Fatalf("add: %d", res.status)
	}
	ids := regexp.MustCompile(`<option value="(\d+)"`).FindAllStringSubmatch(lib.get("/catalog/copy").body, -1)
	down := ids[0][1] // names sort 已停机 first
	lib.get("/catalog/copy?"+url.Values{"target": {down}, "field": {"title"}, "q": {"党"}}.Encode()).want(t, http.StatusBadGateway, "书目来源“已停机”无法检索")
}
