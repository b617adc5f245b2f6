package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// BenchmarkVisitScanAtTheDesk is entry registration as the desk page and
// the door tablet post it (htmx): the scan, the answer, the occupancy
// and today's lines, on the demo data set. Each scan is a reader not yet
// in (the demo's readers in turn), so each writes a ledger line.
func BenchmarkVisitScanAtTheDesk(b *testing.B) {
	s := demoSite(b)
	ctx := audit.WithActor(context.Background(), audit.System)
	var cards []string
	for n := 1; len(cards) < b.N && n <= 20; n++ {
		rs, _, err := s.a.Readers.List(ctx, readers.Filter{Number: n, Size: 200})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			cards = append(cards, r.Card)
		}
	}
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		form := url.Values{"code": {cards[i%len(cards)]}, "via": {"desk"}}
		req := visitPost("/visits/scan", form)
		t, rec := s.serve(b, req)
		d = append(d, t)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "visit-result") {
			b.Fatalf("scan %d: %d %s", i, rec.Code, rec.Body.String())
		}
	}
	b.StopTimer()
	reportPercentiles(b, d)
}

func visitPost(path string, form url.Values) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, "http://shuwu.test"+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return req
}
