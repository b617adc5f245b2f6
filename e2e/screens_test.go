package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneWidth is the narrowest phone duty staff and readers use.
const phoneWidth = 375

// onPhone makes the tab a 375-pixel phone.
func onPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, "use a phone-sized screen", chromedp.EmulateViewport(phoneWidth, 812, chromedp.EmulateMobile))
}

// fitsScreen fails when the page is wider than the screen, which on a
// phone means sideways scrolling for the whole page.
func fitsScreen(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if wide {
		shot(t, ctx, what+" too wide")
		t.Errorf("%s: the page is wider than the screen", what)
	}
}

// keep saves a PNG screenshot (quality 100 is PNG, less is JPEG) of the page under e2e/artifacts/screens, for a
// person to look at each new page at desktop and phone width.
func keep(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	dir := filepath.Join("artifacts", "screens")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Logf("screenshot dir: %v", err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Logf("write screenshot: %v", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
