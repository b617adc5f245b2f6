package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"shuwu/internal/catalog/isbn"
	"shuwu/internal/datefmt"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

//go:embed templates
var templatesFS embed.FS

// views are the parsed pages, one template set per page and language, so
// the t and date functions know the language without being told.
type views struct {
	pages map[string]map[string]*template.Template
}

// parseViews parses the layout and partials once, then each page on a
// clone of them.
func parseViews(s *Server) (*views, error) {
	base, err := template.New("").Funcs(s.funcs(langZH)).ParseFS(templatesFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	files, err := fs.Glob(templatesFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t, err = t.ParseFS(templatesFS, f); err != nil {
			return nil, fmt.Errorf("web: parse page %s: %w", name, err)
		}
		v.pages[name] = map[string]*template.Template{}
		for _, l := range languages {
			tl, err := t.Clone()
			if err != nil {
				return nil, err
			}
			v.pages[name][l] = tl.Funcs(s.funcs(l))
		}
	}
	return v, nil
}

// funcs are the template functions for one language.
func (s *Server) funcs(lang string) template.FuncMap {
	return template.FuncMap{
		"t":        func(key string, args ...any) string { return s.cat.T(lang, key, args...) },
		"date":     func(v any) string { return formatDate(lang, v, s.d.TZ) },
		"datetime": func(v any) string { return formatDateTime(lang, v, s.d.TZ) },
		"static":   s.static.url,
		"isbn":     func(n string) string { return isbn.Hyphenate(n) },
		"price":    formatPrice,
		"label":    func(l interface{ Label(string) string }) string { return l.Label(short(lang)) },
		"errmsg":   func(err error) string { return errs.As(err).Localized(short(lang)) },
		"add":      func(a, b int) int { return a + b },
		"hm":       func(t time.Time) string { return t.In(s.d.TZ).Format("15:04") },
		"weekday":  func(t time.Time) string { return s.cat.T(lang, fmt.Sprintf("weekday.%d", t.In(s.d.TZ).Weekday())) },
		"pages":    pageNumbers,
		"join":     strings.Join,
		"name":     func(zh, en string) string { return pickName(lang, zh, en) },
		"deskurl":  deskURL,
		"statuses": func(readers.Status) []readers.Status { return allStatuses },
		"typename": func(types []readers.Type, id int64) string {
			for _, t := range types {
				if t.ID == id {
					return pickName(lang, t.Name, t.NameEn)
				}
			}
			return ""
		},
	}
}

// short is the language code errs.Error.Localized and the domain's Label
// methods expect.
func short(lang string) string {
	if lang == langEN {
		return "en"
	}
	return "zh"
}

// pickName returns the English name of a thing when the page is English
// and the thing has one.
func pickName(lang, zh, en string) string {
	if lang == langEN && en != "" {
		return en
	}
	return zh
}

// render writes page with the layout, or a clean 500 if rendering fails.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *view) {
	s.execute(w, r, status, page, "layout", v)
}

// renderPart writes one named template of page without the layout, for
// htmx and the desk's script.
func (s *Server) renderPart(w http.ResponseWriter, r *http.Request, status int, page, part string, v *view) {
	s.execute(w, r, status, page, part, v)
}

func (s *Server) execute(w http.ResponseWriter, r *http.Request, status int, page, name string, v *view) {
	t, ok := s.views.pages[page][v.Lang]
	if !ok {
		s.internal(w, r, v.Lang, fmt.Errorf("web: no page %q", page))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, v); err != nil {
		s.internal(w, r, v.Lang, fmt.Errorf("web: render %s/%s: %w", page, name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// internal logs err and answers a plain 500 that needs no template, so it
// works even when the templates do not.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, lang string, err error) {
	s.d.Log.Error("web", "method", r.Method, "path", r.URL.Path, "request_id", w.Header().Get("X-Request-Id"), "err", err)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	title := s.cat.T(lang, "error.internal")
	fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>%s</title><h1>%s</h1><p><a href=\"/\">%s</a></p>\n",
		template.HTMLEscapeString(title), template.HTMLEscapeString(title), template.HTMLEscapeString(s.cat.T(lang, "nav.home")))
}

// formatDate writes a day for people in lang (datefmt: 2026年12月30日).
func formatDate(lang string, v any, tz *time.Location) string {
	return datefmt.Day(short(lang), v, tz)
}

// formatDateTime writes a moment with its time of day in lang.
func formatDateTime(lang string, v any, tz *time.Location) string {
	switch x := v.(type) {
	case time.Time:
		return datefmt.DayTime(short(lang), x, tz)
	case *time.Time:
		if x == nil {
			return ""
		}
		return datefmt.DayTime(short(lang), *x, tz)
	}
	return fmt.Sprint(v)
}

// formatPrice shows fen as yuan: ¥45.00.
func formatPrice(fen int64) string {
	if fen == 0 {
		return ""
	}
	return fmt.Sprintf("¥%d.%02d", fen/100, fen%100)
}

// pageNumbers lists the pages a pager links to: the first, the last and
// two either side of the current one; 0 marks a gap.
func pageNumbers(current, total int) []int {
	var out []int
	for p := 1; p <= total; p++ {
		if p == 1 || p == total || (p >= current-2 && p <= current+2) {
			out = append(out, p)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}
