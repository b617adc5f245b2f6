package search

import (
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// rankedHit is a hit with the stored fields ranking and highlighting read.
type rankedHit struct {
	id                 int64
	score              float64
	tier               int
	title, other       string
	authors, subjects  []string
	series, publisher  string
	year               int
	available, require bool
	added              string
}

func newRankedHit(id int64, score float64, f map[string]any) rankedHit {
	h := rankedHit{id: id, score: score}
	h.title = firstString(f[fTitle])
	h.other = strings.Join(strings2(f[fTitleOther]), " ")
	h.authors = strings2(f[fAuthor])
	h.subjects = strings2(f[fSubject])
	h.series = firstString(f[fSeries])
	h.publisher = firstString(f[fPublisher])
	switch y := f[fYear].(type) {
	case float64:
		h.year = int(y)
	case string:
		h.year, _ = strconv.Atoi(y)
	}
	h.require = firstString(f[fRequired]) == "true"
	h.added = firstString(f[fSortAdded])
	return h
}

func strings2(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func firstString(v any) string {
	if s := strings2(v); len(s) > 0 {
		return s[0]
	}
	return ""
}

// volumeMark matches other title information that only names a volume
// (第一卷, 第二卷（1949—1978）, 上册): 资本论 第一卷 is still the exact title 资本论.
var volumeMark = regexp.MustCompile(`^\s*(第[一二三四五六七八九十百0-9]+[卷册辑部分编集]|[上中下][册卷编]?)([\s（(].*)?$`)

// Ranking tiers, best first.
const (
	tierExactName  = iota // a field search for names: each is exactly the record's
	tierNamePrefix        // each starts one of the record's names
	tierExactTitle
	tierExactMainTitle // the main title is exact; other title information follows
	tierTitlePhrase
	tierTitleWords
	tierAuthorExact  // a word is a whole author name
	tierAuthorPrefix // a word starts an author name
	tierAuthor
	tierSubject
	tierOther
)

// rank orders hits by tier (exact name and name prefix for a field search,
// exact title, title phrase, title words, author, subject, other), then — as ties — required reading when BoostRequired is
// set, a copy on the shelf, newer publication, and finally the index score.
func (ix *Index) rank(p *plan, hits []rankedHit) {
	for i := range hits {
		hits[i].tier = ix.tier(p, &hits[i])
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := &hits[i], &hits[j]
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if ix.opts.BoostRequired && a.require != b.require {
			return a.require
		}
		if a.available != b.available {
			return a.available
		}
		if a.year != b.year {
			return a.year > b.year
		}
		return a.score > b.score
	})
}

func (ix *Index) tier(p *plan, h *rankedHit) int {
	if t, ok := ix.nameTier(p, h); ok {
		return t
	}
	main := titleKey(ix.f.Fold(h.title))
	full := titleKey(ix.f.Fold(h.title + h.other))
	for _, k := range p.wholeKeys {
		if k == full {
			return tierExactTitle
		}
	}
	for _, k := range p.wholeKeys {
		if k == main {
			if volumeMark.MatchString(h.other) {
				return tierExactTitle
			}
			return tierExactMainTitle
		}
	}
	for _, k := range p.wholeKeys {
		if strings.Contains(full, k) {
			return tierTitlePhrase
		}
	}
	fullRunes := []rune(full)
	if len(p.clauses) == 1 && isLatinWord(p.clauses[0].text) {
		if s, e, ok := pinyinSpan(fullRunes, p.clauses[0].text); ok {
			if s == 0 && e == len(fullRunes) {
				return tierExactTitle
			}
			return tierTitlePhrase
		}
	}
	if ix.allIn(p, []string{full}) {
		return tierTitleWords
	}
	if ix.anyIn(p, h.authors) {
		return ix.authorTier(p, h.authors)
	}
	if ix.anyIn(p, h.subjects) {
		return tierSubject
	}
	return tierOther
}

// nameTier places a hit of a field search for names: exact when each
// queried name is one of the record's, prefix when each starts one.
func (ix *Index) nameTier(p *plan, h *rankedHit) (int, bool) {
	if len(p.names) == 0 {
		return 0, false
	}
	exact := true
	for _, n := range p.names {
		var values []string
		switch n.scope {
		case scopeAuthor:
			values = h.authors
		case scopePublisher:
			values = []string{h.publisher}
		case scopeSeries:
			values = []string{h.series}
		}
		found, prefix := false, false
		for _, v := range values {
			k := nameKey(ix.f, v)
			found = found || k == n.key
			prefix = prefix || strings.HasPrefix(k, n.key)
		}
		if !prefix {
			return 0, false
		}
		exact = exact && found
	}
	if exact {
		return tierExactName, true
	}
	return tierNamePrefix, true
}

// authorTier places a hit whose author holds a word of the query: a word
// that is a whole author name, one that starts it, or one inside it.
func (ix *Index) authorTier(p *plan, authors []string) int {
	best := tierAuthor
	for _, a := range authors {
		k := nameKey(ix.f, a)
		for _, c := range p.clauses {
			ck := titleKey(c.text)
			switch {
			case ck == "":
			case k == ck:
				return tierAuthorExact
			case strings.HasPrefix(k, ck):
				best = tierAuthorPrefix
			}
		}
	}
	return best
}

// allIn reports whether every clause matches one of values.
func (ix *Index) allIn(p *plan, values []string) bool {
	for i := range p.clauses {
		if !ix.clauseIn(p, i, values) {
			return false
		}
	}
	return len(p.clauses) > 0
}

// anyIn reports whether some clause matches one of values.
func (ix *Index) anyIn(p *plan, values []string) bool {
	for i := range p.clauses {
		if ix.clauseIn(p, i, values) {
			return true
		}
	}
	return false
}

func (ix *Index) clauseIn(p *plan, i int, values []string) bool {
	for _, v := range values {
		k := titleKey(ix.f.Fold(v))
		for _, t := range p.variants[i] {
			if t = titleKey(t); t != "" && strings.Contains(k, t) {
				return true
			}
		}
		if w := p.clauses[i].text; isLatinWord(w) {
			if _, _, ok := pinyinSpan([]rune(k), w); ok {
				return true
			}
		}
	}
	return false
}

// highlight marks the query's words, synonyms and pinyin matches in the
// displayed fields of h.
func (ix *Index) highlight(p *plan, h *rankedHit) map[string][]string {
	if len(p.clauses) == 0 {
		return nil
	}
	out := map[string][]string{}
	add := func(field string, values ...string) {
		for _, v := range values {
			if m, ok := ix.mark(p, v); ok {
				out[field] = append(out[field], m)
			}
		}
	}
	add("title", h.title)
	if h.other != "" {
		add("other_title", h.other)
	}
	add("author", h.authors...)
	add("subject", h.subjects...)
	if h.series != "" {
		add("series", h.series)
	}
	if h.publisher != "" {
		add("publisher", h.publisher)
	}
	return out
}

// mark wraps matches in v with <mark>. Matching runs on the folded text;
// folding keeps one rune per rune almost always, so marks land on the
// original characters; when it does not, the folded text is shown.
func (ix *Index) mark(p *plan, v string) (string, bool) {
	orig := []rune(v)
	folded := []rune(ix.f.Fold(v))
	if len(folded) != len(orig) {
		orig = folded
	}
	marked := make([]bool, len(folded))
	any := false
	for i, c := range p.clauses {
		for _, t := range p.variants[i] {
			tr := []rune(strings.TrimSpace(t))
			if len(tr) == 0 {
				continue
			}
			for s := 0; s+len(tr) <= len(folded); s++ {
				if runesEqual(folded[s:s+len(tr)], tr) {
					for k := s; k < s+len(tr); k++ {
						marked[k] = true
					}
					any = true
				}
			}
		}
		if isLatinWord(c.text) && len(c.text) >= 2 {
			if s, e, ok := pinyinSpan(folded, c.text); ok {
				for k := s; k < e; k++ {
					marked[k] = true
				}
				any = true
			}
		}
	}
	if !any {
		return "", false
	}
	var sb strings.Builder
	for i := 0; i < len(orig); {
		j := i
		for j < len(orig) && marked[j] == marked[i] {
			j++
		}
		seg := html.EscapeString(string(orig[i:j]))
		if marked[i] {
			sb.WriteString("<mark>" + seg + "</mark>")
		} else {
			sb.WriteString(seg)
		}
		i = j
	}
	return sb.String(), true
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
