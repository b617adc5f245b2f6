package web

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// staffListsPage is the librarian's index of required-reading lists.
type staffListsPage struct {
	Lists []catalog.ReadingList
}

// listStaffReadingLists shows every list with a form to start a new one.
func (s *Server) listStaffReadingLists(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderStaffLists(w, r, v, http.StatusOK)
}

func (s *Server) renderStaffLists(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	lists, err := s.d.Catalog.ReadingLists(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("rl.title"), "catalog", staffListsPage{Lists: lists}
	s.render(w, r, status, "reading_lists", v)
	return nil
}

// createReadingList starts a list from its name and audience, then opens
// its editor to add books.
func (s *Server) createReadingList(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	l, err := s.d.Catalog.SaveReadingList(r.Context(), catalog.ReadingList{Name: v.Form.Get("name"), Audience: v.Form.Get("audience")})
	if err != nil {
		if !v.fieldError(err, "name", "audience") {
			return err
		}
		return s.renderStaffLists(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/catalog/lists/"+strconv.FormatInt(l.ID, 10), v.T("rl.created", l.Name))
}

// listEditor is one list being edited: its books in order with notes,
// and the classes it can be assigned to.
type listEditor struct {
	List    catalog.ReadingList
	Records []catalog.Record
	Classes []readers.Class
	Chosen  map[int64]bool // classes the list is for
}

// editReadingList is a list's editor.
func (s *Server) editReadingList(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, recs, err := s.d.Catalog.ReadingList(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderListEditor(w, r, v, l, recs, http.StatusOK)
}

func (s *Server) renderListEditor(w http.ResponseWriter, r *http.Request, v *view, l catalog.ReadingList, recs []catalog.Record, status int) error {
	d := listEditor{List: l, Records: orderRecords(l.RecordIDs, recs), Chosen: map[int64]bool{}}
	var err error
	if d.Classes, err = s.d.Readers.Classes(r.Context()); err != nil {
		return err
	}
	for _, c := range l.ClassIDs {
		d.Chosen[c] = true
	}
	v.Title, v.Nav, v.Data = l.Name, "catalog", d
	s.render(w, r, status, "reading_list_edit", v)
	return nil
}

// orderRecords puts records in the order of ids.
func orderRecords(ids []int64, recs []catalog.Record) []catalog.Record {
	by := make(map[int64]catalog.Record, len(recs))
	for _, r := range recs {
		by[r.ID] = r
	}
	out := make([]catalog.Record, 0, len(ids))
	for _, id := range ids {
		if r, ok := by[id]; ok {
			out = append(out, r)
		}
	}
	return out
}

// saveReadingList stores the whole editor: name, audience, description,
// classes, the books in the order of their position numbers with their
// notes, minus the ones ticked for removal, plus the ISBNs and barcodes
// typed to add. A book that cannot be found saves nothing.
func (s *Server) saveReadingList(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	f := r.PostForm
	v.Form = f
	l := catalog.ReadingList{ID: id, Name: f.Get("name"), Audience: f.Get("audience"), Description: f.Get("description"), Notes: map[int64]string{}}
	for _, c := range f["class_ids"] {
		if cid, err := strconv.ParseInt(c, 10, 64); err == nil {
			l.ClassIDs = append(l.ClassIDs, cid)
		}
	}
	type row struct {
		id  int64
		pos float64
	}
	var rows []row
	for i, raw := range f["rec"] {
		rid, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || f.Get("remove_"+raw) == "on" {
			continue
		}
		pos, err := strconv.ParseFloat(strings.TrimSpace(f.Get("pos_"+raw)), 64)
		if err != nil {
			pos = float64(i + 1)
		}
		rows = append(rows, row{rid, pos})
		l.Notes[rid] = f.Get("note_" + raw)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].pos < rows[j].pos })
	for _, x := range rows {
		l.RecordIDs = append(l.RecordIDs, x.id)
	}
	added, err := s.recordsToAdd(ctx, f.Get("add"))
	if err != nil {
		if !v.fieldError(err, "add") {
			return err
		}
	} else {
		l.RecordIDs = append(l.RecordIDs, added...)
	}
	if len(v.Errors) == 0 {
		saved, err := s.d.Catalog.SaveReadingList(ctx, l)
		if err == nil {
			return s.redirect(w, r, "/catalog/lists/"+strconv.FormatInt(id, 10), v.T("rl.saved", saved.Name, len(saved.RecordIDs)))
		}
		if !v.fieldError(err, "name", "audience", "description", "notes", "record_ids", "class_ids") {
			return err
		}
	}
	// Show the list as stored, with what was typed in its fields.
	stored, recs, err := s.d.Catalog.ReadingList(ctx, id)
	if err != nil {
		return err
	}
	return s.renderListEditor(w, r, v, stored, recs, http.StatusUnprocessableEntity)
}

// recordsToAdd finds the records of the ISBNs and barcodes typed, one per
// line or separated by spaces.
func (s *Server) recordsToAdd(ctx context.Context, typed string) ([]int64, error) {
	var out []int64
	for _, tok := range strings.FieldsFunc(typed, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == ',' || r == '，' || r == '、'
	}) {
		if n, err := isbn.Normalize(tok); err == nil {
			recs, _, err := s.d.Catalog.Records(ctx, catalog.RecordFilter{Query: n, Page: catalog.Page{Number: 1, Size: 5}})
			if err != nil {
				return nil, err
			}
			found := false
			for _, rec := range recs {
				if rec.ISBN == n {
					out, found = append(out, rec.ID), true
					break
				}
			}
			if found {
				continue
			}
		}
		it, err := s.d.Catalog.Item(ctx, tok)
		if err != nil {
			if errs.As(err).Kind == errs.KindInternal {
				return nil, err
			}
			return nil, errs.Invalid(CodeReadingListBookUnknown, "add", "找不到 ISBN 或条码为“"+tok+"”的图书", "no book has the ISBN or barcode “"+tok+"”")
		}
		out = append(out, it.RecordID)
	}
	return out, nil
}

// deleteReadingList removes a list (the books stay in the catalogue).
func (s *Server) deleteReadingList(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, _, err := s.d.Catalog.ReadingList(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.d.Catalog.DeleteReadingList(r.Context(), id); err != nil {
		return err
	}
	return s.redirect(w, r, "/catalog/lists", v.T("rl.deleted", l.Name))
}

// addToReadingList puts the record of a record page on a list, last, with
// an optional note.
func (s *Server) addToReadingList(w http.ResponseWriter, r *http.Request, v *view) error {
	recID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	listID, err := strconv.ParseInt(r.PostForm.Get("list_id"), 10, 64)
	if err != nil {
		return errs.Invalid(CodeReadingListRequired, "list_id", "请选择必读书目", "choose a list")
	}
	ctx := r.Context()
	l, _, err := s.d.Catalog.ReadingList(ctx, listID)
	if err != nil {
		return err
	}
	if l.Notes == nil {
		l.Notes = map[int64]string{}
	}
	already := false
	for _, id := range l.RecordIDs {
		already = already || id == recID
	}
	if !already {
		l.RecordIDs = append(l.RecordIDs, recID)
	}
	if n := strings.TrimSpace(r.PostForm.Get("note")); n != "" {
		l.Notes[recID] = n
	}
	if _, err := s.d.Catalog.SaveReadingList(ctx, l); err != nil {
		return err
	}
	msg := v.T("rl.added", l.Name)
	if already {
		msg = v.T("rl.already", l.Name)
	}
	return s.redirect(w, r, "/catalog/records/"+strconv.FormatInt(recID, 10), msg)
}
