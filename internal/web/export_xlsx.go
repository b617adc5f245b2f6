package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/transfer"
)

// exportXLSX checks an Excel export form (records, readers, class or
// ledger) and downloads the workbook, or shows the form again with what
// is wrong.
func (s *Server) exportXLSX(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	v.Form = q
	what := r.PathValue("what")
	ctx := r.Context()
	var classID int64
	if c := q.Get("class"); c != "" {
		id, err := strconv.ParseInt(c, 10, 64)
		if err != nil || id <= 0 {
			v.Errors[what+".class"] = v.T("export.need_class")
		}
		classID = id
	}
	var name string
	var write func(io.Writer) error
	switch what {
	case "records":
		name = v.T("export.records_file")
		o := transfer.RecordsSheetOptions{CLCPrefix: strings.TrimSpace(q.Get("clc"))}
		write = func(out io.Writer) error { _, err := s.d.Transfer.ExportRecordsXLSX(ctx, out, o); return err }
	case "readers":
		name = v.T("export.readers_file")
		write = func(out io.Writer) error { _, err := s.d.Transfer.ExportReadersXLSX(ctx, out, classID); return err }
	case "class":
		if classID == 0 {
			v.Errors["class.class"] = v.T("export.need_class")
		}
		name = v.T("export.class_file")
		write = func(out io.Writer) error { _, err := s.d.Transfer.ExportClassXLSX(ctx, out, classID); return err }
	case "ledger":
		from, to := s.exportDay(v, "ledger.from", q.Get("from")), s.exportDay(v, "ledger.to", q.Get("to"))
		switch {
		case q.Get("from") == "":
			v.Errors["ledger.from"] = v.T("export.need_date")
		case q.Get("to") == "":
			v.Errors["ledger.to"] = v.T("export.need_date")
		case !from.IsZero() && !to.IsZero() && to.Before(from):
			v.Errors["ledger.to"] = v.T("export.to_before_from")
		}
		o := transfer.LedgerSheetOptions{From: from.Format(time.DateOnly), To: to.Format(time.DateOnly), ClassID: classID}
		name = v.T("export.ledger_file", o.From, o.To)
		write = func(out io.Writer) error { _, err := s.d.Transfer.ExportLedgerXLSX(ctx, out, o); return err }
	default:
		return errs.NotFound(httpx.CodeExportUnknown, "可导出馆藏书目、读者、班次借阅和借阅流水", "the exports are records, readers, class loans and the ledger")
	}
	if len(v.Errors) > 0 {
		return s.renderExport(w, r, v, http.StatusUnprocessableEntity)
	}
	return download(w, name, xlsxType, write)
}
