package weeding_test

import (
	"strings"
	"testing"
	"time"

	"shuwu/internal/testkit"
	"shuwu/internal/weeding"
)

// FuzzCheck: whatever rules come in (a query string, a JSON body), Check
// never panics, and rules it accepts have a rule switched on, bounded
// numbers and an upper-case CLC range whose end does not sort before its
// start.
func FuzzCheck(f *testing.F) {
	f.Add(5, 0, "", "", int64(0), true, false)
	f.Add(0, 2018, "d0", "d9", int64(1), false, true)
	f.Add(-1, 99999, "I", "D", int64(-3), true, true)
	f.Add(3, 0, " a ", "", int64(0), false, false)
	s := weeding.NewService(nil, testkit.Shanghai, func() time.Time { return time.Date(2026, 12, 7, 10, 0, 0, 0, testkit.Shanghai) }, nil)
	f.Fuzz(func(t *testing.T, idle, before int, from, to string, loc int64, damaged, superseded bool) {
		r := weeding.Rules{IdleYears: idle, AcquiredBefore: before, CLCFrom: from, CLCTo: to, LocationID: loc, Damaged: damaged, Superseded: superseded}
		if err := s.Check(&r); err != nil {
			return
		}
		switch {
		case !r.Any():
			t.Fatalf("accepted with no rule: %+v", r)
		case r.IdleYears < 0 || r.IdleYears > weeding.MaxIdleYears || r.LocationID < 0:
			t.Fatalf("accepted out of bounds: %+v", r)
		case r.CLCFrom != strings.ToUpper(r.CLCFrom) || r.CLCTo != strings.ToUpper(r.CLCTo):
			t.Fatalf("range not upper-cased: %+v", r)
		case (r.CLCFrom == "") != (r.CLCTo == ""):
			t.Fatalf("half a range: %+v", r)
		case r.CLCFrom > r.CLCTo && !strings.HasPrefix(r.CLCFrom, r.CLCTo):
			t.Fatalf("end before start: %+v", r)
		}
	})
}
