// Package search is shuwu's full-text index: an embedded Bleve index of
// catalogue records, with analysis for Chinese readers (characters and
// character pairs, traditional→simplified folding, pinyin and pinyin
// initials, Party abbreviations, ISBN-10/13, call numbers) and the ranking a
// librarian expects. The database stays the source of truth: the index is
// rebuilt from it (Rebuild) and kept in step by Upsert and Delete.
//
// Bleve stores the index; searching reads its segments directly. Queries
// become AND/OR trees of terms evaluated with roaring bitmaps (bitmap.go),
// so totals and facet counts are exact at any number of matches, and the
// relevance order is taken by tiers and an indexed rank key before the
// first page is re-ranked from stored fields (window.go, rank.go).
//
// Whether a record has a copy on the shelf is not in the index files: it
// changes with every loan, so it is a set of record ids beside Bleve
// (shelf.go), changed by SetAvailable without any index work.
package search

import (
	"errors"

	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"shuwu/internal/errs"
)

// schemaVersion changes whenever fields or analysis change; an index built
// under another version is stale and must be rebuilt.
const schemaVersion = 7

// Document is what the index knows of one catalogue record and its items.
type Document struct {
	RecordID                         int64
	Title, OtherTitle, ParallelTitle string
	// Volume is the part number and part name (第二卷，…): searchable as
	// part of the title; VolumeSortKey (catalog.PartSortKey, computed by
	// the caller) orders the volumes of one title in a title sort.
	Volume, VolumeSortKey            string
	Series, Summary, Publisher       string
	Authors, Subjects                []string
	CLC, Category, Language          string
	ISBNs                            []string // any form; normalised to ISBN-13 when valid
	CallNumbers, Barcodes, Locations []string
	CallNumberSortKey                string // shelf-order key, computed by the caller
	Year                             int
	// Available: a copy is on the shelf now. Upsert records it in the
	// shelf set, not in the index files (see SetAvailable).
	Available       bool
	RequiredReading bool
	Added           time.Time
}

// Options configure an Index.
type Options struct {
	// Synonyms are groups of equivalent terms, expanded at query time.
	// Nil means DefaultSynonyms(); an empty non-nil slice means none.
	Synonyms [][]string
	// BoostRequired ranks required-reading records first among equally
	// relevant ones.
	BoostRequired bool
	// BatchSize is the number of documents per index batch; 0 means 1000.
	// A rebuild keeps one batch per CPU in flight, and memory grows with it.
	BatchSize int
}

// Status describes the index for health pages and the search page.
type Status struct {
	Ready      bool // searches are answered from a complete index
	Rebuilding bool
	Done       int // documents indexed so far by the running rebuild
	DocCount   uint64
	// Stale is true when the index on disk was missing, incomplete or built
	// by an older version: the caller should start Rebuild.
	Stale   bool
	BuiltAt time.Time // when the serving index finished building
}

// Index is a search index in a directory of its own. It is safe for
// concurrent use.
type Index struct {
	dir  string
	opts Options
	f    *folder
	syn  *synonymSet
	an   analyzers

	mu  sync.RWMutex // guards cur and meta; writers hold writeMu too
	cur bleve.Index
	met meta

	writeMu    sync.Mutex // serialises changes, the swap and pending
	pending    []pendingOp
	rebuilding atomic.Bool
	done       atomic.Int64
	// broken is set when Bleve panicked while changing the serving index
	// (it does after failing to write a segment to a full disk): the index
	// must be rebuilt from the database.
	broken atomic.Bool

	cache segCache
	shelf shelf
}

type analyzers struct {
	text     textAnalyzer
	pairs    textAnalyzer // summary, subjects, publisher
	pinyin   pinyinAnalyzer
	initials initialsAnalyzer
	keyword  keywordAnalyzer
}

// meta is stored in dir/CURRENT and names the serving generation.
type meta struct {
	Generation string    `json:"generation"`
	Schema     int       `json:"schema"`
	Complete   bool      `json:"complete"`
	BuiltAt    time.Time `json:"built_at"`
}

type pendingOp struct {
	doc    *Document
	delete int64
}

const currentFile = "CURRENT"

