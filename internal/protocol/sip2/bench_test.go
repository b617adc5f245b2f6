package sip2_test

import (
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"shuwu/internal/catalog"
)

// BenchmarkCheckoutRoundTrip is one self-check machine lending a book and
// taking it back: 11 → 12 then 09 → 10 over loopback, through the real
// circulation service and a durable SQLite commit each.
func BenchmarkCheckoutRoundTrip(b *testing.B) {
	e := newEnv(b)
	r := e.reader(b, "基准读者")
	it := e.k.Item("基准图书")
	c := e.login(b, "kiosk1")
	co := "11NN" + stamp() + "                  AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|AC|AD" + readerPW + "|"
	ci := "09N" + stamp() + stamp() + "AP大厅|AOSHUWU|AB" + it.Barcode + "|AC|"
	c.do(co) // the PIN is checked once per session
	c.do(ci)
	var checkout time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if got := c.do(co); got.fixed["ok"] != "1" {
			b.Fatalf("checkout: %q", got.raw)
		}
		checkout += time.Since(start)
		if got := c.do(ci); got.fixed["ok"] != "1" {
			b.Fatalf("checkin: %q", got.raw)
		}
	}
	b.ReportMetric(float64(checkout.Microseconds())/float64(b.N), "µs/checkout")
}

// BenchmarkTwentyTerminals is the load: 20 machines, each with its
// own connection and reader, 1,000 transactions apiece (checkouts and
// checkins in turn), all at once. It reports the latency percentiles of a
// transaction as the machine sees it.
func BenchmarkTwentyTerminals(b *testing.B) { twentyTerminals(b, 0) }

// BenchmarkTwentyTerminalsPaced is the same load as self-check machines
// make it: each terminal sends a transaction every 100 ms (10 a second,
// far faster than a reader lays books on the pad; 200 a second for the
// twenty), and a transaction's latency counts from when it was due, so a
// slow answer also delays the ones behind it (no coordinated omission).
// The closed loop above measures how many the server can do; this one
// what a terminal waits at a busy room's pace.
func BenchmarkTwentyTerminalsPaced(b *testing.B) { twentyTerminals(b, 100*time.Millisecond) }

func twentyTerminals(b *testing.B, every time.Duration) {
	const terminals, perTerminal, books = 20, 1000, 5
	e := newEnv(b)
	type machine struct {
		c     *client
		card  string
		items []catalog.Item
	}
	ms := make([]machine, terminals)
	for i := range ms {
		r := e.reader(b, fmt.Sprintf("读者%02d", i))
		ms[i] = machine{c: e.login(b, "kiosk1"), card: r.Card, items: e.k.Items(e.k.Record(fmt.Sprintf("负载图书%02d", i)), books)}
		ms[i].c.do("63019" + stamp() + "          AOSHUWU|AA" + r.Card + "|AD" + readerPW + "|")
	}
	var all []time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		lat := make([][]time.Duration, terminals)
		var wg sync.WaitGroup
		for i := range ms {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				m := ms[i]
				out := make([]time.Duration, 0, perTerminal)
				// Terminals start spread over one interval, as machines
				// switched on at different moments do.
				due := time.Now().Add(every * time.Duration(i) / terminals)
				for t := 0; t < perTerminal; t++ {
					it := m.items[(t/2)%books]
					msg := "09N" + stamp() + stamp() + "AP大厅|AOSHUWU|AB" + it.Barcode + "|AC|"
					if t%2 == 0 {
						msg = "11NN" + stamp() + "                  AOSHUWU|AA" + m.card + "|AB" + it.Barcode + "|AC|AD" + readerPW + "|"
					}
					start := time.Now()
					if every > 0 {
						time.Sleep(time.Until(due))
						start, due = due, due.Add(every)
					}
					got := m.c.do(msg)
					out = append(out, time.Since(start))
					if got.fixed["ok"] != "1" {
						b.Errorf("terminal %d transaction %d: %q", i, t, got.raw)
						return
					}
				}
				lat[i] = out
			}(i)
		}
		wg.Wait()
		for _, l := range lat {
			all = append(all, l...)
		}
	}
	b.StopTimer()
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		return float64(all[int(p*float64(len(all)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
	b.ReportMetric(float64(len(all))/b.Elapsed().Seconds(), "tx/s")
}
