package web

import (
	"io"
	"net/http"
	"net/url"

	"shuwu/internal/annualreport"
	"shuwu/internal/errs"
	"shuwu/internal/stats"
	"shuwu/internal/transfer"
)

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// annualPage is the report as the page shows it.
type annualPage struct {
	Report  annualreport.Report
	Query   string // from=…&to=…, for the links
	Presets []statPreset
	Editing string // the section being rewritten, "" none
}

// reportRange reads the range of the report (this year so far by default).
func (s *Server) reportRange(v *view, r *http.Request) (stats.Range, error) {
	return s.statsRange(v, r)
}

// showAnnualReport shows the drafted report with its figures linked.
func (s *Server) showAnnualReport(w http.ResponseWriter, r *http.Request, v *view) error {
	rg, err := s.reportRange(v, r)
	if err != nil {
		if !v.fieldError(err, "from", "to") {
			return err
		}
		rg = s.d.Stats.ThisYear()
	}
	return s.renderAnnualReport(w, r, v, rg, r.URL.Query().Get("edit"), http.StatusOK)
}

func (s *Server) renderAnnualReport(w http.ResponseWriter, r *http.Request, v *view, rg stats.Range, editing string, status int) error {
	rep, err := s.d.AnnualReports.Report(r.Context(), rg)
	if err != nil {
		return err
	}
	if !v.Librarian() {
		editing = ""
	}
	if len(v.Errors) > 0 && status == http.StatusOK {
		status = http.StatusUnprocessableEntity
	}
	v.Form.Set("from", rg.From)
	v.Form.Set("to", rg.To)
	v.Title, v.Nav = rep.Title, "stats"
	v.Data = annualPage{Report: rep, Query: url.Values{"from": {rg.From}, "to": {rg.To}}.Encode(), Presets: s.statsPresets(v), Editing: editing}
	s.render(w, r, status, "annual_report", v)
	return nil
}

// saveAnnualText keeps the librarian's text of one section.
func (s *Server) saveAnnualText(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	rg, err := s.d.Stats.ParseRange(r.PostForm.Get("from"), r.PostForm.Get("to"))
	if err != nil {
		return err
	}
	key := r.PostForm.Get("section")
	text := r.PostForm.Get("text")
	if r.PostForm.Get("reset") != "" {
		text = ""
	}
	if err := s.d.AnnualReports.SaveText(r.Context(), rg, key, text); err != nil {
		e := errs.As(err)
		if e.Kind == errs.KindInternal {
			return err
		}
		field := "text"
		if e.Field != "text" {
			field = "" // not the textarea's: shown above the report
		}
		v.Errors[field] = e.Localized(short(v.Lang))
		v.Form = r.PostForm
		return s.renderAnnualReport(w, r, v, rg, key, http.StatusUnprocessableEntity)
	}
	q := url.Values{"from": {rg.From}, "to": {rg.To}}.Encode()
	return s.redirect(w, r, "/reports/annual?"+q+"#"+url.PathEscape(key), v.T("annual.saved"))
}

// exportAnnualReport downloads the report as a Word document.
func (s *Server) exportAnnualReport(w http.ResponseWriter, r *http.Request, v *view) error {
	rg, err := s.reportRange(v, r)
	if err != nil {
		return err
	}
	rep, err := s.d.AnnualReports.Report(r.Context(), rg)
	if err != nil {
		return err
	}
	return download(w, rep.Title+".docx", docxType, func(out io.Writer) error { return transfer.WriteReportDOCX(out, rep) })
}
