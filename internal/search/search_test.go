package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"shuwu/internal/errs"
)

func mustSearch(tb testing.TB, ix *Index, req Request) *Result {
	tb.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		tb.Fatalf("search %+v: %v", req, err)
	}
	return res
}

func TestBadQueriesAreInvalidWithCode(t *testing.T) {
	ix := openFixture(t, 0, Options{})
	for _, tc := range []struct{ name, q string }{
		{"unbalanced quote", `"共产党宣言`},
		{"quote inside a word", `共产"党`},
		{"unknown field prefix", "foo:bar"},
		{"bad year", "year:abc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), Request{Query: tc.q})
			var e *errs.Error
			if !errors.As(err, &e) || e.Code != CodeQueryInvalid || e.Kind != errs.KindInvalid || e.Message == "" || e.MessageEn == "" {
				t.Fatalf("error = %v, want %s with Chinese and English messages", err, CodeQueryInvalid)
			}
		})
	}
	if _, err := ix.Search(context.Background(), Request{Filters: map[string][]string{"colour": {"red"}}}); errs.CodeOf(err) != CodeQueryInvalid {
		t.Fatalf("unknown filter: error = %v", err)
	}
}

func TestFacetCountsFollowFilters(t *testing.T) {
	ix := openFixture(t, 500, Options{})
	all := mustSearch(t, ix, Request{Query: "党", Facets: true})
	counts := map[string]int{}
	for _, v := range all.Facets[FacetAvailable] {
		counts[v.Value] = v.Count
	}
	if counts["true"]+counts["false"] != all.Total {
		t.Fatalf("availability counts %v do not add up to total %d", counts, all.Total)
	}
	onShelf := mustSearch(t, ix, Request{Query: "党", Facets: true, Filters: map[string][]string{FacetAvailable: {"true"}}})
	if onShelf.Total != counts["true"] {
		t.Fatalf("filtered total %d, facet said %d", onShelf.Total, counts["true"])
	}
	for _, v := range onShelf.Facets[FacetAvailable] {
		if v.Value == "false" && v.Count > 0 {
			t.Fatalf("facet after filtering still counts %d records on loan", v.Count)
		}
	}
	sumYears := 0
	for _, v := range onShelf.Facets[FacetYear] {
		sumYears += v.Count
	}
	if sumYears != onShelf.Total {
		t.Fatalf("year ranges count %d, total %d", sumYears, onShelf.Total)
	}
	var dCount int
	for _, v := range onShelf.Facets[FacetCLC] {
		if v.Value == "D" {
			dCount = v.Count
			if v.Label != "D 政治、法律" {
				t.Errorf("CLC label %q", v.Label)
			}
		}
	}
	both := mustSearch(t, ix, Request{Query: "党", Filters: map[string][]string{FacetAvailable: {"true"}, FacetCLC: {"D"}}})
	if both.Total != dCount {
		t.Fatalf("two filters give %d, CLC facet said %d", both.Total, dCount)
	}
	recent := mustSearch(t, ix, Request{Filters: map[string][]string{FacetYear: {"2020-"}}, Size: 100})
	if recent.Total == 0 {
		t.Fatal("no records since 2020")
	}
}

func TestSortOrders(t *testing.T) {
	ix := openFixture(t, 0, Options{})
	docs := map[int64]Document{}
	for _, d := range fixtureDocs(0) {
		docs[d.RecordID] = d
	}
	t.Run("title sorts in pinyin order", func(t *testing.T) {
		res := mustSearch(t, ix, Request{Sort: SortTitle, Size: 100})
		var keys []string
		for _, h := range res.Hits {
			keys = append(keys, sortKey(ix.f, docs[h.RecordID].Title))
		}
		if !sort.StringsAreSorted(keys) {
			t.Fatalf("titles not in pinyin order: %v", keys)
		}
		if docs[res.Hits[0].RecordID].Title[:3] != "摆" {
			t.Fatalf("first title %s, want 摆脱贫困 (bai)", docs[res.Hits[0].RecordID].Title)
		}
	})
	t.Run("newest puts the latest added first", func(t *testing.T) {
		res := mustSearch(t, ix, Request{Query: "毛泽东", Sort: SortNewest})
		for i := 1; i < len(res.Hits); i++ {
			if docs[res.Hits[i-1].RecordID].Added.Before(docs[res.Hits[i].RecordID].Added) {
				t.Fatalf("hit %d added before hit %d", i-1, i)
			}
		}
	})
	t.Run("call number sorts by the caller's shelf key", func(t *testing.T) {
		ix := openFixture(t, 0, Options{})
		ctx := context.Background()
		for i, k := range []string{"C", "A", "B"} {
			d := Document{RecordID: int64(800 + i), Title: "排架测试" + k, CallNumberSortKey: k}
			if err := ix.Upsert(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		res := mustSearch(t, ix, Request{Query: "排架测试", Sort: SortCallNumber})
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.RecordID)
		}
		if len(got) != 3 || got[0] != 801 || got[1] != 802 || got[2] != 800 {
			t.Fatalf("shelf order %v, want [801 802 800]", got)
		}
	})
}

