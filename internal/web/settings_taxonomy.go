package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// taxonomy is one of the short lists a librarian keeps: locations,
// categories or reader types. They share one page layout.
type taxonomy struct {
	Kind string // locations, categories, reader-types
	Rows []taxRow
}

// taxRow is one entry of a taxonomy.
type taxRow struct {
	ID                 int64
	Code, Name, NameEn string
	CLCRanges          string // categories only
	Lendable           bool   // locations only
	Sort               int
}

func (s *Server) loadTaxonomy(ctx context.Context, kind string) (taxonomy, error) {
	t := taxonomy{Kind: kind}
	switch kind {
	case "locations":
		ls, err := s.d.Catalog.Locations(ctx)
		for _, l := range ls {
			t.Rows = append(t.Rows, taxRow{ID: l.ID, Code: l.Code, Name: l.Name, NameEn: l.NameEn, Lendable: l.Lendable, Sort: l.Sort})
		}
		return t, err
	case "categories":
		cs, err := s.d.Catalog.Categories(ctx)
		for _, c := range cs {
			t.Rows = append(t.Rows, taxRow{ID: c.ID, Code: c.Code, Name: c.Name, NameEn: c.NameEn, CLCRanges: c.CLCRanges, Sort: c.Sort})
		}
		return t, err
	default:
		ts, err := s.d.Readers.Types(ctx)
		for _, x := range ts {
			t.Rows = append(t.Rows, taxRow{ID: x.ID, Code: x.Code, Name: x.Name, NameEn: x.NameEn, Sort: x.Sort})
		}
		return t, err
	}
}

// taxonomyKind reads the kind from the path; anything else is not a page.
func taxonomyKind(r *http.Request) (string, error) {
	switch k := r.PathValue("kind"); k {
	case "locations", "categories", "reader-types":
		return k, nil
	}
	return "", errs.NotFound(CodePageNotFound, "页面不存在", "page not found")
}

// showTaxonomy lists a taxonomy with a form per entry and one for a new one.
func (s *Server) showTaxonomy(w http.ResponseWriter, r *http.Request, v *view) error {
	kind, err := taxonomyKind(r)
	if err != nil {
		return err
	}
	return s.renderTaxonomy(w, r, v, kind, http.StatusOK)
}

func (s *Server) renderTaxonomy(w http.ResponseWriter, r *http.Request, v *view, kind string, status int) error {
	t, err := s.loadTaxonomy(r.Context(), kind)
	if err != nil {
		return err
	}
	v.Path, v.Query = "/settings/"+kind, ""
	v.Title, v.Nav, v.Data = v.T("settings."+strings.ReplaceAll(kind, "-", "_")), "settings", t
	s.render(w, r, status, "taxonomy", v)
	return nil
}

// saveTaxonomy creates (no id) or updates an entry.
func (s *Server) saveTaxonomy(w http.ResponseWriter, r *http.Request, v *view) error {
	kind, err := taxonomyKind(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	id, _ := strconv.ParseInt(f.Get("id"), 10, 64)
	sort, _ := strconv.Atoi(f.Get("sort"))
	ctx := r.Context()
	switch kind {
	case "locations":
		_, err = s.d.Catalog.SaveLocation(ctx, catalog.Location{ID: id, Code: f.Get("code"), Name: f.Get("name"), NameEn: strings.TrimSpace(f.Get("name_en")), Lendable: f.Get("lendable") == "on", Sort: sort})
	case "categories":
		_, err = s.d.Catalog.SaveCategory(ctx, catalog.Category{ID: id, Code: f.Get("code"), Name: f.Get("name"), NameEn: strings.TrimSpace(f.Get("name_en")), CLCRanges: strings.TrimSpace(f.Get("clc_ranges")), Sort: sort})
	default:
		_, err = s.d.Readers.SaveType(ctx, readers.Type{ID: id, Code: f.Get("code"), Name: f.Get("name"), NameEn: strings.TrimSpace(f.Get("name_en")), Sort: sort})
	}
	if err != nil {
		return s.taxonomyFailed(w, r, v, kind, f, err)
	}
	return s.redirect(w, r, "/settings/"+kind, v.T("settings.saved"))
}

// deleteTaxonomy removes an entry nothing uses.
func (s *Server) deleteTaxonomy(w http.ResponseWriter, r *http.Request, v *view) error {
	kind, err := taxonomyKind(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	switch kind {
	case "locations":
		err = s.d.Catalog.DeleteLocation(ctx, id)
	case "categories":
		err = s.d.Catalog.DeleteCategory(ctx, id)
	default:
		err = s.d.Readers.DeleteType(ctx, id)
	}
	if err != nil {
		return s.taxonomyFailed(w, r, v, kind, nil, err)
	}
	return s.redirect(w, r, "/settings/"+kind, v.T("settings.deleted"))
}

func (s *Server) taxonomyFailed(w http.ResponseWriter, r *http.Request, v *view, kind string, f url.Values, err error) error {
	e := errs.As(err)
	if e.Kind != errs.KindInvalid && e.Kind != errs.KindConflict && e.Kind != errs.KindNotFound {
		return err
	}
	v.Errors[""] = e.Localized(short(v.Lang))
	if f != nil && f.Get("id") == "" {
		v.Form = f
	}
	return s.renderTaxonomy(w, r, v, kind, http.StatusUnprocessableEntity)
}
