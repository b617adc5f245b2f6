package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkDiskFsync measures what one durable commit cannot beat on this
// machine: appending 16 KiB (a checkout's WAL frames) to a file and
// fsyncing it, back to back. Its p99 bounds every durable write's p99.
func BenchmarkDiskFsync(b *testing.B) {
	f, err := os.Create(filepath.Join(b.TempDir(), "fsync.dat"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 16<<10)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.Write(buf); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	reportLatency(b, lat)
}

// BenchmarkDurableUpdate50 runs one-row durable transactions from 50
// goroutines: the engine's raw durable transaction rate under the desks'
// concurrency. On SQLite that is group commit with the fsync beside the
// writer; on PostgreSQL (SHUWU_TEST_PG) 50 ordinary transactions at once,
// which PostgreSQL's own group commit of the WAL flush shares.
func BenchmarkDurableUpdate50(b *testing.B) {
	db := openAny(b)
	start := time.Now()
	var mu sync.Mutex
	var n atomic.Int64
	lat := make([]time.Duration, 0, b.N)
	b.SetParallelism(25) // 25 × GOMAXPROCS (2 here) = 50 goroutines
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			start := time.Now()
			err := db.Update(context.Background(), func(tx *Tx) error {
				_, err := tx.exec(`INSERT INTO settings(key, value) VALUES (?, 'x')`, fmt.Sprint("bench", n.Add(1)))
				return err
			})
			if err != nil {
				b.Error(err)
				return
			}
			d := time.Since(start)
			mu.Lock()
			lat = append(lat, d)
			mu.Unlock()
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tx/s")
	reportLatency(b, lat)
}

// BenchmarkDurableUpdate1 runs one-row durable transactions back to back
// from one goroutine: each waits for its own commit to reach the disk.
func BenchmarkDurableUpdate1(b *testing.B) {
	db := openAny(b)
	lat := make([]time.Duration, 0, b.N)
	start := time.Now()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		err := db.Update(context.Background(), func(tx *Tx) error {
			_, err := tx.exec(`INSERT INTO settings(key, value) VALUES (?, 'x')`, fmt.Sprint("bench", i))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tx/s")
	reportLatency(b, lat)
}

func reportLatency(b *testing.B, lat []time.Duration) {
	b.StopTimer()
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}
