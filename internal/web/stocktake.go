package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/stocktake"
)

// stocktakesPage lists the stocktakes with the form to start one.
type stocktakesPage struct {
	List      []stocktake.Stocktake
	Locations []catalog.Location
}

// showStocktakes lists the stocktakes (盘点).
func (s *Server) showStocktakes(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderStocktakes(w, r, v, http.StatusOK)
}

func (s *Server) renderStocktakes(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	d := stocktakesPage{}
	var err error
	if d.List, err = s.d.Stocktake.Stocktakes(ctx); err != nil {
		return err
	}
	if d.Locations, err = s.d.Catalog.Locations(ctx); err != nil {
		return err
	}
	v.Path, v.Query = "/stocktake", ""
	v.Title, v.Nav, v.Data = v.T("stock.title"), "catalog", d
	s.render(w, r, status, "stocktakes", v)
	return nil
}

// startStocktake opens a stocktake over the range chosen.
func (s *Server) startStocktake(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	in := stocktake.Stocktake{Name: v.Val("name"), CLCFrom: v.Val("clc_from"), CLCTo: v.Val("clc_to")}
	if raw := strings.TrimSpace(v.Val("location_id")); raw != "" {
		in.LocationID, _ = strconv.ParseInt(raw, 10, 64)
		if in.LocationID < 1 {
			in.LocationID = -1 // not a shelf group: the service says so
		}
	}
	st, err := s.d.Stocktake.Start(r.Context(), in)
	if err != nil {
		if !v.fieldError(err, "name", "location_id", "clc_from", "clc_to") {
			return err
		}
		return s.renderStocktakes(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/stocktake/"+strconv.FormatInt(st.ID, 10), v.T("stock.started", st.Name))
}

// scanPage is a stocktake's scanning page: the shelf being scanned, the
// scanner's input, what the last scan was.
type scanPage struct {
	Stocktake stocktake.Stocktake
	Locations []catalog.Location
	Shelf     int64
	Last      *stocktake.Feedback
	Imported  *stocktake.Imported
}

// showStocktake is the scanning page.
func (s *Server) showStocktake(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderStocktake(w, r, v, nil, nil, http.StatusOK)
}

func (s *Server) renderStocktake(w http.ResponseWriter, r *http.Request, v *view, fb *stocktake.Feedback, im *stocktake.Imported, status int) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	d := scanPage{Last: fb, Imported: im}
	if d.Stocktake, err = s.d.Stocktake.Stocktake(ctx, id); err != nil {
		return err
	}
	if d.Locations, err = s.d.Catalog.Locations(ctx); err != nil {
		return err
	}
	d.Shelf, _ = strconv.ParseInt(v.Val("shelf"), 10, 64)
	if d.Shelf == 0 {
		d.Shelf, _ = strconv.ParseInt(r.URL.Query().Get("shelf"), 10, 64)
	}
	if d.Shelf == 0 {
		d.Shelf = d.Stocktake.LocationID
	}
	v.Path, v.Query = "/stocktake/"+strconv.FormatInt(id, 10), ""
	v.Title, v.Nav, v.Data = d.Stocktake.Name, "catalog", d
	s.render(w, r, status, "stocktake_scan", v)
	return nil
}

// scanStocktake records what the scanner read on the shelf chosen.
func (s *Server) scanStocktake(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	shelf, _ := strconv.ParseInt(v.Val("shelf"), 10, 64)
	fb, err := s.d.Stocktake.Scan(r.Context(), id, shelf, v.Val("barcode"))
	if err != nil {
		if !v.fieldError(err, "barcode", "shelf") {
			return err
		}
		if msg, ok := v.Errors[""]; ok { // a closed stocktake: said beside the scanner
			v.Errors["barcode"] = msg
			delete(v.Errors, "")
		}
		return s.renderStocktake(w, r, v, nil, nil, http.StatusUnprocessableEntity)
	}
	v.Form.Del("barcode")
	return s.renderStocktake(w, r, v, &fb, nil, http.StatusOK)
}

// importStocktake loads a scanner's barcode file for one shelf group.
func (s *Server) importStocktake(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	form, up, err := s.readUpload(w, r, 16<<20)
	v.Form = form
	defer up.discard()
	if err == nil && up == nil {
		err = errs.Invalid(stocktake.CodeFileInvalid, "file", "请选择扫描枪导出的条码文件", "choose the scanner's barcode file")
	}
	var im stocktake.Imported
	if err == nil {
		var codes []string
		if codes, err = stocktake.ParseScannerFile(up.File); err == nil {
			shelf, _ := strconv.ParseInt(v.Val("shelf"), 10, 64)
			im, err = s.d.Stocktake.ImportScans(r.Context(), id, shelf, codes)
		}
	}
	if err != nil {
		if !v.fieldError(err, "file", "shelf") {
			return err
		}
		return s.renderStocktake(w, r, v, nil, nil, http.StatusUnprocessableEntity)
	}
	return s.renderStocktake(w, r, v, nil, &im, http.StatusOK)
}

// resultPage is a stocktake's result.
type resultPage struct {
	stocktake.Result
	Locations map[int64]string
}

// showStocktakeResult is the result: totals by verdict and the copies that
// need a look.
func (s *Server) showStocktakeResult(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderStocktakeResult(w, r, v, http.StatusOK)
}

func (s *Server) renderStocktakeResult(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, err := s.d.Stocktake.Result(r.Context(), id)
	if err != nil {
		return err
	}
	locs, err := s.d.Catalog.Locations(r.Context())
	if err != nil {
		return err
	}
	d := resultPage{Result: res, Locations: map[int64]string{}}
	for _, l := range locs {
		d.Locations[l.ID] = pickName(v.Lang, l.Name, l.NameEn)
	}
	v.Path, v.Query = "/stocktake/"+strconv.FormatInt(id, 10)+"/result", ""
	v.Title, v.Nav, v.Data = v.T("stock.result_of", res.Stocktake.Name), "catalog", d
	s.render(w, r, status, "stocktake_result", v)
	return nil
}

// closeStocktake ends the scanning.
func (s *Server) closeStocktake(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.d.Stocktake.Close(r.Context(), id); err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderStocktakeResult(w, r, v, http.StatusConflict)
	}
	return s.redirect(w, r, "/stocktake/"+strconv.FormatInt(id, 10)+"/result", v.T("stock.closed_now"))
}

// markStocktakeLost marks what the closed stocktake did not find as 遗失.
func (s *Server) markStocktakeLost(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.d.Stocktake.MarkMissingLost(r.Context(), id)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderStocktakeResult(w, r, v, http.StatusConflict)
	}
	return s.redirect(w, r, "/stocktake/"+strconv.FormatInt(id, 10)+"/result", v.T("stock.marked_lost", n))
}
