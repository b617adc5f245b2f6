package web

import "net/http"

// importRejects downloads a job's rejection reasons as text.
func (s *Server) importRejects(w http.ResponseWriter, r *http.Request, v *view) error {
	text, err := s.d.Jobs.Rejects(r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Disposition", attachment(v.T("import.rejects_file")))
	_, err = w.Write([]byte(text))
	return err
}
