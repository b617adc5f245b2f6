package circulation

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
)

// PlaceHold queues a reader for the next copy of a record.
func (s *Service) PlaceHold(ctx context.Context, card string, recordID int64) (HoldView, error) {
	var out HoldView
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(strings.TrimSpace(card))
		if err != nil {
			return err
		}
		rec, err := s.holdCheck(tx, r, recordID)
		if err != nil {
			return err
		}
		h := Hold{RecordID: rec.ID, ReaderID: r.ID, PlacedAt: s.now(), Status: HoldWaiting}
		if err := tx.InsertHold(&h); err != nil {
			return err
		}
		if err := s.event(tx, ctx, ledger.Hold, r.ID, 0, catalog.Item{RecordID: rec.ID}, "", map[string]any{"hold_id": h.ID}); err != nil {
			return err
		}
		queue, err := tx.HoldsOfRecord(rec.ID)
		if err != nil {
			return err
		}
		out = HoldView{Hold: h, Title: rec.DisplayTitle(), ReaderCard: r.Card, ReaderName: r.Name, Position: len(queue)}
		// With holds allowed on shelved copies, one may be trapped at once.
		items, err := tx.ItemsOfRecord(rec.ID)
		if err != nil {
			return err
		}
		for _, it := range items {
			if it.Status == catalog.StatusAvailable && it.Lendable {
				if _, err := s.trap(ctx, tx, it); err != nil {
					return err
				}
				if h2, err := tx.Hold(h.ID); err == nil {
					out.Hold = h2
				}
				break
			}
		}
		return nil
	})
	return out, err
}

// CancelHold withdraws a hold. onlyReader, when not 0, allows only that
// reader's own holds. A copy waiting for the hold goes to the next reader.
func (s *Service) CancelHold(ctx context.Context, holdID, onlyReader int64) error {
	return s.cancelHold(ctx, holdID, onlyReader, "")
}

// CancelHoldByStaff withdraws a reader's hold for them, e.g. when they
// say they no longer want it or their class has ended. The reason is
// required; it goes to the ledger and the audit log.
func (s *Service) CancelHoldByStaff(ctx context.Context, holdID int64, reason string) error {
	reason, err := statusReason(reason, true)
	if err != nil {
		return err
	}
	return s.cancelHold(ctx, holdID, 0, reason)
}

func (s *Service) cancelHold(ctx context.Context, holdID, onlyReader int64, reason string) error {
	var recordID int64
	err := s.store.Update(ctx, func(tx Tx) error {
		h, err := tx.Hold(holdID)
		if err != nil {
			return err
		}
		if onlyReader != 0 && h.ReaderID != onlyReader {
			return errs.New(errs.KindForbidden, CodeNotYourHold, "只能取消自己的预约", "you can cancel only your own holds")
		}
		if err := tx.DeleteHold(h.ID); err != nil {
			return err
		}
		recordID = h.RecordID
		detail := map[string]any{"hold_id": h.ID}
		if reason != "" {
			detail["reason"] = reason
		}
		if err := s.event(tx, ctx, ledger.HoldCancel, h.ReaderID, 0, catalog.Item{ID: h.ItemID, RecordID: h.RecordID}, "", detail); err != nil {
			return err
		}
		if reason != "" {
			r, err := tx.Reader(h.ReaderID)
			if err != nil {
				return err
			}
			rec, err := tx.RecordBrief(h.RecordID)
			if err != nil {
				return err
			}
			what := "《" + rec.DisplayTitle() + "》"
			if h.SetID != 0 && h.Status == HoldWaiting {
				if set, err := tx.Set(h.SetID); err == nil {
					what = "《" + set.Title + "》任一卷"
				}
			}
			summary := fmt.Sprintf("取消读者 %s %s 对%s的预约：%s", r.Name, r.Card, what, reason)
			if err := tx.Audit(audit.New(ctx, s.now(), "cancel", "hold", strconv.FormatInt(h.ID, 10), summary)); err != nil {
				return err
			}
		}
		if h.Status == HoldTrapped && h.ItemID != 0 {
			it, err := tx.Item(h.ItemID)
			if err != nil {
				return err
			}
			return s.trapOrShelve(ctx, tx, it)
		}
		return nil
	})
	if err == nil {
		s.changed(ctx, recordID)
	}
	return err
}

