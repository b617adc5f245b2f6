package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTheLibrarianRegistersTheRoomsEquipmentAndRetiresALine: the
// librarian registers the shelves (a value typed in words is sent back on
// its field), then a dehumidifier; the ledger adds them up beside the
// collection; the dehumidifier is retired with its reason and moves to
// the retired list; the register reads on a phone.
func TestTheLibrarianRegistersTheRoomsEquipmentAndRetiresALine(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the register", chromedp.Navigate(s.url+"/acquisitions"), chromedp.WaitVisible(chromedp.CSS(`a[href="/acquisitions/assets"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/acquisitions/assets"]`)), chromedp.WaitVisible(chromedp.CSS("#no-assets")))
	do(t, lib, "the shelves, value in words", chromedp.SendKeys(chromedp.CSS("#name"), "钢制双面书架"),
		chromedp.SetValue(chromedp.CSS("#category"), "shelving"),
		chromedp.SendKeys(chromedp.CSS("#model"), "2000×1800×450 mm"),
		chromedp.SetValue(chromedp.CSS("#quantity"), "10"),
		chromedp.SendKeys(chromedp.CSS("#value"), "四万八千元"),
		chromedp.SetValue(chromedp.CSS("#acquired"), "2022-07-18"),
		chromedp.SendKeys(chromedp.CSS("#location"), "藏书室"),
		chromedp.Click(chromedp.CSS("#save-asset")), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	wantText(t, lib, ".field-error", "金额应写成 48000")
	keep(t, lib, "assets-form-error-desktop")
	do(t, lib, "the value in digits", chromedp.SetValue(chromedp.CSS("#value"), "48000"),
		chromedp.Click(chromedp.CSS("#save-asset")), chromedp.WaitVisible(chromedp.CSS("#assets")))
	wantText(t, lib, ".flash", "已保存设备“钢制双面书架”")
	do(t, lib, "the dehumidifier", chromedp.SendKeys(chromedp.CSS("#name"), "除湿机"),
		chromedp.SetValue(chromedp.CSS("#category"), "appliance"),
		chromedp.SetValue(chromedp.CSS("#quantity"), "2"),
		chromedp.SendKeys(chromedp.CSS("#value"), "7600"),
		chromedp.SetValue(chromedp.CSS("#acquired"), "2022-08-10"),
		chromedp.SendKeys(chromedp.CSS("#location"), "藏书室"),
		chromedp.Click(chromedp.CSS("#save-asset")), chromedp.WaitVisible(chromedp.CSS("#cat-appliance")))
	wantText(t, lib, "#ledger-equipment", "¥55600.00", "设备 12 件（2 项）")
	wantText(t, lib, "#assets", "钢制双面书架", "除湿机", "藏书室")
	keep(t, lib, "assets-desktop")
	do(t, lib, "open the dehumidifier", chromedp.Click(chromedp.CSS(`#assets tr:last-child a`)), chromedp.WaitVisible(chromedp.CSS("#retire-form")),
		chromedp.Click(chromedp.CSS("#retire-asset")), chromedp.WaitVisible(chromedp.CSS("#retire-form .field-error")))
	wantText(t, lib, "#retire-form .field-error", "请写明报废原因")
	keep(t, lib, "asset-retire-error-desktop")
	do(t, lib, "retire it", chromedp.SendKeys(chromedp.CSS("#retire_reason"), "压缩机损坏，无维修价值"),
		chromedp.Click(chromedp.CSS("#retire-asset")), chromedp.WaitVisible(chromedp.CSS("#retired-assets")))
	wantText(t, lib, "#retired-assets", "除湿机", "压缩机损坏，无维修价值")
	wantText(t, lib, "#ledger-equipment", "¥48000.00", "设备 10 件（1 项）")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the register on a phone", chromedp.Navigate(s.url+"/acquisitions/assets"), chromedp.WaitVisible(chromedp.CSS("#assets")))
	fitsScreen(t, phone, "assets")
	keep(t, phone, "assets-phone")
}
