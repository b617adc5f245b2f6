package transfer

import (
	"context"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// importUndo is what an all-or-nothing import has committed so far: the
// records it created and the copies it added (to those records or to
// records the catalogue had), so that a failure can take them back.
type importUndo struct {
	records []int64 // created
	touched []int64 // records that got copies, created or not
	items   []int64
}

func (u *importUndo) add(e *entry) {
	switch e.outcome {
	case Added:
		u.records = append(u.records, e.id)
	case Matched, Overlaid:
	default:
		return
	}
	u.touched = append(u.touched, e.id)
	u.items = append(u.items, e.itemIDs...)
}

// undoChunk is how many copies or records one taking-back transaction
// deletes: a few milliseconds of the writer.
const undoChunk = 500

// takeBack deletes what an all-or-nothing import had committed before it
// failed, in short transactions like the import's own. Copies lent, held
// or used meanwhile are kept (with their records), and the error says how
// many, so the librarian can see to them.
func (s *Service) takeBack(ctx context.Context, u importUndo, what string) error {
	if len(u.items) == 0 && len(u.records) == 0 {
		return nil
	}
	var kept []int64
	deleted := 0
	for from := 0; from < len(u.items); from += undoChunk {
		chunk := u.items[from:min(from+undoChunk, len(u.items))]
		err := s.store.Update(ctx, func(tx Tx) error {
			k, err := tx.DeleteImportedCopies(chunk)
			kept = append(kept, k...)
			return err
		})
		if err != nil {
			return err
		}
	}
	for from := 0; from < len(u.records); from += undoChunk {
		chunk := u.records[from:min(from+undoChunk, len(u.records))]
		err := s.store.Update(ctx, func(tx Tx) error {
			n, err := tx.DeleteRecordsWithoutCopies(chunk)
			deleted += n
			return err
		})
		if err != nil {
			return err
		}
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		return tx.Audit(audit.New(ctx, time.Now(), "import", "record", "",
			fmt.Sprintf("撤销批量导入%s：有行未能入库，已删除先前存入的 %d 条书目、%d 册复本", what, deleted, len(u.items)-len(kept))))
	})
	if err != nil {
		return err
	}
	s.catalog.Changed(ctx, u.touched...)
	if len(kept) > 0 {
		return errs.Conflict(CodeImportUndoIncomplete,
			fmt.Sprintf("有行未能入库，已撤销本次导入，但有 %d 册复本在导入期间已被借出、预约或使用，未能撤销，请在编目中核对", len(kept)),
			fmt.Sprintf("a row failed and the import was taken back, but %d copies were lent, held or used meanwhile and were kept", len(kept)))
	}
	return nil
}
