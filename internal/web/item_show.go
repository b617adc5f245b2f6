package web

import (
	"context"
	"net/http"
	"strconv"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// itemPage is one copy (复本) as staff see it: where it is, who has it,
// what can be done with it, and the librarian's edit form.
type itemPage struct {
	Item      catalog.Item
	Record    catalog.RecordDetail
	Location  string
	Locations []catalog.Location
	Sources   []catalog.Source
	// Borrower and DueDate are set while the copy is lent.
	Borrower *readers.Reader
	DueDate  string
	Actions  []string // status changes allowed now, see itemActions
	// Confirm is the status change being confirmed, "" on the plain page.
	Confirm string
}

// itemActions are the status changes a copy in status st allows, in the
// order the page offers them; withdraw is for librarians.
func itemActions(st catalog.ItemStatus, librarian bool) []string {
	var out []string
	switch st {
	case catalog.StatusAvailable:
		out = []string{"damaged", "lost"}
	case catalog.StatusOnLoan, catalog.StatusOnHoldShelf:
		out = []string{"lost"}
	case catalog.StatusRepair:
		out = []string{"restore", "lost"}
	case catalog.StatusLost, catalog.StatusInTransit:
		out = []string{"restore"}
	case catalog.StatusWithdrawn:
		if librarian {
			out = []string{"restore"}
		}
	}
	if librarian && st != catalog.StatusWithdrawn && st != catalog.StatusOnLoan && st != catalog.StatusOnHoldShelf {
		out = append(out, "withdraw")
	}
	return out
}

// showItem is a copy's page.
func (s *Server) showItem(w http.ResponseWriter, r *http.Request, v *view) error {
	p, err := s.itemPage(r.Context(), v, r.PathValue("barcode"))
	if err != nil {
		return err
	}
	s.fillItemForm(v, p.Item)
	return s.renderItem(w, r, v, p, http.StatusOK)
}

func (s *Server) renderItem(w http.ResponseWriter, r *http.Request, v *view, p *itemPage, status int) error {
	v.Title, v.Nav, v.Data = v.T("copy.title", p.Item.Barcode), "catalog", p
	s.render(w, r, status, "item", v)
	return nil
}

// fillItemForm puts a copy's editable fields in the form.
func (s *Server) fillItemForm(v *view, it catalog.Item) {
	v.Form.Set("call_number", it.CallNumber)
	v.Form.Set("location_id", strconv.FormatInt(it.LocationID, 10))
	v.Form.Set("source", string(it.Source))
	v.Form.Set("donor", it.Donor)
	v.Form.Set("price", formatYuanPlain(it.PriceFen))
	v.Form.Set("notes", it.Notes)
	if it.Lendable {
		v.Form.Set("lendable", "on")
	}
}

// formatYuanPlain is fen as a number of yuan for a form field: 45.00.
func formatYuanPlain(fen int64) string {
	if fen == 0 {
		return ""
	}
	return strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(fen%100/10, 10) + strconv.FormatInt(fen%10, 10)
}

// itemPage loads a copy with its record, location and borrower.
func (s *Server) itemPage(ctx context.Context, v *view, barcode string) (*itemPage, error) {
	it, err := s.d.Catalog.Item(ctx, barcode)
	if err != nil {
		return nil, err
	}
	p := &itemPage{Item: it, Sources: catalog.Sources(), Actions: itemActions(it.Status, v.Librarian())}
	if p.Record, err = s.d.Catalog.Record(ctx, it.RecordID); err != nil {
		return nil, err
	}
	if p.Locations, err = s.d.Catalog.Locations(ctx); err != nil {
		return nil, err
	}
	for _, l := range p.Locations {
		if l.ID == it.LocationID {
			p.Location = pickName(v.Lang, l.Name, l.NameEn)
		}
	}
	if it.Status == catalog.StatusOnLoan {
		l, err := s.d.Circulation.LoanOf(ctx, it.ID)
		switch {
		case err == nil:
			rd, err := s.d.Readers.ByID(ctx, l.ReaderID)
			if err != nil {
				return nil, err
			}
			p.Borrower, p.DueDate = &rd, l.DueDate
		case errs.As(err).Kind == errs.KindInternal:
			return nil, err
		}
	}
	return p, nil
}
