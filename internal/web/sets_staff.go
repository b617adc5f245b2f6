package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// setsPage is the index of multi-volume works and series (多卷书/丛编).
type setsPage struct {
	Sets  []catalog.Set
	Query string
	Kinds []setKindOption
}

type setKindOption struct {
	Value catalog.SetKind
	Label string
}

func setKinds(v *view) []setKindOption {
	lang := short(v.Lang)
	return []setKindOption{{catalog.SetMultiVolume, catalog.SetMultiVolume.Label(lang)}, {catalog.SetSeries, catalog.SetSeries.Label(lang)}}
}

// listSets lists the sets, filtered by title, with the form to start one.
func (s *Server) listSets(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSets(w, r, v, http.StatusOK)
}

func (s *Server) renderSets(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	sets, err := s.d.Catalog.Sets(r.Context(), q)
	if err != nil {
		return err
	}
	if v.Val("kind") == "" {
		v.Form.Set("kind", string(catalog.SetMultiVolume))
	}
	v.Title, v.Nav, v.Data = v.T("set.title"), "catalog", setsPage{Sets: sets, Query: q, Kinds: setKinds(v)}
	s.render(w, r, status, "sets", v)
	return nil
}

// createSet makes a set from its title, kind and ISBN, with the records
// ticked on a grouping proposal (rec) as its volumes in that order.
func (s *Server) createSet(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	set := catalog.Set{Title: f.Get("title"), ISBN: f.Get("isbn"), Kind: catalog.SetKind(f.Get("kind")), Note: f.Get("note")}
	for _, raw := range f["rec"] {
		if id, err := strconv.ParseInt(raw, 10, 64); err == nil {
			set.RecordIDs = append(set.RecordIDs, id)
		}
	}
	saved, err := s.d.Catalog.SaveSet(r.Context(), set)
	if err != nil {
		if !v.fieldError(err, "title", "isbn", "kind", "note", "record_ids") {
			return err
		}
		if from, err := strconv.ParseInt(f.Get("from"), 10, 64); err == nil && from > 0 {
			return s.renderGroup(w, r, v, from, http.StatusUnprocessableEntity)
		}
		return s.renderSets(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, setURL(saved.ID), v.T("set.created", saved.Title, len(saved.RecordIDs)))
}

func setURL(id int64) string { return "/catalog/sets/" + strconv.FormatInt(id, 10) }

// setPage is one set with its volumes and their copies.
type setPage struct {
	catalog.SetDetail
	KindLabel string
	Kinds     []setKindOption
	Ordered   bool // the volumes stand in volume-number order
}

// showSet is a set's staff page: its volumes in order with the copies on
// the shelf and on loan; for librarians the forms to change it.
func (s *Server) showSet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.renderSet(w, r, v, id, http.StatusOK)
}

func (s *Server) renderSet(w http.ResponseWriter, r *http.Request, v *view, id int64, status int) error {
	d, err := s.d.Catalog.Set(r.Context(), id)
	if err != nil {
		return err
	}
	if status == http.StatusOK {
		v.Form.Set("title", d.Title)
		v.Form.Set("kind", string(d.Kind))
		v.Form.Set("isbn", d.ISBN)
		v.Form.Set("note", d.Note)
	}
	recs := make([]catalog.Record, 0, len(d.Volumes))
	for _, vol := range d.Volumes {
		recs = append(recs, vol.Record)
	}
	sorted := append([]catalog.Record{}, recs...)
	catalog.SortByVolume(sorted)
	p := setPage{SetDetail: d, KindLabel: d.Kind.Label(short(v.Lang)), Kinds: setKinds(v), Ordered: true}
	for i := range recs {
		p.Ordered = p.Ordered && recs[i].ID == sorted[i].ID
	}
	v.Title, v.Nav, v.Data = d.Title, "catalog", p
	s.render(w, r, status, "set", v)
	return nil
}

// saveSet changes a set's title, kind, ISBN and note.
func (s *Server) saveSet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	cur, err := s.d.Catalog.Set(r.Context(), id)
	if err != nil {
		return err
	}
	next := cur.Set
	next.Title, next.ISBN, next.Kind, next.Note = f.Get("title"), f.Get("isbn"), catalog.SetKind(f.Get("kind")), f.Get("note")
	saved, err := s.d.Catalog.SaveSet(r.Context(), next)
	if err != nil {
		if !v.fieldError(err, "title", "isbn", "kind", "note") {
			return err
		}
		return s.renderSet(w, r, v, id, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, setURL(id), v.T("set.saved", saved.Title))
}

