package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

//go:embed i18n/*.json
var i18nFS embed.FS

// The languages of the interface. Chinese is the default.
const (
	langZH = "zh-CN"
	langEN = "en"
)

var languages = []string{langZH, langEN}

// langCookie remembers a visitor's language choice.
const langCookie = "shuwu_lang"

// catalogues holds the messages of every language, by key.
type catalogues struct {
	msgs map[string]map[string]string
}

func loadCatalogues() (*catalogues, error) {
	c := &catalogues{msgs: map[string]map[string]string{}}
	for _, l := range languages {
		raw, err := i18nFS.ReadFile("i18n/" + l + ".json")
		if err != nil {
			return nil, fmt.Errorf("web: read catalogue %s: %w", l, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("web: parse catalogue %s: %w", l, err)
		}
		c.msgs[l] = m
	}
	// Every key must exist in every language, so no person ever sees a key.
	for _, l := range languages {
		for k := range c.msgs[l] {
			for _, o := range languages {
				if _, ok := c.msgs[o][k]; !ok {
					return nil, fmt.Errorf("web: message %q is in %s but not in %s", k, l, o)
				}
			}
		}
	}
	return c, nil
}

// Has reports whether lang has a message for key, for keys made at run
// time from data (an audit entry's action) that may have none.
func (c *catalogues) Has(lang, key string) bool {
	_, ok := c.msgs[lang][key]
	return ok
}

// T returns the message key in lang, formatted with args when given. A
// missing key shows as the key itself; the catalogue tests keep that from
// reaching people.
func (c *catalogues) T(lang, key string, args ...any) string {
	m, ok := c.msgs[lang][key]
	if !ok {
		m = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(m, args...)
	}
	return m
}

// has reports whether lang's catalogue has key.
func (c *catalogues) has(lang, key string) bool {
	_, ok := c.msgs[lang][key]
	return ok
}

// langOf picks the language: the cookie, else Accept-Language, else Chinese.
func langOf(r *http.Request) string {
	if c, err := r.Cookie(langCookie); err == nil {
		if l := matchLang(c.Value); l != "" {
			return l
		}
	}
	return fromAcceptLanguage(r.Header.Get("Accept-Language"))
}

func matchLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "zh"):
		return langZH
	case strings.HasPrefix(s, "en"):
		return langEN
	}
	return ""
}

// fromAcceptLanguage returns the best supported language of an
// Accept-Language header.
func fromAcceptLanguage(h string) string {
	type pref struct {
		lang string
		q    float64
		pos  int
	}
	var prefs []pref
	for i, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if l := matchLang(tag); l != "" && q > 0 {
			prefs = append(prefs, pref{l, q, i})
		}
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	if len(prefs) > 0 {
		return prefs[0].lang
	}
	return langZH
}
