// Package indexing is the search use case: it keeps the Bleve index in
// step with the catalogue (changed records re-indexed in the background,
// lending telling only which records' shelf state may have changed) and
// answers searches with records from the database, the source of truth.
// The surfaces translate its answers; the index itself is package search.
package indexing

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/errs"
	"shuwu/internal/search"
)

// Indexer keeps the Bleve index in step with the catalogue and answers
// searches with records from the database, the source of truth.
type Indexer struct {
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

	// failing is set while indexing fails (a full disk): the changes are
	// kept and tried again after retryDelay, and the failure is logged
	// once a minute, not at every change.
	failing atomic.Bool
	logMu   sync.Mutex
	lastLog time.Time
	quiet   int // failures not logged since lastLog
}

// retryDelay is how long the indexer waits after a failure before trying
// again; failLogEvery how often a lasting failure is logged.
const (
	retryDelay   = 10 * time.Second
	failLogEvery = time.Minute
)

// failed logs an indexing failure at most once a minute.
func (s *Indexer) failed(what string, err error, args ...any) {
	s.failing.Store(true)
	s.logMu.Lock()
	now := time.Now()
	logIt := now.Sub(s.lastLog) >= failLogEvery
	quiet := s.quiet
	if logIt {
		s.lastLog, s.quiet = now, 0
	} else {
		s.quiet++
	}
	s.logMu.Unlock()
	if logIt {
		s.log.Error(what, append(args, "err", err, "not_logged_since_last", quiet, "retry_in", retryDelay)...)
	}
}

// recovered notes that indexing works again.
func (s *Indexer) recovered() {
	if s.failing.CompareAndSwap(true, false) {
		s.log.Info("search: indexing works again")
		s.logMu.Lock()
		s.lastLog, s.quiet = time.Time{}, 0
		s.logMu.Unlock()
	}
}

