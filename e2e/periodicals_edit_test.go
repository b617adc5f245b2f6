package e2e

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/periodicals"
)

// TestTheLibrarianChangesAFrequencyAndEndsASubscription: the librarian
// opens a subscription, unfolds its edit form, types a wrong CN number
// (sent back on its field), then changes the title to monthly; deleting
// one with an issue in is refused with the offer to end it, which she
// does. The page reads on a phone.
func TestTheLibrarianChangesAFrequencyAndEndsASubscription(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	year := s.a.Periodicals.ThisYear()
	sub, err := s.a.Periodicals.Subscribe(ctx, periodicals.Subscription{Title: "党建研究", CN: "CN11-1019/D", Frequency: periodicals.Semimonthly, Copies: 1, Year: year, Source: "邮局订阅", CLC: "D26"})
	if err != nil {
		t.Fatal(err)
	}
	_, issues, _ := s.a.Periodicals.Issues(ctx, sub.ID)
	if _, _, err := s.a.Periodicals.CheckIn(ctx, issues[0].ID); err != nil {
		t.Fatal(err)
	}
	url := s.url + "/periodicals/" + strconv.FormatInt(sub.ID, 10)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the subscription", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#edit-toggle")),
		chromedp.Click(chromedp.CSS("#edit-toggle")), chromedp.WaitVisible(chromedp.CSS("#save-subscription")),
		chromedp.SetValue(chromedp.CSS("#cn"), "CN 11 1019"),
		chromedp.Click(chromedp.CSS("#save-subscription")), chromedp.WaitVisible(chromedp.CSS("#edit-subscription .field-error")))
	wantText(t, lib, "#edit-subscription .field-error", "国内统一刊号格式应为")
	keep(t, lib, "subscription-edit-error-desktop")
	do(t, lib, "monthly now", chromedp.SetValue(chromedp.CSS("#cn"), "CN11-1019/D"), chromedp.SetValue(chromedp.CSS("#frequency"), "monthly"),
		chromedp.Click(chromedp.CSS("#save-subscription")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, ".flash", "出版周期改为月刊")
	do(t, lib, "delete it", chromedp.Click(chromedp.CSS("#delete-sub")), chromedp.WaitVisible(chromedp.CSS("#end-subscription .alert")))
	wantText(t, lib, "#end-subscription", "已有 1 期记到，不能删除", "结束订阅")
	keep(t, lib, "subscription-delete-refused-desktop")
	do(t, lib, "end it", chromedp.Click(chromedp.CSS("#end-sub")), chromedp.WaitVisible(chromedp.CSS("#sub-ended")))
	wantText(t, lib, ".flash", "结束订阅")
	keep(t, lib, "subscription-ended-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the page on a phone", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#end-subscription")))
	fitsScreen(t, phone, "subscription")
	keep(t, phone, "subscription-phone")
}
