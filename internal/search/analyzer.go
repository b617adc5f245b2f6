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
// With pairsOnly, as for summaries, a character is indexed alone only where
// it stands alone: a one-character query then finds a summary only by such
// a character, while summaries lose about half their terms — the largest
// single share of the index.
type textAnalyzer struct {
	f         *folder
	pairsOnly bool
}

func (a textAnalyzer) Analyze(input []byte) analysis.TokenStream {
	return textTokens([]rune(a.f.Fold(string(input))), !a.pairsOnly)
}

// textTokens splits folded text. With unigrams false only pairs and words
// are produced: what a query of two or more characters needs.
func textTokens(rs []rune, unigrams bool) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(rs)*2)
	pos := 1
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case isHan(r):
			j := i
			for j < len(rs) && isHan(rs[j]) {
				j++
			}
			for k := i; k < j; k++ {
				if unigrams || j-i == 1 {
					out = append(out, &analysis.Token{Term: []byte(string(rs[k])), Position: pos, Start: k, End: k + 1, Type: analysis.Ideographic})
				}
				if k+1 < j {
					out = append(out, &analysis.Token{Term: []byte(string(rs[k : k+2])), Position: pos, Start: k, End: k + 2, Type: analysis.Double})
				}
				pos++
			}
			i = j
		case isWordRune(r):
			j := i
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
			out = append(out, &analysis.Token{Term: []byte(string(rs[i:j])), Position: pos, Start: i, End: j, Type: analysis.AlphaNumeric})
			pos++
			i = j
		default:
			i++
		}
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
	out := make(analysis.TokenStream, 0, len(rs)*3)
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
			out = append(out, &analysis.Token{Term: []byte(p), Position: pos, Start: i, End: i + 1})
		}
		if i+1 < len(rs) {
			for _, p := range cur {
				for _, q := range readings(rs[i+1]) {
					out = append(out, &analysis.Token{Term: []byte(p + q), Position: pos, Start: i, End: i + 2})
				}
			}
		}
		pos++
	}
	return out
}

// initialsAnalyzer indexes pinyin initials as overlapping letter pairs
// (习近平谈治国理政 → xj jp pt tz zg gl lz): a query of initials becomes a
// phrase of pairs, far more selective than single letters.
type initialsAnalyzer struct{ f *folder }

func (a initialsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	rs := []rune(a.f.Fold(string(input)))
	out := make(analysis.TokenStream, 0, len(rs)*2)
	pos := 1
	for i := 0; i+1 < len(rs); i++ {
		cur := initials(rs[i])
		if len(cur) == 0 {
			pos++
			continue
		}
		for _, c := range cur {
			for _, d := range initials(rs[i+1]) {
				out = append(out, &analysis.Token{Term: []byte{c, d}, Position: pos, Start: i, End: i + 2})
			}
		}
		pos++
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
