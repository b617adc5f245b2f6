package demo

import (
	"context"
	"errors"
	"reflect"
	"shuwu/internal/activities"
	"shuwu/internal/annualreport"
	"shuwu/internal/assets"
	"shuwu/internal/audit"
	"strings"
	"testing"
	"time"

	"shuwu/internal/acquisitions"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/displays"
	"shuwu/internal/donations"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/periodicals"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/room"
	"shuwu/internal/stats"
	"shuwu/internal/store"
	"shuwu/internal/testkit"
)

var cst = time.FixedZone("CST", 8*3600)

// testNow is a Wednesday in term time.
var testNow = time.Date(2025, 11, 19, 10, 30, 0, 0, cst)

func openDB(tb testing.TB) *store.DB {
	tb.Helper()
	return testkit.OpenDB(tb)
}

// TestLoad runs one full load and checks what a user of the demo notices.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the full demo load takes tens of seconds")
	}
	ctx := context.Background()
	db := openDB(t)
	sum, err := Load(ctx, db, Options{Seed: 2022, Now: testNow, TZ: cst})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %s: %+v", sum.Elapsed.Round(time.Millisecond), sum)
	today := testNow.Format(time.DateOnly)
	cat := catalog.NewService(db.Catalog(), cst, func() time.Time { return testNow })
	rdr := readers.NewService(db.Readers(), cst, func() time.Time { return testNow })
	circ := circulation.NewService(db.Circulation(), cst, func() time.Time { return testNow }, nil)

	t.Run("the room's equipment: 10 shelf groups, 4 tables, 40 chairs beside the collection", func(t *testing.T) {
		l, err := assets.NewService(db.Assets(), cst, func() time.Time { return testNow }).Ledger(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if l.Equipment.Lines != 13 || l.Retired.Lines != 1 || l.ByCategory[0].Quantity != 12 || l.ByCategory[1].Quantity != 46 {
			t.Fatalf("equipment %+v by category %+v; want 13 lines held (10 shelf groups and 2 racks, 4 tables, 40 chairs, 2 sofas) and a retired one", l.Equipment, l.ByCategory)
		}
		if l.Copies < 50000 || l.Copies > int64(sum.Items) || l.TotalFen < 200000_00 {
			t.Fatalf("ledger %+v; want the collection's 50,000+ copies and over 200,000 yuan in all", l)
		}
	})

	t.Run("seven prefecture leaders visited and a year of daily entries", func(t *testing.T) {
		rs := receptions.NewService(db.Receptions(), cst, func() time.Time { return testNow })
		ys, err := rs.Years(ctx)
		if err != nil {
			t.Fatal(err)
		}
		leaders, all := 0, 0
		for _, y := range ys {
			c, err := rs.Year(ctx, y)
			if err != nil {
				t.Fatal(err)
			}
			leaders += c.Of(receptions.Prefecture).Receptions
			all += c.Receptions
		}
		if leaders != 7 || all != sum.Receptions || all < 8 {
			t.Fatalf("%d prefecture leaders' visits of %d (summary %d); want the article's 7 and the sister schools'", leaders, all, sum.Receptions)
		}
		this, _ := rs.Year(ctx, testNow.Year())
		if this.Receptions == 0 {
			t.Fatal("no visit recorded this year")
		}
		es, err := circ.Ledger(ctx, ledger.Filter{From: testNow.AddDate(0, 0, -visitDays), Kinds: []ledger.Kind{ledger.Visit}, Limit: ledger.MaxList})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) < ledger.MaxList || sum.Visits < 4000 {
			t.Fatalf("%d entries in the last year (summary %d); want thousands", len(es), sum.Visits)
		}
		if old, _ := circ.Ledger(ctx, ledger.Filter{To: testNow.AddDate(0, 0, -visitDays-1), Kinds: []ledger.Kind{ledger.Visit}, Limit: 1}); len(old) != 0 {
			t.Fatalf("entries registered before the last year: %+v", old[0])
		}
		withClass := 0
		for _, e := range es {
			if e.ClassID != 0 {
				withClass++
			}
			if e.At.After(testNow) {
				t.Fatalf("an entry after now: %+v", e)
			}
		}
		if withClass == 0 {
			t.Fatal("no entry is counted for a class")
		}
	})

	t.Run("a themed display is on and last month's new books were taken down", func(t *testing.T) {
		ds := displays.NewService(db.Displays(), cst, func() time.Time { return testNow })
		cur, err := ds.Current(ctx)
		if err != nil || len(cur) != 1 || cur[0].Title != "党的二十大读物专题书展" || cur[0].Copies < 20 {
			t.Fatalf("displays on now: %+v %v; want the 20th Party Congress display with its copies", cur, err)
		}
		all, _ := ds.All(ctx)
		if len(all) != 2 || all[1].Copies != 0 || all[1].Ends >= today {
			t.Fatalf("all displays: %+v; want last month's new books over and taken down", all)
		}
		past, _ := ds.Copies(ctx, all[1].ID, true)
		if len(past) < 10 {
			t.Fatalf("the new books display held %d copies", len(past))
		}
	})

	t.Run("the room's bookings follow the article", func(t *testing.T) {
		rm := room.NewService(db.Room(), cst, func() time.Time { return testNow })
		bs, err := rm.Bookings(ctx, room.Filter{From: time.Date(2022, 8, 1, 0, 0, 0, 0, cst)})
		if err != nil {
			t.Fatal(err)
		}
		if len(bs) < 40 || len(bs) != sum.Bookings {
			t.Fatalf("%d bookings (summary %d); want at least 40, as many as the summary says", len(bs), sum.Bookings)
		}
		found := map[string]room.Booking{}
		var pending, future int
		for _, b := range bs {
			switch {
			case strings.Contains(b.Purpose, "《习近平谈治国理政》（第四卷）"), strings.Contains(b.Purpose, "清廉湘西"):
				found[b.Purpose] = b
			}
			if b.Status == room.Pending {
				pending++
				if !b.Start.After(testNow) {
					t.Errorf("booking %d of %s is still pending after it took place", b.ID, b.Start)
				}
			}
			if b.Start.After(testNow) {
				future++
			}
		}
		if len(found) != 2 {
			t.Fatalf("named events %v; want the 科干班 reading-sharing and the 县干班 Party day", found)
		}
		for _, b := range found {
			if !b.WholeRoom || b.Status != room.Approved || b.Start.Year() != 2022 || !strings.HasPrefix(b.Organiser, "2022年秋季") {
				t.Errorf("named event %+v; want an approved whole-room booking of autumn 2022", b)
			}
		}
		if future == 0 {
			t.Error("no bookings to come: the schedule and the portal would show nothing")
		}
		evs, err := circ.Ledger(ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.BookingMade}, Limit: 1000})
		if err != nil || len(evs) != len(bs) {
			t.Errorf("%d booking lines in the ledger (%v); want %d", len(evs), err, len(bs))
		}
		t.Logf("%d bookings, %d still to come, %d pending", len(bs), future, pending)
	})

	t.Run("the article's 28 activities were held, with sign-ins in the ledger", func(t *testing.T) {
		acts := activities.NewService(db.Activities(), cst, func() time.Time { return testNow })
		all, err := acts.List(ctx, activities.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != sum.Activities {
			t.Fatalf("%d activities, summary says %d", len(all), sum.Activities)
		}
		var article, future int
		forms, organisers := map[activities.Form]int{}, map[string]int{}
		named := map[string]activities.Activity{}
		for _, a := range all {
			if a.Start.Before(time.Date(2023, 7, 1, 0, 0, 0, 0, cst)) {
				article++
				forms[a.Form]++
				organisers[a.Organiser]++
			}
			if a.Start.After(testNow) {
				future++
			}
			if strings.Contains(a.Title, "《习近平谈治国理政》（第四卷）") || strings.Contains(a.Title, "清廉湘西") {
				named[a.Title] = a
			}
		}
		if article != 28 {
			t.Errorf("%d activities from the opening to the article; want 28", article)
		}
		for _, f := range []activities.Form{activities.FormClass, activities.FormActivity, activities.FormTraining, activities.FormSharing, activities.FormPartyDay} {
			if forms[f] == 0 {
				t.Errorf("no %s among the article's activities: %v", f.Label("zh"), forms)
			}
		}
		for _, o := range []string{"校机关一支部", "机关二支部", "校机关党委", "州委党校青年理论学习小组"} {
			if organisers[o] == 0 {
				t.Errorf("no activity of %s: %v", o, organisers)
			}
		}
		if len(named) != 2 {
			t.Fatalf("named activities %v; want the 科干班 reading-sharing and the 县干班 Party day", named)
		}
		for _, a := range named {
			att, err := acts.Attendance(audit.WithActor(ctx, audit.System), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if a.BookingID == 0 || a.Audience != activities.OneClass || a.ClassName == "" || att.Attended < 20 || a.Summary == "" {
				t.Errorf("named activity %q: booking %d, audience %s %q, %d signed in, summary %q", a.Title, a.BookingID, a.Audience, a.ClassName, att.Attended, a.Summary)
			}
		}
		if named["喜迎党的二十大——学习《习近平谈治国理政》（第四卷）读原著诵经典读书分享活动"].Form != activities.FormSharing {
			t.Error("the 科干班's reading-sharing is not a 读书分享会")
		}
		if future == 0 {
			t.Error("no activity to come: the portal and the calendar would show nothing")
		}
		lines, err := circ.Ledger(ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.ActivitySignIn}, Limit: 1000})
		if err != nil || len(lines) < 28*10 {
			t.Fatalf("%d sign-in lines (%v); want hundreds", len(lines), err)
		}
		classed := 0
		for _, l := range lines {
			if l.ReaderID == 0 || l.RefID == 0 {
				t.Fatalf("sign-in line %+v without reader or activity", l)
			}
			if l.ClassID != 0 {
				classed++
			}
		}
		if classed == 0 {
			t.Error("no sign-in line is tied to a class")
		}
		t.Logf("%d activities (%d in the article's year, %d to come), %d sign-in lines; forms %v", len(all), article, future, len(lines), forms)
	})

	t.Run("the annual report of the article's period has the article's figures", func(t *testing.T) {
		st := stats.NewService(db.Stats(), cst, func() time.Time { return testNow })
		svc := annualreport.NewService(st, db.AnnualReports(), func(context.Context) (string, error) { return "州委党校党建书屋", nil }, cst, nil)
		rep, err := svc.Report(ctx, stats.Range{From: "2022-01-01", To: "2023-06-30"})
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, sec := range rep.Sections {
			text.WriteString(sec.Text)
		}
		for _, want := range []string{"州委党校党建书屋", "举办各类主题活动 28 场次", "州级领导 7 名"} {
			if !strings.Contains(text.String(), want) {
				t.Errorf("the report lacks %q:\n%s", want, text.String())
			}
		}
		whole, err := svc.Report(ctx, stats.Range{From: "2025-01-01", To: today})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(whole.Sections[1].Text, "现有藏书 ") || !strings.Contains(whole.Sections[1].Text, "新增藏书目标 500 册") {
			t.Errorf("this year's collection section: %s", whole.Sections[1].Text)
		}
	})

	t.Run("the collection has the article's size", func(t *testing.T) {
		c, err := db.Counts(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		if c.Records < 15000 || c.Items < 50000 {
			t.Errorf("records %d, items %d; want at least 15,000 and 50,000", c.Records, c.Items)
		}
	})

	t.Run("there are 11 main classes and 16 others", func(t *testing.T) {
		classes, err := rdr.Classes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		main, other := 0, 0
		names := map[string]bool{}
		for _, c := range classes {
			names[c.Name] = true
			if c.Kind == "主体班" {
				main++
			} else {
				other++
			}
		}
		if main != 11 || other != 16 {
			t.Errorf("%d main and %d other classes, want 11 and 16", main, other)
		}
		for _, n := range []string{"2022年秋季科干班", "2022年秋季县干班", "2022年领导干部学习贯彻党的二十大精神研讨班"} {
			if !names[n] {
				t.Errorf("no class %s", n)
			}
		}
	})

	t.Run("some 2,100 trainees and 60 staff are readers", func(t *testing.T) {
		types, _ := rdr.Types(ctx)
		for _, ty := range types {
			_, n, err := rdr.List(ctx, readers.Filter{TypeID: ty.ID, Size: 1})
			if err != nil {
				t.Fatal(err)
			}
			switch ty.Code {
			case readers.TypeTrainee:
				if n < 2000 || n > 2300 {
					t.Errorf("%d trainees, want about 2,100", n)
				}
			case readers.TypeStaff:
				if n < 50 || n > 70 {
					t.Errorf("%d staff, want about 60", n)
				}
			}
		}
	})

	t.Run("the multi-volume classics are sets in volume order", func(t *testing.T) {
		for _, title := range []string{"毛泽东选集", "习近平谈治国理政"} {
			sets, err := cat.Sets(ctx, title)
			if err != nil || len(sets) != 1 || sets[0].Title != title {
				t.Fatalf("sets titled %s = %+v, %v", title, sets, err)
			}
			d, err := cat.Set(ctx, sets[0].ID)
			if err != nil || len(d.Volumes) != 4 {
				t.Fatalf("%s has %d volumes, %v; want 4", title, len(d.Volumes), err)
			}
			for i, want := range []string{"第一卷", "第二卷", "第三卷", "第四卷"} {
				if got := d.Volumes[i].Record.Volume(); got != want {
					t.Errorf("%s volume %d is %q, want %q", title, i+1, got, want)
				}
			}
		}
	})

	t.Run("the classics are on the shelves", func(t *testing.T) {
		for title, records := range map[string]int{"共产党宣言": 1, "习近平谈治国理政": 4} {
			recs, _, err := cat.Records(ctx, catalog.RecordFilter{Query: title, Page: catalog.Page{Size: 200}})
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, r := range recs {
				if r.Title != title {
					continue
				}
				d, err := cat.Record(ctx, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(d.Items) < 10 {
					t.Errorf("《%s》%s has %d copies", title, r.Volume(), len(d.Items))
				}
				found++
			}
			if found != records {
				t.Errorf("%d records of 《%s》, want %d", found, title, records)
			}
		}
	})

	t.Run("copies come from all four sources, in every location", func(t *testing.T) {
		sources := map[catalog.Source]int{}
		locations := map[int64]int{}
		anonymousGifts := 0
		err := cat.EachRecord(ctx, func(d catalog.RecordDetail) error {
			for _, it := range d.Items {
				sources[it.Source]++
				locations[it.LocationID]++
				if it.Source == catalog.SourceDonation && it.Donor == "" {
					anonymousGifts++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range catalog.Sources() {
			if sources[s] == 0 {
				t.Errorf("no copies from source %s", s)
			}
		}
		if anonymousGifts > 0 {
			t.Errorf("%d donated copies have no donor", anonymousGifts)
		}
		locs, _ := cat.Locations(ctx)
		for _, l := range locs {
			if locations[l.ID] == 0 {
				t.Errorf("no copies at %s", l.Name)
			}
		}
	})

	t.Run("gifts and transfers are in batches, every donor in the register", func(t *testing.T) {
		don := donations.NewService(db.Donations(), cat, cst, func() time.Time { return testNow })
		ds, err := don.Donors(ctx, donations.DonorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) < 100 {
			t.Fatalf("%d donors in the register, want the demo's hundreds", len(ds))
		}
		inst := 0
		for _, d := range ds {
			if d.Kind == donations.DonorInstitution {
				inst++
			}
		}
		if inst != len(supporters) {
			t.Errorf("%d institutions, want the %d supporters", inst, len(supporters))
		}
		bs, err := don.Batches(ctx, donations.BatchFilter{Kind: donations.BatchTransfer})
		if err != nil || len(bs) == 0 || bs[len(bs)-1].FromName != mainLibrary || bs[len(bs)-1].Copies < 5000 {
			t.Fatalf("transfers %+v: %v", bs, err)
		}
		honour, err := don.HonourList(ctx)
		if err != nil || len(honour) < len(supporters) || len(honour) >= len(ds) {
			t.Fatalf("honour list of %d of %d donors: %v", len(honour), len(ds), err)
		}
		var unbatched int
		err = db.View(ctx, func(tx *store.Tx) error {
			for _, src := range []catalog.Source{catalog.SourceTransfer, catalog.SourceDonation, catalog.SourceInstitution} {
				cs, err := tx.UnbatchedCopies(src)
				unbatched += len(cs)
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || unbatched != 0 {
			t.Fatalf("%d given or transferred copies in no batch: %v", unbatched, err)
		}
	})

	t.Run("this year's 500-volume target is set and nearly met", func(t *testing.T) {
		acq := acquisitions.NewService(db.Acquisitions(), cst, func() time.Time { return testNow })
		p, err := acq.Progress(ctx, testNow.Year())
		if err != nil {
			t.Fatal(err)
		}
		if !p.Target.Set || p.Target.Volumes != 500 || len(p.Target.Categories) != 8 {
			t.Fatalf("target %+v", p.Target)
		}
		// New volumes come in monthly batches, some 550 a year: by
		// November most of the year's target is in.
		if p.Copies < 350 || p.Copies > 700 {
			t.Errorf("%d new copies by %s, want most of 500", p.Copies, testNow.Format(time.DateOnly))
		}
		for _, sc := range p.Sources {
			if sc.Source != catalog.SourceTransfer && sc.Copies == 0 {
				t.Errorf("no new copies from %s", sc.Source)
			}
		}
	})

	t.Run("orders: three suppliers, this year's funds, one order received, one partly and late, a draft", func(t *testing.T) {
		acq := acquisitions.NewService(db.Acquisitions(), cst, func() time.Time { return testNow }).WithCatalog(cat)
		sups, _ := acq.Suppliers(ctx)
		funds, _ := acq.Funds(ctx, testNow.Year())
		if len(sups) != 3 || len(funds) != 2 {
			t.Fatalf("%d suppliers, %d funds", len(sups), len(funds))
		}
		byStatus := map[acquisitions.Status]int{}
		os, _ := acq.Orders(ctx, acquisitions.OrderFilter{})
		for _, o := range os {
			byStatus[o.Status]++
		}
		if byStatus[acquisitions.StatusReceived] != 1 || byStatus[acquisitions.StatusPartly] != 1 || byStatus[acquisitions.StatusDraft] != 1 {
			t.Errorf("orders by status %v", byStatus)
		}
		var spent int64
		for _, f := range funds {
			spent += f.SpentFen
			if f.RemainingFen() <= 0 {
				t.Errorf("fund %+v overdrawn", f)
			}
		}
		if spent == 0 {
			t.Error("nothing spent")
		}
		if late, _ := acq.LateLines(ctx, 0); len(late) != 2 {
			t.Errorf("%d late lines, want 2", len(late))
		}
		sgs, _ := acq.Suggestions(ctx, acquisitions.SuggestionFilter{})
		by := map[acquisitions.SuggestionStatus]int{}
		for _, sg := range sgs {
			by[sg.Status]++
		}
		if by[acquisitions.SuggestionAccepted] != 1 || by[acquisitions.SuggestionRejected] != 1 || by[acquisitions.SuggestionPending] != 3 {
			t.Errorf("suggestions by status %v", by)
		}
	})

	t.Run("the reading room takes the Party's journals and papers, two issues late", func(t *testing.T) {
		per := periodicals.NewService(db.Periodicals(), cat, cst, func() time.Time { return testNow })
		subs, err := per.Subscriptions(ctx, testNow.Year())
		if err != nil || len(subs) != len(demoTitles) {
			t.Fatalf("%d subscriptions: %v", len(subs), err)
		}
		titles := map[string]bool{}
		for _, s := range subs {
			titles[s.Title] = true
			if s.Latest == nil || s.Received == 0 {
				t.Errorf("《%s》 has nothing in", s.Title)
			}
		}
		for _, want := range []string{"求是", "党建", "人民日报", "中国纪检监察"} {
			if !titles[want] {
				t.Errorf("no subscription to 《%s》", want)
			}
		}
		late, err := per.LateIssues(ctx)
		if err != nil || len(late) != 2 {
			t.Fatalf("late issues %+v: %v", late, err)
		}
		last, err := per.Subscriptions(ctx, testNow.Year()-1)
		if err != nil {
			t.Fatal(err)
		}
		bound := 0
		for _, s := range last {
			_, issues, err := per.Issues(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if issues[0].BoundItemID != 0 {
				bound++
			}
		}
		if bound != 2 {
			t.Errorf("%d of last year's titles bound, want 《求是》 and 《党建》", bound)
		}
	})

	t.Run("the seven required-reading lists exist, classics first", func(t *testing.T) {
		lists, err := cat.ReadingLists(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		assigned := 0
		for _, l := range lists {
			names = append(names, l.Name)
			if len(l.RecordIDs) < 5 {
				t.Errorf("list %s has %d records", l.Name, len(l.RecordIDs))
			}
			if len(l.ClassIDs) > 0 {
				assigned++
			}
		}
		want := []string{"马列原著", "党史国史", "党规党章", "习近平新时代中国特色社会主义思想", "党的二十大读物", "理论教育", "党性教育"}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("lists %v, want %v", names, want)
		}
		if assigned < 5 {
			t.Errorf("only %d lists are assigned to classes", assigned)
		}
		_, recs, err := cat.ReadingList(ctx, lists[0].ID)
		if err != nil || len(recs) == 0 || recs[0].Title != "共产党宣言" {
			t.Errorf("马列原著 does not start with 《共产党宣言》: %v", err)
		}
	})

	t.Run("no loan is due on a closed day", func(t *testing.T) {
		closed := map[string]bool{}
		for _, e := range holidays(testNow.Year()) {
			closed[e.date] = true
		}
		var before int64
		n := 0
		for {
			evs, err := circ.Ledger(ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.Loan, ledger.Renew}, Limit: 1000, BeforeID: before})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) == 0 {
				break
			}
			for _, e := range evs {
				d, err := time.Parse(time.DateOnly, e.DueDate)
				if err != nil {
					t.Fatalf("event %d: due date %q", e.ID, e.DueDate)
				}
				if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || closed[e.DueDate] {
					t.Errorf("event %d is due on %s, a closed day", e.ID, e.DueDate)
				}
				n++
			}
			before = evs[len(evs)-1].ID
		}
		if n < 5000 {
			t.Errorf("%d loans and renewals in the history, want thousands", n)
		}
	})

	t.Run("today there are loans out, a few overdue, and holds waiting", func(t *testing.T) {
		c, err := db.Counts(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		if c.ActiveLoans < 50 {
			t.Errorf("%d active loans", c.ActiveLoans)
		}
		if c.Overdue == 0 || c.Overdue > c.ActiveLoans/3 {
			t.Errorf("%d of %d loans overdue, want a handful", c.Overdue, c.ActiveLoans)
		}
		if c.Holds == 0 {
			t.Errorf("no open holds")
		}
	})

	t.Run("a main class ends within days with books still out", func(t *testing.T) {
		classes, _ := rdr.Classes(ctx)
		soon := testNow.AddDate(0, 0, 7).Format(time.DateOnly)
		ok := false
		waiting := 0
		for _, c := range classes {
			if c.EndDate < today || c.StartDate > today {
				continue
			}
			cl, err := circ.Clearance(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if c.Kind == "主体班" && c.EndDate <= soon && cl.LoansOut > 0 {
				ok = true
			}
			for _, row := range cl.Rows {
				a, err := circ.Account(ctx, row.Reader.Card)
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range a.Holds {
					if h.Status == circulation.HoldWaiting {
						waiting++
					}
				}
			}
		}
		if !ok {
			t.Errorf("no main class ends by %s with books out", soon)
		}
		if waiting == 0 {
			t.Errorf("no trainee of a running class waits for a hold")
		}
	})

	t.Run("a demo reader logs in with the card number", func(t *testing.T) {
		rs, _, err := rdr.List(ctx, readers.Filter{Size: 1})
		if err != nil || len(rs) == 0 {
			t.Fatalf("no reader: %v", err)
		}
		if _, err := auth.NewService(db.Auth(), nil).Login(ctx, rs[0].Card, Password, "test"); err != nil {
			t.Errorf("reader %s cannot log in: %v", rs[0].Card, err)
		}
		if rs[0].Phone == "" || rs[0].Unit == "" || rs[0].Gender == "" {
			t.Errorf("reader %+v lacks phone, unit or gender", rs[0])
		}
	})

	t.Run("loading twice is refused", func(t *testing.T) {
		_, err := Load(ctx, db, Options{Seed: 2022, Now: testNow, TZ: cst})
		var e *errs.Error
		if !errors.As(err, &e) || e.Code != "DEMO_NOT_EMPTY" || !strings.Contains(e.Message, "演示数据") {
			t.Errorf("second load: %v, want DEMO_NOT_EMPTY", err)
		}
	})
}

// TestLoadIsDeterministic loads a small data set twice with one seed.
func TestLoadIsDeterministic(t *testing.T) {
	ctx := context.Background()
	var titles [2][]string
	var sums [2]Summary
	for i := range titles {
		db := openDB(t)
		sum, err := Load(ctx, db, Options{Seed: 7, Now: testNow, TZ: cst, Scale: 0.05})
		if err != nil {
			t.Fatal(err)
		}
		sum.Elapsed = 0
		sums[i] = sum
		cat := catalog.NewService(db.Catalog(), cst, nil)
		err = cat.EachRecord(ctx, func(d catalog.RecordDetail) error {
			if len(titles[i]) < 50 {
				titles[i] = append(titles[i], d.DisplayTitle())
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(titles[0]) != 50 || !reflect.DeepEqual(titles[0], titles[1]) {
		t.Errorf("first titles differ:\n%v\n%v", titles[0], titles[1])
	}
	if sums[0] != sums[1] {
		t.Errorf("summaries differ:\n%+v\n%+v", sums[0], sums[1])
	}
}

func TestLoadRefusesAnEarlyDay(t *testing.T) {
	_, err := Load(context.Background(), openDB(t), Options{Seed: 1, Now: time.Date(2022, 12, 1, 0, 0, 0, 0, cst), TZ: cst})
	if !errs.Is(err, "DEMO_NOW_TOO_EARLY") {
		t.Errorf("got %v, want DEMO_NOW_TOO_EARLY", err)
	}
}
