package web

import (
	"context"
	"strings"
)

// localizeFacets puts the page's language on the facet values: shelf
// state, year ranges, CLC classes and languages from the message
// catalogues, categories and locations by their English names. A value
// with no translation keeps the engine's label.
func (s *Server) localizeFacets(ctx context.Context, v *view, facets []Facet) error {
	names := map[string]map[string]string{}
	for _, f := range facets {
		switch f.Name {
		case "category":
			cats, err := s.d.Catalog.Categories(ctx)
			if err != nil {
				return err
			}
			m := map[string]string{}
			for _, c := range cats {
				m[c.Name] = pickName(v.Lang, c.Name, c.NameEn)
			}
			names[f.Name] = m
		case "location":
			locs, err := s.d.Catalog.Locations(ctx)
			if err != nil {
				return err
			}
			m := map[string]string{}
			for _, l := range locs {
				m[l.Name] = pickName(v.Lang, l.Name, l.NameEn)
			}
			names[f.Name] = m
		}
	}
	for _, f := range facets {
		for i := range f.Values {
			fv := &f.Values[i]
			if l, ok := s.facetValueLabel(v.Lang, f.Name, fv.Value, names[f.Name]); ok {
				fv.Label = l
			}
		}
	}
	return nil
}

func (s *Server) facetValueLabel(lang, facet, value string, names map[string]string) (string, bool) {
	msg := func(key string) (string, bool) {
		if !s.cat.has(lang, key) {
			return "", false
		}
		return s.cat.T(lang, key), true
	}
	switch facet {
	case "available":
		return msg("facet.available." + value)
	case "year":
		return msg("facet.year." + value)
	case "language":
		return msg("language." + strings.ToLower(value))
	case "clc":
		// The facet holds the first level of the class: a letter, or T
		// and a second letter (TP), named after its top class.
		if value == "" {
			return "", false
		}
		if l, ok := msg("clc.top." + value[:1]); ok {
			return value + " " + l, true
		}
	case "category", "location":
		l, ok := names[value]
		return l, ok && l != ""
	}
	return "", false
}
