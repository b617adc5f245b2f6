package seats_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
	"shuwu/internal/seats"
	"shuwu/internal/testkit"
)

type fixture struct {
	k         *testkit.Kit
	s         *seats.Service
	librarian context.Context
	duty      context.Context
	zhang, li context.Context
	rz, rl    readers.Reader
	tables    []seats.Table
}

func readerCtx(r readers.Reader) context.Context {
	return audit.WithActor(context.Background(), audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader})
}

// setup is the kit (Monday 2024-09-02 10:00) with seat reservations on
// and two tables, A with 10 seats and B with 4, in the reading room.
func setup(t *testing.T) fixture {
	t.Helper()
	k := testkit.New(t)
	f := fixture{k: k, s: seats.NewService(k.DB.Seats(), testkit.Shanghai, k.Clock.Now)}
	sys := audit.WithActor(context.Background(), audit.System)
	as := func(name string, role audit.Role) context.Context {
		u, err := k.Auth.CreateUser(sys, name, name, role, "long-password-1")
		if err != nil {
			t.Fatal(err)
		}
		return audit.WithActor(context.Background(), audit.Actor{UserID: u.ID, Name: u.Username, Role: role})
	}
	f.librarian, f.duty = as("wang", audit.RoleLibrarian), as("duty1", audit.RoleDuty)
	c := k.Class("2024年秋季县干班", "2024-08-26", "2024-09-20")
	f.rz, f.rl = k.Trainee("张三", c), k.Reader("李四")
	f.zhang, f.li = readerCtx(f.rz), readerCtx(f.rl)
	if _, err := f.s.SaveSettings(f.librarian, seats.Settings{Enabled: true, NoShowMinutes: 15}); err != nil {
		t.Fatal(err)
	}
	for i, d := range []seats.TableDraft{{Name: "A", Row: 1, Col: 1, Seats: 10}, {Name: "B", Row: 1, Col: 2, Seats: 4}} {
		tb, err := f.s.SaveTable(f.librarian, d)
		if err != nil {
			t.Fatalf("table %d: %v", i, err)
		}
		f.tables = append(f.tables, tb)
	}
	return f
}

func (f fixture) seat(t *testing.T, label string) seats.Seat {
	t.Helper()
	for _, tb := range f.tables {
		for _, s := range tb.Seats {
			if s.Label == label {
				return s
			}
		}
	}
	t.Fatalf("no seat %s", label)
	return seats.Seat{}
}

func TestTheMapHasLabelledSeatsAndRefusesBadTables(t *testing.T) {
	f := setup(t)
	if n := len(f.tables[0].Seats); n != 10 || f.tables[0].Seats[9].Label != "A10" {
		t.Fatalf("table A: %d seats, last %+v; want A1–A10", n, f.tables[0].Seats[n-1])
	}
	cases := []struct {
		d     seats.TableDraft
		field string
		zh    string
	}{
		{seats.TableDraft{Name: "a", Row: 2, Col: 1, Seats: 4}, "name", "已有名为 A 的阅览桌"},
		{seats.TableDraft{Name: "C", Row: 1, Col: 2, Seats: 4}, "row", "第 1 行第 2 列已经放了 B 桌"},
		{seats.TableDraft{Name: "C", Row: 9, Col: 1, Seats: 4}, "row", "行号须在 1 到 8 之间"},
		{seats.TableDraft{Name: "C", Row: 2, Col: 1, Seats: 21}, "seats", "座位数须在 1 到 20 之间"},
		{seats.TableDraft{Name: " ", Row: 2, Col: 1, Seats: 4}, "name", "阅览桌名称须为 1–10 个字"},
	}
	for _, c := range cases {
		_, err := f.s.SaveTable(f.librarian, c.d)
		if e := errs.As(err); e == nil || e.Field != c.field || !strings.Contains(e.Message, c.zh) {
			t.Errorf("%+v: %v; want %s: %q", c.d, err, c.field, c.zh)
		}
	}
	if _, err := f.s.SaveTable(f.duty, seats.TableDraft{Name: "C", Row: 2, Col: 1, Seats: 4}); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("duty staff edit the map: %v", err)
	}
	_, _, tables, _ := f.s.Map(f.k.Ctx)
	if len(tables) != 2 {
		t.Fatalf("after bad tables: %d tables; want 2", len(tables))
	}
	// Fewer seats retire the last ones; more bring them back with the same codes.
	a := f.tables[0]
	got, err := f.s.SaveTable(f.librarian, seats.TableDraft{ID: a.ID, Name: "A", Row: 1, Col: 1, Seats: 8})
	if err != nil || len(got.Seats) != 8 {
		t.Fatalf("shrink: %d seats, %v", len(got.Seats), err)
	}
	got, _ = f.s.SaveTable(f.librarian, seats.TableDraft{ID: a.ID, Name: "A", Row: 1, Col: 1, Seats: 10})
	if got.Seats[9].Code != a.Seats[9].Code {
		t.Fatal("A10 came back with a new QR code; the sticker on it would stop working")
	}
}

