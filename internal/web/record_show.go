package web

import (
	"context"
	"net/http"
	"strconv"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// recordPage is a record with its copies, as staff see it.
type recordPage struct {
	catalog.RecordDetail
	Copies    []copyRow
	ClassName string
	Category  string
	Locations []catalog.Location
	Sources   []catalog.Source
	// ReadingLists are the lists a librarian can put the record on.
	ReadingLists []catalog.ReadingList
	// InSet is the set (多卷书/丛编) the record belongs to; nil when none.
	InSet *setOfRecordView
}

// setOfRecordView is a record's set with its links: Base prefixes a
// sibling's id (the staff or the portal record page).
type setOfRecordView struct {
	catalog.SetOfRecord
	Base    string
	SetLink string
}

// setOfRecord loads the set a record belongs to for a page under base
// ("/catalog" or "/opac").
func (s *Server) setOfRecord(ctx context.Context, id int64, base string) (*setOfRecordView, error) {
	of, ok, err := s.d.Catalog.SetOf(ctx, id)
	if err != nil || !ok {
		return nil, err
	}
	return &setOfRecordView{SetOfRecord: of, Base: base + "/records/", SetLink: base + "/sets/" + strconv.FormatInt(of.Set.ID, 10)}, nil
}

// copyRow is one copy with where it is and, when lent, when it is due.
type copyRow struct {
	catalog.Item
	Location string
	DueDate  string
}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, errs.NotFound(CodePageNotFound, "页面不存在", "page not found")
	}
	return id, nil
}

// showRecord is a record's staff page: its data, copies, and the form to
// add copies.
func (s *Server) showRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.recordPage(r.Context(), v, id, true)
	if err != nil {
		return err
	}
	v.Form.Set("count", "1")
	v.Form.Set("source", string(catalog.SourcePurchase))
	if len(p.Locations) > 0 {
		v.Form.Set("location_id", strconv.FormatInt(p.Locations[0].ID, 10))
	}
	v.Title, v.Nav, v.Data = p.Title, "catalog", p
	s.render(w, r, http.StatusOK, "record", v)
	return nil
}

// recordPage loads what a record's page shows; withDue adds the due date
// of lent copies, which only staff see.
func (s *Server) recordPage(ctx context.Context, v *view, id int64, withDue bool) (*recordPage, error) {
	d, err := s.d.Catalog.Record(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &recordPage{RecordDetail: d, Sources: catalog.Sources()}
	if c, ok := s.d.Catalog.CLC().Lookup(d.CLC); ok {
		p.ClassName = c.Name
	}
	if p.Locations, err = s.d.Catalog.Locations(ctx); err != nil {
		return nil, err
	}
	if p.InSet, err = s.setOfRecord(ctx, id, "/catalog"); err != nil {
		return nil, err
	}
	if v.Librarian() {
		if p.ReadingLists, err = s.d.Catalog.ReadingLists(ctx); err != nil {
			return nil, err
		}
	}
	cats, err := s.d.Catalog.Categories(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		if c.ID == d.CategoryID {
			p.Category = pickName(v.Lang, c.Name, c.NameEn)
		}
	}
	names := map[int64]string{}
	for _, l := range p.Locations {
		names[l.ID] = pickName(v.Lang, l.Name, l.NameEn)
	}
	for _, it := range d.Items {
		row := copyRow{Item: it, Location: names[it.LocationID]}
		if withDue && it.Status == catalog.StatusOnLoan {
			if l, err := s.d.Circulation.LoanOf(ctx, it.ID); err == nil {
				row.DueDate = l.DueDate
			} else if errs.As(err).Kind == errs.KindInternal {
				return nil, err
			}
		}
		p.Copies = append(p.Copies, row)
	}
	return p, nil
}
