package demo

import (
	"context"
	"fmt"
	"sort"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/room"
)

// The spaces 0013 seeds.
const (
	spaceWholeRoom  = 1
	spaceReading    = 3
	spaceDiscussion = 4
)

// plannedBooking is a booking the history makes on bookOn, ten days ahead
// of the event, as organisers do.
type plannedBooking struct {
	bookOn string // YYYY-MM-DD
	req    room.Request
	// pending leaves it waiting for the librarian (only bookings still to
	// come at the end of the history, so the approvals page has some).
	pending bool
}

// planBookings lays out the room's bookings from the article: each main
// class's temporary Party branch holds a themed event in the whole room
// (the autumn 2022 科干班's reading-sharing of 《习近平谈治国理政》第四卷 and
// the 县干班's “清廉湘西” Party day by name), the school's Party bodies
// hold their Party days and theory study, and the youth theory study
// group meets weekly in the discussion area each term.
func (l *loader) planBookings() []plannedBooking {
	var out []plannedBooking
	horizon := l.today.AddDate(0, 0, 10)
	add := func(day time.Time, space int64, organiser, purpose, from, to string, people, weeks int) {
		day = l.cal.onOrAfter(day)
		if day.After(horizon) || day.Before(l.date("2022-09-05")) {
			return
		}
		out = append(out, plannedBooking{bookOn: day.AddDate(0, 0, -10).Format(time.DateOnly), req: room.Request{SpaceID: space,
			Organiser: organiser, Date: day.Format(time.DateOnly), From: from, To: to, Purpose: purpose, Expected: people, Weeks: weeks},
			pending: day.After(l.today) && l.chance(0.5)})
	}
	// The days just ahead, booked today: a whole-room Party lecture the
	// librarian has approved (the portal names the closure) and a branch
	// meeting still waiting for approval.
	soon := func(days int, space int64, organiser, purpose, from, to string, people int, pending bool) {
		day := l.cal.onOrAfter(l.today.AddDate(0, 0, days))
		out = append(out, plannedBooking{bookOn: l.today.Format(time.DateOnly), pending: pending, req: room.Request{SpaceID: space,
			Organiser: organiser, Date: day.Format(time.DateOnly), From: from, To: to, Purpose: purpose, Expected: people, Weeks: 1}})
	}
	soon(2, spaceWholeRoom, "机关二支部", "学习贯彻党的二十大精神专题党课", "14:30", "16:30", 32, false)
	soon(5, spaceReading, "校机关一支部", "支部委员会会议", "10:00", "11:30", 9, true)
	themes := []string{"读原著、学原文、悟原理读书分享会", "重温入党誓词主题党日活动", "“学思想、强党性”专题研讨", "红色经典诵读会"}
	for i, c := range l.classes {
		if c.kind != "主体班" {
			continue
		}
		branch, purpose := c.name+"临时党支部", themes[i%len(themes)]
		day := c.start.AddDate(0, 0, 10) // the second week
		switch {
		case c.start.Year() == 2022 && c.stem == "科干班":
			branch, purpose = c.name, "喜迎党的二十大——学习《习近平谈治国理政》（第四卷）读原著诵经典读书分享活动"
		case c.start.Year() == 2022 && c.stem == "县干班":
			purpose = "“清廉湘西”建设主题党日活动"
			day = c.start.AddDate(0, 0, 17)
		}
		add(day, spaceWholeRoom, branch, purpose, "15:00", "17:00", min(l.between(35, 50), 50), 1)
	}
	for m := l.date("2022-09-01"); !m.After(horizon); m = m.AddDate(0, 1, 0) {
		switch m.Month() % 2 {
		case 1:
			add(m.AddDate(0, 0, 8), spaceWholeRoom, "校机关一支部", "主题党日活动", "14:30", "16:30", l.between(18, 30), 1)
		default:
			add(m.AddDate(0, 0, 8), spaceReading, "机关二支部", "主题党日活动", "14:30", "16:30", l.between(15, 22), 1)
		}
		if m.Month()%3 == 0 {
			add(m.AddDate(0, 0, 20), spaceWholeRoom, "校机关党委", "理论学习中心组集中学习", "09:00", "11:30", l.between(20, 35), 1)
		}
		if m.Month() == 4 || m.Month() == 10 {
			add(m.AddDate(0, 0, 14), spaceDiscussion, "校关工委", "关心下一代工作座谈会", "09:30", "11:00", l.between(8, 12), 1)
		}
		if m.Month() == 3 || m.Month() == 9 {
			// The youth study group books its term's Wednesday evenings at once.
			add(monday(m.AddDate(0, 0, 7)).AddDate(0, 0, 2), spaceDiscussion, "州委党校青年理论学习小组", "青年理论学习小组集中学习", "19:00", "21:00", l.between(8, 12), 12)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].bookOn < out[j].bookOn })
	return out
}

// organiser is who books in the demo: the unit named in each booking, not
// a staff account of its own, so its bookings wait for the librarian.
func organiserCtx(l *loader) context.Context {
	return audit.WithActor(l.ctx, audit.Actor{Name: "demo-organiser", Role: audit.RoleOrganiser})
}

// roomBookings makes the day's planned bookings and approves them; one
// that clashes with an earlier one moves a day on, up to three times.
func (h *history) roomBookings() error {
	for len(h.bookings) > 0 && h.bookings[0].bookOn <= h.dayStr {
		p := h.bookings[0]
		h.bookings = h.bookings[1:]
		h.clk.set(h.day, 9, 0)
		h.clk.tick()
		if p.req.Date <= h.dayStr {
			continue // a long holiday kept the organiser from booking in time
		}
		var done room.Booked
		var err error
		for try := 0; try < 4; try++ {
			if done, err = h.room.Book(h.organiser, p.req); !errs.Is(err, room.CodeBookingConflict) && !errs.Is(err, room.CodeRoomClosed) {
				break
			}
			d, _ := time.ParseInLocation(time.DateOnly, p.req.Date, h.tz)
			p.req.Date = h.cal.onOrAfter(d.AddDate(0, 0, 1)).Format(time.DateOnly)
		}
		if errs.Is(err, room.CodeBookingConflict) || errs.Is(err, room.CodeRoomClosed) {
			continue // the room is taken that week: the organiser meets elsewhere
		}
		if err != nil {
			return fmt.Errorf("booking %s %s: %w", p.req.Organiser, p.req.Date, err)
		}
		h.sum.Bookings += len(done.Bookings)
		if !p.pending {
			if _, err := h.room.Decide(h.ctx, done.Bookings[0].ID, true, ""); err != nil {
				return err
			}
		}
		if err := h.activityOn(p.req, done.Bookings); err != nil {
			return err
		}
	}
	return nil
}
