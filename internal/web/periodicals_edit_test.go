package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/audit"
)

// The librarian corrects next year's subscription (a bad CN number is sent
// back on its field, nothing changed), changes it to monthly (its issues
// regenerate) and deletes it; this year's, with an issue in, cannot be
// deleted — the page offers ending it, which the librarian does.
func TestTheLibrarianEditsEndsAndDeletesSubscriptions(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	ctx := audit.WithActor(context.Background(), audit.System)
	next := strconv.Itoa(e.a.Periodicals.ThisYear() + 1)
	form := url.Values{"title": {"党建研究"}, "cn": {"CN11-1019/D"}, "frequency": {"semimonthly"}, "copies": {"1"}, "year": {next}, "source": {"邮局订阅"}, "price": {"180"}, "clc": {"D26"}}
	res := lib.post("/periodicals", form)
	res.want(t, http.StatusSeeOther)
	subURL := res.header.Get("Location")
	lib.get(subURL).want(t, http.StatusOK, `id="edit-subscription"`, `value="CN11-1019/D"`, `value="180.00"`, "第24期")

	edit := url.Values{"title": {"党建研究杂志"}, "cn": {"CN11 1019"}, "issn": {""}, "frequency": {"monthly"}, "copies": {"3"}, "source": {"出版社直订"}, "price": {"216"}, "clc": {"D26"}}
	lib.post(subURL+"/edit", edit).want(t, http.StatusUnprocessableEntity, "国内统一刊号格式应为 CN11-1000/D", `value="CN11 1019"`, `value="党建研究杂志"`, "details class=\"card\" id=\"edit-subscription\" open")
	if sub, _ := e.a.Periodicals.Subscription(ctx, idOf(t, subURL)); sub.Title != "党建研究" || sub.Frequency != "semimonthly" {
		t.Fatalf("a refused edit changed %+v", sub)
	}
	edit.Set("cn", "CN11-1019/D")
	res = lib.post(subURL+"/edit", edit)
	res.want(t, http.StatusSeeOther)
	page := lib.get(subURL)
	page.want(t, http.StatusOK, "已保存《党建研究杂志》的修改：出版周期改为月刊，全年共 12 期", "第12期", "出版社直订")
	if strings.Contains(page.body, "第13期") {
		t.Fatal("the semimonthly issues after the change are still expected")
	}
	res = lib.post(subURL+"/delete", nil)
	res.want(t, http.StatusSeeOther)
	lib.get(res.header.Get("Location")).want(t, http.StatusOK, "已删除《党建研究杂志》"+next+" 年的订阅")

	this := strconv.Itoa(e.a.Periodicals.ThisYear())
	form.Set("year", this)
	res = lib.post("/periodicals", form)
	res.want(t, http.StatusSeeOther)
	subURL = res.header.Get("Location")
	_, issues, _ := e.a.Periodicals.Issues(ctx, idOf(t, subURL))
	if _, _, err := e.a.Periodicals.CheckIn(ctx, issues[0].ID); err != nil {
		t.Fatal(err)
	}
	lib.post(subURL+"/delete", nil).want(t, http.StatusConflict, "已有 1 期记到，不能删除", "结束订阅", `id="end-sub"`)
	lib.post(subURL+"/end", url.Values{"end_date": {next + "-01-10"}}).want(t, http.StatusUnprocessableEntity, "结束日期须是")
	lib.post(subURL+"/end", url.Values{"end_date": {this + "-01-02"}}).want(t, http.StatusSeeOther)
	lib.get(subURL).want(t, http.StatusOK, "结束订阅", `id="sub-ended"`, "本年订期 1 期")
	if st := e.as(t, "duty1").post(subURL+"/edit", edit).status; st != http.StatusForbidden {
		t.Errorf("duty staff edit: %d, want 403", st)
	}
}

func idOf(t *testing.T, path string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(path[strings.LastIndex(path, "/")+1:], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
