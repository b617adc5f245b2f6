package web

import (
	"context"
	"net/http"
	"strconv"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// opacRecord is a record's public page.
type opacRecord struct {
	*recordPage
	Available int
	Lists     []catalog.ReadingList
	// CanHold is true when the logged-in reader may place a hold now;
	// NoHold says why not (the domain's refusal), so 预约 is offered only
	// where it would succeed.
	CanHold bool
	NoHold  string
}

// showOPACRecord shows a record with availability, location and call
// number, and lets a logged-in reader place a hold.
func (s *Server) showOPACRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.recordPage(r.Context(), v, id, v.Staff())
	if errs.Is(err, catalog.CodeRecordNotFound) {
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
	d := opacRecord{recordPage: p}
	if p.InSet != nil {
		p.InSet.Base, p.InSet.SetLink = "/opac/records/", "/opac/sets/"+strconv.FormatInt(p.InSet.Set.ID, 10)
	}
	if v.Reader() {
		if d.CanHold, d.NoHold, err = s.holdOffer(r.Context(), v, id); err != nil {
			return err
		}
	}
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
	v.Title, v.Nav, v.Data = p.DisplayTitle(), "opac", d
	s.render(w, r, http.StatusOK, "opac_record", v)
	return nil
}

// holdOffer asks the domain whether the logged-in reader may place a hold
// on record id now, and if not, why, in the page's language.
func (s *Server) holdOffer(ctx context.Context, v *view, id int64) (bool, string, error) {
	rd, err := s.d.Readers.ByID(ctx, v.Actor.ReaderID)
	if err != nil {
		return false, "", err
	}
	switch err := s.d.Circulation.CanHold(ctx, rd.Card, id); {
	case err == nil:
		return true, "", nil
	case errs.As(err).Kind == errs.KindInternal:
		return false, "", err
	default:
		return false, errs.As(err).Localized(short(v.Lang)), nil
	}
}
