package search

import (
	"context"
	"testing"

	"shuwu/internal/catalog"
)

// The volumes of one title are found by their volume, and a title sort
// counts them in order (第二卷 before 第十卷), ahead of a longer title.
func TestVolumesAreSearchedAndSortedInOrder(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	var docs []Document
	for i, v := range []string{"第十卷", "第二卷", "第一卷", "第三卷"} {
		docs = append(docs, Document{RecordID: int64(i + 1), Title: "毛泽东文集", Volume: v, VolumeSortKey: catalog.PartSortKey(v, "")})
	}
	docs = append(docs, Document{RecordID: 9, Title: "毛泽东文集导读"})
	if err := ix.Upsert(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Request{Query: "毛泽东文集", Sort: SortTitle, Size: 10})
	var got []int64
	for _, h := range res.Hits {
		got = append(got, h.RecordID)
	}
	want := []int64{3, 2, 4, 1, 9}
	if len(got) != len(want) {
		t.Fatalf("hits %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("title sort gives %v, want %v (第一卷, 第二卷, 第三卷, 第十卷, then 导读)", got, want)
		}
	}
	res = mustSearch(t, ix, Request{Query: "毛泽东文集 第三卷"})
	if res.Total == 0 || res.Hits[0].RecordID != 4 {
		t.Errorf("毛泽东文集 第三卷 finds %+v first, want record 4", res.Hits)
	}
	res = mustSearch(t, ix, Request{Query: "第十卷"})
	if res.Total != 1 || res.Hits[0].RecordID != 1 {
		t.Errorf("第十卷 finds %d hits (%+v), want record 1 only", res.Total, res.Hits)
	}
}
