package search

import (
	"sort"

	"github.com/RoaringBitmap/roaring/v2"

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
	FacetCategory: fCategory, FacetCLC: fCLCTop, FacetLocation: fLocation, FacetLanguage: fLanguage,
}

// facetOrder lists the term facets in a fixed order, for per-segment
// tables. FacetAvailable is not a term facet: it comes from the shelf set
// (shelf.go).
var facetOrder = [...]string{FacetCategory, FacetCLC, FacetLocation, FacetLanguage}

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

// filterMatches turns filters into match expressions: values of one facet
// are alternatives, facets are all required. onShelf matches records with
// (or without) a copy on the shelf.
func filterMatches(filters map[string][]string, onShelf func(want bool) bexpr) ([]bexpr, error) {
	var out []bexpr
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
		var alts []bexpr
		for _, v := range values {
			if name == FacetYear {
				lo, hi, ok := parseYearRange(v)
				if !ok {
					return nil, errs.Invalid(CodeQueryInvalid, "filters", "出版年筛选值无效："+v, "invalid year filter: "+v)
				}
				alts = append(alts, yearRange(lo, hi))
				continue
			}
			if name == FacetAvailable {
				switch v {
				case "true":
					alts = append(alts, onShelf(true))
				case "false":
					alts = append(alts, onShelf(false))
				default:
					alts = append(alts, bNone{})
				}
				continue
			}
			field, ok := facetFields[name]
			if !ok {
				return nil, errs.Invalid(CodeQueryInvalid, "filters", "未知的筛选项："+name, "unknown filter: "+name)
			}
			alts = append(alts, term(field, v))
		}
		out = append(out, or(alts...))
	}
	return out, nil
}

// facetCounts counts the matches having each value of each facet: one
// AND-cardinality of bitmaps per value and segment, exact however many
// records match. Values are ordered by count, then value.
func (ix *Index) facetCounts(segs []*segView, match []*roaring.Bitmap, st *shelfSet) map[string][]FacetValue {
	out := make(map[string][]FacetValue, len(facetOrder)+1)
	counts := make([]map[string]int, len(facetOrder))
	for fi := range facetOrder {
		counts[fi] = map[string]int{}
	}
	years := make([]int, len(yearRanges))
	onShelf, offShelf := 0, 0
	buf := make([]uint32, 256)
	for i, s := range segs {
		if match[i].IsEmpty() {
			continue
		}
		e := ix.cache.get(s)
		on := int(match[i].AndCardinality(e.docsOnShelf(st)))
		onShelf += on
		offShelf += int(match[i].GetCardinality()) - on
		// Up to half the segment, look up each match's values: one read
		// of a packed array each. Beyond, intersect bitmaps: sparse facet
		// values make AND-cardinality walk arrays, which only pays off
		// when most documents match (browsing without a query).
		if m := match[i].GetCardinality(); m*2 < uint64(len(e.keys)) {
			tally := make([][]int, len(facetOrder))
			for fi, f := range e.facets {
				tally[fi] = make([]int, len(f.terms))
			}
			it := match[i].ManyIterator()
			for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
				for _, d := range buf[:n] {
					codes := &e.codes[d]
					for fi, f := range e.facets {
						switch c := codes[fi]; c {
						case noCode:
						case multiCode:
							for k, ft := range f.terms {
								if ft.docs.Contains(d) {
									tally[fi][k]++
								}
							}
						default:
							tally[fi][c]++
						}
					}
					if c := codes[yearSlot]; c != noCode {
						years[c]++
					}
				}
			}
			for fi, f := range e.facets {
				for k, c := range tally[fi] {
					if c > 0 {
						counts[fi][f.terms[k].value] += c
					}
				}
			}
			continue
		}
		for fi, f := range e.facets {
			for _, ft := range f.terms {
				if c := int(match[i].AndCardinality(ft.docs)); c > 0 {
					counts[fi][ft.value] += c
				}
			}
		}
		for j, bm := range e.years {
			years[j] += int(match[i].AndCardinality(bm))
		}
	}
	for fi, name := range facetOrder {
		vals := make([]FacetValue, 0, len(counts[fi]))
		for t, c := range counts[fi] {
			vals = append(vals, FacetValue{Value: t, Label: facetLabel(name, t), Count: c})
		}
		sort.Slice(vals, func(i, j int) bool {
			if vals[i].Count != vals[j].Count {
				return vals[i].Count > vals[j].Count
			}
			return vals[i].Value < vals[j].Value
		})
		if len(vals) > facetSizes[name] {
			vals = vals[:facetSizes[name]]
		}
		out[name] = vals
	}
	var yv []FacetValue
	for j, r := range yearRanges {
		if years[j] > 0 {
			yv = append(yv, FacetValue{Value: r.value, Label: r.label, Count: years[j]})
		}
	}
	out[FacetYear] = yv
	var av []FacetValue
	for _, v := range []FacetValue{{Value: "true", Count: onShelf}, {Value: "false", Count: offShelf}} {
		if v.Count > 0 {
			v.Label = facetLabel(FacetAvailable, v.Value)
			av = append(av, v)
		}
	}
	sort.SliceStable(av, func(i, j int) bool { return av[i].Count > av[j].Count })
	out[FacetAvailable] = av
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