// addSetMembers adds the books of the ISBNs or barcodes typed, each
// placed by its volume number.
func (s *Server) addSetMembers(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	ctx := r.Context()
	ids, err := s.recordsToAdd(ctx, r.PostForm.Get("add"))
	if err == nil && len(ids) == 0 {
		err = errs.Invalid(CodeSetBookRequired, "add", "请输入要加入的图书的 ISBN 或条码", "type the ISBN or barcode of a book to add")
	}
	if err == nil {
		// All or nothing: check the whole lot against the set first.
		cur, err2 := s.d.Catalog.Set(ctx, id)
		if err2 != nil {
			return err2
		}
		next := cur.Set
		next.RecordIDs = append(append([]int64{}, cur.RecordIDs...), ids...)
		err = s.d.Catalog.CheckSet(ctx, next)
	}
	if err == nil {
		var saved catalog.Set
		for _, rid := range ids {
			if saved, err = s.d.Catalog.AddToSet(ctx, id, rid); err != nil {
				break
			}
		}
		if err == nil {
			return s.redirect(w, r, setURL(id), v.T("set.added", len(ids), len(saved.RecordIDs)))
		}
	}
	if !v.fieldError(err, "add", "record_id", "record_ids") {
		return err
	}
	if v.Errors["add"] == "" {
		v.Errors["add"] = v.Errors["record_id"] + v.Errors["record_ids"]
	}
	return s.renderSet(w, r, v, id, http.StatusUnprocessableEntity)
}

// changeSetMember removes a volume from the set or moves it up or down.
func (s *Server) changeSetMember(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rid, err := pathID(r, "rid")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	var saved catalog.Set
	msg := ""
	switch r.PostForm.Get("do") {
	case "remove":
		saved, err = s.d.Catalog.RemoveFromSet(ctx, id, rid)
		msg = v.T("set.removed")
	case "up":
		saved, err = s.d.Catalog.MoveInSet(ctx, id, rid, -1)
		msg = v.T("set.moved")
	case "down":
		saved, err = s.d.Catalog.MoveInSet(ctx, id, rid, 1)
		msg = v.T("set.moved")
	default:
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	if err != nil {
		return err
	}
	return s.redirect(w, r, setURL(saved.ID), msg)
}

// sortSet puts the volumes back in volume-number order.
func (s *Server) sortSet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.d.Catalog.SortSet(r.Context(), id); err != nil {
		return err
	}
	return s.redirect(w, r, setURL(id), v.T("set.sorted"))
}

// deleteSet removes a set; its records stay.
func (s *Server) deleteSet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	cur, err := s.d.Catalog.Set(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.d.Catalog.DeleteSet(r.Context(), id); err != nil {
		return err
	}
	return s.redirect(w, r, "/catalog/sets", v.T("set.deleted", cur.Title))
}

// groupPage proposes a set of a record's namesakes with different
// volumes: the librarian ticks the ones that belong and names it.
type groupPage struct {
	From     catalog.Record
	Proposal catalog.SetProposal
	Kinds    []setKindOption
	Chosen   map[int64]bool
}

// groupRecords is the 组成多卷书 page of a record.
func (s *Server) groupRecords(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.renderGroup(w, r, v, id, http.StatusOK)
}

func (s *Server) renderGroup(w http.ResponseWriter, r *http.Request, v *view, id int64, status int) error {
	ctx := r.Context()
	rec, err := s.d.Catalog.Record(ctx, id)
	if err != nil {
		return err
	}
	p, err := s.d.Catalog.ProposeSet(ctx, id)
	if err != nil {
		return err
	}
	d := groupPage{From: rec.Record, Proposal: p, Kinds: setKinds(v), Chosen: map[int64]bool{}}
	if status == http.StatusOK {
		v.Form.Set("title", p.Title)
		v.Form.Set("kind", string(catalog.SetMultiVolume))
		for _, c := range p.Records {
			d.Chosen[c.ID] = true
		}
	} else {
		for _, raw := range v.Form["rec"] {
			if cid, err := strconv.ParseInt(raw, 10, 64); err == nil {
				d.Chosen[cid] = true
			}
		}
	}
	v.Title, v.Nav, v.Data = v.T("set.group_title", p.Title), "catalog", d
	s.render(w, r, status, "set_group", v)
	return nil
}
