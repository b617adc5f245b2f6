package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/room"
	"shuwu/internal/testkit/webtest"
)

// TestOrganiserPlansAnActivityOnItsBooking: a Party branch, on a phone,
// plans its themed Party day on the whole-room booking it made; a mistake
// comes back on its field; the librarian sees it among the activities at
// the desk; a reader on a phone finds it in the portal.
func TestOrganiserPlansAnActivityOnItsBooking(t *testing.T) {
	s := startSite(t)
	day := webtest.NextOpenDay(s.a)
	users, err := s.a.Auth.Users(audit.WithActor(context.Background(), audit.System))
	if err != nil {
		t.Fatal(err)
	}
	var branchID int64
	for _, u := range users {
		if u.Username == "branch1" {
			branchID = u.ID
		}
	}
	asBranch := audit.WithActor(context.Background(), audit.Actor{UserID: branchID, Name: "branch1", Role: audit.RoleOrganiser})
	booked, err := s.a.Room.Book(asBranch, room.Request{SpaceID: 1, Organiser: "校机关一支部", Date: day, From: "14:00", To: "16:30", Purpose: "“清廉湘西”建设主题党日活动", Expected: 40})
	if err != nil {
		t.Fatal(err)
	}
	bookingID := itoa(booked.Bookings[0].ID)
	browser := newBrowser(t)

	branch := person(t, browser)
	onPhone(t, branch)
	login(t, branch, s.url, "branch1")
	do(t, branch, "open the unit's activities", chromedp.Navigate(s.url+"/activities"), chromedp.WaitVisible(chromedp.CSS("#new-activity")))
	fitsScreen(t, branch, "our activities (none)")
	do(t, branch, "plan one on the booking",
		chromedp.Click(chromedp.CSS("#new-activity")),
		chromedp.WaitVisible(chromedp.CSS("#activity-form")),
		chromedp.SetValue(chromedp.CSS("#booking"), bookingID),
		chromedp.SetValue(chromedp.CSS("#form"), "party_day"),
		chromedp.SendKeys(chromedp.CSS("#title"), "“清廉湘西”建设主题党日活动"),
		chromedp.SendKeys(chromedp.CSS("#host"), "王书记"),
		chromedp.SetValue(chromedp.CSS("#date"), day),
		chromedp.SetValue(chromedp.CSS("#from"), "14:00"),
		chromedp.SetValue(chromedp.CSS("#to"), "17:00"),
		chromedp.SetValue(chromedp.CSS("#capacity"), "40"),
		chromedp.SendKeys(chromedp.CSS("#description"), "重温入党誓词，观看警示教育片，交流研讨。"),
	)
	fitsScreen(t, branch, "activity form")
	keep(t, branch, "activity-form-phone")
	do(t, branch, "send it", chromedp.Click(chromedp.CSS("#activity-submit")), chromedp.WaitVisible(chromedp.CSS(".field-error")))
	wantText(t, branch, ".field-error", "活动时间须在所选预约", "14:00–16:30", "书屋（全室）")
	fitsScreen(t, branch, "refused activity")
	keep(t, branch, "activity-refused-phone")
	do(t, branch, "end it within the booking", chromedp.SetValue(chromedp.CSS("#to"), "16:30"),
		chromedp.Click(chromedp.CSS("#activity-submit")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, branch, ".flash", "已安排活动「“清廉湘西”建设主题党日活动」")
	wantText(t, branch, "#activity-facts", "主题党日", "书屋（全室）", "校机关一支部", "王书记", "40 人")
	fitsScreen(t, branch, "activity page")
	keep(t, branch, "activity-phone")

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "the desk's activities", chromedp.Navigate(s.url+"/activities"), chromedp.WaitVisible(chromedp.CSS("#activities")))
	wantText(t, lib, "#activities", "“清廉湘西”建设主题党日活动", "主题党日", "校机关一支部", "书屋（全室）")
	keep(t, lib, "activities-desktop")
	do(t, lib, "open it", chromedp.Click(chromedp.CSS("#activities a")), chromedp.WaitVisible(chromedp.CSS("#edit-activity")))
	keep(t, lib, "activity-desktop")
	do(t, lib, "its edit form", chromedp.Click(chromedp.CSS("#edit-activity")), chromedp.WaitVisible(chromedp.CSS("#activity-form")))
	keep(t, lib, "activity-form-desktop")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "the portal's activities", chromedp.Navigate(s.url+"/opac/activities"), chromedp.WaitVisible(chromedp.CSS("#upcoming")))
	wantText(t, reader, "#upcoming", "“清廉湘西”建设主题党日活动", "主题党日", "校机关一支部")
	fitsScreen(t, reader, "portal activities")
	keep(t, reader, "opac-activities-phone")
	do(t, reader, "open one", chromedp.Click(chromedp.CSS("#upcoming a")), chromedp.WaitVisible(chromedp.CSS("#activity")))
	wantText(t, reader, "#activity", "重温入党誓词", "王书记")
	fitsScreen(t, reader, "portal activity")
	keep(t, reader, "opac-activity-phone")
	do(t, reader, "on a desk", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+"/opac/activities"), chromedp.WaitVisible(chromedp.CSS("#upcoming")))
	keep(t, reader, "opac-activities-desktop")

	phoneLib := person(t, browser)
	onPhone(t, phoneLib)
	login(t, phoneLib, s.url, "librarian")
	do(t, phoneLib, "activities on a phone", chromedp.Navigate(s.url+"/activities"), chromedp.WaitVisible(chromedp.CSS("#activities")))
	fitsScreen(t, phoneLib, "activities list")
	keep(t, phoneLib, "activities-phone")
}
