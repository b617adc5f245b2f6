package circulation

import (
	"time"

	"shuwu/internal/settings"
)

// Calendar knows which days the library is open.
type Calendar struct {
	Rules  settings.Rules
	Closed map[string]bool // YYYY-MM-DD
}

// Open reports whether the library opens on date d.
func (c Calendar) Open(d time.Time) bool {
	return !c.Rules.Closed(d.Weekday()) && !c.Closed[d.Format(time.DateOnly)]
}

// maxCalendarScan bounds the search for an open day, so a calendar closed
// for a whole year cannot loop forever.
const maxCalendarScan = 400

// OnOrAfter returns d, or the first open day after it: a due date never
// falls on a closed day.
func (c Calendar) OnOrAfter(d time.Time) time.Time {
	for i := 0; i < maxCalendarScan && !c.Open(d); i++ {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// OnOrBefore returns d, or the last open day before it, but not before floor.
func (c Calendar) OnOrBefore(d, floor time.Time) time.Time {
	for i := 0; i < maxCalendarScan && !c.Open(d) && d.After(floor); i++ {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// AddOpenDays returns the day n open days after d.
func (c Calendar) AddOpenDays(d time.Time, n int) time.Time {
	for i := 0; i < maxCalendarScan && n > 0; i++ {
		d = d.AddDate(0, 0, 1)
		if c.Open(d) {
			n--
		}
	}
	return d
}

// DueDate is the due date of a loan of days counted from start, moved to
// an open day, and cut back to the card's last valid day so that trainees'
// books come back before they leave (结业清还).
func (c Calendar) DueDate(start time.Time, days int, expiry string) time.Time {
	due := c.OnOrAfter(start.AddDate(0, 0, days))
	if exp, err := time.Parse(time.DateOnly, expiry); err == nil && due.After(exp) && !exp.Before(start) {
		due = c.OnOrBefore(exp, start)
	}
	return due
}

// daysBetween counts whole days from a to b (both dates).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// CalendarReader is what reading the calendar needs from a transaction:
// the lending rules' setting and the closed days.
type CalendarReader interface {
	Setting(key string) (string, error)
	ClosedDays(from string) ([]ClosedDay, error)
}

// ReadCalendar is the lending calendar from day from on: the closed
// weekdays of the rules and the closed days. The room and entry
// registration open and close by it too.
func ReadCalendar(tx CalendarReader, from time.Time) (Calendar, error) {
	raw, err := tx.Setting(settings.Key)
	if err != nil {
		return Calendar{}, err
	}
	r, err := settings.Parse(raw)
	if err != nil {
		return Calendar{}, err
	}
	days, err := tx.ClosedDays(from.Format(time.DateOnly))
	if err != nil {
		return Calendar{}, err
	}
	cal := Calendar{Rules: r, Closed: map[string]bool{}}
	for _, d := range days {
		cal.Closed[d.Date] = true
	}
	return cal, nil
}
