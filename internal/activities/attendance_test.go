package activities_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/store"
	"shuwu/internal/testkit"
)

func asReader(r readers.Reader) context.Context {
	return audit.WithActor(context.Background(), audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader})
}

// at moves the kit's clock to the activity day (Wednesday 2024-09-04) at hh:mm.
func at(k *testkit.Kit, hhmm string) {
	t, _ := time.ParseInLocation("2006-01-02 15:04", "2024-09-04 "+hhmm, testkit.Shanghai)
	k.Clock.Set(t)
}

func TestAFullActivityWaitlistsAndMovesTheFirstUpWhenSomeoneCancels(t *testing.T) {
	f := setup(t)
	d := draft()
	d.Capacity = 2
	act, err := f.k.Activities.Create(f.branch, d)
	if err != nil {
		t.Fatal(err)
	}
	class := f.k.Class("2024年秋季主体班", "2024-09-01", "2024-12-31")
	zhang, li, wang, zhao := f.k.Trainee("张三", class), f.k.Trainee("李四", class), f.k.Trainee("王五", class), f.k.Reader("赵六")
	var regs []activities.Registration
	for _, r := range []readers.Reader{zhang, li, wang, zhao} {
		g, err := f.k.Activities.Register(asReader(r), act.ID)
		if err != nil {
			t.Fatalf("register %s: %v", r.Name, err)
		}
		regs = append(regs, g)
	}
	if regs[0].Status != activities.Registered || regs[1].Status != activities.Registered || regs[2].Status != activities.Waitlisted || regs[2].Position != 1 || regs[3].Position != 2 {
		t.Fatalf("registrations %+v; want two places and a waitlist of two in order", regs)
	}
	if regs[0].ClassID != class.ID || regs[3].ClassID != 0 {
		t.Fatalf("classes %d, %d; want the trainee's running class and none for staff", regs[0].ClassID, regs[3].ClassID)
	}
	if _, err := f.k.Activities.Register(asReader(wang), act.ID); code(err) != activities.CodeAlreadyRegistered || !strings.Contains(errs.As(err).Message, "候补名单") {
		t.Fatalf("again: %v", err)
	}
	if _, err := f.k.Activities.Register(f.librarian, act.ID); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("a librarian registers themselves: %v", err)
	}
	// 李四 cancels: 王五 moves up, 赵六 is now first on the waitlist.
	promoted, err := f.k.Activities.Unregister(asReader(li), act.ID)
	if err != nil || promoted == nil || promoted.ReaderID != wang.ID {
		t.Fatalf("cancel: promoted %+v, %v; want 王五", promoted, err)
	}
	my, err := f.k.Activities.My(asReader(zhao))
	if err != nil || len(my) != 1 || my[0].Registration.Status != activities.Waitlisted || my[0].Registration.Position != 1 {
		t.Fatalf("赵六's activities: %+v %v", my, err)
	}
	my, _ = f.k.Activities.My(asReader(wang))
	if len(my) != 1 || my[0].Registration.Status != activities.Registered {
		t.Fatalf("王五's activities: %+v", my)
	}
	if _, err := f.k.Activities.Unregister(asReader(li), act.ID); code(err) != activities.CodeNotRegistered {
		t.Fatalf("cancel twice: %v", err)
	}
	// A waitlisted reader who cancels moves nobody up.
	if p, err := f.k.Activities.Unregister(asReader(zhao), act.ID); err != nil || p != nil {
		t.Fatalf("waitlisted cancels: %+v %v", p, err)
	}
	// 李四 may register again, and waits: the places are taken.
	if g, err := f.k.Activities.Register(asReader(li), act.ID); err != nil || g.Status != activities.Waitlisted {
		t.Fatalf("again after cancelling: %+v %v", g, err)
	}
	// Registration closes at the start.
	at(f.k, "14:30")
	if _, err := f.k.Activities.Register(asReader(zhao), act.ID); code(err) != activities.CodeRegistrationClosed {
		t.Fatalf("at the start: %v", err)
	}
	if _, err := f.k.Activities.Unregister(asReader(zhang), act.ID); code(err) != activities.CodeRegistrationClosed {
		t.Fatalf("cancel at the start: %v", err)
	}
	// The ledger has each step, tied to reader and class.
	lines, err := ledgerLines(f.k, ledger.Filter{Kinds: []ledger.Kind{ledger.ActivityRegistered, ledger.ActivityWaitlisted, ledger.ActivityPromoted, ledger.ActivityUnregistered}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	count := map[ledger.Kind]int{}
	for _, l := range lines {
		count[l.Kind]++
		if l.RefID != act.ID || l.ReaderID == 0 || l.SpaceID != readingRm {
			t.Errorf("ledger line %+v; want the activity, the reader and its space", l)
		}
		if l.ReaderID == wang.ID && l.ClassID != class.ID {
			t.Errorf("王五's line has class %d, want %d", l.ClassID, class.ID)
		}
	}
	if count[ledger.ActivityRegistered] != 2 || count[ledger.ActivityWaitlisted] != 3 || count[ledger.ActivityPromoted] != 1 || count[ledger.ActivityUnregistered] != 2 {
		t.Fatalf("ledger kinds %v", count)
	}
}

func TestOnlyTheAudienceMayRegister(t *testing.T) {
	f := setup(t)
	class := f.k.Class("2024年秋季主体班", "2024-09-01", "2024-12-31")
	other := f.k.Class("2024年秋季科干班", "2024-09-01", "2024-12-31")
	in, out, staff := f.k.Trainee("张三", class), f.k.Trainee("李四", other), f.k.Reader("赵六")
	d := draft()
	d.Audience, d.ClassID = "class", class.ID
	forClass, err := f.k.Activities.Create(f.branch, d)
	if err != nil {
		t.Fatal(err)
	}
	d = draft()
	d.Audience, d.Title = "staff", "教职工读书会"
	forStaff, err := f.k.Activities.Create(f.librarian, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.k.Activities.Register(asReader(in), forClass.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.k.Activities.Register(asReader(out), forClass.ID); code(err) != activities.CodeNotForReader || !strings.Contains(errs.As(err).Message, "这项活动面向「2024年秋季主体班」的学员") {
		t.Fatalf("another class: %v", err)
	}
	if _, err := f.k.Activities.Register(asReader(in), forStaff.ID); code(err) != activities.CodeNotForReader || !strings.Contains(errs.As(err).Message, "面向教职工") {
		t.Fatalf("a trainee for staff: %v", err)
	}
	if _, err := f.k.Activities.Register(asReader(staff), forStaff.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.k.Readers.SetStatus(f.k.Ctx, staff.Card, readers.StatusLost); err != nil {
		t.Fatal(err)
	}
	d.Title = "再一场"
	again, _ := f.k.Activities.Create(f.librarian, d)
	if _, err := f.k.Activities.Register(asReader(staff), again.ID); code(err) != activities.CodeNotForReader || !strings.Contains(errs.As(err).Message, "挂失") {
		t.Fatalf("a lost card: %v", err)
	}
}

func TestSignInByTheScreensCodeAndAtTheDesk(t *testing.T) {
	f := setup(t)
	d := draft()
	late := 20
	d.LateMinutes = &late
	act, err := f.k.Activities.Create(f.branch, d) // Wednesday 14:30–16:00
	if err != nil {
		t.Fatal(err)
	}
	class := f.k.Class("2024年秋季主体班", "2024-09-01", "2024-12-31")
	zhang, li, wang := f.k.Trainee("张三", class), f.k.Trainee("李四", class), f.k.Trainee("王五", class)
	for _, r := range []readers.Reader{zhang, li} {
		if _, err := f.k.Activities.Register(asReader(r), act.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Only the desk, the librarian and the branch may show the code.
	if _, _, err := f.k.Activities.ScreenCode(f.youth, act.ID); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit shows the code: %v", err)
	}
	at(f.k, "13:50")
	_, c, err := f.k.Activities.ScreenCode(f.branch, act.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.k.Activities.SignIn(asReader(zhang), act.ID, c); code(err) != activities.CodeSignInClosed || !strings.Contains(errs.As(err).Message, "签到 9月4日 14:00 开始") {
		t.Fatalf("too early: %v", err)
	}
	at(f.k, "14:20")
	_, c, _ = f.k.Activities.ScreenCode(f.branch, act.ID)
	in, err := f.k.Activities.SignIn(asReader(zhang), act.ID, c)
	if err != nil || in.Late || in.How != activities.ByQR || !in.Registered || in.ClassID != class.ID {
		t.Fatalf("on time: %+v %v", in, err)
	}
	if again, err := f.k.Activities.SignIn(asReader(zhang), act.ID, c); err != nil || !again.Already || !again.At.Equal(in.At) {
		t.Fatalf("twice: %+v %v; want the first sign-in back", again, err)
	}
	if _, err := f.k.Activities.SignIn(asReader(li), act.ID, "0123456789abcdef"); code(err) != activities.CodeSignInCode {
		t.Fatalf("a made-up code: %v", err)
	}
	// A code shown four minutes ago is still taken; one from ten minutes ago is not.
	at(f.k, "14:24")
	if _, err := f.k.Activities.SignIn(asReader(li), act.ID, c); err != nil {
		t.Fatalf("a four-minute-old code: %v", err)
	}
	at(f.k, "14:35")
	if _, err := f.k.Activities.SignIn(asReader(wang), act.ID, c); code(err) != activities.CodeSignInCode {
		t.Fatalf("a stale code: %v", err)
	}
	// The desk signs a walk-in in by card, late.
	if _, err := f.k.Activities.DeskSignIn(f.youth, act.ID, wang.Card); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit at the desk: %v", err)
	}
	in, err = f.k.Activities.DeskSignIn(f.duty, act.ID, " "+wang.Card+"\n")
	if err != nil || !in.Late || in.How != activities.ByDesk || in.Registered || in.ReaderName != "王五" {
		t.Fatalf("desk, late: %+v %v", in, err)
	}
	if _, err := f.k.Activities.DeskSignIn(f.duty, act.ID, "R9999999"); errs.As(err).Kind != errs.KindNotFound {
		t.Fatalf("an unknown card: %v", err)
	}
	at(f.k, "14:51")
	r4 := f.k.Trainee("赵六", class)
	if _, err := f.k.Activities.DeskSignIn(f.duty, act.ID, r4.Card); code(err) != activities.CodeSignInClosed || !strings.Contains(errs.As(err).Message, "签到已于 14:50 截止") {
		t.Fatalf("after the late window: %v", err)
	}
	att, err := f.k.Activities.Attendance(f.branch, act.ID)
	if err != nil {
		t.Fatal(err)
	}
	if att.Registered != 2 || att.Attended != 3 || att.Late != 1 || att.WalkIns != 1 || att.NoShows != 0 || len(att.SignIns) != 3 || att.SignIns[2].ReaderName != "王五" {
		t.Fatalf("attendance %+v", att)
	}
	if _, err := f.k.Activities.Attendance(f.youth, act.ID); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit's attendance: %v", err)
	}
	lines, err := ledgerLines(f.k, ledger.Filter{Kinds: []ledger.Kind{ledger.ActivitySignIn}, Limit: 100})
	if err != nil || len(lines) != 3 {
		t.Fatalf("sign-in lines: %d %v", len(lines), err)
	}
	for _, l := range lines {
		if l.ClassID != class.ID || l.RefID != act.ID {
			t.Errorf("sign-in line %+v; want the class and the activity", l)
		}
	}
	my, _ := f.k.Activities.My(asReader(wang))
	if len(my) != 1 || my[0].SignIn == nil || !my[0].SignIn.Late {
		t.Fatalf("王五's activities: %+v", my)
	}
}

func ledgerLines(k *testkit.Kit, f ledger.Filter) (out []ledger.Entry, err error) {
	err = k.DB.View(k.Ctx, func(tx *store.Tx) error {
		out, err = tx.LedgerEntries(f)
		return err
	})
	return out, err
}
