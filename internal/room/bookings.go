package room

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/plaintext"
)

func invalid(field, zh, en string) error { return errs.Invalid(CodeBookingInvalid, field, zh, en) }

// check reads a request into the times of its first booking.
func (s *Service) check(req *Request, sp Space) (start, end time.Time, err error) {
	req.Organiser, req.Purpose = plaintext.Line(req.Organiser), plaintext.Text(req.Purpose)
	if req.Weeks == 0 {
		req.Weeks = 1
	}
	switch {
	case req.Organiser == "" || utf8.RuneCountInString(req.Organiser) > 40:
		return start, end, invalid("organiser", "请填写预约单位（如 校机关一支部），不超过 40 个字", "name the organiser (e.g. a Party branch), at most 40 characters")
	case req.Purpose == "" || utf8.RuneCountInString(req.Purpose) > 100:
		return start, end, invalid("purpose", "请填写用途（如 主题党日活动），不超过 100 个字", "say what it is for, at most 100 characters")
	case req.Expected < 1:
		return start, end, invalid("expected", "预计人数至少为 1 人", "expect at least one person")
	case sp.Capacity > 0 && req.Expected > sp.Capacity:
		return start, end, invalid("expected", fmt.Sprintf("预计 %d 人，超过%s的容量 %d 人", req.Expected, sp.Name, sp.Capacity),
			fmt.Sprintf("%d people is more than %s holds (%d)", req.Expected, sp.Name, sp.Capacity))
	case req.Weeks < 1 || req.Weeks > MaxWeeks:
		return start, end, invalid("weeks", fmt.Sprintf("每周重复的周数须在 1 到 %d 之间", MaxWeeks), fmt.Sprintf("a weekly booking runs 1–%d weeks", MaxWeeks))
	}
	day, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(req.Date), s.tz)
	if err != nil {
		return start, end, invalid("date", "日期应写成 2026-12-08", "the date must look like 2026-12-08")
	}
	from, ok1 := clock(req.From)
	to, ok2 := clock(req.To)
	opens, _ := clock(sp.Opens)
	closes, _ := clock(sp.Closes)
	switch {
	case !ok1:
		return start, end, invalid("from", "开始时间应写成 14:00", "the start must look like 14:00")
	case !ok2:
		return start, end, invalid("to", "结束时间应写成 16:00", "the end must look like 16:00")
	case to <= from:
		return start, end, invalid("to", "结束时间须晚于开始时间", "the end must be after the start")
	case from < opens || to > closes:
		return start, end, invalid("from", fmt.Sprintf("%s的开放时间是 %s–%s，预约须在此时间内", sp.Name, sp.Opens, sp.Closes),
			fmt.Sprintf("%s is open %s–%s; book within those hours", sp.Name, sp.Opens, sp.Closes))
	}
	start = day.Add(time.Duration(from) * time.Minute)
	end = day.Add(time.Duration(to) * time.Minute)
	if !start.After(s.now()) {
		return start, end, invalid("date", "不能预约已经过去的时间", "that time has passed")
	}
	return start, end, nil
}

// clash reports the first holding booking that b's time and space collide
// with: the same area, or either of them the whole room.
func clash(b Booking, held []Booking) (Booking, bool) {
	for _, o := range held {
		if o.ID == b.ID || !o.Start.Before(b.End) || !b.Start.Before(o.End) {
			continue
		}
		if o.SpaceID == b.SpaceID || o.WholeRoom || b.WholeRoom {
			return o, true
		}
	}
	return Booking{}, false
}

// span is a booking's time as people write it: 12月8日 14:00–16:00.
func span(b Booking, tz *time.Location) (zh, en string) {
	st, en2 := b.Start.In(tz), b.End.In(tz)
	return fmt.Sprintf("%d月%d日 %s–%s", st.Month(), st.Day(), st.Format("15:04"), en2.Format("15:04")),
		fmt.Sprintf("%s %s–%s", st.Format("2 Jan"), st.Format("15:04"), en2.Format("15:04"))
}