func TestADoubleBookingIsRefusedAndOneReservationPerReader(t *testing.T) {
	f := setup(t)
	a3 := f.seat(t, "A3")
	r, err := f.s.Reserve(f.zhang, seats.Request{SeatID: a3.ID, Date: "2024-09-03", From: "14:00", To: "17:00"})
	if err != nil {
		t.Fatal(err)
	}
	if r.SeatLabel != "A3" || r.Status != seats.Reserved || r.ClassID == 0 {
		t.Fatalf("reservation %+v; want A3 reserved, tied to 张三's class", r)
	}
	_, err = f.s.Reserve(f.li, seats.Request{SeatID: a3.ID, Date: "2024-09-03", From: "16:00", To: "18:00"})
	if e := errs.As(err); !errs.Is(err, seats.CodeSeatTaken) || !strings.Contains(e.Message, "座位 A3 在 9月3日 14:00–17:00 已被预约，请换个座位或时间") {
		t.Fatalf("double booking: %v; want SEAT_TAKEN in Chinese naming the slot", err)
	}
	// Right after, or another seat, is fine.
	if _, err := f.s.Reserve(f.li, seats.Request{SeatID: a3.ID, Date: "2024-09-03", From: "17:00", To: "18:00"}); err != nil {
		t.Fatalf("right after: %v", err)
	}
	_, err = f.s.Reserve(f.zhang, seats.Request{SeatID: f.seat(t, "B1").ID, Date: "2024-09-04", From: "09:00", To: "11:00"})
	if e := errs.As(err); !errs.Is(err, seats.CodeSeatOneOnly) || !strings.Contains(e.Message, "你已预约座位 A3（9月3日 14:00–17:00）") {
		t.Fatalf("second reservation: %v; want SEAT_ONE_ONLY naming A3", err)
	}
	// The board for the slot shows A3 reserved, the rest free.
	day := time.Date(2024, 9, 3, 0, 0, 0, 0, testkit.Shanghai)
	b, err := f.s.Board(f.k.Ctx, day.Add(15*time.Hour), day.Add(16*time.Hour))
	if err != nil || b.Total != 14 || b.Free != 13 {
		t.Fatalf("board: %d/%d free, %v; want 13 of 14", b.Free, b.Total, err)
	}
	if st := b.Tables[0].States[2]; st.State != seats.Taken || st.Reservation.ReaderName != "张三" {
		t.Fatalf("A3 on the board: %+v", st)
	}
	// A cancelled reservation frees the seat and lets the reader reserve again.
	if _, err := f.s.Cancel(f.li, r.ID); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("someone else cancels: %v", err)
	}
	if _, err := f.s.Cancel(f.zhang, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Reserve(f.zhang, seats.Request{SeatID: f.seat(t, "B1").ID, Date: "2024-09-04", From: "09:00", To: "11:00"}); err != nil {
		t.Fatalf("after cancelling: %v", err)
	}
	kinds := map[ledger.Kind]int{}
	evs, _ := f.k.Circulation.Ledger(f.k.Ctx, ledger.Filter{})
	for _, e := range evs {
		kinds[e.Kind]++
	}
	if kinds[ledger.SeatReserved] != 3 || kinds[ledger.SeatCancelled] != 1 {
		t.Fatalf("ledger %v; want 3 reserved, 1 cancelled", kinds)
	}
}

