package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// plan is a parsed query turned into what Search and ranking need.
type plan struct {
	match      bexpr   // the records the query finds
	tiers      []bexpr // candidate tiers for ranking, best first (see window.go)
	clauses    []clause
	variants   [][]string // per clause: text and synonym variants
	identifier bool       // an identifier clause (ISBN, call number …) matched by field
	wholeKeys  []string   // exact-title keys of the whole query and its variants
	parts      []clauseParts
	memos      int
	// names are the clauses limited to an author, publisher or series
	// (作者:邵杰): their records whose name is exactly the query rank first,
	// then those whose name starts with it (see nameTiers).
	names []nameClause
	// exact matches the records whose names are all exactly the queried
	// ones; nil without name clauses. Search counts it for a single one.
	exact bexpr
}

// nameClause is a field search for a name: which field and its key.
type nameClause struct {
	scope scope
	key   string
}

// nameField is the whole-name field of a name scope, "" for other scopes.
func nameField(sc scope) string {
	switch sc {
	case scopeAuthor:
		return fAuthorKey
	case scopePublisher:
		return fPublisherKey
	case scopeSeries:
		return fSeriesKey
	}
	return ""
}

// clauseParts are the field matches of one clause that both matching and
// the ranking tiers use, evaluated once per segment (see bMemo).
type clauseParts struct {
	title, author, subject bexpr
}

func (p *plan) memo(e bexpr) bexpr {
	switch e.(type) {
	case bTerm, bNone, bAll, *bMemo:
		return e
	}
	p.memos++
	return &bMemo{id: p.memos, e: e}
}

// buildPlan turns clauses into matching and ranking expressions. Every
// clause must match; within a clause the word may match any of the fields
// it could stand for. Text of two or more characters matches a field that
// holds all its character pairs, so 乡村振兴 needs 乡村, 村振 and 振兴 —
// the bitmap form of a phrase (pairs out of order are rare in a title, and
// ranking checks the real phrase on the candidates it shows).
func (ix *Index) buildPlan(clauses []clause) (*plan, error) { return ix.buildPlanAt(clauses, 0) }

// buildPlanAt is buildPlan numbering its memos after firstMemo, so plans
// combined in one boolean query (boolean.go) never share a memo id.
func (ix *Index) buildPlanAt(clauses []clause, firstMemo int) (*plan, error) {
	p := &plan{clauses: clauses, variants: make([][]string, len(clauses)), parts: make([]clauseParts, len(clauses)), memos: firstMemo}
	var must []bexpr
	allText := len(clauses) > 0
	for i, c := range clauses {
		p.variants[i] = []string{c.text}
		if c.scope == scopeAny || c.scope == scopeTitle || c.scope == scopeSubject || c.scope == scopeSeries {
			p.variants[i] = ix.syn.expand(c.text)
		}
		vs := p.variants[i]
		p.parts[i] = clauseParts{
			title:   p.memo(titleMatch(vs, !c.quoted || c.scope == scopeTitle)),
			author:  p.memo(authorMatch(vs)),
			subject: p.memo(textMatch(fSubject, vs)),
		}
		e, err := clauseMatch(c, vs, p.parts[i])
		if err != nil {
			return nil, err
		}
		switch c.scope {
		case scopeAny, scopeTitle:
		default:
			allText = false
		}
		if k := titleKey(c.text); nameField(c.scope) != "" && k != "" {
			p.names = append(p.names, nameClause{scope: c.scope, key: k})
		}
		if c.scope == scopeISBN || c.scope == scopeCallNumber || c.scope == scopeBarcode || c.scope == scopeCLC {
			p.identifier = true
		}
		must = append(must, e)
	}
	if len(must) == 0 {
		p.match = bAll{}
		return p, nil
	}
	p.match = and(must...)
	if allText {
		texts := make([]string, len(clauses))
		for i, c := range clauses {
			texts[i] = c.text
		}
		for _, v := range ix.syn.expand(strings.Join(texts, "")) {
			if k := titleKey(v); k != "" && !contains(p.wholeKeys, k) {
				p.wholeKeys = append(p.wholeKeys, k)
			}
		}
	}
	p.tiers = tierExprs(p)
	if len(p.names) > 0 {
		exact, prefix := nameTiers(p.names)
		p.exact = exact
		p.tiers = append([]bexpr{exact, prefix}, p.tiers...)
	}
	return p, nil
}

