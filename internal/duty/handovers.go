package duty

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// HandoverInput is a handover as the shift writes it.
type HandoverInput struct {
	Day         string `json:"day"`
	ShiftID     int64  `json:"shift_id"`
	Happened    string `json:"happened"`
	FollowUp    string `json:"follow_up"`
	Periodicals string `json:"periodicals"`
	Cash        string `json:"cash"`
}

// MaxHandoverText bounds each text of a handover.
const MaxHandoverText = 2000

// WriteHandover records the shift's handover; each shift of a day has one.
func (s *Service) WriteHandover(ctx context.Context, in HandoverInput) (h Handover, err error) {
	in.Happened, in.FollowUp = plaintext.Text(in.Happened), plaintext.Text(in.FollowUp)
	in.Periodicals, in.Cash = plaintext.Text(in.Periodicals), plaintext.Line(in.Cash)
	if _, err := time.ParseInLocation(time.DateOnly, in.Day, s.tz); err != nil {
		return h, errs.Invalid(errs.CodeDateInvalid, "day", "日期应写成 2026-12-04", "the date must look like 2026-12-04")
	}
	switch {
	case in.Day > s.Today():
		return h, errs.Invalid(CodeHandoverInvalid, "day", "不能为以后的日期写交接班记录", "a handover cannot be written for a day to come")
	case in.Happened == "":
		return h, errs.Invalid(CodeHandoverInvalid, "happened", "请填写当班情况", "write what happened on the shift")
	}
	for field, text := range map[string]string{"happened": in.Happened, "follow_up": in.FollowUp, "periodicals": in.Periodicals, "cash": in.Cash} {
		if utf8.RuneCountInString(text) > MaxHandoverText {
			return h, errs.Invalid(CodeHandoverInvalid, field, fmt.Sprintf("每项不超过 %d 个字", MaxHandoverText), fmt.Sprintf("each part is at most %d characters", MaxHandoverText))
		}
	}
	if in.Cash == "" {
		in.Cash = "无"
	}
	a := audit.ActorFrom(ctx)
	err = s.store.Update(ctx, func(tx Tx) error {
		sh, err := tx.Shift(in.ShiftID)
		if err != nil {
			return err
		}
		h = Handover{Day: in.Day, ShiftID: sh.ID, ShiftName: sh.Name, UserID: a.UserID, WrittenBy: nameOf(tx, a),
			Happened: in.Happened, FollowUp: in.FollowUp, Periodicals: in.Periodicals, Cash: in.Cash, CreatedAt: s.now()}
		if err := tx.InsertHandover(&h); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Conflict(CodeHandoverExists, fmt.Sprintf("%s %s 已有交接班记录", in.Day, sh.Name), fmt.Sprintf("%s %s already has a handover", in.Day, sh.Name))
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "duty_handover", fmt.Sprint(h.ID), fmt.Sprintf("%s %s 交接班记录", in.Day, sh.Name)))
	})
	return h, err
}

// AckHandover is the next shift confirming it read the handover.
func (s *Service) AckHandover(ctx context.Context, id int64) (h Handover, err error) {
	a := audit.ActorFrom(ctx)
	err = s.store.Update(ctx, func(tx Tx) error {
		if h, err = tx.Handover(id); err != nil {
			return err
		}
		switch {
		case h.Acked():
			return errs.Conflict(CodeHandoverAcked, "该交接班记录已由"+h.AckedBy+"确认", "the handover was already acknowledged by "+h.AckedBy)
		case h.UserID != 0 && h.UserID == a.UserID:
			return errs.Conflict(CodeHandoverOwn, "交接班记录须由接班人确认，不能确认自己写的记录", "the next shift acknowledges a handover, not its writer")
		}
		at, by := s.now(), nameOf(tx, a)
		if err := tx.AckHandover(id, by, at.UnixMilli()); err != nil {
			return err
		}
		h.AckedBy, h.AckedAt = by, at
		return tx.Audit(audit.New(ctx, at, "acknowledge", "duty_handover", fmt.Sprint(id), fmt.Sprintf("确认 %s %s 交接班记录", h.Day, h.ShiftName)))
	})
	return h, err
}

// Handovers lists the latest handovers, newest first.
func (s *Service) Handovers(ctx context.Context, limit int) (out []Handover, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Handovers(limit)
		return err
	})
	return out, err
}

// Handover returns one handover.
func (s *Service) Handover(ctx context.Context, id int64) (h Handover, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		h, err = tx.Handover(id)
		return err
	})
	return h, err
}
