package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDutyRosterAndHandover: the librarian generates next month's roster;
// the morning's duty staff, on a phone, tick a task and write the
// handover; the next shift acknowledges it from the staff home; anyone
// reads the three rules in the portal and the wall sheet prints.
func TestDutyRosterAndHandover(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	next := time.Now().In(s.a.Config.Location()).AddDate(0, 1, 0).Format("2006-01")

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "generate next month's roster",
		chromedp.Navigate(s.url+"/duty?month="+next),
		chromedp.WaitVisible(chromedp.CSS("#generate")),
		chromedp.SetValue(chromedp.CSS("#month"), next),
		chromedp.Click(chromedp.CSS("#generate-roster")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, ".flash", "已生成 "+next+" 值班表")
	wantText(t, lib, "#roster", "王馆员", "值班员李明", "值班员张华")
	keep(t, lib, "duty-roster-desktop")
	do(t, lib, "the roster to print", chromedp.Navigate(s.url+"/duty/print?month="+next), chromedp.WaitVisible(chromedp.CSS("#roster-sheet")))
	wantText(t, lib, "#roster-sheet", "党建书屋值班表", "值班员李明")
	keep(t, lib, "duty-print-desktop")
	do(t, lib, "shift settings", chromedp.Navigate(s.url+"/settings/duty"), chromedp.WaitVisible(chromedp.CSS("#shift-1")))
	keep(t, lib, "duty-shifts-desktop")

	duty := person(t, browser)
	onPhone(t, duty)
	login(t, duty, s.url, "duty1")
	do(t, duty, "open the morning shift and tick a task",
		chromedp.Navigate(s.url+"/duty/today?shift=1"),
		chromedp.WaitVisible(chromedp.CSS("#checklist")),
		chromedp.Click(chromedp.CSS("#checklist li:nth-child(3) button")),
		chromedp.WaitVisible(chromedp.CSS(`#checklist button[aria-pressed="true"]`)),
	)
	wantText(t, duty, "#checklist-progress", "已完成 1/4")
	do(t, duty, "write the handover",
		chromedp.SendKeys(chromedp.CSS("#happened"), "借出 12 册，还回 9 册；主体班学员咨询必读书目"),
		chromedp.SendKeys(chromedp.CSS("#follow_up"), "《求是》本期未到，请催问邮局"),
		chromedp.SendKeys(chromedp.CSS("#periodicals"), "人民日报、学习时报"),
		chromedp.Click(chromedp.CSS("#write-handover")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, duty, ".flash", "已保存")
	wantText(t, duty, "#handover-form", "值班员李明 填写于", "《求是》本期未到")
	fitsScreen(t, duty, "today's duty")
	keep(t, duty, "duty-today-phone")
	do(t, duty, "the roster on a phone", chromedp.Navigate(s.url+"/duty?month="+next), chromedp.WaitVisible(chromedp.CSS("#roster")))
	keep(t, duty, "duty-roster-phone")

	nextShift := person(t, browser)
	onPhone(t, nextShift)
	login(t, nextShift, s.url, "duty2")
	do(t, nextShift, "acknowledge from the home page",
		chromedp.Navigate(s.url+"/"),
		chromedp.WaitVisible(chromedp.CSS("#home-unacked")),
		chromedp.Click(chromedp.CSS("#home-unacked")),
		chromedp.WaitVisible(chromedp.CSS(".ack-row button")),
		chromedp.Click(chromedp.CSS(".ack-row button")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, nextShift, ".flash", "已确认")
	wantText(t, nextShift, "main", "值班员张华 于")
	fitsScreen(t, nextShift, "handover log")
	keep(t, nextShift, "duty-handovers-phone")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "the three rules in the portal", chromedp.Navigate(s.url+"/regulations"), chromedp.WaitVisible(chromedp.CSS("#reg-3")))
	wantText(t, reader, "main", "集中学习交流讨论制度", "图书借阅管理制度", "图书管理员工作制度")
	fitsScreen(t, reader, "regulations")
	keep(t, reader, "regulations-phone")
	do(t, lib, "a rule's wall sheet", chromedp.Navigate(s.url+"/regulations/2/print"), chromedp.WaitVisible(chromedp.CSS("#wall-sheet")))
	keep(t, lib, "regulation-print-desktop")
	do(t, lib, "the rules on a desktop", chromedp.Navigate(s.url+"/regulations"), chromedp.WaitVisible(chromedp.CSS("#reg-1")))
	keep(t, lib, "regulations-desktop")
}
