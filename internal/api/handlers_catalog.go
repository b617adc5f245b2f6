package api

import (
	"net/http"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

// recordReply is a record as the API shows it: with the hyphenated ISBN
// and its copies' availability.
type recordReply struct {
	catalog.Record
	ISBNDisplay string         `json:"isbn_display,omitempty"`
	Items       []catalog.Item `json:"items"`
	Available   int            `json:"available"`
}

type itemReply struct {
	catalog.Item
	Title string            `json:"title"`
	Loan  *circulation.Loan `json:"loan,omitempty"`
}

type clcReply struct {
	Class     clc.Class   `json:"class"`
	Ancestors []clc.Class `json:"ancestors"`
	Children  []clc.Class `json:"children"`
}

type readingListReply struct {
	catalog.ReadingList
	Records []catalog.Record `json:"records"`
}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := intParam(r.PathValue(name), name, 0)
	if err != nil {
		return 0, err
	}
	if id <= 0 {
		return 0, errs.Invalid(errs.CodeParamInvalid, name, "编号必须是正整数", "the id must be a positive integer")
	}
	return id, nil
}

func (s *Server) listRecords(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	page, size, err := pageParams(r)
	if err != nil {
		return err
	}
	cat, err := intParam(q.Get("category"), "category", 0)
	if err != nil {
		return err
	}
	recs, total, err := s.Catalog.Records(r.Context(), catalog.RecordFilter{Query: q.Get("q"), CategoryID: cat, CLCPrefix: q.Get("clc"), Page: catalog.Page{Number: page, Size: size}})
	if err != nil {
		return err
	}
	if recs == nil {
		recs = []catalog.Record{}
	}
	writeJSON(w, http.StatusOK, Page[catalog.Record]{Items: recs, Total: total, Page: page, Size: size})
	return nil
}

func (s *Server) createRecord(w http.ResponseWriter, r *http.Request) error {
	var rec catalog.Record
	if err := decode(w, r, &rec); err != nil {
		return err
	}
	rec.ID = 0
	out, err := s.Catalog.CreateRecord(r.Context(), rec)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) getRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.Catalog.Record(r.Context(), id)
	if err != nil {
		return err
	}
	reply := recordReply{Record: d.Record, Items: d.Items}
	if d.ISBN != "" {
		reply.ISBNDisplay = isbn.Hyphenate(d.ISBN)
	}
	for _, it := range d.Items {
		if it.Status == catalog.StatusAvailable {
			reply.Available++
		}
	}
	writeJSON(w, http.StatusOK, reply)
	return nil
}

func (s *Server) updateRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var rec catalog.Record
	if err := decode(w, r, &rec); err != nil {
		return err
	}
	rec.ID = id
	out, err := s.Catalog.UpdateRecord(r.Context(), rec)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) deleteRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.Catalog.DeleteRecord(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) addItems(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in catalog.NewItems
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.RecordID = id
	items, err := s.Catalog.AddItems(r.Context(), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, items)
	return nil
}

func (s *Server) getItem(w http.ResponseWriter, r *http.Request) error {
	it, err := s.Catalog.Item(r.Context(), r.PathValue("barcode"))
	if err != nil {
		return err
	}
	d, err := s.Catalog.Record(r.Context(), it.RecordID)
	if err != nil {
		return err
	}
	reply := itemReply{Item: it, Title: d.Title}
	if it.Status == catalog.StatusOnLoan {
		if l, err := s.Circulation.LoanOf(r.Context(), it.ID); err == nil {
			reply.Loan = &l
		}
	}
	writeJSON(w, http.StatusOK, reply)
	return nil
}

func (s *Server) updateItem(w http.ResponseWriter, r *http.Request) error {
	var ch catalog.ItemChange
	if err := decode(w, r, &ch); err != nil {
		return err
	}
	it, err := s.Catalog.UpdateItem(r.Context(), r.PathValue("barcode"), ch)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, it)
	return nil
}

func (s *Server) markLost(w http.ResponseWriter, r *http.Request) error {
	it, err := s.Circulation.MarkLost(r.Context(), r.PathValue("barcode"), "")
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, it)
	return nil
}

