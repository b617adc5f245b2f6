package weeding_test

import (
	"context"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/stats"
	"shuwu/internal/testkit"
	"shuwu/internal/weeding"
)

var librarian = audit.WithActor(context.Background(), audit.Actor{Name: "王馆员", Role: audit.RoleLibrarian})

// shelf is a small collection with one copy of each kind of candidate.
type shelf struct {
	k                       *testkit.Kit
	s                       *weeding.Service
	old1, old2, newEd       catalog.Item // a 2008 edition (two copies) and its 2023 edition
	lentRecently, neverLent catalog.Item // 红岩, in the collection since 2018
	damaged, onLoan         catalog.Item
	reader                  int64
}

func (sh *shelf) add(title, clc, author string, year int, added string, n int) []catalog.Item {
	sh.k.TB.Helper()
	r, err := sh.k.Catalog.CreateRecord(sh.k.Ctx, catalog.Record{Title: title, CLC: clc, Authors: []catalog.Author{{Name: author, Role: "著"}}, Publisher: "高等教育出版社", Year: year})
	if err != nil {
		sh.k.TB.Fatal(err)
	}
	locs, _ := sh.k.Catalog.Locations(sh.k.Ctx)
	its, err := sh.k.Catalog.AddItems(sh.k.Ctx, catalog.NewItems{RecordID: r.ID, Count: n, LocationID: locs[0].ID, Source: catalog.SourcePurchase, AddedDate: added, PriceFen: 3000})
	if err != nil {
		sh.k.TB.Fatal(err)
	}
	return its
}

func newShelf(t *testing.T) *shelf {
	k := testkit.New(t)
	sh := &shelf{k: k, s: weeding.NewService(k.DB.Weeding(), testkit.Shanghai, k.Clock.Now, k.Catalog.Changed)}
	// The kit's clock is 2024-09-02.
	old := sh.add("马克思主义基本原理概论", "A81", "本书编写组", 2008, "2015-03-01", 2)
	sh.old1, sh.old2 = old[0], old[1]
	sh.newEd = sh.add("马克思主义基本原理概论", "A81", "本书编写组", 2023, "2024-03-01", 1)[0]
	hy := sh.add("红岩", "I247.5", "罗广斌", 2018, "2018-01-01", 2)
	sh.lentRecently, sh.neverLent = hy[0], hy[1]
	sh.damaged = sh.add("中国共产党章程", "D26", "中共中央", 2022, "2024-09-01", 1)[0]
	// An older edition on loan: a candidate that cannot go now.
	sh.onLoan = sh.add("平凡的世界", "I247.5", "路遥", 2016, "2016-05-01", 1)[0]
	sh.add("平凡的世界", "I247.5", "路遥", 2021, "2024-01-01", 1)
	r := k.Reader("李学员")
	sh.reader = r.ID
	for _, it := range []catalog.Item{sh.lentRecently, sh.damaged} {
		k.Checkout(r, it)
		if _, err := k.Circulation.Checkin(k.Ctx, it.Barcode, it.ID == sh.damaged.ID); err != nil {
			t.Fatal(err)
		}
	}
	k.Checkout(r, sh.onLoan)
	return sh
}

func barcodes(l weeding.List) string {
	var out []string
	for _, c := range l.Candidates {
		out = append(out, c.Barcode)
	}
	return strings.Join(out, ",")
}

