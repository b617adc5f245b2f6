package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestALeadersVisitIsRecordedAndLeadershipReadsItOnAPhone: the librarian
// records a prefecture leader's visit (a name run into its title is sent
// back naming the line), the year counts it by level, and the leadership
// account reads the record on a phone.
func TestALeadersVisitIsRecordedAndLeadershipReadsItOnAPhone(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the record", chromedp.Navigate(s.url+"/receptions"), chromedp.WaitVisible(chromedp.CSS("#new-reception")))
	do(t, lib, "a new visit", chromedp.Click(chromedp.CSS("#new-reception")), chromedp.WaitVisible(chromedp.CSS("#reception-form")),
		chromedp.SetValue(chromedp.CSS("#level"), "prefecture"),
		chromedp.SendKeys(chromedp.CSS("#guests"), "吴春生州委常委、组织部部长兼州委党校校长、州委讲师团团长\n符丽 州委组织部干部教育科科长"),
		chromedp.SendKeys(chromedp.CSS("#accompanying"), "州委党校常务副校长 向东"),
		chromedp.SendKeys(chromedp.CSS("#shown"), "党的二十大读物专架、学员读书笔记"),
		chromedp.Click(chromedp.CSS("#save-reception")), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	wantText(t, lib, ".field-error", "第 1 行", "空格隔开")
	keep(t, lib, "reception-form-error-desktop")
	do(t, lib, "put the space in", chromedp.SetValue(chromedp.CSS("#guests"), "吴春生 州委常委、组织部部长\n符丽 州委组织部干部教育科科长"),
		chromedp.Click(chromedp.CSS("#save-reception")), chromedp.WaitVisible(chromedp.CSS("#reception")))
	wantText(t, lib, ".flash", "已保存 吴春生")
	wantText(t, lib, "#reception-guests", "吴春生 州委常委、组织部部长", "符丽")
	keep(t, lib, "reception-desktop")
	do(t, lib, "back to the year", chromedp.Navigate(s.url+"/receptions"), chromedp.WaitVisible(chromedp.CSS("#receptions")))
	year := time.Now().In(s.a.Config.Location()).Format("2006")
	wantText(t, lib, "#reception-year", year+" 年共接待来访 1 次、来宾 2 人")
	wantText(t, lib, "#level-prefecture", "1")
	keep(t, lib, "receptions-desktop")
	do(t, lib, "the form on a desk", chromedp.Navigate(s.url+"/receptions/new"), chromedp.WaitVisible(chromedp.CSS("#reception-form")))
	keep(t, lib, "reception-form-desktop")

	leader := person(t, browser)
	onPhone(t, leader)
	login(t, leader, s.url, "leader")
	do(t, leader, "the record on a phone", chromedp.Navigate(s.url+"/receptions"), chromedp.WaitVisible(chromedp.CSS("#receptions")))
	wantText(t, leader, "#receptions", "吴春生")
	fitsScreen(t, leader, "receptions")
	keep(t, leader, "receptions-phone")
	do(t, leader, "open it", chromedp.Click(chromedp.CSS("#receptions a")), chromedp.WaitVisible(chromedp.CSS("#reception")))
	fitsScreen(t, leader, "reception")
	keep(t, leader, "reception-phone")
	do(t, leader, "the home page", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.CSS("#home-occupancy")))
	fitsScreen(t, leader, "leadership home")
	keep(t, leader, "home-leader-phone")
}
