package settings

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"shuwu/internal/errs"
)

// LibraryKey is the settings-table key the library's own details are
// stored under.
const LibraryKey = "library"

// DefaultInstitution is the name shown until a librarian sets one.
const DefaultInstitution = "党建书屋"

// Library is who the library is: the name printed on certificates, 催还
// slips and page titles, and shown on the reader portal.
type Library struct {
	// Name is the institution's name, e.g. 州委党校党建书屋.
	Name string `json:"name"`
	// NameEn is the name on English pages; empty shows Name.
	NameEn string `json:"name_en,omitempty"`
}

// maxNameRunes bounds a name so it fits a title bar and a slip's header.
const maxNameRunes = 40

// Normalize trims the names.
func (l Library) Normalize() Library {
	l.Name, l.NameEn = strings.TrimSpace(l.Name), strings.TrimSpace(l.NameEn)
	return l
}

// Validate checks the names a person typed.
func (l Library) Validate() error {
	switch {
	case l.Name == "":
		return errs.Invalid(CodeInstitutionRequired, "name", "请填写本馆名称，例如“州委党校党建书屋”", "enter the library's name")
	case utf8.RuneCountInString(l.Name) > maxNameRunes:
		return errs.Invalid(CodeInstitutionTooLong, "name", fmt.Sprintf("本馆名称不能超过 %d 个字", maxNameRunes), fmt.Sprintf("the name may have at most %d characters", maxNameRunes))
	case utf8.RuneCountInString(l.NameEn) > 2*maxNameRunes:
		return errs.Invalid(CodeInstitutionTooLong, "name_en", fmt.Sprintf("英文名称不能超过 %d 个字符", 2*maxNameRunes), fmt.Sprintf("the English name may have at most %d characters", 2*maxNameRunes))
	}
	return nil
}

// ParseLibrary reads the stored details; nothing stored is the default
// name.
func ParseLibrary(raw string) (Library, error) {
	l := Library{Name: DefaultInstitution}
	if raw == "" {
		return l, nil
	}
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return l, fmt.Errorf("parse library settings: %w", err)
	}
	if l.Name == "" {
		l.Name = DefaultInstitution
	}
	return l, nil
}

// Encode is the stored form of l.
func (l Library) Encode() string {
	b, _ := json.Marshal(l)
	return string(b)
}
