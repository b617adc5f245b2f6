package search

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"shuwu/internal/errs"
)

// CodeRebuildRunning is returned when Rebuild is called while one runs:
// 检索索引正在重建 / the search index is being rebuilt.
const CodeRebuildRunning errs.Code = "SEARCH_REBUILD_RUNNING"

// Rebuild builds a new index from every document each yields, beside the
// serving one, and swaps it in atomically when done. Searches keep using the
// old index meanwhile and report Rebuilding; Upsert and Delete made during
// the build are applied to both, so nothing is lost to the swap. progress,
// if not nil, is called after each batch with the number indexed so far.
// On error or cancellation the old index stays in service.
func (ix *Index) Rebuild(ctx context.Context, each func(yield func(Document) error) error, progress func(done int)) error {
	if !ix.rebuilding.CompareAndSwap(false, true) {
		return errs.Conflict(CodeRebuildRunning, "索引正在重建", "the search index is already being rebuilt")
	}
	ix.done.Store(0)
	gen, bi, err := ix.newGeneration()
	if err != nil {
		ix.finishRebuild()
		return errs.Internalf("rebuild: %w", err)
	}
	fail := func(err error) error {
		bi.Close()
		os.RemoveAll(filepath.Join(ix.dir, gen))
		ix.finishRebuild()
		return err
	}

	err = ix.buildAll(ctx, bi, each, progress)
	if err != nil {
		return fail(err)
	}

	ix.cache.warm(bi)

	// Replay changes made during the build, then swap under the write lock
	// so no change can slip between the replay and the swap.
	ix.writeMu.Lock()
	for _, op := range ix.pending {
		if op.doc != nil {
			err = ix.indexDocs(ctx, bi, []Document{*op.doc})
		} else {
			err = ix.deleteDocs(ctx, bi, []int64{op.delete})
		}
		if err != nil {
			ix.writeMu.Unlock()
			return fail(err)
		}
	}
	m := meta{Generation: gen, Schema: schemaVersion, Complete: true, BuiltAt: time.Now().UTC()}
	if err := writeMeta(ix.dir, m); err != nil {
		ix.writeMu.Unlock()
		return fail(errs.Internalf("rebuild: %w", err))
	}
	ix.mu.Lock()
	old, oldGen := ix.cur, ix.met.Generation
	ix.cur, ix.met = bi, m
	ix.broken.Store(false)
	ix.mu.Unlock()
	ix.pending = nil
	ix.rebuilding.Store(false)
	ix.writeMu.Unlock()

	if old != nil {
		old.Close()
	}
	os.RemoveAll(filepath.Join(ix.dir, oldGen))
	return nil
}

func (ix *Index) finishRebuild() {
	ix.writeMu.Lock()
	ix.pending = nil
	ix.rebuilding.Store(false)
	ix.writeMu.Unlock()
}

// buildAll indexes every document each yields into bi. Scorch turns each
// batch into a segment on the calling goroutine, so batches go to one
// worker per CPU: while one worker builds its segment, another analyses
// the next batch. Record ids are unique in a rebuild, so the order in which
// batches land does not matter.
func (ix *Index) buildAll(ctx context.Context, bi bleve.Index, each func(yield func(Document) error) error, progress func(done int)) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	workers := max(1, runtime.GOMAXPROCS(0))
	batches := make(chan []Document, workers)
	free := make(chan []Document, workers+1)
	var progressMu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for buf := range batches {
				if ctx.Err() != nil {
					continue // drain
				}
				if err := ix.indexDocs(ctx, bi, buf); err != nil {
					cancel(err)
					continue
				}
				n := ix.done.Add(int64(len(buf)))
				if progress != nil {
					progressMu.Lock()
					progress(int(n))
					progressMu.Unlock()
				}
				select {
				case free <- buf[:0]:
				default:
				}
			}
		}()
	}
	newBuf := func() []Document {
		select {
		case b := <-free:
			return b
		default:
			return make([]Document, 0, ix.opts.BatchSize)
		}
	}
	buf := newBuf()
	err := each(func(d Document) error {
		buf = append(buf, d)
		if len(buf) == cap(buf) {
			if err := ctx.Err(); err != nil {
				return context.Cause(ctx)
			}
			batches <- buf
			buf = newBuf()
		}
		return nil
	})
	if err == nil && len(buf) > 0 {
		batches <- buf
	}
	close(batches)
	wg.Wait()
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

// CodeIndexBusy is returned by Open when another process holds the index:
// 检索索引被另一个进程占用 / another process holds the search index.
const CodeIndexBusy errs.Code = "SEARCH_INDEX_BUSY"
