package search

import (
	"strings"
	"unicode"

	"shuwu/internal/errs"
)

// CodeQueryInvalid is the error code of a search query that cannot be
// parsed: 检索式无法解析 / the query cannot be parsed.
const CodeQueryInvalid errs.Code = "SEARCH_QUERY_INVALID"

// scope is the part of a record a query clause is limited to.
type scope int

const (
	scopeAny scope = iota
	scopeTitle
	scopeAuthor
	scopeSubject
	scopeSeries
	scopePublisher
	scopeISBN
	scopeCLC
	scopeCallNumber
	scopeBarcode
	scopeYear
	scopeLanguage
	scopeLocation
)

// prefixes maps the field prefixes readers and staff type, in Chinese and
// English, to scopes. Keys are folded (lower case, half-width).
var prefixes = map[string]scope{
	"题名": scopeTitle, "书名": scopeTitle, "正题名": scopeTitle, "title": scopeTitle, "ti": scopeTitle,
	"作者": scopeAuthor, "著者": scopeAuthor, "责任者": scopeAuthor, "author": scopeAuthor, "au": scopeAuthor,
	"主题": scopeSubject, "主题词": scopeSubject, "subject": scopeSubject, "su": scopeSubject,
	"丛书": scopeSeries, "丛书名": scopeSeries, "series": scopeSeries,
	"出版社": scopePublisher, "出版者": scopePublisher, "publisher": scopePublisher, "pub": scopePublisher,
	"isbn": scopeISBN,
	"分类":   scopeCLC, "分类号": scopeCLC, "中图法": scopeCLC, "clc": scopeCLC, "class": scopeCLC,
	"索书号": scopeCallNumber, "索取号": scopeCallNumber, "callno": scopeCallNumber, "call": scopeCallNumber,
	"条码": scopeBarcode, "条码号": scopeBarcode, "barcode": scopeBarcode,
	"出版年": scopeYear, "年份": scopeYear, "year": scopeYear,
	"语种": scopeLanguage, "language": scopeLanguage, "lang": scopeLanguage,
	"馆藏地": scopeLocation, "位置": scopeLocation, "location": scopeLocation,
}

// clause is one unit of a query: a word or quoted phrase, maybe fielded.
type clause struct {
	scope  scope
	text   string // folded
	quoted bool
}

func invalidQuery(zh, en string) *errs.Error {
	return errs.Invalid(CodeQueryInvalid, "q", zh, en)
}

// parseQuery splits a folded query into clauses. Words are separated by
// white space; "…" groups a phrase; prefix:value limits a word or phrase to
// a field. An ASCII prefix that is not a known field is an error (a typo
// such as autor:鲁迅 should not silently search for the whole string); a
// Chinese text before a colon is taken as text, since titles contain colons.
func parseQuery(q string) ([]clause, error) {
	var out []clause
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		sc := scopeAny
		// A prefix is the run of letters before a colon.
		j := i
		for j < len(rs) && (unicode.IsLetter(rs[j]) || isHan(rs[j])) {
			j++
		}
		if j < len(rs) && j > i && rs[j] == ':' {
			name := string(rs[i:j])
			if s, ok := prefixes[name]; ok {
				sc = s
				i = j + 1
			} else if isASCIIWord(name) {
				return nil, invalidQuery("未知的检索字段“"+name+"”", "unknown search field \""+name+"\"")
			}
		}
		if i < len(rs) && rs[i] == '"' {
			end := -1
			for k := i + 1; k < len(rs); k++ {
				if rs[k] == '"' {
					end = k
					break
				}
			}
			if end < 0 {
				return nil, invalidQuery("检索式中的引号不成对", "unbalanced quote in the query")
			}
			if text := strings.TrimSpace(string(rs[i+1 : end])); text != "" {
				out = append(out, clause{scope: sc, text: text, quoted: true})
			}
			i = end + 1
			continue
		}
		k := i
		for k < len(rs) && !unicode.IsSpace(rs[k]) {
			if rs[k] == '"' {
				return nil, invalidQuery("检索式中的引号不成对", "unbalanced quote in the query")
			}
			k++
		}
		if text := string(rs[i:k]); text != "" {
			out = append(out, clause{scope: sc, text: text})
		} else if sc != scopeAny {
			return nil, invalidQuery("检索字段后缺少检索词", "a search field needs a value")
		}
		i = k
	}
	return joinPinyin(out), nil
}

// joinPinyin turns pinyin typed syllable by syllable (xi jin ping) into one
// word, so it must match adjacent characters like xijinping does.
func joinPinyin(cs []clause) []clause {
	if len(cs) < 2 {
		return cs
	}
	var sb strings.Builder
	for _, c := range cs {
		if c.scope != scopeAny || c.quoted || !isLatinWord(c.text) {
			return cs
		}
		sb.WriteString(c.text)
	}
	if _, ok := splitPinyin(sb.String()); !ok {
		return cs
	}
	return []clause{{scope: scopeAny, text: sb.String()}}
}

func isASCIIWord(s string) bool {
	for _, r := range s {
		if r >= unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// normCallNumber is the matching form of a call number or CLC class:
// upper case without spaces.
func normCallNumber(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// looksLikeCallNumber reports whether s (folded) has the shape of a CLC class
// or call number: one or two letters, a digit, then class characters, and
// optionally /书次号.
func looksLikeCallNumber(s string) bool {
	if len(s) < 2 || !(s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	i := 1
	if s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return false
	}
	for ; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || strings.IndexByte("-.()=<>:+/\"*", c) >= 0) {
			return false
		}
	}
	return true
}
