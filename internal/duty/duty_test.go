package duty_test

import (
	"context"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/duty"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

type env struct {
	k     *testkit.Kit
	svc   *duty.Service
	lib   int64 // 馆员 in charge
	a, b  int64 // the two duty staff
	asA   audit.Actor
	asB   audit.Actor
	asLib audit.Actor
}

func setup(t *testing.T) env {
	t.Helper()
	k := testkit.New(t)
	e := env{k: k, svc: duty.NewService(k.DB.Duty(), k.Room, testkit.Shanghai, k.Clock.Now)}
	mk := func(name, display string, role audit.Role) audit.Actor {
		u, err := k.Auth.CreateUser(k.Ctx, name, display, role, "Shuwu-Duty-2026!")
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return audit.Actor{UserID: u.ID, Name: u.Username, Role: role}
	}
	e.asLib = mk("lib1", "李馆员", audit.RoleLibrarian)
	e.asA = mk("dutya", "王值班", audit.RoleDuty)
	e.asB = mk("dutyb", "张值班", audit.RoleDuty)
	e.lib, e.a, e.b = e.asLib.UserID, e.asA.UserID, e.asB.UserID
	return e
}

func (e env) as(a audit.Actor) context.Context { return audit.WithActor(e.k.Ctx, a) }

// A month generated from the article's pattern puts the librarian on every
// shift of every open day and the two duty staff in turn, day by day; no
// one is on a closed day.
func TestGenerateMonthRotatesTwoDutyStaff(t *testing.T) {
	e := setup(t)
	g, err := e.svc.Generate(e.as(e.asLib), duty.Pattern{Month: "2024-09", Librarian: e.lib, Staff: []int64{e.a, e.b}})
	if err != nil {
		t.Fatal(err)
	}
	if g.From != "2024-09-02" || g.To != "2024-09-30" {
		t.Fatalf("replaced %s..%s, want from today 2024-09-02 to 2024-09-30", g.From, g.To)
	}
	r, err := e.svc.Month(e.k.Ctx, "2024-09")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Days) != 30 || len(r.Shifts) != 3 {
		t.Fatalf("%d days × %d shifts, want 30 × 3", len(r.Days), len(r.Shifts))
	}
	var prev int64
	open := 0
	for _, d := range r.Days {
		if d.Date < "2024-09-02" {
			continue
		}
		if !d.Open {
			for _, on := range d.On {
				if len(on) != 0 {
					t.Fatalf("%s is closed but has %v on duty", d.Date, on)
				}
			}
			continue
		}
		open++
		for i, on := range d.On {
			if len(on) != 2 || !on[0].Lead || on[0].UserID != e.lib || on[1].Lead {
				t.Fatalf("%s %s: %+v, want the librarian in charge and one duty staff", d.Date, r.Shifts[i].Name, on)
			}
			if on[1].UserID != d.On[0][1].UserID {
				t.Fatalf("%s: the duty staff changes within the day", d.Date)
			}
		}
		if who := d.On[0][1].UserID; who == prev {
			t.Fatalf("%s: %d on duty two open days running", d.Date, who)
		} else {
			prev = who
		}
	}
	if open != g.Days || g.Slots != open*3*2 {
		t.Fatalf("generated %d days %d slots; roster shows %d open days", g.Days, g.Slots, open)
	}
}

func TestGenerateRefusesABadPattern(t *testing.T) {
	e := setup(t)
	ctx := e.as(e.asLib)
	cases := map[string]duty.Pattern{
		"month":     {Month: "2024/09", Staff: []int64{e.a}},
		"staff":     {Month: "2024-09", Librarian: e.lib},
		"librarian": {Month: "2024-09", Librarian: e.a, Staff: []int64{e.b}},
		"per_shift": {Month: "2024-09", Staff: []int64{e.a}, PerShift: 2},
	}
	for field, p := range cases {
		_, err := e.svc.Generate(ctx, p)
		if ee := errs.As(err); ee.Kind != errs.KindInvalid || ee.Field != field {
			t.Errorf("%s: got %v, want invalid on %s", field, err, field)
		}
	}
	if _, err := e.svc.Generate(ctx, duty.Pattern{Month: "2024-08", Staff: []int64{e.a}}); errs.As(err).Field != "month" {
		t.Errorf("a past month: got %v, want refused", err)
	}
	if _, err := e.svc.Generate(e.as(e.asA), duty.Pattern{Month: "2024-09", Staff: []int64{e.a}}); errs.As(err).Kind != errs.KindForbidden {
		t.Errorf("duty staff generating: got %v, want forbidden", err)
	}
	if on, _ := e.svc.OnDuty(e.k.Ctx, "2024-09-02"); len(on) != 0 {
		t.Fatalf("a refused pattern left %d slots", len(on))
	}
}

