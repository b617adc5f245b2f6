package z3950

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strconv"
	"time"

	ber "github.com/go-asn1-ber/asn1-ber"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/protocol/recxml"
	"shuwu/internal/protocol/tcpserve"
	"shuwu/internal/search"
)

// The Z39.50 server lets other libraries' cataloguing clients (yaz-client,
// dp2, Koha's Z39.50 search) search shuwu's catalogue and fetch its records
// as MARC21, CNMARC/UNIMARC or MARCXML, as they would search a national
// catalogue. Queries are type-1 over Bib-1 use attributes, matched by the
// same search engine as the OPAC. Public catalogue data only: no login.

// Searcher is the search engine as the server uses it.
type Searcher interface {
	SearchBool(ctx context.Context, b *search.Bool, from, size int) (search.Result, error)
	Scan(ctx context.Context, field search.ScanField, from string, after bool, n int) ([]search.ScanTerm, error)
}

// ServerDeps configure the server.
type ServerDeps struct {
	Search  Searcher
	Catalog *catalog.Service
	Log     *slog.Logger
}

// Server is the Z39.50 listener.
type Server struct {
	d ServerDeps
	l tcpserve.Listener
}

// NewServer builds a server.
func NewServer(d ServerDeps) *Server {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	return &Server{d: d}
}

// IdleTimeout ends an association that sent nothing for this long.
const IdleTimeout = 10 * time.Minute

// maxRequest bounds one request APDU; real ones are a few hundred bytes.
const maxRequest = 64 << 10

// maxPresent bounds the records one present returns.
const maxPresent = 100

// Listen binds addr.
func (s *Server) Listen(addr string) (net.Addr, error) { return s.l.Listen(addr, nil) }

// Serve accepts associations until Shutdown.
func (s *Server) Serve() error { return s.l.Serve(s.serveConn) }

// Shutdown stops accepting and waits for the associations to finish.
func (s *Server) Shutdown(ctx context.Context) error { return s.l.Shutdown(ctx) }

// Addr is the bound address, "" before Listen.
func (s *Server) Addr() string { return s.l.Addr() }

// resultSet is a search kept for present.
type resultSet struct {
	query *search.Bool
	total int
}

type association struct {
	srv  *Server
	sets map[string]resultSet
}

func (s *Server) serveConn(c net.Conn) {
	a := &association{srv: s, sets: map[string]resultSet{}}
	r := bufio.NewReader(c)
	for !s.l.Closed() {
		c.SetReadDeadline(time.Now().Add(IdleTimeout))
		req, err := ber.ReadPacket(io.LimitReader(r, maxRequest))
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				var ne net.Error
				if !errors.As(err, &ne) || !ne.Timeout() {
					s.d.Log.Info("z3950: association dropped", "remote", c.RemoteAddr().String(), "err", err)
				}
			}
			return
		}
		resp, keep := a.handle(req)
		if resp != nil {
			c.SetWriteDeadline(time.Now().Add(30 * time.Second))
			if _, err := c.Write(resp.Bytes()); err != nil {
				return
			}
		}
		if !keep {
			return
		}
	}
}

// handle answers one APDU; keep is false when the association ends.
func (a *association) handle(req *ber.Packet) (*ber.Packet, bool) {
	if req.ClassType != ber.ClassContext {
		return closeAPDU(closeProtocolError, "not a Z39.50 APDU"), false
	}
	switch req.Tag {
	case tagInitRequest:
		return initResponse(req), true
	case tagSearchRequest:
		return a.search(req), true
	case tagPresentRequest:
		return a.present(req), true
	case tagScanRequest:
		return a.scan(req), true
	case tagClose:
		return closeAPDU(closeFinished, ""), false
	}
	return closeAPDU(closeProtocolError, "unsupported APDU ["+strconv.Itoa(int(req.Tag))+"]"), false
}

