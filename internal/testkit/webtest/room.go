package webtest

import (
	"time"

	"shuwu/internal/app"
)

// NextOpenDay is the first weekday (Monday–Friday, the default calendar's
// open days) after today in the library's time zone, as YYYY-MM-DD: a day
// a test can book the room on whatever the date it runs.
func NextOpenDay(a *app.App) string {
	d := time.Now().In(a.Config.Location()).AddDate(0, 0, 1)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d.Format(time.DateOnly)
}
