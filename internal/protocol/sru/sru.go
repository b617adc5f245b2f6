// Package sru is an SRU 1.2 and 2.0 server at /sru: explain,
// searchRetrieve and scan over the catalogue, with CQL queries translated
// onto the same search engine the OPAC uses, and records as MARCXML
// (MARC21), CNMARC/UNIMARC XML or Dublin Core. Copy-cataloguing clients
// (yaz-client, zoomsh, dp2, the SRU targets of other systems) search it
// without a login: it serves public catalogue data only.
package sru

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/protocol/cql"
	"shuwu/internal/search"
)

// Searcher is the search engine as SRU uses it.
type Searcher interface {
	SearchBool(ctx context.Context, b *search.Bool, from, size int) (search.Result, error)
	Scan(ctx context.Context, field search.ScanField, from string, after bool, n int) ([]search.ScanTerm, error)
}

// Deps configure the server.
type Deps struct {
	Search  Searcher
	Catalog *catalog.Service
	// Name gives the library's name (本馆名称) for explain.
	Name func(context.Context) (string, error)
	Log  *slog.Logger
}

// Server answers SRU requests.
type Server struct{ d Deps }

// New builds a server.
func New(d Deps) *Server {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	return &Server{d: d}
}

// Limits of one request.
const (
	defaultRecords = 10
	maxRecords     = 100
	defaultTerms   = 20
)

// request is one SRU request's parameters.
type request struct {
	v20    bool // answer in SRU 2.0 form
	params map[string]string
}

func (r request) get(name string) string { return r.params[name] }

// known are the parameters of SRU 1.2 and 2.0; x- extensions are ignored.
var known = map[string]bool{
	"operation": true, "version": true, "query": true, "querytype": true, "startrecord": true,
	"maximumrecords": true, "recordpacking": true, "recordschema": true, "recordxpath": true,
	"resultsetttl": true, "sortkeys": true, "stylesheet": true, "extrarequestdata": true,
	"scanclause": true, "responseposition": true, "maximumterms": true, "recordxmlescaping": true,
	"httpaccept": true, "resultcountprecision": true, "renderedby": true,
	"facetlimit": true, "facetstart": true, "facetsort": true, "facetcount": true,
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "400 bad request", http.StatusBadRequest)
		return
	}
	req := request{v20: true, params: map[string]string{}}
	var unknown string
	for k, vs := range r.Form {
		lk := strings.ToLower(k)
		if !known[lk] && !strings.HasPrefix(lk, "x-") && unknown == "" {
			unknown = k
		}
		if len(vs) > 0 {
			req.params[lk] = vs[0]
		}
	}
	var buf bytes.Buffer
	err := s.answer(r, req, unknown, &buf)
	var d *diagnostic
	if err != nil && !errors.As(err, &d) {
		s.d.Log.Error("sru", "err", err)
		d = diag(diagSystem, "")
	}
	if d != nil {
		buf.Reset()
		writeFatal(&buf, req.withVersion(), operationOf(req), d)
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Write(buf.Bytes())
}

// withVersion fixes the answer's form from the version asked for.
func (r request) withVersion() request {
	switch r.get("version") {
	case "1.1", "1.2":
		r.v20 = false
	}
	return r
}

// operationOf names the operation a request asks for; without one, a
// query means searchRetrieve (SRU 2.0), a scan clause scan, nothing explain.
func operationOf(r request) string {
	if op := r.get("operation"); op != "" {
		return op
	}
	switch {
	case r.get("query") != "":
		return "searchRetrieve"
	case r.get("scanclause") != "":
		return "scan"
	}
	return "explain"
}

func (s *Server) answer(hr *http.Request, req request, unknown string, w *bytes.Buffer) error {
	switch req.get("version") {
	case "", "1.1", "1.2", "2.0":
	default:
		return diag(diagUnsupportedVer, "2.0")
	}
	req = req.withVersion()
	if unknown != "" {
		return diag(diagUnsupportedParam, unknown)
	}
	switch operationOf(req) {
	case "searchRetrieve":
		return s.searchRetrieve(hr.Context(), req, w)
	case "scan":
		return s.scan(hr.Context(), req, w)
	case "explain":
		return s.explain(hr, req, w)
	}
	return diag(diagUnsupportedOp, req.get("operation"))
}

// intParam reads a non-negative integer parameter.
func intParam(req request, name string, def int) (int, error) {
	v := strings.TrimSpace(req.get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, diag(diagBadValue, name)
	}
	return n, nil
}

// parseQuery parses and translates a CQL query parameter.
func parseQuery(q, param string) (*cql.Query, error) {
	if strings.TrimSpace(q) == "" {
		return nil, diag(diagMissingParam, param)
	}
	pq, err := cql.Parse(q)
	if err != nil {
		var se *cql.SyntaxError
		if errors.As(err, &se) {
			return nil, diag(diagQuerySyntax, se.Msg)
		}
		return nil, err
	}
	return pq, nil
}

// searchError maps the search engine's refusals to diagnostics.
func searchError(err error) error {
	if e := errs.As(err); e != nil && e.Kind == errs.KindInvalid {
		return diag(diagQuerySyntax, e.MessageEn+" / "+e.Message)
	}
	return err
}
