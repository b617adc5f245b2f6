package seats

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/room"
)

// Service is seat reservations' use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil for the wall clock.
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

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func newCode() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func isLibrarian(a audit.Actor) bool {
	return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian
}

func atDesk(a audit.Actor) bool {
	return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian || a.Role == audit.RoleDuty
}

func settingsOf(tx Tx) (Settings, error) {
	st := Settings{NoShowMinutes: DefaultNoShow, SpaceID: DefaultSpaceID}
	raw, err := tx.Setting(SettingsKey)
	if err != nil || raw == "" {
		return st, err
	}
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		return st, fmt.Errorf("parse seat settings: %w", err)
	}
	if st.NoShowMinutes <= 0 {
		st.NoShowMinutes = DefaultNoShow
	}
	if st.SpaceID == 0 {
		st.SpaceID = DefaultSpaceID
	}
	return st, nil
}

// Settings returns the feature's settings (off when never set).
func (s *Service) Settings(ctx context.Context) (st Settings, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		st, err = settingsOf(tx)
		return err
	})
	return st, err
}

// SaveSettings switches reservations on or off and sets the no-show time
// and the space whose tables are reserved: librarians only.
func (s *Service) SaveSettings(ctx context.Context, in Settings) (Settings, error) {
	if !isLibrarian(audit.ActorFrom(ctx)) {
		return Settings{}, errs.New(errs.KindForbidden, CodeSeatForbidden, "只有馆员可以修改座位预约设置", "only a librarian changes the seat settings")
	}
	if in.NoShowMinutes < 5 || in.NoShowMinutes > MaxNoShow {
		return Settings{}, errs.Invalid(CodeSeatSettingsInvalid, "no_show", fmt.Sprintf("超时释放须在 5 到 %d 分钟之间", MaxNoShow), fmt.Sprintf("release after 5–%d minutes", MaxNoShow))
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if in.SpaceID == 0 {
			in.SpaceID = DefaultSpaceID
		}
		sp, err := tx.Space(in.SpaceID)
		if err != nil {
			return errs.Invalid(CodeSeatSettingsInvalid, "space", "座位所在的场地不存在", "no such space").WithField("space")
		}
		if sp.WholeRoom {
			return errs.Invalid(CodeSeatSettingsInvalid, "space", "请选择阅览桌所在的区域（如 阅览室），不能选全室", "choose the area the tables stand in, not the whole room")
		}
		raw, _ := json.Marshal(in)
		if err := tx.SetSetting(SettingsKey, string(raw)); err != nil {
			return err
		}
		sum := fmt.Sprintf("座位预约：%s，%s，超时 %d 分钟未签到释放", map[bool]string{true: "开启", false: "关闭"}[in.Enabled], sp.Name, in.NoShowMinutes)
		return tx.Audit(audit.New(ctx, s.now(), "update", "settings", SettingsKey, sum))
	})
	return in, err
}

// Map is the seat map of the settings' space: its tables and seats.
func (s *Service) Map(ctx context.Context) (st Settings, sp room.Space, tables []Table, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		if st, err = settingsOf(tx); err != nil {
			return err
		}
		if sp, err = tx.Space(st.SpaceID); err != nil {
			return err
		}
		tables, err = tx.SeatTables(st.SpaceID)
		return err
	})
	return st, sp, tables, err
}

// Seat returns one seat and its table.
func (s *Service) Seat(ctx context.Context, id int64) (seat Seat, t Table, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		seat, t, err = tx.SeatByID(id)
		return err
	})
	return seat, t, err
}

// window is a reservation's time as people write it: 12月8日 14:00–16:00.
func window(start, end time.Time, tz *time.Location) (zh, en string) {
	st, e := start.In(tz), end.In(tz)
	return fmt.Sprintf("%d月%d日 %s–%s", st.Month(), st.Day(), st.Format("15:04"), e.Format("15:04")),
		fmt.Sprintf("%s %s–%s", st.Format("2 Jan"), st.Format("15:04"), e.Format("15:04"))
}

// Window is r's time as people write it.
func (s *Service) Window(r Reservation) string { zh, _ := window(r.Start, r.End, s.tz); return zh }

func (s *Service) log(tx Tx, ctx context.Context, kind ledger.Kind, r Reservation, extra map[string]any) error {
	d := map[string]any{"seat": r.SeatLabel, "start": r.Start.UnixMilli(), "end": r.End.UnixMilli()}
	for k, v := range extra {
		d[k] = v
	}
	raw, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return tx.AppendLedger(&ledger.Entry{Kind: kind, At: s.now(), ReaderID: r.ReaderID, ClassID: r.ClassID, StaffID: audit.ActorFrom(ctx).UserID,
		SpaceID: r.SpaceID, RefID: r.ID, Detail: string(raw)})
}

