package stats_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/demo"
	"shuwu/internal/ledger"
	"shuwu/internal/stats"
	"shuwu/internal/store"
	"shuwu/internal/testkit/webtest"
)

// A busy room's year: the demo data set (15,000 records, 50,000 copies,
// 2,100 trainees, its own ledger since 2022) and 110,000 more ledger lines
// in the last twelve months — loans, returns, renewals, in-room reading,
// visits and sign-ins by the demo's readers on its copies, in opening
// hours, weekdays busier than weekends.
var (
	busyOnce sync.Once
	busyApp  *app.App
	busyErr  error
	busyRows int
)

const busyExtra = 110_000

func busyRoom(b *testing.B) *app.App {
	b.Helper()
	busyOnce.Do(func() {
		a := webtest.OpenDir(b, "")
		ctx := audit.WithActor(context.Background(), audit.System)
		now := time.Now()
		if _, busyErr = demo.Load(ctx, a.DB, demo.Options{Seed: 2022, Now: now, TZ: a.Config.Location()}); busyErr != nil {
			return
		}
		var loans []ledger.Entry
		busyErr = a.DB.View(ctx, func(tx *store.Tx) error {
			var before int64
			for {
				es, err := tx.LedgerEntries(ledger.Filter{Kinds: []ledger.Kind{ledger.Loan}, Limit: ledger.MaxList, BeforeID: before})
				if err != nil || len(es) == 0 {
					return err
				}
				loans = append(loans, es...)
				before = es[len(es)-1].ID
			}
		})
		if busyErr != nil || len(loans) == 0 {
			return
		}
		rng := rand.New(rand.NewPCG(2026, 12))
		start := now.AddDate(-1, 0, 0)
		kinds := []ledger.Kind{ledger.Loan, ledger.Loan, ledger.Loan, ledger.Return, ledger.Return, ledger.Return, ledger.Renew, ledger.InRoom, ledger.InRoom, ledger.Visit, ledger.Visit, ledger.Visit, ledger.ActivitySignIn}
		for done := 0; done < busyExtra; {
			busyErr = a.DB.Update(ctx, func(tx *store.Tx) error {
				for i := 0; i < 5000; i++ {
					tpl := loans[rng.IntN(len(loans))]
					day := start.AddDate(0, 0, rng.IntN(365))
					if wd := day.Weekday(); (wd == time.Saturday || wd == time.Sunday) && rng.IntN(3) > 0 {
						day = day.AddDate(0, 0, 2)
					}
					at := time.Date(day.Year(), day.Month(), day.Day(), 8+rng.IntN(13), rng.IntN(60), rng.IntN(60), 0, a.Config.Location())
					e := ledger.Entry{Kind: kinds[rng.IntN(len(kinds))], At: at, ReaderID: tpl.ReaderID, ClassID: tpl.ClassID}
					if e.Kind != ledger.Visit && e.Kind != ledger.ActivitySignIn {
						e.ItemID, e.RecordID = tpl.ItemID, tpl.RecordID
					}
					if err := tx.AppendLedger(&e); err != nil {
						return err
					}
				}
				return nil
			})
			if busyErr != nil {
				return
			}
			done += 5000
		}
		busyErr = a.DB.View(ctx, func(tx *store.Tx) error {
			es, err := tx.LedgerEntries(ledger.Filter{From: start, To: now.Add(time.Hour), Limit: 1})
			if len(es) > 0 {
				busyRows = int(es[0].ID)
			}
			return err
		})
		busyApp = a
	})
	if busyErr != nil {
		b.Fatal(busyErr)
	}
	return busyApp
}

// BenchmarkDashboard times each dashboard's figures for the last twelve
// months (and the previous twelve, for the comparison) over the busy
// room.
func BenchmarkDashboard(b *testing.B) {
	a := busyRoom(b)
	s := stats.NewService(a.DB.Stats(), a.Config.Location(), nil)
	today := time.Now().In(a.Config.Location())
	rg := stats.Range{From: today.AddDate(-1, 0, 1).Format(time.DateOnly), To: today.Format(time.DateOnly)}
	ctx := context.Background()
	b.Logf("ledger lines in the store: %d (the last id); range %s … %s", busyRows, rg.From, rg.To)
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"use", func() error { _, err := s.Use(ctx, rg); return err }},
		{"collection", func() error { _, err := s.Collection(ctx, rg); return err }},
		{"classes", func() error { _, err := s.Classes(ctx, rg); return err }},
		{"events", func() error { _, err := s.Events(ctx, rg); return err }},
		{"acquisitions", func() error { _, err := s.Acquisitions(ctx, rg); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