// Book makes a booking, or a weekly series of them: every week's time is
// checked against the calendar and the bookings holding their time, and a
// clash refuses the whole request, naming the booking in the way. Weeks
// on a closed day are left out and named in the answer; a single booking
// on a closed day is refused. An organiser's booking waits for approval
// when the room's rules ask for it; a librarian's is approved at once.
func (s *Service) Book(ctx context.Context, req Request) (Booked, error) {
	a := audit.ActorFrom(ctx)
	var out Booked
	err := s.store.Update(ctx, func(tx Tx) error {
		out = Booked{}
		sp, err := tx.Space(req.SpaceID)
		if err != nil {
			return err
		}
		if !sp.Bookable {
			return errs.Invalid(CodeSpaceNotBookable, "space", sp.Name+"不接受预约", sp.Name+" cannot be booked")
		}
		if a.Role == audit.RoleOrganiser && a.UserID != 0 {
			// An organiser books for its own unit only.
			if req.Organiser, err = unitOf(tx, a); err != nil {
				return err
			}
		}
		start, end, err := s.check(&req, sp)
		if err != nil {
			return err
		}
		rules, err := rulesOf(tx)
		if err != nil {
			return err
		}
		status := Approved
		if rules.ApprovalRequired && !isLibrarian(a) {
			status = Pending
		}
		cal, err := calendar(tx, start)
		if err != nil {
			return err
		}
		last := start.AddDate(0, 0, 7*(req.Weeks-1))
		held, err := tx.BookingsHolding(start, last.Add(end.Sub(start)))
		if err != nil {
			return err
		}
		var want []Booking
		for w := 0; w < req.Weeks; w++ {
			st, en := start.AddDate(0, 0, 7*w), end.AddDate(0, 0, 7*w)
			if !cal.Open(st) {
				out.SkippedDays = append(out.SkippedDays, st.Format(time.DateOnly))
				continue
			}
			b := Booking{SpaceID: sp.ID, SpaceName: sp.Name, WholeRoom: sp.WholeRoom, Organiser: req.Organiser, UserID: a.UserID, BookedBy: a.Name,
				Start: st, End: en, Purpose: req.Purpose, Expected: req.Expected, Status: status, CreatedAt: s.now()}
			if o, ok := clash(b, held); ok {
				zh, en := span(o, s.tz)
				return errs.Conflict(CodeBookingConflict,
					fmt.Sprintf("与已有预约冲突：%s %s · %s「%s」，请换个时间或场地", zh, o.SpaceName, o.Organiser, o.Purpose),
					fmt.Sprintf("clashes with a booking: %s %s · %s (%s); choose another time or space", en, o.SpaceName, o.Organiser, o.Purpose)).WithField("from")
			}
			want = append(want, b)
		}
		if len(want) == 0 {
			zh, en := span(Booking{Start: start, End: end}, s.tz)
			return errs.Invalid(CodeRoomClosed, "date", "书屋这一天闭馆："+zh, "the room is closed then: "+en)
		}
		var ids []int64
		for i := range want {
			if err := tx.InsertBooking(&want[i]); err != nil {
				return err
			}
			ids = append(ids, want[i].ID)
		}
		if len(want) > 1 {
			if err := tx.SetSeries(ids, ids[0]); err != nil {
				return err
			}
			for i := range want {
				want[i].SeriesID = ids[0]
			}
		}
		for _, b := range want {
			if err := s.log(tx, ctx, ledger.BookingMade, b, ""); err != nil {
				return err
			}
		}
		zh, _ := span(want[0], s.tz)
		sum := fmt.Sprintf("预约%s %s · %s「%s」", sp.Name, zh, req.Organiser, req.Purpose)
		if len(want) > 1 {
			sum += fmt.Sprintf("，每周一次共 %d 次", len(want))
		}
		if err := tx.Audit(audit.New(ctx, s.now(), "create", "booking", fmt.Sprint(want[0].ID), sum)); err != nil {
			return err
		}
		out.Bookings = want
		return nil
	})
	return out, err
}

