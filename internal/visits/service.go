package visits

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// Service is entry registration's use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil for the wall clock. The
// room's hours, calendar and bookings are read in the same transactions.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// Now is the service's clock in the library's time zone.
func (s *Service) Now() time.Time { return s.now().In(s.tz) }

// Location is the library's time zone.
func (s *Service) Location() *time.Location { return s.tz }

// wholeRoom is the space that stands for the whole room: its seats and
// hours are the room's.
func wholeRoom(tx Tx) (room.Space, error) {
	sps, err := tx.Spaces()
	if err != nil {
		return room.Space{}, err
	}
	for _, sp := range sps {
		if sp.WholeRoom {
			return sp, nil
		}
	}
	if len(sps) > 0 {
		return sps[0], nil
	}
	return room.Space{}, errs.NotFound(room.CodeSpaceNotFound, "书屋场地不存在", "the room has no spaces")
}

// at is the moment HH:MM on day (midnight in the library's time zone).
func at(day time.Time, hm string) time.Time {
	t, err := time.Parse("15:04", hm)
	if err != nil {
		return day
	}
	return day.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
}

// sessionStart is when the present count began: today's closing time once
// it has passed (everyone still counted in left at closing), else the
// start of the day.
func sessionStart(now time.Time, sp room.Space) (session, day time.Time) {
	day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if c := at(day, sp.Closes); !now.Before(c) {
		return c, day
	}
	return day, day
}

// cardIssue names a card not in good standing, "" when it is fine.
func cardIssue(r readers.Reader, today string) string {
	switch {
	case r.Status != readers.StatusActive:
		return string(r.Status)
	case r.ExpiryDate != "" && r.ExpiryDate < today:
		return "expired"
	}
	return ""
}

func detail(via Via, extra map[string]any) string {
	d := map[string]any{"via": string(via)}
	for k, v := range extra {
		d[k] = v
	}
	raw, _ := json.Marshal(d)
	return string(raw)
}

