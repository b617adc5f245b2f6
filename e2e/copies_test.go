package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCopyPageFromRecordAndDesk: duty staff open a copy from its record,
// send it to repair after confirming, and count in-room reading at the
// desk; the librarian edits a copy. The copy page and the desk work on a
// phone.
func TestCopyPageFromRecordAndDesk(t *testing.T) {
	s := startSite(t)
	code := s.f.Barcodes[5][0]
	browser := newBrowser(t)

	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	do(t, duty, "open the copy from its record",
		chromedp.Navigate(s.url+"/catalog/records/"+itoa(s.f.Records[5].ID)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/catalog/items/`+code+`"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/catalog/items/`+code+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#copy-actions")),
	)
	keep(t, duty, "copy-desktop")
	do(t, duty, "ask to send it to repair",
		chromedp.Click(chromedp.CSS("#action-damaged")),
		chromedp.WaitVisible(chromedp.CSS("#confirm")),
	)
	wantText(t, duty, "#confirm", "确认将复本 "+code, "登记损坏并送修")
	wantText(t, duty, "#item-status", "在架")
	keep(t, duty, "copy-confirm-desktop")
	do(t, duty, "confirm",
		chromedp.SendKeys(chromedp.CSS("#reason"), "书脊开裂"),
		chromedp.Click(chromedp.CSS("#confirm-yes")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, duty, ".flash", "已送修")
	wantText(t, duty, "#item-status", "修补")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "duty2")
	do(t, phone, "count in-room reading at the desk",
		chromedp.Navigate(s.url+"/desk?mode=inroom"),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
		chromedp.SendKeys(chromedp.CSS("#scan"), s.f.Barcodes[2][0]+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines li.ok")),
	)
	wantText(t, phone, "#lines li.ok", "已登记阅览《共产党宣言》")
	fitsScreen(t, phone, "desk in-room")
	keep(t, phone, "desk-inroom-phone")
	do(t, phone, "follow the line to the copy",
		chromedp.Click(chromedp.CSS("#lines li.ok .copy-link")),
		chromedp.WaitVisible(chromedp.CSS("#copy-actions")),
	)
	fitsScreen(t, phone, "copy page")
	keep(t, phone, "copy-phone")
	do(t, phone, "ask to mark it lost on the phone",
		chromedp.Click(chromedp.CSS("#action-lost")),
		chromedp.WaitVisible(chromedp.CSS("#confirm")),
	)
	fitsScreen(t, phone, "copy confirm")
	keep(t, phone, "copy-confirm-phone")

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "edit a copy",
		chromedp.Navigate(s.url+"/catalog/items/"+s.f.Barcodes[1][1]),
		chromedp.WaitVisible(chromedp.CSS("#edit-copy")),
		chromedp.Clear(chromedp.CSS("#notes")),
		chromedp.SendKeys(chromedp.CSS("#notes"), "2023年学员捐赠"),
		chromedp.Click(chromedp.CSS("#save-copy")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, "main", "2023年学员捐赠")
	keep(t, lib, "copy-librarian-desktop")
}
