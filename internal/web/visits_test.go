package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The duty staff registers entries at the desk: a reader's card comes in,
// the same card again at once counts nothing, a visitor without a card is
// counted; the staff home and the public door display show the room.
func TestEntryRegistrationAtTheDeskAndTheDoorDisplay(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	duty.get("/visits").want(t, http.StatusOK, `id="visit-code"`, "扫描读者证或读者二维码", `id="occ-inside">0<`, "今天还没有入馆登记")
	r := e.f.Readers[0]
	scan := func(code string, header ...string) answer {
		return duty.post("/visits/scan", url.Values{"code": {code}, "via": {"desk"}}, header...)
	}
	scan(r.Card).want(t, http.StatusOK, "欢迎，"+r.Name, e.f.Class.Name, `id="occ-inside">1<`, "今日入馆 1 人次")
	// A scanner that reads twice: told, nothing counted (htmx fragment).
	again := scan("shuwu:card:"+r.Card, "HX-Request", "true")
	again.want(t, http.StatusOK, "已登记入馆", "重复扫描不重复计数", `hx-swap-oob="innerHTML:#visit-occupancy"`, `id="occ-inside">1<`)
	if strings.Contains(again.body, "<html") {
		t.Fatal("htmx got a whole page")
	}
	// A mistyped card: said on the page, nothing counted.
	scan("R9999999").want(t, http.StatusNotFound, "读者证号 R9999999 不存在", `id="occ-inside">1<`)
	scan("张三", "HX-Request", "true").want(t, http.StatusOK, `class="visit-result error"`, "“张三”不是读者证号")
	duty.post("/visits/guests", url.Values{"count": {"2"}, "via": {"desk"}}).want(t, http.StatusOK, "已登记无证访客 2 人次", `id="occ-inside">3<`)
	duty.post("/visits/guests", url.Values{"count": {"两个"}, "via": {"desk"}}).want(t, http.StatusUnprocessableEntity, "一次登记的访客须为 1 到 50 人")
	duty.post("/visits/guests/leave", url.Values{"via": {"desk"}}).want(t, http.StatusOK, "已登记一位无证访客离馆", `id="occ-inside">2<`)
	page := duty.get("/visits")
	page.want(t, http.StatusOK, r.Name, r.Card, "无证访客", "服务台")
	duty.get("/").want(t, http.StatusOK, `id="home-occupancy"`, "<b>2</b> / 50", "<b>3</b> 今日入馆人次")

	// The door display needs no login and refreshes itself.
	door := e.browser(t)
	door.get("/display").want(t, http.StatusOK, `id="occ-inside">2<`, `hx-get="/display/panel"`, `hx-trigger="every 20s"`, "开放时间")
	door.get("/display/panel").want(t, http.StatusOK, `id="occ-inside">2<`, "今日入馆 3 人次")
	if st := door.get("/visits").status; st != http.StatusSeeOther {
		t.Fatalf("the desk page without login: %d, want a redirect to log in", st)
	}
	if st := door.post("/visits/scan", url.Values{"code": {r.Card}}).status; st != http.StatusSeeOther {
		t.Fatalf("a scan without login: %d, want a redirect to log in", st)
	}
	// Leadership sees the figures on its home, not the desk.
	leader := e.as(t, "leader")
	leader.get("/").want(t, http.StatusOK, `id="home-occupancy"`, `href="/display"`)
	if st := leader.get("/visits").status; st != http.StatusForbidden {
		t.Fatalf("leadership GET /visits: %d, want 403", st)
	}
	// The door tablet in English.
	duty.lang = "en"
	duty.get("/visits/kiosk").want(t, http.StatusOK, "the QR code on your phone", "No card? Tap here", `data-kiosk`)
	scanEN := duty.post("/visits/scan", url.Values{"code": {r.Card}, "via": {"kiosk"}}, "HX-Request", "true")
	scanEN.want(t, http.StatusOK, r.Name+" is already counted in", "a repeat scan counts nothing", `hx-swap-oob="innerHTML:#kiosk-occupancy"`)
}
