package transfer

import (
	"context"
	"fmt"
	"io"
	"net/url"

	"shuwu/internal/errs"
)

// SheetImport is a book list or roster import as the API and the import
// page both ask for it: the kind and its parsed choices.
type SheetImport struct {
	Kind   string // books | roster
	Books  BookSheetOptions
	Roster RosterOptions
}

// ParseSheetImport reads the choices of a books or roster import.
func ParseSheetImport(kind string, v url.Values) (SheetImport, error) {
	imp := SheetImport{Kind: kind}
	var err error
	switch kind {
	case "books":
		imp.Books, err = ParseBookSheetOptions(v)
	case "roster":
		imp.Roster, err = ParseRosterOptions(v)
	default:
		err = errs.Invalid(CodeImportKindUnknown, "kind", "导入类型只能是 books（书目清单）或 roster（学员名单）", "the import kind must be books or roster")
	}
	return imp, err
}

// named returns the choices with the uploaded file's name, which tells
// .xlsx from .csv and is remembered with the file's hash.
func (imp SheetImport) named(name string) SheetImport {
	imp.Books.Name, imp.Roster.Name = name, name
	return imp
}

// Again returns the import allowed to take a file imported before.
func (imp SheetImport) Again() SheetImport {
	imp.Books.Again, imp.Roster.Again = true, true
	return imp
}

// CheckFile refuses, before a job starts, a file imported before (unless
// the import was asked again). in is left at its start.
func (s *Service) CheckFile(ctx context.Context, imp SheetImport, in io.ReadSeeker) error {
	return s.CheckNotImported(ctx, imp.Kind, in, imp.Books.Again || imp.Roster.Again)
}

// PreviewSheet says what the import would do with the file named name.
func (s *Service) PreviewSheet(ctx context.Context, imp SheetImport, name string, in io.Reader) (SheetPreview, error) {
	imp = imp.named(name)
	if imp.Kind == "books" {
		return s.PreviewBooks(ctx, in, imp.Books)
	}
	return s.PreviewRoster(ctx, in, imp.Roster)
}

// RunSheet is a background job's work: it imports the file named name,
// reports progress in rows and writes each rejected row's reasons.
func (s *Service) RunSheet(ctx context.Context, imp SheetImport, name string, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
	imp = imp.named(name)
	rows := func(done, total int) { progress(int64(done), int64(total)) }
	var rep SheetReport
	var err error
	if imp.Kind == "books" {
		o := imp.Books
		o.Progress = rows
		rep, err = s.ImportBooks(ctx, in, o)
	} else {
		o := imp.Roster
		o.Progress = rows
		rep, err = s.ImportRoster(ctx, in, o)
	}
	for _, p := range rep.Problems() {
		fmt.Fprintln(rejects, p.String())
	}
	return rep, err
}
