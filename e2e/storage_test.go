package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/config"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

// TestTheDeskOnAFullDisk: a full disk answered the desk's scans with
// 内部错误. On a real full disk (a small tmpfs) the duty librarian, at the
// desk and on a phone, reads that storage is full and the change was not
// saved, and every staff page carries the banner until space is back.
func TestTheDeskOnAFullDisk(t *testing.T) {
	disk, ok := testkit.SmallDisk(t, 16<<20)
	if !ok {
		return
	}
	s := startSite(t, func(c *config.Config) { c.DataDir, c.DB = filepath.Join(disk, "data"), "" })
	browser := newBrowser(t)
	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	phone := person(t, browser) // logged in before: a login is a write too
	do(t, phone, "use a phone-sized screen", chromedp.EmulateViewport(phoneWidth, 812, chromedp.EmulateMobile))
	login(t, phone, s.url, "duty2")
	card := s.f.Readers[0].Card
	do(t, duty, "open the desk and scan the card",
		chromedp.Navigate(s.url+"/desk"),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
		chromedp.SendKeys(chromedp.CSS("#scan"), card+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#panel .name")),
	)
	free := testkit.FillDisk(t, disk, 0)
	// The database's journal still has room from earlier writes: use it
	// up, sixteen writers at a time.
	ctx := audit.WithActor(t.Context(), audit.System)
	long := strings.Repeat("满", 1900)
	var full atomic.Bool
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !full.Load() && i < 500; i++ {
				_, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: fmt.Sprintf("填满磁盘的书 %d-%d", w, i), Summary: long, Notes: long, Responsibility: long[:400]})
				if errs.Is(err, errs.CodeStorageFailed) {
					full.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	if !full.Load() {
		t.Fatal("the disk never filled")
	}
	var more []func()
	for _, code := range []string{s.f.Barcodes[0][0], s.f.Barcodes[1][0]} {
		// Use up what room is left for small writes, and fill what the
		// index gave back when it failed to write.
		for i := 0; i < 500; i++ {
			more = append(more, testkit.FillDisk(t, disk, 0))
			if _, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: fmt.Sprintf("小书 %s %d", code, i)}); errs.Is(err, errs.CodeStorageFailed) {
				break
			}
		}
		do(t, duty, "lend a book on the full disk",
			chromedp.SendKeys(chromedp.CSS("#scan"), code+"\r"),
			chromedp.WaitVisible(chromedp.CSS("#lines li.error")),
		)
		wantText(t, duty, "#lines li.error", "存储空间不足", "未保存")
	}
	shot(t, duty, "desk-refused")

	do(t, duty, "reload the desk", chromedp.Navigate(s.url+"/desk"), chromedp.WaitVisible(chromedp.CSS("#storage-failed")))
	wantText(t, duty, "#storage-failed", "存储空间不足或磁盘只读", "无需重启")
	shot(t, duty, "desk-banner")

	do(t, phone, "the desk on a phone", chromedp.Navigate(s.url+"/desk"), chromedp.WaitVisible(chromedp.CSS("#storage-failed")))
	notWider(t, phone)
	shot(t, phone, "desk-banner-phone")

	free()
	for _, f := range more {
		f()
	}
	do(t, duty, "lend once space is back",
		chromedp.Navigate(s.url+"/desk"),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
		chromedp.SendKeys(chromedp.CSS("#scan"), card+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#panel .name")),
		chromedp.SendKeys(chromedp.CSS("#scan"), s.f.Barcodes[2][0]+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines li:nth-child(2)")),
	)
	wantText(t, duty, "#lines li:nth-child(1)", "已借出")
	do(t, duty, "the banner is gone", chromedp.Navigate(s.url+"/desk"), chromedp.WaitVisible(chromedp.CSS("#scan:focus")))
	if there, err := chromedp.Run(duty, chromedp.Evaluate[bool](`document.querySelector('#storage-failed') !== null`)); err != nil || there {
		t.Errorf("the storage banner outlived the failure (%v)", err)
	}
}
