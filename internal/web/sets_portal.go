package web

import (
	"net/http"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// maxVolumeOffers bounds the per-volume hold checks on a set's page.
const maxVolumeOffers = 40

// opacSet is a set's public page: its volumes with what is on the shelf
// and, for a logged-in reader, the holds they may place.
type opacSet struct {
	catalog.SetDetail
	KindLabel string
	Available int // copies on the shelf over all volumes
	Copies    int // copies held over all volumes
	// CanHoldAny offers the any-volume hold (任一卷); NoHoldAny says why
	// not. CanHold offers a hold on each volume by record id.
	CanHoldAny bool
	NoHoldAny  string
	CanHold    map[int64]bool
}

// showOPACSet shows a multi-volume work or series as one entry with its
// volumes, each with its availability and a link to its own page; a
// reader may hold any volume or one.
func (s *Server) showOPACSet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.d.Catalog.Set(ctx, id)
	if err != nil {
		return err
	}
	p := opacSet{SetDetail: d, KindLabel: d.Kind.Label(short(v.Lang)), CanHold: map[int64]bool{}}
	for _, vol := range d.Volumes {
		p.Available += vol.Available
		p.Copies += vol.Copies
	}
	if v.Reader() {
		rd, err := s.d.Readers.ByID(ctx, v.Actor.ReaderID)
		if err != nil {
			return err
		}
		switch err := s.d.Circulation.CanHoldSet(ctx, rd.Card, id); {
		case err == nil:
			p.CanHoldAny = true
		case errs.As(err).Kind == errs.KindInternal:
			return err
		default:
			p.NoHoldAny = errs.As(err).Localized(short(v.Lang))
		}
		for i, vol := range d.Volumes {
			if i == maxVolumeOffers {
				break
			}
			ok, _, err := s.holdOffer(ctx, v, vol.Record.ID)
			if err != nil {
				return err
			}
			p.CanHold[vol.Record.ID] = ok
		}
	}
	v.Title, v.Data = d.Title, p
	s.render(w, r, http.StatusOK, "opac_set", v)
	return nil
}
