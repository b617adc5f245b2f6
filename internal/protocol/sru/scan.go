package sru

import (
	"bytes"
	"context"

	"shuwu/internal/protocol/cql"
	"shuwu/internal/search"
)

// scanIndexes are the indexes whose terms can be browsed.
var scanIndexes = map[string]search.ScanField{
	"dc.title": search.ScanTitle, "bath.title": search.ScanTitle,
	"dc.creator": search.ScanAuthor, "dc.author": search.ScanAuthor, "bath.author": search.ScanAuthor, "bath.name": search.ScanAuthor,
	"dc.publisher": search.ScanPublisher, "local.series": search.ScanSeries,
	"bath.isbn": search.ScanISBN,
}

func (s *Server) scan(ctx context.Context, req request, w *bytes.Buffer) error {
	q, err := parseQuery(req.get("scanclause"), "scanClause")
	if err != nil {
		return err
	}
	c, ok := q.Root.(*cql.Clause)
	if !ok {
		return diag(diagQuerySyntax, "a scan clause is one index, relation and term")
	}
	field, ok := scanIndexes[indexName(c.Index)]
	if !ok {
		return diag(diagUnsupportedIndex, c.Index)
	}
	switch c.Relation.Name {
	case "=", "==", "exact", "scr", "cql.exact":
	default:
		return diag(diagUnsupportedRel, c.Relation.Name)
	}
	pos, err := intParam(req, "responseposition", 1)
	if err != nil {
		return err
	}
	if pos > 1 {
		return diag(diagBadValue, "responsePosition")
	}
	n, err := intParam(req, "maximumterms", defaultTerms)
	if err != nil {
		return err
	}
	if n == 0 {
		return diag(diagBadValue, "maximumTerms")
	}
	terms, err := s.d.Search.Scan(ctx, field, c.Term, pos == 0, min(n, search.MaxScanTerms))
	if err != nil {
		return searchError(err)
	}
	open(w, req, "scan")
	if len(terms) > 0 {
		w.WriteString("<zs:terms>")
		for _, t := range terms {
			w.WriteString("<zs:term>")
			el(w, "value", t.Term)
			el(w, "numberOfRecords", itoa(t.Count))
			w.WriteString("</zs:term>")
		}
		w.WriteString("</zs:terms>")
	}
	closeRoot(w, "scan")
	return nil
}
