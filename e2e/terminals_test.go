package e2e

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shuwu/internal/config"
)

// startSiteWithSIP is startSite with the SIP2 listener on.
func startSiteWithSIP(t *testing.T) *site {
	t.Helper()
	return startSite(t, func(c *config.Config) { c.SIPAddr = "127.0.0.1:0" })
}

// sipExchange sends SIP2 messages on one connection and returns the
// answers, as a self-check machine would.
func sipExchange(t *testing.T, addr string, msgs ...string) []string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	var out []string
	for _, m := range msgs {
		c.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := c.Write([]byte(m + "\r")); err != nil {
			t.Fatal(err)
		}
		line, err := r.ReadString('\r')
		if err != nil {
			t.Fatalf("SIP2 answer to %q: %v", m, err)
		}
		out = append(out, strings.TrimSuffix(line, "\r"))
	}
	return out
}

// TestLibrarianAddsASelfServiceMachine: a librarian adds a machine on the
// settings page, and the machine logs in with that account over SIP2 and
// lends a book; on a phone the page still reads.
func TestLibrarianAddsASelfServiceMachine(t *testing.T) {
	s := startSiteWithSIP(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the machines page",
		chromedp.Navigate(s.url+"/settings/terminals"),
		chromedp.WaitVisible(chromedp.CSS("#add-terminal")),
	)
	_, port, _ := net.SplitHostPort(s.a.SIPAddr())
	wantText(t, lib, "#sip-state", "SIP2 服务已开启", port)

	// A name with Chinese characters is refused, in Chinese, keeping the form.
	do(t, lib, "try a bad name",
		chromedp.SendKeys(chromedp.CSS("#name"), "一号机"),
		chromedp.SendKeys(chromedp.CSS("#new-password"), "Kiosk-pass-1"),
		chromedp.SendKeys(chromedp.CSS("#institution"), "SHUWU"),
		chromedp.Click(chromedp.CSS("#add-terminal")),
		chromedp.WaitVisible(chromedp.CSS("#name[aria-invalid=true]")),
	)
	wantText(t, lib, "main", "自助机账号须为 2 到 32 个字母")
	do(t, lib, "add the machine",
		chromedp.SetValue(chromedp.CSS("#name"), "kiosk1"),
		chromedp.SendKeys(chromedp.CSS("#new-password"), "Kiosk-pass-1"),
		chromedp.SendKeys(chromedp.CSS("#location"), "大厅"),
		chromedp.SetValue(chromedp.CSS("#encoding"), "utf-8"),
		chromedp.Click(chromedp.CSS("#add-terminal")),
		chromedp.WaitVisible(chromedp.CSS(`section[aria-label="kiosk1"]`)),
	)
	wantText(t, lib, "main", "已添加自助借还机 kiosk1", "从未登录")
	shot(t, lib, "desktop")

	reader, barcode := s.f.Readers[0], s.f.Barcodes[0][0]
	stamp := time.Now().Format("20060102") + "    " + time.Now().Format("150405")
	got := sipExchange(t, s.a.SIPAddr(),
		"9300CNkiosk1|COKiosk-pass-1|CP大厅|",
		"11NN"+stamp+"                  AOSHUWU|AA"+reader.Card+"|AB"+barcode+"|AC|",
	)
	if got[0] != "941" {
		t.Fatalf("the machine's login: %q, want 941", got[0])
	}
	if !strings.HasPrefix(got[1], "121") || !strings.Contains(got[1], "AF借书成功") {
		t.Fatalf("the machine's checkout: %q", got[1])
	}
	do(t, lib, "reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`section[aria-label="kiosk1"]`)))
	if strings.Contains(text(t, lib, `section[aria-label="kiosk1"]`), "从未登录") {
		t.Fatal("the page does not show the machine's login")
	}

	do(t, lib, "phone width", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#add-terminal")))
	overflow, err := chromedp.Run(lib, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	shot(t, lib, "phone")
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Fatal("the machines page scrolls sideways at 375 px")
	}
}
