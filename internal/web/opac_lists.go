package web

import (
	"net/http"

	"shuwu/internal/catalog"
)

// readingListPage is one required-reading list with its books.
type readingListPage struct {
	List catalog.ReadingList
	Hits []opacHit
}

// listReadingLists shows the required-reading lists (必读书目).
func (s *Server) listReadingLists(w http.ResponseWriter, r *http.Request, v *view) error {
	lists, err := s.d.Catalog.ReadingLists(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("lists.title"), "lists", lists
	s.render(w, r, http.StatusOK, "opac_lists", v)
	return nil
}

// showReadingList shows one list's books with their availability.
func (s *Server) showReadingList(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, _, err := s.d.Catalog.ReadingList(r.Context(), id)
	if err != nil {
		return err
	}
	hits, err := s.hits(r.Context(), v, l.RecordIDs)
	if err != nil {
		return err
	}
	for i := range hits {
		hits[i].Note = l.Note(hits[i].ID)
	}
	v.Title, v.Nav, v.Data = l.Name, "lists", readingListPage{List: l, Hits: hits}
	s.render(w, r, http.StatusOK, "opac_list", v)
	return nil
}
