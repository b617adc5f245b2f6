package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/testkit/webtest"
)

// TestThreeReadersSignInByQROnPhones: the duty officer opens the sign-in
// screen; three readers scan its QR code with their phones (375 px), log
// in on the way and sign in; one of them had registered in the portal
// first, one scans twice; the activity's page at the desk then lists the
// three, the figures and the walk-ins, and the desk signs a fourth in by
// card.
func TestThreeReadersSignInByQROnPhones(t *testing.T) {
	s := startSite(t)
	act := webtest.ActivityNow(t, s.a, "学习《习近平谈治国理政》第四卷读书分享会", 20)
	readers := webtest.MoreReaders(t, s.a, 2) // beside the fixture's 张三 and 李四
	browser := newBrowser(t)
	page := s.url + "/activities/" + itoa(act.ID)

	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	do(t, duty, "open the screen", chromedp.Navigate(page+"/screen"), chromedp.WaitVisible(chromedp.CSS("#signin-url svg")))
	url, err := chromedp.Run(duty, chromedp.Evaluate[string](`document.querySelector('#signin-url').dataset.url`))
	if err != nil || url == "" {
		t.Fatalf("the screen's code names no address: %q %v", url, err)
	}
	keep(t, duty, "activity-screen-desktop")

	// 张三 registers in the portal first.
	zhang := person(t, browser)
	onPhone(t, zhang)
	login(t, zhang, s.url, s.f.Readers[0].Card)
	do(t, zhang, "register", chromedp.Navigate(s.url+"/opac/activities/"+itoa(act.ID)), chromedp.WaitVisible(chromedp.CSS("#register")),
		chromedp.Click(chromedp.CSS("#register")), chromedp.WaitVisible(chromedp.CSS("#you-registered")))
	wantText(t, zhang, ".flash", "报名成功")
	wantText(t, zhang, "#my-place", "已报名 1 / 20 人")
	fitsScreen(t, zhang, "registered")
	keep(t, zhang, "opac-activity-registered-phone")

	phones := []struct {
		ctx  context.Context
		card string
	}{{zhang, s.f.Readers[0].Card}, {person(t, browser), s.f.Readers[1].Card}, {person(t, browser), readers[0].Card}}
	for i, p := range phones {
		if i > 0 {
			onPhone(t, p.ctx)
			// Not logged in yet: the code's page asks for the login and comes back.
			do(t, p.ctx, "scan the code", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#username")))
			do(t, p.ctx, "log in", chromedp.SendKeys(chromedp.CSS("#username"), p.card), chromedp.SendKeys(chromedp.CSS("#password"), webtest.Password+"\r"))
		} else {
			do(t, p.ctx, "scan the code", chromedp.Navigate(url))
		}
		do(t, p.ctx, "see the sign-in page", chromedp.WaitVisible(chromedp.CSS("#signin-button")))
		wantText(t, p.ctx, "#reader-signin", "学习《习近平谈治国理政》第四卷读书分享会")
		fitsScreen(t, p.ctx, "sign-in page")
		if i == 1 {
			keep(t, p.ctx, "opac-signin-phone")
		}
		do(t, p.ctx, "sign in", chromedp.Click(chromedp.CSS("#signin-button")), chromedp.WaitVisible(chromedp.CSS("#signed-in")))
		wantText(t, p.ctx, ".flash", "已签到")
		wantText(t, p.ctx, "#signed-in", "你已于")
		fitsScreen(t, p.ctx, "signed in")
		if i == 1 {
			keep(t, p.ctx, "opac-signed-phone")
		}
	}
	// Scanning again changes nothing.
	do(t, phones[2].ctx, "scan again", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#signed-in")))

	do(t, duty, "the screen counts them", chromedp.Navigate(page+"/screen"), chromedp.WaitVisible(chromedp.CSS("#screen-attended")))
	waitText(t, duty, "#screen-attended", "3")
	do(t, duty, "the activity's page", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#signins")))
	wantText(t, duty, "#signins", s.f.Readers[0].Name, s.f.Readers[1].Name, readers[0].Name, "扫码", "未报名")
	wantText(t, duty, "#fig-attended", "3")
	wantText(t, duty, "#fig-walkins", "2")
	do(t, duty, "sign the fourth in by card", chromedp.SendKeys(chromedp.CSS("#card"), readers[1].Card+"\r"), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, duty, ".flash", readers[1].Name, "已签到")
	wantText(t, duty, "#fig-attended", "4")
	wantText(t, duty, "#signins", "签到台")
	keep(t, duty, "activity-attendance-desktop")
	do(t, duty, "a card nobody has", chromedp.SendKeys(chromedp.CSS("#card"), "R9999999\r"), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	wantText(t, duty, ".field-error", "读者证号 R9999999 不存在")

	do(t, zhang, "my activities", chromedp.Navigate(s.url+"/my/activities"), chromedp.WaitVisible(chromedp.CSS("#my-activities")))
	wantText(t, zhang, "#my-activities", "学习《习近平谈治国理政》第四卷读书分享会", "已签到")
	fitsScreen(t, zhang, "my activities")
	keep(t, zhang, "my-activities-phone")

	phoneDuty := person(t, browser)
	onPhone(t, phoneDuty)
	login(t, phoneDuty, s.url, "duty1")
	do(t, phoneDuty, "attendance on a phone", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#signins")))
	fitsScreen(t, phoneDuty, "attendance")
	keep(t, phoneDuty, "activity-attendance-phone")
	do(t, phoneDuty, "the screen on a phone", chromedp.Navigate(page+"/screen"), chromedp.WaitVisible(chromedp.CSS("#signin-url svg")))
	fitsScreen(t, phoneDuty, "screen")
	keep(t, phoneDuty, "activity-screen-phone")
}
