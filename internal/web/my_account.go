package web

import (
	"context"
	"net/http"
	"shuwu/internal/activities"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/ledger"
	"shuwu/internal/notices"
	"shuwu/internal/readers"
	"shuwu/internal/seats"
)

// myPage is a reader's own library: loans, holds and required reading.
type myPage struct {
	Panel   *readerPanel
	Reading []myList
	Renewed []circulation.RenewResult
	// Coming are the reader's activities still to come (主题活动 reminders).
	Coming []activities.Mine
	// Seat is the reader's seat reservation still to come (座位预约).
	Seat *seats.Reservation
	// Notices are what the reader should hear about now (到期、超期 …).
	Notices []notices.Current
}

// myList is a required-reading list of the reader's class with the books
// they have borrowed marked.
type myList struct {
	List  catalog.ReadingList
	Books []myBook
	Read  int
}

type myBook struct {
	Record catalog.Record
	Read   bool
}

// me returns the logged-in reader.
func (s *Server) me(ctx context.Context, v *view) (readers.Reader, error) {
	return s.d.Readers.ByID(ctx, v.Actor.ReaderID)
}

// showMy is the reader's home in the portal.
func (s *Server) showMy(w http.ResponseWriter, r *http.Request, v *view) error {
	ctx := r.Context()
	rd, err := s.me(ctx, v)
	if err != nil {
		return err
	}
	d := &myPage{}
	if d.Panel, err = s.panel(ctx, v, rd.Card); err != nil {
		return err
	}
	if d.Reading, err = s.myReading(ctx, rd.ID, d.Panel.Classes); err != nil {
		return err
	}
	if d.Coming, err = s.comingActivities(ctx); err != nil {
		return err
	}
	if s.d.Seats != nil {
		if d.Seat, err = s.d.Seats.Active(ctx); err != nil {
			return err
		}
	}
	if s.d.Notices != nil {
		if d.Notices, err = s.d.Notices.CurrentFor(ctx, rd.ID); err != nil {
			return err
		}
	}
	v.Title, v.Nav, v.Data = v.T("my.title"), "my", d
	s.render(w, r, http.StatusOK, "my", v)
	return nil
}

// myReading lists the required reading of the reader's classes, marking
// what the reader has borrowed at some time.
func (s *Server) myReading(ctx context.Context, readerID int64, classes []readers.Class) ([]myList, error) {
	if len(classes) == 0 {
		return nil, nil
	}
	in := map[int64]bool{}
	for _, c := range classes {
		in[c.ID] = true
	}
	lists, err := s.d.Catalog.ReadingLists(ctx)
	if err != nil {
		return nil, err
	}
	var mine []catalog.ReadingList
	for _, l := range lists {
		for _, cid := range l.ClassIDs {
			if in[cid] {
				mine = append(mine, l)
				break
			}
		}
	}
	if len(mine) == 0 {
		return nil, nil
	}
	evs, err := s.d.Circulation.Ledger(ctx, ledger.Filter{ReaderID: readerID, Kinds: []ledger.Kind{ledger.Loan}, Limit: 1000})
	if err != nil {
		return nil, err
	}
	read := map[int64]bool{}
	for _, e := range evs {
		read[e.RecordID] = true
	}
	var out []myList
	for _, l := range mine {
		recs, err := s.d.Catalog.RecordsByIDs(ctx, l.RecordIDs)
		if err != nil {
			return nil, err
		}
		ml := myList{List: l}
		for _, rec := range recs {
			ml.Books = append(ml.Books, myBook{Record: rec, Read: read[rec.ID]})
			if read[rec.ID] {
				ml.Read++
			}
		}
		out = append(out, ml)
	}
	return out, nil
}
