package app

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"shuwu/internal/errs"
	"sync"
	"time"

	"shuwu/internal/api"
	"shuwu/internal/catalog"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/search"
	"shuwu/internal/web"
)

// Search keeps the Bleve index in step with the catalogue and answers
// searches with records from the database, the source of truth.
type Search struct {
	ix  *search.Index
	cat *catalog.Service
	log *slog.Logger

	mu      sync.Mutex
	pending map[int64]bool // records whose document changed
	// shelf holds records whose availability may have changed (a loan or
	// return): the index is told from the database, without re-indexing
	// the document.
	shelf map[int64]bool
	// flushing is held while changes are indexed, so a search that catches
	// up waits for a flush already under way instead of missing its records.
	flushing sync.Mutex
	// indexed holds a fingerprint of the document last sent to the index
	// per record (guarded by flushing). Lending one of several copies
	// leaves the document as it was, and Bleve work is what makes the desk
	// wait, so unchanged documents are not sent again.
	indexed map[int64]uint64
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

// openSearch opens the index and starts the background indexer.
// synonymsFile, if set, adds synonym groups to the built-in ones.
func openSearch(dir, synonymsFile string, cat *catalog.Service, log *slog.Logger) (*Search, error) {
	synonyms := search.DefaultSynonyms()
	if synonymsFile != "" {
		f, err := os.Open(synonymsFile)
		if err != nil {
			return nil, errs.Invalid("SYNONYMS_UNREADABLE", "synonyms", "无法读取同义词文件 "+synonymsFile, "cannot read the synonyms file "+synonymsFile).Wrap(err)
		}
		extra, err := search.ParseSynonyms(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		synonyms = append(synonyms, extra...)
	}
	ix, err := search.Open(dir, search.Options{BoostRequired: true, Synonyms: synonyms})
	if err != nil {
		return nil, err
	}
	s := &Search{ix: ix, cat: cat, log: log, pending: map[int64]bool{}, shelf: map[int64]bool{}, indexed: map[int64]uint64{}, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	// The shelf set is not kept on disk: load it before the first search.
	if err := s.resetShelf(context.Background()); err != nil {
		ix.Close()
		return nil, err
	}
	cat.OnChange(s.enqueue)
	go s.run()
	return s, nil
}

// enqueue notes changed records; the indexer picks them up shortly after.
// Lending must not wait for the index, so this never blocks.
func (s *Search) enqueue(_ context.Context, ids []int64) {
	s.mu.Lock()
	for _, id := range ids {
		s.pending[id] = true
	}
	s.mu.Unlock()
	s.poke()
}

// shelfChanged notes records whose copies were lent or returned; like
// enqueue, it never blocks the desk.
func (s *Search) shelfChanged(_ context.Context, ids ...int64) {
	s.mu.Lock()
	for _, id := range ids {
		s.shelf[id] = true
	}
	s.mu.Unlock()
	s.poke()
}

func (s *Search) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// resetShelf loads which records have a copy on the shelf from the
// database.
func (s *Search) resetShelf(ctx context.Context) error {
	ids, err := s.cat.RecordsOnShelf(ctx, nil)
	if err != nil {
		return fmt.Errorf("load the records on the shelf: %w", err)
	}
	s.ix.ResetAvailable(ids)
	return nil
}

// indexDelay coalesces bursts of changes (a batch of new copies, a busy
// desk) into one index update.
const indexDelay = 200 * time.Millisecond

func (s *Search) run() {
	defer close(s.done)
	for {
		select {
		case <-s.stop:
			s.flush()
			return
		case <-s.wake:
		}
		select {
		case <-time.After(indexDelay):
		case <-s.stop:
		}
		s.flush()
	}
}

// maxCatchUp bounds the changes a search indexes before answering; a bulk
// import's thousands of records are left to the background indexer.
const maxCatchUp = 200

// catchUp indexes pending changes before a search, so a librarian who
// has just saved a record finds it at once.
func (s *Search) catchUp() {
	s.mu.Lock()
	n := len(s.pending)
	s.mu.Unlock()
	if n <= maxCatchUp {
		s.flush()
	}
}

func (s *Search) flush() {
	s.flushing.Lock()
	defer s.flushing.Unlock()
	s.mu.Lock()
	ids := make([]int64, 0, len(s.pending))
	for id := range s.pending {
		ids = append(ids, id)
	}
	var shelf []int64
	for id := range s.shelf {
		if !s.pending[id] { // reindexing tells the shelf state too
			shelf = append(shelf, id)
		}
	}
	s.pending, s.shelf = map[int64]bool{}, map[int64]bool{}
	s.mu.Unlock()
	ctx := context.Background()
	if len(shelf) > 0 {
		if err := s.updateShelf(ctx, shelf); err != nil {
			s.log.Error("search: update shelf states", "count", len(shelf), "err", err)
		}
	}
	if len(ids) == 0 {
		return
	}
	if err := s.reindex(ctx, ids); err != nil {
		s.log.Error("search: index changed records", "count", len(ids), "err", err)
	}
}

// updateShelf tells the index, from the database, whether each record
// has a copy on the shelf.
func (s *Search) updateShelf(ctx context.Context, ids []int64) error {
	on, err := s.cat.RecordsOnShelf(ctx, ids)
	if err != nil {
		return err
	}
	states := make(map[int64]bool, len(ids))
	for _, id := range ids {
		states[id] = false
	}
	for _, id := range on {
		states[id] = true
	}
	s.ix.SetAvailable(states)
	return nil
}

// reindex brings the given records' documents up to date, deleting those
// that no longer exist.
func (s *Search) reindex(ctx context.Context, ids []int64) error {
	recs, err := s.cat.RecordsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	items, err := s.cat.ItemsOfRecords(ctx, ids)
	if err != nil {
		return err
	}
	b, err := newDocBuilder(ctx, s.cat)
	if err != nil {
		return err
	}
	found := map[int64]bool{}
	docs := make([]search.Document, 0, len(recs))
	prints := make([]uint64, 0, len(recs))
	unchanged := map[int64]bool{} // their shelf state, which Upsert would otherwise tell
	for _, r := range recs {
		found[r.ID] = true
		d := b.doc(catalog.RecordDetail{Record: r, Items: items[r.ID]})
		fp := fingerprint(d)
		if last, ok := s.indexed[r.ID]; ok && last == fp {
			unchanged[r.ID] = d.Available
			continue
		}
		docs, prints = append(docs, d), append(prints, fp)
	}
	// Availability is not part of the fingerprint: an unchanged document
	// may still have changed shelf state.
	s.ix.SetAvailable(unchanged)
	var gone []int64
	for _, id := range ids {
		if !found[id] {
			gone = append(gone, id)
			delete(s.indexed, id)
		}
	}
	if len(gone) > 0 {
		if err := s.ix.Delete(ctx, gone...); err != nil {
			return err
		}
	}
	if len(docs) == 0 {
		return nil
	}
	if err := s.ix.Upsert(ctx, docs...); err != nil {
		return err
	}
	for i, d := range docs {
		s.indexed[d.RecordID] = prints[i]
	}
	return nil
}

// fingerprint identifies a document's content. Availability is left out:
// the index keeps it beside the documents (search.Index.SetAvailable).
func fingerprint(d search.Document) uint64 {
	d.Available = false
	h := fnv.New64a()
	fmt.Fprintf(h, "%#v", d)
	return h.Sum64()
}

// docBuilder turns records into search documents, with the names of
// categories and locations and the required-reading set looked up once.
type docBuilder struct {
	cats     map[int64]string
	locs     map[int64]string
	required map[int64]bool
}

func newDocBuilder(ctx context.Context, cat *catalog.Service) (*docBuilder, error) {
	b := &docBuilder{cats: map[int64]string{}, locs: map[int64]string{}, required: map[int64]bool{}}
	cs, err := cat.Categories(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		b.cats[c.ID] = c.Name
	}
	ls, err := cat.Locations(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		b.locs[l.ID] = l.Name
	}
	lists, err := cat.ReadingLists(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range lists {
		for _, id := range l.RecordIDs {
			b.required[id] = true
		}
	}
	return b, nil
}

func (b *docBuilder) doc(d catalog.RecordDetail) search.Document {
	doc := search.Document{
		RecordID: d.ID, Title: d.Title, OtherTitle: d.OtherTitle, ParallelTitle: d.ParallelTitle,
		Series: d.Series, Summary: d.Summary, Publisher: d.Publisher, Subjects: d.Subjects,
		CLC: d.CLC, Category: b.cats[d.CategoryID], Language: d.Language, Year: d.Year,
		RequiredReading: b.required[d.ID], Added: d.CreatedAt,
	}
	for _, a := range d.Authors {
		doc.Authors = append(doc.Authors, a.Name)
	}
	if d.ISBN != "" {
		doc.ISBNs = []string{d.ISBN}
	}
	seenCall, seenLoc := map[string]bool{}, map[string]bool{}
	for _, it := range d.Items {
		if it.Status == catalog.StatusWithdrawn {
			continue
		}
		doc.Barcodes = append(doc.Barcodes, it.Barcode)
		if it.CallNumber != "" && !seenCall[it.CallNumber] {
			seenCall[it.CallNumber] = true
			doc.CallNumbers = append(doc.CallNumbers, it.CallNumber)
			if doc.CallNumberSortKey == "" {
				doc.CallNumberSortKey = callno.SortKey(it.CallNumber)
			}
		}
		if name := b.locs[it.LocationID]; name != "" && !seenLoc[name] {
			seenLoc[name] = true
			doc.Locations = append(doc.Locations, name)
		}
		if it.Status == catalog.StatusAvailable {
			doc.Available = true
		}
	}
	return doc
}

// Rebuild builds a fresh index from the database; searches keep working on
// the old one meanwhile. progress may be nil.
func (s *Search) Rebuild(ctx context.Context, progress func(done int)) error {
	s.flushing.Lock()
	s.indexed = map[int64]uint64{} // the new index is built from scratch
	s.flushing.Unlock()
	b, err := newDocBuilder(ctx, s.cat)
	if err != nil {
		return err
	}
	err = s.ix.Rebuild(ctx, func(yield func(search.Document) error) error {
		return s.cat.EachRecord(ctx, func(d catalog.RecordDetail) error { return yield(b.doc(d)) })
	}, progress)
	if err != nil {
		return err
	}
	// The rebuild read each record's shelf state as it went; loans made
	// meanwhile may have been overtaken by that read, so load it afresh.
	s.flushing.Lock()
	defer s.flushing.Unlock()
	return s.resetShelf(ctx)
}

// NeedsRebuild reports whether the index is missing, stale or holds a
// different number of records than the database.
func (s *Search) NeedsRebuild(records int) bool {
	st := s.ix.Status()
	return st.Stale || int(st.DocCount) != records
}

// Status is the index's state.
func (s *Search) Status() search.Status { return s.ix.Status() }

// Search answers a query with records fresh from the database.
func (s *Search) Search(ctx context.Context, q api.SearchQuery) (api.SearchResult, error) {
	s.catchUp()
	res, err := s.ix.Search(ctx, search.Request{Query: q.Text, Page: q.Page, Size: q.Size, Sort: search.SortOrder(q.Sort), Filters: q.Filters, Facets: true})
	if err != nil {
		return api.SearchResult{}, err
	}
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.RecordID
	}
	recs, err := s.cat.RecordsByIDs(ctx, ids)
	if err != nil {
		return api.SearchResult{}, err
	}
	items, err := s.cat.ItemsOfRecords(ctx, ids)
	if err != nil {
		return api.SearchResult{}, err
	}
	byID := map[int64]catalog.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	out := api.SearchResult{Total: res.Total, Page: max(q.Page, 1), Size: q.Size, DidYouMean: res.DidYouMean, Rebuilding: res.Rebuilding,
		Hits: make([]api.SearchHit, 0, len(res.Hits)), Facets: map[string][]api.SearchFacetValue{}}
	for _, h := range res.Hits {
		r, ok := byID[h.RecordID]
		if !ok {
			continue // deleted since it was indexed; the indexer catches up
		}
		hit := api.SearchHit{Record: r, Highlights: h.Highlights}
		for _, it := range items[r.ID] {
			if it.Status == catalog.StatusWithdrawn {
				continue
			}
			hit.Copies++
			if it.Status == catalog.StatusAvailable {
				hit.Available++
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	for name, vals := range res.Facets {
		fv := make([]api.SearchFacetValue, len(vals))
		for i, v := range vals {
			fv[i] = api.SearchFacetValue{Value: v.Value, Label: v.Label, Count: v.Count}
		}
		out.Facets[name] = fv
	}
	return out, nil
}

// Close stops the indexer after indexing what is pending, and closes the
// index.
func (s *Search) Close() error {
	close(s.stop)
	<-s.done
	return s.ix.Close()
}

// webSearch adapts the index to what the pages need: record ids in rank
// order, facets in a fixed order with Chinese labels.
type webSearch struct{ s *Search }

// facetOrder and facetLabels fix how facets appear on the search page.
var (
	facetOrder  = []string{search.FacetCategory, search.FacetCLC, search.FacetAvailable, search.FacetLocation, search.FacetYear, search.FacetLanguage}
	facetLabels = map[string]string{search.FacetCategory: "分类", search.FacetCLC: "中图法大类", search.FacetAvailable: "在架情况",
		search.FacetLocation: "馆藏位置", search.FacetYear: "出版年", search.FacetLanguage: "语种"}
)

func (w webSearch) Search(ctx context.Context, q web.SearchQuery) (web.SearchResult, error) {
	w.s.catchUp()
	res, err := w.s.ix.Search(ctx, search.Request{Query: q.Text, Page: q.Page, Size: q.Size, Filters: q.Filters, Facets: true})
	if err != nil {
		return web.SearchResult{}, err
	}
	out := web.SearchResult{Total: res.Total, DidYouMean: res.DidYouMean, Rebuilding: res.Rebuilding, Reachable: search.MaxResults, RecordIDs: make([]int64, len(res.Hits))}
	for i, h := range res.Hits {
		out.RecordIDs[i] = h.RecordID
	}
	for _, name := range facetOrder {
		vals := res.Facets[name]
		if len(vals) == 0 {
			continue
		}
		f := web.Facet{Name: name, Label: facetLabels[name]}
		for _, v := range vals {
			f.Values = append(f.Values, web.FacetValue{Value: v.Value, Label: v.Label, Count: v.Count})
		}
		out.Facets = append(out.Facets, f)
	}
	return out, nil
}
