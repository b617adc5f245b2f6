package activities_test

import (
	"strings"
	"testing"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
)

// The desk registers a reader on their behalf; the branch then cancels the
// whole activity with a reason: the registrants see it cancelled, nobody
// can register any more, and the ledger keeps what happened.
func TestTheDeskRegistersOnBehalfAndTheBranchCancelsTheActivity(t *testing.T) {
	f := setup(t)
	act, err := f.k.Activities.Create(f.branch, draft())
	if err != nil {
		t.Fatal(err)
	}
	zhang, li := f.k.Reader("张三"), f.k.Reader("李四")
	g, err := f.k.Activities.DeskRegister(f.duty, act.ID, " "+zhang.Card+"\n")
	if err != nil || g.Status != activities.Registered || g.ReaderID != zhang.ID {
		t.Fatalf("desk registration: %+v, %v", g, err)
	}
	if _, err := f.k.Activities.DeskRegister(f.duty, act.ID, zhang.Card); !errs.Is(err, activities.CodeAlreadyRegistered) || !strings.Contains(errs.As(err).Message, "张三已报名这项活动") {
		t.Fatalf("twice: %v", err)
	}
	if _, err := f.k.Activities.DeskRegister(f.youth, act.ID, li.Card); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit registers for the branch's activity: %v", err)
	}
	if _, err := f.k.Activities.DeskRegister(asReader(li), act.ID, li.Card); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("a reader uses the desk registration: %v", err)
	}
	if _, err := f.k.Activities.Register(asReader(li), act.ID); err != nil {
		t.Fatal(err)
	}

	// Refused: no reason, another unit, then done by its own branch.
	if _, err := f.k.Activities.Cancel(f.branch, act.ID, "  "); errs.As(err).Field != "cancel_note" {
		t.Fatalf("no reason: %v", err)
	}
	if _, err := f.k.Activities.Cancel(f.youth, act.ID, "不办了"); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit cancels: %v", err)
	}
	got, err := f.k.Activities.Cancel(f.branch, act.ID, "主讲人临时出差，\u202e活动取消")
	if err != nil || got.Status != activities.Cancelled || got.CancelNote != "主讲人临时出差，活动取消" || got.CancelledBy != "branch1" {
		t.Fatalf("cancel: %+v, %v", got, err)
	}
	if _, err := f.k.Activities.Cancel(f.librarian, act.ID, "再取消"); !errs.Is(err, activities.CodeActivityCancelled) {
		t.Fatalf("cancel twice: %v", err)
	}
	my, err := f.k.Activities.My(asReader(zhang))
	if err != nil || len(my) != 1 || my[0].Activity.Status != activities.Cancelled || my[0].Activity.CancelNote == "" {
		t.Fatalf("张三's activities: %+v, %v; want the activity, cancelled, with the reason", my, err)
	}
	if _, err := f.k.Activities.Register(asReader(f.k.Reader("王五")), act.ID); !errs.Is(err, activities.CodeRegistrationClosed) {
		t.Fatalf("registering for a cancelled activity: %v", err)
	}
	evs, _ := f.k.Circulation.Ledger(f.k.Ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.ActivityRegistered, ledger.ActivityUnregistered}})
	n := map[ledger.Kind]int{}
	for _, e := range evs {
		n[e.Kind]++
	}
	if n[ledger.ActivityRegistered] != 2 || n[ledger.ActivityUnregistered] != 0 {
		t.Fatalf("ledger after the cancellation %v; want the two registrations as they were", n)
	}
	att, _ := f.k.Activities.Attendance(f.k.Ctx, act.ID)
	if att.Registered != 2 {
		t.Fatalf("attendance after the cancellation: %d registered; want 2", att.Registered)
	}
}
