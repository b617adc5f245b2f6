package sru

import (
	"bytes"
	"strconv"

	"shuwu/internal/protocol/recxml"
)

// Namespaces of the two versions' responses.
const (
	ns12     = "http://www.loc.gov/zing/srw/"
	nsDiag12 = "http://www.loc.gov/zing/srw/diagnostic/"
	ns20     = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
	nsDiag20 = "http://docs.oasis-open.org/ns/search-ws/diagnostic"
	nsScan20 = "http://docs.oasis-open.org/ns/search-ws/scan"
)

// rootNS is the namespace of an operation's response element.
func rootNS(req request, op string) string {
	switch {
	case !req.v20:
		return ns12
	case op == "scan":
		return nsScan20
	}
	return ns20
}

func diagNS(req request) string {
	if req.v20 {
		return nsDiag20
	}
	return nsDiag12
}

func version(req request) string {
	if req.v20 {
		return "2.0"
	}
	if v := req.get("version"); v == "1.1" {
		return v
	}
	return "1.2"
}

// open starts a response: the XML declaration, the root element with its
// namespace, the version.
func open(w *bytes.Buffer, req request, op string) {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<zs:` + op + `Response xmlns:zs="` + rootNS(req, op) + `">`)
	el(w, "version", version(req))
}

func closeRoot(w *bytes.Buffer, op string) { w.WriteString(`</zs:` + op + `Response>`) }

// el writes <zs:name>text</zs:name>.
func el(w *bytes.Buffer, name, text string) {
	w.WriteString("<zs:" + name + ">" + recxml.Escape(text) + "</zs:" + name + ">")
}

// writeDiagnostics writes a diagnostics element, nothing for none.
func writeDiagnostics(w *bytes.Buffer, req request, ds []*diagnostic) {
	if len(ds) == 0 {
		return
	}
	w.WriteString(`<zs:diagnostics>`)
	for _, d := range ds {
		writeDiagnostic(w, req, d)
	}
	w.WriteString(`</zs:diagnostics>`)
}

func writeDiagnostic(w *bytes.Buffer, req request, d *diagnostic) {
	w.WriteString(`<diag:diagnostic xmlns:diag="` + diagNS(req) + `"><diag:uri>` + d.uri() + `</diag:uri>`)
	if d.details != "" {
		w.WriteString(`<diag:details>` + recxml.Escape(d.details) + `</diag:details>`)
	}
	w.WriteString(`<diag:message>` + recxml.Escape(d.message) + `</diag:message></diag:diagnostic>`)
}

// writeFatal is the whole answer to a request that failed: the
// operation's response with nothing but the diagnostic (and, for a
// search, no records).
func writeFatal(w *bytes.Buffer, req request, op string, d *diagnostic) {
	switch op {
	case "searchRetrieve", "scan", "explain":
	default:
		op = "explain"
	}
	open(w, req, op)
	if op == "searchRetrieve" {
		el(w, "numberOfRecords", "0")
	}
	writeDiagnostics(w, req, []*diagnostic{d})
	closeRoot(w, op)
}

func itoa(n int) string { return strconv.Itoa(n) }
