package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// fourVolumes catalogues the four volumes of 《习近平谈治国理政》 (third
// first, so the set's order must come from the volume numbers), each with
// two copies lent to 李四, and a namesake without a volume that must stay out of the set.
func fourVolumes(t *testing.T, s *site) []catalog.Record {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.System)
	locs, err := s.a.Catalog.Locations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var vols []catalog.Record
	for _, part := range []string{"第三卷", "第一卷", "第四卷", "第二卷"} {
		rec, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "习近平谈治国理政", PartNumber: part, Responsibility: "习近平著",
			Authors: []catalog.Author{{Name: "习近平", Role: "著"}}, Publisher: "外文出版社", Place: "北京", Year: 2020, CLC: "D2-0"})
		if err != nil {
			t.Fatal(err)
		}
		items, err := s.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: 2, LocationID: locs[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		// 李四 has every copy out, so a hold has something to wait for.
		for _, it := range items {
			if _, err := s.a.Circulation.Checkout(ctx, s.f.Readers[1].Card, it.Barcode); err != nil {
				t.Fatal(err)
			}
		}
		vols = append(vols, rec)
	}
	if _, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "习近平谈治国理政", Publisher: "外文出版社", Year: 2014, CLC: "D2-0"}); err != nil {
		t.Fatal(err)
	}
	return vols
}

