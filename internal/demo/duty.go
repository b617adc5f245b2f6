package demo

import (
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/duty"
	"shuwu/internal/ledger"
)

// Remarks the duty staff leave in the handover log, drawn from in turn
// beside the shift's real loan and return counts.
var (
	dutyRemarks = []string{
		"读者秩序良好，阅览区座位基本坐满",
		"主体班学员集中借阅必读书目",
		"有读者咨询《习近平谈治国理政》第四卷到馆情况",
		"电子资料查阅台一台电脑开机较慢，已报信息中心",
		"整理 D 类书架两组，错架图书已归位",
		"科干班学员借阅党史类图书较多",
		"新到图书已加工上架",
		"空调、除湿机运行正常",
	}
	dutyFollowUps = []string{
		"",
		"",
		"读者预约的图书到馆后请电话通知",
		"《求是》本期未到，请催问邮局",
		"阅览桌一把椅子松动，需报修",
		"",
		"班主任要求提供本班借阅名单，请馆员导出",
	}
	dutyPeriodicals = []string{"人民日报、光明日报、学习时报", "人民日报、中国纪检监察报", "", "人民日报", "求是、党建"}
)

// loadDuty gives the demo a year of duty: a roster each month from the
// pattern (the librarian in charge, the two duty staff taking turns day
// by day), the checklist ticked and a handover written on each shift up
// to today, acknowledged by the next shift but the latest.
func (l *loader) loadDuty() error {
	svc := duty.NewService(l.db.Duty(), l.room, l.tz, l.clk.now)
	staff, err := svc.Staff(l.ctx)
	if err != nil {
		return err
	}
	var lead int64
	var turns []int64
	names := map[int64]audit.Actor{}
	for _, st := range staff {
		switch audit.Role(st.Role) {
		case audit.RoleLibrarian:
			if lead == 0 {
				lead = st.ID
			}
		case audit.RoleDuty:
			turns = append(turns, st.ID)
		}
		names[st.ID] = audit.Actor{UserID: st.ID, Name: st.Name, Role: audit.Role(st.Role)}
	}
	if len(turns) == 0 {
		return nil // no duty staff accounts: no roster to make
	}
	shifts, err := svc.Shifts(l.ctx)
	if err != nil {
		return err
	}
	first := time.Date(l.today.Year()-1, l.today.Month(), 1, 0, 0, 0, 0, l.tz)
	last := time.Date(l.today.Year(), l.today.Month()+1, 1, 0, 0, 0, 0, l.tz)
	var prevAuthor audit.Actor
	var prevHandover int64
	n := 0
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		l.clk.set(m, 7, 0)
		if _, err := svc.Generate(l.ctx, duty.Pattern{Month: m.Format("2006-01"), Librarian: lead, Staff: turns, PerShift: 1}); err != nil {
			return fmt.Errorf("demo: roster %s: %w", m.Format("2006-01"), err)
		}
	}
	for d := first; !d.After(l.today); d = d.AddDate(0, 0, 1) {
		day := d.Format(time.DateOnly)
		on, err := svc.OnDuty(l.ctx, day)
		if err != nil || len(on) == 0 {
			continue
		}
		for _, sh := range shifts {
			author := onShift(on, sh.ID, names)
			if author.UserID == 0 {
				continue
			}
			start, _ := time.ParseInLocation("15:04", sh.Starts, l.tz)
			end, _ := time.ParseInLocation("15:04", sh.Ends, l.tz)
			from := time.Date(d.Year(), d.Month(), d.Day(), start.Hour(), start.Minute(), 0, 0, l.tz)
			to := time.Date(d.Year(), d.Month(), d.Day(), end.Hour(), end.Minute(), 0, 0, l.tz)
			if to.After(l.now) {
				break // today's shifts still to come
			}
			// The next shift acknowledges the last one's handover as it
			// starts: its duty staff, or the librarian in charge when the
			// same person stays on.
			if prevHandover != 0 {
				acker := author
				if author.UserID == prevAuthor.UserID {
					acker = names[lead]
				}
				if acker.UserID != 0 {
					l.clk.set(d, start.Hour(), start.Minute()+5)
					if _, err := svc.AckHandover(audit.WithActor(l.ctx, acker), prevHandover); err != nil {
						return err
					}
				}
				prevHandover = 0
			}
			as := audit.WithActor(l.ctx, author)
			l.clk.set(d, end.Hour(), end.Minute()-15)
			tasks, err := svc.Checklist(as, day, sh.ID)
			if err != nil {
				return err
			}
			for i, t := range tasks {
				if i < len(tasks)-1 || l.chance(0.9) {
					if err := svc.Tick(as, day, sh.ID, t.Task, true); err != nil {
						return err
					}
				}
			}
			loans, returns, err := l.shiftCounts(from, to)
			if err != nil {
				return err
			}
			happened := fmt.Sprintf("借出 %d 册，还回 %d 册；%s。", loans, returns, dutyRemarks[n%len(dutyRemarks)])
			h, err := svc.WriteHandover(as, duty.HandoverInput{Day: day, ShiftID: sh.ID, Happened: happened,
				FollowUp: dutyFollowUps[n%len(dutyFollowUps)], Periodicals: periodicalsOf(sh, n)})
			if err != nil {
				return err
			}
			n++
			prevHandover, prevAuthor = h.ID, author
		}
	}
	l.progress("值班表与交接班 / duty roster and handovers", n, n)
	return nil
}

// onShift is the duty staff member (not the librarian in charge) on a
// shift of the day's slots.
func onShift(on []duty.Slot, shiftID int64, names map[int64]audit.Actor) audit.Actor {
	for _, sl := range on {
		if sl.ShiftID == shiftID && !sl.Lead {
			return names[sl.UserID]
		}
	}
	return audit.Actor{}
}

// periodicalsOf is what came in on a shift: the morning one receives the
// newspapers.
func periodicalsOf(sh duty.Shift, n int) string {
	if sh.Position != 1 {
		return ""
	}
	return dutyPeriodicals[n%len(dutyPeriodicals)]
}

// shiftCounts is the loans and returns the ledger holds for [from, to).
func (l *loader) shiftCounts(from, to time.Time) (loans, returns int, err error) {
	evs, err := l.circ.Ledger(l.ctx, ledger.Filter{From: from, To: to, Kinds: []ledger.Kind{ledger.Loan, ledger.Return}, Limit: 100000})
	for _, e := range evs {
		if e.Kind == ledger.Loan {
			loans++
		} else {
			returns++
		}
	}
	return loans, returns, err
}