// Close reasons.
const (
	closeFinished      = 0
	closeProtocolError = 3
)

func closeAPDU(reason int64, info string) *ber.Packet {
	fields := []*ber.Packet{intField(tagCloseReason, reason)}
	if info != "" {
		fields = append(fields, strField(3, info))
	}
	return apdu(tagClose, fields...)
}

func referenceID(req *ber.Packet) []*ber.Packet {
	if p := child(req, 2); p != nil {
		return []*ber.Packet{prim(2, p.Data.Bytes())}
	}
	return nil
}

func initResponse(req *ber.Packet) *ber.Packet {
	fields := referenceID(req)
	fields = append(fields,
		prim(tagProtocolVersion, bits(true, true, true)),
		prim(tagOptions, bits(true, true, false, false, false, false, false, true)), // search, present, scan
		intField(tagPreferredMsgSize, 1<<20),
		intField(tagExceptionalSize, 1<<21),
		boolField(tagResult, true),
		strField(tagImplementationID, implementName),
		strField(tagImplementationNm, "shuwu 书屋"),
		strField(tagImplementationVer, "1"),
	)
	return apdu(tagInitResponse, fields...)
}

// diagRecord is a DefaultDiagFormat.
func diagRecord(condition int, addinfo string) []*ber.Packet {
	return []*ber.Packet{
		universalOID(OIDBib1Diag),
		ber.NewInteger(ber.ClassUniversal, ber.TypePrimitive, ber.TagInteger, int64(condition), ""),
		ber.NewString(ber.ClassUniversal, ber.TypePrimitive, ber.TagVisibleString, addinfo, ""),
	}
}

func (a *association) search(req *ber.Packet) *ber.Packet {
	fail := func(d *Diagnostic) *ber.Packet {
		fields := append(referenceID(req),
			intField(tagResultCount, 0), intField(tagRecordsReturned, 0), intField(tagNextPosition, 0),
			boolField(tagSearchStatus, false), intField(26, 3), // resultSetStatus: none
			cons(tagNonSurrogateDiag, diagRecord(d.Condition, d.AddInfo)...))
		return apdu(tagSearchResponse, fields...)
	}
	q := child(child(req, tagQuery), tagRPNType1)
	if q == nil {
		return fail(&Diagnostic{Condition: 107, AddInfo: "only type-1 (RPN) queries"}) // query type not supported
	}
	var rpn *ber.Packet
	for _, c := range q.Children {
		if c.ClassType == ber.ClassContext {
			rpn = c
		}
	}
	b, err := rpnToBool(rpn, 0)
	if err != nil {
		var d *Diagnostic
		if errors.As(err, &d) {
			return fail(d)
		}
		return fail(&Diagnostic{Condition: 108, AddInfo: err.Error()})
	}
	res, err := a.srv.d.Search.SearchBool(context.Background(), b, 0, 0)
	if err != nil {
		return fail(&Diagnostic{Condition: 108, AddInfo: err.Error()})
	}
	name := stringOf(child(req, tagResultSetName))
	if name == "" {
		name = "default"
	}
	a.sets[name] = resultSet{query: b, total: res.Total}
	fields := append(referenceID(req),
		intField(tagResultCount, int64(res.Total)), intField(tagRecordsReturned, 0), intField(tagNextPosition, 1),
		boolField(tagSearchStatus, true))
	return apdu(tagSearchResponse, fields...)
}

// syntaxes are the record syntaxes the server sends.
var syntaxes = map[string]bool{OIDUSMARC: true, OIDUNIMARC: true, OIDXML: true}

