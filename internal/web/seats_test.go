package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/testkit/webtest"
)

// slotNow is a slot from now to an hour on (at most 23:59) today, or a
// skip when the day is nearly over.
func slotNow(t *testing.T, e *env) url.Values {
	t.Helper()
	now := time.Now().In(e.a.Config.Location())
	end := now.Add(time.Hour)
	if end.Day() != now.Day() {
		end = time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, now.Location())
	}
	if end.Sub(now) < 5*time.Minute {
		t.Skip("too close to midnight for a slot today")
	}
	return url.Values{"date": {now.Format(time.DateOnly)}, "from": {now.Format("15:04")}, "to": {end.Format("15:04")}}
}

// The librarian sets up a table (a clash on the grid refused in Chinese);
// a reader reserves A3 on the portal's map, another is refused the same
// seat; the reader opens the seat's QR code and checks in; the desk's
// board shows A3 occupied and the reader's name.
func TestAReaderReservesASeatAndChecksInByItsCode(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	anon := e.browser(t)
	anon.get("/opac/seats").want(t, http.StatusOK, `id="seats-off"`, "座位预约暂未开放")
	webtest.SeatsNow(t, e.a)
	lib.get("/settings/seats").want(t, http.StatusOK, "阅览室的阅览桌", "共 2 张阅览桌、14 个座位", `id="print-seat-codes"`)
	lib.post("/settings/seats/tables", url.Values{"name": {"C"}, "row": {"1"}, "col": {"2"}, "seats": {"6"}}).
		want(t, http.StatusUnprocessableEntity, "第 1 行第 2 列已经放了 B 桌", `value="C"`)
	lib.post("/settings/seats/tables", url.Values{"name": {"C"}, "row": {"2"}, "col": {"1"}, "seats": {"abc"}}).
		want(t, http.StatusUnprocessableEntity, "每张阅览桌的座位数须在 1 到 20 之间")
	lib.post("/settings/seats/tables", url.Values{"name": {"C"}, "row": {"2"}, "col": {"1"}, "seats": {"6"}}).want(t, http.StatusSeeOther)
	lib.get("/settings/seats").want(t, http.StatusOK, "共 3 张阅览桌、20 个座位", "已保存 C 桌（6 个座位）")
	lib.post("/settings/seats", url.Values{"enabled": {"1"}, "no_show": {"3"}}).want(t, http.StatusUnprocessableEntity, "超时释放须在 5 到 120 分钟之间")

	slot := slotNow(t, e)
	anon.get("/opac/seats?"+slot.Encode()).want(t, http.StatusOK, "空闲 20 / 20 个座位", "登录后预约", `id="seat-A3"`)
	zhang := e.as(t, e.f.Readers[0].Card)
	zhang.get("/opac/seats?"+slot.Encode()).want(t, http.StatusOK, `action="/opac/seats/reserve"`, `aria-label="预约座位 A3"`)
	_, _, tables, err := e.a.Seats.Map(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a3 := tables[0].Seats[2]
	form := url.Values{"seat": {itoa(a3.ID)}}
	for k, v := range slot {
		form[k] = v
	}
	res := zhang.post("/opac/seats/reserve", form)
	res.want(t, http.StatusSeeOther)
	zhang.get(res.header.Get("Location")).want(t, http.StatusOK, "已预约座位 A3", `id="my-seat"`, "空闲 19 / 20 个座位", `data-state="reserved"`)
	zhang.get("/my").want(t, http.StatusOK, `id="my-seat-reminder"`, "A3", "待签到")
	li := e.as(t, e.f.Readers[1].Card)
	li.post("/opac/seats/reserve", form).want(t, http.StatusUnprocessableEntity, "座位 A3 在", "已被预约，请换个座位或时间")
	// A closed day is refused and reserves nothing.
	tomorrow := time.Now().In(e.a.Config.Location()).AddDate(0, 0, 1).Format(time.DateOnly)
	sys := audit.WithActor(context.Background(), audit.System)
	if err := e.a.Circulation.SaveClosedDay(sys, circulation.ClosedDay{Date: tomorrow, Reason: "元旦"}); err != nil {
		t.Fatal(err)
	}
	li.post("/opac/seats/reserve", url.Values{"seat": {itoa(a3.ID)}, "date": {tomorrow}, "from": {"09:00"}, "to": {"11:00"}}).
		want(t, http.StatusUnprocessableEntity, "闭馆，不能预约座位")

	// The QR sticker's address, opened on 张三's phone, checks him in.
	sheet := lib.get("/settings/seats/codes")
	sheet.want(t, http.StatusOK, "<svg", ">A3<", "扫码签到入座")
	link := ""
	for _, part := range strings.Split(sheet.body, `data-url="`)[1:] {
		u := html.UnescapeString(part[:strings.Index(part, `"`)])
		if strings.Contains(u, "/opac/seats/"+itoa(a3.ID)+"/checkin") {
			link = u
		}
	}
	u, err := url.Parse(link)
	if err != nil || link == "" {
		t.Fatalf("no QR address for A3 on the sheet (%v)", err)
	}
	li.get(u.RequestURI()).want(t, http.StatusOK, "你没有这个座位现在的预约")
	li.post("/opac/seats/"+itoa(a3.ID)+"/checkin", url.Values{"c": {u.Query().Get("c")}}).want(t, http.StatusUnprocessableEntity, "你没有座位 A3 现在这个时段的预约")
	zhang.get(u.RequestURI()).want(t, http.StatusOK, `id="seat-checkin-button"`, "在座位 A3 签到入座")
	zhang.post("/opac/seats/"+itoa(a3.ID)+"/checkin", url.Values{"c": {"forged"}}).want(t, http.StatusUnprocessableEntity, "座位二维码无效")
	res = zhang.post("/opac/seats/"+itoa(a3.ID)+"/checkin", url.Values{"c": {u.Query().Get("c")}})
	res.want(t, http.StatusSeeOther)
	zhang.get(res.header.Get("Location")).want(t, http.StatusOK, `id="seat-checked-in"`, "已在座位 A3 签到")

	duty := e.as(t, "duty1")
	board := duty.get("/seats")
	board.want(t, http.StatusOK, "今日座位", `id="board-A3" data-state="occupied"`, e.f.Readers[0].Name, `id="n-occupied">1<`, "已签到")
	if st := zhang.get("/seats").status; st != http.StatusForbidden {
		t.Errorf("a reader opens the desk's board: %d", st)
	}
	if st := duty.get("/settings/seats").status; st != http.StatusForbidden {
		t.Errorf("duty staff open the seat map editor: %d", st)
	}
	// The desk frees the seat when he leaves.
	rs, _ := e.a.Seats.Today(context.Background())
	duty.post("/seats/reservations/"+itoa(rs[0].ID)+"/release", nil).want(t, http.StatusSeeOther)
	duty.get("/seats").want(t, http.StatusOK, `id="board-A3" data-state="free"`, "已离座")
	zhang.lang = "en"
	zhang.get("/opac/seats").want(t, http.StatusOK, "Seat reservations", "seats free")
}
