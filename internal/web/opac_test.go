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

func TestOPACPages(t *testing.T) {
	e := newEnv(t)
	anon := e.browser(t)
	anon.get("/").want(t, http.StatusSeeOther)
	anon.get("/opac").want(t, http.StatusOK, "馆藏检索", "新书", "红岩")
	anon.get("/opac?q="+url.QueryEscape("红岩")).want(t, http.StatusOK, "找到 1 种", "红岩", "在架 1 册")
	anon.get("/opac?q="+url.QueryEscape("不存在的书")).want(t, http.StatusOK, "没有找到")
	rec := e.f.Records[5]
	anon.get(fmt.Sprintf("/opac/records/%d", rec.ID)).want(t, http.StatusOK, "中华人民共和国史", "K2/1", "藏书室书架第六组", "登录后预约")
	anon.get("/opac/records/424242").want(t, http.StatusNotFound, "未找到")

	ctx := audit.WithActor(t.Context(), audit.System)
	l, err := e.a.Catalog.SaveReadingList(ctx, catalog.ReadingList{Name: "党史国史", Description: "学员必读", RecordIDs: []int64{e.f.Records[1].ID, rec.ID}, ClassIDs: []int64{e.f.Class.ID}})
	if err != nil {
		t.Fatal(err)
	}
	anon.get("/opac/lists").want(t, http.StatusOK, "必读书目", "党史国史", "共 2 种")
	anon.get(fmt.Sprintf("/opac/lists/%d", l.ID)).want(t, http.StatusOK, "中国共产党简史", "中华人民共和国史")

	en := e.browser(t)
	en.lang = "en-US,en;q=0.9"
	en.get("/opac").want(t, http.StatusOK, `lang="en"`, "Search the library")
	en.get(fmt.Sprintf("/opac/records/%d", rec.ID)).want(t, http.StatusOK, "Where to find it", "Stacks, shelf group 6")
}

func TestLanguageSwitchSetsCookie(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	res := b.get("/opac?lang=en&q=x")
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/opac?q=x" {
		t.Fatalf("switch: %d %q", res.status, res.header.Get("Location"))
	}
	b.get("/opac").want(t, http.StatusOK, "Search the library", "中文")
	b.get("/opac?lang=zh-CN")
	b.get("/opac").want(t, http.StatusOK, "馆藏检索", "English")
}

func TestReaderPortal(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	me, other := e.f.Readers[0], e.f.Readers[1]
	if _, err := e.a.Circulation.Checkout(ctx, me.Card, e.f.Barcodes[0][0]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.Checkout(ctx, other.Card, e.f.Barcodes[3][0]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Catalog.SaveReadingList(ctx, catalog.ReadingList{Name: "党的二十大读物", RecordIDs: []int64{e.f.Records[0].ID, e.f.Records[2].ID}, ClassIDs: []int64{e.f.Class.ID}}); err != nil {
		t.Fatal(err)
	}
	b := e.as(t, me.Card)
	b.get("/").want(t, http.StatusSeeOther)
	b.get("/my").want(t, http.StatusOK, "张三，您好", "在借图书（1 册）", "习近平谈治国理政", "党的二十大读物", "已借阅 1 / 2 种")
	b.get("/my/history").want(t, http.StatusOK, "借出", "习近平谈治国理政")

	// The loan is new, so renewing it would not extend it: refused with the true reason.
	b.post("/my/renew", url.Values{"barcode": {e.f.Barcodes[0][0]}}).want(t, http.StatusConflict, "暂不能续借", "自今日起")
	// Someone else's loan is not the reader's to renew.
	b.post("/my/renew", url.Values{"barcode": {e.f.Barcodes[3][0]}}).want(t, http.StatusForbidden, "只能续借自己借的书")

	res := b.post("/my/holds", url.Values{"record_id": {fmt.Sprint(e.f.Records[3].ID)}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("place hold: %d %s", res.status, clip(res.body))
	}
	page := b.get("/my")
	page.want(t, http.StatusOK, "已预约《平凡的世界》，排队第 1 位", "我的预约（1）", "排队第 1 位")
	i := strings.Index(page.body, `action="/my/holds/`)
	if i < 0 {
		t.Fatal("no cancel form")
	}
	action := page.body[i+len(`action="`):]
	action = action[:strings.Index(action, `"`)]
	if res := b.post(action, nil); res.status != http.StatusSeeOther {
		t.Fatalf("cancel hold: %d", res.status)
	}
	b.get("/my").want(t, http.StatusOK, "已取消预约", "没有预约")

	b.get("/my/password").want(t, http.StatusOK, "修改密码")
	b.post("/my/password", url.Values{"old_password": {"wrong-one"}, "new_password": {"new-secret-1"}, "confirm": {"new-secret-1"}}).want(t, http.StatusUnprocessableEntity, "原密码不正确")
	b.post("/my/password", url.Values{"old_password": {"x"}, "new_password": {"short"}, "confirm": {"other"}}).want(t, http.StatusUnprocessableEntity, "两次输入的新密码不一致")
	res = b.post("/my/password", url.Values{"old_password": {"shuwu-demo"}, "new_password": {"new-secret-1"}, "confirm": {"new-secret-1"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/login" {
		t.Fatalf("change password: %d %s", res.status, res.header.Get("Location"))
	}
	b.get("/my").want(t, http.StatusSeeOther)
}

func TestReaderCannotOpenStaffPages(t *testing.T) {
	e := newEnv(t)
	b := e.as(t, e.f.Readers[0].Card)
	for _, p := range []string{"/desk", "/catalog", "/catalog/new"} {
		if res := b.get(p); res.status != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", p, res.status)
		}
	}
	staff := e.as(t, "duty1")
	staff.get("/my").want(t, http.StatusForbidden)
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	e := newEnv(t)
	b := e.as(t, "duty1")
	res := b.post("/desk/scan", url.Values{"mode": {"lend"}, "card": {e.f.Readers[0].Card}, "code": {e.f.Barcodes[0][0]}},
		"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
	res.want(t, http.StatusForbidden, "请求来自其他网站")
	if _, err := e.a.Circulation.LoanOf(t.Context(), 1); err == nil {
		t.Error("the refused request lent the book")
	}
	b.post("/desk/scan", url.Values{"mode": {"lend"}, "card": {e.f.Readers[0].Card}, "code": {e.f.Barcodes[0][0]}},
		"Sec-Fetch-Site", "same-origin").want(t, http.StatusOK, "已借出")
}

func TestOPACSaysADeletedRecordIsNoLongerHeld(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	rec, err := e.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "旧版学习资料汇编", CLC: "D26"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.a.Catalog.DeleteRecord(ctx, rec.ID); err != nil {
		t.Fatal(err)
	}
	anon := e.browser(t)
	anon.get(fmt.Sprintf("/opac/records/%d", rec.ID)).want(t, http.StatusGone, "本馆已不再收藏", "《旧版学习资料汇编》已于")
	anon.get("/opac/records/424242").want(t, http.StatusNotFound, "未找到")
}
