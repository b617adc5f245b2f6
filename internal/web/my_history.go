package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/circulation"
)

// historyPageSize is how many history lines a page shows.
const historyPageSize = 50

// historyPage is one page of a reader's history, newest first. Pages are
// keyed by the id of the last line shown (?before=), so a reader with
// years of loans pages through all of them without an offset.
type historyPage struct {
	Lines []circulation.HistoryLine
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
	lines, err := s.d.Circulation.History(r.Context(), readerID, historyPageSize+1, before)
	if err != nil {
		return historyPage{}, err
	}
	p := historyPage{Paged: before > 0}
	if len(lines) > historyPageSize {
		lines = lines[:historyPageSize]
		p.Older = lines[len(lines)-1].ID
	}
	p.Lines = lines
	return p, nil
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
