package web

import (
	"net/http"

	"shuwu/internal/catalog"
)

// opacSet is a set's public page: its volumes with what is on the shelf.
type opacSet struct {
	catalog.SetDetail
	KindLabel string
	Available int // copies on the shelf over all volumes
}

// showOPACSet shows a multi-volume work or series as one entry with its
// volumes, each with its availability and a link to its own page.
func (s *Server) showOPACSet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.d.Catalog.Set(r.Context(), id)
	if err != nil {
		return err
	}
	p := opacSet{SetDetail: d, KindLabel: d.Kind.Label(short(v.Lang))}
	for _, vol := range d.Volumes {
		p.Available += vol.Available
	}
	v.Title, v.Data = d.Title, p
	s.render(w, r, http.StatusOK, "opac_set", v)
	return nil
}
