package search

import (
	"context"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
)

// A loan or return changes only the shelf set: searches must see it at
// once in the 在架 filter, its facet, the on-shelf tie-break and the
// orders Bleve sorts, without the document being indexed again.
func TestShelfChangesShowWithoutReindexing(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := []Document{
		{RecordID: 1, Title: "党校图书馆工作手册", Year: 2020, Available: true},
		{RecordID: 2, Title: "党校图书馆工作手册", Year: 2020, Available: true},
		{RecordID: 3, Title: "党校图书馆工作指南", Year: 2021, Available: false},
	}
	if err := ix.Upsert(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	onShelf := func(sort SortOrder) []int64 {
		t.Helper()
		res := mustSearch(t, ix, Request{Query: "党校图书馆", Sort: sort, Filters: map[string][]string{FacetAvailable: {"true"}}})
		var ids []int64
		for _, h := range res.Hits {
			ids = append(ids, h.RecordID)
		}
		return ids
	}
	facet := func() map[string]int {
		t.Helper()
		out := map[string]int{}
		for _, v := range mustSearch(t, ix, Request{Query: "党校图书馆", Facets: true}).Facets[FacetAvailable] {
			out[v.Value] = v.Count
		}
		return out
	}
	if got := onShelf(SortRelevance); len(got) != 2 {
		t.Fatalf("on shelf before any loan: %v, want records 1 and 2", got)
	}

	// The last copy of record 1 goes out; record 3 comes back.
	ix.SetAvailable(map[int64]bool{1: false, 3: true})
	for _, order := range []SortOrder{SortRelevance, SortTitle, SortCallNumber, SortNewest} {
		got := onShelf(order)
		if len(got) != 2 || got[0] == 1 || got[1] == 1 {
			t.Errorf("%s order, on shelf after the loan: %v, want records 2 and 3", order, got)
		}
	}
	if f := facet(); f["true"] != 2 || f["false"] != 1 {
		t.Errorf("在架 facet after the loan: %v, want 2 on the shelf and 1 out", f)
	}
	// Records 1 and 2 are equally relevant: the one on the shelf first.
	res := mustSearch(t, ix, Request{Query: "党校图书馆工作手册"})
	if len(res.Hits) < 2 || res.Hits[0].RecordID != 2 {
		t.Errorf("hits %v: record 2 (on the shelf) should rank before record 1 (out)", res.Hits)
	}

	ix.ResetAvailable([]int64{1})
	if f := facet(); f["true"] != 1 || f["false"] != 2 {
		t.Errorf("在架 facet after a reset to record 1 only: %v", f)
	}
	if got := onShelf(SortTitle); len(got) != 1 || got[0] != 1 {
		t.Errorf("title order on shelf after the reset: %v, want [1]", got)
	}
	if err := ix.Delete(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := onShelf(SortRelevance); len(got) != 0 {
		t.Errorf("a deleted record is still on the shelf: %v", got)
	}
}

// BenchmarkDocsOnShelf recomputes one segment's on-shelf documents for a
// new version of the shelf set: what the first search after a batch of
// loans pays per segment, here for a million documents, half on the shelf.
func BenchmarkDocsOnShelf(b *testing.B) {
	const n = 1_000_000
	e := &segEntry{recs: make([]uint32, n)}
	var s shelf
	for d := range e.recs {
		e.recs[d] = uint32(d + 1)
	}
	s.update(true, func(on *roaring.Bitmap) { on.AddRange(1, n/2) })
	st := s.state()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st = &shelfSet{gen: st.gen + 1, on: st.on}
		if got := e.docsOnShelf(st).GetCardinality(); got != n/2-1 {
			b.Fatalf("%d documents on the shelf, want %d", got, n/2-1)
		}
	}
}
