package web

import (
	"io"
	"net/http"
	"net/url"
)

// xlsxType is the media type of an Excel workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// attachment is a Content-Disposition that keeps a Chinese file name.
func attachment(name string) string {
	return "attachment; filename*=UTF-8''" + url.PathEscape(name)
}

// download writes a file made by write. An error before the first byte is
// returned for the page to show; after it the connection is cut, so a half
// file is not mistaken for a whole one.
func download(w http.ResponseWriter, name, ctype string, write func(io.Writer) error) error {
	dw := &downloadWriter{w: w, name: name, ctype: ctype}
	if err := write(dw); err != nil {
		if !dw.started {
			return err
		}
		panic(http.ErrAbortHandler)
	}
	if !dw.started {
		dw.start()
	}
	return nil
}

// downloadWriter sets the download headers on the first write.
type downloadWriter struct {
	w       http.ResponseWriter
	name    string
	ctype   string
	started bool
}

func (d *downloadWriter) start() {
	d.started = true
	d.w.Header().Set("Content-Type", d.ctype)
	d.w.Header().Set("Content-Disposition", attachment(d.name))
	d.w.WriteHeader(http.StatusOK)
}

func (d *downloadWriter) Write(b []byte) (int, error) {
	if !d.started {
		d.start()
	}
	return d.w.Write(b)
}
