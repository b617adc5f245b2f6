package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// The analyzers below are plain values handed to each document field at
// index time (document.NewTextFieldCustom), so nothing is registered in
// Bleve's global registry. Queries are built from the same functions, which
// keeps index and query analysis identical by construction.

// textAnalyzer indexes Chinese text as single characters plus overlapping
// character pairs, and other scripts as whole words. Both a character and
// the pair starting at it share a position, so a phrase query made of pairs
// checks adjacency while a one-character query still finds 党.
//
// With pairsOnly, as for summaries, subjects and publishers, a character is
// indexed alone only where it stands alone: a one-character query then
// finds those fields only by such a character (it still finds titles,
// authors and series), while they lose about half their terms — summaries
// alone were a quarter of the index.
type textAnalyzer struct {
	f         *folder
	pairsOnly bool
}

func (a textAnalyzer) Analyze(input []byte) analysis.TokenStream {
	return textTokensOf(a.f.Fold(string(input)), !a.pairsOnly)
}

// textTokens splits folded text. With unigrams false only pairs and words
// are produced: what a query of two or more characters needs.
func textTokens(rs []rune, unigrams bool) analysis.TokenStream {
	return textTokensOf(string(rs), unigrams)
}

// textTokensOf is textTokens on a string. Index builds call it for every
// text field of every record, so tokens share one array and their terms
// are slices of one copy of the text (a pair of neighbouring characters
// is contiguous in UTF-8) rather than an allocation each.
func textTokensOf(text string, unigrams bool) analysis.TokenStream {
	b := []byte(text)
	type char struct {
		r   rune
		off int // byte offset in b
	}
	cs := make([]char, 0, len(b)/2+1)
	for off, r := range text {
		cs = append(cs, char{r, off})
	}
	end := func(i int) int { // byte offset after rune i
		if i+1 < len(cs) {
			return cs[i+1].off
		}
		return len(b)
	}
	// Count first: summaries are long, and the array is most of what
	// analysis allocates.
	n := 0
	for i := 0; i < len(cs); {
		j := i + 1
		switch r := cs[i].r; {
		case isHan(r):
			for j < len(cs) && isHan(cs[j].r) {
				j++
			}
			if unigrams || j-i == 1 {
				n += j - i
			}
			n += j - i - 1
		case isWordRune(r):
			for j < len(cs) && isWordRune(cs[j].r) {
				j++
			}
			n++
		}
		i = j
	}
	slab := make([]analysis.Token, 0, n)
	add := func(t analysis.Token) { slab = append(slab, t) }
	pos := 1
	for i := 0; i < len(cs); {
		switch r := cs[i].r; {
		case isHan(r):
			j := i
			for j < len(cs) && isHan(cs[j].r) {
				j++
			}
			for k := i; k < j; k++ {
				if unigrams || j-i == 1 {
					add(analysis.Token{Term: b[cs[k].off:end(k):end(k)], Position: pos, Start: k, End: k + 1, Type: analysis.Ideographic})
				}
				if k+1 < j {
					add(analysis.Token{Term: b[cs[k].off:end(k+1):end(k+1)], Position: pos, Start: k, End: k + 2, Type: analysis.Double})
				}
				pos++
			}
			i = j
		case isWordRune(r):
			j := i
			for j < len(cs) && isWordRune(cs[j].r) {
				j++
			}
			add(analysis.Token{Term: b[cs[i].off:end(j-1):end(j-1)], Position: pos, Start: i, End: j, Type: analysis.AlphaNumeric})
			pos++
			i = j
		default:
			i++
		}
	}
	out := make(analysis.TokenStream, len(slab))
	for i := range slab {
		out[i] = &slab[i]
	}
	return out
}

// pinyinAnalyzer indexes the full pinyin of Chinese characters: each
// reading at the character's position, plus every pair of readings of
// neighbouring characters (chongqing) at the first one's position. Pairs
// make phrase queries selective; all readings of a polyphonic character
// are kept, so 重庆 is found by chongqing as well as zhongqing.
type pinyinAnalyzer struct{ f *folder }

