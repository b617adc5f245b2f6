package transfer_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shuwu/internal/testkit"
	"shuwu/internal/transfer"
)

// timedStore measures how long each transaction an import runs holds the
// database's single writer.
type timedStore struct {
	transfer.Store
	mu      sync.Mutex
	longest time.Duration
	n       int
}

func (s *timedStore) Update(ctx context.Context, fn func(transfer.Tx) error) error {
	return s.Store.Update(ctx, func(tx transfer.Tx) error {
		start := time.Now()
		err := fn(tx)
		s.mu.Lock()
		s.longest, s.n = max(s.longest, time.Since(start)), s.n+1
		s.mu.Unlock()
		return err
	})
}

// stop tells the desk loop the import is over.
var stop atomic.Bool

// bookListCSV is a book list of n rows, one copy each: n different titles,
// or one title n times.
func bookListCSV(n int, oneTitle bool) []byte {
	var b bytes.Buffer
	b.WriteString("题名,作者,出版社,出版年,价格,分类号,册数\n")
	classes := []string{"D26", "D64", "A81", "D2-0", "K27"}
	for i := range n {
		title := fmt.Sprintf("党建读本第%d册", i)
		if oneTitle {
			title = "习近平谈治国理政"
		}
		fmt.Fprintf(&b, "%s,本书编写组,人民出版社,2023,36.00,%s,1\n", title, classes[i%len(classes)])
	}
	return b.Bytes()
}

// BenchmarkDeskDuringImport lends and returns a copy at the desk, over and
// over, while a book list is imported, and reports the desk's latency
// (p50, p99, max) and the longest the import held the writer. Run it with
//
//	go test -run '^$' -bench DeskDuringImport -benchtime 1x -timeout 60m ./internal/transfer/
func BenchmarkDeskDuringImport(b *testing.B) {
	cases := []struct {
		name     string
		rows     int
		oneTitle bool
		atomic   bool
	}{
		{"100k-rows", 100_000, false, false},
		{"100k-rows-all-or-nothing", 100_000, false, true},
		{"5k-rows-one-title-all-or-nothing", 5_000, true, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			data := bookListCSV(c.rows, c.oneTitle)
			for b.Loop() {
				b.StopTimer()
				_, k := newService(b)
				ts := &timedStore{Store: k.DB.Transfer()}
				s := transfer.New(ts, k.Catalog, k.Readers, k.Circulation, testkit.Shanghai, k.Clock.Now)
				reader, item := k.Reader("值班测试读者"), k.Item("借还台测试书")
				b.StartTimer()
				done := make(chan struct{})
				var lat []time.Duration
				var deskErr error
				go func() {
					defer close(done)
					for ctx := k.Ctx; ; {
						select {
						case <-ctx.Done():
							return
						default:
						}
						start := time.Now()
						if _, err := k.Circulation.Checkout(ctx, reader.Card, item.Barcode); err != nil {
							deskErr = err
							return
						}
						if _, err := k.Circulation.Checkin(ctx, item.Barcode, false); err != nil {
							deskErr = err
							return
						}
						lat = append(lat, time.Since(start)/2)
						if stop.Load() {
							return
						}
						time.Sleep(20 * time.Millisecond)
					}
				}()
				began := time.Now()
				rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(data), transfer.BookSheetOptions{
					SheetOptions: transfer.SheetOptions{Name: "list.csv"}, AllOrNothing: c.atomic})
				took := time.Since(began)
				stop.Store(true)
				<-done
				stop.Store(false)
				if err != nil || rep.Items != c.rows {
					b.Fatalf("import: items %d, rejected %d, err %v", rep.Items, rep.Rejected, err)
				}
				if deskErr != nil {
					b.Fatal(deskErr)
				}
				slices.Sort(lat)
				pct := func(p float64) float64 {
					if len(lat) == 0 {
						return 0
					}
					return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
				}
				b.ReportMetric(pct(0.50), "desk-p50-ms")
				b.ReportMetric(pct(0.99), "desk-p99-ms")
				b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "desk-max-ms")
				b.ReportMetric(float64(len(lat)), "desk-ops")
				b.ReportMetric(float64(ts.longest.Microseconds())/1000, "longest-tx-ms")
				b.ReportMetric(float64(ts.n), "import-txs")
				b.ReportMetric(took.Seconds(), "import-s")
				b.Log(strings.TrimSpace(fmt.Sprintf("%s: %d rows in %v, %d transactions", c.name, c.rows, took, ts.n)))
			}
		})
	}
}
