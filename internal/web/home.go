package web

import (
	"encoding/json"
	"net/http"
	"time"

	"shuwu/internal/acquisitions"
	"shuwu/internal/circulation"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/visits"
)

// homeData is the staff home page: the day at a glance.
type homeData struct {
	Counts        map[string]int
	LoansToday    int
	ReturnsToday  int
	Overdue       []circulation.LoanView
	EndingClasses []endingClass
	// Expiring are active cards whose last day is within the week, and
	// ExpiringTotal how many there are in all.
	Expiring      []readers.Reader
	ExpiringTotal int
	// PickupShelf is the copies on the hold shelf, soonest deadline first.
	PickupShelf []circulation.HoldView
	// Acquired is the year's progress against its acquisition target and
	// Arrived the latest that came in; librarians only.
	Acquired *acquisitions.Progress
	Arrived  []acquisitions.Arrival
	// Orders is what acquisitions wait on: suggestions to answer, late
	// lines to claim, orders to receive.
	Orders *acqHome
	// Duty is who is on duty today and the handovers not yet acknowledged.
	Duty *dutyHome
	// Occupancy is the room now (入馆登记); nil without entry registration.
	Occupancy *visits.Occupancy
	// Received is this year's leader and guest visits, for librarians and
	// leadership; nil for others.
	Received *receptions.YearCount
}

type endingClass struct {
	Class       readers.Class
	Outstanding int
	LoansOut    int
}

// home sends readers and visitors to the catalogue and shows staff their
// day: loans and returns today, holds, overdue loans, classes ending soon,
// cards expiring this week and the hold shelf.
func (s *Server) home(w http.ResponseWriter, r *http.Request, v *view) error {
	if v.Organiser() && s.d.Room != nil {
		http.Redirect(w, r, "/room/mine", http.StatusSeeOther)
		return nil
	}
	if !v.Staff() && !v.Leadership() {
		http.Redirect(w, r, "/opac", http.StatusSeeOther)
		return nil
	}
	ctx := r.Context()
	d := homeData{Counts: map[string]int{}}
	if s.d.Counts != nil {
		c, err := s.d.Counts(ctx)
		if err != nil {
			return err
		}
		// Counts is the store's struct; its JSON names are its contract.
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &d.Counts); err != nil {
			return err
		}
	}
	now := time.Now().In(s.d.TZ)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.d.TZ)
	evs, err := s.d.Circulation.Ledger(ctx, ledger.Filter{From: start, To: start.AddDate(0, 0, 1),
		Kinds: []ledger.Kind{ledger.Loan, ledger.Return}, Limit: 1000})
	if err != nil {
		return err
	}
	for _, e := range evs {
		if e.Kind == ledger.Loan {
			d.LoansToday++
		} else {
			d.ReturnsToday++
		}
	}
	if d.Overdue, err = s.d.Circulation.Overdue(ctx, 10); err != nil {
		return err
	}
	today := start.Format(time.DateOnly)
	if d.Expiring, d.ExpiringTotal, err = s.d.Readers.List(ctx, readers.Filter{ExpiringFrom: today,
		ExpiringTo: start.AddDate(0, 0, 7).Format(time.DateOnly), Size: 10}); err != nil {
		return err
	}
	if d.PickupShelf, err = s.d.Circulation.PickupShelf(ctx); err != nil {
		return err
	}
	classes, err := s.d.Readers.Classes(ctx)
	if err != nil {
		return err
	}
	from, to := start.AddDate(0, 0, -14).Format(time.DateOnly), start.AddDate(0, 0, 14).Format(time.DateOnly)
	for _, c := range classes {
		if c.EndDate < from || c.EndDate > to {
			continue
		}
		cl, err := s.d.Circulation.Clearance(ctx, c.ID)
		if err != nil {
			return err
		}
		if cl.LoansOut > 0 {
			d.EndingClasses = append(d.EndingClasses, endingClass{Class: c, Outstanding: cl.Outstanding, LoansOut: cl.LoansOut})
		}
	}
	if v.Librarian() && s.d.Acquisitions != nil {
		year := s.d.Acquisitions.ThisYear()
		p, err := s.d.Acquisitions.Progress(ctx, year)
		if err != nil {
			return err
		}
		d.Acquired = &p
		if d.Arrived, _, err = s.d.Acquisitions.Arrivals(ctx, acquisitions.ArrivalFilter{Year: year, Number: 1, Size: 8}); err != nil {
			return err
		}
		if s.d.Donations != nil {
			if d.Orders, err = s.acqHome(ctx); err != nil {
				return err
			}
		}
	}
	if v.Staff() && s.d.Duty != nil {
		if d.Duty, err = s.dutyHome(r); err != nil {
			return err
		}
	}
	if s.d.Visits != nil {
		o, err := s.d.Visits.Occupancy(ctx)
		if err != nil {
			return err
		}
		d.Occupancy = &o
	}
	if s.d.Receptions != nil && (v.Librarian() || v.Leadership()) {
		y, err := s.d.Receptions.Year(ctx, s.d.Receptions.ThisYear())
		if err != nil {
			return err
		}
		d.Received = &y
	}
	v.Title, v.Nav, v.Data = v.T("home.title"), "home", d
	s.render(w, r, http.StatusOK, "home", v)
	return nil
}
