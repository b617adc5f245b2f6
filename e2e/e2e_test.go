// Package e2e drives the real shuwu in Debian's chromium: the app is
// started on 127.0.0.1:0 with a temporary database, and each test works
// the pages as a person would. A failing step saves a screenshot under
// e2e/artifacts/.
package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shuwu/internal/app"
	"shuwu/internal/config"
	"shuwu/internal/testkit/webtest"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// site is the app under test with its fixture library.
type site struct {
	a   *app.App
	url string
	f   webtest.Fixture
}

func startSite(t *testing.T, tweak ...func(*config.Config)) *site {
	t.Helper()
	a := webtest.Open(t, tweak...)
	f := webtest.Seed(t, a)
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Serve() }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = a.Shutdown(ctx)
		<-done
	})
	return &site{a: a, url: a.URL(), f: f}
}

// newBrowser starts chromium. It fails, never skips, when chromium is
// missing: the browser tests are part of the product's tests.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("chromium is not installed at %s (apt-get install chromium): %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.Flag("accept-lang", "zh-CN,zh"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	// A shared, busy machine can take over a minute and a half for a long
	// walk through the pages; the deadline only stops a hung browser.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

// person is one visitor with their own cookies, in a tab of the browser.
func person(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return ctx
}

// do runs steps; on failure it saves a screenshot and stops the test.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		shot(t, ctx, what)
		t.Fatalf("%s: %v", what, err)
	}
}

// text returns the text of the first node matching sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		shot(t, ctx, "text of "+sel)
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// wantText fails with a screenshot unless the node's text has every part.
func wantText(t *testing.T, ctx context.Context, sel string, parts ...string) {
	t.Helper()
	got := text(t, ctx, sel)
	for _, p := range parts {
		if !strings.Contains(got, p) {
			shot(t, ctx, "want "+p)
			t.Fatalf("%s: text %q lacks %q", sel, got, p)
		}
	}
}

// waitText waits until the node's text has want. Right after a form is
// sent the old page is still there and would answer a first look.
func waitText(t *testing.T, ctx context.Context, sel, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err == nil && strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			shot(t, ctx, "wait for "+want)
			t.Fatalf("%s: text %q never came to have %q (%v)", sel, got, want, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// shot saves a screenshot of the tab to e2e/artifacts.
func shot(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot failed: %v", err)
		return
	}
	dir := "artifacts"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Logf("screenshot dir: %v", err)
		return
	}
	name := filepath.Join(dir, unsafeName.ReplaceAllString(t.Name()+"-"+what, "_")+".png")
	if err := os.WriteFile(name, buf, 0o644); err != nil {
		t.Logf("write screenshot: %v", err)
		return
	}
	t.Logf("screenshot saved to e2e/%s", name)
}

// login logs in through the form.
func login(t *testing.T, ctx context.Context, base, name string) {
	t.Helper()
	do(t, ctx, "log in as "+name,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), name),
		chromedp.SendKeys(chromedp.CSS("#password"), webtest.Password+"\r"),
		chromedp.WaitVisible(chromedp.CSS(".who form")),
	)
}