// TestLibrarianGroupsFourVolumesIntoASet: on the record page of one
// volume the librarian asks to group it with its namesakes; the proposal
// lists the four volumes in volume order; saved, the set page lists them
// with their copies and each record page names its set and siblings. A
// set without a title is refused in Chinese and nothing is made. Then a
// reader on a 375 px phone finds the set in the portal as one entry,
// opens it and places an any-volume hold (任一卷); a copy of the third
// volume coming back at the desk is kept for them.
func TestLibrarianGroupsFourVolumesIntoASet(t *testing.T) {
	s := startSite(t)
	vols := fourVolumes(t, s)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	// The search results offer to group the volumes they show (the index
	// may take a moment to take in the new records).
	for try := 0; ; try++ {
		do(t, lib, "search the catalogue", chromedp.Navigate(s.url+"/catalog?q="+"习近平谈治国理政"), chromedp.WaitVisible(chromedp.CSS("#q")))
		if n, _ := chromedp.Run(lib, chromedp.Evaluate[int](`document.querySelectorAll('.groupable').length`)); n == 1 {
			break
		}
		if try == 20 {
			shot(t, lib, "no grouping offer")
			t.Fatal("the search results do not offer to group the four volumes")
		}
		time.Sleep(250 * time.Millisecond)
	}
	wantText(t, lib, ".groupable", "本页有《习近平谈治国理政》的 4 种不同卷次的书目")
	keep(t, lib, "catalog-groupable-desktop")
	do(t, lib, "open the third volume and ask to group it",
		chromedp.Navigate(s.url+"/catalog/records/"+itoa(vols[0].ID)),
		chromedp.WaitVisible(chromedp.CSS("#group-into-set")),
		chromedp.Click(chromedp.CSS("#group-into-set")),
		chromedp.WaitVisible(chromedp.CSS("#proposal")),
	)
	wantText(t, lib, "#proposal", "第一卷", "第二卷", "第三卷", "第四卷")
	order, err := chromedp.Run(lib, chromedp.Evaluate[string](`[...document.querySelectorAll('#proposal input[name=rec]')].map(e => e.closest('li').querySelector('strong').textContent).join(',')`))
	if err != nil || order != "第一卷,第二卷,第三卷,第四卷" {
		t.Fatalf("proposal order %q, %v", order, err)
	}
	keep(t, lib, "set-group-desktop")
	if _, err := chromedp.Run(lib, chromedp.Evaluate[bool](`(document.querySelector('#set-title-input').value = '', true)`)); err != nil {
		t.Fatal(err)
	}
	do(t, lib, "try without a title",
		chromedp.Click(chromedp.CSS("#create-set")),
		chromedp.WaitVisible(chromedp.CSS(".field-error")),
	)
	wantText(t, lib, ".field-error", "题名不能为空")
	if sets, _ := s.a.Catalog.Sets(t.Context(), ""); len(sets) != 0 {
		t.Fatalf("a set without a title was made: %+v", sets)
	}
	do(t, lib, "name it and group",
		chromedp.SendKeys(chromedp.CSS("#set-title-input"), "习近平谈治国理政"),
		chromedp.Click(chromedp.CSS("#create-set")),
		chromedp.WaitVisible(chromedp.CSS("#set-volumes")),
	)
	wantText(t, lib, ".flash", "已保存《习近平谈治国理政》，共 4 卷")
	wantText(t, lib, "#set-volumes", "第一卷", "第四卷")
	keep(t, lib, "set-desktop")
	do(t, lib, "follow the second volume",
		chromedp.Click(chromedp.CSS(`.set-volume:nth-child(2) a`)),
		chromedp.WaitVisible(chromedp.CSS("#set-of-record")),
	)
	wantText(t, lib, "#set-of-record", "本书属于多卷书", "《习近平谈治国理政》", "第 2 卷（共 4 卷）")
	keep(t, lib, "set-record-desktop")
	do(t, lib, "the set list", chromedp.Navigate(s.url+"/catalog/sets"), chromedp.WaitVisible(chromedp.CSS("#sets")))
	wantText(t, lib, "#sets", "习近平谈治国理政", "多卷书", "4")
	keep(t, lib, "sets-desktop")
	do(t, lib, "the set page in English", chromedp.Navigate(s.url+"/catalog/sets/"+itoa(setID(t, s))+"?lang=en"), chromedp.WaitVisible(chromedp.CSS("#set-volumes")))
	wantText(t, lib, "#set-volumes", "Volumes in order", "On shelf")
	keep(t, lib, "set-desktop-en")
	do(t, lib, "the portal's set page in English", chromedp.Navigate(s.url+"/opac/sets/"+itoa(setID(t, s))), chromedp.WaitVisible(chromedp.CSS("#set-volumes")))
	keep(t, lib, "opac-set-desktop-en")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the set page on a phone", chromedp.Navigate(s.url+"/catalog/sets"), chromedp.WaitVisible(chromedp.CSS("#sets")),
		chromedp.Click(chromedp.CSS("#sets a")), chromedp.WaitVisible(chromedp.CSS("#set-volumes")))
	fitsScreen(t, phone, "set page")
	keep(t, phone, "set-phone")
	do(t, phone, "the set list on a phone", chromedp.Navigate(s.url+"/catalog/sets"), chromedp.WaitVisible(chromedp.CSS("#sets")))
	fitsScreen(t, phone, "set list")
	keep(t, phone, "sets-phone")
	do(t, phone, "a volume on a phone", chromedp.Navigate(s.url+"/catalog/records/"+itoa(vols[3].ID)), chromedp.WaitVisible(chromedp.CSS("#set-of-record")))
	fitsScreen(t, phone, "volume page")
	keep(t, phone, "set-record-phone")

	reader := person(t, browser)
	onPhone(t, reader)
	me := s.f.Readers[0]
	login(t, reader, s.url, me.Card)
	do(t, reader, "search the portal for the set",
		chromedp.Navigate(s.url+"/opac?q="+"习近平谈治国理政"),
		chromedp.WaitVisible(chromedp.CSS(".set-hit")),
	)
	if n, err := chromedp.Run(reader, chromedp.Evaluate[int](`document.querySelectorAll('.results > li').length`)); err != nil || n != 3 {
		shot(t, reader, "portal entries")
		t.Fatalf("the portal shows %d entries, %v; want the set, the namesake without a volume and the fixture's 《习近平谈治国理政（第四卷）》", n, err)
	}
	wantText(t, reader, ".set-hit", "习近平谈治国理政", "多卷书", "共 4 卷", "第一卷", "第四卷", "全部借出（共 8 册）")
	wantText(t, reader, "#grouped-volumes", "本页其中 4 种是多卷书或丛编的各卷，合为一条显示")
	fitsScreen(t, reader, "portal search with a set")
	keep(t, reader, "opac-search-set-phone")
	do(t, reader, "open the set",
		chromedp.Click(chromedp.CSS(".set-hit a.title")),
		chromedp.WaitVisible(chromedp.CSS("#hold-any-volume")),
	)
	wantText(t, reader, "#set-volumes", "第一卷", "第二卷", "第三卷", "第四卷")
	fitsScreen(t, reader, "portal set page")
	keep(t, reader, "opac-set-phone")
	do(t, reader, "hold any volume",
		chromedp.Click(chromedp.CSS("#hold-any-volume")),
		chromedp.WaitVisible(chromedp.CSS("#holds")),
	)
	wantText(t, reader, ".flash", "已预约《习近平谈治国理政》任一卷，排队第 1 位")
	wantText(t, reader, "#holds", "习近平谈治国理政", "任一卷")
	fitsScreen(t, reader, "my account with an any-volume hold")
	keep(t, reader, "my-any-volume-phone")
	do(t, reader, "the set page says it is held",
		chromedp.Navigate(s.url+"/opac/sets/"+itoa(setID(t, s))),
		chromedp.WaitVisible(chromedp.CSS("#no-hold-any")),
	)
	wantText(t, reader, "#no-hold-any", "您已预约《习近平谈治国理政》任一卷")

	// The desk takes back a copy of the third volume: it is kept for the
	// reader, whose account then names that volume.
	desk := person(t, browser)
	login(t, desk, s.url, "duty1")
	items, err := s.a.Catalog.Record(t.Context(), vols[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	do(t, desk, "return a copy of the third volume",
		chromedp.Navigate(s.url+"/desk?mode=return"),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
		chromedp.SendKeys(chromedp.CSS("#scan"), items.Items[0].Barcode+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines .slip")),
	)
	wantText(t, desk, "#lines .slip", "预约取书条", me.Name, "习近平谈治国理政．第三卷")
	keep(t, desk, "desk-any-volume-desktop")
	do(t, reader, "my account", chromedp.Navigate(s.url+"/my"), chromedp.WaitVisible(chromedp.CSS("#holds")))
	wantText(t, reader, "#holds", "习近平谈治国理政．第三卷", "任一卷")
	keep(t, reader, "my-any-volume-trapped-phone")
}

func setID(t *testing.T, s *site) int64 {
	t.Helper()
	sets, err := s.a.Catalog.Sets(t.Context(), "习近平谈治国理政")
	if err != nil || len(sets) != 1 {
		t.Fatalf("sets = %+v, %v", sets, err)
	}
	return sets[0].ID
}
