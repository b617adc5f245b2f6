package search

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Boosts put candidates into roughly the order the final ranking wants, so
// the re-ranked window (rank.go) holds the right records: identifiers, exact
// title, title phrase, title words, author, subject, the rest.
const (
	boostIdentifier  = 50
	boostExactTitle  = 20
	boostTitlePhrase = 6
	boostTitleWords  = 3
	boostTitlePinyin = 4
	boostTitleInit   = 3
	boostAuthor      = 3
	boostAuthorPy    = 2.5
	boostSubject     = 2
	boostSeries      = 1.5
	boostPublisher   = 1
	boostCLC         = 1
	boostSummary     = 0.5
)

// plan is a parsed query turned into what Search and ranking need.
type plan struct {
	q          query.Query
	clauses    []clause
	variants   [][]string // per clause: text and synonym variants
	identifier bool       // an identifier clause (ISBN, call number …) matched by field
	wholeKeys  []string   // exact-title keys of the whole query and its variants
}

// buildPlan turns clauses into a Bleve query.
func (ix *Index) buildPlan(clauses []clause) (*plan, error) {
	p := &plan{clauses: clauses, variants: make([][]string, len(clauses))}
	var must []query.Query
	allText := len(clauses) > 0
	for i, c := range clauses {
		p.variants[i] = []string{c.text}
		if c.scope == scopeAny || c.scope == scopeTitle || c.scope == scopeSubject || c.scope == scopeSeries {
			p.variants[i] = ix.syn.expand(c.text)
		}
		q, err := ix.clauseQuery(c, p.variants[i])
		if err != nil {
			return nil, err
		}
		switch c.scope {
		case scopeAny, scopeTitle:
		default:
			allText = false
		}
		if c.scope == scopeISBN || c.scope == scopeCallNumber || c.scope == scopeBarcode || c.scope == scopeCLC {
			p.identifier = true
		}
		must = append(must, q)
	}
	if len(must) == 0 {
		p.q = bleve.NewMatchAllQuery()
		return p, nil
	}
	var main query.Query = must[0]
	if len(must) > 1 {
		main = bleve.NewConjunctionQuery(must...)
	}
	if !allText {
		p.q = main
		return p, nil
	}
	texts := make([]string, len(clauses))
	for i, c := range clauses {
		texts[i] = c.text
	}
	whole := strings.Join(texts, "")
	for _, v := range ix.syn.expand(whole) {
		if k := titleKey(v); k != "" && !contains(p.wholeKeys, k) {
			p.wholeKeys = append(p.wholeKeys, k)
		}
	}
	var should []query.Query
	for _, k := range p.wholeKeys {
		should = append(should, boosted(termQ(fTitleKey, k), boostExactTitle))
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(main)
	bq.AddShould(should...)
	p.q = bq
	return p, nil
}

func termQ(field, term string) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}

type boostable interface {
	query.Query
	SetBoost(float64)
}

func boosted[Q boostable](q Q, b float64) Q {
	q.SetBoost(b)
	return q
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// clauseQuery builds the query for one clause.
func (ix *Index) clauseQuery(c clause, variants []string) (query.Query, error) {
	t := c.text
	switch c.scope {
	case scopeISBN:
		if n, ok := normalizeISBN(t); ok {
			return termQ(fISBN, n), nil
		}
		return termQ(fISBN, strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(t))), nil
	case scopeCLC:
		return termQ(fCLC, strings.TrimSuffix(normCallNumber(t), "*")), nil
	case scopeCallNumber:
		n := normCallNumber(t)
		if strings.HasSuffix(n, "*") {
			return prefixQ(fCallNumber, strings.TrimSuffix(n, "*")), nil
		}
		return termQ(fCallNumber, n), nil
	case scopeBarcode:
		return termQ(fBarcode, normCallNumber(t)), nil
	case scopeLanguage:
		return termQ(fLanguage, t), nil
	case scopeLocation:
		return termQ(fLocation, t), nil
	case scopeYear:
		return yearQuery(t)
	case scopeTitle:
		return disjunction(ix.titleQueries(variants, true)), nil
	case scopeAuthor:
		return disjunction(ix.authorQueries(variants)), nil
	case scopeSubject:
		return disjunction(textQueries(fSubject, variants, false, 1)), nil
	case scopeSeries:
		return disjunction(textQueries(fSeries, variants, false, 1)), nil
	case scopePublisher:
		return disjunction(textQueries(fPublisher, variants, false, 1)), nil
	}

	// Free text: everything the word could be.
	var qs []query.Query
	if n, ok := normalizeISBN(t); ok {
		qs = append(qs, boosted(termQ(fISBN, n), boostIdentifier))
	}
	if strings.ContainsAny(t, "0123456789") && utf8.RuneCountInString(t) >= 4 && isIdentifierText(t) {
		qs = append(qs, boosted(termQ(fBarcode, normCallNumber(t)), boostIdentifier))
	}
	if looksLikeCallNumber(t) {
		n := normCallNumber(t)
		if strings.HasSuffix(n, "*") {
			qs = append(qs, boosted(prefixQ(fCallNumber, strings.TrimSuffix(n, "*")), boostIdentifier))
		} else {
			qs = append(qs, boosted(termQ(fCallNumber, n), boostIdentifier))
			if !strings.Contains(n, "/") {
				qs = append(qs, boosted(termQ(fCLC, n), boostCLC))
			}
		}
	}
	qs = append(qs, ix.titleQueries(variants, !c.quoted)...)
	qs = append(qs, ix.authorQueries(variants)...)
	qs = append(qs, textQueries(fSubject, variants, false, boostSubject)...)
	qs = append(qs, textQueries(fSeries, variants, false, boostSeries)...)
	qs = append(qs, textQueries(fPublisher, variants, false, boostPublisher)...)
	qs = append(qs, textQueries(fSummary, variants, false, boostSummary)...)
	if len(qs) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	return disjunction(qs), nil
}

