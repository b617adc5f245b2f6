package activities_test

import (
	"context"
	"strings"
	"testing"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/room"
	"shuwu/internal/testkit"
)

// Spaces seeded by 0013.
const (
	wholeRoom = 1
	readingRm = 3
)

type fixture struct {
	k                        *testkit.Kit
	branch, youth, librarian context.Context
	duty                     context.Context
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
	f.duty = as("duty1", "值班员", audit.RoleDuty)
	return f
}

// The kit's clock is Monday 2024-09-02 10:00: Wednesday is 09-04.
func draft() activities.Draft {
	return activities.Draft{Title: "学习《习近平谈治国理政》第四卷读书分享会", Form: activities.FormSharing, Organiser: "随便写的单位",
		Host: "李老师", Date: "2024-09-04", From: "14:30", To: "16:00", SpaceID: readingRm, Capacity: 20, Audience: "open",
		Description: "每人分享一章的体会。"}
}

func code(err error) errs.Code { return errs.As(err).Code }

func TestAnOrganiserPlansAnActivityForItsOwnUnit(t *testing.T) {
	f := setup(t)
	list, err := f.k.Catalog.SaveReadingList(f.k.Ctx, catalog.ReadingList{Name: "二十大学习书目", RecordIDs: []int64{f.k.Record("习近平谈治国理政（第四卷）").ID}})
	if err != nil {
		t.Fatal(err)
	}
	d := draft()
	d.ListID = list.ID
	act, err := f.k.Activities.Create(f.branch, d)
	if err != nil {
		t.Fatal(err)
	}
	if act.Organiser != "校机关一支部" || act.SpaceName != "阅览室" || act.FormLabel != "读书分享会" || act.ListName != "二十大学习书目" || act.Status != activities.Planned {
		t.Fatalf("created %+v; want the branch's own unit, 阅览室, 读书分享会 and the list", act)
	}
	got, err := f.k.Activities.Activity(f.k.Ctx, act.ID)
	if err != nil || got.Start.In(testkit.Shanghai).Format("2006-01-02 15:04") != "2024-09-04 14:30" || got.Host != "李老师" || got.ListName != "二十大学习书目" {
		t.Fatalf("read back %+v, %v", got, err)
	}
	// The other organiser may neither change it nor see it among its own.
	d.Title = "改名"
	if _, err := f.k.Activities.Update(f.youth, act.ID, d); code(err) != activities.CodeActivityNotYours {
		t.Fatalf("another unit edits: %v; want ACTIVITY_NOT_YOURS", err)
	}
	if mine, err := f.k.Activities.Mine(f.youth, activities.Filter{}); err != nil || len(mine) != 0 {
		t.Fatalf("youth's own activities: %d, %v; want none", len(mine), err)
	}
	if ok, _ := f.k.Activities.CanEdit(f.youth, act); ok {
		t.Fatal("the youth group may edit the branch's activity")
	}
	if ok, _ := f.k.Activities.CanEdit(f.duty, act); ok {
		t.Fatal("duty staff may edit activities")
	}
	if _, err := f.k.Activities.Create(f.duty, draft()); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("duty staff plans an activity: %v; want forbidden", err)
	}
	// The branch and the librarian may; the audit log names what changed.
	d.Title, d.Capacity = "学习《习近平谈治国理政》第四卷分享会", 24
	if _, err := f.k.Activities.Update(f.branch, act.ID, d); err != nil {
		t.Fatal(err)
	}
	d.From, d.Organiser = "15:00", "校机关一支部" // the librarian's form shows the unit it runs under
	if _, err := f.k.Activities.Update(f.librarian, act.ID, d); err != nil {
		t.Fatal(err)
	}
	mine, err := f.k.Activities.Mine(f.branch, activities.Filter{})
	if err != nil || len(mine) != 1 || mine[0].Title != "学习《习近平谈治国理政》第四卷分享会" || mine[0].Capacity != 24 || mine[0].Organiser != "校机关一支部" {
		t.Fatalf("branch's own: %+v, %v", mine, err)
	}
	entries := auditSummaries(t, f.k, "activity")
	want := []string{"安排活动「学习《习近平谈治国理政》第四卷读书分享会」（读书分享会）9月4日 14:30–16:00 阅览室 · 校机关一支部",
		"修改活动「学习《习近平谈治国理政》第四卷分享会」：名称、人数上限", "修改活动「学习《习近平谈治国理政》第四卷分享会」：时间"}
	if len(entries) != len(want) {
		t.Fatalf("audit: %v; want %v", entries, want)
	}
	for i := range want {
		if entries[i] != want[i] {
			t.Errorf("audit %d: %q; want %q", i, entries[i], want[i])
		}
	}
}

