package demo

import (
	"context"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/duty"
	"shuwu/internal/room"
)

// With the librarian's and the duty staff's accounts in place, the demo
// has a year of rosters and a handover on every shift, each acknowledged
// by the next shift but the latest.
func TestLoadGivesAYearOfDuty(t *testing.T) {
	ctx := audit.WithActor(context.Background(), audit.System)
	db := openDB(t)
	if err := db.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	au := auth.NewService(db.Auth(), func() time.Time { return testNow })
	for _, u := range []struct {
		name, display string
		role          audit.Role
	}{{"librarian", "王馆员", audit.RoleLibrarian}, {"duty1", "值班员李明", audit.RoleDuty}, {"duty2", "值班员张华", audit.RoleDuty}} {
		if _, err := au.CreateUser(ctx, u.name, u.display, u.role, "Demo-Duty-2026!"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Load(ctx, db, Options{Seed: 7, Now: testNow, TZ: cst, Scale: 0.02}); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return testNow }
	svc := duty.NewService(db.Duty(), room.NewService(db.Room(), cst, now), cst, now)
	for _, month := range []string{"2024-11", "2025-06", "2025-11", "2025-12"} {
		r, err := svc.Month(ctx, month)
		if err != nil {
			t.Fatal(err)
		}
		filled := 0
		for _, d := range r.Days {
			if d.Open && len(d.On[0]) == 2 {
				filled++
			}
		}
		if filled < 15 {
			t.Errorf("%s: %d open days with the librarian and a duty staff member on the morning shift, want most", month, filled)
		}
	}
	hs, err := svc.Handovers(ctx, 100000)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) < 600 {
		t.Fatalf("%d handovers in a year, want one a shift (over 600)", len(hs))
	}
	unacked := 0
	for _, h := range hs {
		if !h.Acked() {
			unacked++
		}
		if h.Day > testNow.Format(time.DateOnly) {
			t.Fatalf("a handover of %s, after the demo's today", h.Day)
		}
	}
	if unacked != 1 || hs[0].Acked() {
		t.Fatalf("%d handovers not acknowledged (latest acknowledged: %v), want only the latest", unacked, hs[0].Acked())
	}
	if hs[0].WrittenBy != "值班员李明" && hs[0].WrittenBy != "值班员张华" {
		t.Fatalf("the latest handover is by %q, want a duty staff member", hs[0].WrittenBy)
	}
}
