package duty

import (
	"context"
	"fmt"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// SwapRequest asks to hand a slot to a colleague.
type SwapRequest struct {
	SlotID int64  `json:"slot_id"`
	ToUser int64  `json:"to_user"`
	Reason string `json:"reason"`
}

// RequestSwap asks to give one's slot to a colleague; the librarian
// decides. A librarian's own request (reassigning anyone's slot) takes
// effect at once.
func (s *Service) RequestSwap(ctx context.Context, in SwapRequest) (sw Swap, err error) {
	in.Reason = plaintext.Text(in.Reason)
	if utf8.RuneCountInString(in.Reason) > 200 {
		return sw, errs.Invalid(CodeSwapInvalid, "reason", "换班原因不超过 200 个字", "the reason is at most 200 characters")
	}
	a := audit.ActorFrom(ctx)
	err = s.store.Update(ctx, func(tx Tx) error {
		slot, err := tx.Slot(in.SlotID)
		if err != nil {
			return err
		}
		if slot.Day < s.Today() {
			return errs.Invalid(CodeSwapInvalid, "slot_id", "已过去的班次不能换班", "a past shift cannot be swapped")
		}
		if slot.UserID != a.UserID && !isLibrarian(a) {
			return errs.New(errs.KindForbidden, CodeSwapNotYours, "只能为自己的班次申请换班", "you can ask to swap only your own shifts")
		}
		if err := s.freeFor(tx, slot, in.ToUser); err != nil {
			return err
		}
		sw = Swap{SlotID: slot.ID, Day: slot.Day, ShiftName: slot.ShiftName, FromUser: slot.UserID, ToUser: in.ToUser,
			Reason: in.Reason, Status: SwapPending, CreatedAt: s.now()}
		if isLibrarian(a) {
			sw.Status, sw.DecidedBy = SwapApproved, nameOf(tx, a)
			if err := tx.SetSlotUser(slot.ID, in.ToUser); err != nil {
				return err
			}
		}
		if err := tx.InsertSwap(&sw); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "request", "duty_swap", fmt.Sprint(sw.ID),
			fmt.Sprintf("%s %s 换班申请（%s）", slot.Day, slot.ShiftName, statusLabel(sw.Status))))
	})
	return sw, err
}

// freeFor checks that to may take slot: an active staff member other than
// the slot's, not already on that shift.
func (s *Service) freeFor(tx Tx, slot Slot, to int64) error {
	staff, err := tx.DutyStaff()
	if err != nil {
		return err
	}
	known := false
	for _, st := range staff {
		known = known || st.ID == to
	}
	if !known {
		return errs.Invalid(CodeSwapInvalid, "to_user", "请选择接替的工作人员", "choose the colleague who takes the shift")
	}
	if to == slot.UserID {
		return errs.Invalid(CodeSwapInvalid, "to_user", "接替人不能是本人", "the colleague must be someone else")
	}
	same, err := tx.Slots(slot.Day, slot.Day)
	if err != nil {
		return err
	}
	for _, o := range same {
		if o.ShiftID == slot.ShiftID && o.UserID == to {
			return errs.Conflict(CodeSwapInvalid, "接替人当班已在岗", "the colleague is already on that shift")
		}
	}
	return nil
}

func statusLabel(st SwapStatus) string {
	switch st {
	case SwapApproved:
		return "已批准"
	case SwapRefused:
		return "未批准"
	}
	return "待审批"
}

// DecideSwap approves (the slot passes to the colleague) or refuses a
// pending swap.
func (s *Service) DecideSwap(ctx context.Context, id int64, approve bool) (sw Swap, err error) {
	err = s.store.Update(ctx, func(tx Tx) error {
		if err := librarianOnly(ctx, "只有馆员可以审批换班", "only a librarian decides swaps"); err != nil {
			return err
		}
		if sw, err = tx.Swap(id); err != nil {
			return err
		}
		if sw.Status != SwapPending {
			return errs.Conflict(CodeSwapSettled, "换班申请已处理", "the swap request was already decided")
		}
		sw.Status, sw.DecidedBy = SwapRefused, nameOf(tx, audit.ActorFrom(ctx))
		if approve {
			slot, err := tx.Slot(sw.SlotID)
			if err != nil {
				return err
			}
			if slot.UserID != sw.FromUser {
				return errs.Conflict(CodeSwapSettled, "该班次已换人，申请作废", "the shift has changed hands since; the request lapses")
			}
			if err := s.freeFor(tx, slot, sw.ToUser); err != nil {
				return err
			}
			if err := tx.SetSlotUser(slot.ID, sw.ToUser); err != nil {
				return err
			}
			sw.Status = SwapApproved
		}
		if err := tx.SetSwapStatus(id, sw.Status, sw.DecidedBy); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "decide", "duty_swap", fmt.Sprint(id),
			fmt.Sprintf("%s %s 换班：%s", sw.Day, sw.ShiftName, statusLabel(sw.Status))))
	})
	return sw, err
}

// Swaps lists swap requests in a status ("" for all), newest first.
func (s *Service) Swaps(ctx context.Context, st SwapStatus) (out []Swap, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Swaps(st, 100)
		return err
	})
	return out, err
}
