package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/acquisitions"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// targetsPage is one year's target, its progress and what came in.
type targetsPage struct {
	Year       int
	Years      []int
	Progress   acquisitions.Progress
	Categories []catalog.Category
	Arrivals   []acquisitions.Arrival
	Pager      pager
	Source     string
	CategoryID int64
	Sources    []catalog.Source
}

// yearParam reads ?year=, the current year when absent.
func (s *Server) yearParam(r *http.Request) (int, error) {
	y := strings.TrimSpace(r.URL.Query().Get("year"))
	if y == "" {
		return s.d.Acquisitions.ThisYear(), nil
	}
	n, err := strconv.Atoi(y)
	if err != nil {
		return 0, errs.Invalid(acquisitions.CodeTargetYearInvalid, "year", "年份格式不正确", "malformed year")
	}
	return n, nil
}

// showTargets is the yearly target page: the target form, progress by
// source and category, and the list of new copies (filterable).
func (s *Server) showTargets(w http.ResponseWriter, r *http.Request, v *view) error {
	year, err := s.yearParam(r)
	if err != nil {
		return err
	}
	return s.renderTargets(w, r, v, year, http.StatusOK)
}

func (s *Server) renderTargets(w http.ResponseWriter, r *http.Request, v *view, year, status int) error {
	ctx := r.Context()
	q := r.URL.Query()
	d := targetsPage{Year: year, Source: q.Get("source"), Sources: catalog.Sources()}
	d.CategoryID, _ = strconv.ParseInt(q.Get("category"), 10, 64)
	var err error
	if d.Progress, err = s.d.Acquisitions.Progress(ctx, year); err != nil {
		return err
	}
	if d.Categories, err = s.d.Catalog.Categories(ctx); err != nil {
		return err
	}
	page := pageParam(q)
	arr, total, err := s.d.Acquisitions.Arrivals(ctx, acquisitions.ArrivalFilter{Year: year, Source: catalog.Source(d.Source), CategoryID: d.CategoryID, Number: page, Size: staffPageSize})
	if err != nil {
		return err
	}
	d.Arrivals, d.Pager = arr, newPager(q, "/acquisitions/targets", page, staffPageSize, total)
	for y := s.d.Acquisitions.ThisYear() + 1; y >= max(2022, s.d.Acquisitions.ThisYear()-5); y-- {
		d.Years = append(d.Years, y)
	}
	if len(v.Form) == 0 {
		v.Form.Set("volumes", strconv.Itoa(d.Progress.Target.Volumes))
		for id, n := range d.Progress.Target.Categories {
			v.Form.Set("category_"+strconv.FormatInt(id, 10), strconv.Itoa(n))
		}
	}
	v.Title, v.Nav, v.Data = v.T("target.title", year), "acq", d
	s.render(w, r, status, "acq_targets", v)
	return nil
}

// saveTargets stores a year's target and category targets.
func (s *Server) saveTargets(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	year, err := strconv.Atoi(f.Get("year"))
	if err != nil {
		return errs.Invalid(acquisitions.CodeTargetYearInvalid, "year", "年份格式不正确", "malformed year")
	}
	t := acquisitions.Target{Year: year, Categories: map[int64]int{}}
	whole := func(field string) int {
		raw := strings.TrimSpace(f.Get(field))
		if raw == "" {
			return 0
		}
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 || n > acquisitions.MaxVolumes {
			v.Errors[field] = v.T("target.volumes_invalid", acquisitions.MaxVolumes)
		}
		return n
	}
	t.Volumes = whole("volumes")
	if strings.TrimSpace(f.Get("volumes")) == "" {
		v.Errors["volumes"] = v.T("target.volumes_invalid", acquisitions.MaxVolumes)
	}
	cats, err := s.d.Catalog.Categories(r.Context())
	if err != nil {
		return err
	}
	for _, c := range cats {
		if n := whole("category_" + strconv.FormatInt(c.ID, 10)); n > 0 {
			t.Categories[c.ID] = n
		}
	}
	if len(v.Errors) == 0 {
		if _, err := s.d.Acquisitions.SaveTarget(r.Context(), t); err == nil {
			return s.redirect(w, r, "/acquisitions/targets?year="+strconv.Itoa(year), v.T("target.saved", year))
		} else if !v.fieldError(err, "volumes", "year", "categories") {
			return err
		}
	}
	return s.renderTargets(w, r, v, year, http.StatusUnprocessableEntity)
}