// log puts a booking's step into the ledger.
func (s *Service) log(tx Tx, ctx context.Context, kind ledger.Kind, b Booking, note string) error {
	d := map[string]any{"organiser": b.Organiser, "purpose": b.Purpose, "expected": b.Expected,
		"start": b.Start.UnixMilli(), "end": b.End.UnixMilli()}
	if note != "" {
		d["note"] = note
	}
	raw, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return tx.AppendLedger(&ledger.Entry{Kind: kind, At: s.now(), StaffID: audit.ActorFrom(ctx).UserID, SpaceID: b.SpaceID, RefID: b.ID, Detail: string(raw)})
}

// MaxNote bounds a refusal's or cancellation's reason.
const MaxNote = 200

// series returns b and the rest of its series still to come, for a step
// that applies to them all.
func (s *Service) series(tx Tx, b Booking) ([]Booking, error) {
	if b.SeriesID == 0 {
		return []Booking{b}, nil
	}
	all, err := tx.Bookings(Filter{From: b.Start, Limit: MaxWeeks * 2})
	if err != nil {
		return nil, err
	}
	var out []Booking
	for _, o := range all {
		if o.SeriesID == b.SeriesID && o.Status == b.Status {
			out = append(out, o)
		}
	}
	return out, nil
}

// Decide approves or refuses a pending booking, with the rest of its
// weekly series still pending: librarians only.
func (s *Service) Decide(ctx context.Context, id int64, approve bool, note string) ([]Booking, error) {
	a := audit.ActorFrom(ctx)
	if !isLibrarian(a) {
		return nil, errs.New(errs.KindForbidden, CodeBookingNotYours, "只有馆员可以审批预约", "only a librarian approves bookings")
	}
	note = plaintext.Text(note)
	if utf8.RuneCountInString(note) > MaxNote {
		return nil, invalid("note", fmt.Sprintf("说明不能超过 %d 个字", MaxNote), fmt.Sprintf("the note is at most %d characters", MaxNote))
	}
	var done []Booking
	err := s.store.Update(ctx, func(tx Tx) error {
		done = nil
		b, err := tx.Booking(id)
		if err != nil {
			return err
		}
		if b.Status != Pending {
			return errs.Conflict(CodeBookingSettled, "这项预约不在待审批状态", "the booking is not waiting for approval")
		}
		group, err := s.series(tx, b)
		if err != nil {
			return err
		}
		st, kind, verb := Approved, ledger.BookingApproved, "批准"
		if !approve {
			st, kind, verb = Refused, ledger.BookingRefused, "未批准"
		}
		for _, g := range group {
			if err := tx.SetBookingStatus(g.ID, st, note); err != nil {
				return err
			}
			g.Status, g.Note = st, note
			if err := s.log(tx, ctx, kind, g, note); err != nil {
				return err
			}
			done = append(done, g)
		}
		zh, _ := span(b, s.tz)
		sum := fmt.Sprintf("%s预约 %s %s · %s「%s」", verb, b.SpaceName, zh, b.Organiser, b.Purpose)
		if len(group) > 1 {
			sum += fmt.Sprintf("（共 %d 次）", len(group))
		}
		if note != "" {
			sum += "：" + note
		}
		return tx.Audit(audit.New(ctx, s.now(), map[bool]string{true: "approve", false: "refuse"}[approve], "booking", fmt.Sprint(b.ID), sum))
	})
	return done, err
}