func (s *Server) markDamaged(w http.ResponseWriter, r *http.Request) error {
	it, err := s.Circulation.MarkDamaged(r.Context(), r.PathValue("barcode"), "")
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, it)
	return nil
}

func (s *Server) suggestCLC(w http.ResponseWriter, r *http.Request) error {
	out := s.Catalog.CLC().Suggest(strings.TrimSpace(r.URL.Query().Get("q")), 20)
	if out == nil {
		out = []clc.Class{}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) getCLC(w http.ResponseWriter, r *http.Request) error {
	t := s.Catalog.CLC()
	code, err := t.Validate(r.PathValue("code"))
	if err != nil {
		return err
	}
	c, ok := t.Lookup(code)
	anc := t.Ancestors(code)
	if !ok {
		// A shallow tree accepts deeper codes; show the nearest known class.
		if len(anc) == 0 {
			return errs.NotFound(clc.CodeUnknown, "分类号 "+code+" 不在中图法类表中", "class "+code+" is not in the table")
		}
		c = clc.Class{Code: code, Name: anc[len(anc)-1].Name, Parent: anc[len(anc)-1].Code, Depth: anc[len(anc)-1].Depth + 1}
	} else if len(anc) > 0 && anc[len(anc)-1].Code == c.Code {
		anc = anc[:len(anc)-1]
	}
	children := t.Children(code)
	if children == nil {
		children = []clc.Class{}
	}
	if anc == nil {
		anc = []clc.Class{}
	}
	writeJSON(w, http.StatusOK, clcReply{Class: c, Ancestors: anc, Children: children})
	return nil
}

func (s *Server) listCategories(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Catalog.Categories(r.Context())
	return reply(w, out, err)
}

func (s *Server) saveCategory(w http.ResponseWriter, r *http.Request) error {
	var c catalog.Category
	if err := decode(w, r, &c); err != nil {
		return err
	}
	if err := idFromPath(r, &c.ID); err != nil {
		return err
	}
	out, err := s.Catalog.SaveCategory(r.Context(), c)
	return replyCreated(w, r, out, err)
}

func (s *Server) deleteCategory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Catalog.DeleteCategory(r.Context(), id))
}

func (s *Server) listLocations(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Catalog.Locations(r.Context())
	return reply(w, out, err)
}

func (s *Server) saveLocation(w http.ResponseWriter, r *http.Request) error {
	var l catalog.Location
	if err := decode(w, r, &l); err != nil {
		return err
	}
	if err := idFromPath(r, &l.ID); err != nil {
		return err
	}
	out, err := s.Catalog.SaveLocation(r.Context(), l)
	return replyCreated(w, r, out, err)
}

func (s *Server) deleteLocation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Catalog.DeleteLocation(r.Context(), id))
}

func (s *Server) listReadingLists(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Catalog.ReadingLists(r.Context())
	return reply(w, out, err)
}

func (s *Server) getReadingList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, recs, err := s.Catalog.ReadingList(r.Context(), id)
	if recs == nil {
		recs = []catalog.Record{}
	}
	return reply(w, readingListReply{ReadingList: l, Records: recs}, err)
}

func (s *Server) saveReadingList(w http.ResponseWriter, r *http.Request) error {
	var l catalog.ReadingList
	if err := decode(w, r, &l); err != nil {
		return err
	}
	if err := idFromPath(r, &l.ID); err != nil {
		return err
	}
	out, err := s.Catalog.SaveReadingList(r.Context(), l)
	return replyCreated(w, r, out, err)
}

func (s *Server) deleteReadingList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Catalog.DeleteReadingList(r.Context(), id))
}

// idFromPath sets *id from the {id} path value on PUT, and zero on POST.
func idFromPath(r *http.Request, id *int64) error {
	if r.PathValue("id") == "" {
		*id = 0
		return nil
	}
	v, err := pathID(r, "id")
	*id = v
	return err
}

func reply(w http.ResponseWriter, v any, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// replyCreated answers 201 to a POST and 200 to a PUT.
func replyCreated(w http.ResponseWriter, r *http.Request, v any, err error) error {
	if err != nil {
		return err
	}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		status = http.StatusCreated
	}
	writeJSON(w, status, v)
	return nil
}

func noContent(w http.ResponseWriter, err error) error {
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