func TestBadSlotsAreRefusedInChineseAndChangeNothing(t *testing.T) {
	f := setup(t)
	if err := f.k.Circulation.SaveClosedDay(f.k.Ctx, circulation.ClosedDay{Date: "2024-09-04", Reason: "校庆"}); err != nil {
		t.Fatal(err)
	}
	a1 := f.seat(t, "A1").ID
	cases := []struct {
		name string
		req  seats.Request
		code errs.Code
		zh   string
	}{
		{"closed day", seats.Request{SeatID: a1, Date: "2024-09-04", From: "09:00", To: "11:00"}, seats.CodeSeatRoomClosed, "书屋 9月4日 闭馆，不能预约座位"},
		{"saturday", seats.Request{SeatID: a1, Date: "2024-09-07", From: "09:00", To: "11:00"}, seats.CodeSeatRoomClosed, "9月7日 闭馆"},
		{"after hours", seats.Request{SeatID: a1, Date: "2024-09-03", From: "20:00", To: "22:00"}, seats.CodeSeatInvalid, "阅览室的开放时间是 08:30–21:30"},
		{"reversed", seats.Request{SeatID: a1, Date: "2024-09-03", From: "11:00", To: "09:00"}, seats.CodeSeatInvalid, "结束时间须晚于开始时间"},
		{"past", seats.Request{SeatID: a1, Date: "2024-09-02", From: "08:30", To: "09:30"}, seats.CodeSeatInvalid, "这个时段已经过去"},
		{"far", seats.Request{SeatID: a1, Date: "2024-09-20", From: "09:00", To: "11:00"}, seats.CodeSeatInvalid, "座位最多提前 7 天预约"},
		{"bad date", seats.Request{SeatID: a1, Date: "9/3", From: "09:00", To: "11:00"}, seats.CodeSeatInvalid, "日期应写成"},
		{"bad time", seats.Request{SeatID: a1, Date: "2024-09-03", From: "9am", To: "11:00"}, seats.CodeSeatInvalid, "开始时间应写成 14:00"},
		{"no seat", seats.Request{SeatID: 9999, Date: "2024-09-03", From: "09:00", To: "11:00"}, seats.CodeSeatNotFound, "座位不存在"},
	}
	for _, c := range cases {
		_, err := f.s.Reserve(f.zhang, c.req)
		if !errs.Is(err, c.code) || !strings.Contains(errs.As(err).Message, c.zh) {
			t.Errorf("%s: %v; want %s %q", c.name, err, c.code, c.zh)
		}
	}
	// A booking of the whole room blocks the seats for its time.
	if _, err := f.k.Room.Book(f.librarian, room.Request{SpaceID: 1, Organiser: "校机关一支部", Date: "2024-09-03", From: "14:00", To: "16:00", Purpose: "主题党日活动", Expected: 40}); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Reserve(f.zhang, seats.Request{SeatID: a1, Date: "2024-09-03", From: "15:00", To: "17:00"})
	if !errs.Is(err, seats.CodeSeatRoomClosed) || !strings.Contains(errs.As(err).Message, "书屋已被 校机关一支部 预约用于「主题党日活动」") {
		t.Fatalf("during a whole-room booking: %v", err)
	}
	day := time.Date(2024, 9, 3, 0, 0, 0, 0, testkit.Shanghai)
	if b, _ := f.s.Board(f.k.Ctx, day.Add(14*time.Hour), day.Add(15*time.Hour)); b.BlockedBy == "" || b.Free != 0 || b.Tables[0].States[0].State != seats.Blocked {
		t.Fatalf("board during the booking: %+v", b)
	}
	// Staff are not readers; with the feature off nobody reserves.
	if _, err := f.s.Reserve(f.librarian, seats.Request{SeatID: a1, Date: "2024-09-03", From: "09:00", To: "11:00"}); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("librarian reserving: %v", err)
	}
	if _, err := f.s.SaveSettings(f.librarian, seats.Settings{Enabled: false, NoShowMinutes: 15}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Reserve(f.zhang, seats.Request{SeatID: a1, Date: "2024-09-03", From: "09:00", To: "11:00"}); !errs.Is(err, seats.CodeSeatsOff) {
		t.Fatalf("switched off: %v", err)
	}
	if _, err := f.s.SaveSettings(f.librarian, seats.Settings{Enabled: true, NoShowMinutes: 500}); errs.As(err).Field != "no_show" {
		t.Fatalf("500 minutes: %v", err)
	}
	rs, _ := f.s.Reservations(f.k.Ctx, seats.Filter{})
	if len(rs) != 0 {
		t.Fatalf("after refusals: %d reservations; want none", len(rs))
	}
}

