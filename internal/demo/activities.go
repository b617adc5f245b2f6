package demo

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/room"
)

// The article counts 28 activities held in the room from its opening in
// September 2022 to when it was written (summer 2023).
const articleActivities = 28

// articleEnd is the first day after the article's count.
var articleEnd = time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)

// heldActivity is an activity of the history, with who may come to it.
type heldActivity struct {
	act    activities.Activity
	people []*person // the class's trainees, or the staff
	class  *class
	done   bool
}

// withTrainings adds the room's 书屋+培训 sessions to the planned
// bookings: the training classes outside the plan and the seminars each
// spend a morning of their second day in the reading room.
func (l *loader) withTrainings(planned []plannedBooking) []plannedBooking {
	horizon := l.today.AddDate(0, 0, 10)
	for _, c := range l.classes {
		if c.kind == "主体班" {
			continue
		}
		day := l.cal.onOrAfter(c.start.AddDate(0, 0, 1))
		if day.After(horizon) || day.After(c.end) {
			continue
		}
		planned = append(planned, plannedBooking{bookOn: day.AddDate(0, 0, -10).Format(time.DateOnly), req: room.Request{SpaceID: spaceReading,
			Organiser: c.name, Date: day.Format(time.DateOnly), From: "09:30", To: "11:00", Purpose: "走进党建书屋：" + c.name + "专题阅读", Expected: min(c.size+c.alumni, 24), Weeks: 1}})
	}
	sort.SliceStable(planned, func(i, j int) bool { return planned[i].bookOn < planned[j].bookOn })
	return planned
}

// activityOn makes the activity a booking was made for, when it is one:
// the article's 28 in the first year (the class branches' themed events,
// the Party branches' Party days, the Party committee's theory study, the
// veterans' committee, the trainings and the youth group's sessions), and
// again those of the last month and still to come, so the portal and the
// calendar have today's.
func (h *history) activityOn(req room.Request, made []room.Booking) error {
	if len(made) == 0 || h.acts == nil {
		return nil
	}
	b := made[0]
	inArticle := b.Start.Before(articleEnd)
	recent := !b.Start.Before(h.today.AddDate(0, 0, -30))
	if !(inArticle && h.articleHeld < articleActivities) && !recent {
		return nil
	}
	d := activities.Draft{Title: req.Purpose, Organiser: req.Organiser, Date: b.Start.In(h.tz).Format(time.DateOnly),
		From: b.Start.In(h.tz).Format("15:04"), To: b.End.In(h.tz).Format("15:04"), BookingID: b.ID, Capacity: min(req.Expected+4, 50), Audience: string(activities.StaffOnly)}
	if sp, err := h.room.Space(h.ctx, b.SpaceID); err == nil && sp.Capacity > 0 {
		d.Capacity = min(d.Capacity, sp.Capacity)
	}
	var cls *class
	for _, c := range h.classes {
		if c.created && strings.HasPrefix(req.Organiser, c.name) {
			cls = c
		}
	}
	people := h.staff
	switch {
	case cls != nil && cls.kind == "主体班":
		d.Form, d.Audience, d.ClassID = activities.FormActivity, string(activities.OneClass), cls.id
		switch {
		case strings.Contains(req.Purpose, "读书分享"):
			d.Form, d.Host, d.ListID = activities.FormSharing, "班主任 "+h.staff[int(cls.id)%len(h.staff)].name, h.listNamed(listXi)
			d.Description = "学员分组领读《习近平谈治国理政》第四卷，交流学习体会，诵读经典篇目。"
		case strings.Contains(req.Purpose, "主题党日"):
			d.Form, d.Description = activities.FormPartyDay, "临时党支部全体党员重温入党誓词，观看警示教育片，围绕“清廉湘西”建设交流研讨。"
		}
	case cls != nil:
		d.Form, d.Audience, d.ClassID, d.ListID = activities.FormTraining, string(activities.OneClass), cls.id, h.listNamed(list20th)
		d.Description = "培训班学员在书屋集中阅读党的二十大报告和辅导读物，管理员介绍书屋藏书与借阅办法。"
	case strings.Contains(req.Purpose, "主题党日"):
		d.Form, d.Description = activities.FormPartyDay, "支部党员在书屋开展主题党日，集中学习，交流发言。"
	case strings.Contains(req.Purpose, "专题党课"):
		d.Form, d.Host, d.Audience = activities.FormLecture, "校机关党委书记", string(activities.Open)
	case strings.Contains(req.Purpose, "理论学习中心组"):
		d.Form, d.ListID = activities.FormClass, h.listNamed(list20th)
	case strings.Contains(req.Purpose, "关心下一代"):
		d.Form = activities.FormActivity
	case strings.Contains(req.Purpose, "青年理论学习小组"):
		// The group's term of weekly sessions: its first, then every fourth.
		d.Form, d.Audience = activities.FormClass, string(activities.Open)
		for i, wk := range made {
			if i%4 != 0 {
				continue
			}
			w := d
			w.BookingID, w.Date = wk.ID, wk.Start.In(h.tz).Format(time.DateOnly)
			w.Title = fmt.Sprintf("%s（第%d次）", req.Purpose, i+1)
			if err := h.holdActivity(w, wk, people, nil); err != nil {
				return err
			}
		}
		return nil
	default:
		return nil
	}
	return h.holdActivity(d, b, people, cls)
}

