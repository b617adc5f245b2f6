package stocktake_test

import (
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/stocktake"
	"shuwu/internal/testkit"
)

// tenThousand puts 10,000 copies on shelf group 1 and opens a stocktake.
func tenThousand(b *testing.B) (*testkit.Kit, *stocktake.Service, stocktake.Stocktake, int64, []string) {
	k := testkit.New(b)
	locs, _ := k.Catalog.Locations(k.Ctx)
	var codes []string
	for i := range 100 {
		r := k.Record("盘点用书", "D"+string(rune('0'+i%10)))
		items, err := k.Catalog.AddItems(k.Ctx, catalog.NewItems{RecordID: r.ID, Count: 100, LocationID: locs[0].ID, Source: catalog.SourcePurchase, PriceFen: 3000})
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range items {
			codes = append(codes, it.Barcode)
		}
	}
	svc := stocktake.NewService(k.DB.Stocktake(), nil, k.Clock.Now)
	st, err := svc.Start(k.Ctx, stocktake.Stocktake{Name: "bench", LocationID: locs[0].ID})
	if err != nil {
		b.Fatal(err)
	}
	return k, svc, st, locs[0].ID, codes
}

// BenchmarkScan is one barcode scanned at the shelf, over a stocktake of
// 10,000 copies (the issue: 10,000 scans).
func BenchmarkScan(b *testing.B) {
	k, svc, st, shelf, codes := tenThousand(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := svc.Scan(k.Ctx, st.ID, shelf, codes[i%len(codes)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResult is the result of a stocktake of 10,000 copies with
// 10,000 scans.
func BenchmarkResult(b *testing.B) {
	k, svc, st, shelf, codes := tenThousand(b)
	for _, c := range codes {
		if _, err := svc.Scan(k.Ctx, st.ID, shelf, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		r, err := svc.Result(k.Ctx, st.ID)
		if err != nil || r.InScope != 10000 {
			b.Fatalf("%d in scope, %v", r.InScope, err)
		}
	}
}
