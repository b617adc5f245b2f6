package web

import (
	"net/http"
)

// showMyHistory is the reader's loan history, newest first.
func (s *Server) showMyHistory(w http.ResponseWriter, r *http.Request, v *view) error {
	lines, err := s.d.Circulation.History(r.Context(), v.Actor.ReaderID, 200, 0)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("history.title"), "my", lines
	s.render(w, r, http.StatusOK, "my_history", v)
	return nil
}
