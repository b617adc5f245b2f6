package web

import (
	"net/http"
	"time"

	"shuwu/internal/circulation"
)

// historyLine is one loan, return or renewal with its book.
type historyLine struct {
	At      time.Time
	Kind    circulation.EventKind
	Title   string
	Barcode string
	Record  int64
	DueDate string
}

// describeEvents adds titles and barcodes to ledger lines.
func (s *Server) describeEvents(r *http.Request, evs []circulation.Event) ([]historyLine, error) {
	var ids []int64
	for _, e := range evs {
		if e.RecordID != 0 {
			ids = append(ids, e.RecordID)
		}
	}
	titles, barcodes := map[int64]string{}, map[int64]string{}
	if len(ids) > 0 {
		recs, err := s.d.Catalog.RecordsByIDs(r.Context(), ids)
		if err != nil {
			return nil, err
		}
		items, err := s.d.Catalog.ItemsOfRecords(r.Context(), ids)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			titles[rec.ID] = rec.Title
		}
		for _, its := range items {
			for _, it := range its {
				barcodes[it.ID] = it.Barcode
			}
		}
	}
	out := make([]historyLine, 0, len(evs))
	for _, e := range evs {
		out = append(out, historyLine{At: e.At, Kind: e.Kind, Title: titles[e.RecordID], Barcode: barcodes[e.ItemID], Record: e.RecordID, DueDate: e.DueDate})
	}
	return out, nil
}

var historyKinds = []circulation.EventKind{circulation.EventLoan, circulation.EventReturn, circulation.EventRenew, circulation.EventLost}

// showMyHistory is the reader's loan history, newest first.
func (s *Server) showMyHistory(w http.ResponseWriter, r *http.Request, v *view) error {
	evs, err := s.d.Circulation.Events(r.Context(), circulation.EventFilter{ReaderID: v.Actor.ReaderID, Kinds: historyKinds, Limit: 200})
	if err != nil {
		return err
	}
	lines, err := s.describeEvents(r, evs)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("history.title"), "my", lines
	s.render(w, r, http.StatusOK, "my_history", v)
	return nil
}
