package search

import (
	"context"
	"sort"

	"github.com/blevesearch/vellum"

	"shuwu/internal/errs"
)

// Scanning browses an index's terms in order from a starting point, with
// how many records hold each: the SRU scan operation, a cataloguer's
// "browse titles from 毛泽东". The terms are the whole-field keys the
// exact tiers use (folded, without spaces and punctuation), so a title or
// a name appears once however it was typed.

// ScanField is an index that can be browsed.
type ScanField string

// Browsable indexes.
const (
	ScanTitle     ScanField = "title"
	ScanAuthor    ScanField = "author"
	ScanPublisher ScanField = "publisher"
	ScanSeries    ScanField = "series"
	ScanISBN      ScanField = "isbn"
)

var scanFields = map[ScanField]string{
	ScanTitle: fTitleKey, ScanAuthor: fAuthorKey, ScanPublisher: fPublisherKey, ScanSeries: fSeriesKey, ScanISBN: fISBN,
}

// ScanTerm is one term of a scan and the number of records holding it.
type ScanTerm struct {
	Term  string
	Count int
}

// MaxScanTerms bounds one scan.
const MaxScanTerms = 100

// Scan returns up to n terms of field from the first one at or after from
// (after it when after is set), each with its live record count.
func (ix *Index) Scan(ctx context.Context, field ScanField, from string, after bool, n int) (terms []ScanTerm, err error) {
	defer ix.survive(ix.serving(), &err)
	f, ok := scanFields[field]
	if !ok {
		return nil, invalidQuery("该字段不能浏览", "this index cannot be scanned")
	}
	n = min(max(n, 1), MaxScanTerms)
	start := titleKey(ix.f.Fold(from))
	if field == ScanISBN {
		if k, ok := normalizeISBN(from); ok {
			start = k
		}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, errs.Internalf("scan on a closed index")
	}
	snap, release, err := snapshotOf(ix.cur)
	if err != nil {
		return nil, errs.Internalf("scan: %w", err)
	}
	defer release()
	counts := map[string]int{}
	for _, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := newSegView(ss)
		d := s.dict(f)
		if d == nil {
			continue
		}
		// Each segment needs at most n terms past the start; terms whose
		// records are all deleted do not count.
		it := d.AutomatonIterator(&vellum.AlwaysMatch{}, []byte(start), nil)
		taken := 0
		for e, err := it.Next(); err == nil && e != nil && taken < n; e, err = it.Next() {
			if after && e.Term == start {
				continue
			}
			if c := int(s.live(s.postings(f, e.Term)).GetCardinality()); c > 0 {
				counts[e.Term] += c
				taken++
			}
		}
	}
	out := make([]ScanTerm, 0, len(counts))
	for t, c := range counts {
		out = append(out, ScanTerm{Term: t, Count: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Term < out[j].Term })
	return out[:min(len(out), n)], nil
}