// A duty staff member asks to give a shift to the other; it changes hands
// only when the librarian approves, and a decided request stays decided.
func TestSwapNeedsTheLibrariansApproval(t *testing.T) {
	e := setup(t)
	if _, err := e.svc.Generate(e.as(e.asLib), duty.Pattern{Month: "2024-09", Librarian: e.lib, Staff: []int64{e.a, e.b}}); err != nil {
		t.Fatal(err)
	}
	on, _ := e.svc.OnDuty(e.k.Ctx, "2024-09-02")
	var mine duty.Slot
	for _, sl := range on {
		if !sl.Lead {
			mine = sl
			break
		}
	}
	holder, other := e.asA, e.asB
	if mine.UserID == e.b {
		holder, other = e.asB, e.asA
	}
	if _, err := e.svc.RequestSwap(e.as(other), duty.SwapRequest{SlotID: mine.ID, ToUser: other.UserID}); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("asking to swap someone else's shift: %v, want forbidden", err)
	}
	if _, err := e.svc.RequestSwap(e.as(holder), duty.SwapRequest{SlotID: mine.ID, ToUser: e.lib}); !errs.Is(err, duty.CodeSwapInvalid) {
		t.Fatalf("handing the shift to the librarian already on it: %v, want refused", err)
	}
	sw, err := e.svc.RequestSwap(e.as(holder), duty.SwapRequest{SlotID: mine.ID, ToUser: other.UserID, Reason: "参加培训"})
	if err != nil || sw.Status != duty.SwapPending {
		t.Fatalf("request: %+v %v", sw, err)
	}
	if s, _ := e.svc.OnDuty(e.k.Ctx, "2024-09-02"); s[1].UserID != holder.UserID {
		t.Fatalf("the shift changed hands before approval")
	}
	if _, err := e.svc.DecideSwap(e.as(holder), sw.ID, true); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("duty staff approving: %v, want forbidden", err)
	}
	if sw, err = e.svc.DecideSwap(e.as(e.asLib), sw.ID, true); err != nil || sw.Status != duty.SwapApproved {
		t.Fatalf("approve: %+v %v", sw, err)
	}
	got, _ := e.svc.OnDuty(e.k.Ctx, "2024-09-02")
	for _, sl := range got {
		if sl.ID == mine.ID && sl.UserID != other.UserID {
			t.Fatalf("after approval the shift is %s's, want %s's", sl.UserName, other.Name)
		}
	}
	if _, err := e.svc.DecideSwap(e.as(e.asLib), sw.ID, false); !errs.Is(err, duty.CodeSwapSettled) {
		t.Fatalf("deciding twice: %v, want settled", err)
	}
}

// The handover is written once per shift and acknowledged by the next
// shift, never by its writer.
func TestHandoverIsAcknowledgedByTheNextShift(t *testing.T) {
	e := setup(t)
	in := duty.HandoverInput{Day: "2024-09-02", ShiftID: 1, Happened: "借出 23 册，还回 18 册", FollowUp: "《求是》第 17 期未到，明日催问", Periodicals: "人民日报 9月2日"}
	if _, err := e.svc.WriteHandover(e.as(e.asA), duty.HandoverInput{Day: "2024-09-02", ShiftID: 1}); errs.As(err).Field != "happened" {
		t.Fatalf("empty handover: %v, want refused on happened", err)
	}
	if _, err := e.svc.WriteHandover(e.as(e.asA), duty.HandoverInput{Day: "2024-09-03", ShiftID: 1, Happened: "x"}); errs.As(err).Field != "day" {
		t.Fatalf("tomorrow's handover: %v, want refused on day", err)
	}
	h, err := e.svc.WriteHandover(e.as(e.asA), in)
	if err != nil || h.Cash != "无" || h.WrittenBy != "王值班" {
		t.Fatalf("write: %+v %v", h, err)
	}
	if _, err := e.svc.WriteHandover(e.as(e.asB), in); !errs.Is(err, duty.CodeHandoverExists) {
		t.Fatalf("second handover of the shift: %v, want exists", err)
	}
	if _, err := e.svc.AckHandover(e.as(e.asA), h.ID); !errs.Is(err, duty.CodeHandoverOwn) {
		t.Fatalf("writer acknowledging: %v, want refused", err)
	}
	if h, err = e.svc.AckHandover(e.as(e.asB), h.ID); err != nil || h.AckedBy != "张值班" {
		t.Fatalf("ack: %+v %v", h, err)
	}
	if _, err := e.svc.AckHandover(e.as(e.asLib), h.ID); !errs.Is(err, duty.CodeHandoverAcked) {
		t.Fatalf("acknowledging twice: %v, want already acknowledged", err)
	}
	list, _ := e.svc.Handovers(e.k.Ctx, 10)
	if len(list) != 1 || !list[0].Acked() || list[0].FollowUp != in.FollowUp {
		t.Fatalf("handover log: %+v", list)
	}
}

