package seats

import (
	"context"
	"crypto/subtle"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// MaxDaysAhead is how far ahead a seat can be reserved.
const MaxDaysAhead = 7

func invalid(field, zh, en string) error { return errs.Invalid(CodeSeatInvalid, field, zh, en) }

// clock parses "HH:MM" into minutes after midnight.
func clock(s string) (int, bool) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// Slot reads a date and a time range into a slot of the space's open
// hours on an open day of the calendar. A slot already begun starts now.
func (s *Service) Slot(ctx context.Context, date, from, to string) (start, end time.Time, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		st, err := settingsOf(tx)
		if err != nil {
			return err
		}
		sp, err := tx.Space(st.SpaceID)
		if err != nil {
			return err
		}
		start, end, err = s.slot(tx, sp, date, from, to)
		return err
	})
	return start, end, err
}

func (s *Service) slot(tx Tx, sp room.Space, date, from, to string) (start, end time.Time, err error) {
	day, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(date), s.tz)
	if err != nil {
		return start, end, invalid("date", "日期应写成 2026-12-08", "the date must look like 2026-12-08")
	}
	f, ok1 := clock(from)
	t, ok2 := clock(to)
	opens, _ := clock(sp.Opens)
	closes, _ := clock(sp.Closes)
	switch {
	case !ok1:
		return start, end, invalid("from", "开始时间应写成 14:00", "the start must look like 14:00")
	case !ok2:
		return start, end, invalid("to", "结束时间应写成 16:00", "the end must look like 16:00")
	case t <= f:
		return start, end, invalid("to", "结束时间须晚于开始时间", "the end must be after the start")
	case f < opens || t > closes:
		return start, end, invalid("from", fmt.Sprintf("%s的开放时间是 %s–%s，请在此时间内预约座位", sp.Name, sp.Opens, sp.Closes),
			fmt.Sprintf("%s is open %s–%s; reserve within those hours", sp.Name, sp.Opens, sp.Closes))
	}
	start, end = day.Add(time.Duration(f)*time.Minute), day.Add(time.Duration(t)*time.Minute)
	now := s.Now().Truncate(time.Minute)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.tz)
	switch {
	case !end.After(now):
		return start, end, invalid("to", "这个时段已经过去，请选择之后的时间", "that time has passed")
	case day.After(today.AddDate(0, 0, MaxDaysAhead)):
		return start, end, invalid("date", fmt.Sprintf("座位最多提前 %d 天预约", MaxDaysAhead), fmt.Sprintf("seats are reserved at most %d days ahead", MaxDaysAhead))
	}
	cal, err := calendar(tx, day)
	if err != nil {
		return start, end, err
	}
	if !cal.Open(day) {
		return start, end, errs.Invalid(CodeSeatRoomClosed, "date", fmt.Sprintf("书屋 %d月%d日 闭馆，不能预约座位", day.Month(), day.Day()),
			"the room is closed on "+day.Format("2 Jan")+"; no seats can be reserved")
	}
	if start.Before(now) {
		start = now
	}
	return start, end, nil
}

// selfReader is the reader acting for themselves in ctx.
func selfReader(tx Tx, a audit.Actor) (readers.Reader, error) {
	if a.Role != audit.RoleReader || a.ReaderID == 0 {
		return readers.Reader{}, errs.New(errs.KindForbidden, CodeSeatNotForReader, "请用读者账号登录后预约座位", "log in as a reader to reserve a seat")
	}
	return tx.Reader(a.ReaderID)
}

func enabled(tx Tx) (Settings, error) {
	st, err := settingsOf(tx)
	if err == nil && !st.Enabled {
		err = errs.Conflict(CodeSeatsOff, "座位预约暂未开放", "seat reservations are not open")
	}
	return st, err
}

