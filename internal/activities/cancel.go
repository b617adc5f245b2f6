package activities

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// MaxCancelNote bounds the reason given when an activity is cancelled.
const MaxCancelNote = 200

// Cancel calls a whole activity off before its end, with the reason the
// registrants read in their portal: the room's librarians any, an
// organiser only its own. Registrations, waitlist places and sign-ins
// stay as they happened (the ledger is not touched), so the figures of
// what took place do not change; nobody can register or sign in any more,
// and the reminders in the portal stop. The room's booking is left to be
// cancelled on its own.
func (s *Service) Cancel(ctx context.Context, id int64, note string) (Activity, error) {
	a := audit.ActorFrom(ctx)
	note = plaintext.Line(strings.TrimSpace(note))
	switch {
	case note == "":
		return Activity{}, errs.Invalid(CodeActivityInvalid, "cancel_note", "请写明取消的原因（读者会在门户看到）", "say why it is cancelled (readers see it in the portal)")
	case utf8.RuneCountInString(note) > MaxCancelNote:
		return Activity{}, errs.Invalid(CodeActivityInvalid, "cancel_note", fmt.Sprintf("取消原因不超过 %d 个字", MaxCancelNote), fmt.Sprintf("the reason is at most %d characters", MaxCancelNote))
	}
	var act Activity
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if act, err = tx.Activity(id); err != nil {
			return err
		}
		ok, err := owns(tx, a, act)
		if err != nil {
			return err
		}
		if !ok {
			return errs.New(errs.KindForbidden, CodeActivityNotYours, "只能取消本单位的活动", "you can cancel only your own unit's activities")
		}
		switch {
		case act.Status == Cancelled:
			return errs.Conflict(CodeActivityCancelled, "活动已经取消了", "the activity is already cancelled")
		case !act.End.After(s.now()):
			return errs.Conflict(CodeActivityCancelled, "活动已经结束，不能再取消", "the activity is over and cannot be cancelled")
		}
		act.Status, act.CancelNote, act.CancelledBy, act.CancelledAt = Cancelled, note, a.Name, s.now()
		if err := tx.CancelActivity(act); err != nil {
			return err
		}
		regs, err := tx.Registrations(act.ID)
		if err != nil {
			return err
		}
		n := 0
		for _, g := range regs {
			if g.Status == Registered || g.Status == Waitlisted {
				n++
			}
		}
		zh, _ := span(act.Start, act.End, s.tz)
		return tx.Audit(audit.New(ctx, s.now(), "cancel", "activity", fmt.Sprint(act.ID),
			fmt.Sprintf("取消活动「%s」%s（已报名及候补 %d 人）：%s", act.Title, zh, n, note)))
	})
	return act, err
}
