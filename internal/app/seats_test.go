package app_test

import (
	"context"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/readers"
	"shuwu/internal/seats"
	"shuwu/internal/testkit"
	"shuwu/internal/testkit/webtest"
)

// The running server releases a reservation nobody checked in to by
// itself: no cron, no request.
func TestTheServerReleasesNoShowSeatsByItself(t *testing.T) {
	old := app.SeatSweep
	app.SeatSweep = 50 * time.Millisecond
	defer func() { app.SeatSweep = old }()
	cfg := testkit.Config(t)
	cfg.Addr = "127.0.0.1:0"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	tables := webtest.SeatsNow(t, a)
	types, err := a.Readers.Types(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Readers.Create(ctx, readers.Reader{Name: "王五", TypeID: types[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(cfg.Location())
	end := now.Add(time.Hour)
	if end.Day() != now.Day() {
		end = time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, now.Location())
	}
	if end.Sub(now) < 5*time.Minute {
		t.Skip("too close to midnight for a slot today")
	}
	rctx := audit.WithActor(context.Background(), audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader})
	res, err := a.Seats.Reserve(rctx, seats.Request{SeatID: tables[0].Seats[0].ID, Date: now.Format(time.DateOnly), From: now.Format("15:04"), To: end.Format("15:04")})
	if err != nil {
		t.Fatal(err)
	}
	// As if the reservation had begun 20 minutes ago (5 past the 15 allowed).
	if err := a.DB.Seats().Update(ctx, func(tx seats.Tx) error {
		got, err := tx.SeatReservation(res.ID)
		if err != nil {
			return err
		}
		got.Start = got.Start.Add(-20 * time.Minute)
		return tx.SetSeatReservation(got)
	}); err != nil {
		t.Fatal(err)
	}
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Serve() }()
	defer func() {
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		a.Shutdown(sctx)
		<-done
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rs, err := a.Seats.Reservations(ctx, seats.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if rs[0].Status == seats.Released {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10 s the reservation is %s; want released by the server", rs[0].Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, err := a.Seats.Board(ctx, time.Now(), time.Now().Add(time.Minute))
	if err != nil || b.Tables[0].States[0].State != seats.Free {
		t.Fatalf("A1 after the release: %+v, %v; want free", b.Tables[0].States[0], err)
	}
}