// nameTiers returns the two tiers of a field search for names, ahead of
// every other: each queried name exactly, and each name as the start of
// the record's (邵杰 before 邵杰欣 before 张邵杰).
func nameTiers(names []nameClause) (exact, prefix bexpr) {
	var ex, pre []bexpr
	for _, n := range names {
		f := nameField(n.scope)
		ex = append(ex, term(f, n.key))
		pre = append(pre, bPrefix{f, n.key})
	}
	return and(ex...), and(pre...)
}

// tierExprs returns the candidate tiers in the order ranking wants them:
// identifiers, exact title, a whole title spelled in pinyin or initials,
// every word in the title, every word in title or author, a word that is a
// whole author name, one that starts an author name, a word in the author,
// a word in the subjects. What matches none of them comes last.
func tierExprs(p *plan) []bexpr {
	var ident, exact, whole []bexpr
	var title, titleAuthor, author, subject []bexpr
	var authorExact, authorPrefix []bexpr // a clause is a whole author name, or starts one
	for _, k := range p.wholeKeys {
		exact = append(exact, term(fTitleKey, k))
	}
	for i, c := range p.clauses {
		switch c.scope {
		case scopeAny, scopeTitle, scopeAuthor, scopeSubject, scopeSeries, scopePublisher:
		default:
			continue
		}
		if c.scope == scopeAny && len(p.clauses) == 1 {
			ident = identifierMatches(c.text)
		}
		tm, am := p.parts[i].title, p.parts[i].author
		title = append(title, tm)
		titleAuthor = append(titleAuthor, or(tm, am))
		author = append(author, am)
		if k := titleKey(c.text); k != "" {
			authorExact = append(authorExact, term(fAuthorKey, k))
			authorPrefix = append(authorPrefix, bPrefix{fAuthorKey, k})
		}
		subject = append(subject, p.parts[i].subject)
		if len(p.clauses) == 1 && isLatinWord(c.text) && !c.quoted {
			if syl, ok := splitPinyin(c.text); ok {
				whole = append(whole, and(pinyinFull(fTitlePinyin, syl), term(fTitleLen, titleLenTerm(len(syl)))))
			}
			if n := len(c.text); n >= 2 && n <= 24 {
				whole = append(whole, and(pinyinInitials(fTitleInit, c.text), term(fTitleLen, titleLenTerm(n))))
			}
		}
	}
	if len(title) == 0 {
		return nil
	}
	tiers := []bexpr{or(ident...), or(exact...), or(whole...), and(title...)}
	if len(title) > 1 {
		tiers = append(tiers, and(titleAuthor...))
	}
	return append(tiers, or(authorExact...), or(authorPrefix...), or(author...), or(subject...))
}

// clauseMatch returns what one clause matches.
func clauseMatch(c clause, variants []string, parts clauseParts) (bexpr, error) {
	t := c.text
	switch c.scope {
	case scopeISBN:
		if n, ok := normalizeISBN(t); ok {
			return term(fISBN, n), nil
		}
		return term(fISBN, strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(t))), nil
	case scopeCLC:
		return term(fCLC, strings.TrimSuffix(normCallNumber(t), "*")), nil
	case scopeCallNumber:
		n := normCallNumber(t)
		if strings.HasSuffix(n, "*") {
			return bPrefix{fCallNumber, strings.TrimSuffix(n, "*")}, nil
		}
		return term(fCallNumber, n), nil
	case scopeBarcode:
		return term(fBarcode, normCallNumber(t)), nil
	case scopeLanguage:
		return term(fLanguage, t), nil
	case scopeLocation:
		return term(fLocation, t), nil
	case scopeYear:
		return yearQuery(t)
	case scopeTitle:
		return parts.title, nil
	case scopeAuthor:
		return parts.author, nil
	case scopeSubject:
		return parts.subject, nil
	case scopeSeries:
		return textMatch(fSeries, variants), nil
	case scopePublisher:
		return textMatch(fPublisher, variants), nil
	}
	// Free text: everything the word could be.
	return or(
		or(identifierMatches(t)...),
		parts.title,
		parts.author,
		parts.subject,
		textMatch(fSeries, variants),
		textMatch(fPublisher, variants),
		textMatch(fSummary, variants),
	), nil
}

