package marcmap

import (
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/catalog/price"
	"shuwu/internal/marc"
)

// cnmarc reads a CNMARC/UNIMARC record (cn-library.md §2.2).
func (d *decoder) cnmarc(m *marc.Record) {
	r := &d.res.Record
	var holdings905, holdings906 []Holding
	var callFrom905 string
	for i := range m.Fields {
		f := &m.Fields[i]
		switch f.Tag {
		case "010":
			if v := f.Sub('a'); v != "" {
				d.isbns = append(d.isbns, sourced{"010$a", v})
			}
			if v := f.Sub('d'); v != "" {
				d.prices = append(d.prices, sourced{"010$d", v})
			}
		case "101":
			if d.language == "" {
				d.language = strings.TrimSpace(f.Sub('a'))
			}
		case "100":
			if v := f.Sub('a'); len(v) >= 13 {
				d.years = append(d.years, sourced{"100$a/9-12", v[9:13]})
			}
		case "200":
			if r.Title != "" {
				continue
			}
			r.Title = joinNonEmpty(" ", f.Subs('a')...)
			r.OtherTitle = joinNonEmpty(" : ", f.Subs('e')...)
			r.PartNumber = joinNonEmpty("，", trimAll(f.Subs('h'))...)
			r.PartName = joinNonEmpty("，", trimAll(f.Subs('i'))...)
			r.ParallelTitle = joinNonEmpty(" = ", f.Subs('d')...)
			r.Responsibility = joinNonEmpty(" ; ", append(f.Subs('f'), f.Subs('g')...)...)
		case "205":
			if r.Edition == "" {
				r.Edition = f.Sub('a')
			}
		case "210":
			if r.Publisher == "" {
				r.Place = joinNonEmpty(" ; ", f.Subs('a')...)
				r.Publisher = joinNonEmpty(" ; ", f.Subs('c')...)
				if v := f.Sub('d'); v != "" {
					d.years = append([]sourced{{"210$d", v}}, d.years...)
				}
			}
		case "215":
			if r.Pages == "" {
				r.Pages, r.Size = f.Sub('a'), f.Sub('d')
			}
		case "225":
			if r.Series == "" {
				r.Series = seriesText(f.Sub('a'), f.Sub('v'))
			}
		case "300":
			d.notes = append(d.notes, f.Subs('a')...)
		case "330":
			if r.Summary == "" {
				r.Summary = joinNonEmpty("\n", f.Subs('a')...)
			}
		case "606":
			if s := subjectText(f); s != "" {
				r.Subjects = append(r.Subjects, s)
			}
		case "690":
			if v := f.Sub('a'); v != "" {
				d.classes = append(d.classes, sourced{"690$a", v})
			}
		case "700", "701", "702":
			name := f.Sub('a')
			if b := strings.Trim(f.Sub('b'), " ,"); b != "" {
				name += ", " + b
			}
			r.Authors = append(r.Authors, catalog.Author{Name: name, Role: f.Sub('4')})
		case "710", "711", "712":
			r.Authors = append(r.Authors, catalog.Author{Name: f.Sub('a'), Role: f.Sub('4')})
		case "905":
			cn := cnmarcCallNumber(f)
			if callFrom905 == "" {
				callFrom905 = cn
			}
			base := Holding{CallNumber: cn, Location: f.Sub('c'), PriceFen: holdingPrice(f.Sub('r'))}
			if bs := f.Subs('b'); len(bs) > 0 {
				for _, b := range bs {
					h := base
					h.Barcode, h.Copies = strings.TrimSpace(b), 1
					holdings905 = append(holdings905, h)
				}
				continue
			}
			base.Copies = 1
			if n, err := strconv.Atoi(strings.TrimSpace(f.Sub('f'))); err == nil && n > 0 && n <= catalog.MaxBatchItems {
				base.Copies = n
			}
			holdings905 = append(holdings905, base)
		case "906":
			if b := strings.TrimSpace(f.Sub('b')); b != "" {
				holdings906 = append(holdings906, Holding{Barcode: b, CallNumber: cnmarcCallNumber(f), PriceFen: holdingPrice(f.Sub('r')), Copies: 1})
			}
		}
	}
	// 906 lists the copies one by one where a system writes it (dp2, the
	// BNU records); 905 is then the summary and gives only the call number.
	if len(holdings906) > 0 {
		for i := range holdings906 {
			if holdings906[i].CallNumber == "" {
				holdings906[i].CallNumber = callFrom905
			}
		}
		d.res.Holdings = holdings906
	} else {
		d.res.Holdings = holdings905
	}
}

// cnmarcCallNumber reads 905/906: $s 索取号, else $d 分类号 / $e 书次号.
func cnmarcCallNumber(f *marc.Field) string {
	if s := strings.TrimSpace(f.Sub('s')); s != "" {
		return s
	}
	class, seq := strings.TrimSpace(f.Sub('d')), strings.TrimSpace(f.Sub('e'))
	switch {
	case class != "" && seq != "":
		return class + "/" + seq
	case class != "":
		return class
	}
	return ""
}

// holdingPrice reads a copy's price; a bare currency ("CNY", as in 906$r
// of dp2 records) or anything unreadable means none of its own.
func holdingPrice(s string) int64 {
	p, err := price.Parse(s)
	if err != nil {
		return 0
	}
	return p.Fen
}

// seriesText joins a series title and its volume number the way a card
// shows them: 智库丛书 ; 01.
func seriesText(title, volume string) string {
	return joinNonEmpty(" ; ", title, volume)
}

// subjectText joins a subject heading and its subdivisions with "-", as
// dp2 displays them: 中外关系-文化交流-研究-欧洲.
func subjectText(f *marc.Field) string {
	var parts []string
	for _, s := range f.Subfields {
		switch s.Code {
		case 'a', 'x', 'y', 'z', 'j', 'v':
			if v := trimISBD(s.Value); v != "" {
				parts = append(parts, v)
			}
		}
	}
	return strings.Join(parts, "-")
}

// splitCallNumber splits a call number into class and 书次号 for the
// holdings fields.
func splitCallNumber(cn string) (class, seq string) {
	return callno.Parse(cn)
}
