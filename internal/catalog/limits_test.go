package catalog_test

import (
	"fmt"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

// TestRecordLimits: a record of 1,000 authors was accepted and then broke
// every ISO 2709 export. Entry now refuses it, and over-long fields, with
// a coded error naming the field, in Chinese and English; nothing is
// stored. At the limits the record is taken.
func TestRecordLimits(t *testing.T) {
	k := testkit.New(t)
	authors := func(n int) []catalog.Author {
		out := make([]catalog.Author, n)
		for i := range out {
			out[i] = catalog.Author{Name: fmt.Sprintf("作者%d", i+1)}
		}
		return out
	}
	subjects := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("主题%d", i+1)
		}
		return out
	}
	cases := []struct {
		name  string
		r     catalog.Record
		code  errs.Code
		field string
		zh    string
	}{
		{"1,000 authors", catalog.Record{Authors: authors(1000)}, catalog.CodeAuthorsTooMany, "authors", "责任者有 1000 个，最多 100 个"},
		{"101 authors", catalog.Record{Authors: authors(catalog.MaxAuthors + 1)}, catalog.CodeAuthorsTooMany, "authors", "最多 100 个"},
		{"51 subjects", catalog.Record{Subjects: subjects(catalog.MaxSubjects + 1)}, catalog.CodeSubjectsTooMany, "subjects", "主题词有 51 个"},
		{"long summary", catalog.Record{Summary: strings.Repeat("党", 2001)}, catalog.CodeFieldTooLong, "summary", "提要过长：2001 字，最多 2000 字"},
		{"long series", catalog.Record{Series: strings.Repeat("丛", 201)}, catalog.CodeFieldTooLong, "series", "丛书名过长"},
		{"long author name", catalog.Record{Authors: []catalog.Author{{Name: "张明"}, {Name: strings.Repeat("名", 101)}}}, catalog.CodeFieldTooLong, "authors", "第 2 个责任者的姓名过长"},
		{"long subject", catalog.Record{Subjects: []string{strings.Repeat("题", 101)}}, catalog.CodeFieldTooLong, "subjects", "第 1 个主题词过长"},
		{"long title", catalog.Record{Title: strings.Repeat("题", 501)}, catalog.CodeTitleTooLong, "title", "题名过长"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.r
			if r.Title == "" {
				r.Title = "超长书目"
			}
			_, err := k.Catalog.CreateRecord(k.Ctx, r)
			e := errs.As(err)
			if err == nil || e.Code != c.code || e.Field != c.field || !strings.Contains(e.Message, c.zh) || e.MessageEn == "" || e.Kind != errs.KindInvalid {
				t.Fatalf("error %v (%s on %q: %s / %s), want %s on %q saying %q", err, e.Code, e.Field, e.Message, e.MessageEn, c.code, c.field, c.zh)
			}
		})
	}
	if _, n, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{}); err != nil || n != 0 {
		t.Errorf("refused records were stored: %d (%v)", n, err)
	}
	at := catalog.Record{Title: "正好到上限的书", Authors: authors(catalog.MaxAuthors), Subjects: subjects(catalog.MaxSubjects), Summary: strings.Repeat("党", 2000)}
	if _, err := k.Catalog.CreateRecord(k.Ctx, at); err != nil {
		t.Errorf("a record at every limit was refused: %v", err)
	}
}
