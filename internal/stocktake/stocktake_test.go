package stocktake_test

import (
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/stocktake"
	"shuwu/internal/testkit"
)

type shelfCopy struct{ code, call, clc string }

// library puts copies on shelf groups 1 and 2 with known call numbers.
func library(t *testing.T, k *testkit.Kit) (shelf1, shelf2 int64) {
	t.Helper()
	locs, err := k.Catalog.Locations(k.Ctx)
	if err != nil || len(locs) < 2 {
		t.Fatalf("locations: %v %v", locs, err)
	}
	add := func(loc int64, cs ...shelfCopy) {
		for _, c := range cs {
			r := k.Record("书 "+c.code, c.clc)
			if _, err := k.Catalog.AddItems(k.Ctx, catalog.NewItems{RecordID: r.ID, Barcodes: []string{c.code}, LocationID: loc, Source: catalog.SourcePurchase, PriceFen: 4000, CallNumber: c.call}); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(locs[0].ID, shelfCopy{"S1", "D2/1", "D2"}, shelfCopy{"S2", "D2/2", "D2"}, shelfCopy{"S3", "D2/3", "D2"}, shelfCopy{"S4", "D2/4", "D2"},
		shelfCopy{"S5", "D2/5", "D2"}, shelfCopy{"S6", "D2/6", "D2"})
	add(locs[1].ID, shelfCopy{"T1", "F1/1", "F1"}, shelfCopy{"T2", "F1/2", "F1"})
	return locs[0].ID, locs[1].ID
}

// A shelf-by-shelf stocktake of shelf group 1 finds what is there, flags
// the book pushed in out of order, the one from another shelf, the one on
// loan that is away as expected, the one missing, and a barcode no copy
// has; marking the missing copy lost takes the closed stocktake.
func TestStocktakeSortsEveryCopy(t *testing.T) {
	k := testkit.New(t)
	s1, s2 := library(t, k)
	svc := stocktake.NewService(k.DB.Stocktake(), k.Catalog.Changed, k.Clock.Now)
	st, err := svc.Start(k.Ctx, stocktake.Stocktake{Name: "2024 年书库一盘点", LocationID: s1})
	if err != nil {
		t.Fatal(err)
	}
	reader := k.Reader("王读者")
	lent, _ := k.Catalog.Item(k.Ctx, "S4")
	k.Checkout(reader, lent)
	// On shelf 1: S1, S5 (pushed in early), S2, S3, T1 (belongs on shelf 2), X9 (no such copy).
	want := map[string]stocktake.Verdict{"S1": stocktake.Found, "S5": stocktake.Found, "S2": stocktake.Found, "S3": stocktake.Found, "T1": stocktake.WrongShelf, "X9": stocktake.Unknown}
	for _, code := range []string{"S1", "S5", "S2", "S3", "T1", " X9\r"} {
		fb, err := svc.Scan(k.Ctx, st.ID, s1, code)
		if err != nil {
			t.Fatal(err)
		}
		if fb.Verdict != want[strings.TrimSpace(code)] {
			t.Errorf("scan %q: %s, want %s", code, fb.Verdict, want[strings.TrimSpace(code)])
		}
	}
	if fb, _ := svc.Scan(k.Ctx, st.ID, s1, "S1"); !fb.Again || fb.Scanned != 6 {
		t.Fatalf("scanning S1 again: %+v, want again and 6 scans", fb)
	}
	if _, err := svc.Scan(k.Ctx, st.ID, 0, "S6"); !errs.Is(err, stocktake.CodeShelfRequired) {
		t.Fatalf("a scan without a shelf: %v", err)
	}
	r, err := svc.Result(k.Ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]stocktake.Verdict{}
	for _, l := range r.Lines {
		got[l.Barcode] = l.Verdict
	}
	wantLines := map[string]stocktake.Verdict{"S5": stocktake.OutOfOrder, "S4": stocktake.Away, "S6": stocktake.Missing, "T1": stocktake.WrongShelf, "X9": stocktake.Unknown}
	if len(got) != len(wantLines) {
		t.Fatalf("result lines %v, want %v", got, wantLines)
	}
	for code, v := range wantLines {
		if got[code] != v {
			t.Errorf("%s: %s, want %s", code, got[code], v)
		}
	}
	tot := map[stocktake.Verdict]stocktake.Total{}
	for _, x := range r.Totals {
		tot[x.Verdict] = x
	}
	if tot[stocktake.Found].Copies != 3 || tot[stocktake.Missing].ValueFen != 4000 || r.InScope != 6 || r.ValueFen != 6*4000 {
		t.Fatalf("totals %+v, in scope %d worth %d", tot, r.InScope, r.ValueFen)
	}
	if _, err := svc.MarkMissingLost(k.Ctx, st.ID); !errs.Is(err, stocktake.CodeStillOpen) {
		t.Fatalf("marking lost while open: %v", err)
	}
	if err := svc.Close(k.Ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Scan(k.Ctx, st.ID, s1, "S6"); !errs.Is(err, stocktake.CodeClosed) {
		t.Fatalf("a scan after closing: %v", err)
	}
	n, err := svc.MarkMissingLost(k.Ctx, st.ID)
	if err != nil || n != 1 {
		t.Fatalf("marked %d lost (%v), want S6 alone", n, err)
	}
	if it, _ := k.Catalog.Item(k.Ctx, "S6"); it.Status != catalog.StatusLost {
		t.Fatalf("S6 is %s, want lost", it.Status)
	}
	if it, _ := k.Catalog.Item(k.Ctx, "S4"); it.Status != catalog.StatusOnLoan {
		t.Fatalf("the loaned S4 is %s, want still on loan", it.Status)
	}
	_ = s2
}

func TestStartRefusesABadRange(t *testing.T) {
	k := testkit.New(t)
	svc := stocktake.NewService(k.DB.Stocktake(), nil, k.Clock.Now)
	for field, in := range map[string]stocktake.Stocktake{
		"name":        {Name: " "},
		"clc_to":      {Name: "x", CLCFrom: "D9", CLCTo: "D1"},
		"location_id": {Name: "x", LocationID: 999},
	} {
		if _, err := svc.Start(k.Ctx, in); errs.As(err).Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	if list, _ := svc.Stocktakes(k.Ctx); len(list) != 0 {
		t.Fatalf("refused stocktakes were stored: %v", list)
	}
}

// A CLC-range stocktake covers the classes from its start to everything
// under its end.
func TestCLCRangeScope(t *testing.T) {
	k := testkit.New(t)
	s1, _ := library(t, k)
	svc := stocktake.NewService(k.DB.Stocktake(), nil, k.Clock.Now)
	st, err := svc.Start(k.Ctx, stocktake.Stocktake{Name: "F 类", CLCFrom: "F", CLCTo: "F"})
	if err != nil {
		t.Fatal(err)
	}
	if fb, _ := svc.Scan(k.Ctx, st.ID, s1, "S1"); fb.Verdict != stocktake.OutOfScope {
		t.Fatalf("a D book in an F stocktake: %s", fb.Verdict)
	}
	r, _ := svc.Result(k.Ctx, st.ID)
	if r.InScope != 2 {
		t.Fatalf("%d copies in F, want T1 and T2", r.InScope)
	}
}

func TestParseScannerFile(t *testing.T) {
	got, err := stocktake.ParseScannerFile(strings.NewReader("\ufeff条码,时间\r\nS1,2024-09-02\r\n\r\n\"S2\";x\nS3\n"))
	if err != nil || strings.Join(got, " ") != "S1 S2 S3" {
		t.Fatalf("parsed %q %v", got, err)
	}
	if _, err := stocktake.ParseScannerFile(strings.NewReader("\x00\x01PK")); !errs.Is(err, stocktake.CodeFileInvalid) {
		t.Fatalf("a binary file: %v", err)
	}
	if _, err := stocktake.ParseScannerFile(strings.NewReader("\n\n")); !errs.Is(err, stocktake.CodeFileInvalid) {
		t.Fatalf("an empty file: %v", err)
	}
}

func FuzzParseScannerFile(f *testing.F) {
	for _, s := range []string{"S1\nS2\n", "条码,时间\nS1,x\n", "\ufeffA\r\n", "\x00", strings.Repeat("9", 70)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		codes, err := stocktake.ParseScannerFile(strings.NewReader(s))
		if err != nil {
			if errs.As(err).Kind != errs.KindInvalid {
				t.Fatalf("a non-input error: %v", err)
			}
			return
		}
		for _, c := range codes {
			if c == "" || len([]rune(c)) > stocktake.MaxBarcode {
				t.Fatalf("bad barcode %q from %q", c, s)
			}
		}
	})
}
