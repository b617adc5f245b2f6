package duty

import (
	"context"
	"fmt"
	"slices"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// Roster is a month's duty table: each day with who is on each shift.
type Roster struct {
	Month  string      `json:"month"` // YYYY-MM
	Shifts []Shift     `json:"shifts"`
	Days   []RosterDay `json:"days"`
}

// RosterDay is one day of the roster; On[i] are the people on Shifts[i].
type RosterDay struct {
	Date string   `json:"date"`
	Open bool     `json:"open"`
	On   [][]Slot `json:"on"`
}

// Generated is what Generate made.
type Generated struct {
	From  string `json:"from"` // the first day replaced
	To    string `json:"to"`
	Days  int    `json:"days"` // open days given shifts
	Slots int    `json:"slots"`
}

// monthRange parses "YYYY-MM" into its first and last day.
func monthRange(month string, tz *time.Location) (first, last time.Time, err error) {
	first, err = time.ParseInLocation("2006-01", month, tz)
	if err != nil {
		return first, last, errs.Invalid(CodeRosterInvalid, "month", "月份应写成 2026-12", "the month must look like 2026-12")
	}
	return first, first.AddDate(0, 1, -1), nil
}

// Month is the roster of month (YYYY-MM), every day of it, closed days
// marked.
func (s *Service) Month(ctx context.Context, month string) (Roster, error) {
	first, last, err := monthRange(month, s.tz)
	if err != nil {
		return Roster{}, err
	}
	cal, err := s.cal.Calendar(ctx, first)
	if err != nil {
		return Roster{}, err
	}
	r := Roster{Month: month}
	var slots []Slot
	err = s.store.View(ctx, func(tx Tx) error {
		if r.Shifts, err = tx.Shifts(); err != nil {
			return err
		}
		slots, err = tx.Slots(first.Format(time.DateOnly), last.Format(time.DateOnly))
		return err
	})
	if err != nil {
		return Roster{}, err
	}
	byDay := map[string][]Slot{}
	for _, sl := range slots {
		byDay[sl.Day] = append(byDay[sl.Day], sl)
	}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		day := RosterDay{Date: d.Format(time.DateOnly), Open: cal.Open(d), On: make([][]Slot, len(r.Shifts))}
		for _, sl := range byDay[day.Date] {
			for i, sh := range r.Shifts {
				if sh.ID == sl.ShiftID {
					day.On[i] = append(day.On[i], sl)
				}
			}
		}
		r.Days = append(r.Days, day)
	}
	return r, nil
}

// OnDuty lists who is on each shift of day, in shift order.
func (s *Service) OnDuty(ctx context.Context, day string) (out []Slot, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Slots(day, day)
		return err
	})
	return out, err
}

// CurrentShift is the shift under way at t, else the next one today, else
// the day's last (for the evening's handover); ok is false when there are
// no shifts.
func CurrentShift(shifts []Shift, t time.Time) (Shift, bool) {
	if len(shifts) == 0 {
		return Shift{}, false
	}
	now := t.Hour()*60 + t.Minute()
	for _, sh := range shifts {
		if end, _ := minutes(sh.Ends); now < end {
			return sh, true
		}
	}
	return shifts[len(shifts)-1], true
}

