package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// TestTraineeFirstLoginOnPhone: a trainee from the roster, who has never
// had a password, logs in on a 375-pixel phone with the card number and the
// last six digits of the phone, is led to set their own password, and then
// reaches their loans.
func TestTraineeFirstLoginOnPhone(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	tr, err := s.a.Readers.Create(ctx, readers.Reader{Name: "孙学员", Phone: "13612345678", Unit: "某县纪委"})
	if err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	phone := person(t, browser)
	do(t, phone, "use a phone-sized screen", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	do(t, phone, "open the login page", chromedp.Navigate(s.url+"/login"), chromedp.WaitVisible(chromedp.CSS("#first-login")))
	wantText(t, phone, "#first-login", "手机号后 6 位")
	do(t, phone, "log in with the initial password",
		chromedp.SendKeys(chromedp.CSS("#username"), tr.Card),
		chromedp.SendKeys(chromedp.CSS("#password"), "345678\r"),
		chromedp.WaitVisible(chromedp.CSS("#first-password")),
	)
	wantText(t, phone, "h1", "首次登录")
	notWider(t, phone)
	do(t, phone, "set my own password",
		chromedp.SendKeys(chromedp.CSS("#old_password"), "345678"),
		chromedp.SendKeys(chromedp.CSS("#new_password"), "sun-2026-pass"),
		chromedp.SendKeys(chromedp.CSS("#confirm"), "sun-2026-pass\r"),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, phone, ".flash", "密码已修改")
	do(t, phone, "log in with it",
		chromedp.SendKeys(chromedp.CSS("#username"), tr.Card),
		chromedp.SendKeys(chromedp.CSS("#password"), "sun-2026-pass\r"),
		chromedp.WaitVisible(chromedp.CSS("#loans")),
	)
	wantText(t, phone, "h1", "孙学员")
	notWider(t, phone)
}

// notWider fails when the page scrolls sideways on the phone.
func notWider(t *testing.T, ctx context.Context) {
	t.Helper()
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if wide {
		shot(t, ctx, "too wide")
		t.Error("the page is wider than the phone's screen")
	}
}