// ExpireHolds ends trapped holds whose pickup deadline has passed and
// passes their copies on. It returns how many expired.
func (s *Service) ExpireHolds(ctx context.Context) (int, error) {
	var n int
	var recs []int64
	err := s.store.Update(ctx, func(tx Tx) error {
		recs = nil // PostgreSQL may run the transaction again
		expired, err := tx.ExpiredHolds(s.todayStr())
		if err != nil {
			return err
		}
		for _, h := range expired {
			if err := tx.DeleteHold(h.ID); err != nil {
				return err
			}
			it, err := tx.Item(h.ItemID)
			if err != nil {
				return err
			}
			if err := s.event(tx, ctx, ledger.HoldExpire, h.ReaderID, 0, it, "", map[string]any{"hold_id": h.ID}); err != nil {
				return err
			}
			if err := s.trapOrShelve(ctx, tx, it); err != nil {
				return err
			}
			recs = append(recs, it.RecordID)
		}
		n = len(expired)
		return nil
	})
	if err == nil {
		s.changed(ctx, recs...)
	}
	return n, err
}

// InRoomUse records that a copy was read in the room (阅览). The reader is
// optional: most in-room reading is anonymous.
func (s *Service) InRoomUse(ctx context.Context, barcode, card string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		it, err := tx.ItemByBarcode(strings.TrimSpace(barcode))
		if err != nil {
			return err
		}
		switch it.Status {
		case catalog.StatusOnLoan, catalog.StatusLost, catalog.StatusWithdrawn:
			return errs.Conflict(CodeItemNotInRoom, fmt.Sprintf("该册当前为“%s”，不能登记阅览", it.Status.Label("zh")), fmt.Sprintf("the copy is %s: it cannot be read in the room", it.Status.Label("en")))
		}
		var readerID, classID int64
		if card = strings.TrimSpace(card); card != "" {
			r, err := tx.ReaderByCard(card)
			if err != nil {
				return err
			}
			readerID = r.ID
			if classID, err = tx.CurrentClassOf(r.ID, s.todayStr()); err != nil {
				return err
			}
		}
		return s.event(tx, ctx, ledger.InRoom, readerID, classID, it, "", nil)
	})
}

// MarkLost records a copy as lost, with an optional reason for the audit
// log. A loan on it ends, charged to the reader in the ledger.
func (s *Service) MarkLost(ctx context.Context, barcode, reason string) (catalog.Item, error) {
	return s.changeCopy(ctx, barcode, reason, false, func(tx Tx, it *catalog.Item, reason string) error {
		var readerID, classID int64
		if loan, err := tx.LoanOfItem(it.ID); err == nil {
			if err := tx.DeleteLoan(loan.ID); err != nil {
				return err
			}
			readerID, classID = loan.ReaderID, loan.ClassID
		} else if !errs.Is(err, CodeLoanNotFound) {
			return err
		}
		if h, err := tx.HoldOfItem(it.ID); err == nil {
			h.Status, h.ItemID, h.TrappedAt, h.PickupDeadline = HoldWaiting, 0, nil, ""
			if err := tx.UpdateHold(&h); err != nil {
				return err
			}
		}
		if err := tx.UpdateItemStatus(it.ID, catalog.StatusLost, s.now()); err != nil {
			return err
		}
		it.Status = catalog.StatusLost
		if err := s.event(tx, ctx, ledger.Lost, readerID, classID, *it, "", map[string]any{"price_fen": it.PriceFen}); err != nil {
			return err
		}
		summary := "登记遗失" + itemSummary(tx, *it)
		if readerID != 0 {
			if r, err := tx.Reader(readerID); err == nil {
				summary += "，原借阅读者 " + r.Name + " " + r.Card
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "lost", "item", it.Barcode, withReason(summary, reason)))
	})
}

