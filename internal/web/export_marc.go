package web

import (
	"io"
	"net/http"
	"strings"
	"time"

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
	return download(w, name, ctype, func(out io.Writer) error {
		_, err := s.d.Transfer.ExportMARC(r.Context(), out, o)
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
