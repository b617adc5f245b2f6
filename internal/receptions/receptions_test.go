package receptions_test

import (
	"context"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/receptions"
	"shuwu/internal/testkit"
)

func setup(t *testing.T) (*testkit.Kit, *receptions.Service) {
	k := testkit.New(t)
	return k, receptions.NewService(k.DB.Receptions(), testkit.Shanghai, k.Clock.Now)
}

var librarian = audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "王馆员", Role: audit.RoleLibrarian})

func visit(date string, level receptions.Level, guests string) receptions.Reception {
	gs, err := receptions.ParseGuests(guests)
	if err != nil {
		panic(err)
	}
	return receptions.Reception{Date: date, Level: level, Guests: gs, Accompanying: "校党委书记、常务副校长 李华", Shown: "书屋“一室多能”布局、红色经典专架、学员读书笔记"}
}

func TestALibrarianRecordsVisitsAndTheYearCountsThemByLevel(t *testing.T) {
	_, s := setup(t)
	// The kit's clock is 2024-09-02.
	for _, r := range []receptions.Reception{
		visit("2024-03-12", receptions.Prefecture, "张明 州委常委、组织部部长\n刘芳 州委组织部副部长"),
		visit("2024-05-20", receptions.Prefecture, "陈刚 州委副书记"),
		visit("2024-06-18", receptions.Peer, "周琳 怀化市委党校副校长\n吴强 怀化市委党校图书馆馆长\n郑洁 怀化市委党校教务处处长"),
		visit("2023-11-02", receptions.Province, "黄伟 省委党校副校长"),
	} {
		if _, err := s.Create(librarian, r); err != nil {
			t.Fatal(err)
		}
	}
	y, err := s.Year(librarian, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if y.Receptions != 3 || y.Guests != 6 || y.Of(receptions.Prefecture).Receptions != 2 || y.Of(receptions.Prefecture).Guests != 3 || y.Of(receptions.Province).Receptions != 0 {
		t.Fatalf("2024: %+v; want 3 receptions of 6 guests, 2 by prefecture leaders", y)
	}
	list, err := s.List(librarian, 2024)
	if err != nil || len(list) != 3 || list[0].Date != "2024-06-18" || list[2].Principal().Title != "州委常委、组织部部长" {
		t.Fatalf("2024's list: %+v %v; want latest first with titles", list, err)
	}
	if ys, _ := s.Years(librarian); len(ys) != 2 || ys[0] != 2024 || ys[1] != 2023 {
		t.Fatalf("years %v; want 2024, 2023", ys)
	}
	// Correcting a record keeps who wrote it.
	r := list[1]
	r.Remarks = "对书屋建设给予充分肯定"
	r.Guests = append(r.Guests, receptions.Guest{Name: "杨帆", Title: "州委办副主任"})
	if _, err := s.Update(librarian, r); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(librarian, r.ID)
	if err != nil || got.Remarks != "对书屋建设给予充分肯定" || len(got.Guests) != 2 || got.CreatedBy != "王馆员" {
		t.Fatalf("after the edit: %+v %v", got, err)
	}
}

func TestABadRecordSaysWhatIsWrongAndNothingIsStored(t *testing.T) {
	_, s := setup(t)
	good := visit("2024-08-30", receptions.Prefecture, "张明 州委常委")
	for _, c := range []struct {
		change func(*receptions.Reception)
		field  string
		says   string
	}{
		{func(r *receptions.Reception) { r.Date = "8月30日" }, "date", "接待日期应写成"},
		{func(r *receptions.Reception) { r.Date = "2024-09-03" }, "date", "不能晚于今天"},
		{func(r *receptions.Reception) { r.Level = "mayor" }, "level", "级别"},
		{func(r *receptions.Reception) { r.Guests = nil }, "guests", "至少填写一位来访人员"},
		{func(r *receptions.Reception) { r.Shown = strings.Repeat("书", receptions.MaxShown+1) }, "shown", "参观内容不能超过 500 个字"},
	} {
		r := good
		c.change(&r)
		_, err := s.Create(librarian, r)
		if e := errs.As(err); e.Code != receptions.CodeReceptionInvalid || e.Field != c.field || !strings.Contains(e.Message, c.says) {
			t.Errorf("%s: %v (field %q); want %q on %s", c.field, err, e.Field, c.says, c.field)
		}
	}
	leader := audit.WithActor(context.Background(), audit.Actor{UserID: 9, Name: "leader", Role: audit.RoleLeadership})
	if _, err := s.Create(leader, good); errs.As(err).Code != receptions.CodeReceptionForbidden {
		t.Fatalf("leadership writing: %v; want %s", err, receptions.CodeReceptionForbidden)
	}
	if y, _ := s.Year(librarian, 2024); y.Receptions != 0 {
		t.Fatalf("refused records were stored: %+v", y)
	}
	if _, err := s.Get(librarian, 99); errs.As(err).Code != receptions.CodeReceptionNotFound {
		t.Fatalf("missing record: %v", err)
	}
}
