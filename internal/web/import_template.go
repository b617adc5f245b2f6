package web

import (
	"io"
	"net/http"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// importTemplate downloads the Excel template of a book list or roster.
func (s *Server) importTemplate(w http.ResponseWriter, r *http.Request, v *view) error {
	ctx := r.Context()
	switch r.PathValue("kind") {
	case "books":
		return download(w, v.T("import.books_template_file"), xlsxType, func(out io.Writer) error { return s.d.Transfer.WriteBooksTemplate(ctx, out) })
	case "roster":
		return download(w, v.T("import.roster_template_file"), xlsxType, func(out io.Writer) error { return s.d.Transfer.WriteRosterTemplate(ctx, out) })
	}
	return errs.NotFound(httpx.CodeTemplateUnknown, "模板只有书目清单和学员名单两种", "the templates are the book list and the roster")
}
