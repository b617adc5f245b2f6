package marcmap

import (
	"fmt"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/catalog/price"
	"shuwu/internal/marc"
)

func priceText(fen int64) string { return price.FromFen(fen).MARC() }

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// lines splits notes into one value per line.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// corporate guesses whether an author is a body (国家统计局, 中共中央
// 党校出版社) rather than a person, for the choice of 711 over 701.
func corporate(name string) bool {
	for _, suffix := range []string{"局", "部", "委员会", "委", "社", "所", "院", "中心", "学会", "协会", "办公室", "组", "会", "厅", "处", "室", "大学", "学校", "党校", "馆"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

func authorsKey(r *catalog.Record) string {
	var b strings.Builder
	for _, a := range r.Authors {
		b.WriteString(a.Name + "\x1f" + a.Role + "\x1e")
	}
	return b.String()
}

func subjectParts(s string) []string { return strings.Split(s, "-") }

// cnmarcGroups are the modelled parts of a CNMARC record.
func cnmarcGroups() []group {
	return []group{
		{"isbn", tags("010"),
			func(r *catalog.Record) string { return r.ISBN + "|" + fmt.Sprint(r.PriceFen) },
			func(r *catalog.Record) []marc.Field {
				p := ""
				if r.PriceFen > 0 {
					p = priceText(r.PriceFen)
				}
				return nonEmpty(sub("010", ' ', ' ', "a", hyphenated(r.ISBN), "d", p))
			}},
		{"language", tags("101"),
			func(r *catalog.Record) string { return r.Language },
			func(r *catalog.Record) []marc.Field { return nonEmpty(sub("101", '0', ' ', "a", r.Language)) }},
		{"title", tags("200"),
			func(r *catalog.Record) string {
				return r.Title + "|" + r.PartNumber + "|" + r.PartName + "|" + r.OtherTitle + "|" + r.ParallelTitle + "|" + r.Responsibility
			},
			func(r *catalog.Record) []marc.Field {
				f := sub("200", '1', ' ', "a", r.Title, "h", r.PartNumber, "i", r.PartName, "d", r.ParallelTitle, "e", r.OtherTitle)
				for i, resp := range strings.Split(r.Responsibility, " ; ") {
					code := "g"
					if i == 0 {
						code = "f"
					}
					f.Subfields = append(f.Subfields, sub("", 0, 0, code, resp).Subfields...)
				}
				return nonEmpty(f)
			}},
		{"edition", tags("205"),
			func(r *catalog.Record) string { return r.Edition },
			func(r *catalog.Record) []marc.Field { return nonEmpty(sub("205", ' ', ' ', "a", r.Edition)) }},
		{"publication", tags("210"),
			func(r *catalog.Record) string { return r.Place + "|" + r.Publisher + "|" + yearText(r.Year) },
			func(r *catalog.Record) []marc.Field {
				return nonEmpty(sub("210", ' ', ' ', "a", r.Place, "c", r.Publisher, "d", yearText(r.Year)))
			}},
		{"physical", tags("215"),
			func(r *catalog.Record) string { return r.Pages + "|" + r.Size },
			func(r *catalog.Record) []marc.Field {
				return nonEmpty(sub("215", ' ', ' ', "a", r.Pages, "d", r.Size))
			}},
		{"series", tags("225"),
			func(r *catalog.Record) string { return r.Series },
			func(r *catalog.Record) []marc.Field {
				t, v, _ := strings.Cut(r.Series, " ; ")
				return nonEmpty(sub("225", '2', ' ', "a", t, "v", v))
			}},
		{"notes", tags("300"),
			func(r *catalog.Record) string { return r.Notes },
			func(r *catalog.Record) []marc.Field {
				var out []marc.Field
				for _, l := range lines(r.Notes) {
					out = append(out, sub("300", ' ', ' ', "a", l))
				}
				return out
			}},
		{"summary", tags("330"),
			func(r *catalog.Record) string { return r.Summary },
			func(r *catalog.Record) []marc.Field { return nonEmpty(sub("330", ' ', ' ', "a", r.Summary)) }},
		{"subjects", tags("606"),
			func(r *catalog.Record) string { return strings.Join(r.Subjects, "\x1e") },
			func(r *catalog.Record) []marc.Field {
				var out []marc.Field
				for _, s := range r.Subjects {
					parts := subjectParts(s)
					f := sub("606", '0', ' ', "a", parts[0])
					for _, p := range parts[1:] {
						f.Subfields = append(f.Subfields, sub("", 0, 0, "x", p).Subfields...)
					}
					out = append(out, nonEmpty(f)...)
				}
				return out
			}},
		{"clc", tags("690"),
			func(r *catalog.Record) string { return r.CLC },
			func(r *catalog.Record) []marc.Field {
				if r.CLC == "" {
					return nil
				}
				return []marc.Field{sub("690", ' ', ' ', "a", r.CLC, "v", "5")}
			}},
		{"authors", tags("700", "701", "702", "710", "711", "712"),
			authorsKey,
			func(r *catalog.Record) []marc.Field {
				var out []marc.Field
				for _, a := range r.Authors {
					if corporate(a.Name) {
						out = append(out, sub("711", '0', '2', "a", a.Name, "4", a.Role))
					} else {
						out = append(out, sub("701", ' ', '0', "a", a.Name, "4", a.Role))
					}
				}
				return out
			}},
	}
}

// marc21Groups are the modelled parts of a MARC21 record. ISBD
// punctuation is written the way MARC21 stores it.
func marc21Groups() []group {
	isCLC := func(f *marc.Field) bool {
		return f.Tag == "084" && strings.EqualFold(strings.TrimSpace(f.Sub('2')), "clc")
	}
	return []group{
		{"isbn", tags("020"),
			func(r *catalog.Record) string { return r.ISBN + "|" + fmt.Sprint(r.PriceFen) },
			func(r *catalog.Record) []marc.Field {
				p := ""
				if r.PriceFen > 0 {
					p = priceText(r.PriceFen)
				}
				return nonEmpty(sub("020", ' ', ' ', "a", r.ISBN, "c", p))
			}},
		{"language", tags("041"),
			func(r *catalog.Record) string { return r.Language },
			func(r *catalog.Record) []marc.Field { return nonEmpty(sub("041", '0', ' ', "a", r.Language)) }},
		{"clc", isCLC,
			func(r *catalog.Record) string { return r.CLC },
			func(r *catalog.Record) []marc.Field {
				if r.CLC == "" {
					return nil
				}
				return []marc.Field{sub("084", ' ', ' ', "a", r.CLC, "2", "clc")}
			}},
		{"authors", tags("100", "110", "700", "710"),
			authorsKey,
			func(r *catalog.Record) []marc.Field {
				var out []marc.Field
				for i, a := range r.Authors {
					tag := "700"
					if corporate(a.Name) {
						tag = "710"
					}
					if i == 0 {
						tag = "1" + tag[1:]
					}
					ind1 := byte('1')
					if tag[1] == '1' {
						ind1 = '2'
					}
					out = append(out, sub(tag, ind1, ' ', "a", a.Name, "e", a.Role))
				}
				return out
			}},
		{"title", tags("245", "246"),
			func(r *catalog.Record) string {
				return r.Title + "|" + r.PartNumber + "|" + r.PartName + "|" + r.OtherTitle + "|" + r.ParallelTitle + "|" + r.Responsibility
			},
			func(r *catalog.Record) []marc.Field {
				// ISBD punctuation: each part ends with the mark that
				// introduces the next: ". $n", ", $p", " : $b", " / $c".
				parts := []marc.Subfield{{Code: 'a', Value: r.Title}}
				if r.PartNumber != "" {
					parts = append(parts, marc.Subfield{Code: 'n', Value: r.PartNumber})
				}
				if r.PartName != "" {
					parts = append(parts, marc.Subfield{Code: 'p', Value: r.PartName})
				}
				if r.OtherTitle != "" {
					parts = append(parts, marc.Subfield{Code: 'b', Value: r.OtherTitle})
				}
				if r.Responsibility != "" {
					parts = append(parts, marc.Subfield{Code: 'c', Value: r.Responsibility})
				}
				for i := 0; i+1 < len(parts); i++ {
					switch parts[i+1].Code {
					case 'n':
						parts[i].Value += "."
					case 'p':
						if parts[i].Code == 'n' {
							parts[i].Value += ","
						} else {
							parts[i].Value += "."
						}
					case 'b':
						parts[i].Value += " :"
					case 'c':
						parts[i].Value += " /"
					}
				}
				f := marc.Field{Tag: "245", Ind1: '0', Ind2: '0'}
				for _, p := range parts {
					if strings.TrimSpace(p.Value) != "" {
						f.Subfields = append(f.Subfields, p)
					}
				}
				out := []marc.Field{f}
				return append(out, nonEmpty(sub("246", '3', '1', "a", r.ParallelTitle))...)
			}},
		{"edition", tags("250"),
			func(r *catalog.Record) string { return r.Edition },
			func(r *catalog.Record) []marc.Field { return nonEmpty(sub("250", ' ', ' ', "a", r.Edition)) }},
		{"publication", func(f *marc.Field) bool { return f.Tag == "260" || (f.Tag == "264" && f.Ind2 == '1') },
			func(r *catalog.Record) string { return r.Place + "|" + r.Publisher + "|" + yearText(r.Year) },
			func(r *catalog.Record) []marc.Field {
				return nonEmpty(sub("264", ' ', '1', "a", r.Place, "b", r.Publisher, "c", yearText(r.Year)))
			}},
		{"physical", tags("300"),
			func(r *catalog.Record) string { return r.Pages + "|" + r.Size },
			func(r *catalog.Record) []marc.Field {
				return nonEmpty(sub("300", ' ', ' ', "a", r.Pages, "c", r.Size))
			}},
		{"series", tags("440", "490", "830"),
			func(r *catalog.Record) string { return r.Series },
			func(r *catalog.Record) []marc.Field {
				t, v, _ := strings.Cut(r.Series, " ; ")
				return nonEmpty(sub("490", '0', ' ', "a", t, "v", v))
			}},
		{"notes", tags("500"),
			func(r *catalog.Record) string { return r.Notes },
			func(r *catalog.Record) []marc.Field {
				var out []marc.Field
				for _, l := range lines(r.Notes) {
					out = append(out, sub("500", ' ', ' ', "a", l))
				}
				return out
			}},
		{"summary", tags("520"),
			func(r *catalog.Record) string { return r.Summary },
			func(r *catalog.Record) []marc.Field { return nonEmpty(sub("520", ' ', ' ', "a", r.Summary)) }},
		{"subjects", tags("650"),
			func(r *catalog.Record) string { return strings.Join(r.Subjects, "\x1e") },
			func(r *catalog.Record) []marc.Field {
				var out []marc.Field
				for _, s := range r.Subjects {
					parts := subjectParts(s)
					f := sub("650", ' ', '7', "a", parts[0])
					for _, p := range parts[1:] {
						f.Subfields = append(f.Subfields, sub("", 0, 0, "x", p).Subfields...)
					}
					f.Subfields = append(f.Subfields, marc.Subfield{Code: '2', Value: "cct"})
					out = append(out, f)
				}
				return out
			}},
	}
}

func hyphenated(isbn13 string) string {
	if isbn13 == "" {
		return ""
	}
	return isbn.Hyphenate(isbn13)
}
