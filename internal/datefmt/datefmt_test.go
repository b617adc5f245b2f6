package datefmt

import (
	"testing"
	"time"
)

func TestDaysReadAsPeopleWriteThem(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	late := time.Date(2026, 12, 29, 17, 30, 0, 0, time.UTC) // 30 Dec, 01:30 in Shanghai
	for _, c := range []struct {
		lang string
		v    any
		want string
	}{
		{"zh", "2026-12-30", "2026年12月30日"},
		{"zh", "2026-01-05", "2026年1月5日"},
		{"en", "2026-12-30", "30 Dec 2026"},
		{"zh", late, "2026年12月30日"},
		{"en", &late, "30 Dec 2026"},
		{"zh", "", ""},
		{"zh", time.Time{}, ""},
		{"zh", (*time.Time)(nil), ""},
		{"zh", "长期有效", "长期有效"},
	} {
		if got := Day(c.lang, c.v, shanghai); got != c.want {
			t.Errorf("Day(%s, %v) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
	if got := DayTime("zh", late, shanghai); got != "2026年12月30日 01:30" {
		t.Errorf("DayTime = %q", got)
	}
	if ChineseDay("2026-12-30") != "2026年12月30日" || EnglishDay("2026-12-30") != "30 Dec 2026" || ChineseDay("bad") != "bad" {
		t.Error("ChineseDay / EnglishDay")
	}
}
