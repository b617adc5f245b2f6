package search

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"shuwu/internal/errs"
)

// CodeRebuildRunning is returned when Rebuild is called while one runs.
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

	buf := make([]Document, 0, ix.opts.BatchSize)
	flush := func() error {
		if err := ix.indexDocs(ctx, bi, buf); err != nil {
			return err
		}
		n := ix.done.Add(int64(len(buf)))
		buf = buf[:0]
		if progress != nil {
			progress(int(n))
		}
		return nil
	}
	err = each(func(d Document) error {
		buf = append(buf, d)
		if len(buf) == cap(buf) {
			if err := ctx.Err(); err != nil {
				return err
			}
			return flush()
		}
		return nil
	})
	if err == nil && len(buf) > 0 {
		err = flush()
	}
	if err != nil {
		return fail(err)
	}

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
