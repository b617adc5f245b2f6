package demo

import (
	"fmt"
	"time"

	"shuwu/internal/settings"
)

// calendar mirrors the library's open days, so that the simulation plans
// visits to the desk only on days it is open, as readers do.
type calendar struct {
	rules  settings.Rules
	closed map[string]bool
	tz     *time.Location
}

func newCalendar(rules settings.Rules, tz *time.Location) calendar {
	return calendar{rules: rules, closed: map[string]bool{}, tz: tz}
}

// open reports whether the room opens on day d.
func (c calendar) open(d time.Time) bool {
	return !c.rules.Closed(d.Weekday()) && !c.closed[d.Format(time.DateOnly)]
}

// onOrAfter returns d or the first open day after it.
func (c calendar) onOrAfter(d time.Time) time.Time {
	for i := 0; i < 60 && !c.open(d); i++ {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// addOpen returns the day n open days after d (n may be 0: d itself, moved
// to an open day).
func (c calendar) addOpen(d time.Time, n int) time.Time {
	d = c.onOrAfter(d)
	for ; n > 0; n-- {
		d = c.onOrAfter(d.AddDate(0, 0, 1))
	}
	return d
}

// holiday is a closed date with its reason.
type holiday struct{ date, reason string }

// springFestival gives the first day of the Spring Festival break by year;
// the lunar calendar cannot be computed from a formula.
var springFestival = map[int]string{
	2023: "2023-01-21", 2024: "2024-02-10", 2025: "2025-01-28", 2026: "2026-02-15",
	2027: "2027-02-05", 2028: "2028-01-25", 2029: "2029-02-12", 2030: "2030-02-02",
}

// holidays lists the public holidays the room closes for, from its opening
// year to last: National Day week, the Spring Festival week, Labour Day
// and New Year's Day.
func holidays(last int) []holiday {
	var out []holiday
	span := func(first string, days int, reason string) {
		d, _ := time.Parse(time.DateOnly, first)
		for i := 0; i < days; i++ {
			out = append(out, holiday{d.AddDate(0, 0, i).Format(time.DateOnly), reason})
		}
	}
	for y := 2022; y <= last+1; y++ {
		if y > 2022 {
			span(fmt.Sprintf("%d-01-01", y), 1, "元旦")
			if sf, ok := springFestival[y]; ok {
				span(sf, 7, "春节")
			}
			span(fmt.Sprintf("%d-05-01", y), 5, "劳动节")
		}
		span(fmt.Sprintf("%d-10-01", y), 7, "国庆节")
	}
	return out
}
