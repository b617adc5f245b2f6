package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/acquisitions"
	"shuwu/internal/audit"
)

// TestSuggestABookOnAPhone: a trainee suggests a book from a 375 px
// phone; an empty title is refused in Chinese; the librarian accepts it
// onto a draft order with a note; the trainee's page shows the answer.
func TestSuggestABookOnAPhone(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	sp, _ := s.a.Acquisitions.SaveSupplier(ctx, acquisitions.Supplier{Name: "新华书店州分公司"})
	o, err := s.a.Acquisitions.CreateOrder(ctx, acquisitions.NewOrder{SupplierID: sp.ID})
	if err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	phone := person(t, browser)
	onPhone(t, phone)
	me := s.f.Readers[0]
	login(t, phone, s.url, me.Card)
	do(t, phone, "open 荐购 from my page",
		chromedp.Navigate(s.url+"/my"),
		chromedp.WaitVisible(chromedp.CSS("#my-suggest")),
		chromedp.Click(chromedp.CSS("#my-suggest")),
		chromedp.WaitVisible(chromedp.CSS("#suggest-form")),
	)
	do(t, phone, "send without a title", chromedp.Click(chromedp.CSS("#send-suggestion")), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	wantText(t, phone, ".field-error", "请填写想推荐的书名")
	do(t, phone, "suggest a book",
		chromedp.SendKeys(chromedp.CSS("#title"), "中国式现代化"),
		chromedp.SendKeys(chromedp.CSS("#author"), "本书编写组"),
		chromedp.SendKeys(chromedp.CSS("#reason"), "县干班专题研讨要用，每组一本"),
		chromedp.Click(chromedp.CSS("#send-suggestion")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, phone, "#my-suggestions", "《中国式现代化》", "待处理")
	fitsScreen(t, phone, "my suggestions")
	keep(t, phone, "my-suggestions-pending-phone")

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "the librarian's list", chromedp.Navigate(s.url+"/acquisitions/suggestions"), chromedp.WaitVisible(chromedp.CSS("#suggestions")))
	wantText(t, lib, "#suggestions", "《中国式现代化》", me.Name, "县干班专题研讨要用")
	keep(t, lib, "acq-suggestions-desktop")
	do(t, lib, "accept it onto the draft",
		chromedp.SetValue(chromedp.CSS(".accept-form input[name=copies]"), "3"),
		chromedp.SendKeys(chromedp.CSS(".accept-form input[name=price]"), "58"),
		chromedp.SendKeys(chromedp.CSS(".accept-form input[name=answer]"), "已列入下批订单，预计两周到馆"),
		chromedp.Click(chromedp.CSS(".accept-form button.accept")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, ".flash", "已采纳")
	_, lines, _ := s.a.Acquisitions.Order(ctx, o.ID)
	if len(lines) != 1 || lines[0].Copies != 3 || lines[0].Origin != acquisitions.OriginSuggestion {
		t.Fatalf("order lines %+v", lines)
	}
	do(t, phone, "the answer", chromedp.Navigate(s.url+"/my/suggestions"), chromedp.WaitVisible(chromedp.CSS("#my-suggestions")))
	wantText(t, phone, "#my-suggestions", "已采纳，订购中", "馆员答复：已列入下批订单，预计两周到馆")
	fitsScreen(t, phone, "my suggestions answered")
	keep(t, phone, "my-suggestions-phone")

	do(t, lib, "all suggestions", chromedp.Navigate(s.url+"/acquisitions/suggestions?status=all"), chromedp.WaitVisible(chromedp.CSS("#suggestions")))
	libPhone := person(t, browser)
	onPhone(t, libPhone)
	login(t, libPhone, s.url, "librarian")
	s.a.Acquisitions.Suggest(ctx, s.f.Readers[1].ID, acquisitions.Suggestion{Title: "基层治理案例选", Reason: "乡镇干部班需要"})
	do(t, libPhone, "suggestions on a phone", chromedp.Navigate(s.url+"/acquisitions/suggestions"), chromedp.WaitVisible(chromedp.CSS("#suggestions")))
	fitsScreen(t, libPhone, "acq suggestions")
	keep(t, libPhone, "acq-suggestions-phone")
	do(t, phone, "my suggestions on a desktop", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+"/my/suggestions"), chromedp.WaitVisible(chromedp.CSS("#my-suggestions")))
	keep(t, phone, "my-suggestions-desktop")
}
