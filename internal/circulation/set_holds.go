package circulation

import (
	"context"
	"fmt"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
)

// PlaceSetHold queues a reader for the next copy of any volume of a set
// (任一卷): a copy of any member record that comes back, or is on the
// shelf now, is trapped for them in turn with the holds on that volume.
func (s *Service) PlaceSetHold(ctx context.Context, card string, setID int64) (HoldView, error) {
	var out HoldView
	var recs []int64
	err := s.store.Update(ctx, func(tx Tx) error {
		recs = nil
		r, err := tx.ReaderByCard(strings.TrimSpace(card))
		if err != nil {
			return err
		}
		chk, err := s.setHoldCheck(tx, r, setID)
		if err != nil {
			return err
		}
		h := Hold{RecordID: chk.first, SetID: chk.set.ID, ReaderID: r.ID, PlacedAt: s.now(), Status: HoldWaiting}
		if err := tx.InsertHold(&h); err != nil {
			return err
		}
		if err := s.event(tx, ctx, ledger.Hold, r.ID, 0, catalog.Item{RecordID: chk.first}, "", map[string]any{"hold_id": h.ID, "set_id": chk.set.ID}); err != nil {
			return err
		}
		queue, err := tx.HoldsOfSet(chk.set.ID)
		if err != nil {
			return err
		}
		out = HoldView{Hold: h, Title: chk.set.Title, SetTitle: chk.set.Title, ReaderCard: r.Card, ReaderName: r.Name, Position: len(queue)}
		// With holds allowed on shelved copies, one of any volume may be
		// trapped at once, the set's volumes in order.
		for _, it := range chk.onShelf {
			trap, err := s.trap(ctx, tx, it)
			if err != nil {
				return err
			}
			if trap == nil || trap.HoldID != h.ID {
				continue
			}
			if h2, err := tx.Hold(h.ID); err == nil {
				out.Hold = h2
			}
			if rec, err := tx.RecordBrief(it.RecordID); err == nil {
				out.Title = rec.Title
			}
			recs = append(recs, it.RecordID)
			break
		}
		return nil
	})
	if err == nil {
		s.changed(ctx, recs...)
	}
	return out, err
}

// CanHoldSet reports whether the reader with card may place an
// any-volume hold on the set now: nil, or the refusal PlaceSetHold would
// give. It changes nothing.
func (s *Service) CanHoldSet(ctx context.Context, card string, setID int64) error {
	return s.store.View(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(strings.TrimSpace(card))
		if err != nil {
			return err
		}
		_, err = s.setHoldCheck(tx, r, setID)
		return err
	})
}

// setHoldOK is what placing an any-volume hold needs of its checks.
type setHoldOK struct {
	set     catalog.Set
	first   int64          // the first volume with a lendable copy
	onShelf []catalog.Item // lendable copies on the shelf, volumes in order
}

