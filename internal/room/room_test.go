package room_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/room"
	"shuwu/internal/testkit"
)

// Spaces seeded by 0013: the whole room first, then the areas.
const (
	wholeRoom  = 1
	readingRm  = 3
	discussion = 4
)

type fixture struct {
	k                        *testkit.Kit
	branch, youth, librarian context.Context
}

func setup(t *testing.T) fixture {
	t.Helper()
	k := testkit.New(t)
	f := fixture{k: k}
	sys := audit.WithActor(context.Background(), audit.System)
	as := func(name, display string, role audit.Role) context.Context {
		u, err := k.Auth.CreateUser(sys, name, display, role, "long-password-1")
		if err != nil {
			t.Fatal(err)
		}
		return audit.WithActor(context.Background(), audit.Actor{UserID: u.ID, Name: u.Username, Role: role})
	}
	f.branch = as("branch1", "校机关一支部", audit.RoleOrganiser)
	f.youth = as("youth", "青年理论学习小组", audit.RoleOrganiser)
	f.librarian = as("wang", "王馆员", audit.RoleLibrarian)
	return f
}

// The kit's clock is Monday 2024-09-02 10:00: Wednesday is 09-04.
func req(space int64, date, from, to string) room.Request {
	return room.Request{SpaceID: space, Organiser: "校机关一支部", Date: date, From: from, To: to, Purpose: "主题党日活动", Expected: 20}
}

func TestABookingThatClashesIsRefusedAndNamesTheOther(t *testing.T) {
	f := setup(t)
	first, err := f.k.Room.Book(f.branch, req(readingRm, "2024-09-04", "14:00", "16:00"))
	if err != nil {
		t.Fatal(err)
	}
	if b := first.Bookings[0]; b.Status != room.Pending || b.SpaceName != "阅览室" {
		t.Fatalf("first booking %+v; want pending in 阅览室 (approval is on by default)", b)
	}
	// Overlapping the same area, or the whole room at that time, is refused.
	for _, r := range []room.Request{req(readingRm, "2024-09-04", "15:30", "17:00"), req(wholeRoom, "2024-09-04", "09:00", "14:30")} {
		r.Organiser, r.Purpose = "青年理论学习小组", "集中学习"
		_, err := f.k.Room.Book(f.youth, r)
		e := errs.As(err)
		if e.Code != room.CodeBookingConflict || !strings.Contains(e.Message, "9月4日 14:00–16:00 阅览室 · 校机关一支部「主题党日活动」") {
			t.Fatalf("clash: %v (%s); want BOOKING_CONFLICT naming the branch's booking", err, e.Code)
		}
	}
	// Another area at the same time, and the same area right after, are fine.
	other := req(discussion, "2024-09-04", "14:00", "16:00")
	other.Expected = 10
	if _, err := f.k.Room.Book(f.youth, other); err != nil {
		t.Fatalf("another area: %v", err)
	}
	if _, err := f.k.Room.Book(f.youth, req(readingRm, "2024-09-04", "16:00", "17:00")); err != nil {
		t.Fatalf("right after: %v", err)
	}
	// A cancelled booking frees its time.
	if _, err := f.k.Room.Cancel(f.branch, first.Bookings[0].ID, false, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.k.Room.Book(f.youth, req(readingRm, "2024-09-04", "15:00", "16:00")); err != nil {
		t.Fatalf("after the cancel: %v", err)
	}
}

func TestBadBookingsAreRefusedWithAChineseMessageAndWriteNothing(t *testing.T) {
	f := setup(t)
	cases := []struct {
		name  string
		req   room.Request
		field string
		zh    string
	}{
		{"too many", func() room.Request { r := req(discussion, "2024-09-04", "14:00", "16:00"); r.Expected = 30; return r }(), "expected", "超过休闲讨论区的容量 12 人"},
		{"reversed", req(readingRm, "2024-09-04", "16:00", "14:00"), "to", "结束时间须晚于开始时间"},
		{"after hours", req(readingRm, "2024-09-04", "21:00", "22:30"), "from", "开放时间是 08:30–21:30"},
		{"past", req(readingRm, "2024-09-02", "08:30", "09:30"), "date", "不能预约已经过去的时间"},
		{"saturday", req(readingRm, "2024-09-07", "14:00", "16:00"), "date", "书屋这一天闭馆"},
		{"bad date", req(readingRm, "9/4", "14:00", "16:00"), "date", "日期应写成"},
		{"bad time", req(readingRm, "2024-09-04", "2pm", "16:00"), "from", "开始时间应写成"},
		{"no purpose", func() room.Request { r := req(readingRm, "2024-09-04", "14:00", "16:00"); r.Purpose = " "; return r }(), "purpose", "请填写用途"},
		{"no organiser", func() room.Request { r := req(readingRm, "2024-09-04", "14:00", "16:00"); r.Organiser = ""; return r }(), "organiser", "请填写预约单位"},
		{"weeks", func() room.Request { r := req(readingRm, "2024-09-04", "14:00", "16:00"); r.Weeks = 40; return r }(), "weeks", "1 到 26 之间"},
		{"stacks", req(2, "2024-09-04", "14:00", "16:00"), "space", "藏书室不接受预约"},
	}
	for _, c := range cases {
		// The librarian's form names the organiser (an organiser's is its unit).
		_, err := f.k.Room.Book(f.librarian, c.req)
		if err == nil {
			t.Errorf("%s: booked; want %q", c.name, c.zh)
			continue
		}
		e := errs.As(err)
		if e.Kind != errs.KindInvalid || e.Field != c.field || !strings.Contains(e.Message, c.zh) {
			t.Errorf("%s: %v (field %q); want field %q with %q", c.name, err, e.Field, c.field, c.zh)
		}
	}
	bs, err := f.k.Room.Bookings(f.k.Ctx, room.Filter{})
	if err != nil || len(bs) != 0 {
		t.Fatalf("after bad requests: %d bookings (%v); want none", len(bs), err)
	}
	evs, err := f.k.Circulation.Ledger(f.k.Ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.BookingMade}})
	if err != nil || len(evs) != 0 {
		t.Fatalf("after bad requests: %d ledger lines (%v); want none", len(evs), err)
	}
}

