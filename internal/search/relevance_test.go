package search

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// relevanceCase is one line of testdata/relevance.json: a query and the
// records of which at least one must rank within the first Within hits.
type relevanceCase struct {
	Q      string  `json:"q"`
	Want   []int64 `json:"want"`
	Within int     `json:"within"`
	Why    string  `json:"why"`
}

// TestRelevance runs the checked-in relevance suite against the fixture
// corpus (classics, 3,000 generated books, hand-written tricky records).
// It fails when a change to analysis or ranking pushes a wanted record down.
func TestRelevance(t *testing.T) {
	b, err := os.ReadFile("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []relevanceCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 60 {
		t.Fatalf("relevance suite has %d queries, want at least 60", len(cases))
	}
	ix := openFixture(t, 3000, Options{})
	failed := 0
	for _, c := range cases {
		t.Run(c.Q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: c.Q, Size: c.Within})
			if err != nil {
				t.Fatalf("search %q: %v", c.Q, err)
			}
			for _, h := range res.Hits {
				if slices.Contains(c.Want, h.RecordID) {
					return
				}
			}
			failed++
			got := make([]int64, len(res.Hits))
			for i, h := range res.Hits {
				got[i] = h.RecordID
			}
			t.Errorf("%s (%s): want one of %v within %d, got %v of %d", c.Q, c.Why, c.Want, c.Within, got, res.Total)
		})
	}
	t.Logf("%d of %d relevance queries passed", len(cases)-failed, len(cases))
}
