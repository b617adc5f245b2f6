package web

import (
	"net/http"
)

// readerPage is a reader's staff page.
type readerPage struct {
	Panel   *readerPanel
	History historyPage
}

// showReader shows a reader with loans, holds, blocks, history and the
// actions staff take on a card.
func (s *Server) showReader(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.readerPage(r, v)
	if err != nil {
		return err
	}
	v.Form.Set("status", string(d.Panel.Reader.Status))
	v.Title, v.Nav, v.Data = d.Panel.Reader.Name, "readers", d
	s.render(w, r, http.StatusOK, "reader", v)
	return nil
}

// readerPage loads the reader named in the path with a page of their
// loans, returns and renewals.
func (s *Server) readerPage(r *http.Request, v *view) (readerPage, error) {
	p, err := s.panel(r.Context(), v, r.PathValue("card"))
	if err != nil {
		return readerPage{}, err
	}
	h, err := s.readerHistory(r, p.Reader.ID)
	return readerPage{Panel: p, History: h}, err
}
