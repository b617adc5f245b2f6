package web

import (
	"net/http"
	"shuwu/internal/errs"

	"shuwu/internal/catalog"
)

// opacRecord is a record's public page.
type opacRecord struct {
	*recordPage
	Available int
	Lists     []catalog.ReadingList
	// CanHold is true for a logged-in reader; the domain decides whether
	// the hold is allowed when they ask.
	CanHold bool
}

// showOPACRecord shows a record with availability, location and call
// number, and lets a logged-in reader place a hold.
func (s *Server) showOPACRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.recordPage(r.Context(), v, id, v.Staff())
	if errs.Is(err, "RECORD_NOT_FOUND") {
		// A record that was deleted is "no longer held", not "never existed".
		if t, terr := s.d.Catalog.Tombstone(r.Context(), id); terr == nil {
			v.Title, v.Data = v.T("opac.gone"), v.T("opac.gone_detail", t.Title, formatDate(v.Lang, t.DeletedAt, s.d.TZ))
			s.render(w, r, http.StatusGone, "error", v)
			return nil
		}
	}
	if err != nil {
		return err
	}
	d := opacRecord{recordPage: p, CanHold: v.Reader()}
	for _, c := range p.Copies {
		if c.Status == catalog.StatusAvailable {
			d.Available++
		}
	}
	listIDs, err := s.d.Catalog.ReadingListsOfRecord(r.Context(), id)
	if err != nil {
		return err
	}
	if len(listIDs) > 0 {
		all, err := s.d.Catalog.ReadingLists(r.Context())
		if err != nil {
			return err
		}
		for _, l := range all {
			for _, lid := range listIDs {
				if l.ID == lid {
					d.Lists = append(d.Lists, l)
				}
			}
		}
	}
	v.Title, v.Nav, v.Data = p.Title, "opac", d
	s.render(w, r, http.StatusOK, "opac_record", v)
	return nil
}
