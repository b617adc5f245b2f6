package web

import (
	"net/http"

	"shuwu/internal/catalog/clc"
)

// clcHelp is the as-you-type help under the CLC field: the class the
// number names, or classes to pick from.
type clcHelp struct {
	Query   string
	Exact   *clc.Class
	Within  *clc.Class // for a valid number the schedule does not list (D610): the class it falls under
	Suggest []clc.Class
}

// lookupCLC answers htmx with the help fragment for what is typed.
func (s *Server) lookupCLC(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query().Get("clc")
	h := clcHelp{Query: q}
	tree := s.d.Catalog.CLC()
	if c, ok := tree.Lookup(q); ok {
		h.Exact = &c
	} else if code, err := tree.Validate(q); err == nil {
		if anc := tree.Ancestors(code); len(anc) > 0 {
			h.Within = &anc[len(anc)-1]
		}
	}
	for _, c := range tree.Suggest(q, 8) {
		if h.Exact == nil || c.Code != h.Exact.Code {
			h.Suggest = append(h.Suggest, c)
		}
	}
	v.Data = h
	s.renderPart(w, r, http.StatusOK, "record_form", "clc-help", v)
	return nil
}
