package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/testkit/webtest"
)

// bookOnForm fills the booking form and sends it.
func bookOnForm(t *testing.T, ctx context.Context, base, space, day, from, to, purpose, people string) {
	t.Helper()
	do(t, ctx, "fill the booking form",
		chromedp.Navigate(base+"/room/book"),
		chromedp.WaitVisible(chromedp.CSS("#book-form")),
		chromedp.SetValue(chromedp.CSS("#space"), space),
		chromedp.SetValue(chromedp.CSS("#date"), day),
		chromedp.SetValue(chromedp.CSS("#from"), from),
		chromedp.SetValue(chromedp.CSS("#to"), to),
		chromedp.SendKeys(chromedp.CSS("#purpose"), purpose),
		chromedp.SetValue(chromedp.CSS("#expected"), people),
	)
}

// TestOrganiserBooksTheRoomOnAPhone: a Party branch books the whole room
// on a phone; the youth study group's booking at the same time is refused
// with the clash named; the librarian approves at the desk; the portal on
// a phone then says the room is closed to walk-in reading for that time.
func TestOrganiserBooksTheRoomOnAPhone(t *testing.T) {
	s := startSite(t)
	day := webtest.NextOpenDay(s.a)
	browser := newBrowser(t)

	branch := person(t, browser)
	onPhone(t, branch)
	login(t, branch, s.url, "branch1")
	do(t, branch, "land on the branch's bookings", chromedp.WaitVisible(chromedp.CSS("#book-room")))
	fitsScreen(t, branch, "my bookings (empty)")
	bookOnForm(t, branch, s.url, "1", day, "14:00", "16:00", "“清廉湘西”建设主题党日活动", "40")
	fitsScreen(t, branch, "booking form")
	keep(t, branch, "room-book-phone")
	do(t, branch, "send it", chromedp.Click(chromedp.CSS("#book-submit")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, branch, ".flash", "已预约书屋（全室）", "等待馆员审批")
	wantText(t, branch, "#my-bookings", "“清廉湘西”建设主题党日活动", "待审批")
	fitsScreen(t, branch, "my bookings")
	keep(t, branch, "room-mine-phone")

	youth := person(t, browser)
	onPhone(t, youth)
	login(t, youth, s.url, "youth")
	bookOnForm(t, youth, s.url, "3", day, "15:00", "17:00", "集中学习", "12")
	do(t, youth, "send the clashing booking", chromedp.Click(chromedp.CSS("#book-submit")), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	wantText(t, youth, ".field-error", "与已有预约冲突", "校机关一支部", "“清廉湘西”建设主题党日活动")
	fitsScreen(t, youth, "refused booking")
	keep(t, youth, "room-clash-phone")

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the week", chromedp.Navigate(s.url+"/room?week="+day), chromedp.WaitVisible(chromedp.CSS("#pending")))
	wantText(t, lib, "#pending", "校机关一支部", "书屋（全室）")
	keep(t, lib, "room-pending-desktop")
	do(t, lib, "approve", chromedp.Click(chromedp.CSS("#pending button[id^=approve-]")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, ".flash", "已批准 校机关一支部")
	wantText(t, lib, "#week", "已批准", "暂停对外阅览")
	keep(t, lib, "room-desktop")
	do(t, lib, "open the space settings", chromedp.Navigate(s.url+"/settings/spaces"), chromedp.WaitVisible(chromedp.CSS("#spaces")))
	keep(t, lib, "spaces-desktop")
	do(t, lib, "the booking form on a desk", chromedp.Navigate(s.url+"/room/book"), chromedp.WaitVisible(chromedp.CSS("#book-form")))
	keep(t, lib, "room-book-desktop")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "open the portal", chromedp.Navigate(s.url+"/opac"), chromedp.WaitVisible(chromedp.CSS("#room-closures")))
	wantText(t, reader, "#room-closures", "暂停对外阅览", "14:00–16:00", "“清廉湘西”建设主题党日活动（校机关一支部）")
	fitsScreen(t, reader, "portal with a closure")
	keep(t, reader, "opac-room-closed-phone")
	do(t, reader, "follow it to the opening page", chromedp.Click(chromedp.CSS("#room-closures a")), chromedp.WaitVisible(chromedp.CSS("#closures")))
	wantText(t, reader, "#closures", "校机关一支部")
	fitsScreen(t, reader, "opening page")
	keep(t, reader, "room-open-phone")

	phoneLib := person(t, browser)
	onPhone(t, phoneLib)
	login(t, phoneLib, s.url, "librarian")
	for _, p := range []struct{ path, sel, name string }{{"/room?week=" + day, "#week", "room-phone"}, {"/settings/spaces", "#spaces", "spaces-phone"}} {
		do(t, phoneLib, "open "+p.path, chromedp.Navigate(s.url+p.path), chromedp.WaitVisible(chromedp.CSS(p.sel)))
		fitsScreen(t, phoneLib, p.path)
		keep(t, phoneLib, p.name)
	}
	do(t, branch, "the branch sees the approval", chromedp.Navigate(s.url+"/room/mine"), chromedp.WaitVisible(chromedp.CSS("#my-bookings")))
	wantText(t, branch, "#my-bookings", "已批准")
	do(t, reader, "desktop opening page", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+"/room/open"), chromedp.WaitVisible(chromedp.CSS("#closures")))
	keep(t, reader, "room-open-desktop")
	do(t, branch, "desktop my bookings", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+"/room/mine"), chromedp.WaitVisible(chromedp.CSS("#my-bookings")))
	keep(t, branch, "room-mine-desktop")
}
