package catalog

import (
	"fmt"
	"unicode/utf8"

	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Bounds of a required-reading list, so it fits a page and a printout.
const (
	maxListNameRunes     = 60
	maxListAudienceRunes = 100
	maxListDescRunes     = 2000
	maxListNoteRunes     = 300
	maxListRecords       = 500
)

// normalizeReadingList trims what a person typed, drops repeated books
// (the first place counts) and notes of books not on the list, and checks
// the bounds.
func normalizeReadingList(l *ReadingList) error {
	l.Name, l.Audience, l.Description = plaintext.Line(l.Name), plaintext.Line(l.Audience), plaintext.Text(l.Description)
	switch {
	case l.Name == "":
		return errs.Invalid(errs.CodeNameRequired, "name", "书目单名称不能为空", "name is required")
	case utf8.RuneCountInString(l.Name) > maxListNameRunes:
		return errs.Invalid(CodeReadingListTooLong, "name", fmt.Sprintf("名称不能超过 %d 个字", maxListNameRunes), fmt.Sprintf("the name may have at most %d characters", maxListNameRunes))
	case utf8.RuneCountInString(l.Audience) > maxListAudienceRunes:
		return errs.Invalid(CodeReadingListTooLong, "audience", fmt.Sprintf("适用对象不能超过 %d 个字", maxListAudienceRunes), fmt.Sprintf("the audience may have at most %d characters", maxListAudienceRunes))
	case utf8.RuneCountInString(l.Description) > maxListDescRunes:
		return errs.Invalid(CodeReadingListTooLong, "description", fmt.Sprintf("说明不能超过 %d 个字", maxListDescRunes), fmt.Sprintf("the description may have at most %d characters", maxListDescRunes))
	}
	seen := map[int64]bool{}
	ids := l.RecordIDs[:0:0]
	for _, id := range l.RecordIDs {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) > maxListRecords {
		return errs.Invalid(CodeReadingListTooLong, "record_ids", fmt.Sprintf("一个书目单最多 %d 种书", maxListRecords), fmt.Sprintf("a list may hold at most %d titles", maxListRecords))
	}
	l.RecordIDs = ids
	notes := map[int64]string{}
	for id, n := range l.Notes {
		n = plaintext.Text(n)
		if n == "" || !seen[id] {
			continue
		}
		if utf8.RuneCountInString(n) > maxListNoteRunes {
			return errs.Invalid(CodeReadingListTooLong, "notes", fmt.Sprintf("每种书的推荐语不能超过 %d 个字", maxListNoteRunes), fmt.Sprintf("a note may have at most %d characters", maxListNoteRunes))
		}
		notes[id] = n
	}
	l.Notes = notes
	if len(notes) == 0 {
		l.Notes = nil
	}
	return nil
}
