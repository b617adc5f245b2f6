package weeding_test

import (
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/testkit"
	"shuwu/internal/weeding"
)

// BenchmarkCandidates lists the candidates of all three rules over 10,000
// copies: 200 titles of 50 copies, each title in two editions (so half
// the copies are superseded), acquired in 2015 and never lent (so all are
// idle), listed up to MaxList.
func BenchmarkCandidates(b *testing.B) {
	k := testkit.New(b)
	locs, _ := k.Catalog.Locations(k.Ctx)
	for i := range 100 {
		for _, year := range []int{2010, 2020} {
			r, err := k.Catalog.CreateRecord(k.Ctx, catalog.Record{Title: "剔除测试用书" + string(rune('甲'+i)), CLC: "D" + string(rune('0'+i%10)), Year: year,
				Authors: []catalog.Author{{Name: "作者", Role: "著"}}})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := k.Catalog.AddItems(k.Ctx, catalog.NewItems{RecordID: r.ID, Count: 50, LocationID: locs[0].ID, Source: catalog.SourcePurchase, PriceFen: 3000, AddedDate: "2015-06-01"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	s := weeding.NewService(k.DB.Weeding(), testkit.Shanghai, k.Clock.Now, nil)
	rules := weeding.Rules{IdleYears: 5, Damaged: true, Superseded: true}
	b.ResetTimer()
	for b.Loop() {
		l, err := s.Candidates(librarian, rules)
		if err != nil || l.Total != 10000 {
			b.Fatalf("%d candidates, %v", l.Total, err)
		}
	}
}