// holdActivity plans the activity on its booking.
func (h *history) holdActivity(d activities.Draft, b room.Booking, people []*person, cls *class) error {
	inArticle := b.Start.Before(articleEnd)
	if inArticle && h.articleHeld >= articleActivities {
		return nil
	}
	act, err := h.acts.Create(h.ctx, d)
	if err != nil {
		return fmt.Errorf("activity %s %s: %w", d.Title, d.Date, err)
	}
	if inArticle {
		h.articleHeld++
	}
	h.sum.Activities++
	h.held = append(h.held, &heldActivity{act: act, people: people, class: cls})
	return nil
}

func (l *loader) listNamed(name string) int64 {
	for _, rl := range l.lists {
		if rl.name == name {
			return rl.id
		}
	}
	return 0
}

func readerCtx(ctx context.Context, p *person) context.Context {
	return audit.WithActor(ctx, audit.Actor{ReaderID: p.id, Name: p.name, Role: audit.RoleReader})
}

// activityDays runs the day's activities: readers register in the
// morning (the full ones fill their waitlist, and someone cancels), sign
// in by the screen's code around the start (a few late, some without
// registering), and the organiser writes the summary afterwards. Those
// still to come get their first registrations.
func (h *history) activityDays() error {
	for _, ha := range h.held {
		if ha.done {
			continue
		}
		start := ha.act.Start.In(h.tz)
		day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, h.tz)
		switch {
		case day.Equal(h.day) && !ha.act.End.After(h.now):
			ha.done = true
			if err := h.runActivity(ha); err != nil {
				return fmt.Errorf("activity %q: %w", ha.act.Title, err)
			}
		case !day.Before(h.day) && h.day.Equal(h.today):
			// Still to come at the end of the history: some have registered.
			ha.done = true
			h.clk.set(h.day, 8, 30)
			if err := h.register(ha, h.clk.now(), 0.4); err != nil {
				return err
			}
		}
	}
	return nil
}

// register has a share of the activity's people register, in a random
// order, from at on; the first over the capacity wait.
func (h *history) register(ha *heldActivity, at time.Time, share float64) error {
	h.clk.t = at
	eligible := h.eligible(ha)
	n := min(len(eligible), int(float64(ha.act.Capacity)*share)+h.between(0, 3))
	for _, i := range h.rnd.Perm(len(eligible))[:n] {
		h.clk.tick()
		if _, err := h.acts.Register(readerCtx(h.ctx, eligible[i]), ha.act.ID); err != nil && !declined(err) {
			return fmt.Errorf("register %s: %w", eligible[i].name, err)
		}
	}
	return nil
}