func TestBadActivitiesAreRefusedOnTheirField(t *testing.T) {
	f := setup(t)
	class := f.k.Class("2024年秋季主体班", "2024-09-01", "2024-12-31")
	booking, err := f.k.Room.Book(f.branch, room.Request{SpaceID: wholeRoom, Organiser: "校机关一支部", Date: "2024-09-05", From: "14:00", To: "16:00", Purpose: "主题党日", Expected: 40})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := f.k.Room.Book(f.youth, room.Request{SpaceID: readingRm, Organiser: "青年理论学习小组", Date: "2024-09-06", From: "14:00", To: "16:00", Purpose: "集中学习", Expected: 10})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, field, says string
		edit              func(*activities.Draft)
	}{
		{"no title", "title", "请填写活动名称", func(d *activities.Draft) { d.Title = "  " }},
		{"long title", "title", "不超过 80 个字", func(d *activities.Draft) { d.Title = strings.Repeat("学", 81) }},
		{"no form", "form", "请选择活动形式", func(d *activities.Draft) { d.Form = "party" }},
		{"bad date", "date", "日期应写成 2026-12-08", func(d *activities.Draft) { d.Date = "9月4日" }},
		{"bad start", "from", "开始时间应写成 14:00", func(d *activities.Draft) { d.From = "下午" }},
		{"end first", "to", "结束时间须晚于开始时间", func(d *activities.Draft) { d.To = "14:00" }},
		{"no place", "space", "请选择活动地点", func(d *activities.Draft) { d.SpaceID = 0 }},
		{"no such space", "space", "所选场地不存在", func(d *activities.Draft) { d.SpaceID = 99 }},
		{"after hours", "from", "阅览室的开放时间是 08:30–21:30", func(d *activities.Draft) { d.From, d.To = "20:00", "22:00" }},
		{"too many", "capacity", "人数上限 30 人，超过阅览室的 24 个座位", func(d *activities.Draft) { d.Capacity = 30 }},
		{"nobody", "capacity", "人数上限须在 1 到 1000 之间", func(d *activities.Draft) { d.Capacity = 0 }},
		{"audience", "audience", "请选择参加对象", func(d *activities.Draft) { d.Audience = "vip" }},
		{"class missing", "class", "请选择班次", func(d *activities.Draft) { d.Audience = "class" }},
		{"no such class", "class", "所选班次不存在", func(d *activities.Draft) { d.Audience, d.ClassID = "class", 999 }},
		{"no such list", "list", "所选书目不存在", func(d *activities.Draft) { d.ListID = 999 }},
		{"outside booking", "from", "活动时间须在所选预约（9月5日 14:00–16:00 书屋（全室））之内", func(d *activities.Draft) {
			d.BookingID, d.Date, d.From, d.To = booking.Bookings[0].ID, "2024-09-05", "15:00", "17:00"
		}},
		{"their booking", "booking", "只能使用本单位的预约", func(d *activities.Draft) {
			d.BookingID, d.Date = theirs.Bookings[0].ID, "2024-09-06"
		}},
		{"a booked space", "space", "这段时间阅览室已有预约：9月6日 14:00–16:00 阅览室 · 青年理论学习小组「集中学习」", func(d *activities.Draft) {
			d.Date, d.From, d.To = "2024-09-06", "15:00", "17:00"
		}},
		{"the whole room booked", "space", "这段时间阅览室已有预约：9月5日 14:00–16:00 书屋（全室）", func(d *activities.Draft) {
			d.Date = "2024-09-05"
		}},
	}
	for _, c := range cases {
		d := draft()
		c.edit(&d)
		_, err := f.k.Activities.Create(f.branch, d)
		e := errs.As(err)
		if e.Code != activities.CodeActivityInvalid || e.Field != c.field || !strings.Contains(e.Message, c.says) {
			t.Errorf("%s: %v (code %s, field %q); want %s on %q saying %q", c.name, err, e.Code, e.Field, activities.CodeActivityInvalid, c.field, c.says)
		}
		if e.MessageEn == "" {
			t.Errorf("%s: no English message", c.name)
		}
	}
	if got, _ := f.k.Activities.List(f.k.Ctx, activities.Filter{}); len(got) != 0 {
		t.Fatalf("%d activities stored by refused drafts", len(got))
	}
	// Two activities in one space at one time: the second is refused.
	first, err := f.k.Activities.Create(f.branch, draft())
	if err != nil {
		t.Fatal(err)
	}
	second := draft()
	second.Title, second.From, second.To = "另一场", "15:30", "17:00"
	if _, err := f.k.Activities.Create(f.youth, second); code(err) != activities.CodeActivityInvalid || !strings.Contains(errs.As(err).Message, "这段时间阅览室已有活动：9月4日 14:30–16:00「学习《习近平谈治国理政》第四卷读书分享会」（校机关一支部）") {
		t.Fatalf("a second activity at the same time: %v", err)
	}
	// Changing the first one does not clash with itself.
	if _, err := f.k.Activities.Update(f.branch, first.ID, draft()); err != nil {
		t.Fatalf("update in place: %v", err)
	}
	if _, err := f.k.Activities.Update(f.branch, first.ID, draft()); err != nil {
		t.Fatal(err)
	}
	second.From, second.To = "16:00", "17:00"
	if _, err := f.k.Activities.Create(f.youth, second); err != nil {
		t.Fatalf("right after: %v", err)
	}
	// On its own booking: the booking's space and time are the place.
	d := draft()
	d.BookingID, d.SpaceID, d.Date, d.From, d.To, d.Capacity = booking.Bookings[0].ID, 0, "2024-09-05", "14:00", "16:00", 50
	d.Audience, d.ClassID, d.Form, d.Title = "class", class.ID, activities.FormPartyDay, "“清廉湘西”建设主题党日活动"
	act, err := f.k.Activities.Create(f.branch, d)
	if err != nil {
		t.Fatal(err)
	}
	if act.SpaceName != "书屋（全室）" || act.ClassName != "2024年秋季主体班" || act.BookingID != booking.Bookings[0].ID {
		t.Fatalf("on a booking: %+v", act)
	}
	// A cancelled booking can no longer be an activity's place.
	if _, err := f.k.Room.Cancel(f.branch, booking.Bookings[0].ID, false, ""); err != nil {
		t.Fatal(err)
	}
	d.Title = "再来一次"
	if _, err := f.k.Activities.Create(f.branch, d); code(err) != activities.CodeActivityInvalid || !strings.Contains(errs.As(err).Message, "已取消或未获批准") {
		t.Fatalf("on a cancelled booking: %v", err)
	}
}

