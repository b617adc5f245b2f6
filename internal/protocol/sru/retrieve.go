package sru

import (
	"bytes"
	"context"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/marcmap"
	"shuwu/internal/protocol/recxml"
	"shuwu/internal/search"
)

// schema is a record schema a client may ask for.
type schema struct {
	uri   string
	title string
	write func(w *bytes.Buffer, r catalog.Record)
}

var (
	schemaMARC21 = schema{"info:srw/schema/1/marcxml-v1.1", "MARCXML (MARC21)", func(w *bytes.Buffer, r catalog.Record) {
		w.WriteString(recxml.MARCXML(r, marcmap.MARC21))
	}}
	schemaCNMARC = schema{"info:srw/schema/8/unimarcxml-v0.1", "CNMARC/UNIMARC XML", func(w *bytes.Buffer, r catalog.Record) {
		w.WriteString(recxml.MARCXML(r, marcmap.CNMARC))
	}}
	schemaDC = schema{"info:srw/schema/1/dc-v1.1", "Dublin Core", func(w *bytes.Buffer, r catalog.Record) {
		w.WriteString(`<srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" xmlns:dc="` + recxml.NamespaceDC + `">`)
		recxml.DCElements(w, r, strconv.FormatInt(r.ID, 10))
		w.WriteString(`</srw_dc:dc>`)
	}}
)

// schemas maps the names clients use (short names and URIs, lower case).
var schemas = map[string]schema{
	"marcxml": schemaMARC21, "marc21": schemaMARC21, "marc21-xml": schemaMARC21, "usmarc": schemaMARC21,
	"info:srw/schema/1/marcxml-v1.1": schemaMARC21, "info:srw/schema/1/marcxml-1.1": schemaMARC21,
	"cnmarcxml": schemaCNMARC, "cnmarc": schemaCNMARC, "unimarcxml": schemaCNMARC, "unimarc": schemaCNMARC,
	"info:srw/schema/8/unimarcxml-v0.1": schemaCNMARC,
	"dc":                                schemaDC, "info:srw/schema/1/dc-v1.1": schemaDC, "info:srw/schema/1/dc-schema": schemaDC,
}

func (s *Server) searchRetrieve(ctx context.Context, req request, w *bytes.Buffer) error {
	if qt := req.get("querytype"); qt != "" && qt != "cql" {
		return diag(diagBadValue, "queryType")
	}
	if req.get("recordxpath") != "" {
		return diag(diagUnsupportedParam, "recordXPath")
	}
	if req.get("sortkeys") != "" {
		return diag(diagSortUnsupported, "sortKeys")
	}
	sch, ok := schemas[strings.ToLower(req.get("recordschema"))]
	if req.get("recordschema") == "" {
		sch, ok = schemaMARC21, true
	}
	if !ok {
		return diag(diagUnknownSchema, req.get("recordschema"))
	}
	escaped, err := escaping(req)
	if err != nil {
		return err
	}
	start, err := intParam(req, "startrecord", 1)
	if err != nil {
		return err
	}
	if start < 1 {
		return diag(diagBadValue, "startRecord")
	}
	max, err := intParam(req, "maximumrecords", defaultRecords)
	if err != nil {
		return err
	}
	max = min(max, maxRecords)
	q, err := parseQuery(req.get("query"), "query")
	if err != nil {
		return err
	}
	if len(q.SortBy) > 0 {
		return diag(diagSortUnsupported, q.SortBy[0].Index)
	}
	b, err := translate(q.Root)
	if err != nil {
		return err
	}
	if start > search.MaxResults {
		return diag(diagFirstOutOfRange, "startRecord")
	}
	res, err := s.d.Search.SearchBool(ctx, b, start-1, max)
	if err != nil {
		return searchError(err)
	}
	if res.Total > 0 && start > res.Total {
		return diag(diagFirstOutOfRange, "startRecord")
	}
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.RecordID
	}
	recs, err := s.d.Catalog.RecordsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	byID := make(map[int64]catalog.Record, len(recs))
	for _, r := range recs {
		byID[r.ID] = r
	}
	var notes []*diagnostic
	if res.Total == 0 && b.RecordID != 0 {
		if t, err := s.d.Catalog.Tombstone(ctx, b.RecordID); err == nil {
			notes = append(notes, diag(diagRecordDeleted, "record "+strconv.FormatInt(t.RecordID, 10)+
				" was deleted on "+t.DeletedAt.Format("2006-01-02")+": no longer held / 本馆已不再收藏"))
		}
	}

	open(w, req, "searchRetrieve")
	el(w, "numberOfRecords", itoa(res.Total))
	if len(ids) > 0 {
		w.WriteString("<zs:records>")
		for i, id := range ids {
			w.WriteString("<zs:record>")
			r, ok := byID[id]
			if !ok {
				// Deleted since it was indexed: the index catches up.
				d := diag(diagRecordUnavailable, strconv.FormatInt(id, 10))
				if _, err := s.d.Catalog.Tombstone(ctx, id); err == nil {
					d = diag(diagRecordDeleted, strconv.FormatInt(id, 10))
				}
				writeSurrogate(w, req, d)
			} else {
				writeRecord(w, req, sch, escaped, r)
			}
			el(w, "recordPosition", itoa(start+i))
			w.WriteString("</zs:record>")
		}
		w.WriteString("</zs:records>")
	}
	if next := start + len(ids); len(ids) > 0 && next <= res.Total && next <= search.MaxResults {
		el(w, "nextRecordPosition", itoa(next))
	}
	writeDiagnostics(w, req, notes)
	closeRoot(w, "searchRetrieve")
	return nil
}

// escaping reads whether records are sent as escaped strings: 1.2's
// recordPacking=string, 2.0's recordXMLEscaping=string.
func escaping(req request) (bool, error) {
	name := "recordPacking"
	v := req.get("recordpacking")
	if req.v20 {
		name, v = "recordXMLEscaping", req.get("recordxmlescaping")
		if p := req.get("recordpacking"); p != "" && p != "packed" && p != "unpacked" {
			return false, diag(diagUnsupportedPack, p)
		}
	}
	switch v {
	case "", "xml":
		return false, nil
	case "string":
		return true, nil
	}
	return false, diag(diagUnsupportedPack, name+"="+v)
}

func writeRecord(w *bytes.Buffer, req request, sch schema, escaped bool, r catalog.Record) {
	el(w, "recordSchema", sch.uri)
	packing := "xml"
	if escaped {
		packing = "string"
	}
	if req.v20 {
		el(w, "recordXMLEscaping", packing)
	} else {
		el(w, "recordPacking", packing)
	}
	w.WriteString("<zs:recordData>")
	if escaped {
		var rec bytes.Buffer
		sch.write(&rec, r)
		w.WriteString(recxml.Escape(rec.String()))
	} else {
		sch.write(w, r)
	}
	w.WriteString("</zs:recordData>")
}

// writeSurrogate is a record position filled by a diagnostic.
func writeSurrogate(w *bytes.Buffer, req request, d *diagnostic) {
	el(w, "recordSchema", "info:srw/schema/1/diagnostics-v1.1")
	if req.v20 {
		el(w, "recordXMLEscaping", "xml")
	} else {
		el(w, "recordPacking", "xml")
	}
	w.WriteString("<zs:recordData>")
	writeDiagnostic(w, req, d)
	w.WriteString("</zs:recordData>")
}