// setHoldCheck applies the rules of an any-volume hold: those of a hold
// on a record, over all the set's volumes. Every volume's loan rules must
// allow holds, and the lowest hold limit among them applies. A reader who
// has a volume on loan, or holds one of the volumes already, is told to
// hold the volume they want instead.
func (s *Service) setHoldCheck(tx Tx, r readers.Reader, setID int64) (setHoldOK, error) {
	var ok setHoldOK
	if err := checkCard(r, s.todayStr()); err != nil {
		return ok, err
	}
	set, err := tx.Set(setID)
	if err != nil {
		return ok, err
	}
	ok.set = set
	if len(set.RecordIDs) == 0 {
		return ok, errs.Conflict(CodeHoldNoCopies, fmt.Sprintf("《%s》还没有任何一卷，不能预约", set.Title), "the set has no volumes")
	}
	recs, err := tx.RecordsByIDs(set.RecordIDs)
	if err != nil {
		return ok, err
	}
	byID := map[int64]catalog.Record{}
	for _, rec := range recs {
		byID[rec.ID] = rec
	}
	policies, err := s.policies(tx)
	if err != nil {
		return ok, err
	}
	items, err := tx.ItemsOfRecords(set.RecordIDs)
	if err != nil {
		return ok, err
	}
	maxHolds, lendable := -1, 0
	for _, rid := range set.RecordIDs {
		rec := byID[rid]
		p := Resolve(policies, r.TypeID, rec.CategoryID)
		if !p.HoldsAllowed {
			return ok, errs.Conflict(CodeHoldNotAllowed, fmt.Sprintf("该类读者不能预约《%s》，请预约具体的某一卷", rec.DisplayTitle()), "holds are not allowed on one of the volumes for this reader type: hold a single volume")
		}
		if maxHolds < 0 || p.MaxHolds < maxHolds {
			maxHolds = p.MaxHolds
		}
		for _, it := range items[rid] {
			if !it.Lendable || it.Status == catalog.StatusLost || it.Status == catalog.StatusWithdrawn {
				continue
			}
			lendable++
			if ok.first == 0 {
				ok.first = rid
			}
			if it.Status == catalog.StatusAvailable {
				ok.onShelf = append(ok.onShelf, it)
			}
			if it.Status == catalog.StatusOnLoan {
				if l, err := tx.LoanOfItem(it.ID); err == nil && l.ReaderID == r.ID {
					return ok, errs.Conflict(CodeHoldAlreadyBorrowed, fmt.Sprintf("您已借有《%s》；如需本套书的其他卷，请预约具体的某一卷", rec.DisplayTitle()), "you have a volume of this set on loan: hold the volume you want")
				}
			}
		}
	}
	if lendable == 0 {
		return ok, errs.Conflict(CodeHoldNoCopies, fmt.Sprintf("《%s》各卷都没有可外借的复本，不能预约", set.Title), "no volume of the set has a lendable copy")
	}
	rules, err := s.rulesOf(tx)
	if err != nil {
		return ok, err
	}
	if len(ok.onShelf) > 0 && !rules.HoldOnAvailable {
		rec := byID[ok.onShelf[0].RecordID]
		return ok, errs.Conflict(CodeHoldItemAvailable, fmt.Sprintf("《%s》有 %d 册在架（如《%s》），可直接到书架借阅，无需预约", set.Title, len(ok.onShelf), rec.DisplayTitle()), "a copy of a volume is on the shelf: borrow it directly")
	}
	mine, err := tx.HoldsOfReader(r.ID)
	if err != nil {
		return ok, err
	}
	member := map[int64]bool{}
	for _, id := range set.RecordIDs {
		member[id] = true
	}
	for _, h := range mine {
		if h.SetID == set.ID {
			return ok, errs.Conflict(CodeHoldDuplicate, fmt.Sprintf("您已预约《%s》任一卷", set.Title), "you already have an any-volume hold on this set")
		}
		if h.SetID == 0 && member[h.RecordID] {
			return ok, errs.Conflict(CodeHoldDuplicate, fmt.Sprintf("您已预约本套书的《%s》，不能再预约任一卷", h.Title), "you already hold a volume of this set")
		}
	}
	if len(mine) >= maxHolds {
		return ok, errs.Conflict(CodeHoldLimitReached, fmt.Sprintf("已预约 %d 种，达到预约上限", len(mine)), "the hold limit is reached")
	}
	return ok, nil
}

// anyVolumeHoldOn returns the reader's any-volume hold on the set the
// record belongs to, if they have one.
func anyVolumeHoldOn(tx Tx, readerID, recordID int64) (catalog.Set, bool, error) {
	set, err := tx.SetOfRecord(recordID)
	if errs.Is(err, catalog.CodeSetNotFound) {
		return set, false, nil
	}
	if err != nil {
		return set, false, err
	}
	holds, err := tx.HoldsOfSet(set.ID)
	if err != nil {
		return set, false, err
	}
	for _, h := range holds {
		if h.ReaderID == readerID {
			return set, true, nil
		}
	}
	return set, false, nil
}
