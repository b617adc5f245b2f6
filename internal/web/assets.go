package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/assets"
	"shuwu/internal/transfer"
)

// The room's equipment register (设备资产登记) and the asset ledger beside
// the collection's value.

// assetsPage is the register with the ledger and the form to add a line.
type assetsPage struct {
	Ledger     assets.Ledger
	Held       []assets.Asset
	Retired    []assets.Asset
	Categories []assets.Category
	States     []assets.State
}

// assetPage is one line with its edit and retire forms.
type assetPage struct {
	Asset      assets.Asset
	Categories []assets.Category
	States     []assets.State
	Today      string
}

var assetFields = []string{"name", "category", "model", "quantity", "value", "acquired", "location", "state", "notes"}

func (s *Server) showAssets(w http.ResponseWriter, r *http.Request, v *view) error {
	v.Form.Set("acquired", s.d.Assets.Today())
	v.Form.Set("quantity", "1")
	return s.renderAssets(w, r, v, http.StatusOK)
}

func (s *Server) renderAssets(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	d := assetsPage{Categories: assets.Categories, States: assets.States}
	var err error
	if d.Ledger, err = s.d.Assets.Ledger(r.Context()); err != nil {
		return err
	}
	list, err := s.d.Assets.List(r.Context())
	if err != nil {
		return err
	}
	for _, a := range list {
		if a.State == assets.Retired {
			d.Retired = append(d.Retired, a)
		} else {
			d.Held = append(d.Held, a)
		}
	}
	v.Title, v.Nav, v.Data = v.T("asset.title"), "acq", d
	s.render(w, r, status, "acq_assets", v)
	return nil
}

// assetFromForm reads the form; a quantity or value that is no number is
// the field's error in v.
func assetFromForm(v *view, id int64) assets.Asset {
	a := assets.Asset{ID: id, Name: v.Val("name"), Category: assets.Category(v.Val("category")), Model: v.Val("model"),
		Acquired: v.Val("acquired"), Location: v.Val("location"), State: assets.State(v.Val("state")), Notes: v.Val("notes")}
	q, err := strconv.Atoi(strings.TrimSpace(v.Val("quantity")))
	if err != nil {
		v.Errors["quantity"] = v.T("asset.quantity_invalid")
	}
	a.Quantity = q
	fen, ok := parseYuan(v.Val("value"))
	if !ok || strings.TrimSpace(v.Val("value")) == "" {
		v.Errors["value"] = v.T("asset.value_invalid")
	}
	a.ValueFen = fen
	return a
}

func (s *Server) createAsset(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	a := assetFromForm(v, 0)
	if len(v.Errors) == 0 {
		saved, err := s.d.Assets.Create(r.Context(), a)
		if err == nil {
			return s.redirect(w, r, "/acquisitions/assets#asset-"+strconv.FormatInt(saved.ID, 10), v.T("asset.saved", saved.Name))
		}
		if !v.fieldError(err, assetFields...) {
			return err
		}
	}
	return s.renderAssets(w, r, v, http.StatusUnprocessableEntity)
}

func (s *Server) showAsset(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.d.Assets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v.Form.Set("name", a.Name)
	v.Form.Set("category", string(a.Category))
	v.Form.Set("model", a.Model)
	v.Form.Set("quantity", strconv.Itoa(a.Quantity))
	v.Form.Set("value", yuanText(a.ValueFen))
	v.Form.Set("acquired", a.Acquired)
	v.Form.Set("location", a.Location)
	v.Form.Set("state", string(a.State))
	v.Form.Set("notes", a.Notes)
	v.Form.Set("retired_on", s.d.Assets.Today())
	return s.renderAsset(w, r, v, a, http.StatusOK)
}

