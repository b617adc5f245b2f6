package search

import (
	"context"
	"strconv"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"shuwu/internal/errs"
	"shuwu/internal/paging"
)

// Protocol clients (CQL over SRU) combine searches with OR and NOT, which
// the search box does not have. A Bool is such a combination of search-box
// queries; each leaf is matched exactly as the search box would match it,
// so a catalogue client finds what a reader typing the same words finds.

// BoolOp combines the two sides of a Bool.
type BoolOp int

// Boolean operators. BoolNot is "left and not right", as in CQL.
const (
	BoolLeaf BoolOp = iota
	BoolAnd
	BoolOr
	BoolNot
)

// Bool is a boolean query tree.
type Bool struct {
	Op          BoolOp
	Left, Right *Bool
	// Query is a leaf's search-box query (field prefixes, quoted phrases).
	Query string
	// RecordID, when set, makes the leaf match that record only.
	RecordID int64
}

// maxBoolLeaves bounds the work one protocol query can ask for.
const maxBoolLeaves = 64

// SearchBool runs a boolean query and returns the hits from (0-based) in
// the index's order, size at most 100. A lone leaf is an ordinary search in
// relevance order. A leaf that cannot be parsed is SEARCH_QUERY_INVALID.
func (ix *Index) SearchBool(ctx context.Context, b *Bool, from, size int) (res *Result, err error) {
	defer ix.survive(ix.serving(), &err)
	if b == nil {
		return nil, invalidQuery("检索式为空", "the query is empty")
	}
	size = min(max(size, 0), maxSize)
	if from < 0 || from >= MaxResults {
		return nil, errs.Invalid(paging.CodeOutOfRange, "from", "起始位置超出范围", "the start position is out of range")
	}
	if b.Op == BoolLeaf && b.RecordID == 0 && size > 0 {
		return ix.searchLeaf(ctx, b.Query, from, size)
	}
	var n boolCount
	match, err := ix.boolExpr(b, &n)
	if err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, errs.Internalf("search on a closed index")
	}
	snap, release, err := snapshotOf(ix.cur)
	if err != nil {
		return nil, errs.Internalf("search: %w", err)
	}
	defer release()
	segSnaps := snap.Segments()
	_, matched, total := ix.matchSegments(segSnaps, match)
	out := &Result{Total: total, Rebuilding: ix.rebuilding.Load()}
	if size == 0 || from >= total {
		return out, nil
	}
	// Hits in the index's own order, picked straight from the bitmaps:
	// any order by a field (even newest first) reads every match, which
	// costs a broad query (党 and 出版年:2000-) a hundred milliseconds at
	// 200,000 records. The order is stable, so pages never overlap.
	skip := uint64(from)
	for i, bm := range matched {
		if len(out.Hits) == size {
			break
		}
		n := bm.GetCardinality()
		if skip >= n {
			skip -= n
			continue
		}
		first, err := bm.Select(uint32(skip))
		if err != nil {
			return nil, errs.Internalf("search: select: %w", err)
		}
		skip = 0
		it := bm.Iterator()
		it.AdvanceIfNeeded(first)
		for it.HasNext() && len(out.Hits) < size {
			h, err := loadHit(segSnaps[i], it.Next())
			if err != nil {
				return nil, errs.Internalf("search: load hit: %w", err)
			}
			out.Hits = append(out.Hits, Hit{RecordID: h.id})
		}
	}
	return out, nil
}

// searchLeaf is one search-box query in relevance order from any offset:
// the one or two pages of the search that hold it.
func (ix *Index) searchLeaf(ctx context.Context, q string, from, size int) (*Result, error) {
	page := from/size + 1
	res, err := ix.Search(ctx, Request{Query: q, Page: page, Size: size})
	if err != nil {
		return nil, err
	}
	skip := from % size
	if skip == 0 {
		return res, nil
	}
	hits := res.Hits[min(skip, len(res.Hits)):]
	if (page)*size < min(res.Total, MaxResults) {
		next, err := ix.Search(ctx, Request{Query: q, Page: page + 1, Size: size})
		if err != nil {
			return nil, err
		}
		hits = append(hits, next.Hits...)
	}
	res.Hits = hits[:min(len(hits), size)]
	return res, nil
}

// boolExpr turns a Bool into a matching expression.
// boolCount counts a tree's leaves and the memos of its plans.
type boolCount struct{ leaves, memos int }

func (ix *Index) boolExpr(b *Bool, n *boolCount) (bexpr, error) {
	if b == nil {
		return nil, invalidQuery("检索式不完整", "the query is incomplete")
	}
	if b.Op == BoolLeaf {
		if n.leaves++; n.leaves > maxBoolLeaves {
			return nil, invalidQuery("检索式的条件过多（最多 64 个）", "the query has too many terms (at most 64)")
		}
		if b.RecordID != 0 {
			return term("_id", strconv.FormatInt(b.RecordID, 10)), nil
		}
		clauses, err := parseQuery(ix.f.Fold(b.Query))
		if err != nil {
			return nil, err
		}
		p, err := ix.buildPlanAt(clauses, n.memos)
		if err != nil {
			return nil, err
		}
		n.memos = p.memos
		return p.match, nil
	}
	l, err := ix.boolExpr(b.Left, n)
	if err != nil {
		return nil, err
	}
	r, err := ix.boolExpr(b.Right, n)
	if err != nil {
		return nil, err
	}
	switch b.Op {
	case BoolAnd:
		return and(l, r), nil
	case BoolOr:
		return or(l, r), nil
	case BoolNot:
		return bAndNot{l, r}, nil
	}
	return nil, errs.Internalf("search: unknown boolean operator %d", b.Op)
}

// bAndNot matches what its first expression matches and its second does not.
type bAndNot struct{ keep, drop bexpr }

func (n bAndNot) eval(s *segView) *roaring.Bitmap {
	return roaring.AndNot(n.keep.eval(s), n.drop.eval(s))
}

func (n bAndNot) bleve() query.Query {
	q := bleve.NewBooleanQuery()
	q.AddMust(n.keep.bleve())
	q.AddMustNot(n.drop.bleve())
	return q
}
