package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/donations"
	"shuwu/internal/errs"
)

// acqPage is the collection-building hub: the accession batches
// (donations and transfers) with the forms to open one.
type acqPage struct {
	Batches []donations.Batch
	Donors  []donations.Donor
	Kind    string
	Today   string
}

// showAcquisitions lists the batches, newest first, filtered by kind.
func (s *Server) showAcquisitions(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderAcquisitions(w, r, v, http.StatusOK)
}

func (s *Server) renderAcquisitions(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	kind := donations.BatchKind(r.URL.Query().Get("kind"))
	if !kind.Valid() {
		kind = ""
	}
	d := acqPage{Kind: string(kind), Today: s.d.Catalog.Today()}
	var err error
	if d.Batches, err = s.d.Donations.Batches(ctx, donations.BatchFilter{Kind: kind}); err != nil {
		return err
	}
	if d.Donors, err = s.d.Donations.Donors(ctx, donations.DonorFilter{Limit: donorChoices}); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("acq.title"), "acq", d
	s.render(w, r, status, "acq_batches", v)
	return nil
}

// createBatch opens a donation or transfer batch and goes to it, to add
// its books.
func (s *Server) createBatch(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	donor, _ := strconv.ParseInt(f.Get("donor_id"), 10, 64)
	b, err := s.d.Donations.CreateBatch(r.Context(), donations.NewBatch{Kind: donations.BatchKind(f.Get("kind")), DonorID: donor,
		FromName: f.Get("from_name"), ReceivedDate: f.Get("received_date"), Notes: f.Get("notes")})
	if err != nil {
		if !v.fieldError(err, "kind", "donor_id", "from_name", "received_date", "notes") {
			return err
		}
		return s.renderAcquisitions(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/acquisitions/batches/"+strconv.FormatInt(b.ID, 10), v.T("acq.batch_created", b.Number))
}

// batchPage is one batch: its books and the quick form to add more.
type batchPage struct {
	Batch     donations.Batch
	Lines     []donations.Line
	Locations []catalog.Location
	// Found is the record on file an ISBN scan found; Looked is true once
	// an ISBN was looked up (so "not found" can be said).
	Found  *catalog.Record
	Looked bool
}

// showBatch is a batch's page. ?isbn= looks the scanned ISBN up in the
// local catalogue: a record on file is offered for more copies, else the
// quick form starts with the ISBN filled in.
func (s *Server) showBatch(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if code := strings.TrimSpace(r.URL.Query().Get("isbn")); code != "" {
		v.Form.Set("isbn", code)
		rec, found, err := s.d.Donations.FindByISBN(r.Context(), code)
		if err != nil {
			if !v.fieldError(err, "isbn") {
				return err
			}
			return s.renderBatch(w, r, v, id, nil, false, http.StatusUnprocessableEntity)
		}
		v.Form.Set("isbn", rec.ISBN)
		if found {
			return s.renderBatch(w, r, v, id, &rec, true, http.StatusOK)
		}
		return s.renderBatch(w, r, v, id, nil, true, http.StatusOK)
	}
	return s.renderBatch(w, r, v, id, nil, false, http.StatusOK)
}

func (s *Server) renderBatch(w http.ResponseWriter, r *http.Request, v *view, id int64, found *catalog.Record, looked bool, status int) error {
	ctx := r.Context()
	b, lines, err := s.d.Donations.Batch(ctx, id)
	if err != nil {
		return err
	}
	locs, err := s.d.Catalog.Locations(ctx)
	if err != nil {
		return err
	}
	if v.Val("copies") == "" {
		v.Form.Set("copies", "1")
	}
	v.Title, v.Nav, v.Data = b.Number, "acq", batchPage{Batch: b, Lines: lines, Locations: locs, Found: found, Looked: looked}
	s.render(w, r, status, "acq_batch", v)
	return nil
}

// addBatchItems adds copies of one book to a batch: more copies of a
// record on file (record_id), or a new record from the quick form.
func (s *Server) addBatchItems(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	e := donations.Entry{Barcodes: strings.Fields(f.Get("barcodes"))}
	e.RecordID, _ = strconv.ParseInt(f.Get("record_id"), 10, 64)
	e.LocationID, _ = strconv.ParseInt(f.Get("location_id"), 10, 64)
	if n, err := strconv.Atoi(strings.TrimSpace(f.Get("copies"))); err == nil {
		e.Copies = n
	} else {
		v.Errors["copies"] = v.T("form.number")
	}
	if len(e.Barcodes) > 0 && e.Copies == 1 {
		e.Copies = len(e.Barcodes)
	}
	fen, ok := parseYuan(f.Get("price"))
	if !ok {
		v.Errors["price"] = v.T("form.price")
	}
	var found *catalog.Record
	if e.RecordID != 0 {
		d, err := s.d.Catalog.Record(r.Context(), e.RecordID)
		if err != nil {
			return err
		}
		found = &d.Record
		e.PriceFen = fen
	} else {
		e.Record = catalog.Record{Title: f.Get("title"), ISBN: f.Get("isbn"), Publisher: strings.TrimSpace(f.Get("publisher")), CLC: f.Get("clc"), PriceFen: fen}
		if a := strings.TrimSpace(f.Get("author")); a != "" {
			e.Record.Authors = []catalog.Author{{Name: a}}
		}
		if y := strings.TrimSpace(f.Get("year")); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil {
				v.Errors["year"] = v.T("form.number")
			}
			e.Record.Year = n
		}
		if strings.TrimSpace(e.Record.CLC) == "" && v.Errors["clc"] == "" {
			v.Errors["clc"] = v.T("acq.clc_required")
		}
	}
	if len(v.Errors) == 0 {
		rec, items, err := s.d.Donations.Add(r.Context(), id, e)
		if err == nil {
			return s.redirect(w, r, "/acquisitions/batches/"+strconv.FormatInt(id, 10), v.T("acq.items_added", rec.DisplayTitle(), len(items), items[0].CallNumber))
		}
		if !v.fieldError(err, "title", "isbn", "clc", "year", "price", "copies", "count", "barcodes", "barcode", "location_id", "publisher", "author") {
			return err
		}
	}
	return s.renderBatch(w, r, v, id, found, found != nil, http.StatusUnprocessableEntity)
}

// certificatePage is the print page of a batch: the 捐赠证书 of a
// donation, the receiving list of a transfer.
type certificatePage struct {
	Batch donations.Batch
	Lines []donations.Line
}

// batchCertificate is the print-ready certificate (A4) with the list of
// books. An empty batch has none.
func (s *Server) batchCertificate(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	b, lines, err := s.d.Donations.Batch(r.Context(), id)
	if err != nil {
		return err
	}
	if len(lines) == 0 {
		return errs.Conflict(donations.CodeBatchEmpty, "批次中还没有图书，无法打印证书", "the batch has no books yet, so there is nothing to print")
	}
	v.Title, v.Nav, v.Data = v.T("acq.cert_title."+string(b.Kind)), "acq", certificatePage{Batch: b, Lines: lines}
	s.render(w, r, http.StatusOK, "acq_certificate", v)
	return nil
}

// donorChoices bounds the donors offered in the new-batch form (the
// register's first, by copies given); any other is a search away, with
// its own 新建捐赠批次 button. donorListSize bounds the register page.
const (
	donorChoices  = 200
	donorListSize = 200
)

// donorsPage is the donor register with the form to add one.
type donorsPage struct {
	Donors []donations.Donor
	Query  string
}

// listDonors shows the register, most copies held first.
func (s *Server) listDonors(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderDonors(w, r, v, http.StatusOK)
}

func (s *Server) renderDonors(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	ds, err := s.d.Donations.Donors(r.Context(), donations.DonorFilter{Query: q, Limit: donorListSize})
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("donor.title"), "acq", donorsPage{Donors: ds, Query: q}
	s.render(w, r, status, "acq_donors", v)
	return nil
}

func donorFromForm(f map[string][]string, id int64) donations.Donor {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	return donations.Donor{ID: id, Name: get("name"), Kind: donations.DonorKind(get("kind")), Unit: get("unit"), Phone: get("phone"),
		Notes: get("notes"), Honour: get("honour") != ""}
}

var donorFields = []string{"name", "kind", "card", "unit", "phone", "notes"}

// createDonor registers a donor.
func (s *Server) createDonor(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	d, err := s.d.Donations.SaveDonor(r.Context(), donorFromForm(r.PostForm, 0), r.PostForm.Get("card"))
	if err != nil {
		if !v.fieldError(err, donorFields...) {
			return err
		}
		return s.renderDonors(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/acquisitions/donors/"+strconv.FormatInt(d.ID, 10), v.T("donor.saved", d.Name))
}

// donorPage is one donor: the edit form and their batches.
type donorPage struct {
	Donor   donations.Donor
	Batches []donations.Batch
}

// showDonor is a donor's page.
func (s *Server) showDonor(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.d.Donations.Donor(r.Context(), id)
	if err != nil {
		return err
	}
	v.Form.Set("name", d.Name)
	v.Form.Set("kind", string(d.Kind))
	v.Form.Set("card", d.ReaderCard)
	v.Form.Set("unit", d.Unit)
	v.Form.Set("phone", d.Phone)
	v.Form.Set("notes", d.Notes)
	if d.Honour {
		v.Form.Set("honour", "1")
	}
	return s.renderDonor(w, r, v, d, http.StatusOK)
}

func (s *Server) renderDonor(w http.ResponseWriter, r *http.Request, v *view, d donations.Donor, status int) error {
	bs, err := s.d.Donations.Batches(r.Context(), donations.BatchFilter{DonorID: d.ID})
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = d.Name, "acq", donorPage{Donor: d, Batches: bs}
	s.render(w, r, status, "acq_donor", v)
	return nil
}

// updateDonor saves a donor's entry.
func (s *Server) updateDonor(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	old, err := s.d.Donations.Donor(r.Context(), id)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	d, err := s.d.Donations.SaveDonor(r.Context(), donorFromForm(r.PostForm, id), r.PostForm.Get("card"))
	if err != nil {
		if !v.fieldError(err, donorFields...) {
			return err
		}
		return s.renderDonor(w, r, v, old, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/acquisitions/donors/"+strconv.FormatInt(d.ID, 10), v.T("donor.saved", d.Name))
}

// honourList is the portal's 捐赠芳名录: donors who agreed to be named.
func (s *Server) honourList(w http.ResponseWriter, r *http.Request, v *view) error {
	ds, err := s.d.Donations.HonourList(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("honour.title"), "donors", ds
	s.render(w, r, http.StatusOK, "opac_donors", v)
	return nil
}
