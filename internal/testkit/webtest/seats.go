package webtest

import (
	"context"
	"testing"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/seats"
)

// SeatsNow switches seat reservations on with tables A (10 seats) and B
// (4 seats) in the reading room, and opens the room every day, all day,
// so a test can reserve and check in now whatever the hour and weekday it
// runs.
func SeatsNow(tb testing.TB, a *app.App) []seats.Table {
	tb.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	sp, err := a.Room.Space(ctx, seats.DefaultSpaceID)
	if err != nil {
		tb.Fatal(err)
	}
	sp.Opens, sp.Closes = "00:00", "23:59"
	if _, err := a.Room.SaveSpace(ctx, sp); err != nil {
		tb.Fatal(err)
	}
	r, err := a.Circulation.Rules(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	r.ClosedWeekdays = nil
	if err := a.Circulation.SaveRules(ctx, r); err != nil {
		tb.Fatal(err)
	}
	if _, err := a.Seats.SaveSettings(ctx, seats.Settings{Enabled: true, NoShowMinutes: 15}); err != nil {
		tb.Fatal(err)
	}
	var out []seats.Table
	for _, d := range []seats.TableDraft{{Name: "A", Row: 1, Col: 1, Seats: 10}, {Name: "B", Row: 1, Col: 2, Seats: 4}} {
		t, err := a.Seats.SaveTable(ctx, d)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, t)
	}
	return out
}