func (s *Server) renderAsset(w http.ResponseWriter, r *http.Request, v *view, a assets.Asset, status int) error {
	v.Title, v.Nav = v.T("asset.edit", a.Name), "acq"
	v.Data = assetPage{Asset: a, Categories: assets.Categories, States: assets.States, Today: s.d.Assets.Today()}
	s.render(w, r, status, "acq_asset", v)
	return nil
}

func (s *Server) updateAsset(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	old, err := s.d.Assets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	a := assetFromForm(v, id)
	if len(v.Errors) == 0 {
		saved, err := s.d.Assets.Update(r.Context(), a)
		if err == nil {
			return s.redirect(w, r, "/acquisitions/assets#asset-"+strconv.FormatInt(saved.ID, 10), v.T("asset.saved", saved.Name))
		}
		if !v.fieldError(err, assetFields...) {
			return err
		}
	}
	v.Form.Set("retired_on", s.d.Assets.Today())
	return s.renderAsset(w, r, v, old, http.StatusUnprocessableEntity)
}

func (s *Server) retireAsset(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	old, err := s.d.Assets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	a, err := s.d.Assets.Retire(r.Context(), id, assets.Retirement{Date: v.Val("retired_on"), Reason: v.Val("retire_reason")})
	if err == nil {
		return s.redirect(w, r, "/acquisitions/assets#retired", v.T("asset.retired_done", a.Name))
	}
	if !v.fieldError(err, "retired_on", "retire_reason") {
		return err
	}
	// The edit form above shows the line as it is.
	for k, val := range map[string]string{"name": old.Name, "category": string(old.Category), "model": old.Model, "quantity": strconv.Itoa(old.Quantity),
		"value": yuanText(old.ValueFen), "acquired": old.Acquired, "location": old.Location, "state": string(old.State), "notes": old.Notes} {
		v.Form.Set(k, val)
	}
	return s.renderAsset(w, r, v, old, http.StatusUnprocessableEntity)
}

// exportAssets downloads the asset ledger as one Excel sheet: every line
// of the register, the totals, then the collection held beside it.
func (s *Server) exportAssets(w http.ResponseWriter, r *http.Request, v *view) error {
	l, err := s.d.Assets.Ledger(r.Context())
	if err != nil {
		return err
	}
	list, err := s.d.Assets.List(r.Context())
	if err != nil {
		return err
	}
	yuan := func(fen int64) float64 { return float64(fen) / 100 }
	t := transfer.Table{Sheet: v.T("asset.ledger"),
		Columns: []string{v.T("asset.no"), v.T("asset.name"), v.T("asset.category"), v.T("asset.model"), v.T("asset.quantity"), v.T("asset.value_yuan"),
			v.T("asset.acquired"), v.T("asset.location"), v.T("asset.state"), v.T("asset.retired_on"), v.T("asset.retire_reason"), v.T("asset.notes")},
		Widths: []float64{6, 24, 16, 18, 8, 14, 12, 16, 10, 12, 24, 30}}
	return download(w, v.T("asset.file", s.d.Assets.Today()), xlsxType, func(out io.Writer) error {
		return transfer.WriteTable(out, t, func(add func(...any) error) error {
			for i, a := range list {
				if err := add(i+1, a.Name, a.Category.Label(short(v.Lang)), a.Model, a.Quantity, yuan(a.ValueFen), a.Acquired, a.Location,
					a.State.Label(short(v.Lang)), a.RetiredOn, a.RetireReason, a.Notes); err != nil {
					return err
				}
			}
			rows := [][]any{{},
				{"", v.T("asset.total_held"), "", "", l.Equipment.Quantity, yuan(l.Equipment.ValueFen)},
				{"", v.T("asset.total_retired"), "", "", l.Retired.Quantity, yuan(l.Retired.ValueFen)},
				{"", v.T("asset.collection_held"), "", v.T("asset.titles_n", l.Titles), l.Copies, yuan(l.CollectionFen)},
				{"", v.T("asset.grand_total"), "", "", "", yuan(l.TotalFen)}}
			for _, row := range rows {
				if err := add(row...); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
