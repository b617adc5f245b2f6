package catalog

import "strings"

// Roles are the role words (责任方式) a name in a responsibility statement
// ends in, longest first so that 选编 is not read as 选 + 编.
var Roles = []string{"主编", "编著", "编译", "编写", "选编", "整理", "改编", "译注", "校注", "撰", "著", "编", "译", "注", "绘"}

// ParseAuthor reads one author as a cataloguer types it: "马克思 著" (the
// role after the last space), "张明主编" (a role word at the end) or a bare
// name. The role is "" when none is given; the name is kept as typed, so
// "张明等主编" is 张明等 with the role 主编.
func ParseAuthor(s string) Author {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, " 　"); i > 0 {
		return Author{Name: strings.TrimSpace(s[:i]), Role: strings.TrimSpace(s[i:])}
	}
	for _, role := range Roles {
		if name, ok := strings.CutSuffix(s, role); ok && name != "" {
			return Author{Name: name, Role: role}
		}
	}
	return Author{Name: s}
}
