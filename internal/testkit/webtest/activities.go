package webtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// ActivityNow plans an activity of capacity people in the reading room
// (space 3, its hours opened to the whole day) whose sign-in is open now
// in the library's time zone, whatever the hour the test runs: it starts
// in ten minutes, or, late in the evening, a little before now.
func ActivityNow(tb testing.TB, a *app.App, title string, capacity int) activities.Activity {
	tb.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	sp, err := a.Room.Space(ctx, 3)
	if err != nil {
		tb.Fatal(err)
	}
	sp.Opens, sp.Closes = "00:00", "23:59"
	if _, err := a.Room.SaveSpace(ctx, sp); err != nil {
		tb.Fatal(err)
	}
	now := time.Now().In(a.Config.Location()).Truncate(time.Minute)
	start := now.Add(10 * time.Minute)
	end := start.Add(90 * time.Minute)
	if end.Day() != now.Day() {
		start = now.Add(-5 * time.Minute)
		end = time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, now.Location())
	}
	act, err := a.Activities.Create(ctx, activities.Draft{Title: title, Form: activities.FormSharing, Organiser: "校机关一支部", Host: "李老师",
		Date: start.Format(time.DateOnly), From: start.Format("15:04"), To: end.Format("15:04"), SpaceID: 3, Capacity: capacity, Audience: "open"})
	if err != nil {
		tb.Fatal(err)
	}
	return act
}

// MoreReaders registers n more staff readers (教职工) with the fixture's
// password, named 王五, 赵六 …
func MoreReaders(tb testing.TB, a *app.App, n int) []readers.Reader {
	tb.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	types, err := a.Readers.Types(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var staff int64
	for _, t := range types {
		if t.Code == readers.TypeStaff {
			staff = t.ID
		}
	}
	names := []string{"王五", "赵六", "钱七", "孙八", "周九", "吴十"}
	var out []readers.Reader
	for i := 0; i < n; i++ {
		name := names[i%len(names)]
		if i >= len(names) {
			name = fmt.Sprintf("%s%d", name, i/len(names)+1)
		}
		r, err := a.Readers.Create(ctx, readers.Reader{Name: name, TypeID: staff})
		if err != nil {
			tb.Fatal(err)
		}
		if err := a.Auth.SetReaderPassword(ctx, r.Card, Password); err != nil {
			tb.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}