// Reserve gives the reader in ctx the seat for the slot. Refused, naming
// the problem, when the slot is outside the hours or on a closed day,
// a booking takes the room then, the seat is taken then, or the reader
// already holds a reservation still to come.
func (s *Service) Reserve(ctx context.Context, req Request) (Reservation, error) {
	a := audit.ActorFrom(ctx)
	var out Reservation
	err := s.store.Update(ctx, func(tx Tx) error {
		st, err := enabled(tx)
		if err != nil {
			return err
		}
		r, err := selfReader(tx, a)
		if err != nil {
			return err
		}
		if r.Status != readers.StatusActive {
			return errs.Conflict(CodeSeatNotForReader, "借阅证状态异常，不能预约座位，请到服务台办理", "your card is not in good standing; ask at the desk")
		}
		seat, t, err := tx.SeatByID(req.SeatID)
		if err != nil {
			return err
		}
		if t.SpaceID != st.SpaceID {
			return errs.NotFound(CodeSeatNotFound, "座位不存在", "no such seat")
		}
		sp, err := tx.Space(t.SpaceID)
		if err != nil {
			return err
		}
		start, end, err := s.slot(tx, sp, req.Date, req.From, req.To)
		if err != nil {
			return err
		}
		mine, err := tx.SeatReservations(Filter{ReaderID: r.ID, From: s.now(), Statuses: holding, Limit: 1})
		if err != nil {
			return err
		}
		if len(mine) > 0 {
			zh, en := window(mine[0].Start, mine[0].End, s.tz)
			return errs.Conflict(CodeSeatOneOnly, fmt.Sprintf("你已预约座位 %s（%s），每人同时只能有一个座位预约；请先取消或用完后再预约", mine[0].SeatLabel, zh),
				fmt.Sprintf("you hold seat %s (%s) already; one reservation at a time", mine[0].SeatLabel, en))
		}
		if bk, err := blockedBy(tx, sp, start, end); err != nil {
			return err
		} else if bk != nil {
			zh, en := window(bk.Start, bk.End, s.tz)
			return errs.Conflict(CodeSeatRoomClosed, fmt.Sprintf("%s 书屋已被 %s 预约用于「%s」，这段时间座位不开放预约", zh, bk.Organiser, bk.Purpose),
				fmt.Sprintf("%s the room is booked by %s for %s; no seats then", en, bk.Organiser, bk.Purpose)).WithField("from")
		}
		taken, err := tx.SeatReservations(Filter{SeatID: seat.ID, From: start, To: end, Statuses: holding, Limit: 1})
		if err != nil {
			return err
		}
		if len(taken) > 0 {
			zh, en := window(taken[0].Start, taken[0].End, s.tz)
			return errs.Conflict(CodeSeatTaken, fmt.Sprintf("座位 %s 在 %s 已被预约，请换个座位或时间", seat.Label, zh),
				fmt.Sprintf("seat %s is taken %s; choose another seat or time", seat.Label, en)).WithField("seat")
		}
		classID, err := tx.CurrentClassOf(r.ID, start.Format(time.DateOnly))
		if err != nil {
			return err
		}
		out = Reservation{SeatID: seat.ID, SeatLabel: seat.Label, SpaceID: sp.ID, ReaderID: r.ID, ReaderName: r.Name, ReaderCard: r.Card,
			ClassID: classID, Start: start, End: end, Status: Reserved, CreatedAt: s.now()}
		if err := tx.InsertSeatReservation(&out); err != nil {
			return err
		}
		return s.log(tx, ctx, ledger.SeatReserved, out, nil)
	})
	return out, err
}

// reservationFor loads reservation id for the actor: the reader's own, or
// any for the desk.
func reservationFor(tx Tx, a audit.Actor, id int64) (Reservation, error) {
	r, err := tx.SeatReservation(id)
	if err != nil {
		return r, err
	}
	if atDesk(a) && a.UserID != 0 {
		return r, nil
	}
	if a.Role == audit.RoleReader && a.ReaderID == r.ReaderID {
		return r, nil
	}
	return r, errs.New(errs.KindForbidden, CodeSeatForbidden, "只能取消自己的座位预约", "you can cancel only your own reservation")
}