// The rules choose the idle, the damaged and the older edition, each with
// why; a copy on loan is counted aside; the scope narrows the list.
func TestTheRulesChooseTheCandidatesAndSayWhy(t *testing.T) {
	sh := newShelf(t)
	l, err := sh.s.Candidates(librarian, weeding.Rules{IdleYears: 3, Damaged: true, Superseded: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]weeding.Reason{sh.old1.Barcode: {weeding.Idle, weeding.Superseded}, sh.old2.Barcode: {weeding.Idle, weeding.Superseded},
		sh.neverLent.Barcode: {weeding.Idle}, sh.damaged.Barcode: {weeding.Damaged}}
	if l.Total != 4 || len(l.Candidates) != 4 || l.Out != 1 || l.ValueFen != 12000 {
		t.Fatalf("candidates %s (total %d, out %d, value %d); want the two old editions, 红岩 never lent and the damaged 党章, the loan counted aside", barcodes(l), l.Total, l.Out, l.ValueFen)
	}
	for _, c := range l.Candidates {
		w, ok := want[c.Barcode]
		if !ok || len(w) != len(c.Reasons) {
			t.Fatalf("%s %s: reasons %v, want %v", c.Barcode, c.Title, c.Reasons, w)
		}
		for i := range w {
			if c.Reasons[i] != w[i] {
				t.Fatalf("%s: reasons %v, want %v", c.Barcode, c.Reasons, w)
			}
		}
		if c.Has(weeding.Superseded) && (c.Newer == nil || c.Newer.Year != 2023) {
			t.Fatalf("%s: newer edition %+v; want the 2023 one", c.Barcode, c.Newer)
		}
	}
	// The scope: the A class only, then copies acquired before 2016.
	if l, _ := sh.s.Candidates(librarian, weeding.Rules{IdleYears: 3, Damaged: true, CLCFrom: "A", CLCTo: "A9"}); l.Total != 2 {
		t.Fatalf("A only: %s", barcodes(l))
	}
	if l, _ := sh.s.Candidates(librarian, weeding.Rules{IdleYears: 3, AcquiredBefore: 2016}); l.Total != 2 || l.Out != 0 {
		t.Fatalf("before 2016: %s out %d", barcodes(l), l.Out)
	}
	// 10 years idle: nothing in this collection is that old.
	if l, _ := sh.s.Candidates(librarian, weeding.Rules{IdleYears: 10}); l.Total != 0 {
		t.Fatalf("10 years: %s", barcodes(l))
	}
}

func TestBadRulesAreRefusedNamingTheField(t *testing.T) {
	sh := newShelf(t)
	for _, c := range []struct {
		field string
		r     weeding.Rules
	}{
		{"rules", weeding.Rules{CLCFrom: "D"}},
		{"idle_years", weeding.Rules{IdleYears: 51}},
		{"acquired_before", weeding.Rules{Damaged: true, AcquiredBefore: 1800}},
		{"clc_to", weeding.Rules{Damaged: true, CLCFrom: "I", CLCTo: "D"}},
		{"clc_from", weeding.Rules{Damaged: true, CLCTo: "D"}},
	} {
		_, err := sh.s.Candidates(librarian, c.r)
		if e := errs.As(err); err == nil || e.Field != c.field || e.Code != weeding.CodeWeedingInvalid {
			t.Errorf("%+v: %v; want an error on %s", c.r, err, c.field)
		}
	}
	duty := audit.WithActor(context.Background(), audit.Actor{Name: "值班员", Role: audit.RoleDuty})
	if _, err := sh.s.Candidates(duty, weeding.Rules{Damaged: true}); errs.CodeOf(err) != weeding.CodeWeedingForbidden {
		t.Errorf("duty staff: %v", err)
	}
}

// Withdrawing: all or nothing, with a reason; withdrawn copies leave the
// holdings but the loan history keeps them.
func TestWithdrawingIsAllOrNothingAndKeepsTheHistory(t *testing.T) {
	sh := newShelf(t)
	st := stats.NewService(sh.k.DB.Stats(), testkit.Shanghai, sh.k.Clock.Now)
	before, err := st.Collection(librarian, stats.Year(2024))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.s.Withdraw(librarian, weeding.Withdrawal{Barcodes: []string{sh.old1.Barcode}}); errs.As(err).Field != "reason" {
		t.Fatalf("no reason: %v", err)
	}
	_, err = sh.s.Withdraw(librarian, weeding.Withdrawal{Barcodes: []string{sh.neverLent.Barcode, sh.onLoan.Barcode}, Reason: "陈旧"})
	if errs.CodeOf(err) != weeding.CodeWeedingRefused || !strings.Contains(errs.As(err).Message, sh.onLoan.Barcode) {
		t.Fatalf("a copy on loan among them: %v; want WEEDING_COPY_REFUSED naming it", err)
	}
	if it, _ := sh.k.Catalog.Item(sh.k.Ctx, sh.neverLent.Barcode); it.Status != catalog.StatusAvailable {
		t.Fatalf("after a refused withdrawal 红岩 is %s; want it still on the shelf", it.Status)
	}
	got, err := sh.s.Withdraw(librarian, weeding.Withdrawal{Barcodes: []string{sh.old1.Barcode, sh.old2.Barcode, sh.damaged.Barcode, sh.old1.Barcode}, Reason: "内容陈旧，已有 2023 年版"})
	if err != nil || got.Copies != 3 || got.Titles != 2 || got.ValueFen != 9000 {
		t.Fatalf("withdraw: %+v %v", got, err)
	}
	after, _ := st.Collection(librarian, stats.Year(2024))
	if after.Copies != before.Copies-3 || after.ValueFen != before.ValueFen-9000 {
		t.Fatalf("holdings %d copies %d fen before, %d %d after; want 3 copies and 90.00 fewer", before.Copies, before.ValueFen, after.Copies, after.ValueFen)
	}
	hist, err := sh.k.Circulation.History(sh.k.Ctx, sh.reader, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range hist {
		found = found || h.Barcode == sh.damaged.Barcode
	}
	if !found {
		t.Fatalf("the reader's history lost the withdrawn copy's loan: %+v", hist)
	}
	if l, _ := sh.s.Candidates(librarian, weeding.Rules{IdleYears: 3, Damaged: true, Superseded: true}); l.Total != 1 || l.Candidates[0].Barcode != sh.neverLent.Barcode {
		t.Fatalf("after withdrawing, candidates %s; want only 红岩", barcodes(l))
	}
	if _, err := sh.s.Withdraw(librarian, weeding.Withdrawal{Barcodes: []string{sh.old1.Barcode}, Reason: "再剔除"}); errs.CodeOf(err) != weeding.CodeWeedingRefused {
		t.Fatalf("withdrawing twice: %v", err)
	}
}

// The volumes of a multi-part work are not editions of each other: 第三卷
// of 1993 is not superseded by 第一卷 of 1994, but by a later 第三卷.
func TestVolumesOfOneWorkAreNotEditions(t *testing.T) {
	k := testkit.New(t)
	s := weeding.NewService(k.DB.Weeding(), testkit.Shanghai, k.Clock.Now, nil)
	locs, _ := k.Catalog.Locations(k.Ctx)
	add := func(part string, year int) catalog.Item {
		r, its, err := k.Catalog.CreateRecordWithItems(k.Ctx, catalog.Record{Title: "邓小平文选", PartNumber: part, CLC: "A49", Year: year, Publisher: "人民出版社",
			Authors: []catalog.Author{{Name: "邓小平", Role: "著"}}}, catalog.NewItems{Count: 1, LocationID: locs[0].ID, Source: catalog.SourcePurchase})
		if err != nil || r.ID == 0 {
			t.Fatal(err)
		}
		return its[0]
	}
	add("第一卷", 1994)
	third := add("第三卷", 1993)
	if l, _ := s.Candidates(librarian, weeding.Rules{Superseded: true}); l.Total != 0 {
		t.Fatalf("volumes taken for editions: %s", barcodes(l))
	}
	add("第三卷", 2001)
	l, _ := s.Candidates(librarian, weeding.Rules{Superseded: true})
	if l.Total != 1 || l.Candidates[0].Barcode != third.Barcode || l.Candidates[0].Part != "第三卷" || l.Candidates[0].Newer.Year != 2001 {
		t.Fatalf("candidates %s; want the 1993 第三卷 superseded by the 2001 one", barcodes(l))
	}
}