func TestCheckInByQRAndNoShowRelease(t *testing.T) {
	f := setup(t)
	a3, b2 := f.seat(t, "A3"), f.seat(t, "B2")
	// 张三 reserves A3 from 10:30, 李四 B2 from 10:00 (now).
	ra, err := f.s.Reserve(f.zhang, seats.Request{SeatID: a3.ID, Date: "2024-09-02", From: "10:30", To: "12:00"})
	if err != nil {
		t.Fatal(err)
	}
	rb, err := f.s.Reserve(f.li, seats.Request{SeatID: b2.ID, Date: "2024-09-02", From: "09:00", To: "12:00"})
	if err != nil || !rb.Start.Equal(f.k.Clock.Now()) {
		t.Fatalf("a slot already begun: %+v, %v; want it to start now", rb, err)
	}
	// Too early, the wrong seat, a forged code.
	if _, err := f.s.CheckIn(f.zhang, a3.ID, a3.Code); !errs.Is(err, seats.CodeNoReservationNow) {
		t.Fatalf("30 minutes early: %v", err)
	}
	f.k.Clock.Set(f.k.Clock.Now().Add(20 * time.Minute)) // 10:20
	if _, err := f.s.CheckIn(f.zhang, b2.ID, b2.Code); !strings.Contains(errs.As(err).Message, "你预约的是座位 A3，请到 A3 扫码签到") {
		t.Fatalf("wrong seat: %v", err)
	}
	if _, err := f.s.CheckIn(f.zhang, a3.ID, "0000000000000000"); !errs.Is(err, seats.CodeSeatCodeInvalid) {
		t.Fatalf("forged code: %v", err)
	}
	in, err := f.s.CheckIn(f.zhang, a3.ID, a3.Code)
	if err != nil || in.Status != seats.CheckedIn || in.Already {
		t.Fatalf("check in: %+v, %v", in, err)
	}
	if again, _ := f.s.CheckIn(f.zhang, a3.ID, a3.Code); !again.Already {
		t.Fatal("a second scan checked in again")
	}
	// 李四 never comes: 15 minutes after the start (10:15) passed, the
	// server releases B2; A3 stays occupied.
	n, err := f.s.ReleaseNoShows(f.k.Ctx)
	if err != nil || n != 1 {
		t.Fatalf("release: %d, %v; want 1", n, err)
	}
	if n, _ := f.s.ReleaseNoShows(f.k.Ctx); n != 0 {
		t.Fatalf("released again: %d", n)
	}
	now := f.k.Clock.Now()
	b, _ := f.s.Board(f.k.Ctx, now, now.Add(time.Minute))
	states := map[string]seats.State{}
	for _, tb := range b.Tables {
		for _, s := range tb.States {
			states[s.Label] = s.State
		}
	}
	if states["A3"] != seats.Occupied || states["B2"] != seats.Free {
		t.Fatalf("board after release: A3 %s, B2 %s; want occupied and free", states["A3"], states["B2"])
	}
	if _, err := f.s.CheckIn(f.li, b2.ID, b2.Code); !errs.Is(err, seats.CodeNoReservationNow) {
		t.Fatalf("checking in after the release: %v", err)
	}
	// The desk frees A3 when 张三 leaves; the seat is free again.
	if _, err := f.s.DeskRelease(f.zhang, ra.ID); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("a reader using the desk: %v", err)
	}
	if got, err := f.s.DeskRelease(f.duty, ra.ID); err != nil || got.Status != seats.Finished {
		t.Fatalf("desk release: %+v, %v", got, err)
	}
	// The ledger has the check-in tied to 张三 and his class.
	evs, _ := f.k.Circulation.Ledger(f.k.Ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.SeatCheckIn, ledger.SeatReleased, ledger.SeatLeft}})
	kinds := map[ledger.Kind]int{}
	for _, e := range evs {
		kinds[e.Kind]++
		if e.Kind == ledger.SeatCheckIn && (e.ReaderID != f.rz.ID || e.ClassID == 0 || e.RefID != ra.ID) {
			t.Errorf("check-in line %+v: want 张三, his class and the reservation", e)
		}
	}
	if kinds[ledger.SeatCheckIn] != 1 || kinds[ledger.SeatReleased] != 1 || kinds[ledger.SeatLeft] != 1 {
		t.Fatalf("ledger %v", kinds)
	}
}

func TestTheDeskChecksInByHand(t *testing.T) {
	f := setup(t)
	r, err := f.s.Reserve(f.li, seats.Request{SeatID: f.seat(t, "A1").ID, Date: "2024-09-02", From: "10:00", To: "11:00"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.s.DeskCheckIn(f.duty, r.ID)
	if err != nil || got.Status != seats.CheckedIn {
		t.Fatalf("desk check-in: %+v, %v", got, err)
	}
	if _, err := f.s.DeskCheckIn(f.duty, r.ID); !errs.Is(err, seats.CodeReservationSettled) {
		t.Fatalf("twice: %v", err)
	}
	if n, _ := f.s.ReleaseNoShows(f.k.Ctx); n != 0 {
		t.Fatal("a checked-in reservation was released")
	}
	// Removing a table with a reservation to come is refused.
	if _, err := f.s.RemoveTable(f.librarian, f.tables[0].ID); !errs.Is(err, seats.CodeReservationSettled) {
		t.Fatalf("removing A: %v", err)
	}
	if _, err := f.s.RemoveTable(f.librarian, f.tables[1].ID); err != nil {
		t.Fatal(err)
	}
}