// Cancel withdraws a reservation still to come (the reader's own, or any
// from the desk); a reader who is in the seat leaves it.
func (s *Service) Cancel(ctx context.Context, id int64) (Reservation, error) {
	a := audit.ActorFrom(ctx)
	var out Reservation
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := reservationFor(tx, a, id)
		if err != nil {
			return err
		}
		if !r.Status.Holds() || !r.End.After(s.now()) {
			return errs.Conflict(CodeReservationSettled, "这个座位预约已结束、已释放或已取消", "the reservation is over, released or cancelled")
		}
		kind := ledger.SeatCancelled
		r.Status, r.EndedAt = Cancelled, s.now()
		if !r.CheckedInAt.IsZero() {
			r.Status, kind = Finished, ledger.SeatLeft
		}
		if err := tx.SetSeatReservation(r); err != nil {
			return err
		}
		out = r
		if err := s.log(tx, ctx, kind, r, nil); err != nil {
			return err
		}
		if a.UserID != 0 {
			zh, _ := window(r.Start, r.End, s.tz)
			return tx.Audit(audit.New(ctx, s.now(), "cancel", "seat_reservation", itoa(r.ID), fmt.Sprintf("取消 %s 的座位预约 %s %s", r.ReaderName, r.SeatLabel, zh)))
		}
		return nil
	})
	return out, err
}

// CheckInResult is a check-in's answer: the reservation, and whether the
// reader had checked in before (a second scan changes nothing).
type CheckInResult struct {
	Reservation
	Already bool `json:"already"`
}

// CheckIn checks the reader in ctx in at the seat whose QR code they
// scanned: their reservation of it for now (from EarlyCheckIn before its
// start) becomes occupied, a ledger line tied to them and their class.
func (s *Service) CheckIn(ctx context.Context, seatID int64, code string) (CheckInResult, error) {
	a := audit.ActorFrom(ctx)
	var out CheckInResult
	err := s.store.Update(ctx, func(tx Tx) error {
		out = CheckInResult{}
		if _, err := enabled(tx); err != nil {
			return err
		}
		rd, err := selfReader(tx, a)
		if err != nil {
			return err
		}
		seat, _, err := tx.SeatByID(seatID)
		if err != nil {
			return err
		}
		if subtle.ConstantTimeCompare([]byte(seat.Code), []byte(strings.TrimSpace(code))) != 1 {
			return errs.Invalid(CodeSeatCodeInvalid, "", "座位二维码无效，请扫描座位上贴的二维码", "the seat's QR code is not valid; scan the code on the seat")
		}
		now := s.now()
		mine, err := tx.SeatReservations(Filter{ReaderID: rd.ID, From: now, To: now.Add(EarlyCheckIn), Statuses: holding, Limit: 10})
		if err != nil {
			return err
		}
		for _, r := range mine {
			if r.SeatID != seat.ID {
				continue
			}
			if r.Status == CheckedIn {
				out = CheckInResult{Reservation: r, Already: true}
				return nil
			}
			r.Status, r.CheckedInAt = CheckedIn, now
			if err := tx.SetSeatReservation(r); err != nil {
				return err
			}
			out = CheckInResult{Reservation: r}
			return s.log(tx, ctx, ledger.SeatCheckIn, r, map[string]any{"via": "qr"})
		}
		if len(mine) > 0 {
			return errs.Conflict(CodeNoReservationNow, fmt.Sprintf("你预约的是座位 %s，请到 %s 扫码签到", mine[0].SeatLabel, mine[0].SeatLabel),
				fmt.Sprintf("your seat is %s; scan the code on %s", mine[0].SeatLabel, mine[0].SeatLabel))
		}
		return errs.Conflict(CodeNoReservationNow, fmt.Sprintf("你没有座位 %s 现在这个时段的预约（开始前 %d 分钟起可以签到）；请先在座位图上预约", seat.Label, int(EarlyCheckIn/time.Minute)),
			fmt.Sprintf("you have no reservation of seat %s for now (check-in opens %d minutes before the start); reserve it on the seat map first", seat.Label, int(EarlyCheckIn/time.Minute)))
	})
	return out, err
}

