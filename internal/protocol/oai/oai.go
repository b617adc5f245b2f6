// Package oai is an OAI-PMH 2.0 data provider at /oai: union catalogues
// harvest shuwu's records (oai_dc and MARCXML), by datestamp and by
// category (the sets), and learn of deleted records from their tombstones
// (deletedRecord: persistent). It only translates requests to the
// catalogue service and records to XML; it needs no login because it
// serves public catalogue data only.
package oai

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/protocol/recxml"
)

// Deps configure the provider.
type Deps struct {
	Catalog *catalog.Service
	Log     *slog.Logger
	// RepositoryName is shown in Identify when Name is nil or fails.
	RepositoryName string
	// Name, when set, gives the repository's name at the time of the
	// request: the library's name as the librarian set it (本馆名称).
	Name func(context.Context) (string, error)
	// AdminEmail is Identify's adminEmail, which the protocol requires.
	AdminEmail string
	// PageSize is how many headers or records a list page holds.
	PageSize int
	Now      func() time.Time
}

// Provider answers OAI-PMH requests.
type Provider struct{ d Deps }

// New builds a provider.
func New(d Deps) *Provider {
	if d.PageSize <= 0 {
		d.PageSize = 100
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.RepositoryName == "" {
		d.RepositoryName = "书屋 shuwu"
	}
	if d.AdminEmail == "" {
		d.AdminEmail = "library@localhost"
	}
	return &Provider{d: d}
}

// IDPrefix starts every OAI identifier: oai:shuwu:record/123.
const IDPrefix = "oai:shuwu:record/"

const (
	nsOAI    = "http://www.openarchives.org/OAI/2.0/"
	nsOAIDC  = "http://www.openarchives.org/OAI/2.0/oai_dc/"
	nsDC     = recxml.NamespaceDC
	stampFmt = "2006-01-02T15:04:05Z"
)

type format struct{ prefix, schema, namespace string }

var formats = []format{
	{"oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", nsOAIDC},
	{"marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", marc.NamespaceMARC21Slim},
}

func knownFormat(p string) bool {
	for _, f := range formats {
		if f.prefix == p {
			return true
		}
	}
	return false
}

// oaiError is an OAI-PMH error condition, answered inside a 200 response.
type oaiError struct{ code, msg string }

func (e *oaiError) Error() string { return e.code + ": " + e.msg }

func badArgument(msg string) *oaiError { return &oaiError{"badArgument", msg} }

// allowed lists each verb's arguments: required, optional, exclusive.
var allowed = map[string]struct{ required, optional []string }{
	"Identify":            {},
	"ListMetadataFormats": {optional: []string{"identifier"}},
	"ListSets":            {optional: []string{"resumptionToken"}},
	"GetRecord":           {required: []string{"identifier", "metadataPrefix"}},
	"ListIdentifiers":     {required: []string{"metadataPrefix"}, optional: []string{"from", "until", "set", "resumptionToken"}},
	"ListRecords":         {required: []string{"metadataPrefix"}, optional: []string{"from", "until", "set", "resumptionToken"}},
}

// ServeHTTP answers GET and POST (form) requests.
func (p *Provider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	args := r.Form
	var body bytes.Buffer
	verb := args.Get("verb")
	echo := map[string]string{}
	err := p.checkArgs(verb, args, echo)
	if err == nil {
		err = p.answer(r.Context(), verb, echo, requestURL(r), &body)
	}
	var out bytes.Buffer
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	out.WriteString(`<OAI-PMH xmlns="` + nsOAI + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="` + nsOAI + ` http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">` + "\n")
	fmt.Fprintf(&out, "<responseDate>%s</responseDate>\n", p.d.Now().UTC().Format(stampFmt))
	out.WriteString("<request")
	if oe, ok := err.(*oaiError); !ok || (oe.code != "badVerb" && oe.code != "badArgument") {
		for _, k := range []string{"verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken"} {
			if v, ok := echo[k]; ok {
				fmt.Fprintf(&out, ` %s="%s"`, k, esc(v))
			}
		}
	}
	fmt.Fprintf(&out, ">%s</request>\n", esc(requestURL(r)))
	if err != nil {
		oe, ok := err.(*oaiError)
		if !ok {
			p.d.Log.Error("oai: request failed", "verb", verb, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(&out, `<error code="%s">%s</error>`+"\n", oe.code, esc(oe.msg))
	} else {
		out.Write(body.Bytes())
	}
	out.WriteString("</OAI-PMH>\n")
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Write(out.Bytes())
}

func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.Path
}

func esc(s string) string { return recxml.Escape(s) }

// checkArgs validates the verb and its arguments, filling echo.
func (p *Provider) checkArgs(verb string, args map[string][]string, echo map[string]string) error {
	spec, ok := allowed[verb]
	if !ok {
		if verb == "" {
			return &oaiError{"badVerb", "缺少 verb 参数 / missing verb"}
		}
		return &oaiError{"badVerb", "不支持的 verb / illegal verb: " + verb}
	}
	echo["verb"] = verb
	if len(args["verb"]) > 1 {
		return &oaiError{"badVerb", "verb 重复 / repeated verb"}
	}
	known := map[string]bool{"verb": true}
	for _, k := range append(spec.required, spec.optional...) {
		known[k] = true
	}
	for k, vs := range args {
		if !known[k] {
			return badArgument("不支持的参数 / illegal argument: " + k)
		}
		if len(vs) > 1 {
			return badArgument("参数重复 / repeated argument: " + k)
		}
		echo[k] = vs[0]
	}
	if _, ok := echo["resumptionToken"]; ok {
		if len(echo) > 2 {
			return badArgument("resumptionToken 须单独使用 / resumptionToken is exclusive")
		}
		return nil
	}
	for _, k := range spec.required {
		if echo[k] == "" {
			return badArgument("缺少参数 / missing argument: " + k)
		}
	}
	return nil
}

func (p *Provider) answer(ctx context.Context, verb string, a map[string]string, base string, w *bytes.Buffer) error {
	switch verb {
	case "Identify":
		return p.identify(ctx, base, w)
	case "ListMetadataFormats":
		return p.listFormats(ctx, a["identifier"], w)
	case "ListSets":
		return p.listSets(ctx, a["resumptionToken"], w)
	case "GetRecord":
		return p.getRecord(ctx, a["identifier"], a["metadataPrefix"], w)
	}
	return p.list(ctx, verb == "ListRecords", a, w)
}

func (p *Provider) identify(ctx context.Context, base string, w *bytes.Buffer) error {
	earliest, err := p.d.Catalog.EarliestDatestamp(ctx)
	if err != nil {
		return err
	}
	if earliest.IsZero() {
		earliest = p.d.Now()
	}
	fmt.Fprintf(w, "<Identify>\n<repositoryName>%s</repositoryName>\n<baseURL>%s</baseURL>\n<protocolVersion>2.0</protocolVersion>\n<adminEmail>%s</adminEmail>\n<earliestDatestamp>%s</earliestDatestamp>\n<deletedRecord>persistent</deletedRecord>\n<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>\n</Identify>\n",
		esc(p.repositoryName(ctx)), esc(base), esc(p.d.AdminEmail), earliest.UTC().Format(stampFmt))
	return nil
}

// repositoryName is the name Identify shows.
func (p *Provider) repositoryName(ctx context.Context) string {
	if p.d.Name != nil {
		if n, err := p.d.Name(ctx); err == nil && n != "" {
			return n
		}
	}
	return p.d.RepositoryName
}

func (p *Provider) listFormats(ctx context.Context, identifier string, w *bytes.Buffer) error {
	if identifier != "" {
		id, err := parseID(identifier)
		if err != nil {
			return err
		}
		if _, err := p.d.Catalog.Record(ctx, id); err != nil {
			if !errs.Is(err, catalog.CodeRecordNotFound) {
				return err
			}
			if _, err := p.d.Catalog.Tombstone(ctx, id); err != nil {
				return notFound(identifier, err)
			}
		}
	}
	w.WriteString("<ListMetadataFormats>\n")
	for _, f := range formats {
		fmt.Fprintf(w, "<metadataFormat><metadataPrefix>%s</metadataPrefix><schema>%s</schema><metadataNamespace>%s</metadataNamespace></metadataFormat>\n", f.prefix, f.schema, f.namespace)
	}
	w.WriteString("</ListMetadataFormats>\n")
	return nil
}

func (p *Provider) listSets(ctx context.Context, token string, w *bytes.Buffer) error {
	if token != "" {
		return &oaiError{"badResumptionToken", "集合列表只有一页 / the set list has one page"}
	}
	cats, err := p.d.Catalog.Categories(ctx)
	if err != nil {
		return err
	}
	if len(cats) == 0 {
		return &oaiError{"noSetHierarchy", "没有设置分类 / no sets"}
	}
	w.WriteString("<ListSets>\n")
	for _, c := range cats {
		fmt.Fprintf(w, "<set><setSpec>%s</setSpec><setName>%s</setName></set>\n", esc(setSpec(c)), esc(c.Name))
	}
	w.WriteString("</ListSets>\n")
	return nil
}

// setSpec is a category's set: its code, or "category-ID" without one.
// A setSpec may hold only unreserved URI characters.
func setSpec(c catalog.Category) string {
	code := strings.Map(func(r rune) rune {
		if r < 128 && (r == '-' || r == '_' || r == '.' || r == '!' || r == '~' || r == '*' || r == '\'' || r == '(' || r == ')' ||
			('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')) {
			return r
		}
		return -1
	}, c.Code)
	if code == "" {
		return "category-" + strconv.FormatInt(c.ID, 10)
	}
	return code
}

func parseID(identifier string) (int64, error) {
	rest, ok := strings.CutPrefix(identifier, IDPrefix)
	id, err := strconv.ParseInt(rest, 10, 64)
	if !ok || err != nil || id <= 0 {
		return 0, &oaiError{"idDoesNotExist", "标识符格式不对 / unknown identifier: " + identifier}
	}
	return id, nil
}

func notFound(identifier string, err error) error {
	if errs.Is(err, catalog.CodeRecordNotFound) {
		return &oaiError{"idDoesNotExist", "没有这条记录 / no such record: " + identifier}
	}
	return err
}

func (p *Provider) getRecord(ctx context.Context, identifier, prefix string, w *bytes.Buffer) error {
	if !knownFormat(prefix) {
		return &oaiError{"cannotDisseminateFormat", "不支持的元数据格式 / unsupported metadataPrefix: " + prefix}
	}
	id, err := parseID(identifier)
	if err != nil {
		return err
	}
	cats, err := p.categories(ctx)
	if err != nil {
		return err
	}
	rec, err := p.d.Catalog.Record(ctx, id)
	if errs.Is(err, catalog.CodeRecordNotFound) {
		t, terr := p.d.Catalog.Tombstone(ctx, id)
		if terr != nil {
			return notFound(identifier, terr)
		}
		w.WriteString("<GetRecord>\n<record>")
		writeHeader(w, catalog.HarvestEntry{RecordID: id, Datestamp: t.DeletedAt, CategoryID: t.CategoryID, Deleted: true}, cats)
		w.WriteString("</record>\n</GetRecord>\n")
		return nil
	}
	if err != nil {
		return err
	}
	w.WriteString("<GetRecord>\n<record>")
	writeHeader(w, catalog.HarvestEntry{RecordID: id, Datestamp: rec.UpdatedAt, CategoryID: rec.CategoryID}, cats)
	writeMetadata(w, prefix, rec.Record)
	w.WriteString("</record>\n</GetRecord>\n")
	return nil
}

func (p *Provider) categories(ctx context.Context) (map[int64]catalog.Category, error) {
	cs, err := p.d.Catalog.Categories(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]catalog.Category, len(cs))
	for _, c := range cs {
		out[c.ID] = c
	}
	return out, nil
}

func writeHeader(w *bytes.Buffer, e catalog.HarvestEntry, cats map[int64]catalog.Category) {
	if e.Deleted {
		w.WriteString(`<header status="deleted">`)
	} else {
		w.WriteString("<header>")
	}
	fmt.Fprintf(w, "<identifier>%s%d</identifier><datestamp>%s</datestamp>", IDPrefix, e.RecordID, e.Datestamp.UTC().Format(stampFmt))
	if c, ok := cats[e.CategoryID]; ok {
		fmt.Fprintf(w, "<setSpec>%s</setSpec>", esc(setSpec(c)))
	}
	w.WriteString("</header>")
}

// writeMetadata writes a live record in the format asked for.
func writeMetadata(w *bytes.Buffer, prefix string, r catalog.Record) {
	w.WriteString("<metadata>")
	if prefix == "marcxml" {
		w.WriteString(marcXML(r))
	} else {
		writeDC(w, r)
	}
	w.WriteString("</metadata>")
}

func writeDC(w *bytes.Buffer, r catalog.Record) {
	w.WriteString(`<oai_dc:dc xmlns:oai_dc="` + nsOAIDC + `" xmlns:dc="` + nsDC + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="` + nsOAIDC + ` http://www.openarchives.org/OAI/2.0/oai_dc.xsd">`)
	recxml.DCElements(w, r, IDPrefix+strconv.FormatInt(r.ID, 10))
	w.WriteString("</oai_dc:dc>")
}

// marcXML is the record as one MARC21 slim record element.
func marcXML(r catalog.Record) string { return recxml.MARCXML(r, marcmap.MARC21) }

// token is a resumption token's state: the query and where the last page
// ended.
type token struct {
	prefix, set string
	from, until time.Time
	afterMS     int64
	afterID     int64
	cursor      int
}

func (t token) encode() string {
	raw := strings.Join([]string{"1", t.prefix, t.set, stampOrEmpty(t.from), stampOrEmpty(t.until),
		strconv.FormatInt(t.afterMS, 10), strconv.FormatInt(t.afterID, 10), strconv.Itoa(t.cursor)}, "\x1f")
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func stampOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixMilli(), 10)
}

func parseStampMS(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	ms, err := strconv.ParseInt(s, 10, 64)
	return time.UnixMilli(ms).UTC(), err
}

func decodeToken(s string) (token, error) {
	bad := &oaiError{"badResumptionToken", "续传标记无效或已过期 / invalid resumptionToken"}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return token{}, bad
	}
	parts := strings.Split(string(raw), "\x1f")
	if len(parts) != 8 || parts[0] != "1" || !knownFormat(parts[1]) {
		return token{}, bad
	}
	t := token{prefix: parts[1], set: parts[2]}
	var e1, e2, e3, e4, e5 error
	t.from, e1 = parseStampMS(parts[3])
	t.until, e2 = parseStampMS(parts[4])
	t.afterMS, e3 = strconv.ParseInt(parts[5], 10, 64)
	t.afterID, e4 = strconv.ParseInt(parts[6], 10, 64)
	t.cursor, e5 = strconv.Atoi(parts[7])
	if e1 != nil || e2 != nil || e3 != nil || e4 != nil || e5 != nil || t.cursor < 0 {
		return token{}, bad
	}
	return t, nil
}

