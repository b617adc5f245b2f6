package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
)

// recordForm is the record editor's data.
type recordForm struct {
	ID         int64 // 0 for a new record
	Action     string
	Categories []catalog.Category
	// CopiedFrom names the source a copy-catalogued record came from, and
	// CopyWarnings what the MARC mapping could not take (kept in 附注).
	CopiedFrom   string
	CopyWarnings []string
}

// recordFields are the form's field names in the order people fill them;
// field errors from the domain land on these.
var recordFields = []string{"title", "part_number", "part_name", "other_title", "authors", "responsibility", "publisher", "place", "year", "edition",
	"pages", "size", "price", "isbn", "series", "clc", "category_id", "subjects", "summary", "notes"}

func (s *Server) recordFormData(ctx context.Context, id int64, action string) (recordForm, error) {
	cats, err := s.d.Catalog.Categories(ctx)
	return recordForm{ID: id, Action: action, Categories: cats}, err
}

// parseRecord reads the editor's fields. Numbers it cannot read become
// field errors on v; everything else is the domain's to judge.
func parseRecord(v *view, f url.Values) catalog.Record {
	rec := catalog.Record{
		Title: f.Get("title"), PartNumber: f.Get("part_number"), PartName: f.Get("part_name"), OtherTitle: f.Get("other_title"), Responsibility: f.Get("responsibility"),
		Publisher: strings.TrimSpace(f.Get("publisher")), Place: strings.TrimSpace(f.Get("place")),
		Edition: strings.TrimSpace(f.Get("edition")), Pages: strings.TrimSpace(f.Get("pages")), Size: strings.TrimSpace(f.Get("size")),
		ISBN: f.Get("isbn"), Series: strings.TrimSpace(f.Get("series")), CLC: f.Get("clc"),
		Summary: strings.TrimSpace(f.Get("summary")), Notes: strings.TrimSpace(f.Get("notes")),
	}
	for _, line := range strings.Split(f.Get("authors"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		// "马克思 著", "张明主编" or a bare name: a role typed without a
		// space is still the role, so 张明主编 never becomes 张明主编著.
		rec.Authors = append(rec.Authors, catalog.ParseAuthor(line))
	}
	rec.Subjects = strings.FieldsFunc(f.Get("subjects"), func(r rune) bool { return r == ',' || r == '，' || r == '；' || r == ';' || r == '、' || r == '\n' })
	if y := strings.TrimSpace(f.Get("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			v.Errors["year"] = v.T("form.year")
		}
		rec.Year = n
	}
	if fen, ok := parseYuan(f.Get("price")); ok {
		rec.PriceFen = fen
	} else {
		v.Errors["price"] = v.T("form.price")
	}
	rec.CategoryID, _ = strconv.ParseInt(f.Get("category_id"), 10, 64)
	return rec
}

// recordValues fills the editor from a stored record.
func recordValues(r catalog.Record) url.Values {
	f := url.Values{}
	f.Set("title", r.Title)
	f.Set("part_number", r.PartNumber)
	f.Set("part_name", r.PartName)
	f.Set("other_title", r.OtherTitle)
	f.Set("responsibility", r.Responsibility)
	var authors []string
	for _, a := range r.Authors {
		authors = append(authors, strings.TrimSpace(a.Name+" "+a.Role))
	}
	f.Set("authors", strings.Join(authors, "\n"))
	f.Set("publisher", r.Publisher)
	f.Set("place", r.Place)
	if r.Year != 0 {
		f.Set("year", strconv.Itoa(r.Year))
	}
	f.Set("edition", r.Edition)
	f.Set("pages", r.Pages)
	f.Set("size", r.Size)
	if r.PriceFen != 0 {
		f.Set("price", strings.TrimPrefix(formatPrice(r.PriceFen), "¥"))
	}
	f.Set("isbn", r.ISBN)
	f.Set("series", r.Series)
	f.Set("clc", r.CLC)
	if r.CategoryID != 0 {
		f.Set("category_id", strconv.FormatInt(r.CategoryID, 10))
	}
	f.Set("subjects", strings.Join(r.Subjects, "；"))
	f.Set("summary", r.Summary)
	f.Set("notes", r.Notes)
	return f
}