// DeskCheckIn checks a reservation in by hand at the desk.
func (s *Service) DeskCheckIn(ctx context.Context, id int64) (Reservation, error) {
	a := audit.ActorFrom(ctx)
	if !atDesk(a) || a.UserID == 0 {
		return Reservation{}, errs.New(errs.KindForbidden, CodeSeatForbidden, "只有服务台工作人员可以代为签到", "only desk staff check readers in")
	}
	var out Reservation
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.SeatReservation(id)
		if err != nil {
			return err
		}
		now := s.now()
		switch {
		case r.Status != Reserved || !r.End.After(now):
			return errs.Conflict(CodeReservationSettled, "这个预约不在待签到状态", "the reservation is not waiting for check-in")
		case r.Start.Add(-EarlyCheckIn).After(now):
			zh, en := window(r.Start, r.End, s.tz)
			return errs.Conflict(CodeNoReservationNow, fmt.Sprintf("预约时段是 %s，开始前 %d 分钟起才能签到", zh, int(EarlyCheckIn/time.Minute)),
				fmt.Sprintf("the reservation is %s; check-in opens %d minutes before", en, int(EarlyCheckIn/time.Minute)))
		}
		r.Status, r.CheckedInAt = CheckedIn, now
		if err := tx.SetSeatReservation(r); err != nil {
			return err
		}
		out = r
		if err := s.log(tx, ctx, ledger.SeatCheckIn, r, map[string]any{"via": "desk"}); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, now, "checkin", "seat_reservation", itoa(r.ID), fmt.Sprintf("代 %s 在座位 %s 签到", r.ReaderName, r.SeatLabel)))
	})
	return out, err
}

// DeskRelease frees a reservation's seat by hand: a reservation still
// waiting is released, a reader in the seat has left.
func (s *Service) DeskRelease(ctx context.Context, id int64) (Reservation, error) {
	a := audit.ActorFrom(ctx)
	if !atDesk(a) || a.UserID == 0 {
		return Reservation{}, errs.New(errs.KindForbidden, CodeSeatForbidden, "只有服务台工作人员可以释放座位", "only desk staff release seats")
	}
	var out Reservation
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.SeatReservation(id)
		if err != nil {
			return err
		}
		now := s.now()
		if !r.Status.Holds() || !r.End.After(now) {
			return errs.Conflict(CodeReservationSettled, "这个座位预约已结束、已释放或已取消", "the reservation is over, released or cancelled")
		}
		kind, verb := ledger.SeatReleased, "释放"
		if r.Status == CheckedIn {
			r.Status, kind, verb = Finished, ledger.SeatLeft, "离座"
		} else {
			r.Status = Released
		}
		r.EndedAt = now
		if err := tx.SetSeatReservation(r); err != nil {
			return err
		}
		out = r
		if err := s.log(tx, ctx, kind, r, map[string]any{"via": "desk"}); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, now, "release", "seat_reservation", itoa(r.ID), fmt.Sprintf("%s座位 %s（%s）", verb, r.SeatLabel, r.ReaderName)))
	})
	return out, err
}

// ReleaseNoShows releases the reservations nobody checked in to within
// NoShowMinutes of their start: their seats are free again. The server
// runs it every minute by itself.
func (s *Service) ReleaseNoShows(ctx context.Context) (int, error) {
	// Most minutes nobody is due: a read, and no write transaction.
	due := 0
	if err := s.store.View(ctx, func(tx Tx) error {
		st, err := settingsOf(tx)
		if err != nil {
			return err
		}
		rs, err := tx.NoShows(s.now().Add(-time.Duration(st.NoShowMinutes) * time.Minute))
		due = len(rs)
		return err
	}); err != nil || due == 0 {
		return 0, err
	}
	n := 0
	err := s.store.Update(ctx, func(tx Tx) error {
		n = 0
		st, err := settingsOf(tx)
		if err != nil {
			return err
		}
		now := s.now()
		due, err := tx.NoShows(now.Add(-time.Duration(st.NoShowMinutes) * time.Minute))
		if err != nil {
			return err
		}
		for _, r := range due {
			r.Status, r.EndedAt = Released, now
			if err := tx.SetSeatReservation(r); err != nil {
				return err
			}
			if err := s.log(tx, ctx, ledger.SeatReleased, r, map[string]any{"no_show": true, "minutes": st.NoShowMinutes}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
