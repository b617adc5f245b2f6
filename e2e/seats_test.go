package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shuwu/internal/testkit/webtest"
)

// TestAReaderReservesASeatAndChecksInOnAPhone: on a 375 px phone 张三
// picks a slot on the portal's seat map and taps A3; he scans the seat's
// QR code (opens its address from the printed sheet) and checks in; the
// desk's board shows A3 occupied with his name.
func TestAReaderReservesASeatAndChecksInOnAPhone(t *testing.T) {
	s := startSite(t)
	webtest.SeatsNow(t, s.a)
	now := time.Now().In(s.a.Config.Location())
	end := now.Add(time.Hour)
	if end.Day() != now.Day() {
		end = time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, now.Location())
	}
	if end.Sub(now) < 5*time.Minute {
		t.Skip("too close to midnight for a slot today")
	}
	browser := newBrowser(t)

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "the seat map editor", chromedp.Navigate(s.url+"/settings/seats"), chromedp.WaitVisible(chromedp.CSS("#seat-tables")))
	keep(t, lib, "seat-settings-desktop")
	do(t, lib, "the QR sheet", chromedp.Navigate(s.url+"/settings/seats/codes"), chromedp.WaitVisible(chromedp.CSS("#seat-codes svg")))
	keep(t, lib, "seat-codes-desktop")
	code, err := chromedp.Run(lib, chromedp.Evaluate[string](`[...document.querySelectorAll('.seat-code')].find(f => f.querySelector('.seat-code-label').textContent === 'A3').dataset.url`))
	if err != nil || !strings.Contains(code, "/checkin?c=") {
		t.Fatalf("A3's sticker names no check-in address: %q %v", code, err)
	}

	zhang := person(t, browser)
	onPhone(t, zhang)
	login(t, zhang, s.url, s.f.Readers[0].Card)
	do(t, zhang, "the seat map", chromedp.Navigate(s.url+"/opac/seats"), chromedp.WaitVisible(chromedp.CSS("#slot-form")))
	do(t, zhang, "pick the slot", chromedp.SetValue(chromedp.CSS("#date"), now.Format(time.DateOnly)),
		chromedp.SetValue(chromedp.CSS("#from"), now.Format("15:04")), chromedp.SetValue(chromedp.CSS("#to"), end.Format("15:04")),
		chromedp.Click(chromedp.CSS("#show-slot")), chromedp.WaitVisible(chromedp.CSS("button#seat-A3")))
	fitsScreen(t, zhang, "seat map")
	keep(t, zhang, "opac-seats-phone")
	do(t, zhang, "tap A3", chromedp.Click(chromedp.CSS("button#seat-A3")), chromedp.WaitVisible(chromedp.CSS("#my-seat")))
	wantText(t, zhang, ".flash", "已预约座位 A3")
	wantText(t, zhang, "#my-seat", "A3", "待签到")
	wantText(t, zhang, "#seat-free", "空闲 13 / 14 个座位")
	fitsScreen(t, zhang, "reserved")
	keep(t, zhang, "opac-seats-reserved-phone")

	do(t, zhang, "scan the seat's code", chromedp.Navigate(code), chromedp.WaitVisible(chromedp.CSS("#seat-checkin-button")))
	fitsScreen(t, zhang, "check-in page")
	keep(t, zhang, "opac-seat-checkin-phone")
	do(t, zhang, "check in", chromedp.Click(chromedp.CSS("#seat-checkin-button")), chromedp.WaitVisible(chromedp.CSS("#seat-checked-in")))
	wantText(t, zhang, ".flash", "已在座位 A3 签到")
	fitsScreen(t, zhang, "checked in")
	keep(t, zhang, "opac-seat-checked-in-phone")

	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	do(t, duty, "the desk's board", chromedp.Navigate(s.url+"/seats"), chromedp.WaitVisible(chromedp.CSS("#seat-board")))
	state, err := chromedp.Run(duty, chromedp.Evaluate[string](`document.querySelector('#board-A3').dataset.state`))
	if err != nil || state != "occupied" {
		t.Fatalf("A3 on the desk's board: %q %v; want occupied", state, err)
	}
	wantText(t, duty, "#board-A3", s.f.Readers[0].Name)
	wantText(t, duty, "#seat-today", "A3", s.f.Readers[0].Name, "已签到")
	keep(t, duty, "seats-board-desktop")

	phoneDuty := person(t, browser)
	onPhone(t, phoneDuty)
	login(t, phoneDuty, s.url, "duty1")
	do(t, phoneDuty, "the board on a phone", chromedp.Navigate(s.url+"/seats"), chromedp.WaitVisible(chromedp.CSS("#seat-board")))
	fitsScreen(t, phoneDuty, "board")
	keep(t, phoneDuty, "seats-board-phone")
	phoneLib := person(t, browser)
	onPhone(t, phoneLib)
	login(t, phoneLib, s.url, "librarian")
	do(t, phoneLib, "the editor on a phone", chromedp.Navigate(s.url+"/settings/seats"), chromedp.WaitVisible(chromedp.CSS("#seat-tables")))
	fitsScreen(t, phoneLib, "seat editor")
	keep(t, phoneLib, "seat-settings-phone")
	do(t, phoneLib, "the QR sheet on a phone", chromedp.Navigate(s.url+"/settings/seats/codes"), chromedp.WaitVisible(chromedp.CSS("#seat-codes svg")))
	keep(t, phoneLib, "seat-codes-phone")
	desk := person(t, browser)
	login(t, desk, s.url, s.f.Readers[1].Card)
	do(t, desk, "the portal map on a desktop", chromedp.Navigate(s.url+"/opac/seats"), chromedp.WaitVisible(chromedp.CSS("#slot-form")))
	keep(t, desk, "opac-seats-desktop")
	do(t, desk, "check-in page on a desktop", chromedp.Navigate(code), chromedp.WaitVisible(chromedp.CSS("#seat-checkin")))
	keep(t, desk, "opac-seat-checkin-desktop")
}
