package catalog

import (
	"fmt"
	"unicode/utf8"

	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Limits on what one record may hold, in characters. They keep a record
// well inside ISO 2709's 9,999 bytes a field and 99,999 bytes a record
// (a Chinese character is 3 bytes in UTF-8), so every record entered can
// be exported, and they are far above what a real book needs: the longest
// 中图法 CIP data has a few dozen authors and a dozen subjects.
const (
	MaxAuthors       = 100
	MaxSubjects      = 50
	maxAuthorName    = 100
	maxAuthorRole    = 20
	maxSubject       = 100
	maxTitlePart     = 500 // title, other title, parallel title, statement of responsibility
	maxShortField    = 200 // publisher, place, edition, pages, size, series
	maxSummaryOrNote = 2000
)

// textLimits are the record's free-text fields with their limit and the
// name a person knows them by.
func textLimits(r *Record) []struct {
	field, zh, en string
	value         string
	max           int
} {
	return []struct {
		field, zh, en string
		value         string
		max           int
	}{
		{"other_title", "其他题名信息", "other title information", r.OtherTitle, maxTitlePart},
		{"parallel_title", "并列题名", "parallel title", r.ParallelTitle, maxTitlePart},
		{"responsibility", "责任说明", "statement of responsibility", r.Responsibility, maxTitlePart},
		{"publisher", "出版者", "publisher", r.Publisher, maxShortField},
		{"place", "出版地", "place of publication", r.Place, maxShortField},
		{"edition", "版次", "edition", r.Edition, maxShortField},
		{"pages", "页数", "pages", r.Pages, maxShortField},
		{"size", "尺寸", "size", r.Size, maxShortField},
		{"series", "丛书名", "series", r.Series, maxShortField},
		{"summary", "提要", "summary", r.Summary, maxSummaryOrNote},
		{"notes", "附注", "notes", r.Notes, maxSummaryOrNote},
	}
}

// CleanText drops from r's text what must never be stored (NUL, control
// characters, bidirectional overrides: plaintext.Line), keeping line
// breaks in the summary and notes. CheckLimits calls it, so the form, the
// API and every import clean the same way.
func CleanText(r *Record) {
	for _, f := range []*string{&r.Title, &r.OtherTitle, &r.PartNumber, &r.PartName, &r.ParallelTitle, &r.Responsibility,
		&r.Publisher, &r.Place, &r.Edition, &r.Pages, &r.Size, &r.Series, &r.Language, &r.CLC} {
		*f = plaintext.Line(*f)
	}
	r.Summary, r.Notes = plaintext.Text(r.Summary), plaintext.Text(r.Notes)
	for i := range r.Authors {
		r.Authors[i].Name, r.Authors[i].Role = plaintext.Line(r.Authors[i].Name), plaintext.Line(r.Authors[i].Role)
	}
	for i := range r.Subjects {
		r.Subjects[i] = plaintext.Line(r.Subjects[i])
	}
}

// CheckLimits cleans r's text (CleanText) and checks the lengths of its
// fields and the number of its authors and subjects. The record form, the
// API and every import call it; the first problem found is returned,
// naming its field.
func CheckLimits(r *Record) error {
	CleanText(r)
	if r.Title == "" {
		return errs.Invalid(CodeTitleRequired, "title", "题名不能为空", "title is required")
	}
	if n := utf8.RuneCountInString(r.Title); n > maxTitlePart {
		return errs.Invalid(CodeTitleTooLong, "title", fmt.Sprintf("题名过长（最多 %d 字）", maxTitlePart), fmt.Sprintf("title is too long (%d characters at most)", maxTitlePart))
	}
	for _, f := range textLimits(r) {
		if n := utf8.RuneCountInString(f.value); n > f.max {
			return errs.Invalid(CodeFieldTooLong, f.field, fmt.Sprintf("%s过长：%d 字，最多 %d 字", f.zh, n, f.max), fmt.Sprintf("%s is too long: %d characters, %d at most", f.en, n, f.max))
		}
	}
	if len(r.Authors) > MaxAuthors {
		return errs.Invalid(CodeAuthorsTooMany, "authors", fmt.Sprintf("责任者有 %d 个，最多 %d 个：其余请写入责任说明（如“张明等著”）", len(r.Authors), MaxAuthors),
			fmt.Sprintf("%d authors, %d at most: put the rest in the statement of responsibility", len(r.Authors), MaxAuthors))
	}
	for i, a := range r.Authors {
		if utf8.RuneCountInString(a.Name) > maxAuthorName {
			return errs.Invalid(CodeFieldTooLong, "authors", fmt.Sprintf("第 %d 个责任者的姓名过长（最多 %d 字）", i+1, maxAuthorName), fmt.Sprintf("author %d: the name is too long (%d characters at most)", i+1, maxAuthorName))
		}
		if utf8.RuneCountInString(a.Role) > maxAuthorRole {
			return errs.Invalid(CodeFieldTooLong, "authors", fmt.Sprintf("第 %d 个责任者“%s”的责任方式过长（最多 %d 字）", i+1, a.Name, maxAuthorRole), fmt.Sprintf("author %d (%s): the role is too long (%d characters at most)", i+1, a.Name, maxAuthorRole))
		}
	}
	if len(r.Subjects) > MaxSubjects {
		return errs.Invalid(CodeSubjectsTooMany, "subjects", fmt.Sprintf("主题词有 %d 个，最多 %d 个", len(r.Subjects), MaxSubjects), fmt.Sprintf("%d subjects, %d at most", len(r.Subjects), MaxSubjects))
	}
	for i, s := range r.Subjects {
		if utf8.RuneCountInString(s) > maxSubject {
			return errs.Invalid(CodeFieldTooLong, "subjects", fmt.Sprintf("第 %d 个主题词过长（最多 %d 字）", i+1, maxSubject), fmt.Sprintf("subject %d is too long (%d characters at most)", i+1, maxSubject))
		}
	}
	return nil
}
