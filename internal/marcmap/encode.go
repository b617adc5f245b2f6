package marcmap

import (
	"fmt"
	"slices"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
)

// Export is what Encode needs to write one record.
type Export struct {
	Record catalog.Record
	// Items are the record's copies as holdings (Copies 1 each, Location
	// the location's name).
	Items []Holding
	// Original is the MARC record the catalogue record was imported from,
	// or nil. When its flavor matches, Encode starts from it.
	Original *marc.Record
	// ControlNumber is written to 001 when there is no original record;
	// empty means "SW" and the record id.
	ControlNumber string
}

// group is one part of the catalogue record and the MARC fields that
// carry it in one flavor.
type group struct {
	name  string
	match func(f *marc.Field) bool
	key   func(r *catalog.Record) string
	build func(r *catalog.Record) []marc.Field
}

func tags(ts ...string) func(f *marc.Field) bool {
	return func(f *marc.Field) bool { return slices.Contains(ts, f.Tag) }
}

// Encode writes a catalogue record as MARC in flavor. Starting from the
// original record (same flavor), each part shuwu models (title, ISBN and
// price, authors, …) is compared with what the original says; parts that
// differ are rewritten, everything else, including fields shuwu does not
// model, is copied unchanged. Copies replace the holdings fields (905/906,
// or 852/952) only when they no longer match them.
func Encode(in Export, flavor Flavor, opts Options) *marc.Record {
	groups, holdTags := marc21Groups(), tags("852", "952")
	if flavor == CNMARC {
		groups, holdTags = cnmarcGroups(), tags("905", "906")
	}
	r := &in.Record
	if in.Original == nil || FlavorOf(in.Original) != flavor {
		return fresh(in, flavor, groups)
	}
	out := &marc.Record{Leader: in.Original.Leader, Fields: slices.Clone(in.Original.Fields)}
	was, err := Decode(in.Original, opts)
	changed := false
	for _, g := range groups {
		if err == nil && g.key(&was.Record) == g.key(r) {
			continue
		}
		changed = true
		replace(out, g.match, g.build(r))
	}
	if err != nil || !sameHoldings(was.Holdings, in.Items) {
		changed = true
		replace(out, holdTags, holdingFields(flavor, r, in.Items))
	}
	if changed {
		for i := range out.Fields {
			if out.Fields[i].Tag == "005" {
				out.Fields[i].Value = r.UpdatedAt.UTC().Format("20060102150405.0")
			}
		}
	}
	return out
}

// fresh builds a record from nothing.
func fresh(in Export, flavor Flavor, groups []group) *marc.Record {
	r := &in.Record
	cn := in.ControlNumber
	if cn == "" {
		cn = fmt.Sprintf("SW%010d", r.ID)
	}
	out := &marc.Record{Fields: []marc.Field{{Tag: "001", Value: cn}}}
	stamp := r.UpdatedAt.UTC()
	if !stamp.IsZero() {
		out.Fields = append(out.Fields, marc.Field{Tag: "005", Value: stamp.Format("20060102150405.0")})
	}
	lang := r.Language
	if len(lang) != 3 {
		lang = "chi"
	}
	if flavor == CNMARC {
		out.Leader = "00000nam0 2200000   450 "
		date := "0000"
		if r.Year > 0 {
			date = fmt.Sprintf("%04d", r.Year)
		}
		out.Fields = append(out.Fields, sub("100", ' ', ' ', "a", stamp.Format("20060102")+"d"+date+"    em y0"+lang+"y50      ea"))
	} else {
		out.Leader = "00000nam a2200000 i 4500"
		date := "    "
		if r.Year > 0 {
			date = fmt.Sprintf("%04d", r.Year)
		}
		v := stamp.Format("060102") + "s" + date + "    cc            000 0 " + lang + " d"
		out.Fields = append(out.Fields, marc.Field{Tag: "008", Value: v})
	}
	for _, g := range groups {
		out.Fields = append(out.Fields, g.build(r)...)
	}
	out.Fields = append(out.Fields, holdingFields(flavor, r, in.Items)...)
	slices.SortStableFunc(out.Fields, func(a, b marc.Field) int { return strings.Compare(a.Tag, b.Tag) })
	return out
}

// replace removes the fields match selects (with their 880 partners) and
// puts add where the first of them stood, or in tag order if none did.
func replace(m *marc.Record, match func(f *marc.Field) bool, add []marc.Field) {
	links := map[string]bool{}
	at := -1
	kept := m.Fields[:0:0]
	for i := range m.Fields {
		f := &m.Fields[i]
		if f.Tag != "880" && match(f) {
			if at < 0 {
				at = len(kept)
			}
			if n := linkNo(f); n != "" {
				links[f.Tag+"-"+n] = true
			}
			continue
		}
		kept = append(kept, *f)
	}
	if len(links) > 0 {
		k2 := kept[:0:0]
		for i := range kept {
			f := &kept[i]
			if f.Tag == "880" && len(f.Sub('6')) >= 6 && links[f.Sub('6')[:6]] {
				continue
			}
			k2 = append(k2, *f)
		}
		kept = k2
	}
	if len(add) == 0 {
		m.Fields = kept
		return
	}
	if at < 0 {
		at = len(kept)
		for i := range kept {
			if kept[i].Tag > add[0].Tag && kept[i].Tag != "880" {
				at = i
				break
			}
		}
	}
	if at > len(kept) {
		at = len(kept)
	}
	m.Fields = slices.Concat(kept[:at], add, kept[at:])
}

// sameHoldings reports whether items are the copies the holdings fields
// describe: as many of them, each with the same call number and, where
// the field gives one, the same barcode.
func sameHoldings(was []Holding, items []Holding) bool {
	var want []Holding
	for _, h := range was {
		for range max(h.Copies, 1) {
			want = append(want, h)
		}
	}
	if len(want) != len(items) {
		return false
	}
	used := make([]bool, len(items))
	for _, h := range want {
		found := false
		for j, it := range items {
			if used[j] || it.CallNumber != h.CallNumber || (h.Barcode != "" && h.Barcode != it.Barcode) {
				continue
			}
			used[j], found = true, true
			break
		}
		if !found {
			return false
		}
	}
	return true
}

// sub builds a data field from code/value pairs ("a", title, …), leaving
// out empty values.
func sub(tag string, ind1, ind2 byte, pairs ...string) marc.Field {
	f := marc.Field{Tag: tag, Ind1: ind1, Ind2: ind2}
	for i := 0; i+1 < len(pairs); i += 2 {
		v := strings.TrimSpace(pairs[i+1])
		if v != "" {
			f.Subfields = append(f.Subfields, marc.Subfield{Code: pairs[i][0], Value: v})
		}
	}
	return f
}

// nonEmpty returns fs without fields that ended up with no subfields.
func nonEmpty(fs ...marc.Field) []marc.Field {
	var out []marc.Field
	for _, f := range fs {
		if len(f.Subfields) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// holdingFields writes one holdings field per copy.
func holdingFields(flavor Flavor, r *catalog.Record, items []Holding) []marc.Field {
	var out []marc.Field
	for _, it := range items {
		class, seq := splitCallNumber(it.CallNumber)
		p := ""
		if it.PriceFen > 0 {
			p = priceText(it.PriceFen)
		}
		if flavor == CNMARC {
			out = append(out, sub("905", ' ', ' ', "b", it.Barcode, "c", it.Location, "d", class, "e", seq, "s", it.CallNumber, "r", p))
		} else {
			out = append(out, sub("852", '4', ' ', "b", it.Location, "h", class, "i", seq, "p", it.Barcode, "9", p))
		}
	}
	return out
}