func TestAWeeklySeriesSkipsClosedDaysAndIsApprovedTogether(t *testing.T) {
	f := setup(t)
	if err := f.k.Circulation.SaveClosedDay(f.k.Ctx, circulation.ClosedDay{Date: "2024-09-18", Reason: "中秋节"}); err != nil {
		t.Fatal(err)
	}
	r := req(discussion, "2024-09-04", "19:00", "21:00")
	r.Organiser, r.Purpose, r.Weeks, r.Expected = "青年理论学习小组", "青年理论学习小组集中学习", 4, 12
	done, err := f.k.Room.Book(f.youth, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Bookings) != 3 || len(done.SkippedDays) != 1 || done.SkippedDays[0] != "2024-09-18" {
		t.Fatalf("series %d bookings, skipped %v; want 3 and the Mid-Autumn day", len(done.Bookings), done.SkippedDays)
	}
	// A clash with any week refuses the whole request.
	clash := req(wholeRoom, "2024-09-25", "18:00", "19:30")
	if _, err := f.k.Room.Book(f.branch, clash); !errs.Is(err, room.CodeBookingConflict) {
		t.Fatalf("whole room over the fourth week: %v; want a conflict", err)
	}
	// Only a librarian approves, and the approval takes the whole series.
	if _, err := f.k.Room.Decide(f.youth, done.Bookings[0].ID, true, ""); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("organiser approving: %v; want forbidden", err)
	}
	got, err := f.k.Room.Decide(f.librarian, done.Bookings[0].ID, true, "")
	if err != nil || len(got) != 3 {
		t.Fatalf("approve: %d, %v; want all 3", len(got), err)
	}
	if _, err := f.k.Room.Decide(f.librarian, done.Bookings[1].ID, false, ""); !errs.Is(err, room.CodeBookingSettled) {
		t.Fatalf("refusing an approved booking: %v; want BOOKING_SETTLED", err)
	}
	// Another organiser cannot cancel it; its own organiser cancels the rest.
	if _, err := f.k.Room.Cancel(f.branch, done.Bookings[1].ID, true, ""); !errs.Is(err, room.CodeBookingNotYours) {
		t.Fatalf("someone else's cancel: %v; want BOOKING_NOT_YOURS", err)
	}
	gone, err := f.k.Room.Cancel(f.youth, done.Bookings[1].ID, true, "")
	if err != nil || len(gone) != 2 {
		t.Fatalf("cancel the rest: %d, %v; want the last 2", len(gone), err)
	}
	kinds := map[ledger.Kind]int{}
	evs, _ := f.k.Circulation.Ledger(f.k.Ctx, ledger.Filter{})
	for _, e := range evs {
		kinds[e.Kind]++
		if e.RefID == 0 || e.SpaceID != discussion {
			t.Errorf("ledger line %+v lacks its booking or space", e)
		}
	}
	if kinds[ledger.BookingMade] != 3 || kinds[ledger.BookingApproved] != 3 || kinds[ledger.BookingCancelled] != 2 {
		t.Fatalf("ledger kinds %v; want 3 made, 3 approved, 2 cancelled", kinds)
	}
}