func TestListingFiltersByFormAudienceTextAndTime(t *testing.T) {
	f := setup(t)
	mk := func(title string, form activities.Form, date string, ctx context.Context) {
		d := draft()
		d.Title, d.Form, d.Date = title, form, date
		if _, err := f.k.Activities.Create(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	mk("党的二十大精神专题讲座", activities.FormLecture, "2024-09-10", f.librarian)
	mk("《平凡的世界》读书分享会", activities.FormSharing, "2024-09-04", f.youth)
	mk("九月主题党日", activities.FormPartyDay, "2024-09-20", f.branch)
	all, err := f.k.Activities.List(f.k.Ctx, activities.Filter{})
	if err != nil || len(all) != 3 || all[0].Title != "《平凡的世界》读书分享会" || all[2].Title != "九月主题党日" {
		t.Fatalf("all, earliest first: %+v %v", all, err)
	}
	titles := func(f activities.Filter, k *testkit.Kit, svc *activities.Service) []string {
		got, err := svc.List(k.Ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range got {
			out = append(out, a.Title)
		}
		return out
	}
	svc := f.k.Activities
	if got := titles(activities.Filter{Form: activities.FormLecture}, f.k, svc); len(got) != 1 || got[0] != "党的二十大精神专题讲座" {
		t.Errorf("by form: %v", got)
	}
	if got := titles(activities.Filter{Query: "平凡"}, f.k, svc); len(got) != 1 {
		t.Errorf("by text: %v", got)
	}
	if got := titles(activities.Filter{Organiser: "校机关一支部"}, f.k, svc); len(got) != 1 || got[0] != "九月主题党日" {
		t.Errorf("by organiser: %v", got)
	}
	from := f.k.Clock.Now().AddDate(0, 0, 5)
	if got := titles(activities.Filter{From: from, Desc: true}, f.k, svc); len(got) != 2 || got[0] != "九月主题党日" {
		t.Errorf("from 09-07, latest first: %v", got)
	}
	if got := titles(activities.Filter{Query: "100%_"}, f.k, svc); len(got) != 0 {
		t.Errorf("wildcards are matched as typed: %v", got)
	}
}

// auditSummaries are the audit log's summaries of entity, oldest first.
func auditSummaries(t *testing.T, k *testkit.Kit, entity string) []string {
	t.Helper()
	es, err := k.DB.AuditLog(k.Ctx, entity, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(es) - 1; i >= 0; i-- {
		out = append(out, es[i].Summary)
	}
	return out
}