func (a *association) present(req *ber.Packet) *ber.Packet {
	fail := func(d *Diagnostic) *ber.Packet {
		fields := append(referenceID(req), intField(tagRecordsReturned, 0), intField(tagNextPosition, 0), intField(tagPresentStatus, 5),
			cons(tagNonSurrogateDiag, diagRecord(d.Condition, d.AddInfo)...))
		return apdu(tagPresentResponse, fields...)
	}
	name := stringOf(child(req, tagResultSetID))
	set, ok := a.sets[name]
	if !ok {
		return fail(&Diagnostic{Condition: 30, AddInfo: name}) // result set does not exist
	}
	start, err1 := intOf(child(req, tagStartPoint))
	n, err2 := intOf(child(req, tagRequested))
	if err1 != nil || err2 != nil || start < 1 || n < 0 || start > int64(set.total) || start > int64(search.MaxResults) {
		return fail(&Diagnostic{Condition: 13, AddInfo: strconv.FormatInt(start, 10)}) // present request out of range
	}
	syntax := OIDUSMARC
	if p := child(req, tagPreferredSyntax); p != nil {
		if v, err := oidOf(p); err == nil {
			syntax = v
		}
	}
	if !syntaxes[syntax] {
		return fail(&Diagnostic{Condition: 239, AddInfo: syntax})
	}
	n = min(n, maxPresent, int64(set.total)-start+1)
	res, err := a.srv.d.Search.SearchBool(context.Background(), set.query, int(start-1), int(n))
	if err != nil {
		return fail(&Diagnostic{Condition: 2, AddInfo: err.Error()})
	}
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.RecordID
	}
	recs, err := a.srv.d.Catalog.RecordsByIDs(context.Background(), ids)
	if err != nil {
		return fail(&Diagnostic{Condition: 2, AddInfo: "database"})
	}
	byID := map[int64]catalog.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	var list []*ber.Packet
	for _, id := range ids {
		r, ok := byID[id]
		var rec *ber.Packet
		if !ok {
			rec = cons(2, seq(diagRecord(1028, strconv.FormatInt(id, 10))...)) // record deleted
		} else {
			data, err := encodeRecord(r, syntax)
			if err != nil {
				rec = cons(2, seq(diagRecord(14, strconv.FormatInt(id, 10))...)) // system error in presenting records
			} else {
				ext := ber.Encode(ber.ClassUniversal, ber.TypeConstructed, ber.TagExternal, nil, "")
				ext.AppendChild(universalOID(syntax))
				ext.AppendChild(prim(1, data))
				rec = cons(1, ext)
			}
		}
		list = append(list, seq(strField(0, "Default"), cons(1, rec)))
	}
	next := start + int64(len(list))
	if next > int64(set.total) {
		next = 0
	}
	fields := append(referenceID(req), intField(tagRecordsReturned, int64(len(list))), intField(tagNextPosition, next),
		intField(tagPresentStatus, 0), cons(tagResponseRecords, list...))
	return apdu(tagPresentResponse, fields...)
}

// encodeRecord is a record in a syntax: ISO 2709 (UTF-8) for MARC,
// MARCXML for XML.
func encodeRecord(r catalog.Record, syntax string) ([]byte, error) {
	if syntax == OIDXML {
		return []byte(recxml.MARCXML(r, marcmap.MARC21)), nil
	}
	flavor := marcmap.MARC21
	if syntax == OIDUNIMARC {
		flavor = marcmap.CNMARC
	}
	var buf bytes.Buffer
	w, err := marc.NewWriter(&buf, marc.WriterOptions{Charset: marc.CharsetUTF8})
	if err != nil {
		return nil, err
	}
	if err := w.Write(marcmap.Encode(marcmap.Export{Record: r}, flavor, marcmap.Options{})); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func oidOf(p *ber.Packet) (string, error) {
	d := ber.Encode(ber.ClassUniversal, ber.TypePrimitive, ber.TagObjectIdentifier, nil, "")
	d.Data.Write(p.Data.Bytes())
	dec, err := ber.DecodePacketErr(d.Bytes())
	if err != nil {
		return "", err
	}
	s, ok := dec.Value.(string)
	if !ok {
		return "", errors.New("bad object identifier")
	}
	return s, nil
}