// An organiser books under its own unit whatever it types, and sees the
// bookings a librarian made for its unit too.
func TestAnOrganiserBooksForItsOwnUnit(t *testing.T) {
	f := setup(t)
	r := req(discussion, "2024-09-04", "09:00", "10:00")
	r.Organiser, r.Expected = "州委办公室", 8
	done, err := f.k.Room.Book(f.branch, r)
	if err != nil || done.Bookings[0].Organiser != "校机关一支部" {
		t.Fatalf("organiser booking %+v, %v; want it under 校机关一支部", done, err)
	}
	byLib, err := f.k.Room.Book(f.librarian, req(readingRm, "2024-09-05", "09:00", "10:00"))
	if err != nil {
		t.Fatal(err)
	}
	mine, err := f.k.Room.Mine(f.branch, f.k.Clock.Now())
	if err != nil || len(mine) != 2 {
		t.Fatalf("the branch's bookings: %d, %v; want its own and the librarian's for it", len(mine), err)
	}
	if theirs, _ := f.k.Room.Mine(f.youth, f.k.Clock.Now()); len(theirs) != 0 {
		t.Fatalf("the youth group sees %d of the branch's bookings", len(theirs))
	}
	if _, err := f.k.Room.Cancel(f.branch, byLib.Bookings[0].ID, false, ""); err != nil {
		t.Fatalf("the branch cancelling the booking made for it: %v", err)
	}
}

func TestAnApprovedWholeRoomBookingClosesTheRoom(t *testing.T) {
	f := setup(t)
	done, err := f.k.Room.Book(f.librarian, req(wholeRoom, "2024-09-05", "14:30", "16:30"))
	if err != nil {
		t.Fatal(err)
	}
	if done.Bookings[0].Status != room.Approved {
		t.Fatalf("a librarian's booking is %s; want approved at once", done.Bookings[0].Status)
	}
	area := req(discussion, "2024-09-04", "14:30", "16:30")
	area.Expected = 8
	if _, err := f.k.Room.Book(f.youth, area); err != nil {
		t.Fatal(err) // an area booking does not close the room
	}
	now := f.k.Clock.Now()
	cl, err := f.k.Room.Closures(f.k.Ctx, now, now.Add(7*24*time.Hour))
	if err != nil || len(cl) != 1 || cl[0].ID != done.Bookings[0].ID {
		t.Fatalf("closures %+v, %v; want the whole-room booking only", cl, err)
	}
}

func TestSpacesKeepSaneSeatsAndHours(t *testing.T) {
	f := setup(t)
	sp, err := f.k.Room.Space(f.k.Ctx, readingRm)
	if err != nil {
		t.Fatal(err)
	}
	bad := sp
	bad.Closes = "08:00"
	if _, err := f.k.Room.SaveSpace(f.librarian, bad); errs.As(err).Field != "closes" {
		t.Fatalf("closing before opening: %v", err)
	}
	bad = sp
	bad.Capacity = -1
	if _, err := f.k.Room.SaveSpace(f.librarian, bad); errs.As(err).Field != "capacity" {
		t.Fatalf("negative seats: %v", err)
	}
	sp.Capacity, sp.Opens = 28, "09:00"
	if _, err := f.k.Room.SaveSpace(f.librarian, sp); err != nil {
		t.Fatal(err)
	}
	got, _ := f.k.Room.Space(f.k.Ctx, readingRm)
	if got.Capacity != 28 || got.Opens != "09:00" || got.Code != "reading" {
		t.Fatalf("saved %+v", got)
	}
	if _, err := f.k.Room.Book(f.branch, req(readingRm, "2024-09-04", "08:30", "10:00")); errs.As(err).Field != "from" {
		t.Fatalf("booking before the new opening time: %v", err)
	}
}
