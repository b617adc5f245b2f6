package circulation

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
)

// Error codes of the copy-status use cases.
const (
	// 该册当前为“…”，无需恢复 / the copy is in service: nothing to restore
	CodeItemNotOut errs.Code = "ITEM_NOT_OUT_OF_SERVICE"
	// 该册在借或在预约架上，须先归还或取消预约才能剔除 / a copy on loan or on the hold shelf cannot be withdrawn
	CodeItemInUse errs.Code = "ITEM_IN_CIRCULATION"
	// 该册已剔除 / the copy is already withdrawn
	CodeItemWithdrawn errs.Code = "ITEM_ALREADY_WITHDRAWN"
	// 原因不能超过 … 个字 / the reason is too long
	CodeReasonTooLong errs.Code = "REASON_TOO_LONG"
	// 请填写原因 / give a reason
	CodeReasonRequired errs.Code = "REASON_REQUIRED"
	// 该册当前状态不能登记阅览 / the copy cannot be recorded as read in the room
	CodeItemNotInRoom errs.Code = "ITEM_NOT_IN_ROOM"
)

const maxStatusReasonRunes = 200

// statusReason checks the note a person gives for a status change.
func statusReason(reason string, required bool) (string, error) {
	reason = strings.TrimSpace(reason)
	if required && reason == "" {
		return "", errs.Invalid(CodeReasonRequired, "reason", "请填写原因", "give a reason")
	}
	if utf8.RuneCountInString(reason) > maxStatusReasonRunes {
		return "", errs.Invalid(CodeReasonTooLong, "reason", fmt.Sprintf("原因不能超过 %d 个字", maxStatusReasonRunes), fmt.Sprintf("the reason may have at most %d characters", maxStatusReasonRunes))
	}
	return reason, nil
}

// itemSummary names a copy in an audit line: 复本 00000001《红岩》.
func itemSummary(tx Tx, it catalog.Item) string {
	title := ""
	if r, err := tx.RecordBrief(it.RecordID); err == nil {
		title = "《" + r.DisplayTitle() + "》"
	}
	return "复本 " + it.Barcode + title
}

// withReason appends a reason to an audit summary.
func withReason(summary, reason string) string {
	if reason == "" {
		return summary
	}
	return summary + "：" + reason
}

// changeCopy runs change on the copy with barcode in one transaction,
// once the person's reason is checked, and tells the search the record
// changed when it succeeds: the frame of every copy-status use case.
func (s *Service) changeCopy(ctx context.Context, barcode, reason string, reasonRequired bool, change func(tx Tx, it *catalog.Item, reason string) error) (catalog.Item, error) {
	var it catalog.Item
	reason, err := statusReason(reason, reasonRequired)
	if err != nil {
		return it, err
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		var err error
		if it, err = tx.ItemByBarcode(strings.TrimSpace(barcode)); err != nil {
			return err
		}
		return change(tx, &it, reason)
	})
	if err == nil {
		s.changed(ctx, it.RecordID)
	}
	return it, err
}

// ReturnToShelf puts a lost, repaired, withdrawn or in-transit copy back
// in service (找回 / 修补完成 / 恢复): to the first reader waiting for its
// record, or on the shelf.
func (s *Service) ReturnToShelf(ctx context.Context, barcode, reason string) (catalog.Item, error) {
	return s.changeCopy(ctx, barcode, reason, false, func(tx Tx, it *catalog.Item, reason string) error {
		was := it.Status
		switch was {
		case catalog.StatusLost, catalog.StatusRepair, catalog.StatusWithdrawn, catalog.StatusInTransit:
		default:
			return errs.Conflict(CodeItemNotOut, fmt.Sprintf("该册当前为“%s”，无需恢复", was.Label("zh")), fmt.Sprintf("the copy is %s: nothing to restore", was.Label("en")))
		}
		if was == catalog.StatusLost {
			if err := s.event(tx, ctx, ledger.Found, 0, 0, *it, "", nil); err != nil {
				return err
			}
		}
		if err := s.trapOrShelve(ctx, tx, *it); err != nil {
			return err
		}
		now, err := tx.Item(it.ID)
		if err != nil {
			return err
		}
		*it = now
		verb := map[catalog.ItemStatus]string{catalog.StatusLost: "找回", catalog.StatusRepair: "修补完成", catalog.StatusWithdrawn: "恢复", catalog.StatusInTransit: "到馆"}[was]
		return tx.Audit(audit.New(ctx, s.now(), "restore", "item", it.Barcode, withReason(verb+itemSummary(tx, *it)+"，现为"+it.Status.Label("zh"), reason)))
	})
}

// Withdraw takes a copy out of the collection (剔除) with the reason,
// e.g. worn out or superseded. A copy on loan or waiting on the hold
// shelf must come back first.
func (s *Service) Withdraw(ctx context.Context, barcode, reason string) (catalog.Item, error) {
	return s.changeCopy(ctx, barcode, reason, true, func(tx Tx, it *catalog.Item, reason string) error {
		switch it.Status {
		case catalog.StatusWithdrawn:
			return errs.Conflict(CodeItemWithdrawn, "该册已剔除", "the copy is already withdrawn")
		case catalog.StatusOnLoan, catalog.StatusOnHoldShelf:
			return errs.Conflict(CodeItemInUse, fmt.Sprintf("该册当前为“%s”，须先归还或取消预约才能剔除", it.Status.Label("zh")), "a copy on loan or on the hold shelf cannot be withdrawn")
		}
		if err := tx.UpdateItemStatus(it.ID, catalog.StatusWithdrawn, s.now()); err != nil {
			return err
		}
		it.Status = catalog.StatusWithdrawn
		return tx.Audit(audit.New(ctx, s.now(), "withdraw", "item", it.Barcode, withReason("剔除"+itemSummary(tx, *it), reason)))
	})
}
