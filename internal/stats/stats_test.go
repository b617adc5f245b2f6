package stats_test

import (
	"testing"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/stats"
	"shuwu/internal/store"
	"shuwu/internal/testkit"
)

// A September of a small room, counted by hand. The kit's clock is
// Monday 2024-09-02 10:00 in Shanghai; every copy comes in that day.
//
//	红岩 (I247) 2 copies purchase ¥30 each   — lent to 甲 and 乙
//	习近平谈治国理政 (D2) 1 copy donation ¥80 — lent to the staff reader 丙
//	中国共产党简史 (K26) 2 copies, one withdrawn — read in the room by 甲; lent to 丙 in August
//	无人问津 (D26) 1 copy — never lent
//
// The class 一班 (甲, 乙) runs 2024-09-01 … 09-30 with a required-reading list
// of 红岩 and 无人问津.
type room struct {
	k        *testkit.Kit
	s        *stats.Service
	a, b, c  readers.Reader
	class    readers.Class
	hongyan  catalog.Record
	xi, dang catalog.Record
	never    catalog.Record
	items    map[string][]catalog.Item
}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, testkit.Shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

func build(t *testing.T) room {
	k := testkit.New(t)
	r := room{k: k, s: stats.NewService(k.DB.Stats(), testkit.Shanghai, k.Clock.Now), items: map[string][]catalog.Item{}}
	locs, err := k.Catalog.Locations(k.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	add := func(title, clc string, n int, src catalog.Source, price int64) catalog.Record {
		rec := k.Record(title, clc)
		its, err := k.Catalog.AddItems(k.Ctx, catalog.NewItems{RecordID: rec.ID, Count: n, LocationID: locs[0].ID, Source: src, PriceFen: price})
		if err != nil {
			t.Fatal(err)
		}
		r.items[title] = its
		return rec
	}
	r.hongyan = add("红岩", "I247", 2, catalog.SourcePurchase, 3000)
	r.xi = add("习近平谈治国理政", "D2", 1, catalog.SourceDonation, 8000)
	r.dang = add("中国共产党简史", "K26", 2, catalog.SourcePurchase, 2000)
	r.never = add("无人问津", "D26", 1, catalog.SourcePurchase, 1000)
	gone := catalog.StatusWithdrawn
	if _, err := k.Catalog.UpdateItem(k.Ctx, r.items["中国共产党简史"][1].Barcode, catalog.ItemChange{Status: &gone}); err != nil {
		t.Fatal(err)
	}
	r.class = k.Class("一班", "2024-09-01", "2024-09-30")
	r.a, r.b = k.Trainee("甲", r.class), k.Trainee("乙", r.class)
	r.c = k.Reader("丙")
	if _, err := k.Catalog.SaveReadingList(k.Ctx, catalog.ReadingList{Name: "必读", RecordIDs: []int64{r.hongyan.ID, r.never.ID}, ClassIDs: []int64{r.class.ID}}); err != nil {
		t.Fatal(err)
	}
	line := func(kind ledger.Kind, when string, rd readers.Reader, class bool, it *catalog.Item) {
		e := ledger.Entry{Kind: kind, At: at(when), ReaderID: rd.ID}
		if class {
			e.ClassID = r.class.ID
		}
		if it != nil {
			e.ItemID, e.RecordID = it.ID, it.RecordID
		}
		if err := k.DB.Update(k.Ctx, func(tx *store.Tx) error { return tx.AppendLedger(&e) }); err != nil {
			t.Fatal(err)
		}
	}
	h1, h2, xi, d1 := &r.items["红岩"][0], &r.items["红岩"][1], &r.items["习近平谈治国理政"][0], &r.items["中国共产党简史"][0]
	// September (Monday 2 … Monday 30).
	line(ledger.Visit, "2024-09-02 09:50", r.a, true, nil)
	line(ledger.Loan, "2024-09-02 10:05", r.a, true, h1)
	line(ledger.Loan, "2024-09-02 10:30", r.b, true, h2)
	line(ledger.Visit, "2024-09-03 15:00", r.c, false, nil)
	line(ledger.Visit, "2024-09-03 15:05", readers.Reader{}, false, nil) // a visitor without a card
	line(ledger.Loan, "2024-09-03 15:10", r.c, false, xi)
	line(ledger.InRoom, "2024-09-05 19:00", r.a, true, d1)
	line(ledger.Return, "2024-09-10 10:20", r.a, true, h1)
	line(ledger.Renew, "2024-09-12 16:00", r.b, true, h2)
	line(ledger.ActivitySignIn, "2024-09-20 14:00", r.b, true, nil)
	// The previous 30 days (2024-08-02 … 08-31).
	line(ledger.Visit, "2024-08-15 09:55", r.c, false, nil)
	line(ledger.Loan, "2024-08-15 10:00", r.c, false, d1)
	// After the range: not counted.
	line(ledger.Loan, "2024-10-05 10:00", r.a, true, xi)

	// Two activities in September, one cancelled is not counted.
	for _, d := range []activities.Draft{
		{Title: "读书分享会", Form: activities.FormSharing, Organiser: "校机关一支部", Date: "2024-09-04", From: "14:30", To: "16:00", SpaceID: 3, Capacity: 20, Audience: "open"},
		{Title: "专题讲座", Form: activities.FormLecture, Organiser: "校机关一支部", Date: "2024-09-11", From: "14:30", To: "16:00", SpaceID: 3, Capacity: 20, Audience: "open"},
		{Title: "主题党日", Form: activities.FormPartyDay, Organiser: "青年理论学习小组", Date: "2024-09-18", From: "14:30", To: "16:00", SpaceID: 3, Capacity: 20, Audience: "open"},
	} {
		if _, err := k.Activities.Create(k.Ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	k.Clock.Set(at("2024-09-30 18:00"))
	rs := receptions.NewService(k.DB.Receptions(), testkit.Shanghai, k.Clock.Now)
	for _, rc := range []receptions.Reception{
		{Date: "2024-09-09", Level: receptions.Prefecture, Guests: []receptions.Guest{{Name: "张明", Title: "州委常委"}, {Name: "刘芳", Title: "副部长"}}},
		{Date: "2024-08-20", Level: receptions.Peer, Guests: []receptions.Guest{{Name: "周琳", Title: "副校长"}}},
	} {
		if _, err := rs.Create(k.Ctx, rc); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func count(cs []stats.Count, key string) stats.Count {
	for _, c := range cs {
		if c.Key == key || c.Name == key {
			return c
		}
	}
	return stats.Count{}
}

func TestEveryDashboardFigureMatchesTheHandCount(t *testing.T) {
	r := build(t)
	rg, err := r.s.ParseRange("2024-09-01", "2024-09-30")
	if err != nil {
		t.Fatal(err)
	}
	if p := rg.Previous(); p.From != "2024-08-02" || p.To != "2024-08-31" {
		t.Fatalf("previous period %+v; want 2024-08-02 … 08-31", p)
	}
	d, err := r.s.Dashboard(r.k.Ctx, rg)
	if err != nil {
		t.Fatal(err)
	}

	// Collection: 5 copies held (the withdrawn one not), of 4 titles, worth
	// 30+30+80+20+10 = ¥170; 6 came in during September, none before.
	c := d.Collection
	if c.Copies != 5 || c.Titles != 4 || c.ValueFen != 17000 {
		t.Errorf("held %d copies of %d titles worth %d fen; want 5, 4, 17000", c.Copies, c.Titles, c.ValueFen)
	}
	if c.Added != (stats.Figure{N: 6, Prev: 0}) || c.AddedTitles.N != 4 || c.AddedValue.N != 19000 {
		t.Errorf("added %+v titles %+v value %+v; want 6 (0 before) of 4 titles, 19000 fen", c.Added, c.AddedTitles, c.AddedValue)
	}
	if x := count(c.ByCLC, "D"); x.N != 2 || x.M != 2 || x.Name != "D 政治、法律" {
		t.Errorf("class D %+v; want 2 copies of 2 titles named D 政治、法律", x)
	}
	if x, y := count(c.ByCLC, "I"), count(c.ByCLC, "K"); x.N != 2 || y.N != 1 {
		t.Errorf("class I %+v, K %+v; want 2 and 1", x, y)
	}
	if x, y := count(c.BySource, "donation"), count(c.BySource, "purchase"); x.N != 1 || y.N != 4 || y.V != 9000 || x.Name != "个人捐赠" {
		t.Errorf("by source donation %+v purchase %+v; want 1 and 4 (¥90)", x, y)
	}
	if len(c.Growth) != 1 || c.Growth[0].Key != "2024-09" || c.Growth[0].N != 6 || c.Growth[0].M != 5 {
		t.Errorf("growth %+v; want 2024-09: 6 added, 5 held at its end", c.Growth)
	}

	// Use.
	u := d.Use
	want := map[string][2]stats.Figure{
		"loans": {u.Loans, {N: 3, Prev: 1}}, "returns": {u.Returns, {N: 1}}, "renewals": {u.Renewals, {N: 1}},
		"in room": {u.InRoom, {N: 1}}, "visits": {u.Visits, {N: 3, Prev: 1}}, "served": {u.Served, {N: 3, Prev: 1}},
		"borrowers": {u.Borrowers, {N: 3, Prev: 1}},
	}
	for name, f := range want {
		if f[0] != f[1] {
			t.Errorf("%s %+v; want %+v", name, f[0], f[1])
		}
	}
	if pct, ok := u.Loans.Change(); !ok || pct != 200 {
		t.Errorf("loans change %d%% %v; want +200%%", pct, ok)
	}
	if len(u.Months) != 1 || u.Months[0] != (stats.Period{Label: "2024-09", Loans: 3, Returns: 1, Renewals: 1, InRoom: 1, Visits: 3, Served: 3}) {
		t.Errorf("months %+v", u.Months)
	}
	if len(u.Years) != 1 || u.Years[0].Label != "2024" || u.Years[0].Loans != 3 || u.Years[0].Served != 3 {
		t.Errorf("years %+v", u.Years)
	}
	if len(u.Days) != 30 || u.Days[1].Label != "2024-09-02" || u.Days[1].Loans != 2 || u.Days[1].Visits != 1 || u.Days[1].Served != 2 || u.Days[2].Served != 1 || u.Days[0].Served != 0 {
		t.Errorf("days: %d, 09-02 %+v, 09-03 %+v", len(u.Days), u.Days[1], u.Days[2])
	}
	// Readers served on a day: 09-02 甲乙, 09-03 丙, 09-05 甲, 09-10 甲, 09-12 乙, 09-20 乙 = 7 over 6 days.
	if u.ServedPerDay != 1.1 {
		t.Errorf("served per day %v; want 1.1 (7 over 6 days)", u.ServedPerDay)
	}
	if x := count(u.ByClass, "一班"); x.N != 2 || x.M != 2 || len(u.ByClass) != 1 {
		t.Errorf("by class %+v; want 一班 2 loans by 2 readers", u.ByClass)
	}
	if x, y := count(u.ByReaderType, readers.TypeTrainee), count(u.ByReaderType, "学员"); x.N+y.N != 2 {
		t.Errorf("by reader type %+v; want trainees 2 loans, staff 1", u.ByReaderType)
	}
	if x := count(u.ByReaderType, "教职工"); x.N != 1 {
		t.Errorf("by reader type %+v; want 教职工 1", u.ByReaderType)
	}
	// Heat: Monday 9h visit, 10h two loans; Tuesday 10h return, 15h visit +
	// visitor + loan; Thursday 16h renewal, 19h in-room.
	heat := map[[2]int]int64{{1, 9}: 1, {1, 10}: 2, {2, 10}: 1, {2, 15}: 3, {4, 16}: 1, {4, 19}: 1}
	var total int64
	for wd := range 7 {
		for h := range 24 {
			total += u.Heat[wd][h]
			if u.Heat[wd][h] != heat[[2]int{wd, h}] {
				t.Errorf("heat weekday %d hour %d = %d; want %d", wd, h, u.Heat[wd][h], heat[[2]int{wd, h}])
			}
		}
	}
	if total != 9 || u.HeatMax() != 3 {
		t.Errorf("heat total %d max %d; want 9, 3", total, u.HeatMax())
	}
	if len(u.TopBooks) != 2 || u.TopBooks[0].Name != "红岩" || u.TopBooks[0].N != 2 || u.TopBooks[1].Rank != 2 || u.TopBooks[1].Name != "习近平谈治国理政" {
		t.Errorf("top books %+v; want 红岩 2, then 习近平谈治国理政 1", u.TopBooks)
	}
	if u.ShowReaders || len(u.TopReaders) != 0 {
		t.Errorf("top readers shown %v %+v before the library turned them on", u.ShowReaders, u.TopReaders)
	}
	if u.NeverLent != 1 || len(u.NeverLentList) != 1 || u.NeverLentList[0].Title != "无人问津" {
		t.Errorf("never lent %d %+v; want 无人问津 alone", u.NeverLent, u.NeverLentList)
	}

	// Classes.
	if len(d.Classes) != 1 {
		t.Fatalf("classes %+v; want 一班", d.Classes)
	}
	cl := d.Classes[0]
	if cl.Members != 2 || cl.Borrowers != 2 || cl.Loans != 2 || cl.InRoom != 1 || cl.Visits != 1 || cl.Attendance != 1 || cl.LoansPerTrainee() != 1 || cl.BorrowerPercent() != 100 {
		t.Errorf("class %+v", cl)
	}
	if cl.ListBooks != 4 || cl.ListDone != 2 || cl.ReadingPercent() != 50 {
		t.Errorf("required reading %d of %d (%v%%); want 2 of 4, 50%%", cl.ListDone, cl.ListBooks, cl.ReadingPercent())
	}

	// Events and room.
	e := d.Events
	if e.Activities != (stats.Figure{N: 3}) || len(e.ByForm) != 3 || count(e.ByForm, "sharing").Name != "读书分享会" {
		t.Errorf("activities %+v by form %+v; want 3, one each of three forms", e.Activities, e.ByForm)
	}
	if x := count(e.ByOrganiser, "校机关一支部"); x.N != 2 || e.ByOrganiser[0].Key != "校机关一支部" {
		t.Errorf("by organiser %+v; want 校机关一支部 first with 2", e.ByOrganiser)
	}
	if e.Receptions != (stats.Figure{N: 1, Prev: 1}) || e.Guests != (stats.Figure{N: 2, Prev: 1}) || count(e.ByLevel, "prefecture").M != 2 {
		t.Errorf("receptions %+v guests %+v by level %+v", e.Receptions, e.Guests, e.ByLevel)
	}

	// Acquisitions: 2024's default target of 500, 6 copies so far.
	a := d.Acquisitions
	if a.Added.N != 6 || a.Titles.N != 4 || a.SpendingFen != 11000 || a.Year != 2024 || a.Target != 500 || a.TargetSet || a.YearCopies != 6 || a.Percent() != 1 {
		t.Errorf("acquisitions %+v", a)
	}
	if x := count(a.BySource, "purchase"); x.N != 5 || x.M != 3 {
		t.Errorf("purchase %+v; want 5 copies of 3 titles", x)
	}
}

func TestTopReadersAreShownOnlyWhenTheLibraryTurnsThemOn(t *testing.T) {
	r := build(t)
	rg, _ := r.s.ParseRange("2024-09-01", "2024-09-30")
	if err := r.s.SetShowReaders(r.k.Ctx, true); err != nil {
		t.Fatal(err)
	}
	u, err := r.s.Use(r.k.Ctx, rg)
	if err != nil {
		t.Fatal(err)
	}
	if !u.ShowReaders || len(u.TopReaders) != 3 || u.TopReaders[0].Rank != 1 || u.TopReaders[2].Rank != 1 {
		t.Fatalf("top readers %+v; want 甲, 乙, 丙 all first with one loan", u.TopReaders)
	}
	if x := u.TopReaders[0]; x.Extra != "一班" || x.Key != r.a.Card {
		t.Errorf("first reader %+v; want 甲 of 一班 by card", x)
	}
}

func TestARangeIsCheckedAsTyped(t *testing.T) {
	r := build(t)
	for _, c := range []struct{ from, to, code string }{
		{"2024-13-01", "", string(stats.CodeStatsDateInvalid)},
		{"2024-09-10", "2024-09-01", string(stats.CodeStatsRangeBackwards)},
		{"2000-01-01", "2024-09-01", string(stats.CodeStatsRangeTooLong)},
	} {
		_, err := r.s.ParseRange(c.from, c.to)
		if err == nil || string(errCode(err)) != c.code {
			t.Errorf("%s … %s: %v; want %s", c.from, c.to, err, c.code)
		}
	}
	rg, err := r.s.ParseRange("", "")
	if err != nil || rg.From != "2024-01-01" || rg.To != "2024-09-30" {
		t.Errorf("empty range %+v %v; want this year to today", rg, err)
	}
}

func errCode(err error) string { return string(errs.As(err).Code) }

func TestTheStandardReportsListWhatTheHandCountSays(t *testing.T) {
	r := build(t)
	rg, _ := r.s.ParseRange("2024-09-01", "2024-09-30")
	books, err := r.s.NewBooks(r.k.Ctx, rg)
	if err != nil || len(books) != 4 {
		t.Fatalf("new books %+v %v; want the 4 titles that came in", books, err)
	}
	for _, b := range books {
		if b.Title == "中国共产党简史" && b.Copies != 1 {
			t.Errorf("中国共产党简史 %d copies on the list; the withdrawn one is not new on the shelf", b.Copies)
		}
	}
	k, err := r.s.Ranking(r.k.Ctx, rg, 50)
	if err != nil || k.Loans != 3 || len(k.Books) != 2 || k.Books[0].Name != "红岩" || k.Books[0].N != 2 || len(k.Readers) != 0 {
		t.Fatalf("ranking %+v %v", k, err)
	}
	never, n, err := r.s.NeverLentBooks(r.k.Ctx)
	if err != nil || n != 1 || len(never) != 1 || never[0].Title != "无人问津" {
		t.Fatalf("never lent %+v %d %v", never, n, err)
	}
	gifts, err := r.s.Donations(r.k.Ctx, rg)
	if err != nil || len(gifts) != 1 || gifts[0].Copies != 1 || gifts[0].ValueFen != 8000 {
		t.Fatalf("donations %+v %v; want the one donated copy", gifts, err)
	}
	rep, err := r.s.ClassReport(r.k.Ctx, r.class.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Class.Name != "一班" || rep.ListTitles != 2 || len(rep.Readers) != 2 || rep.Class.Loans != 2 || rep.Class.ListDone != 2 || rep.Class.Borrowers != 2 {
		t.Fatalf("class report %+v", rep.Class)
	}
	var jia stats.ClassReader
	for _, m := range rep.Readers {
		if m.Name == "甲" {
			jia = m
		}
	}
	if jia.Name != "甲" || jia.Loans != 1 || jia.InRoom != 1 || jia.Visits != 1 || jia.ListDone != 1 || len(jia.Titles) != 1 || jia.Titles[0] != "红岩" {
		t.Errorf("甲 %+v; want 1 loan (红岩), 1 in the room, 1 visit, 1 of 2 required", jia)
	}
	if _, err := r.s.ClassReport(r.k.Ctx, 9999); errCode(err) != "CLASS_NOT_FOUND" {
		t.Errorf("no such class: %v", err)
	}
}

func TestTheMonthBeforeIsTheCalendarMonth(t *testing.T) {
	for from, want := range map[string]string{"2026-03-01": "2026-02-01 2026-02-28", "2026-01-15": "2025-12-01 2025-12-31", "2024-03-31": "2024-02-01 2024-02-29"} {
		m := stats.MonthBefore(stats.Range{From: from, To: from})
		if got := m.From + " " + m.To; got != want {
			t.Errorf("month before %s: %s; want %s", from, got, want)
		}
	}
}
