package web

import (
	"net/http"
	"strings"

	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

// certificates is the print page of clearance certificates (离校清还证明):
// one member's, or every cleared member's of the class.
func (s *Server) certificates(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	var certs []circulation.Certificate
	if card := strings.TrimSpace(r.URL.Query().Get("card")); card != "" {
		c, err := s.d.Circulation.Certificate(ctx, id, card)
		if err != nil {
			return err
		}
		certs = append(certs, c)
	} else {
		cl, err := s.d.Circulation.Clearance(ctx, id)
		if err != nil {
			return err
		}
		for _, row := range cl.Rows {
			if !row.Cleared {
				continue
			}
			c, err := s.d.Circulation.Certificate(ctx, id, row.Reader.Card)
			if err != nil {
				return err
			}
			certs = append(certs, c)
		}
		if len(certs) == 0 {
			return errs.Conflict(circulation.CodeNotCleared, "本班还没有学员办理结业清还", "no member of this class has been cleared")
		}
	}
	v.Title, v.Nav, v.Data = v.T("cert.title"), "classes", certs
	s.render(w, r, http.StatusOK, "certificates", v)
	return nil
}
