package web

import (
	"net/http"

	"shuwu/internal/circulation"
)

// overdueSlip is one reader's 催还单: every overdue book they have.
type overdueSlip struct {
	ReaderName, ReaderCard, ReaderUnit, ReaderPhone, ClassName string
	Loans                                                      []circulation.OverdueLoan
}

// slipsPage is a sheet of 催还 slips to print and hand out.
type slipsPage struct {
	Slips   []overdueSlip
	Filter  string
	Today   string
	Loans   int
	ByClass bool
}

// maxSlipLoans bounds one printing; a library with more overdue loans
// than this prints them class by class.
const maxSlipLoans = 5000

// overdueSlips prints one 催还 slip per reader with overdue books, several
// to an A4 page, for the class or the whole library.
func (s *Server) overdueSlips(w http.ResponseWriter, r *http.Request, v *view) error {
	f, keep := overdueFilter(r.URL.Query())
	f.ByClass, f.Limit = true, maxSlipLoans
	loans, _, err := s.d.Circulation.OverdueList(r.Context(), f)
	if err != nil {
		return err
	}
	d := slipsPage{Filter: keep, Today: s.d.Catalog.Today(), Loans: len(loans)}
	byReader := map[int64]int{}
	for _, l := range loans {
		i, ok := byReader[l.ReaderID]
		if !ok {
			i = len(d.Slips)
			byReader[l.ReaderID] = i
			d.Slips = append(d.Slips, overdueSlip{ReaderName: l.ReaderName, ReaderCard: l.ReaderCard, ReaderUnit: l.ReaderUnit,
				ReaderPhone: l.ReaderPhone, ClassName: l.ClassName})
		}
		d.Slips[i].Loans = append(d.Slips[i].Loans, l)
	}
	v.Title, v.Nav, v.Data = v.T("slips.title"), "home", d
	s.render(w, r, http.StatusOK, "overdue_slips", v)
	return nil
}
