package search

import (
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"shuwu/internal/errs"
)

// Facet names, used as keys of Result.Facets and Request.Filters.
const (
	FacetCategory  = "category"
	FacetCLC       = "clc"       // CLC top class: A, B … TP, Z
	FacetYear      = "year"      // publication year range, see yearRanges
	FacetLocation  = "location"  // shelf / area
	FacetAvailable = "available" // "true": a copy is on the shelf now
	FacetLanguage  = "language"
)

// FacetValue is one value of a facet with the number of matching records.
type FacetValue struct {
	Value string // what to put in Request.Filters
	Label string // what to show (Chinese)
	Count int
}

var facetFields = map[string]string{
	FacetCategory: fCategory, FacetCLC: fCLCTop, FacetLocation: fLocation,
	FacetAvailable: fAvailable, FacetLanguage: fLanguage,
}

var facetSizes = map[string]int{FacetCategory: 30, FacetCLC: 40, FacetLocation: 60, FacetAvailable: 2, FacetLanguage: 20}

// yearRanges are the publication-year buckets; values are the filter values.
var yearRanges = []struct {
	value, label string
}{
	{"2020-", "2020年以来"},
	{"2010-2019", "2010—2019年"},
	{"2000-2009", "2000—2009年"},
	{"1990-1999", "1990—1999年"},
	{"-1989", "1989年以前"},
}

func addFacetRequests(sr *bleve.SearchRequest) {
	for name, field := range facetFields {
		sr.AddFacet(name, bleve.NewFacetRequest(field, facetSizes[name]))
	}
	fr := bleve.NewFacetRequest(fYear, len(yearRanges))
	for _, r := range yearRanges {
		lo, hi, _ := parseYearRange(r.value)
		if hi != nil {
			// Bleve's numeric facet ranges exclude the upper bound.
			h := *hi + 1
			hi = &h
		}
		fr.AddNumericRange(r.value, lo, hi)
	}
	sr.AddFacet(FacetYear, fr)
}

// filterQueries turns filters into queries: values of one facet are
// alternatives, facets are all required.
func filterQueries(filters map[string][]string) ([]query.Query, error) {
	var out []query.Query
	names := make([]string, 0, len(filters))
	for name := range filters {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		values := filters[name]
		if len(values) == 0 {
			continue
		}
		var alts []query.Query
		for _, v := range values {
			if name == FacetYear {
				lo, hi, ok := parseYearRange(v)
				if !ok {
					return nil, errs.Invalid(CodeQueryInvalid, "filters", "出版年筛选值无效："+v, "invalid year filter: "+v)
				}
				alts = append(alts, numRange(fYear, lo, hi))
				continue
			}
			field, ok := facetFields[name]
			if !ok {
				return nil, errs.Invalid(CodeQueryInvalid, "filters", "未知的筛选项："+name, "unknown filter: "+name)
			}
			alts = append(alts, termQ(field, v))
		}
		out = append(out, disjunction(alts))
	}
	return out, nil
}

func facetResults(fs search.FacetResults) map[string][]FacetValue {
	out := make(map[string][]FacetValue, len(fs))
	for name, fr := range fs {
		var vals []FacetValue
		if name == FacetYear {
			counts := map[string]int{}
			for _, r := range fr.NumericRanges {
				counts[r.Name] = r.Count
			}
			for _, r := range yearRanges {
				if c := counts[r.value]; c > 0 {
					vals = append(vals, FacetValue{Value: r.value, Label: r.label, Count: c})
				}
			}
		} else if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				vals = append(vals, FacetValue{Value: t.Term, Label: facetLabel(name, t.Term), Count: t.Count})
			}
		}
		out[name] = vals
	}
	return out
}

func facetLabel(name, v string) string {
	switch name {
	case FacetCLC:
		if l, ok := clcClassNames[v]; ok {
			return v + " " + l
		}
		if len(v) == 2 && v[0] == 'T' {
			return v + " " + clcClassNames["T"]
		}
	case FacetAvailable:
		if v == "true" {
			return "在架"
		}
		return "已借出"
	case FacetLanguage:
		if l, ok := languageNames[v]; ok {
			return l
		}
	}
	return v
}

// clcClassNames are the 22 top classes of the CLC, 5th edition.
var clcClassNames = map[string]string{
	"A": "马克思主义、列宁主义、毛泽东思想、邓小平理论", "B": "哲学、宗教", "C": "社会科学总论", "D": "政治、法律",
	"E": "军事", "F": "经济", "G": "文化、科学、教育、体育", "H": "语言、文字", "I": "文学", "J": "艺术",
	"K": "历史、地理", "N": "自然科学总论", "O": "数理科学和化学", "P": "天文学、地球科学", "Q": "生物科学",
	"R": "医药、卫生", "S": "农业科学", "T": "工业技术", "U": "交通运输", "V": "航空、航天",
	"X": "环境科学、安全科学", "Z": "综合性图书",
}

var languageNames = map[string]string{
	"chi": "中文", "zh": "中文", "eng": "英文", "en": "英文", "mon": "蒙古文", "tib": "藏文", "uig": "维吾尔文",
	"jpn": "日文", "rus": "俄文", "fre": "法文", "ger": "德文", "kor": "朝鲜文",
}