// Scan registers what a scanner read at the desk or the door: the reader
// is counted in, or out when they are in and scan again; a second scan
// within RescanWindow counts nothing. The visit is a ledger line tied to
// the reader and the class they are in today.
func (s *Service) Scan(ctx context.Context, raw string, via Via) (Result, error) {
	card, err := ParseCode(raw)
	if err != nil {
		return Result{}, err
	}
	var res Result
	err = s.store.Update(ctx, func(tx Tx) error {
		res = Result{}
		r, err := tx.ReaderByCard(card)
		if errs.Is(err, readers.CodeReaderNotFound) && strings.ToUpper(card) != card {
			r, err = tx.ReaderByCard(strings.ToUpper(card))
		}
		if err != nil {
			return err
		}
		sp, err := wholeRoom(tx)
		if err != nil {
			return err
		}
		now := s.Now()
		session, day := sessionStart(now, sp)
		today := day.Format(time.DateOnly)
		res.Reader, res.CardIssue = r, cardIssue(r, today)
		last, ok, err := tx.LastVisitLine(r.ID, session)
		if err != nil {
			return err
		}
		classID := last.ClassID
		if !ok || last.Kind != ledger.Visit {
			if classID, err = tx.CurrentClassOf(r.ID, today); err != nil {
				return err
			}
		}
		if classID != 0 {
			c, err := tx.Class(classID)
			if err != nil {
				return err
			}
			res.ClassName = c.Name
		}
		e := ledger.Entry{At: now, ReaderID: r.ID, ClassID: classID, StaffID: audit.ActorFrom(ctx).UserID, SpaceID: sp.ID, Detail: detail(via, nil)}
		switch {
		case ok && now.Sub(last.At) < RescanWindow:
			// Scanned again straight away: the first scan stands.
			res.Outcome = Entered
			if last.Kind == ledger.VisitLeave {
				res.Outcome = Left
			} else {
				res.Since = last.At
			}
			res.Occupancy, err = s.occupancy(tx, now)
			return err
		case ok && last.Kind == ledger.Visit:
			e.Kind, res.Outcome, res.Since = ledger.VisitLeave, Left, last.At
		default:
			e.Kind, res.Outcome = ledger.Visit, Entered
		}
		res.Counted = true
		if err := tx.AppendLedger(&e); err != nil {
			return err
		}
		res.Occupancy, err = s.occupancy(tx, now)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// Guests counts n visitors without a card in.
func (s *Service) Guests(ctx context.Context, n int, via Via) (Occupancy, error) {
	if n < 1 || n > MaxGuests {
		return Occupancy{}, errs.Invalid(CodeGuestsInvalid, "count", fmt.Sprintf("一次登记的访客须为 1 到 %d 人", MaxGuests), fmt.Sprintf("count 1–%d visitors at a time", MaxGuests))
	}
	var o Occupancy
	err := s.store.Update(ctx, func(tx Tx) error {
		sp, err := wholeRoom(tx)
		if err != nil {
			return err
		}
		now := s.Now()
		for i := 0; i < n; i++ {
			e := ledger.Entry{Kind: ledger.Visit, At: now, StaffID: audit.ActorFrom(ctx).UserID, SpaceID: sp.ID, Detail: detail(via, map[string]any{"guest": true})}
			if err := tx.AppendLedger(&e); err != nil {
				return err
			}
		}
		o, err = s.occupancy(tx, now)
		return err
	})
	return o, err
}

// GuestLeft counts one visitor without a card out; refused when none is in.
func (s *Service) GuestLeft(ctx context.Context, via Via) (Occupancy, error) {
	var o Occupancy
	err := s.store.Update(ctx, func(tx Tx) error {
		sp, err := wholeRoom(tx)
		if err != nil {
			return err
		}
		now := s.Now()
		session, day := sessionStart(now, sp)
		c, err := tx.VisitCounts(session, day)
		if err != nil {
			return err
		}
		if c.GuestsIn-c.GuestsOut <= 0 {
			return errs.Conflict(CodeNoGuestInside, "书屋里没有登记在馆的无证访客", "no visitor without a card is counted in")
		}
		e := ledger.Entry{Kind: ledger.VisitLeave, At: now, StaffID: audit.ActorFrom(ctx).UserID, SpaceID: sp.ID, Detail: detail(via, map[string]any{"guest": true})}
		if err := tx.AppendLedger(&e); err != nil {
			return err
		}
		o, err = s.occupancy(tx, now)
		return err
	})
	return o, err
}

// Occupancy is the room now: people in against the seats, today's visits,
// the hours, and whether a booking has closed it to walk-in reading.
func (s *Service) Occupancy(ctx context.Context) (o Occupancy, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		o, err = s.occupancy(tx, s.Now())
		return err
	})
	return o, err
}

// occupancy reads the room at now in tx: one snapshot for the figures, the
// calendar and the bookings, so a scan answers from its own transaction.
func (s *Service) occupancy(tx Tx, now time.Time) (Occupancy, error) {
	sp, err := wholeRoom(tx)
	if err != nil {
		return Occupancy{}, err
	}
	session, day := sessionStart(now, sp)
	c, err := tx.VisitCounts(session, day)
	if err != nil {
		return Occupancy{}, err
	}
	o := Occupancy{Inside: c.InsideReaders + max(0, c.GuestsIn-c.GuestsOut), Capacity: sp.Capacity, Visits: c.Visits, Readers: c.Readers, Guests: c.Guests,
		Opens: sp.Opens, Closes: sp.Closes, At: now}
	cal, err := calendar(tx, day)
	if err != nil {
		return o, err
	}
	o.ClosedToday = !cal.Open(day)
	o.Open = !o.ClosedToday && !now.Before(at(day, o.Opens)) && now.Before(at(day, o.Closes))
	bs, err := tx.Bookings(room.Filter{From: day, To: day.AddDate(0, 0, 1), Statuses: []room.Status{room.Approved}, Limit: 100})
	if err != nil {
		return o, err
	}
	for _, b := range bs {
		switch {
		case !b.WholeRoom:
		case !now.Before(b.Start) && now.Before(b.End):
			b := b
			o.Closure = &b
		case b.Start.After(now):
			o.Later = append(o.Later, b)
		}
	}
	return o, nil
}

// calendar is circulation's: the same closed weekdays and closed days.
func calendar(tx Tx, from time.Time) (circulation.Calendar, error) {
	return circulation.ReadCalendar(tx, from)
}

// MaxLines bounds the desk's list of recent visits.
const MaxLines = 200

// Today lists today's latest visit and leaving lines, newest first.
func (s *Service) Today(ctx context.Context, limit int) (out []Line, err error) {
	if limit < 1 || limit > MaxLines {
		limit = MaxLines
	}
	now := s.Now()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.tz)
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.VisitLines(day, limit)
		return err
	})
	return out, err
}

// Year counts the visits of a calendar year: person-visits, distinct
// cardholders and visitors without a card, for the statistics.
func (s *Service) Year(ctx context.Context, year int) (y YearCount, err error) {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, s.tz)
	err = s.store.View(ctx, func(tx Tx) error {
		y, err = tx.VisitYear(from, from.AddDate(1, 0, 0))
		return err
	})
	y.Year = year
	return y, err
}