// identifierMatches returns the identifiers a free-text word could be:
// ISBN, barcode, call number or CLC class.
func identifierMatches(t string) []bexpr {
	var out []bexpr
	if n, ok := normalizeISBN(t); ok {
		out = append(out, term(fISBN, n))
	}
	if strings.ContainsAny(t, "0123456789") && utf8.RuneCountInString(t) >= 4 && isIdentifierText(t) {
		out = append(out, term(fBarcode, normCallNumber(t)))
	}
	if looksLikeCallNumber(t) {
		n := normCallNumber(t)
		if strings.HasSuffix(n, "*") {
			out = append(out, bPrefix{fCallNumber, strings.TrimSuffix(n, "*")})
		} else {
			out = append(out, term(fCallNumber, n))
			if !strings.Contains(n, "/") {
				out = append(out, term(fCLC, n))
			}
		}
	}
	return out
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

func termQ(field, term string) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}

func prefixQ(field, prefix string) *query.PrefixQuery {
	q := bleve.NewPrefixQuery(prefix)
	q.SetField(field)
	return q
}

// titleMatch matches variants in the title and, with pinyin, the first
// variant as full pinyin or initials too.
func titleMatch(variants []string, pinyin bool) bexpr {
	e := textMatch(fTitle, variants)
	if pinyin {
		e = or(e, pinyinMatch(fTitlePinyin, fTitleInit, variants[0]))
	}
	return e
}

func authorMatch(variants []string) bexpr {
	return or(textMatch(fAuthor, variants[:1]), pinyinMatch(fAuthorPy, fAuthorInit, variants[0]))
}

// textMatch matches a field holding every character pair (or the single
// character, or the word) of one of the variants.
func textMatch(field string, variants []string) bexpr {
	var alts []bexpr
	for _, v := range variants {
		toks := textTokens([]rune(v), false)
		if len(toks) == 0 {
			continue
		}
		all := make([]bexpr, len(toks))
		for i, t := range toks {
			all[i] = term(field, string(t.Term))
		}
		alts = append(alts, and(all...))
	}
	return or(alts...)
}

// pinyinMatch matches a word typed in Latin letters as full pinyin
// (chongqing → the pair chongqing) and as initials (gcdxy → gc cd dx xy).
func pinyinMatch(fullField, initField, w string) bexpr {
	if !isLatinWord(w) {
		return bNone{}
	}
	var alts []bexpr
	if syl, ok := splitPinyin(w); ok {
		alts = append(alts, pinyinFull(fullField, syl))
	}
	if n := len(w); n >= 2 && n <= 24 {
		alts = append(alts, pinyinInitials(initField, w))
	}
	return or(alts...)
}

func pinyinFull(field string, syl []string) bexpr {
	if len(syl) == 1 {
		return term(field, syl[0])
	}
	var all []bexpr
	for _, p := range queryPairs(syl) {
		all = append(all, term(field, p))
	}
	return and(all...)
}

func pinyinInitials(field, w string) bexpr {
	var all []bexpr
	for _, p := range initialPairs(w) {
		all = append(all, term(field, p))
	}
	return and(all...)
}

// yearQuery accepts 2020, 2010-2019, 2010- and -1989.
func yearQuery(t string) (bexpr, error) {
	lo, hi, ok := parseYearRange(t)
	if !ok {
		return nil, invalidQuery("出版年应为年份或年份范围，如 2020 或 2010-2019", "year must be a year or a range such as 2020 or 2010-2019")
	}
	return yearRange(lo, hi), nil
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

// yearRange matches publication years from lo to hi (nil is open).
func yearRange(lo, hi *float64) bexpr {
	r := bRange{field: fYear}
	if lo != nil {
		r.lo = yearTerm(int(*lo))
	}
	if hi != nil {
		r.hi = yearTerm(int(*hi))
	}
	return r
}

// yearTerm is the indexed form of a year: four digits, so terms sort by year.
func yearTerm(y int) string { return fmt.Sprintf("%04d", y) }
