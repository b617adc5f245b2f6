package e2e

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/receptions"
	"shuwu/internal/testkit/webtest"
)

// TestDeskRegistrationCancellationWeekViewAndVisitPhotos: the duty officer
// registers 张三 at the desk; the librarian cancels the activity with a
// reason, which 张三 reads on his phone; the week view on a desktop and a
// phone; a photo added to a leader's visit.
func TestDeskRegistrationCancellationWeekViewAndVisitPhotos(t *testing.T) {
	s := startSite(t)
	act := webtest.ActivityNow(t, s.a, "“清廉湘西”建设主题党日活动", 20)
	if !act.Start.After(time.Now()) {
		t.Skip("late in the evening the activity has already begun: no registration")
	}
	browser := newBrowser(t)
	page := s.url + "/activities/" + itoa(act.ID)

	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	do(t, duty, "register 张三 at the desk", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#desk-register-form")),
		chromedp.SendKeys(chromedp.CSS("#reg-card"), s.f.Readers[0].Card+"\r"), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, duty, ".flash", "已代 "+s.f.Readers[0].Name+" 报名")
	wantText(t, duty, "#fig-registered", "1")
	keep(t, duty, "activity-desk-register-desktop")

	lib := person(t, browser)
	onPhone(t, lib)
	login(t, lib, s.url, "librarian")
	do(t, lib, "the activity on a phone", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#cancel-form")))
	fitsScreen(t, lib, "activity with the cancel form")
	keep(t, lib, "activity-cancel-form-phone")
	do(t, lib, "write the reason", chromedp.SendKeys(chromedp.CSS("#cancel-note"), "主讲人临时出差，活动改期另行通知"))
	// The form's confirm dialog is the browser's; submit past it.
	if _, err := chromedp.Run(lib, chromedp.Evaluate[bool](`(document.querySelector('#cancel-form').submit(), true)`)); err != nil {
		t.Fatal(err)
	}
	do(t, lib, "see it cancelled", chromedp.WaitVisible(chromedp.CSS("#cancelled")))
	wantText(t, lib, "#cancelled", "主讲人临时出差，活动改期另行通知")
	keep(t, lib, "activity-cancelled-phone")

	zhang := person(t, browser)
	onPhone(t, zhang)
	login(t, zhang, s.url, s.f.Readers[0].Card)
	do(t, zhang, "my activities", chromedp.Navigate(s.url+"/my/activities"), chromedp.WaitVisible(chromedp.CSS("#my-activities")))
	wantText(t, zhang, "#my-activities", "活动已取消", "主讲人临时出差")
	fitsScreen(t, zhang, "my activities, cancelled")
	keep(t, zhang, "my-activities-cancelled-phone")
	do(t, zhang, "its portal page", chromedp.Navigate(s.url+"/opac/activities/"+itoa(act.ID)), chromedp.WaitVisible(chromedp.CSS("#activity-cancelled")))
	keep(t, zhang, "opac-activity-cancelled-phone")
	do(t, zhang, "the portal's week", chromedp.Navigate(s.url+"/opac/activities/calendar?week="), chromedp.WaitVisible(chromedp.CSS("#week-calendar")))
	fitsScreen(t, zhang, "week view")
	keep(t, zhang, "opac-activities-week-phone")

	do(t, duty, "the staff's week", chromedp.Navigate(s.url+"/activities/calendar?week="), chromedp.WaitVisible(chromedp.CSS("#week-calendar")))
	wantText(t, duty, "#week-calendar", "“清廉湘西”建设主题党日活动", "已取消")
	keep(t, duty, "activities-week-desktop")

	// A leader's visit gets a photo.
	sys := audit.WithActor(context.Background(), audit.System)
	gs, _ := receptions.ParseGuests("张明 州委常委、组织部部长\n刘芳 州委组织部副部长")
	rc, err := s.a.Receptions.Create(sys, receptions.Reception{Date: time.Now().In(s.a.Config.Location()).Format(time.DateOnly), Level: receptions.Prefecture, Guests: gs, Shown: "红色经典专架"})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for y := 0; y < 800; y++ {
		for x := 0; x < 1200; x++ {
			img.Set(x, y, color.RGBA{0xb7, uint8(x / 5), uint8(y / 4), 0xff})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	photo := filepath.Join(t.TempDir(), "接待.png")
	if err := os.WriteFile(photo, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	desk := person(t, browser)
	login(t, desk, s.url, "librarian")
	do(t, desk, "upload a photo of the visit", chromedp.Navigate(s.url+"/receptions/"+itoa(rc.ID)), chromedp.WaitVisible(chromedp.CSS("#reception-photo-form")),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{photo}), chromedp.SendKeys(chromedp.CSS("#caption"), "参观红色经典专架"),
		chromedp.Click(chromedp.CSS("#upload-reception-photo")), chromedp.WaitVisible(chromedp.CSS("#reception-photos img")))
	wantText(t, desk, "#reception-photos", "参观红色经典专架")
	keep(t, desk, "reception-photos-desktop")
	do(t, lib, "the visit on a phone", chromedp.Navigate(s.url+"/receptions/"+itoa(rc.ID)), chromedp.WaitVisible(chromedp.CSS("#reception-photos img")))
	fitsScreen(t, lib, "visit with photos")
	keep(t, lib, "reception-photos-phone")
}
