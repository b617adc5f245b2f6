package activities

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestICalendarEscapesAndFoldsLikeRFC5545(t *testing.T) {
	tz := time.FixedZone("CST", 8*3600)
	a := Activity{ID: 7, Title: "喜迎党的二十大——学习《习近平谈治国理政》（第四卷）读原著诵经典读书分享活动, 第一场; 下午", FormLabel: "读书分享会",
		Organiser: `2022年度秋季科干班"临时党支部"`, Host: "李老师", SpaceName: "书屋（全室）",
		Start: time.Date(2022, 9, 15, 15, 0, 0, 0, tz), End: time.Date(2022, 9, 15, 17, 0, 0, 0, tz),
		Description: "每人分享一章。\n请带上笔记本\\", Status: Cancelled}
	out := ICalendar("党建书屋 活动", "http://127.0.0.1:8080/", []Activity{a}, time.Date(2022, 9, 1, 0, 0, 0, 0, time.UTC))
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", out)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("a fold split a character: %q", l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{
		"UID:activity-7@shuwu\r\n", "DTSTART:20220915T070000Z\r\n", "DTEND:20220915T090000Z\r\n",
		`SUMMARY:喜迎党的二十大——学习《习近平谈治国理政》（第四卷）读原著诵经典读书分享活动\, 第一场\; 下午` + "\r\n",
		`DESCRIPTION:读书分享会 · 2022年度秋季科干班"临时党支部" · 主讲：李老师\n每人分享一章。\n请带上笔记本\\` + "\r\n",
		`ORGANIZER;CN="2022年度秋季科干班'临时党支部'":mailto:`, "LOCATION:书屋（全室）\r\n",
		"URL:http://127.0.0.1:8080/opac/activities/7\r\n", "STATUS:CANCELLED\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("feed lacks %q:\n%s", want, unfolded)
		}
	}
}
