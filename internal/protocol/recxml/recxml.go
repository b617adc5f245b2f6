// Package recxml writes a catalogue record as the XML that catalogue
// protocols carry: one MARCXML (slim) record element, MARC21 or
// CNMARC/UNIMARC content, and the Dublin Core elements. OAI-PMH and SRU
// both use it, so a harvester and a copy-cataloguing client see the same
// record.
package recxml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
)

// NamespaceDC is the Dublin Core elements' namespace.
const NamespaceDC = "http://purl.org/dc/elements/1.1/"

// MARCXML is the record as one slim record element in the MARC21 slim
// namespace (UNIMARC content uses the same slim structure).
func MARCXML(r catalog.Record, flavor marcmap.Flavor) string {
	var buf bytes.Buffer
	xw := marc.NewXMLWriter(&buf)
	xw.Write(marcmap.Encode(marcmap.Export{Record: r}, flavor, marcmap.Options{}))
	xw.Close()
	s := buf.String()
	start, end := strings.Index(s, "<record>"), strings.LastIndex(s, "</record>")
	if start < 0 || end < 0 {
		return ""
	}
	return `<record xmlns="` + marc.NamespaceMARC21Slim + `">` + s[start+len("<record>"):end] + "</record>"
}

// DCElements writes the record's Dublin Core elements with the prefix dc
// (the caller declares it for NamespaceDC). id is the record's identifier
// in the protocol (oai:shuwu:record/1, an SRU record id).
func DCElements(w *bytes.Buffer, r catalog.Record, id string) {
	el := func(name, v string) {
		if strings.TrimSpace(v) != "" {
			fmt.Fprintf(w, "<dc:%s>%s</dc:%s>", name, Escape(v), name)
		}
	}
	// A client tells the volumes of one work apart by the title.
	title := r.Title
	if v := r.Volume(); v != "" {
		title += "．" + v
	}
	el("title", title)
	for _, a := range r.Authors {
		el("creator", a.Name)
	}
	for _, s := range r.Subjects {
		el("subject", s)
	}
	el("subject", r.CLC)
	el("description", r.Summary)
	el("publisher", r.Publisher)
	if r.Year > 0 {
		el("date", strconv.Itoa(r.Year))
	}
	el("type", "Text")
	if r.ISBN != "" {
		el("identifier", "ISBN "+r.ISBN)
	}
	el("identifier", id)
	el("language", r.Language)
}

// Escape escapes text for XML character data and attribute values;
// characters XML cannot carry become U+FFFD.
func Escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
