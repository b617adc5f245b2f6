package webtest

import (
	"testing"
	"time"
)

func addDays(tb testing.TB, day string, n int) string {
	tb.Helper()
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		tb.Fatal(err)
	}
	return t.AddDate(0, 0, n).Format(time.DateOnly)
}