// Cancel withdraws a booking still to come (and, with rest, the rest of
// its series): the organiser who made it, or a librarian.
func (s *Service) Cancel(ctx context.Context, id int64, rest bool, note string) ([]Booking, error) {
	a := audit.ActorFrom(ctx)
	note = plaintext.Text(note)
	if utf8.RuneCountInString(note) > MaxNote {
		return nil, invalid("note", fmt.Sprintf("说明不能超过 %d 个字", MaxNote), fmt.Sprintf("the note is at most %d characters", MaxNote))
	}
	var done []Booking
	err := s.store.Update(ctx, func(tx Tx) error {
		done = nil
		b, err := tx.Booking(id)
		if err != nil {
			return err
		}
		unit, err := unitOf(tx, a)
		if err != nil {
			return err
		}
		if !isLibrarian(a) && (a.UserID == 0 || (b.UserID != a.UserID && b.Organiser != unit)) {
			return errs.New(errs.KindForbidden, CodeBookingNotYours, "只能取消本单位自己的预约", "you can cancel only your own bookings")
		}
		if !b.Status.Holds() || !b.End.After(s.now()) {
			return errs.Conflict(CodeBookingSettled, "这项预约已结束或已取消，不能再取消", "the booking is over or already cancelled")
		}
		group := []Booking{b}
		if rest && b.SeriesID != 0 {
			all, err := tx.Bookings(Filter{From: b.Start, Limit: MaxWeeks * 2})
			if err != nil {
				return err
			}
			group = nil
			for _, o := range all {
				if o.SeriesID == b.SeriesID && o.Status.Holds() && !o.Start.Before(b.Start) {
					group = append(group, o)
				}
			}
		}
		for _, g := range group {
			if err := tx.SetBookingStatus(g.ID, Cancelled, note); err != nil {
				return err
			}
			g.Status, g.Note = Cancelled, note
			if err := s.log(tx, ctx, ledger.BookingCancelled, g, note); err != nil {
				return err
			}
			done = append(done, g)
		}
		zh, _ := span(b, s.tz)
		sum := fmt.Sprintf("取消预约 %s %s · %s「%s」", b.SpaceName, zh, b.Organiser, b.Purpose)
		if len(group) > 1 {
			sum += fmt.Sprintf("（共 %d 次）", len(group))
		}
		return tx.Audit(audit.New(ctx, s.now(), "cancel", "booking", fmt.Sprint(b.ID), sum))
	})
	return done, err
}

// Booking returns one booking.
func (s *Service) Booking(ctx context.Context, id int64) (b Booking, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		b, err = tx.Booking(id)
		return err
	})
	return b, err
}

// Bookings lists bookings overlapping f's range, earliest first.
func (s *Service) Bookings(ctx context.Context, f Filter) (out []Booking, err error) {
	if f.Limit < 1 || f.Limit > 1000 {
		f.Limit = 1000
	}
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Bookings(f)
		return err
	})
	return out, err
}

// Closures are the approved whole-room bookings overlapping [from, to):
// the times the room is closed to walk-in reading.
func (s *Service) Closures(ctx context.Context, from, to time.Time) ([]Booking, error) {
	var out []Booking
	bs, err := s.Bookings(ctx, Filter{From: from, To: to, Statuses: []Status{Approved}})
	for _, b := range bs {
		if b.WholeRoom {
			out = append(out, b)
		}
	}
	return out, err
}

// unitOf is the organiser an account books for: its display name (校机关一支部),
// or its user name when it has none.
func unitOf(tx Tx, a audit.Actor) (string, error) {
	if a.UserID == 0 {
		return "", nil
	}
	name, err := tx.UserDisplayName(a.UserID)
	if err != nil || name != "" {
		return name, err
	}
	return a.Name, nil
}

// Unit is the organiser the account in ctx books for.
func (s *Service) Unit(ctx context.Context) (unit string, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		unit, err = unitOf(tx, audit.ActorFrom(ctx))
		return err
	})
	return unit, err
}

// Mine lists the bookings of the organiser in ctx from from on: those it
// made and those a librarian made for its unit.
func (s *Service) Mine(ctx context.Context, from time.Time) (out []Booking, err error) {
	a := audit.ActorFrom(ctx)
	if a.UserID == 0 {
		return nil, nil
	}
	err = s.store.View(ctx, func(tx Tx) error {
		unit, err := unitOf(tx, a)
		if err != nil {
			return err
		}
		out, err = tx.Bookings(Filter{From: from, UserID: a.UserID, Unit: unit, Limit: 1000})
		return err
	})
	return out, err
}
