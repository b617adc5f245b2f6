package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/periodicals"
)

// TestPeriodicalSubscriptionCheckInClaimAndBinding: the librarian
// subscribes to 《求是》 for this year (24 issues generated); duty staff
// check one in by scanning its barcode and another with one click; late
// issues are listed and claimed; the librarian binds what came into a
// volume with a call number; the portal's rack shows the latest issue.
func TestPeriodicalSubscriptionCheckInClaimAndBinding(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	ctx := context.Background()
	year := strconv.Itoa(e.a.Periodicals.ThisYear())
	form := url.Values{"title": {"《求是》"}, "issn": {"1002-4980"}, "cn": {"cn11-1000/d"}, "frequency": {"semimonthly"}, "copies": {"2"},
		"year": {year}, "source": {"邮局订阅"}, "price": {"360"}, "clc": {"D2"}}
	res := lib.post("/periodicals", form)
	res.want(t, http.StatusSeeOther)
	subURL := res.header.Get("Location")
	lib.get(subURL).want(t, http.StatusOK, "《求是》"+year, "CN11-1000/D", "本年订期 24 期", "第24期")
	lib.post("/periodicals", form).want(t, http.StatusUnprocessableEntity, "《求是》"+year+" 年已订阅")
	bad := url.Values{"title": {"党建"}, "issn": {"1002-4981"}, "frequency": {"monthly"}, "copies": {"1"}, "year": {year}, "source": {"邮局订阅"}}
	lib.post("/periodicals", bad).want(t, http.StatusUnprocessableEntity, "ISSN“1002-4981”格式或校验位不正确")
	bad.Set("issn", "")
	bad.Set("frequency", "hourly")
	lib.post("/periodicals", bad).want(t, http.StatusUnprocessableEntity, "请选择出版周期")
	if subs, _ := e.a.Periodicals.Subscriptions(ctx, e.a.Periodicals.ThisYear()); len(subs) != 1 {
		t.Fatalf("refused subscriptions were stored: %d", len(subs))
	}

	duty := e.as(t, "duty1")
	duty.post("/periodicals/scan", url.Values{"code": {periodicals.EANOf("1002-4980", 3)}}).want(t, http.StatusSeeOther)
	duty.get("/periodicals").want(t, http.StatusOK, "已记到《求是》第3期（2 份）")
	duty.post("/periodicals/scan", url.Values{"code": {"9787010000019"}}).want(t, http.StatusUnprocessableEntity, "不是报刊条码")
	duty.post("/periodicals/scan", url.Values{"code": {"CN11-0065"}}).want(t, http.StatusUnprocessableEntity, "不属于")
	id, _ := strconv.ParseInt(strings.TrimPrefix(subURL, "/periodicals/"), 10, 64)
	sub, issues, err := e.a.Periodicals.Issues(ctx, id)
	if err != nil || !issues[2].Received() || issues[2].ReceivedCopies != 2 || sub.Received != 1 {
		t.Fatalf("after the scan: %+v %+v %v", sub, issues[2], err)
	}
	duty.post("/periodicals/issues/"+itoa(issues[0].ID)+"/checkin", nil).want(t, http.StatusSeeOther)
	// Without an add-on the scan checks in the earliest issue not in: 第2期.
	duty.post("/periodicals/scan", url.Values{"code": {"1002-4980"}}).want(t, http.StatusSeeOther)
	duty.get(subURL).want(t, http.StatusOK, "已记到《求是》第2期")

	late := duty.get("/periodicals/late")
	if strings.Contains(e.a.Periodicals.Today(), "-01-0") {
		late.want(t, http.StatusOK, "缺期催缺")
	} else {
		late.want(t, http.StatusOK, "《求是》", "第4期")
		duty.post("/periodicals/issues/"+itoa(issues[3].ID)+"/claim", nil).want(t, http.StatusSeeOther)
		duty.get("/periodicals/late").want(t, http.StatusOK, "已登记催缺：第4期", "已催缺")
	}

	duty.post(subURL+"/bind", url.Values{}).want(t, http.StatusForbidden)
	res = lib.post(subURL+"/bind", url.Values{"part": {""}, "location_id": {"1"}})
	res.want(t, http.StatusSeeOther)
	itemURL := res.header.Get("Location")
	lib.get(itemURL).want(t, http.StatusOK, "求是", year+"年合订本", "D2/")
	_, issues, _ = e.a.Periodicals.Issues(ctx, id)
	for _, is := range issues[:3] {
		if is.BoundItemID == 0 {
			t.Errorf("%s was not bound", is.Label)
		}
	}
	lib.post(subURL+"/bind", url.Values{"location_id": {"1"}}).want(t, http.StatusUnprocessableEntity, "没有可合订的已到期次")

	e.browser(t).get("/opac/periodicals").want(t, http.StatusOK, "现刊阅览", "《求是》", "第3期")
}