func isIdentifierText(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

func prefixQ(field, prefix string) *query.PrefixQuery {
	q := bleve.NewPrefixQuery(prefix)
	q.SetField(field)
	return q
}

// titleQueries matches variants in the title as a phrase and, unless the
// clause was quoted, as pinyin or initials too.
func (ix *Index) titleQueries(variants []string, pinyin bool) []query.Query {
	qs := textQueries(fTitle, variants, true, boostTitlePhrase)
	if pinyin {
		qs = append(qs, pinyinQueries(fTitlePinyin, fTitleInit, variants[0], boostTitlePinyin, boostTitleInit)...)
	}
	return qs
}

func (ix *Index) authorQueries(variants []string) []query.Query {
	qs := textQueries(fAuthor, variants[:1], false, boostAuthor)
	return append(qs, pinyinQueries(fAuthorPy, fAuthorInit, variants[0], boostAuthorPy, boostAuthorPy)...)
}

// textQueries matches each variant in field. With phrase the pairs must be
// adjacent (the field has term vectors); otherwise all pairs must occur.
func textQueries(field string, variants []string, phrase bool, boost float64) []query.Query {
	var out []query.Query
	for _, v := range variants {
		toks := textTokens([]rune(v), false)
		switch len(toks) {
		case 0:
			continue
		case 1:
			out = append(out, boosted(termQ(field, string(toks[0].Term)), boost))
			continue
		}
		if phrase {
			first := toks[0].Position
			slots := make([][]string, toks[len(toks)-1].Position-first+1)
			for _, t := range toks {
				i := t.Position - first
				slots[i] = append(slots[i], string(t.Term))
			}
			mp := query.NewMultiPhraseQuery(slots, field)
			mp.SetBoost(boost)
			out = append(out, mp)
			continue
		}
		conj := make([]query.Query, 0, len(toks))
		for _, t := range toks {
			conj = append(conj, termQ(field, string(t.Term)))
		}
		out = append(out, boosted(bleve.NewConjunctionQuery(conj...), boost))
	}
	return out
}

// pinyinQueries matches a word typed in Latin letters as full pinyin
// (chongqing → chong+qing adjacent) and as initials (gcdxy).
func pinyinQueries(fullField, initField, w string, boostFull, boostInit float64) []query.Query {
	if !isLatinWord(w) {
		return nil
	}
	var out []query.Query
	if syl, ok := splitPinyin(w); ok {
		if len(syl) == 1 {
			out = append(out, boosted(termQ(fullField, syl[0]), boostFull))
		} else {
			out = append(out, boosted(bleve.NewPhraseQuery(queryPairs(syl), fullField), boostFull))
		}
	}
	if n := len(w); n >= 2 && n <= 24 {
		pairs := initialPairs(w)
		if len(pairs) == 1 {
			out = append(out, boosted(termQ(initField, pairs[0]), boostInit))
		} else {
			out = append(out, boosted(bleve.NewPhraseQuery(pairs, initField), boostInit))
		}
	}
	return out
}

// yearQuery accepts 2020, 2010-2019, 2010- and -1989.
func yearQuery(t string) (query.Query, error) {
	lo, hi, ok := parseYearRange(t)
	if !ok {
		return nil, invalidQuery("出版年应为年份或年份范围，如 2020 或 2010-2019", "year must be a year or a range such as 2020 or 2010-2019")
	}
	return numRange(fYear, lo, hi), nil
}

func parseYearRange(t string) (lo, hi *float64, ok bool) {
	parse := func(s string) (*float64, bool) {
		if s == "" {
			return nil, true
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 9999 {
			return nil, false
		}
		f := float64(n)
		return &f, true
	}
	a, b, isRange := strings.Cut(t, "-")
	if !isRange {
		b = a
	}
	if lo, ok = parse(a); !ok {
		return nil, nil, false
	}
	if hi, ok = parse(b); !ok {
		return nil, nil, false
	}
	return lo, hi, lo != nil || hi != nil
}

func numRange(field string, lo, hi *float64) query.Query {
	inc := true
	q := bleve.NewNumericRangeInclusiveQuery(lo, hi, &inc, &inc)
	q.SetField(field)
	return q
}
