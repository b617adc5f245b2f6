package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	"shuwu/internal/errs"
	"shuwu/internal/personaldata"
)

const jsonType = "application/json; charset=utf-8"

// exportPersonalData downloads everything held about a reader (个人信息副本)
// as JSON, for staff answering the reader's request.
func (s *Server) exportPersonalData(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.personalDataDownload(w, r, v, r.PathValue("card"))
}

// exportMyPersonalData is the same copy, asked for by the reader.
func (s *Server) exportMyPersonalData(w http.ResponseWriter, r *http.Request, v *view) error {
	rd, err := s.d.Readers.ByID(r.Context(), v.Actor.ReaderID)
	if err != nil {
		return err
	}
	return s.personalDataDownload(w, r, v, rd.Card)
}

func (s *Server) personalDataDownload(w http.ResponseWriter, r *http.Request, v *view, card string) error {
	all, err := personaldata.Gatherer{Circulation: s.d.Circulation, Acquisitions: s.d.Acquisitions, Activities: s.d.Activities, Seats: s.d.Seats, Notices: s.d.Notices}.Copy(r.Context(), card)
	if err != nil {
		return err
	}
	return download(w, v.T("personal.file", all.Account.Reader.Card), jsonType, func(out io.Writer) error {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
	})
}

// anonymiseReader deletes a cancelled reader's personal data after the
// librarian confirmed it.
func (s *Server) anonymiseReader(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	card := r.PathValue("card")
	if r.PostForm.Get("confirm") != "yes" {
		return s.readerFailed(w, r, v, errs.Invalid(CodeConfirmMissing, "anonymise", "请勾选“确认删除”：删除后无法恢复", "tick “confirm”: this cannot be undone"), "anonymise")
	}
	rd, err := s.d.Readers.Anonymise(r.Context(), card)
	if err != nil {
		return s.readerFailed(w, r, v, err, "anonymise")
	}
	return s.redirect(w, r, "/readers/"+url.PathEscape(rd.Card), v.T("personal.anonymised", card))
}
