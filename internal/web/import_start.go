package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/transfer"
)

// importRun is the work of one background import job.
type importRun = func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error)

// startImport starts a background import of an uploaded file (or of the
// file previewed under a token) and goes to its job page.
func (s *Server) startImport(w http.ResponseWriter, r *http.Request, v *view) error {
	kind := r.PathValue("kind")
	if kind != "marc" && kind != "books" && kind != "roster" {
		return errs.NotFound(transfer.CodeImportKindUnknown, "导入类型只能是 MARC 文件、书目清单或学员名单", "imports are MARC files, book lists and rosters")
	}
	form, up, err := s.readUpload(w, r, s.maxUpload())
	v.Form = form
	token := form.Get("token")
	if err == nil && up == nil && token != "" {
		up, err = s.uploads.take(kind, token)
	}
	if err == nil && up == nil {
		err = errs.Invalid(httpx.CodeUploadMissing, "file", "请选择要上传的文件", "choose a file to upload")
	}
	var run importRun
	if err == nil {
		run, err = s.importRunner(kind, form, up.Name)
	}
	if err == nil && kind != "marc" {
		// The same file uploaded again is refused unless 仍要再次导入 is
		// ticked: it would add its copies or trainees a second time.
		var imp transfer.SheetImport
		if imp, err = transfer.ParseSheetImport(kind, form); err == nil {
			err = s.d.Transfer.CheckFile(r.Context(), imp, up.File)
		}
	}
	if err != nil && up != nil && token != "" && kind != "marc" && errs.As(err).Code == transfer.CodeFileAlreadyImported {
		// Confirmed from a preview without ticking 仍要再次导入: the
		// preview again, with the box to tick, and the file kept.
		v.Errors["again"] = v.T("import.again_required")
		return s.renderSheetPreview(w, r, v, kind, form, up, http.StatusConflict)
	}
	if err != nil {
		up.discard()
		if !importError(v, kind, err) {
			return err
		}
		return s.renderImport(w, r, v, httpx.StatusOf(errs.As(err).Kind), nil)
	}
	job := s.d.Jobs.Start(r.Context(), kind, up.Name, up.File, up.Size, run)
	return s.redirect(w, r, "/import/jobs/"+job.ID, v.T("import.started", up.Name))
}

// importRunner checks the form's options and returns the job's work.
func (s *Server) importRunner(kind string, form url.Values, fileName string) (importRun, error) {
	if kind == "marc" {
		o, err := transfer.ParseMARCOptions(form)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
			o.Rejects = transfer.NewTextRejects(rejects)
			var size int64
			if f, ok := in.(*os.File); ok {
				if st, err := f.Stat(); err == nil {
					size = st.Size()
				}
			}
			o.Progress = func(p transfer.Progress) { progress(p.Bytes, size) }
			return s.d.Transfer.ImportMARC(ctx, in, o)
		}, nil
	}
	imp, err := transfer.ParseSheetImport(kind, form)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
		return s.d.Transfer.RunSheet(ctx, imp, fileName, in, progress, rejects)
	}, nil
}
