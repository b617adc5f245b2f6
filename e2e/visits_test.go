package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// TestAClassScansInAtTheDoorTablet: the duty staff opens the door tablet
// on a phone-sized screen; readers scan their cards the way a scanner
// types (the number, then Enter): each is welcomed by name and class, the
// field is empty and focused again for the next card, a second scan at
// once counts nothing, and a visitor without a card taps the button. The
// desk page lists them, the staff home counts them, and the door display
// (no login) updates itself when the next reader comes in.
func TestAClassScansInAtTheDoorTablet(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	a, b := s.f.Readers[0], s.f.Readers[1]
	c, err := s.a.Readers.Create(audit.WithActor(context.Background(), audit.System), readers.Reader{Name: "刘洋", Unit: "校机关"})
	if err != nil {
		t.Fatal(err)
	}

	tablet := person(t, browser)
	onPhone(t, tablet)
	login(t, tablet, s.url, "duty1")
	do(t, tablet, "open the door tablet", chromedp.Navigate(s.url+"/visits/kiosk"), chromedp.WaitVisible(chromedp.CSS("#visit-code")))
	wantFocus := func(what string) {
		t.Helper()
		id, err := chromedp.Run(tablet, chromedp.Evaluate[string](`document.activeElement && document.activeElement.id`))
		if err != nil || id != "visit-code" {
			shot(t, tablet, what)
			t.Fatalf("%s: the focus is on %q, not the scan field (%v)", what, id, err)
		}
		v, _ := chromedp.Run(tablet, chromedp.Value(chromedp.CSS("#visit-code")))
		if v != "" {
			t.Fatalf("%s: the scan field still holds %q", what, v)
		}
	}
	wantFocus("the tablet opens")
	fitsScreen(t, tablet, "door tablet")
	keep(t, tablet, "visits-kiosk-phone-idle")
	scan := func(code string) {
		t.Helper()
		do(t, tablet, "scan "+code, chromedp.SendKeys(chromedp.CSS("#visit-code"), code+"\r"))
	}
	scan(a.Card)
	waitText(t, tablet, "#visit-result", "欢迎，"+a.Name)
	wantText(t, tablet, "#visit-result", s.f.Class.Name)
	wantText(t, tablet, "#occ-inside", "1")
	wantFocus("after the first scan")
	scan("shuwu:card:" + b.Card) // the QR code on a phone
	waitText(t, tablet, "#visit-result", "欢迎，"+b.Name)
	wantText(t, tablet, "#occ-inside", "2")
	fitsScreen(t, tablet, "door tablet with a welcome")
	keep(t, tablet, "visits-kiosk-phone")
	scan(a.Card)
	waitText(t, tablet, "#visit-result", "已登记入馆")
	wantText(t, tablet, "#visit-result", "重复扫描不重复计数")
	wantText(t, tablet, "#occ-inside", "2")
	scan("R0000000X")
	waitText(t, tablet, "#visit-result", "不存在")
	wantFocus("after a wrong card")
	keep(t, tablet, "visits-kiosk-phone-error")
	do(t, tablet, "a visitor without a card", chromedp.Click(chromedp.CSS("#guest-in")))
	waitText(t, tablet, "#visit-result", "已登记无证访客 1 人次")
	wantText(t, tablet, "#occ-inside", "3")
	wantFocus("after the visitor's button")
	do(t, tablet, "a tablet-sized screen", chromedp.EmulateViewport(820, 1180, chromedp.EmulateMobile), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#visit-code")))
	keep(t, tablet, "visits-kiosk-tablet")

	door := person(t, browser)
	do(t, door, "open the door display", chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.url+"/display"), chromedp.WaitVisible(chromedp.CSS("#display-panel")))
	wantText(t, door, "#occ-inside", "3")
	wantText(t, door, "#occ-today", "今日入馆 3 人次")
	wantText(t, door, "#room-state", "") // the room's state is named
	keep(t, door, "display-desktop")

	desk := person(t, browser)
	login(t, desk, s.url, "duty2")
	do(t, desk, "open entry registration", chromedp.Navigate(s.url+"/visits"), chromedp.WaitVisible(chromedp.CSS("#visit-code")))
	wantText(t, desk, "#visit-lines", a.Name, b.Name, "无证访客", "门口平板")
	do(t, desk, "scan at the desk", chromedp.SendKeys(chromedp.CSS("#visit-code"), c.Card+"\r"))
	waitText(t, desk, "#visit-result", "欢迎，"+c.Name)
	waitText(t, desk, "#visit-lines", c.Name)
	wantText(t, desk, "#visit-occupancy", "4")
	keep(t, desk, "visits-desktop")
	// The door display polls: the desk's scan shows there without a reload.
	waitText(t, door, "#occ-inside", "4")
	do(t, desk, "the staff home", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.CSS("#home-occupancy")))
	wantText(t, desk, "#home-occupancy", "4 / 50", "今日入馆人次")
	onPhone(t, desk)
	do(t, desk, "entry registration on a phone", chromedp.Navigate(s.url+"/visits"), chromedp.WaitVisible(chromedp.CSS("#visit-code")))
	fitsScreen(t, desk, "entry registration")
	keep(t, desk, "visits-phone")
	do(t, door, "the door display on a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#display-panel")))
	fitsScreen(t, door, "door display")
	keep(t, door, "display-phone")
}