// Open opens the index in dir, creating dir and an empty index if needed.
// An empty, incomplete or outdated index opens with Status().Stale set;
// searches work meanwhile (on what there is) and the caller starts Rebuild.
func Open(dir string, opts Options) (*Index, error) {
	f, err := sharedFolder()
	if err != nil {
		return nil, fmt.Errorf("load t2s dictionaries: %w", err)
	}
	if opts.Synonyms == nil {
		opts.Synonyms = DefaultSynonyms()
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 1000
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index dir: %w", err)
	}
	ix := &Index{dir: dir, opts: opts, f: f, syn: newSynonymSet(f, opts.Synonyms)}
	ix.an = analyzers{text: textAnalyzer{f: f}, pairs: textAnalyzer{f: f, pairsOnly: true}, pinyin: pinyinAnalyzer{f}, initials: initialsAnalyzer{f}}

	m, err := readMeta(dir)
	if err == nil && m.Schema == schemaVersion {
		// A bounded wait for the lock: another process (the running
		// server) holding the index is an answer, not a reason to hang.
		bi, err := bleve.OpenUsing(filepath.Join(dir, m.Generation), map[string]interface{}{"bolt_timeout": "2s"})
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, errs.Conflict(CodeIndexBusy, "检索索引正被另一个进程（运行中的服务器）使用：请先停止服务器再重建索引", "the search index is in use by another process (a running server); stop it first")
		}
		if err == nil {
			ix.cur, ix.met = bi, m
			ix.removeOtherGenerations(m.Generation)
			ix.cache.warm(bi)
			return ix, nil
		}
	}
	// Missing, unreadable or outdated: start an empty generation.
	gen, bi, err := ix.newGeneration()
	if err != nil {
		return nil, err
	}
	m = meta{Generation: gen, Schema: schemaVersion}
	if err := writeMeta(dir, m); err != nil {
		bi.Close()
		return nil, err
	}
	ix.cur, ix.met = bi, m
	ix.removeOtherGenerations(gen)
	return ix, nil
}

