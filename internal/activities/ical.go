package activities

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ICalendar writes activities as an iCalendar (RFC 5545) feed for
// calendar programs: one VEVENT each, times in UTC, a cancelled activity
// marked CANCELLED. base is the site's address, for the events' links.
func ICalendar(name, base string, acts []Activity, now time.Time) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//shuwu//activities//ZH")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escapeText(name))
	line("X-WR-TIMEZONE:Asia/Shanghai")
	stamp := now.UTC().Format("20060102T150405Z")
	for _, a := range acts {
		line("BEGIN:VEVENT")
		line(fmt.Sprintf("UID:activity-%d@shuwu", a.ID))
		line("DTSTAMP:" + stamp)
		line("DTSTART:" + a.Start.UTC().Format("20060102T150405Z"))
		line("DTEND:" + a.End.UTC().Format("20060102T150405Z"))
		line("LAST-MODIFIED:" + a.UpdatedAt.UTC().Format("20060102T150405Z"))
		line("SUMMARY:" + escapeText(a.Title))
		if a.SpaceName != "" {
			line("LOCATION:" + escapeText(a.SpaceName))
		}
		desc := a.FormLabel + " · " + a.Organiser
		if a.Host != "" {
			desc += " · 主讲：" + a.Host
		}
		if a.Description != "" {
			desc += "\n" + a.Description
		}
		line("DESCRIPTION:" + escapeText(desc))
		line("CATEGORIES:" + escapeText(a.FormLabel))
		line("ORGANIZER;CN=" + paramText(a.Organiser) + ":mailto:noreply@shuwu.invalid")
		if base != "" {
			line(fmt.Sprintf("URL:%s/opac/activities/%d", strings.TrimRight(base, "/"), a.ID))
		}
		if a.Status == Cancelled {
			line("STATUS:CANCELLED")
		} else {
			line("STATUS:CONFIRMED")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.String()
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and
// newlines.
func escapeText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// paramText quotes a parameter value, which may hold no double quote.
func paramText(s string) string {
	s = strings.NewReplacer(`"`, "'", "\r", " ", "\n", " ").Replace(s)
	return `"` + s + `"`
}

// fold ends a content line with CRLF, folded so no line is longer than 75
// octets (a continuation's leading space counted), never inside a UTF-8
// character.
func fold(s string) string {
	var b strings.Builder
	n, limit := 0, 75
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		if n+size > limit {
			b.WriteString("\r\n ")
			n, limit = 0, 74
		}
		b.WriteString(s[:size])
		s, n = s[size:], n+size
	}
	b.WriteString("\r\n")
	return b.String()
}
