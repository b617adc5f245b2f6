package web

import (
	"net/http"
	"strconv"
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

// historyPageSize is how many history lines a page shows.
const historyPageSize = 50

// historyPage is one page of a reader's history, newest first. Pages are
// keyed by the id of the last line shown (?before=), so a reader with
// years of loans pages through all of them without an offset.
type historyPage struct {
	Lines []historyLine
	// Older is the before= value of the next, older page; 0 at the end.
	Older int64
	// Paged is true past the first page, for a link back to the newest.
	Paged bool
}

// readerHistory loads the page of reader's history before the id in the
// request's ?before= (the newest page when absent or not a positive id).
func (s *Server) readerHistory(r *http.Request, readerID int64) (historyPage, error) {
	before, err := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	if err != nil || before < 0 {
		before = 0
	}
	evs, err := s.d.Circulation.Events(r.Context(), circulation.EventFilter{ReaderID: readerID, Kinds: historyKinds, Limit: historyPageSize + 1, BeforeID: before})
	if err != nil {
		return historyPage{}, err
	}
	p := historyPage{Paged: before > 0}
	if len(evs) > historyPageSize {
		evs = evs[:historyPageSize]
		p.Older = evs[len(evs)-1].ID
	}
	p.Lines, err = s.describeEvents(r, evs)
	return p, err
}

// showMyHistory is the reader's loan history, newest first, a page at a
// time.
func (s *Server) showMyHistory(w http.ResponseWriter, r *http.Request, v *view) error {
	p, err := s.readerHistory(r, v.Actor.ReaderID)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("history.title"), "my", p
	s.render(w, r, http.StatusOK, "my_history", v)
	return nil
}