// Open opens the index in dir and starts the background indexer.
// synonymsFile, if set, adds synonym groups to the built-in ones.
func Open(dir, synonymsFile string, cat *catalog.Service, log *slog.Logger) (*Indexer, error) {
	synonyms := search.DefaultSynonyms()
	if synonymsFile != "" {
		f, err := os.Open(synonymsFile)
		if err != nil {
			return nil, errs.Invalid(CodeSynonymsUnreadable, "synonyms", "无法读取同义词文件 "+synonymsFile, "cannot read the synonyms file "+synonymsFile).Wrap(err)
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
	s := &Indexer{ix: ix, cat: cat, log: log, pending: map[int64]bool{}, shelf: map[int64]bool{}, indexed: map[int64]uint64{}, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	// The shelf set is not kept on disk: load it before the first search.
	if err := s.resetShelf(context.Background()); err != nil {
		ix.Close()
		return nil, err
	}
	cat.OnChange(s.Enqueue)
	go s.run()
	return s, nil
}

// Enqueue notes changed records; the indexer picks them up shortly after.
// Lending must not wait for the index, so this never blocks.
func (s *Indexer) Enqueue(_ context.Context, ids []int64) {
	s.mu.Lock()
	for _, id := range ids {
		s.pending[id] = true
	}
	s.mu.Unlock()
	s.poke()
}

// ShelfChanged notes records whose copies were lent or returned; like
// Enqueue, it never blocks the desk.
func (s *Indexer) ShelfChanged(_ context.Context, ids ...int64) {
	s.mu.Lock()
	for _, id := range ids {
		s.shelf[id] = true
	}
	s.mu.Unlock()
	s.poke()
}

func (s *Indexer) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// resetShelf loads which records have a copy on the shelf from the
// database.
func (s *Indexer) resetShelf(ctx context.Context) error {
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

func (s *Indexer) run() {
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
		if s.ix.Broken() {
			// Bleve gave up on the serving index (a full disk): build a
			// fresh one from the database, once there is room for it.
			if err := s.Rebuild(context.Background(), nil); err != nil {
				s.failed("search: rebuild the broken index", err)
			} else {
				s.log.Info("search: the broken index was rebuilt from the database")
			}
		}
		s.flush()
		if s.failing.Load() {
			select {
			case <-time.After(retryDelay):
				s.poke()
			case <-s.stop:
			}
		}
	}
}

// maxCatchUp bounds the changes a search indexes before answering; a bulk
// import's thousands of records are left to the background indexer.
const maxCatchUp = 200

// catchUp indexes pending changes before a search, so a librarian who
// has just saved a record finds it at once.
func (s *Indexer) catchUp() {
	if s.failing.Load() {
		return // the background indexer retries; a search must not wait on a full disk
	}
	s.mu.Lock()
	n := len(s.pending)
	s.mu.Unlock()
	if n <= maxCatchUp {
		s.flush()
	}
}

func (s *Indexer) flush() {
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
		// Keep the changes for the next try: dropping them left the
		// records unsearchable until a rebuild.
		s.mu.Lock()
		for _, id := range ids {
			s.pending[id] = true
		}
		s.mu.Unlock()
		s.failed("search: index changed records", err, "count", len(ids))
		return
	}
	s.recovered()
}

// updateShelf tells the index, from the database, whether each record
// has a copy on the shelf.
func (s *Indexer) updateShelf(ctx context.Context, ids []int64) error {
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
func (s *Indexer) reindex(ctx context.Context, ids []int64) error {
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
		Volume: d.Volume(), VolumeSortKey: catalog.PartSortKey(d.PartNumber, d.PartName),
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
func (s *Indexer) Rebuild(ctx context.Context, progress func(done int)) error {
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
func (s *Indexer) NeedsRebuild(records int) bool {
	st := s.ix.Status()
	return st.Stale || int(st.DocCount) != records
}

// Status is the index's state.
func (s *Indexer) Status() search.Status { return s.ix.Status() }

// Found is a page of hits with their records fresh from the database.
type Found struct {
	// Result is the index's answer: total, facets, did-you-mean. Its hits
	// are in Hits with their records.
	Result search.Result
	// Hits are the hits still in the database, in rank order.
	Hits []FoundHit
}

// FoundHit is one found record with its copies counted.
type FoundHit struct {
	Record     catalog.Record
	Highlights map[string][]string
	Copies     int // not withdrawn
	Available  int // on the shelf
}

// Search answers a query from the index alone: record ids in rank order
// and facets. Pending changes are indexed first (up to maxCatchUp).
func (s *Indexer) Search(ctx context.Context, req search.Request) (search.Result, error) {
	s.catchUp()
	if s.ix.Broken() {
		return s.searchDatabase(ctx, req)
	}
	res, err := s.ix.Search(ctx, req)
	if err != nil {
		if s.ix.Broken() { // it broke during this search
			return s.searchDatabase(ctx, req)
		}
		return search.Result{}, err
	}
	return *res, nil
}

// searchDatabase answers a search while the index is broken (a full disk
// made Bleve give up) and being rebuilt: from the database, by title,
// author, publisher or ISBN, newest first, without facets. Readers still
// find books; the answer says Rebuilding.
func (s *Indexer) searchDatabase(ctx context.Context, req search.Request) (search.Result, error) {
	recs, total, err := s.cat.Records(ctx, catalog.RecordFilter{Query: req.Query, Page: catalog.Page{Number: req.Page, Size: req.Size}})
	if err != nil {
		return search.Result{}, err
	}
	res := search.Result{Total: total, Rebuilding: true, Hits: make([]search.Hit, len(recs))}
	for i, r := range recs {
		res.Hits[i] = search.Hit{RecordID: r.ID}
	}
	return res, nil
}

// Find answers a query with the hits' records fresh from the database.
func (s *Indexer) Find(ctx context.Context, req search.Request) (Found, error) {
	res, err := s.Search(ctx, req)
	if err != nil {
		return Found{}, err
	}
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.RecordID
	}
	recs, err := s.cat.RecordsByIDs(ctx, ids)
	if err != nil {
		return Found{}, err
	}
	items, err := s.cat.ItemsOfRecords(ctx, ids)
	if err != nil {
		return Found{}, err
	}
	byID := map[int64]catalog.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	out := Found{Result: res, Hits: make([]FoundHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		r, ok := byID[h.RecordID]
		if !ok {
			continue // deleted since it was indexed; the indexer catches up
		}
		hit := FoundHit{Record: r, Highlights: h.Highlights}
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
	return out, nil
}

// Close stops the indexer after indexing what is pending, and closes the
// index.
func (s *Indexer) Close() error {
	close(s.stop)
	<-s.done
	return s.ix.Close()
}

// SearchBool answers a boolean protocol query (CQL over SRU) from the
// index: record ids from (0-based), at most size.
func (s *Indexer) SearchBool(ctx context.Context, b *search.Bool, from, size int) (search.Result, error) {
	s.catchUp()
	res, err := s.ix.SearchBool(ctx, b, from, size)
	if err != nil {
		return search.Result{}, err
	}
	return *res, nil
}

// Scan browses an index's terms (SRU scan).
func (s *Indexer) Scan(ctx context.Context, field search.ScanField, from string, after bool, n int) ([]search.ScanTerm, error) {
	s.catchUp()
	return s.ix.Scan(ctx, field, from, after, n)
}
