package app

import (
	"testing"
	"time"
)

func TestTheDailyBackupIsAtTheSetTimeInTheLibrarysZone(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	for _, c := range []struct{ now, want string }{
		{"2026-12-04 01:00", "2026-12-04 02:30"},
		{"2026-12-04 02:30", "2026-12-05 02:30"}, // just done: tomorrow
		{"2026-12-04 23:59", "2026-12-05 02:30"},
		{"2026-12-31 03:00", "2027-01-01 02:30"},
	} {
		now, _ := time.ParseInLocation("2006-01-02 15:04", c.now, sh)
		if got := nextBackup(now.UTC(), "02:30", sh).In(sh).Format("2006-01-02 15:04"); got != c.want {
			t.Errorf("at %s the next backup is %s, want %s", c.now, got, c.want)
		}
	}
}
