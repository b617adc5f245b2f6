package web

import (
	"net/http"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/transfer"
)

// previewSize is how many records a MARC preview shows.
const previewSize = 10

// marcPreview is the first records of an uploaded MARC file as shuwu
// would store them, with the token that confirms the import.
type marcPreview struct {
	Token   string
	File    string
	Records []transfer.PreviewRecord
}

// previewMARC reads the first records of an uploaded MARC file, stores
// nothing, and keeps the file for the confirmation that follows.
func (s *Server) previewMARC(w http.ResponseWriter, r *http.Request, v *view) error {
	form, up, err := s.readUpload(w, r, s.maxUpload())
	v.Form = form
	if err == nil && up == nil {
		err = errs.Invalid(httpx.CodeUploadMissing, "file", "请选择要上传的文件", "choose a file to upload")
	}
	var o transfer.MARCOptions
	if err == nil {
		o, err = transfer.ParseMARCOptions(form)
	}
	var recs []transfer.PreviewRecord
	if err == nil {
		recs, err = s.d.Transfer.PreviewMARC(r.Context(), up.File, o, previewSize)
	}
	if err == nil && len(recs) == 0 {
		err = errs.Invalid(CodeMARCEmpty, "file", "文件中没有读到 MARC 记录", "no MARC records were found in the file")
	}
	if err != nil {
		up.discard()
		if !importError(v, "marc", err) {
			return err
		}
		return s.renderImport(w, r, v, httpx.StatusOf(errs.As(err).Kind), nil)
	}
	p := &marcPreview{File: up.Name, Records: recs}
	p.Token = s.uploads.keep("marc", up)
	return s.renderImport(w, r, v, http.StatusOK, p)
}