func (a pinyinAnalyzer) Analyze(input []byte) analysis.TokenStream {
	rs := []rune(a.f.Fold(string(input)))
	var tb tokenBuf
	tb.init(len(rs)*2, len(rs)*8)
	pos := 1
	for i, r := range rs {
		cur := readings(r)
		if len(cur) == 0 {
			// A break between Chinese runs must also break phrases.
			if i > 0 && len(readings(rs[i-1])) > 0 {
				pos++
			}
			continue
		}
		for _, p := range cur {
			tb.add(pos, i, i+1, p)
		}
		if i+1 < len(rs) {
			for _, p := range cur {
				for _, q := range readings(rs[i+1]) {
					tb.add(pos, i, i+2, p, q)
				}
			}
		}
		pos++
	}
	return tb.stream()
}

// initialsAnalyzer indexes pinyin initials as overlapping letter pairs
// (习近平谈治国理政 → xj jp pt tz zg gl lz): a query of initials becomes
// the set of its pairs, far more selective than single letters.
type initialsAnalyzer struct{ f *folder }

func (a initialsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	rs := []rune(a.f.Fold(string(input)))
	var tb tokenBuf
	tb.init(len(rs)+2, len(rs)*2+4)
	pos := 1
	for i := 0; i+1 < len(rs); i++ {
		cur := initials(rs[i])
		if len(cur) == 0 {
			pos++
			continue
		}
		for _, c := range cur {
			for _, d := range initials(rs[i+1]) {
				tb.addBytes(pos, i, i+2, c, d)
			}
		}
		pos++
	}
	return tb.stream()
}

// tokenBuf collects tokens in one array and their terms in one byte
// buffer, instead of an allocation per token and term.
type tokenBuf struct {
	toks  []analysis.Token
	bytes []byte
}

func (tb *tokenBuf) init(tokens, bytes int) {
	tb.toks = make([]analysis.Token, 0, tokens)
	tb.bytes = make([]byte, 0, bytes)
}

// add appends a token whose term is the concatenation of parts. A term
// stays valid when the buffer grows: it keeps the old array.
func (tb *tokenBuf) add(pos, start, end int, parts ...string) {
	from := len(tb.bytes)
	for _, p := range parts {
		tb.bytes = append(tb.bytes, p...)
	}
	tb.push(pos, start, end, from)
}

func (tb *tokenBuf) addBytes(pos, start, end int, bs ...byte) {
	from := len(tb.bytes)
	tb.bytes = append(tb.bytes, bs...)
	tb.push(pos, start, end, from)
}

func (tb *tokenBuf) push(pos, start, end, from int) {
	to := len(tb.bytes)
	tb.toks = append(tb.toks, analysis.Token{Term: tb.bytes[from:to:to], Position: pos, Start: start, End: end})
}

func (tb *tokenBuf) stream() analysis.TokenStream {
	out := make(analysis.TokenStream, len(tb.toks))
	for i := range tb.toks {
		out[i] = &tb.toks[i]
	}
	return out
}

// keywordAnalyzer indexes the whole (already normalised) value as one term.
type keywordAnalyzer struct{}

func (keywordAnalyzer) Analyze(input []byte) analysis.TokenStream {
	if len(input) == 0 {
		return nil
	}
	return analysis.TokenStream{{Term: input, Position: 1, Start: 0, End: len(input), Type: analysis.AlphaNumeric}}
}

// queryPairs returns the pinyin-pair terms for syllables, in order.
func queryPairs(syl []string) []string {
	out := make([]string, 0, len(syl))
	for i := 0; i+1 < len(syl); i++ {
		out = append(out, syl[i]+syl[i+1])
	}
	return out
}

// initialPairs returns the letter pairs of initials, in order.
func initialPairs(s string) []string {
	out := make([]string, 0, len(s))
	for i := 0; i+1 < len(s); i++ {
		out = append(out, s[i:i+2])
	}
	return out
}