// Generate fills a month's roster from a pattern, replacing what the
// month had from its first day (or, for the current month, from today)
// on; past days keep who was really on duty.
func (s *Service) Generate(ctx context.Context, p Pattern) (Generated, error) {
	first, last, err := monthRange(p.Month, s.tz)
	if err != nil {
		return Generated{}, err
	}
	today := s.Now()
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, s.tz)
	if last.Before(today) {
		return Generated{}, errs.Invalid(CodeRosterInvalid, "month", "该月已过去，不能重新排班", "that month is over; its roster stays as it was")
	}
	from := first
	if from.Before(today) {
		from = today
	}
	if p.PerShift == 0 {
		p.PerShift = 1
	}
	cal, err := s.cal.Calendar(ctx, first)
	if err != nil {
		return Generated{}, err
	}
	g := Generated{From: from.Format(time.DateOnly), To: last.Format(time.DateOnly)}
	err = s.store.Update(ctx, func(tx Tx) error {
		if err := librarianOnly(ctx, "只有馆员可以排班", "only a librarian makes the roster"); err != nil {
			return err
		}
		shifts, err := tx.Shifts()
		if err != nil {
			return err
		}
		staff, err := tx.DutyStaff()
		if err != nil {
			return err
		}
		if err := p.check(staff, shifts); err != nil {
			return err
		}
		if err := tx.DeleteSlots(g.From, g.To); err != nil {
			return err
		}
		turn := 0
		for d := from; !d.After(last); d = d.AddDate(0, 0, 1) {
			if !cal.Open(d) {
				continue
			}
			g.Days++
			day := d.Format(time.DateOnly)
			for _, sh := range shifts {
				if p.Librarian != 0 && (len(p.LeadOn) == 0 || slices.Contains(p.LeadOn, sh.ID)) {
					if err := tx.InsertSlot(&Slot{Day: day, ShiftID: sh.ID, UserID: p.Librarian, Lead: true}); err != nil {
						return err
					}
					g.Slots++
				}
				for j := 0; j < p.PerShift; j++ {
					if err := tx.InsertSlot(&Slot{Day: day, ShiftID: sh.ID, UserID: p.Staff[(turn*p.PerShift+j)%len(p.Staff)]}); err != nil {
						return err
					}
					g.Slots++
				}
				if p.ByShift {
					turn++
				}
			}
			if !p.ByShift {
				turn++
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "generate", "duty_roster", p.Month,
			fmt.Sprintf("生成 %s 值班表（%s 至 %s，%d 个开放日，%d 人次）", p.Month, g.From, g.To, g.Days, g.Slots)))
	})
	return g, err
}

// check validates a pattern against the staff who may be on duty.
func (p Pattern) check(staff []Staffer, shifts []Shift) error {
	role := map[int64]string{}
	for _, st := range staff {
		role[st.ID] = st.Role
	}
	if p.Librarian != 0 {
		if r := role[p.Librarian]; r != string(audit.RoleLibrarian) && r != string(audit.RoleAdmin) {
			return errs.Invalid(CodeRosterInvalid, "librarian", "负责馆员须为馆员账号", "the librarian in charge must be a librarian's account")
		}
	}
	if len(p.Staff) == 0 {
		return errs.Invalid(CodeRosterInvalid, "staff", "请至少选择一名值班人员", "choose at least one duty staff member")
	}
	seen := map[int64]bool{}
	for _, id := range p.Staff {
		switch {
		case role[id] == "":
			return errs.Invalid(CodeRosterInvalid, "staff", "值班人员须为在用的工作人员账号", "duty staff must be active staff accounts")
		case id == p.Librarian:
			return errs.Invalid(CodeRosterInvalid, "staff", "负责馆员已在每班，不必再列为轮值人员", "the librarian in charge is on every shift already; leave them out of the rotation")
		case seen[id]:
			return errs.Invalid(CodeRosterInvalid, "staff", "值班人员重复", "a duty staff member is listed twice")
		}
		seen[id] = true
	}
	if p.PerShift < 1 || p.PerShift > len(p.Staff) {
		return errs.Invalid(CodeRosterInvalid, "per_shift", fmt.Sprintf("每班人数须在 1 到 %d 之间", len(p.Staff)), fmt.Sprintf("people per shift must be 1–%d", len(p.Staff)))
	}
	ids := map[int64]bool{}
	for _, sh := range shifts {
		ids[sh.ID] = true
	}
	for _, id := range p.LeadOn {
		if !ids[id] {
			return errs.Invalid(CodeRosterInvalid, "lead_on", "所选班次不存在", "no such shift")
		}
	}
	return nil
}
