package e2e

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/testkit/webtest"
)

// TestTheSummaryAndPhotosBecomeTheRecord: after the start the librarian
// writes the summary and uploads a photo on the activity's page; readers
// see both on its portal page; the month calendar shows the activity to
// staff and, on a phone, to readers.
func TestTheSummaryAndPhotosBecomeTheRecord(t *testing.T) {
	s := startSite(t)
	act := webtest.ActivityNow(t, s.a, "“清廉湘西”建设主题党日活动", 20)
	webtest.StartNow(t, s.a, act.ID)
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for y := 0; y < 800; y++ {
		for x := 0; x < 1200; x++ {
			img.Set(x, y, color.RGBA{0xb7, uint8(x / 5), uint8(y / 4), 0xff})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	photo := filepath.Join(t.TempDir(), "现场.png")
	if err := os.WriteFile(photo, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	page := s.url + "/activities/" + itoa(act.ID)

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "write the summary", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#summary-form")),
		chromedp.SendKeys(chromedp.CSS("#summary"), "临时党支部全体党员到会，重温入党誓词，围绕“清廉湘西”建设交流发言。"),
		chromedp.Click(chromedp.CSS("#save-summary")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, ".flash", "已保存活动总结")
	do(t, lib, "upload a photo", chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{photo}),
		chromedp.SendKeys(chromedp.CSS("#caption"), "重温入党誓词"),
		chromedp.Click(chromedp.CSS("#upload-photo")), chromedp.WaitVisible(chromedp.CSS("#photos img")))
	wantText(t, lib, ".flash", "已上传照片")
	wantText(t, lib, "#photos", "重温入党誓词")
	keep(t, lib, "activity-record-desktop")
	do(t, lib, "the month", chromedp.Navigate(s.url+"/activities/calendar"), chromedp.WaitVisible(chromedp.CSS("#calendar")))
	wantText(t, lib, "#calendar", "“清廉湘西”建设主题党日活动")
	keep(t, lib, "activities-calendar-desktop")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "the record in the portal", chromedp.Navigate(s.url+"/opac/activities/"+itoa(act.ID)), chromedp.WaitVisible(chromedp.CSS("#activity-record img")))
	wantText(t, reader, "#activity-record", "重温入党誓词，围绕“清廉湘西”建设交流发言")
	var loaded bool
	if loaded, _ = chromedp.Run(reader, chromedp.Evaluate[bool](`(() => { const i = document.querySelector('#activity-record img'); return i.complete && i.naturalWidth === 480 })()`)); !loaded {
		t.Error("the thumbnail did not load at 480 px")
	}
	fitsScreen(t, reader, "portal record")
	keep(t, reader, "opac-activity-record-phone")
	do(t, reader, "the portal's calendar", chromedp.Navigate(s.url+"/opac/activities"), chromedp.WaitVisible(chromedp.CSS("#calendar-link")),
		chromedp.Click(chromedp.CSS("#calendar-link")), chromedp.WaitVisible(chromedp.CSS("#calendar")))
	wantText(t, reader, "#calendar", "“清廉湘西”建设主题党日活动", "主题党日")
	fitsScreen(t, reader, "calendar")
	keep(t, reader, "opac-calendar-phone")

	phoneLib := person(t, browser)
	onPhone(t, phoneLib)
	login(t, phoneLib, s.url, "librarian")
	do(t, phoneLib, "the record on a phone", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#photos")))
	fitsScreen(t, phoneLib, "record")
	keep(t, phoneLib, "activity-record-phone")
}
