package web

import (
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/transfer"
)

// exportMARC checks the MARC export form and downloads the records, or
// shows the form again with what is wrong.
func (s *Server) exportMARC(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	v.Form = q
	var o transfer.ExportOptions
	var err error
	if o.Format, err = marc.ParseFormat(orDefault(q.Get("format"), "iso2709")); err != nil || o.Format == marc.FormatJSON {
		v.Errors["marc.format"] = v.T("export.bad_format")
	}
	if o.Flavor, err = marcmap.ParseFlavor(orDefault(q.Get("flavor"), "cnmarc")); err != nil {
		v.Errors["marc.flavor"] = v.T("export.bad_flavor")
	}
	if o.Charset, err = marc.ParseCharset(orDefault(q.Get("encoding"), "utf-8")); err != nil {
		v.Errors["marc.encoding"] = v.T("export.bad_encoding")
	}
	o.CLCPrefix = strings.TrimSpace(q.Get("clc"))
	o.Since = s.exportDay(v, "marc.since", q.Get("since"))
	if len(v.Errors) > 0 {
		return s.renderExport(w, r, v, http.StatusUnprocessableEntity)
	}
	name, ctype := v.T("export.marc_file", time.Now().In(s.d.TZ).Format("20060102"))+".mrc", "application/marc"
	if o.Format == marc.FormatMARCXML {
		name, ctype = strings.TrimSuffix(name, ".mrc")+".xml", "application/xml"
	}
	// The export is written to a file first: whether a record had to be
	// left out is known only at the end, and then the page says which
	// before the file is downloaded.
	f, err := s.d.Uploads.CreateTemp("export")
	if err != nil {
		return errs.Internalf("spool export: %w", err)
	}
	rep, err := s.d.Transfer.ExportMARC(r.Context(), f, o)
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if len(rep.Skipped) == 0 {
		defer os.Remove(f.Name())
		defer f.Close()
		return sendFile(w, f, name, ctype)
	}
	size, _ := f.Seek(0, io.SeekEnd)
	return s.renderExportPage(w, r, v, http.StatusOK, &exportSkipped{Report: rep, Token: s.exports.keep("marc-export", &upload{File: f, Name: name, Size: size}), Name: name})
}

// exportSkipped is what the export page shows after an export that left
// records out: which and why, and the link to the file of the rest.
type exportSkipped struct {
	Report transfer.ExportReport
	Token  string
	Name   string // of the file
}

// exportMARCFile downloads an export kept by exportMARC, once.
func (s *Server) exportMARCFile(w http.ResponseWriter, r *http.Request, v *view) error {
	up, err := s.exports.take("marc-export", r.URL.Query().Get("token"))
	if err != nil {
		return errs.NotFound(CodeExportExpired, "导出文件已过期或已下载，请重新导出", "the export file has expired or was downloaded already; export again")
	}
	defer os.Remove(up.File.Name())
	defer up.File.Close()
	ctype := "application/marc"
	if strings.HasSuffix(up.Name, ".xml") {
		ctype = "application/xml"
	}
	return sendFile(w, up.File, up.Name, ctype)
}

// sendFile downloads the whole of f.
func sendFile(w http.ResponseWriter, f *os.File, name, ctype string) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return errs.Internalf("rewind export: %w", err)
	}
	return download(w, name, ctype, func(out io.Writer) error {
		_, err := io.Copy(out, f)
		return err
	})
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// exportDay reads a YYYY-MM-DD field; a bad one is put on field and
// gives the zero time, as does an empty one.
func (s *Server) exportDay(v *view, field, value string) time.Time {
	value = strings.TrimSpace(value)
	if value == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation(time.DateOnly, value, s.d.TZ)
	if err != nil {
		v.Errors[field] = v.T("export.bad_date")
		return time.Time{}
	}
	return t
}
