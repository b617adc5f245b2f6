package displays_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/displays"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

var duty = audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "值班员", Role: audit.RoleDuty})

func setup(t *testing.T) (*testkit.Kit, *displays.Service) {
	k := testkit.New(t)
	return k, displays.NewService(k.DB.Displays(), testkit.Shanghai, k.Clock.Now)
}

// The kit's clock is Monday 2024-09-02 10:00.
func twentieth(k *testkit.Kit, s *displays.Service, t *testing.T) displays.Display {
	d, err := s.Create(k.Ctx, displays.Display{Title: "党的二十大读物专题书展", Place: "展架", Starts: "2024-09-01", Ends: "2024-09-30", Description: "突出经典、紧跟形势"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCopiesGoOnADisplayAndBackInOneScanAndItsLoansAreCounted(t *testing.T) {
	k, s := setup(t)
	d := twentieth(k, s, t)
	a, b := k.Item("二十大报告辅导读本"), k.Item("中国式现代化")
	m, err := s.Scan(duty, d.ID, a.Barcode)
	if err != nil || !m.On || m.Copy.Title != "二十大报告辅导读本" || m.Display.Copies != 1 {
		t.Fatalf("first scan: %+v %v; want the copy on the display", m, err)
	}
	if _, err := s.Scan(duty, d.ID, b.Barcode); err != nil {
		t.Fatal(err)
	}
	cur, err := s.Current(k.Ctx)
	if err != nil || len(cur) != 1 || cur[0].Copies != 2 {
		t.Fatalf("current displays %+v %v; want this one with 2 copies", cur, err)
	}
	// A reader borrows one from the display: counted for it.
	r := k.Reader("张三")
	k.Clock.Set(k.Clock.Now().Add(time.Hour))
	k.Checkout(r, a)
	got, _ := s.Get(k.Ctx, d.ID)
	if got.Loans != 1 {
		t.Fatalf("loans from the display: %d, want 1", got.Loans)
	}
	cs, _ := s.Copies(k.Ctx, d.ID, false)
	if len(cs) != 2 || cs[1].Loans != 1 || cs[1].Status != catalog.StatusOnLoan {
		t.Fatalf("copies %+v; want the lent one counted and shown on loan", cs)
	}
	// Scanning b again takes it back to its shelf; a loan after that is not the display's.
	k.Clock.Set(k.Clock.Now().Add(time.Hour))
	if m, err = s.Scan(duty, d.ID, b.Barcode); err != nil || m.On || m.Display.Copies != 1 {
		t.Fatalf("second scan: %+v %v; want it back on its shelf", m, err)
	}
	k.Clock.Set(k.Clock.Now().Add(time.Hour))
	k.Checkout(r, b)
	if got, _ = s.Get(k.Ctx, d.ID); got.Loans != 1 {
		t.Fatalf("a loan after the copy left the display was counted: %d", got.Loans)
	}
	past, _ := s.Copies(k.Ctx, d.ID, true)
	if len(past) != 2 || past[0].RemovedAt == nil {
		t.Fatalf("with the past: %+v", past)
	}
	// A copy moves from one display to another in one scan.
	news, err := s.Create(k.Ctx, displays.Display{Title: "九月新书", Place: "阅览桌", Starts: "2024-09-01", Ends: "2024-09-15"})
	if err != nil {
		t.Fatal(err)
	}
	c := k.Item("新时代的中国青年")
	if _, err := s.Scan(duty, d.ID, c.Barcode); err != nil {
		t.Fatal(err)
	}
	if m, err = s.Scan(duty, news.ID, c.Barcode); err != nil || !m.On || m.From != "党的二十大读物专题书展" {
		t.Fatalf("move: %+v %v; want it taken from the first display", m, err)
	}
	if n, err := s.Clear(duty, news.ID); err != nil || n != 1 {
		t.Fatalf("clear: %d %v", n, err)
	}
}

func TestWhatCannotGoOnADisplaySaysWhy(t *testing.T) {
	k, s := setup(t)
	d := twentieth(k, s, t)
	it := k.Item("习近平谈治国理政（第四卷）")
	k.Checkout(k.Reader("李四"), it)
	_, err := s.Scan(duty, d.ID, it.Barcode)
	if e := errs.As(err); e.Code != displays.CodeCopyUnavailable || !strings.Contains(e.Message, "借出") {
		t.Fatalf("a copy on loan: %v; want %s naming 借出", err, displays.CodeCopyUnavailable)
	}
	if _, err := s.Scan(duty, d.ID, "NOPE"); errs.As(err).Kind != errs.KindNotFound {
		t.Fatalf("unknown barcode: %v", err)
	}
	old, err := s.Create(k.Ctx, displays.Display{Title: "七月新书", Starts: "2024-07-01", Ends: "2024-07-31"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scan(duty, old.ID, k.Item("另一本").Barcode); errs.As(err).Code != displays.CodeDisplayOver {
		t.Fatalf("a finished display: %v; want %s", err, displays.CodeDisplayOver)
	}
	for _, c := range []struct {
		d     displays.Display
		field string
	}{
		{displays.Display{Title: "", Starts: "2024-09-01", Ends: "2024-09-30"}, "title"},
		{displays.Display{Title: "书展", Starts: "9月1日", Ends: "2024-09-30"}, "starts"},
		{displays.Display{Title: "书展", Starts: "2024-09-30", Ends: "2024-09-01"}, "ends"},
		{displays.Display{Title: "书展", Starts: "2024-09-01", Ends: "2024-09-30", ActivityID: 99}, "activity_id"},
	} {
		_, err := s.Create(k.Ctx, c.d)
		if e := errs.As(err); e.Code != displays.CodeDisplayInvalid || e.Field != c.field || e.Message == "" {
			t.Errorf("%+v: %v (field %q); want %s on %s", c.d, err, e.Field, displays.CodeDisplayInvalid, c.field)
		}
	}
	if _, err := s.Create(duty, displays.Display{Title: "书展", Starts: "2024-09-01", Ends: "2024-09-30"}); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("duty staff setting up a display: %v", err)
	}
	if all, _ := s.All(k.Ctx); len(all) != 2 {
		t.Fatalf("refused displays stored: %d", len(all))
	}
}
