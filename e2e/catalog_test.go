package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/testkit/webtest"
)

// TestLibrarianCreatesRecord: an ISBN with a wrong check digit is refused
// on its field, the CLC class's name shows as it is typed, the fixed
// record is saved; then the page is switched to English and back.
func TestLibrarianCreatesRecord(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")

	good := webtest.ISBN13("978701008888")
	bad := good[:12] + string('0'+(good[12]-'0'+1)%10)
	do(t, lib, "fill the record editor",
		chromedp.Navigate(s.url+"/catalog/new"),
		chromedp.WaitVisible(chromedp.CSS("#title")),
		chromedp.SendKeys(chromedp.CSS("#title"), "新时代党的建设"),
		chromedp.SendKeys(chromedp.CSS("#authors"), "本书编写组 编"),
		chromedp.SendKeys(chromedp.CSS("#isbn"), bad),
		chromedp.SendKeys(chromedp.CSS("#clc"), "D26"),
		chromedp.WaitVisible(chromedp.CSS("#clc-help .clc-name")),
	)
	wantText(t, lib, "#clc-help .clc-name", "D26", "党的建设")
	do(t, lib, "save with the wrong ISBN",
		chromedp.Click(chromedp.CSS("#save-record")),
		chromedp.WaitVisible(chromedp.CSS("#isbn-err")),
	)
	wantText(t, lib, "#isbn-err", "校验")
	do(t, lib, "fix the ISBN and save",
		chromedp.Clear(chromedp.CSS("#isbn")),
		chromedp.SendKeys(chromedp.CSS("#isbn"), good),
		chromedp.Click(chromedp.CSS("#save-record")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, ".flash", "已新建书目《新时代党的建设》")
	wantText(t, lib, "main", "978-7-01-008888", "D26")

	do(t, lib, "switch to English",
		chromedp.Click(chromedp.CSS("a.lang")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #add-items`)),
	)
	wantText(t, lib, "#add-items h2", "Add copies")
	wantText(t, lib, ".menu", "Catalogue", "Desk")
	do(t, lib, "switch back to Chinese",
		chromedp.Click(chromedp.CSS("a.lang")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="zh-CN"] #add-items`)),
	)
	wantText(t, lib, ".menu", "编目", "借还台")
}
