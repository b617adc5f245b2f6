package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/acquisitions"
	"shuwu/internal/catalog"
)

// Receiving (验收) an order by scanning, and the late lines to claim (催缺).

// receivePage is the scanning page of a sent order.
type receivePage struct {
	Order     acquisitions.Order
	Lines     []acquisitions.Line
	Locations []catalog.Location
	Line      int64 // the line being received
	// Last is the copy just made, with its line.
	Last     *catalog.Item
	LastLine *acquisitions.Line
}

// Current is the line being received, nil when none is chosen.
func (p receivePage) Current() *acquisitions.Line {
	for i := range p.Lines {
		if p.Lines[i].ID == p.Line {
			return &p.Lines[i]
		}
	}
	return nil
}

func (s *Server) showReceive(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	line, _ := strconv.ParseInt(r.URL.Query().Get("line"), 10, 64)
	return s.renderReceive(w, r, v, id, line, nil, http.StatusOK)
}

func (s *Server) renderReceive(w http.ResponseWriter, r *http.Request, v *view, id, line int64, last *catalog.Item, status int) error {
	ctx := r.Context()
	o, lines, err := s.d.Acquisitions.Order(ctx, id)
	if err != nil {
		return err
	}
	d := receivePage{Order: o, Lines: lines, Line: line, Last: last}
	if d.Locations, err = s.d.Catalog.Locations(ctx); err != nil {
		return err
	}
	if last != nil {
		for i := range lines {
			if lines[i].ID == line {
				d.LastLine = &lines[i]
			}
		}
	}
	// Stay on the line while it has copies to come; else the next that has.
	if c := d.Current(); c == nil || c.Outstanding() == 0 {
		for _, l := range lines {
			if l.Outstanding() > 0 {
				d.Line = l.ID
				break
			}
		}
	}
	if c := d.Current(); c != nil && (v.Val("price") == "" || last != nil) {
		v.Form.Set("price", yuanText(c.NetPriceFen()))
	}
	v.Title, v.Nav, v.Data = v.T("receive.title", o.Number), "acq", d
	s.render(w, r, status, "acq_receive", v)
	return nil
}

// receiveCopy makes the scanned copy against the chosen line and shows
// the page again, ready for the next scan.
func (s *Server) receiveCopy(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	line, _ := strconv.ParseInt(v.Val("line_id"), 10, 64)
	loc, _ := strconv.ParseInt(v.Val("location_id"), 10, 64)
	rc := acquisitions.Receipt{Barcode: strings.TrimSpace(v.Val("barcode")), LocationID: loc, CLC: v.Val("clc"), PriceFen: -1}
	if strings.TrimSpace(v.Val("price")) != "" {
		fen, ok := parseYuan(v.Val("price"))
		if !ok {
			v.Errors["price"] = v.T("form.price")
		}
		rc.PriceFen = fen
	}
	if rc.Barcode == "" && v.Errors["price"] == "" {
		v.Errors["barcode"] = v.T("receive.barcode_required")
	}
	if len(v.Errors) == 0 {
		it, l, _, err := s.d.Acquisitions.Receive(r.Context(), line, rc)
		if err == nil {
			if l.OrderID != id {
				return s.renderReceive(w, r, v, id, 0, nil, http.StatusNotFound)
			}
			v.Form.Del("barcode")
			v.Form.Del("clc")
			return s.renderReceive(w, r, v, id, line, &it, http.StatusOK)
		}
		if !v.fieldError(err, "barcode", "clc", "price", "location_id", "line_id") {
			return err
		}
		if msg, ok := v.Errors[""]; ok {
			v.Errors["barcode"] = msg
			delete(v.Errors, "")
		}
	}
	return s.renderReceive(w, r, v, id, line, nil, http.StatusUnprocessableEntity)
}

// claimsPage is the late lines, by supplier, for the claim list.
type claimsPage struct {
	Groups   []claimGroup
	Supplier int64
	Today    string
}

type claimGroup struct {
	SupplierID   int64
	SupplierName string
	Lines        []acquisitions.LateLine
	Copies       int
}

// showClaims lists what is late; ?supplier= narrows it to one supplier's
// printable claim list.
func (s *Server) showClaims(w http.ResponseWriter, r *http.Request, v *view) error {
	sup, _ := strconv.ParseInt(r.URL.Query().Get("supplier"), 10, 64)
	late, err := s.d.Acquisitions.LateLines(r.Context(), sup)
	if err != nil {
		return err
	}
	d := claimsPage{Supplier: sup, Today: s.d.Acquisitions.Today()}
	for _, l := range late {
		if n := len(d.Groups); n == 0 || d.Groups[n-1].SupplierID != l.SupplierID {
			d.Groups = append(d.Groups, claimGroup{SupplierID: l.SupplierID, SupplierName: l.SupplierName})
		}
		g := &d.Groups[len(d.Groups)-1]
		g.Lines = append(g.Lines, l)
		g.Copies += l.Outstanding()
	}
	v.Title, v.Nav, v.Data = v.T("claim.title"), "acq", d
	s.render(w, r, http.StatusOK, "acq_claims", v)
	return nil
}

// recordClaim notes that a supplier's claim list was sent today.
func (s *Server) recordClaim(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	sup, _ := strconv.ParseInt(v.Val("supplier"), 10, 64)
	n, err := s.d.Acquisitions.Claim(r.Context(), sup)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.redirect(w, r, "/acquisitions/claims", v.Errors[""])
	}
	return s.redirect(w, r, "/acquisitions/claims", v.T("claim.recorded", n))
}