// MarkDamaged sends a copy on the shelf to repair (损坏送修), with an
// optional reason. A copy on loan is sent to repair when it comes back
// (Checkin with damaged).
func (s *Service) MarkDamaged(ctx context.Context, barcode, reason string) (catalog.Item, error) {
	return s.changeCopy(ctx, barcode, reason, false, func(tx Tx, it *catalog.Item, reason string) error {
		if it.Status != catalog.StatusAvailable {
			return errs.Conflict(CodeItemNotOnShelf, fmt.Sprintf("该册当前为“%s”，请在还书时登记损坏", it.Status.Label("zh")), "only a copy on the shelf can be sent to repair; record damage at return")
		}
		if err := tx.UpdateItemStatus(it.ID, catalog.StatusRepair, s.now()); err != nil {
			return err
		}
		it.Status = catalog.StatusRepair
		if err := s.event(tx, ctx, ledger.Damaged, 0, 0, *it, "", nil); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "damaged", "item", it.Barcode, withReason("登记损坏送修"+itemSummary(tx, *it), reason)))
	})
}

// CanHold reports whether the reader with card may place a hold on the
// record now: nil, or the refusal PlaceHold would give. It changes
// nothing, so the pages offer 预约 only where it would succeed.
func (s *Service) CanHold(ctx context.Context, card string, recordID int64) error {
	return s.store.View(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(strings.TrimSpace(card))
		if err != nil {
			return err
		}
		_, err = s.holdCheck(tx, r, recordID)
		return err
	})
}

// holdCheck applies every rule of placing a hold and returns the record.
func (s *Service) holdCheck(tx Tx, r readers.Reader, recordID int64) (catalog.Record, error) {
	if err := checkCard(r, s.todayStr()); err != nil {
		return catalog.Record{}, err
	}
	rec, err := tx.Record(recordID)
	if err != nil {
		return catalog.Record{}, err
	}
	policies, err := s.policies(tx)
	if err != nil {
		return catalog.Record{}, err
	}
	p := Resolve(policies, r.TypeID, rec.CategoryID)
	if !p.HoldsAllowed {
		return catalog.Record{}, errs.Conflict(CodeHoldNotAllowed, "该类读者不能预约此类图书", "holds are not allowed for this reader type and category")
	}
	items, err := tx.ItemsOfRecord(rec.ID)
	if err != nil {
		return catalog.Record{}, err
	}
	lendable, onShelf := 0, 0
	for _, it := range items {
		if !it.Lendable || it.Status == catalog.StatusLost || it.Status == catalog.StatusWithdrawn {
			continue
		}
		lendable++
		if it.Status == catalog.StatusAvailable {
			onShelf++
		}
		if it.Status == catalog.StatusOnLoan {
			if l, err := tx.LoanOfItem(it.ID); err == nil && l.ReaderID == r.ID {
				return catalog.Record{}, errs.Conflict(CodeHoldAlreadyBorrowed, fmt.Sprintf("您已借有《%s》，无需预约", rec.DisplayTitle()), "you already have a copy of this title")
			}
		}
	}
	if lendable == 0 {
		return catalog.Record{}, errs.Conflict(CodeHoldNoCopies, fmt.Sprintf("《%s》没有可外借的复本，不能预约", rec.DisplayTitle()), "the title has no lendable copies")
	}
	rules, err := s.rulesOf(tx)
	if err != nil {
		return catalog.Record{}, err
	}
	if onShelf > 0 && !rules.HoldOnAvailable {
		return catalog.Record{}, errs.Conflict(CodeHoldItemAvailable, fmt.Sprintf("《%s》有 %d 册在架，可直接到书架借阅，无需预约", rec.DisplayTitle(), onShelf), "a copy is on the shelf: borrow it directly")
	}
	if set, held, err := anyVolumeHoldOn(tx, r.ID, rec.ID); err != nil {
		return catalog.Record{}, err
	} else if held {
		return catalog.Record{}, errs.Conflict(CodeHoldDuplicate, fmt.Sprintf("您已预约《%s》任一卷，其中包括本卷", set.Title), "you have an any-volume hold on this set, which covers this volume")
	}
	mine, err := tx.HoldsOfReader(r.ID)
	if err != nil {
		return catalog.Record{}, err
	}
	for _, h := range mine {
		if h.RecordID == rec.ID && h.SetID == 0 {
			return catalog.Record{}, errs.Conflict(CodeHoldDuplicate, fmt.Sprintf("您已预约《%s》", rec.DisplayTitle()), "you already have a hold on this title")
		}
	}
	if len(mine) >= p.MaxHolds {
		return catalog.Record{}, errs.Conflict(CodeHoldLimitReached, fmt.Sprintf("已预约 %d 种，达到预约上限", len(mine)), "the hold limit is reached")
	}
	return rec, nil
}