func TestChecklistTicksTheShiftsTasks(t *testing.T) {
	e := setup(t)
	ctx := e.as(e.asA)
	tasks, err := e.svc.Checklist(ctx, "2024-09-02", 1)
	if err != nil || len(tasks) == 0 {
		t.Fatalf("checklist: %v %v", tasks, err)
	}
	if err := e.svc.Tick(ctx, "2024-09-02", 1, tasks[0].Task, true); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Tick(ctx, "2024-09-02", 1, "不存在的工作", true); !errs.Is(err, duty.CodeShiftInvalid) {
		t.Fatalf("unknown task: %v", err)
	}
	if err := e.svc.Tick(ctx, "2024-09-05", 1, tasks[0].Task, true); errs.As(err).Field != "day" {
		t.Fatalf("a day to come: %v", err)
	}
	got, _ := e.svc.Checklist(ctx, "2024-09-02", 1)
	if !got[0].Done || got[1].Done {
		t.Fatalf("after one tick: %+v", got)
	}
	_ = e.svc.Tick(ctx, "2024-09-02", 1, tasks[0].Task, false)
	if got, _ = e.svc.Checklist(ctx, "2024-09-02", 1); got[0].Done {
		t.Fatalf("untick left it done")
	}
	sh, err := e.svc.SaveShift(e.as(e.asLib), duty.Shift{ID: 1, Name: "早班", Starts: "08:00", Ends: "12:00", Tasks: []string{"开门", " ", "开门", "报刊更新"}})
	if err != nil || len(sh.Tasks) != 2 {
		t.Fatalf("save shift: %+v %v", sh, err)
	}
	if _, err := e.svc.SaveShift(e.as(e.asLib), duty.Shift{ID: 1, Name: "早班", Starts: "12:00", Ends: "08:00"}); errs.As(err).Field != "ends" {
		t.Fatalf("ends before starts: %v", err)
	}
}

func TestRegulationsAreTheThreeRulesAndEditable(t *testing.T) {
	e := setup(t)
	regs, err := e.svc.Regulations(e.k.Ctx)
	if err != nil || len(regs) != 3 || regs[0].Title != "集中学习交流讨论制度" || regs[2].Title != "图书管理员工作制度" {
		t.Fatalf("regulations: %+v %v", regs, err)
	}
	if len(regs[1].Articles()) < 5 {
		t.Fatalf("图书借阅管理制度 has %d articles", len(regs[1].Articles()))
	}
	if _, err := e.svc.SaveRegulation(e.as(e.asA), duty.Regulation{ID: 1, Title: "x", Body: "y"}); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("duty staff editing: %v", err)
	}
	if _, err := e.svc.SaveRegulation(e.as(e.asLib), duty.Regulation{ID: 1, Title: " ", Body: "y"}); errs.As(err).Field != "title" {
		t.Fatalf("blank title: %v", err)
	}
	if _, err := e.svc.SaveRegulation(e.as(e.asLib), duty.Regulation{ID: 1, Title: "图书借阅管理制度", Body: "y"}); errs.As(err).Field != "title" {
		t.Fatalf("a title taken: %v", err)
	}
	g, err := e.svc.SaveRegulation(e.as(e.asLib), duty.Regulation{ID: 1, Title: "集中学习交流讨论制度", Body: "一、第一条\n\n二、第二条\n"})
	if err != nil || len(g.Articles()) != 2 || g.UpdatedBy != "李馆员" {
		t.Fatalf("save: %+v %v", g, err)
	}
}

// A handover keeps what the duty staff typed, minus the characters that
// would hide or reorder text.
func TestAHandoverStoresNoInvisibleCharacters(t *testing.T) {
	e := setup(t)
	h, err := e.svc.WriteHandover(e.as(e.asA), duty.HandoverInput{Day: "2024-09-02", ShiftID: 1, Happened: "借出\x00 23 册\r\n还回 18 册\u202e", Cash: "无\x1b"})
	if err != nil || h.Happened != "借出 23 册\n还回 18 册" || h.Cash != "无" {
		t.Fatalf("stored %q %q (%v)", h.Happened, h.Cash, err)
	}
}
