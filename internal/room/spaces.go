package room

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Spaces lists the room's areas in their order, the whole room first.
func (s *Service) Spaces(ctx context.Context) (out []Space, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Spaces()
		return err
	})
	return out, err
}

// Space returns one area.
func (s *Service) Space(ctx context.Context, id int64) (sp Space, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		sp, err = tx.Space(id)
		return err
	})
	return sp, err
}

// MaxCapacity bounds a space's seats.
const MaxCapacity = 1000

// clock parses "HH:MM" into minutes after midnight.
func clock(s string) (int, bool) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil || len(strings.TrimSpace(s)) != 5 {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// SaveSpace changes an area's name, seats, hours and whether it is booked.
func (s *Service) SaveSpace(ctx context.Context, in Space) (Space, error) {
	in.Name = plaintext.Line(in.Name)
	switch {
	case in.Name == "" || utf8.RuneCountInString(in.Name) > 20:
		return Space{}, errs.Invalid(CodeSpaceInvalid, "name", "场地名称须为 1–20 个字", "a space's name is 1–20 characters")
	case in.Capacity < 0 || in.Capacity > MaxCapacity:
		return Space{}, errs.Invalid(CodeSpaceInvalid, "capacity", fmt.Sprintf("座位数须在 0 到 %d 之间", MaxCapacity), fmt.Sprintf("seats must be 0–%d", MaxCapacity))
	}
	opens, ok1 := clock(in.Opens)
	closes, ok2 := clock(in.Closes)
	switch {
	case !ok1:
		return Space{}, errs.Invalid(CodeSpaceInvalid, "opens", "开放时间应写成 08:30", "the opening time must look like 08:30")
	case !ok2:
		return Space{}, errs.Invalid(CodeSpaceInvalid, "closes", "关闭时间应写成 21:30", "the closing time must look like 21:30")
	case closes <= opens:
		return Space{}, errs.Invalid(CodeSpaceInvalid, "closes", "关闭时间须晚于开放时间", "the closing time must be after the opening time")
	}
	in.Opens, in.Closes = strings.TrimSpace(in.Opens), strings.TrimSpace(in.Closes)
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Space(in.ID)
		if err != nil {
			return err
		}
		in.Code, in.WholeRoom, in.Position = old.Code, old.WholeRoom, old.Position
		if err := tx.SaveSpace(in); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "space", fmt.Sprint(in.ID),
			fmt.Sprintf("修改场地 %s：%d 座，%s–%s", in.Name, in.Capacity, in.Opens, in.Closes)))
	})
	return in, err
}
