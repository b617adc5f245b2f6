// Package datefmt writes dates the way people read them: 2026年12月30日 in
// Chinese, 30 Dec 2026 in English. Templates, domain messages and exports
// share it, so no page or message shows an ISO date (2026-12-30) to a
// person. Dates are days in the library's time zone; stored timestamps are
// converted to it first.
package datefmt

import (
	"fmt"
	"time"
)

// Chinese writes t's day as 2026年12月30日.
func Chinese(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// English writes t's day as 30 Dec 2026.
func English(t time.Time) string { return t.Format("2 Jan 2006") }

// ChineseDay writes an ISO day (2026-12-30) as 2026年12月30日; anything
// that is not an ISO day comes back as it was.
func ChineseDay(day string) string { return onDay(day, Chinese) }

// EnglishDay writes an ISO day (2026-12-30) as 30 Dec 2026; anything that
// is not an ISO day comes back as it was.
func EnglishDay(day string) string { return onDay(day, English) }

func onDay(day string, f func(time.Time) string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return f(t)
}

// Day writes v — an ISO day string, a time.Time or a *time.Time — in lang
// ("en" for English, anything else Chinese). Times are shown in tz; an
// empty string, a zero time or a nil pointer is "".
func Day(lang string, v any, tz *time.Location) string {
	var t time.Time
	switch x := v.(type) {
	case string:
		if x == "" {
			return ""
		}
		p, err := time.Parse(time.DateOnly, x)
		if err != nil {
			return x
		}
		t = p
	case time.Time:
		if x.IsZero() {
			return ""
		}
		t = x.In(tz)
	case *time.Time:
		if x == nil || x.IsZero() {
			return ""
		}
		t = x.In(tz)
	default:
		return fmt.Sprint(v)
	}
	if lang == "en" {
		return English(t)
	}
	return Chinese(t)
}

// DayTime writes a moment as its day and the time of day in tz
// (2026年12月30日 14:05).
func DayTime(lang string, t time.Time, tz *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return Day(lang, t, tz) + " " + t.In(tz).Format("15:04")
}