// declined reports an answer a reader may get (closed, not for them …):
// the demo's reader then simply does not come.
func declined(err error) bool { return errs.As(err).Kind == errs.KindConflict }

// eligible are the activity's people whose cards let them take part now.
func (h *history) eligible(ha *heldActivity) []*person {
	today := h.clk.now().Format(time.DateOnly)
	people := ha.people
	if ha.class != nil {
		people = nil
		for _, m := range ha.class.members {
			people = append(people, m.p)
		}
	}
	var out []*person
	for _, p := range people {
		if p.reader.Status == "active" && (p.reader.ExpiryDate == "" || p.reader.ExpiryDate >= today) {
			out = append(out, p)
		}
	}
	return out
}

func (h *history) runActivity(ha *heldActivity) error {
	a := ha.act
	if err := h.register(ha, a.Start.Add(-3*time.Hour), 1.0); err != nil {
		return err
	}
	att, err := h.acts.Attendance(h.ctx, a.ID)
	if err != nil {
		return err
	}
	// One registered reader cannot come after all and cancels: the first
	// waiting moves up.
	if att.Waitlisted > 0 {
		for _, g := range att.Registrations {
			if g.Status == activities.Registered {
				if p := h.personOf(ha, g.ReaderID); p != nil {
					h.clk.tick()
					if _, err := h.acts.Unregister(readerCtx(h.ctx, p), a.ID); err != nil && !declined(err) {
						return err
					}
				}
				break
			}
		}
		if att, err = h.acts.Attendance(h.ctx, a.ID); err != nil {
			return err
		}
	}
	registered := map[int64]bool{}
	var coming []*person
	for _, g := range att.Registrations {
		if g.Status == activities.Registered {
			registered[g.ReaderID] = true
			if p := h.personOf(ha, g.ReaderID); p != nil && h.chance(0.9) {
				coming = append(coming, p)
			}
		}
	}
	for _, p := range h.eligible(ha) {
		if !registered[p.id] && len(coming) < a.Capacity && h.chance(0.06) {
			coming = append(coming, p) // came without registering
		}
	}
	// They arrive from 15 minutes before the start to 12 after it.
	h.clk.t = a.Start.Add(-15 * time.Minute)
	step := 27 * time.Minute / time.Duration(max(len(coming), 1))
	for _, i := range h.rnd.Perm(len(coming)) {
		h.clk.t = h.clk.t.Add(step)
		_, c, err := h.acts.ScreenCode(h.ctx, a.ID)
		if err != nil {
			return err
		}
		if _, err := h.acts.SignIn(readerCtx(h.ctx, coming[i]), a.ID, c); err != nil && !declined(err) {
			return fmt.Errorf("sign in %s: %w", coming[i].name, err)
		}
	}
	h.clk.t = a.End.Add(20 * time.Minute)
	summary := fmt.Sprintf("%s在党建书屋举行，到会 %d 人。", a.Organiser, len(coming))
	if a.Host != "" {
		summary += a.Host + "主持。"
	}
	summary += map[activities.Form]string{
		activities.FormSharing:  "学员逐一分享研读体会，现场借阅相关图书。",
		activities.FormPartyDay: "全体党员重温入党誓词，交流发言，活动达到预期效果。",
		activities.FormTraining: "学员集中阅读，管理员介绍了书屋藏书和借阅办法，多名学员办理借阅。",
		activities.FormClass:    "围绕党的二十大精神集中学习研讨。",
		activities.FormLecture:  "党课紧扣党的二十大精神，听课党员反响热烈。",
		activities.FormActivity: "大家交流了工作体会。",
	}[a.Form]
	_, err = h.acts.SaveSummary(h.ctx, a.ID, summary)
	return err
}

func (h *history) personOf(ha *heldActivity, readerID int64) *person {
	for _, p := range h.eligible(ha) {
		if p.id == readerID {
			return p
		}
	}
	return nil
}
