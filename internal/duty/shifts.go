package duty

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

// Shifts lists the shifts of an open day in their order.
func (s *Service) Shifts(ctx context.Context) (out []Shift, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Shifts()
		return err
	})
	return out, err
}

// MaxTasks bounds a shift's checklist.
const MaxTasks = 30

// minutes parses "HH:MM" into minutes after midnight.
func minutes(s string) (int, bool) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// SaveShift changes a shift's name, hours and checklist (tasks one per
// line in the form).
func (s *Service) SaveShift(ctx context.Context, in Shift) (Shift, error) {
	in.Name = plaintext.Line(in.Name)
	in.Starts, in.Ends = strings.TrimSpace(in.Starts), strings.TrimSpace(in.Ends)
	var tasks []string
	seen := map[string]bool{}
	for _, t := range in.Tasks {
		if t = plaintext.Line(t); t != "" && !seen[t] {
			seen[t] = true
			tasks = append(tasks, t)
		}
	}
	in.Tasks = tasks
	from, ok1 := minutes(in.Starts)
	to, ok2 := minutes(in.Ends)
	switch {
	case in.Name == "" || utf8.RuneCountInString(in.Name) > 10:
		return Shift{}, errs.Invalid(CodeShiftInvalid, "name", "班次名称须为 1–10 个字", "a shift's name is 1–10 characters")
	case !ok1:
		return Shift{}, errs.Invalid(CodeShiftInvalid, "starts", "上班时间应写成 08:30", "the start must look like 08:30")
	case !ok2:
		return Shift{}, errs.Invalid(CodeShiftInvalid, "ends", "下班时间应写成 12:00", "the end must look like 12:00")
	case to <= from:
		return Shift{}, errs.Invalid(CodeShiftInvalid, "ends", "下班时间须晚于上班时间", "the end must be after the start")
	case len(tasks) > MaxTasks:
		return Shift{}, errs.Invalid(CodeShiftInvalid, "tasks", fmt.Sprintf("每个班次最多 %d 项工作", MaxTasks), fmt.Sprintf("a shift has at most %d tasks", MaxTasks))
	}
	for _, t := range tasks {
		if utf8.RuneCountInString(t) > 40 {
			return Shift{}, errs.Invalid(CodeShiftInvalid, "tasks", "每项工作不超过 40 个字："+t, "each task is at most 40 characters: "+t)
		}
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Shift(in.ID)
		if err != nil {
			return err
		}
		in.Position = old.Position
		if err := tx.SaveShift(&in); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "duty_shift", fmt.Sprint(in.ID),
			fmt.Sprintf("修改班次 %s %s–%s，%d 项工作", in.Name, in.Starts, in.Ends, len(in.Tasks))))
	})
	return in, err
}
