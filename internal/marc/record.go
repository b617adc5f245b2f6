package marc

// Record is one bibliographic record: a 24-byte leader and its fields in
// file order. Text values are Unicode NFC.
type Record struct {
	Leader string
	Fields []Field
}

// Field is a control field (Value set, no indicators or subfields) or a
// data field (indicators and subfields). A data field read from a file
// whose fields carry no subfield delimiters keeps its raw text in Value.
type Field struct {
	Tag       string
	Ind1      byte
	Ind2      byte
	Value     string
	Subfields []Subfield
}

// Subfield is one coded element of a data field. Code is kept as found:
// CNMARC uses upper-case codes ($A pinyin) and digits ($4, $9).
type Subfield struct {
	Code  byte
	Value string
}

// IsControlTag reports whether tag names a control field: a numeric tag
// below "010". Alphanumeric tags such as Alma's "AVA" are data fields.
func IsControlTag(tag string) bool {
	if len(tag) != 3 || tag[0] != '0' || tag[1] != '0' {
		return false
	}
	return tag[2] >= '0' && tag[2] <= '9'
}

// IsControl reports whether f is a control field: a control tag without
// subfields. A 00X field with indicators and subfields (danMARC writes
// them) is a data field, as yaz-marcdump reads it.
func (f *Field) IsControl() bool { return IsControlTag(f.Tag) && len(f.Subfields) == 0 }

// Get returns the fields with the given tag, in record order.
func (r *Record) Get(tag string) []Field {
	var out []Field
	for _, f := range r.Fields {
		if f.Tag == tag {
			out = append(out, f)
		}
	}
	return out
}

// ControlNumber returns the value of field 001, or "" if there is none.
func (r *Record) ControlNumber() string {
	for _, f := range r.Fields {
		if f.Tag == "001" {
			return f.Value
		}
	}
	return ""
}

// Sub returns the first subfield value with the given code, or "".
func (f *Field) Sub(code byte) string {
	for _, s := range f.Subfields {
		if s.Code == code {
			return s.Value
		}
	}
	return ""
}

// Subs returns every subfield value with the given code, in order.
func (f *Field) Subs(code byte) []string {
	var out []string
	for _, s := range f.Subfields {
		if s.Code == code {
			out = append(out, s.Value)
		}
	}
	return out
}

// IsUNIMARC reports whether r looks like a UNIMARC/CNMARC record rather
// than MARC21. The leader cannot say (leader/09 means "UTF-8" only in
// MARC21), so the test looks at the fields: UNIMARC has 200 (title) and
// 100 (general processing data) and never 245 or 008.
func (r *Record) IsUNIMARC() bool {
	var has200, has100 bool
	for i := range r.Fields {
		switch r.Fields[i].Tag {
		case "245", "008":
			return false
		case "200":
			has200 = true
		case "100":
			has100 = true
		}
	}
	return has200 || has100
}
