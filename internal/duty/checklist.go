package duty

import (
	"context"
	"fmt"
	"slices"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// TaskState is one task of a shift's checklist on a day.
type TaskState struct {
	Task   string    `json:"task"`
	Done   bool      `json:"done"`
	DoneAt time.Time `json:"done_at,omitzero"`
}

// Checklist is a shift's tasks on day with those ticked.
func (s *Service) Checklist(ctx context.Context, day string, shiftID int64) (out []TaskState, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		sh, err := tx.Shift(shiftID)
		if err != nil {
			return err
		}
		checks, err := tx.Checks(day, shiftID)
		if err != nil {
			return err
		}
		done := map[string]time.Time{}
		for _, c := range checks {
			done[c.Task] = c.DoneAt
		}
		for _, t := range sh.Tasks {
			at, ok := done[t]
			out = append(out, TaskState{Task: t, Done: ok, DoneAt: at})
		}
		return nil
	})
	return out, err
}

// Tick marks a task of a shift done (or not) for day, today or earlier.
func (s *Service) Tick(ctx context.Context, day string, shiftID int64, task string, done bool) error {
	if _, err := time.ParseInLocation(time.DateOnly, day, s.tz); err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "day", "日期应写成 2026-12-04", "the date must look like 2026-12-04")
	}
	if day > s.Today() {
		return errs.Invalid(CodeShiftInvalid, "day", "不能勾选以后日期的工作", "tasks of a day to come cannot be ticked")
	}
	a := audit.ActorFrom(ctx)
	return s.store.Update(ctx, func(tx Tx) error {
		sh, err := tx.Shift(shiftID)
		if err != nil {
			return err
		}
		if !slices.Contains(sh.Tasks, task) {
			return errs.Invalid(CodeShiftInvalid, "task", "该班次没有这项工作："+task, "the shift has no such task: "+task)
		}
		if !done {
			return tx.DeleteCheck(day, shiftID, task)
		}
		if err := tx.DeleteCheck(day, shiftID, task); err != nil {
			return err
		}
		if err := tx.InsertCheck(day, shiftID, Check{Task: task, UserID: a.UserID, DoneAt: s.now()}); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "tick", "duty_check", day, fmt.Sprintf("%s %s：%s", day, sh.Name, task)))
	})
}
