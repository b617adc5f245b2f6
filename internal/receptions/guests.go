package receptions

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// ParseGuests reads the visitors as a librarian types them, one a line:
// the name, then a space (or a comma, a colon or a tab) and the title,
// e.g. "张明 州委常委、组织部部长". A line with only a name has no title;
// blank lines are skipped. A mistake names its line.
func ParseGuests(text string) ([]Guest, error) {
	var out []Guest
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimFunc(line, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || isSep(r) })
		if line == "" {
			continue
		}
		name, title := line, ""
		if k := strings.IndexFunc(line, isSep); k > 0 {
			name, title = line[:k], strings.TrimLeftFunc(line[k:], isSep)
		}
		title = strings.Join(strings.Fields(title), " ")
		g, err := checkGuest(Guest{Name: name, Title: title}, i+1)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	if len(out) > MaxGuests {
		return nil, invalid("guests", fmt.Sprintf("来访人员最多填写 %d 位", MaxGuests), fmt.Sprintf("at most %d visitors", MaxGuests))
	}
	return out, nil
}

// isSep is what may stand between a name and a title.
func isSep(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == ',' || r == '，' || r == ':' || r == '：'
}

// checkGuest checks one visitor; line is its line in the form (0: none).
func checkGuest(g Guest, line int) (Guest, error) {
	g.Name, g.Title = plaintext.Line(g.Name), plaintext.Line(g.Title)
	at, atEn := "", ""
	if line > 0 {
		at, atEn = fmt.Sprintf("第 %d 行：", line), fmt.Sprintf("line %d: ", line)
	}
	switch {
	case g.Name == "":
		return g, invalid("guests", at+"请填写来访人员姓名", atEn+"give the visitor's name")
	case utf8.RuneCountInString(g.Name) > MaxName:
		return g, invalid("guests", fmt.Sprintf("%s姓名“%s”超过 %d 个字；姓名和职务之间请用空格隔开", at, clip(g.Name), MaxName),
			fmt.Sprintf("%sthe name “%s” is longer than %d characters; put a space between the name and the title", atEn, clip(g.Name), MaxName))
	case utf8.RuneCountInString(g.Title) > MaxTitle:
		return g, invalid("guests", fmt.Sprintf("%s职务超过 %d 个字", at, MaxTitle), fmt.Sprintf("%sthe title is longer than %d characters", atEn, MaxTitle))
	}
	return g, nil
}

// FormatGuests writes guests back as ParseGuests reads them.
func FormatGuests(gs []Guest) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.Name)
		if g.Title != "" {
			b.WriteString(" " + g.Title)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}

func invalid(field, zh, en string) error { return errs.Invalid(CodeReceptionInvalid, field, zh, en) }
