package visits_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/store"
	"shuwu/internal/testkit"
	"shuwu/internal/visits"
)

// BenchmarkClassArrivesAtTheDoor is a class of 90 arriving in five
// minutes at one scanner (a scan every 3.3 s on the clock), on a room
// whose ledger already holds a year of daily visits (150 a day): each
// scan reads the card, the class, the reader's last line, writes the
// ledger line and reads the occupancy the desk shows. The 91st scan on
// is the class leaving and coming back, so every scan writes.
func BenchmarkClassArrivesAtTheDoor(b *testing.B) {
	k := testkit.New(b)
	c := k.Class("2024年秋季学期主体班", "2024-09-01", "2024-11-30")
	var class []readers.Reader
	for i := 0; i < 90; i++ {
		class = append(class, k.Trainee(fmt.Sprintf("学员%02d", i+1), c))
	}
	others := make([]int64, 300)
	for i := range others {
		others[i] = k.Reader(fmt.Sprintf("读者%03d", i)).ID
	}
	// A year of visits before today: 150 a day, most by cardholders.
	start := k.Clock.Now().AddDate(-1, 0, 0)
	err := k.DB.Update(k.Ctx, func(tx *store.Tx) error {
		for d := 0; d < 365; d++ {
			day := start.AddDate(0, 0, d)
			for v := 0; v < 150; v++ {
				e := ledger.Entry{Kind: ledger.Visit, At: day.Add(time.Duration(v) * 4 * time.Minute), SpaceID: 1, Detail: `{"via":"desk"}`}
				if v%10 != 0 {
					e.ReaderID = others[(d*150+v)%len(others)]
				}
				if err := tx.AppendLedger(&e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	k.Clock.Set(time.Date(2024, 9, 2, 8, 30, 0, 0, testkit.Shanghai))
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k.Clock.Set(k.Clock.Now().Add(3300 * time.Millisecond))
		t0 := time.Now()
		res, err := k.Visits.Scan(k.Ctx, class[i%len(class)].Card, visits.Kiosk)
		d = append(d, time.Since(t0))
		if err != nil || !res.Counted {
			b.Fatalf("scan %d: %+v %v", i, res, err)
		}
	}
	b.StopTimer()
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	p := func(q float64) float64 { return float64(d[int(q*float64(len(d)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(p(0.50), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}
