package app_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
)

// BenchmarkSoak50Desks is the mixed desk workload for a long while: 50
// desks on the demo data each lend, read in the room and take back their
// own copies,
// as fast as the server answers, for SHUWU_SOAK (default 10m). It reports
// the throughput, p50/p99, the errors (must be 0) and the heap and
// goroutines after a GC at the first and the last minute (memory flat:
// nothing grows with the requests served). Run it with -benchtime 1x.
func BenchmarkSoak50Desks(b *testing.B) {
	const clients, perDesk = 50, 4
	soak := 10 * time.Minute
	if v := os.Getenv("SHUWU_SOAK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			b.Fatal(err)
		}
		soak = d
	}
	a, err := app.Open(context.Background(), demoConfig(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := a.Listen(); err != nil {
		b.Fatal(err)
	}
	go a.Serve()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		a.Shutdown(ctx)
		a.Close()
	}()
	rs, items := deskFixture(b, a, clients, clients*perDesk)
	if _, err := a.Auth.CreateUser(audit.WithActor(context.Background(), audit.System), "benchdesk", "基准", audit.RoleDuty, "bench-password"); err != nil {
		b.Fatal(err)
	}
	token := benchLogin(b, &http.Client{}, a.URL())
	var errors atomic.Int64
	lat := make([][]time.Duration, clients)
	type sample struct {
		at         time.Duration
		heapMB     float64
		goroutines int
	}
	var samples []sample
	sampleNow := func(at time.Duration) {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		samples = append(samples, sample{at, float64(m.HeapInuse) / (1 << 20), runtime.NumGoroutine()})
	}
	b.ResetTimer()
	start := time.Now()
	deadline := start.Add(soak)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		d, err := dialDesk(a.URL(), token)
		if err != nil {
			b.Fatal(err)
		}
		defer d.Close()
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			card := rs[c].Card
			for n := 0; time.Now().Before(deadline); n++ {
				it := items[c*perDesk+n%perDesk].Barcode
				for _, step := range []struct{ path, body string }{
					{"/api/v1/inroom", `{"reader":"` + card + `","item":"` + it + `"}`},
					{"/api/v1/checkout", `{"reader":"` + card + `","item":"` + it + `"}`},
					{"/api/v1/checkin", `{"item":"` + it + `"}`},
				} {
					sent := time.Now()
					status, answer, err := d.post(step.path, step.body)
					if err != nil || status >= 300 {
						if errors.Add(1) <= 3 {
							b.Logf("%s: %d %s %v", step.path, status, answer, err)
						}
						continue
					}
					lat[c] = append(lat[c], time.Since(sent))
				}
			}
		}(c)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	tick := time.NewTicker(time.Minute)
	sampleNow(0)
	for waiting := true; waiting; {
		select {
		case <-tick.C:
			sampleNow(time.Since(start))
		case <-done:
			waiting = false
		}
	}
	tick.Stop()
	elapsed := time.Since(start)
	sampleNow(elapsed)
	b.StopTimer()
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	if len(all) == 0 {
		b.Fatal("no request answered")
	}
	if n := errors.Load(); n > 0 {
		b.Errorf("%d requests failed", n)
	}
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "requests/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(errors.Load()), "errors")
	first, last := samples[1%len(samples)], samples[len(samples)-1]
	b.ReportMetric(first.heapMB, "heap-MB-first-min")
	b.ReportMetric(last.heapMB, "heap-MB-end")
	for _, s := range samples {
		b.Log(fmt.Sprintf("%6s heap %.1f MB, %d goroutines", s.at.Round(time.Second), s.heapMB, s.goroutines))
	}
}