func TestUpsertAndDeleteKeepResultsInStep(t *testing.T) {
	ix := openFixture(t, 0, Options{})
	ctx := context.Background()
	d := Document{RecordID: 700001, Title: "书屋管理新编", Authors: []string{"赵书屋"}, Available: true}
	if err := ix.Upsert(ctx, d); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Request{Query: "书屋管理"}); res.Total != 1 || res.Hits[0].RecordID != 700001 {
		t.Fatalf("new record not found: %+v", res)
	}
	d.Title = "阅览室管理新编"
	if err := ix.Upsert(ctx, d); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Request{Query: "书屋管理"}); res.Total != 0 {
		t.Fatalf("old title still found after update: %d hits", res.Total)
	}
	if res := mustSearch(t, ix, Request{Query: "阅览室"}); res.Total != 1 {
		t.Fatalf("new title not found: %d hits", res.Total)
	}
	if err := ix.Delete(ctx, 700001); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Request{Query: "阅览室"}); res.Total != 0 {
		t.Fatalf("deleted record still found")
	}
}

func TestRebuildKeepsSearchingAndKeepsChangesMadeMeanwhile(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if st := ix.Status(); !st.Stale {
		t.Fatalf("a new index should be stale: %+v", st)
	}
	ctx := context.Background()
	docs := fixtureDocs(300)
	if err := ix.Upsert(ctx, docs[0]); err != nil {
		t.Fatal(err)
	}

	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	var rebuildErr error
	go func() {
		defer wg.Done()
		rebuildErr = ix.Rebuild(ctx, func(yield func(Document) error) error {
			for i, d := range docs {
				if i == 100 {
					<-release // hold the build half way
				}
				if d.RecordID == 2 {
					continue // deleted in the database before the rebuild read it
				}
				if err := yield(d); err != nil {
					return err
				}
			}
			return nil
		}, nil)
	}()
	for !ix.Status().Rebuilding {
		time.Sleep(time.Millisecond)
	}
	res := mustSearch(t, ix, Request{Query: "共产党宣言"})
	if !res.Rebuilding || res.Total == 0 {
		t.Fatalf("during rebuild: rebuilding=%v total=%d, want old index answering", res.Rebuilding, res.Total)
	}
	if err := ix.Rebuild(ctx, func(func(Document) error) error { return nil }, nil); errs.CodeOf(err) != CodeRebuildRunning {
		t.Fatalf("second rebuild: %v", err)
	}
	late := Document{RecordID: 600001, Title: "重建期间新增的书", Available: true}
	if err := ix.Upsert(ctx, late); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	close(release)
	wg.Wait()
	if rebuildErr != nil {
		t.Fatal(rebuildErr)
	}
	st := ix.Status()
	if st.Rebuilding || st.Stale || !st.Ready || st.DocCount != uint64(len(docs)-2+1) {
		t.Fatalf("after rebuild: %+v, want %d docs", st, len(docs)-1)
	}
	if res := mustSearch(t, ix, Request{Query: "重建期间"}); res.Total != 1 {
		t.Fatalf("upsert made during the rebuild lost")
	}
	for _, h := range mustSearch(t, ix, Request{Query: "共产党宣言"}).Hits {
		if h.RecordID == 1 {
			t.Fatalf("delete made during the rebuild lost")
		}
	}

	// Reopening finds the complete index, not stale.
	ix.Close()
	ix2, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if st := ix2.Status(); st.Stale || st.DocCount != uint64(len(docs)-1) {
		t.Fatalf("reopened: %+v", st)
	}
}