// parseDate reads a from/until argument in either granularity; until
// covers the whole day or second it names.
func parseDate(s string, until bool) (time.Time, string, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if until {
			t = t.Add(24*time.Hour - time.Millisecond)
		}
		return t, "day", nil
	}
	if t, err := time.Parse(stampFmt, s); err == nil {
		if until {
			t = t.Add(time.Second - time.Millisecond)
		}
		return t, "second", nil
	}
	return time.Time{}, "", badArgument("日期格式应为 YYYY-MM-DD 或 YYYY-MM-DDThh:mm:ssZ / bad date: " + s)
}

func (p *Provider) list(ctx context.Context, records bool, a map[string]string, w *bytes.Buffer) error {
	var t token
	if s, ok := a["resumptionToken"]; ok {
		var err error
		if t, err = decodeToken(s); err != nil {
			return err
		}
	} else {
		t.prefix, t.set = a["metadataPrefix"], a["set"]
		if !knownFormat(t.prefix) {
			return &oaiError{"cannotDisseminateFormat", "不支持的元数据格式 / unsupported metadataPrefix: " + t.prefix}
		}
		var g1, g2 string
		var err error
		if v := a["from"]; v != "" {
			if t.from, g1, err = parseDate(v, false); err != nil {
				return err
			}
		}
		if v := a["until"]; v != "" {
			if t.until, g2, err = parseDate(v, true); err != nil {
				return err
			}
		}
		if g1 != "" && g2 != "" && g1 != g2 {
			return badArgument("from 与 until 的精度须相同 / from and until differ in granularity")
		}
		if !t.from.IsZero() && !t.until.IsZero() && t.from.After(t.until) {
			return badArgument("from 晚于 until / from is after until")
		}
	}
	cats, err := p.categories(ctx)
	if err != nil {
		return err
	}
	f := catalog.HarvestFilter{From: t.from, Until: t.until, Limit: p.d.PageSize + 1}
	if t.afterMS != 0 || t.afterID != 0 {
		f.AfterStamp, f.AfterID = time.UnixMilli(t.afterMS), t.afterID
	}
	if t.set != "" {
		found := false
		for _, c := range cats {
			if setSpec(c) == t.set {
				f.CategoryID, found = c.ID, true
			}
		}
		if !found {
			return &oaiError{"noRecordsMatch", "没有这个集合 / no such set: " + t.set}
		}
	}
	entries, total, err := p.d.Catalog.Harvest(ctx, f)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return &oaiError{"noRecordsMatch", "没有符合条件的记录 / no records match"}
	}
	more := len(entries) > p.d.PageSize
	if more {
		entries = entries[:p.d.PageSize]
	}
	var live map[int64]catalog.Record
	if records {
		var ids []int64
		for _, e := range entries {
			if !e.Deleted {
				ids = append(ids, e.RecordID)
			}
		}
		recs, err := p.d.Catalog.RecordsByIDs(ctx, ids)
		if err != nil {
			return err
		}
		live = make(map[int64]catalog.Record, len(recs))
		for _, r := range recs {
			live[r.ID] = r
		}
	}
	verb := "ListIdentifiers"
	if records {
		verb = "ListRecords"
	}
	w.WriteString("<" + verb + ">\n")
	for _, e := range entries {
		if !records {
			writeHeader(w, e, cats)
			w.WriteString("\n")
			continue
		}
		w.WriteString("<record>")
		writeHeader(w, e, cats)
		if r, ok := live[e.RecordID]; ok && !e.Deleted {
			writeMetadata(w, t.prefix, r)
		}
		w.WriteString("</record>\n")
	}
	// A list that needed more than one page ends with an empty token.
	if more || t.cursor > 0 {
		next := ""
		if more {
			last := entries[len(entries)-1]
			nt := t
			nt.afterMS, nt.afterID, nt.cursor = last.Datestamp.UnixMilli(), last.RecordID, t.cursor+len(entries)
			next = nt.encode()
		}
		fmt.Fprintf(w, `<resumptionToken completeListSize="%d" cursor="%d">%s</resumptionToken>`+"\n", total, t.cursor, next)
	}
	w.WriteString("</" + verb + ">\n")
	return nil
}
