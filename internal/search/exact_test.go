package search

import (
	"context"
	"strings"
	"testing"
)

// TestExactNamesFirst: a field search for a name lists the records having
// exactly that name first, then the names starting with it, then the rest,
// whatever their age or shelf state; and it says how many are exact.
func TestExactNamesFirst(t *testing.T) {
	const generated = 300
	ix := openFixture(t, generated, Options{})
	docs := map[int64]Document{}
	for _, d := range fixtureDocs(generated) {
		docs[d.RecordID] = d
	}
	names := func(d Document, field string) []string {
		switch field {
		case ExactAuthor:
			return d.Authors
		case ExactPublisher:
			return []string{d.Publisher}
		}
		return []string{d.Series}
	}
	// class is 0 for an exact name, 1 for one starting with q, 2 otherwise.
	class := func(d Document, field, q string) int {
		c := 2
		for _, n := range names(d, field) {
			if n == q {
				return 0
			}
			if strings.HasPrefix(n, q) {
				c = 1
			}
		}
		return c
	}
	cases := []struct {
		q, field, name string
		mustSee        []int64 // records the first page must hold
	}{
		{"作者:邵杰", ExactAuthor, "邵杰", []int64{900012, 900013, 900014, 900015, 900016}},
		{"au:邵杰", ExactAuthor, "邵杰", []int64{900012, 900013, 900014, 900015, 900016}},
		{"出版社:人民出版社", ExactPublisher, "人民出版社", nil},
		{"pub:人民出版社", ExactPublisher, "人民出版社", nil},
		{"丛书:党员干部学习丛书", ExactSeries, "党员干部学习丛书", []int64{900012, 900014, 900015, 900016}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: c.q, Size: 100})
			if err != nil {
				t.Fatal(err)
			}
			wantExact, seen, classes := 0, map[int64]bool{}, []int{}
			for _, d := range docs {
				if class(d, c.field, c.name) == 0 {
					wantExact++
				}
			}
			last := 0
			for i, h := range res.Hits {
				seen[h.RecordID] = true
				k := class(docs[h.RecordID], c.field, c.name)
				classes = append(classes, k)
				if k < last {
					t.Fatalf("%s: hit %d (record %d, %v) is a closer name than one ranked above it; classes %v", c.q, i+1, h.RecordID, names(docs[h.RecordID], c.field), classes)
				}
				last = k
			}
			for _, id := range c.mustSee {
				if !seen[id] {
					t.Errorf("%s: record %d not on the first page", c.q, id)
				}
			}
			if wantExact == 0 || res.Exact != wantExact || res.ExactField != c.field || res.ExactName != c.name {
				t.Errorf("%s: exact count %d of %q %q, want %d of %q %q", c.q, res.Exact, res.ExactField, res.ExactName, wantExact, c.field, c.name)
			}
		})
	}
	// A free-text search ranks a whole author name above one it starts,
	// among records whose title does not hold the word.
	res, err := ix.Search(context.Background(), Request{Query: "邵杰", Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	for _, h := range res.Hits {
		if h.RecordID == 900012 || h.RecordID == 900013 || h.RecordID == 900015 {
			order = append(order, h.RecordID)
		}
	}
	if len(order) != 3 || order[2] != 900015 {
		t.Errorf("free text 邵杰: authors named 邵杰 (900012, 900013) should rank above 邵杰志 (900015), got %v", order)
	}
	if res.Exact != 0 || res.ExactField != "" {
		t.Errorf("free text reports an exact count %d %q; only field searches do", res.Exact, res.ExactField)
	}
}