// calendar is circulation's: the same closed weekdays and closed days.
func calendar(tx Tx, from time.Time) (circulation.Calendar, error) {
	return circulation.ReadCalendar(tx, from)
}

// blockedBy is the approved booking of the whole room or of space sp
// overlapping [start, end), if any: it takes the seats.
func blockedBy(tx Tx, sp room.Space, start, end time.Time) (*room.Booking, error) {
	bs, err := tx.Bookings(room.Filter{From: start, To: end, Statuses: []room.Status{room.Approved}, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, b := range bs {
		if b.WholeRoom || b.SpaceID == sp.ID {
			b := b
			return &b, nil
		}
	}
	return nil, nil
}

// holding are the statuses that keep a seat.
var holding = []Status{Reserved, CheckedIn}

// Board is the seat map for [start, end): each seat free, reserved,
// occupied (checked in) or blocked by a booking of the room.
func (s *Service) Board(ctx context.Context, start, end time.Time) (b Board, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		b, err = s.board(tx, start, end)
		return err
	})
	return b, err
}

func (s *Service) board(tx Tx, start, end time.Time) (Board, error) {
	st, err := settingsOf(tx)
	if err != nil {
		return Board{}, err
	}
	sp, err := tx.Space(st.SpaceID)
	if err != nil {
		return Board{}, err
	}
	tables, err := tx.SeatTables(sp.ID)
	if err != nil {
		return Board{}, err
	}
	b := Board{SpaceID: sp.ID, SpaceName: sp.Name, Start: start, End: end}
	if bk, err := blockedBy(tx, sp, start, end); err != nil {
		return b, err
	} else if bk != nil {
		zh, _ := window(bk.Start, bk.End, s.tz)
		b.BlockedBy = fmt.Sprintf("%s · %s「%s」", zh, bk.Organiser, bk.Purpose)
	}
	// A reader who checked in early sits there from the check-in on.
	rs, err := tx.SeatReservations(Filter{From: start, To: end.Add(EarlyCheckIn), Statuses: holding, Limit: 10000})
	if err != nil {
		return b, err
	}
	bySeat := map[int64]*Reservation{}
	for i := range rs {
		r := &rs[i]
		from := r.Start
		if !r.CheckedInAt.IsZero() && r.CheckedInAt.Before(from) {
			from = r.CheckedInAt
		}
		if !from.Before(end) {
			continue
		}
		if o, ok := bySeat[r.SeatID]; !ok || (r.Status == CheckedIn && o.Status != CheckedIn) {
			bySeat[r.SeatID] = r
		}
	}
	for _, t := range tables {
		ts := TableState{Table: t}
		b.Rows, b.Cols = max(b.Rows, t.Row), max(b.Cols, t.Col)
		for _, seat := range t.Seats {
			ss := SeatState{Seat: seat, State: Free}
			if r, ok := bySeat[seat.ID]; ok {
				ss.Reservation = r
				ss.State = Taken
				if r.Status == CheckedIn {
					ss.State = Occupied
					b.Occupied++
				} else {
					b.Reserved++
				}
			} else if b.BlockedBy != "" {
				ss.State = Blocked
			} else {
				b.Free++
			}
			b.Total++
			ts.States = append(ts.States, ss)
		}
		b.Tables = append(b.Tables, ts)
	}
	return b, nil
}

// Reservations lists reservations overlapping f's range, earliest first.
func (s *Service) Reservations(ctx context.Context, f Filter) (out []Reservation, err error) {
	if f.Limit < 1 || f.Limit > 1000 {
		f.Limit = 1000
	}
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.SeatReservations(f)
		return err
	})
	return out, err
}

// Today lists today's reservations, every status, earliest first.
func (s *Service) Today(ctx context.Context) ([]Reservation, error) {
	now := s.Now()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.tz)
	return s.Reservations(ctx, Filter{From: day, To: day.AddDate(0, 0, 1)})
}

// Mine lists the reader's reservations from today on, and the last ones.
func (s *Service) Mine(ctx context.Context) ([]Reservation, error) {
	a := audit.ActorFrom(ctx)
	if a.Role != audit.RoleReader || a.ReaderID == 0 {
		return nil, nil
	}
	now := s.Now()
	return s.Reservations(ctx, Filter{ReaderID: a.ReaderID, From: now.AddDate(0, 0, -7), Limit: 20})
}

// Active is the reader's reservation holding a seat now or later, if any.
func (s *Service) Active(ctx context.Context) (*Reservation, error) {
	mine, err := s.Mine(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	for _, r := range mine {
		if r.Status.Holds() && r.End.After(now) {
			r := r
			return &r, nil
		}
	}
	return nil, nil
}
