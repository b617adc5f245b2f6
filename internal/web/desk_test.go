package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestDeskLendsReturnsAndRenews(t *testing.T) {
	e := newEnv(t)
	b := e.as(t, "duty1")
	card := e.f.Readers[0].Card
	b.get("/desk").want(t, http.StatusOK, "借还台", "请扫描读者证")
	b.post("/desk/scan", url.Values{"mode": {"lend"}, "code": {card}}).want(t, http.StatusOK, "当前读者：张三", card)
	code := e.f.Barcodes[0][0]
	b.post("/desk/scan", url.Values{"mode": {"lend"}, "card": {card}, "code": {code}}).want(t, http.StatusOK, "已借出《习近平谈治国理政（第四卷）》", "应还日期")

	res := b.post("/desk/scan", url.Values{"mode": {"lend"}, "card": {card}, "code": {e.f.Barcodes[1][0]}}, "X-Requested-With", "fetch")
	var reply struct {
		OK           bool
		Card         string
		Lines, Panel string
	}
	if err := json.Unmarshal([]byte(res.body), &reply); err != nil {
		t.Fatalf("desk reply: %v: %s", err, res.body)
	}
	if !reply.OK || reply.Card != card || !strings.Contains(reply.Lines, "中国共产党简史") || !strings.Contains(reply.Panel, "在借图书（2 册）") {
		t.Errorf("fetch reply: %+v", reply)
	}

	b.post("/desk/scan", url.Values{"mode": {"lend"}, "card": {card}, "code": {"NOPE-1"}}).want(t, http.StatusOK, `class="line error"`, "不存在")
	// Renewing on the day of the loan would not extend it: the desk says why in red.
	b.post("/desk/renew", url.Values{"card": {card}, "barcode": {code}}).want(t, http.StatusOK, `class="line error"`, "暂不能续借", "起可以续借")
	b.post("/desk/renew-all", url.Values{"card": {card}}).want(t, http.StatusOK, "中国共产党简史")
	b.post("/desk/scan", url.Values{"mode": {"return"}, "code": {code}}).want(t, http.StatusOK, "已归还", "请上架")
}

func TestDeskShowsHoldSlipOnReturn(t *testing.T) {
	e := newEnv(t)
	b := e.as(t, "duty1")
	code := e.f.Barcodes[0][0]
	b.post("/desk/scan", url.Values{"mode": {"lend"}, "card": {e.f.Readers[0].Card}, "code": {code}}).want(t, http.StatusOK, "已借出")
	if _, err := e.a.Circulation.PlaceHold(t.Context(), e.f.Readers[1].Card, e.f.Records[0].ID); err != nil {
		t.Fatal(err)
	}
	b.post("/desk/scan", url.Values{"mode": {"return"}, "code": {code}}).want(t, http.StatusOK, "预约取书条", "为 李四 保留", "139****9000")
}

func TestDeskRefusesReaders(t *testing.T) {
	e := newEnv(t)
	b := e.as(t, e.f.Readers[0].Card)
	b.get("/desk").want(t, http.StatusForbidden)
	e.browser(t).get("/desk").want(t, http.StatusSeeOther)
}
