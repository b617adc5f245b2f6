package search

import (
	"math"
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/paging"
)

// TestPageNumbersAreBounded: a page near 2^63 once overflowed the offset
// and panicked in makeslice; every page past the last reachable one is now
// a coded error naming that page, and the last reachable page is served.
func TestPageNumbersAreBounded(t *testing.T) {
	ix := openFixture(t, 50, Options{})
	last := paging.LastReachable(MaxResults, 20)
	for _, page := range []int{math.MaxInt64, math.MaxInt64 / 20, last + 1} {
		_, err := ix.Search(t.Context(), Request{Query: "", Page: page, Size: 20})
		if !errs.Is(err, paging.CodeOutOfRange) {
			t.Errorf("page %d: %v, want %s", page, err, paging.CodeOutOfRange)
		}
	}
	if _, err := ix.Search(t.Context(), Request{Page: last, Size: 20}); err != nil {
		t.Fatalf("last reachable page %d: %v", last, err)
	}
}
