package visits_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
	"shuwu/internal/testkit"
	"shuwu/internal/visits"
)

// The kit's clock is Monday 2024-09-02 10:00 in Shanghai; the room is open
// 08:30–21:30 with 50 seats.

func TestAScanCountsTheReaderInThenOutAndARepeatCountsNothing(t *testing.T) {
	k := testkit.New(t)
	c := k.Class("2024年秋季学期主体班", "2024-09-01", "2024-11-30")
	zhang := k.Trainee("张三", c)
	li := k.Reader("李四")

	res, err := k.Visits.Scan(k.Ctx, zhang.Card, visits.Kiosk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != visits.Entered || !res.Counted || res.Reader.Name != "张三" || res.ClassName != c.Name {
		t.Fatalf("first scan: %+v; want 张三 counted in for the class", res)
	}
	if o := res.Occupancy; o.Inside != 1 || o.Capacity != 50 || o.Visits != 1 || !o.Open {
		t.Fatalf("occupancy %+v; want 1 of 50 in, one visit, open", o)
	}
	// The scanner reads twice, or the reader scans again at once: one visit.
	k.Clock.Set(k.Clock.Now().Add(30 * time.Second))
	res, err = k.Visits.Scan(k.Ctx, "shuwu:card:"+zhang.Card, visits.Kiosk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != visits.Entered || res.Counted || res.Occupancy.Inside != 1 || res.Occupancy.Visits != 1 {
		t.Fatalf("repeat: %+v; want the entry reported again, nothing counted", res)
	}
	if _, err := k.Visits.Scan(k.Ctx, li.Card, visits.Desk); err != nil {
		t.Fatal(err)
	}
	// An hour later 张三 scans on the way out.
	k.Clock.Set(k.Clock.Now().Add(time.Hour))
	res, err = k.Visits.Scan(k.Ctx, zhang.Card, visits.Kiosk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != visits.Left || !res.Counted || !res.Since.Equal(time.Date(2024, 9, 2, 10, 0, 0, 0, testkit.Shanghai)) {
		t.Fatalf("leaving: %+v; want counted out, in since 10:00", res)
	}
	if o := res.Occupancy; o.Inside != 1 || o.Visits != 2 || o.Readers != 2 {
		t.Fatalf("after 张三 left: %+v; want 李四 alone inside, 2 visits by 2 readers", o)
	}
	// Back after lunch: a second visit the same day.
	k.Clock.Set(k.Clock.Now().Add(2 * time.Hour))
	if res, err = k.Visits.Scan(k.Ctx, zhang.Card, visits.Kiosk); err != nil || res.Outcome != visits.Entered || res.Occupancy.Visits != 3 || res.Occupancy.Readers != 2 {
		t.Fatalf("back in: %+v %v; want a third visit by the same two readers", res, err)
	}
	// Every visit and leaving is a ledger line tied to reader and class.
	es, err := k.Circulation.Ledger(k.Ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.Visit, ledger.VisitLeave}, ReaderID: zhang.ID, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 || es[0].Kind != ledger.Visit || es[1].Kind != ledger.VisitLeave || es[2].ClassID != c.ID || es[2].SpaceID != 1 {
		t.Fatalf("ledger lines %+v; want visit, leave, visit for the class in the whole room", es)
	}
}

func TestEveryoneStillInIsCountedOutAtClosing(t *testing.T) {
	k := testkit.New(t)
	r := k.Reader("王五")
	if _, err := k.Visits.Scan(k.Ctx, r.Card, visits.Desk); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Visits.Guests(k.Ctx, 3, visits.Desk); err != nil {
		t.Fatal(err)
	}
	k.Clock.Set(time.Date(2024, 9, 2, 21, 30, 0, 0, testkit.Shanghai))
	o, err := k.Visits.Occupancy(k.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	if o.Inside != 0 || o.Visits != 4 || o.Guests != 3 || o.Open {
		t.Fatalf("at closing: %+v; want nobody inside, the day's 4 visits kept, closed", o)
	}
	// Next morning the reader's scan is a new entry, not a leaving.
	k.Clock.Set(time.Date(2024, 9, 3, 9, 0, 0, 0, testkit.Shanghai))
	res, err := k.Visits.Scan(k.Ctx, r.Card, visits.Desk)
	if err != nil || res.Outcome != visits.Entered || res.Occupancy.Inside != 1 || res.Occupancy.Visits != 1 {
		t.Fatalf("next morning: %+v %v; want a new entry", res, err)
	}
}

func TestVisitorsWithoutACardAreCountedInAndOut(t *testing.T) {
	k := testkit.New(t)
	if _, err := k.Visits.GuestLeft(k.Ctx, visits.Desk); errs.As(err).Code != visits.CodeNoGuestInside {
		t.Fatalf("a visitor leaving an empty room: %v; want %s", err, visits.CodeNoGuestInside)
	}
	o, err := k.Visits.Guests(k.Ctx, 2, visits.Desk)
	if err != nil || o.Inside != 2 || o.Guests != 2 || o.Readers != 0 {
		t.Fatalf("two visitors: %+v %v", o, err)
	}
	if o, err = k.Visits.GuestLeft(k.Ctx, visits.Desk); err != nil || o.Inside != 1 || o.Visits != 2 {
		t.Fatalf("one left: %+v %v; want one inside, still two visits", o, err)
	}
	for _, n := range []int{0, -1, visits.MaxGuests + 1} {
		_, err := k.Visits.Guests(k.Ctx, n, visits.Desk)
		if e := errs.As(err); e.Code != visits.CodeGuestsInvalid || !strings.Contains(e.Message, "1 到 50 人") {
			t.Fatalf("%d visitors: %v; want %s naming the bounds", n, err, visits.CodeGuestsInvalid)
		}
	}
	if o, _ := k.Visits.Occupancy(k.Ctx); o.Visits != 2 {
		t.Fatalf("refused counts changed the figures: %+v", o)
	}
}

func TestABadScanSaysWhatIsWrongAndCountsNothing(t *testing.T) {
	k := testkit.New(t)
	for in, want := range map[string]string{
		"":         "请扫描读者证",
		"张三":       "“张三”不是读者证号",
		"R9999999": "读者证号 R9999999 不存在",
	} {
		_, err := k.Visits.Scan(k.Ctx, in, visits.Kiosk)
		if e := errs.As(err); !strings.Contains(e.Message, want) {
			t.Errorf("scan %q: %q; want it to say %q", in, e.Message, want)
		}
	}
	if o, _ := k.Visits.Occupancy(k.Ctx); o.Visits != 0 || o.Inside != 0 {
		t.Fatalf("bad scans counted: %+v", o)
	}
}

func TestALostCardIsCountedWithAWarningAndALowerCaseScanIsFound(t *testing.T) {
	k := testkit.New(t)
	r := k.Reader("赵六")
	if _, err := k.Readers.SetStatus(k.Ctx, r.Card, readers.StatusLost); err != nil {
		t.Fatal(err)
	}
	res, err := k.Visits.Scan(k.Ctx, strings.ToLower(r.Card), visits.Kiosk)
	if err != nil || !res.Counted || res.CardIssue != "lost" {
		t.Fatalf("lost card: %+v %v; want counted, the card named lost", res, err)
	}
}

func TestTheDisplayNamesAWholeRoomBookingAndTheClosedDay(t *testing.T) {
	k := testkit.New(t)
	lib := audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "test", Role: audit.RoleLibrarian})
	if _, err := k.Room.Book(lib, room.Request{SpaceID: 1, Organiser: "校机关一支部", Date: "2024-09-02", From: "14:00", To: "16:00", Purpose: "主题党日活动", Expected: 40}); err != nil {
		t.Fatal(err)
	}
	o, err := k.Visits.Occupancy(k.Ctx)
	if err != nil || o.Closure != nil || len(o.Later) != 1 || o.Later[0].Purpose != "主题党日活动" {
		t.Fatalf("morning: %+v %v; want the afternoon's booking still to come", o, err)
	}
	k.Clock.Set(time.Date(2024, 9, 2, 15, 0, 0, 0, testkit.Shanghai))
	if o, err = k.Visits.Occupancy(k.Ctx); err != nil || o.Closure == nil || o.Closure.Organiser != "校机关一支部" {
		t.Fatalf("during the booking: %+v %v; want it named", o, err)
	}
	k.Clock.Set(time.Date(2024, 9, 7, 10, 0, 0, 0, testkit.Shanghai)) // Saturday
	if o, err = k.Visits.Occupancy(k.Ctx); err != nil || !o.ClosedToday || o.Open {
		t.Fatalf("Saturday: %+v %v; want closed today", o, err)
	}
}

func TestTheYearCountsVisitsReadersAndGuests(t *testing.T) {
	k := testkit.New(t)
	a, b := k.Reader("甲"), k.Reader("乙")
	for _, card := range []string{a.Card, b.Card} {
		if _, err := k.Visits.Scan(k.Ctx, card, visits.Desk); err != nil {
			t.Fatal(err)
		}
	}
	k.Clock.AddDays(1)
	if _, err := k.Visits.Scan(k.Ctx, a.Card, visits.Desk); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Visits.Guests(k.Ctx, 4, visits.Desk); err != nil {
		t.Fatal(err)
	}
	y, err := k.Visits.Year(k.Ctx, 2024)
	if err != nil || y != (visits.YearCount{Year: 2024, Visits: 7, Readers: 2, Guests: 4}) {
		t.Fatalf("2024: %+v %v; want 7 visits, 2 readers, 4 guests", y, err)
	}
	if y, _ := k.Visits.Year(k.Ctx, 2023); y.Visits != 0 {
		t.Fatalf("2023: %+v; want none", y)
	}
	lines, err := k.Visits.Today(k.Ctx, 10)
	if err != nil || len(lines) != 5 || lines[4].ReaderName != "甲" || lines[0].ReaderName != "" || lines[4].Via != visits.Desk {
		t.Fatalf("today's lines: %+v %v", lines, err)
	}
}
