package stats_test

import (
	"testing"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/stats"
	"shuwu/internal/testkit"
)

// FuzzParseRange: whatever is typed, a range comes back whole (both days
// valid, in order, at most ten years) or is refused with a STATS_ code;
// the previous period is as long and ends the day before.
func FuzzParseRange(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"2024-09-01", "2024-09-30"}, {"2024-02-30", ""}, {"2024-09-10", "2024-09-01"}, {"0001-01-01", "9999-12-31"}, {"2024-9-1", "2024/09/30"}, {"２０２４-01-01", ""}} {
		f.Add(s[0], s[1])
	}
	now := time.Date(2024, 9, 2, 10, 0, 0, 0, testkit.Shanghai)
	s := stats.NewService(nil, testkit.Shanghai, func() time.Time { return now })
	f.Fuzz(func(t *testing.T, from, to string) {
		r, err := s.ParseRange(from, to)
		if err != nil {
			if c := errs.As(err).Code; c != stats.CodeStatsDateInvalid && c != stats.CodeStatsRangeBackwards && c != stats.CodeStatsRangeTooLong {
				t.Fatalf("%q %q: %v", from, to, err)
			}
			return
		}
		f, e1 := time.Parse(time.DateOnly, r.From)
		l, e2 := time.Parse(time.DateOnly, r.To)
		if e1 != nil || e2 != nil || l.Before(f) || r.Days() < 1 || r.Days() > stats.MaxDays {
			t.Fatalf("%q %q gave %+v (%d days)", from, to, r, r.Days())
		}
		p := r.Previous()
		pl, _ := time.Parse(time.DateOnly, p.To)
		if p.Days() != r.Days() || !pl.AddDate(0, 0, 1).Equal(f) {
			t.Fatalf("previous of %+v is %+v", r, p)
		}
	})
}