func TestDidYouMeanAndHighlights(t *testing.T) {
	ix := openFixture(t, 0, Options{})
	for _, tc := range []struct{ q, want string }{
		{"chongqing", "重庆"},
		{"gcdxy", "共产党宣言"},
		{"鄧小平文選", "邓小平文选"},
		{"共产党宣言", ""},
	} {
		if got := mustSearch(t, ix, Request{Query: tc.q}).DidYouMean; got != tc.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
	res := mustSearch(t, ix, Request{Query: "资本论"})
	if got := res.Hits[0].Highlights["title"]; len(got) != 1 || got[0] != "<mark>资本论</mark>" {
		t.Fatalf("highlight = %v", got)
	}
}

func TestBoostRequiredPutsRequiredReadingFirstAmongEquals(t *testing.T) {
	ctx := context.Background()
	docs := []Document{
		{RecordID: 1, Title: "理论学习读本", Year: 2024, Available: true},
		{RecordID: 2, Title: "理论学习读本", Year: 2010, Available: true, RequiredReading: true},
	}
	for _, boost := range []bool{false, true} {
		ix, err := Open(t.TempDir(), Options{BoostRequired: boost})
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Upsert(ctx, docs...); err != nil {
			t.Fatal(err)
		}
		first := mustSearch(t, ix, Request{Query: "理论学习"}).Hits[0].RecordID
		if want := map[bool]int64{false: 1, true: 2}[boost]; first != want {
			t.Errorf("BoostRequired=%v: first %d, want %d", boost, first, want)
		}
		ix.Close()
	}
}

func TestBrowseWithoutQueryListsNewestFirst(t *testing.T) {
	ix := openFixture(t, 300, Options{})
	docs := map[int64]Document{}
	for _, d := range fixtureDocs(300) {
		docs[d.RecordID] = d
	}
	res := mustSearch(t, ix, Request{Size: 100, Page: 2})
	if res.Total != len(docs) {
		t.Fatalf("total %d, want every record (%d)", res.Total, len(docs))
	}
	if len(res.Hits) != 100 {
		t.Fatalf("page 2 has %d hits", len(res.Hits))
	}
	for i := 1; i < len(res.Hits); i++ {
		if docs[res.Hits[i-1].RecordID].Added.Before(docs[res.Hits[i].RecordID].Added) {
			t.Fatalf("hit %d added before hit %d", i-1, i)
		}
	}
}

// TestBitmapMatchingAgreesWithBleve checks the bitmap evaluation of
// queries against Bleve running the same expression: same total, and
// facet counts that add up.
func TestBitmapMatchingAgreesWithBleve(t *testing.T) {
	ix := openFixture(t, 1000, Options{})
	for _, q := range []string{"党", "党建", "共产党宣言", "dangshi", "gcdxy", "马克思 资本论", "作者:毛泽东",
		"出版年:2010-2019", "索书号:D26*", "isbn:7-5037-1744-0", "分类:D", `"党的建设"`} {
		t.Run(q, func(t *testing.T) {
			res := mustSearch(t, ix, Request{Query: q, Facets: true})
			clauses, err := parseQuery(ix.f.Fold(q))
			if err != nil {
				t.Fatal(err)
			}
			p, err := ix.buildPlan(clauses)
			if err != nil {
				t.Fatal(err)
			}
			br, err := ix.cur.Search(bleve.NewSearchRequest(p.match.bleve()))
			if err != nil {
				t.Fatal(err)
			}
			if int(br.Total) != res.Total {
				t.Fatalf("bitmaps count %d, Bleve %d", res.Total, br.Total)
			}
			sum := 0
			for _, v := range res.Facets[FacetAvailable] {
				sum += v.Count
			}
			if sum != res.Total {
				t.Fatalf("availability facet adds up to %d, total %d", sum, res.Total)
			}
		})
	}
}

func TestConcurrentSearchesAndUpsertsAgree(t *testing.T) {
	ix := openFixture(t, 300, Options{})
	ctx := context.Background()
	want := mustSearch(t, ix, Request{Query: "共产党宣言", Facets: true}).Total
	var wg sync.WaitGroup
	errc := make(chan error, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				res, err := ix.Search(ctx, Request{Query: "共产党宣言", Facets: true, Page: 1 + i%3})
				if err != nil {
					errc <- err
					return
				}
				if res.Total != want {
					errc <- fmt.Errorf("goroutine %d: total %d, want %d", g, res.Total, want)
					return
				}
			}
		}()
	}
	for i := range 20 {
		if err := ix.Upsert(ctx, Document{RecordID: int64(500000 + i), Title: "并发写入测试", Available: true}); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Request{Query: "并发写入测试"}); res.Total != 20 {
		t.Fatalf("upserted records: %d, want 20", res.Total)
	}
}
