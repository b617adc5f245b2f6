package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/testkit/webtest"
)

// A librarian copies a record from another library's catalogue (here a
// second shuwu answering SRU) instead of typing it: she sets up the
// source, searches it by ISBN, compares, takes the candidate into the
// editor, adds the call-number class and saves.
func TestLibrarianCopiesARecordFromAnotherLibrary(t *testing.T) {
	other, mine := startSite(t), startSite(t)
	isbn := webtest.ISBN13("978751470973")
	ctx := audit.WithActor(context.Background(), audit.System)
	if _, err := other.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "习近平新时代中国特色社会主义思想学习纲要", ISBN: isbn,
		Authors: []catalog.Author{{Name: "中共中央宣传部", Role: "编"}}, Publisher: "学习出版社", Place: "北京", Year: 2019, Pages: "263页", Size: "24cm",
		Subjects: []string{"习近平新时代中国特色社会主义思想", "学习参考资料"}}); err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, mine.url, "librarian")

	do(t, lib, "open the record sources page",
		chromedp.Navigate(mine.url+"/settings/copy-targets"),
		chromedp.WaitVisible(chromedp.CSS("#add-copy-target")),
	)
	do(t, lib, "add a source with a bad address",
		chromedp.SendKeys(chromedp.CSS("#name"), "州图书馆"),
		chromedp.SetValue(chromedp.CSS("#kind"), "sru"),
		chromedp.SendKeys(chromedp.CSS("#address"), "zhou-library/sru"),
		chromedp.SetValue(chromedp.CSS("#flavor"), "marc21"),
		chromedp.Click(chromedp.CSS("#add-copy-target")),
		chromedp.WaitVisible(chromedp.CSS("#address[aria-invalid=true]")),
	)
	wantText(t, lib, "main", "SRU 地址应是 http:// 或 https:// 开头的网址")
	do(t, lib, "fix the address",
		chromedp.SetValue(chromedp.CSS("#address"), other.url+"/sru"),
		chromedp.Click(chromedp.CSS("#add-copy-target")),
		chromedp.WaitVisible(chromedp.CSS(`section[aria-label="州图书馆"]`)),
	)
	wantText(t, lib, "main", "已添加书目来源 州图书馆")
	keep(t, lib, "copy-targets-desktop")

	do(t, lib, "go to copy cataloguing from the catalogue",
		chromedp.Navigate(mine.url+"/catalog"),
		chromedp.Click(chromedp.CSS("#copy-catalog")),
		chromedp.WaitVisible(chromedp.CSS("#copy-search")),
		chromedp.SendKeys(chromedp.CSS("#q"), isbn),
		chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS("#copy-results")),
	)
	wantText(t, lib, "#copy-results", "州图书馆", "命中 1 条")
	wantText(t, lib, ".candidate", "习近平新时代中国特色社会主义思想学习纲要", "中共中央宣传部", "学习出版社", "2019")
	keep(t, lib, "copy-catalog-desktop")

	do(t, lib, "take the candidate into the editor",
		chromedp.Click(chromedp.CSS(".use-candidate")),
		chromedp.WaitVisible(chromedp.CSS("#copied-from")),
	)
	wantText(t, lib, "#copied-from", "此记录套录自“州图书馆”，尚未保存")
	title, err := chromedp.Run(lib, chromedp.Value(chromedp.CSS("#title")))
	if err != nil || title != "习近平新时代中国特色社会主义思想学习纲要" {
		t.Fatalf("the editor's title is %q (%v)", title, err)
	}
	keep(t, lib, "copy-editor-desktop")
	do(t, lib, "add the class and save",
		chromedp.SendKeys(chromedp.CSS("#clc"), "D610"),
		chromedp.Click(chromedp.CSS("#save-record")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, ".flash", "已新建书目《习近平新时代中国特色社会主义思想学习纲要》")
	wantText(t, lib, "main", "中共中央宣传部", "学习出版社", "D610")

	// Searching again now shows the copy the library holds.
	do(t, lib, "search the source again",
		chromedp.Navigate(mine.url+"/catalog/copy"),
		chromedp.WaitVisible(chromedp.CSS("#copy-search")),
		chromedp.SendKeys(chromedp.CSS("#q"), isbn),
		chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS(".candidate .held")),
	)
	wantText(t, lib, ".candidate .held", "本馆已有", "习近平新时代中国特色社会主义思想学习纲要")

	onPhone(t, lib)
	do(t, lib, "reload at phone width", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".candidate")))
	fitsScreen(t, lib, "copy cataloguing")
	keep(t, lib, "copy-catalog-phone")
	do(t, lib, "the sources page at phone width", chromedp.Navigate(mine.url+"/settings/copy-targets"), chromedp.WaitVisible(chromedp.CSS("#add-copy-target")))
	fitsScreen(t, lib, "record sources")
	keep(t, lib, "copy-targets-phone")
}