func readMeta(dir string) (meta, error) {
	var m meta
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if err != nil {
		return m, err
	}
	err = json.Unmarshal(b, &m)
	if err == nil && (m.Generation == "" || strings.ContainsAny(m.Generation, `/\`)) {
		err = fmt.Errorf("bad generation %q", m.Generation)
	}
	return m, err
}

// writeMeta replaces dir/CURRENT atomically (write and rename), so a crash
// leaves either the old or the new generation named, never half a file.
func writeMeta(dir string, m meta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, currentFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write index meta: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentFile)); err != nil {
		return fmt.Errorf("replace index meta: %w", err)
	}
	return nil
}

// newGeneration creates an empty Bleve index in a fresh sub-directory.
// Scorch's unsafe_batch would speed up a rebuild, but it lost the last
// batch across close and reopen, so every generation is built durably.
func (ix *Index) newGeneration() (string, bleve.Index, error) {
	gen := "gen-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	bi, err := bleve.NewUsing(filepath.Join(ix.dir, gen), newMapping(), scorch.Name, scorch.Name, scorchConfig())
	if err != nil {
		return "", nil, fmt.Errorf("create index: %w", err)
	}
	return gen, bi, nil
}

// scorchConfig merges segments twenty at a time instead of ten: a record
// is rewritten by about two merges on the way to a million records instead
// of three, a quarter of the build's merge work, for up to twice as many
// segments (each costs a search a few dictionary lookups). Bleve writes
// into the map it is given, so each index gets its own.
func scorchConfig() map[string]any {
	return map[string]any{
		"scorchMergePlanOptions": map[string]any{
			"MaxSegmentsPerTier":   20,
			"SegmentsPerMergeTask": 20,
			"TierGrowth":           20.0,
		},
	}
}

// removeOtherGenerations deletes leftovers of interrupted rebuilds.
func (ix *Index) removeOtherGenerations(keep string) {
	entries, err := os.ReadDir(ix.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") && e.Name() != keep {
			os.RemoveAll(filepath.Join(ix.dir, e.Name()))
		}
	}
}

// newMapping returns a mapping with nothing dynamic: documents are built
// field by field (IndexAdvanced), so the mapping only has to stay out of
// the way — no _all field, no guessed fields.
func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.DefaultMapping.Dynamic = false
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im
}

// Upsert adds or replaces documents, in batches.
func (ix *Index) Upsert(ctx context.Context, docs ...Document) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.RLock()
	bi := ix.cur
	ix.mu.RUnlock()
	if err := ix.indexDocs(ctx, bi, docs); err != nil {
		return err
	}
	if ix.rebuilding.Load() {
		for i := range docs {
			d := docs[i]
			ix.pending = append(ix.pending, pendingOp{doc: &d})
		}
	}
	return nil
}

// Delete removes documents by record id; unknown ids are ignored.
func (ix *Index) Delete(ctx context.Context, ids ...int64) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.RLock()
	bi := ix.cur
	ix.mu.RUnlock()
	if err := ix.deleteDocs(ctx, bi, ids); err != nil {
		return err
	}
	if ix.rebuilding.Load() {
		for _, id := range ids {
			ix.pending = append(ix.pending, pendingOp{delete: id})
		}
	}
	return nil
}

func (ix *Index) indexDocs(ctx context.Context, bi bleve.Index, docs []Document) (err error) {
	defer ix.survive(bi, &err)
	states := make(map[int64]bool, len(docs))
	for i := range docs {
		states[docs[i].RecordID] = docs[i].Available
	}
	ix.SetAvailable(states)
	b := bi.NewBatch()
	for i := range docs {
		if err := b.IndexAdvanced(ix.buildDoc(&docs[i])); err != nil {
			return errs.Internalf("index record %d: %w", docs[i].RecordID, err)
		}
		if b.Size() >= ix.opts.BatchSize {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := bi.Batch(b); err != nil {
				ix.batchFailed(bi)
				return errs.Internalf("index batch: %w", err)
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := bi.Batch(b); err != nil {
			ix.batchFailed(bi)
			return errs.Internalf("index batch: %w", err)
		}
	}
	return nil
}

// batchFailed marks the serving index broken after Bleve refused a batch:
// once it failed to write a segment (a full disk) its in-memory state is
// gone, and the next search or batch panics.
func (ix *Index) batchFailed(bi bleve.Index) {
	if bi == ix.serving() {
		ix.broken.Store(true)
	}
}

func (ix *Index) deleteDocs(ctx context.Context, bi bleve.Index, ids []int64) (err error) {
	defer ix.survive(bi, &err)
	if err := ctx.Err(); err != nil {
		return err
	}
	b := bi.NewBatch()
	gone := make(map[int64]bool, len(ids))
	for _, id := range ids {
		b.Delete(strconv.FormatInt(id, 10))
		gone[id] = false
	}
	ix.SetAvailable(gone)
	if err := bi.Batch(b); err != nil {
		ix.batchFailed(bi)
		return errs.Internalf("delete from index: %w", err)
	}
	return nil
}

// Status reports the state of the index.
func (ix *Index) Status() Status {
	ix.mu.RLock()
	bi, m := ix.cur, ix.met
	ix.mu.RUnlock()
	var n uint64
	if bi != nil {
		n, _ = bi.DocCount()
	}
	return Status{
		Ready:      m.Complete,
		Rebuilding: ix.rebuilding.Load(),
		Done:       int(ix.done.Load()),
		DocCount:   n,
		Stale:      !m.Complete || ix.broken.Load(),
		BuiltAt:    m.BuiltAt,
	}
}

// survive turns a panic inside Bleve into an error, so a full disk does
// not bring the whole server down with the index: Bleve 2.6 panics on its
// next batch after it failed to persist a segment. The serving index is
// then marked broken (Status().Stale) for a rebuild from the database.
func (ix *Index) survive(bi bleve.Index, err *error) {
	p := recover()
	if p == nil {
		return
	}
	ix.mu.RLock()
	serving := bi == ix.cur
	ix.mu.RUnlock()
	if serving {
		ix.broken.Store(true)
	}
	*err = errs.Internalf("search index: bleve panicked (the index will be rebuilt from the database): %v", p)
}

// serving is the index searches and changes go to.
func (ix *Index) serving() bleve.Index {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.cur
}

// Broken reports whether the serving index failed inside Bleve and must
// be rebuilt.
func (ix *Index) Broken() bool { return ix.broken.Load() }

// Close closes the index. A running rebuild fails on its next batch.
func (ix *Index) Close() error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.cur == nil {
		return nil
	}
	err := ix.cur.Close()
	ix.cur = nil
	return err
}

// Field names in the Bleve index.
const (
	fTitle       = "title"
	fTitleOther  = "title_other"
	fTitleKey    = "title_key"
	fTitlePinyin = "title_py"
	fTitleInit   = "title_pyi"
	fAuthor      = "author"
	fAuthorPy    = "author_py"
	fAuthorInit  = "author_pyi"
	fSubject     = "subject"
	fSeries      = "series"
	fPublisher   = "publisher"
	fSummary     = "summary"
	fCLC         = "clc"
	fCLCTop      = "clc_top"
	fCategory    = "category"
	fLanguage    = "language"
	fLocation    = "location"
	fRequired    = "required"
	fYear        = "year"
	fISBN        = "isbn"
	fCallNumber  = "callno"
	fBarcode     = "barcode"
	fSortTitle   = "sort_title"
	fSortCall    = "sort_callno"
	fSortAdded   = "sort_added"
	fTitleLen    = "tlen" // characters of title and other title information
	fRankKey     = "rk"   // see rankKey
	// Whole names, folded to their key (nameKey), so a field search can
	// put the records whose author, publisher or series is exactly the
	// query first, then the names that start with it.
	fAuthorKey    = "author_key"
	fPublisherKey = "publisher_key"
	fSeriesKey    = "series_key"
)

// Matching and facets read postings bitmaps (bitmap.go), so no field needs
// term vectors and only the sort fields need doc values.
const (
	optText       = index.IndexField
	optTextStored = index.IndexField | index.StoreField
	optSort       = index.IndexField | index.DocValues // doc values are built from indexed terms
)

// buildDoc turns a Document into Bleve fields. Only what ranking, sorting
// and highlighting need is stored or kept as doc values.
func (ix *Index) buildDoc(d *Document) *document.Document {
	doc := document.NewDocument(strconv.FormatInt(d.RecordID, 10))
	add := func(name string, pos int, v string, opts index.FieldIndexingOptions, a analysis.Analyzer) {
		if v == "" {
			return
		}
		doc.AddField(document.NewTextFieldCustom(name, []uint64{uint64(pos)}, []byte(v), opts, a))
	}
	kw := func(name string, v string, opts index.FieldIndexingOptions) {
		if v != "" {
			doc.AddField(document.NewTextFieldCustom(name, nil, []byte(v), opts, ix.an.keyword))
		}
	}

	// Title: every title part is searchable; the main title alone is stored.
	titles := []string{d.Title, d.OtherTitle, d.ParallelTitle, d.Volume}
	for i, t := range titles {
		opts := optText
		if i == 0 {
			opts |= index.StoreField
		}
		add(fTitle, i, t, opts, ix.an.text)
		add(fTitlePinyin, i, t, optText, ix.an.pinyin)
		add(fTitleInit, i, t, optText, ix.an.initials)
	}
	add(fTitleOther, 0, d.OtherTitle, index.StoreField, ix.an.keyword)
	add(fTitleOther, 1, d.ParallelTitle, index.StoreField, ix.an.keyword)
	for _, k := range titleKeys(ix.f, d) {
		kw(fTitleKey, k, optText)
	}
	for i, a := range d.Authors {
		add(fAuthor, i, a, optTextStored, ix.an.text)
		add(fAuthorPy, i, a, optText, ix.an.pinyin)
		add(fAuthorInit, i, a, optText, ix.an.initials)
	}
	for i, s := range d.Subjects {
		add(fSubject, i, s, optTextStored, ix.an.pairs)
	}
	for _, a := range d.Authors {
		kw(fAuthorKey, nameKey(ix.f, a), optText)
	}
	kw(fPublisherKey, nameKey(ix.f, d.Publisher), optText)
	kw(fSeriesKey, nameKey(ix.f, d.Series), optText)
	add(fSeries, 0, d.Series, optTextStored, ix.an.text)
	add(fPublisher, 0, d.Publisher, optTextStored, ix.an.pairs)
	add(fSummary, 0, d.Summary, optText, ix.an.pairs)

	if clc := normCallNumber(d.CLC); clc != "" {
		for _, p := range clcPath(clc) {
			kw(fCLC, p, optText)
		}
		kw(fCLCTop, clcTop(clc), optText)
	}
	kw(fCategory, d.Category, optText)
	kw(fLanguage, d.Language, optText)
	for _, l := range d.Locations {
		kw(fLocation, l, optText)
	}
	if d.RequiredReading {
		kw(fRequired, "true", optTextStored)
	}
	if d.Year > 0 && d.Year <= 9999 {
		kw(fYear, yearTerm(d.Year), optSort|index.StoreField)
	}
	tlen := utf8.RuneCountInString(titleKey(ix.f.Fold(d.Title + d.OtherTitle)))
	kw(fTitleLen, titleLenTerm(tlen), optText)
	kw(fRankKey, rankKeyTerm(rankKey(d, tlen)), optText)
	for _, s := range d.ISBNs {
		if n, ok := normalizeISBN(s); ok {
			kw(fISBN, n, optText)
		} else if s = strings.NewReplacer("-", "", " ", "").Replace(s); s != "" {
			kw(fISBN, strings.ToUpper(s), optText)
		}
	}
	for _, c := range d.CallNumbers {
		kw(fCallNumber, normCallNumber(c), optText)
	}
	for _, b := range d.Barcodes {
		kw(fBarcode, normCallNumber(b), optText)
	}
	// Title first, then volume: \x00 sorts below every character, so
	// the volumes of one title stay together before a longer title.
	kw(fSortTitle, sortKey(ix.f, d.Title)+"\x00"+d.VolumeSortKey, optSort)
	kw(fSortCall, d.CallNumberSortKey, optSort)
	if !d.Added.IsZero() {
		kw(fSortAdded, d.Added.UTC().Format("20060102150405"), optSort|index.StoreField)
	}
	return doc
}
