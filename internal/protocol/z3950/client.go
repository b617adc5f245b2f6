// Package z3950 is a Z39.50 client (ANSI/NISO Z39.50-2003, BER): init,
// search with type-1 (RPN) queries over Bib-1 attributes, present and
// close — what copy cataloguing needs to fetch MARC records from a
// national or union catalogue (国家图书馆, CALIS) or another library.
package z3950

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	ber "github.com/go-asn1-ber/asn1-ber"
)

// maxAPDU bounds what one response may make the client read.
const maxAPDU = 8 << 20

// Options configure a connection.
type Options struct {
	Timeout        time.Duration // per request; 0 means 15 s
	User, Password string
}

// Client is one Z39.50 association. It is not safe for concurrent use.
type Client struct {
	conn    net.Conn
	r       *bufio.Reader
	timeout time.Duration
	// Target is the server's implementation name from its init response.
	Target string
}

// Diagnostic is a Bib-1 diagnostic the server sent.
type Diagnostic struct {
	Condition int
	AddInfo   string
}

func (d *Diagnostic) Error() string {
	msg := bib1[d.Condition]
	if msg == "" {
		msg = "diagnostic " + strconv.Itoa(d.Condition)
	}
	if d.AddInfo != "" {
		msg += " (" + d.AddInfo + ")"
	}
	return "Z39.50: " + msg
}

// bib1 names the Bib-1 conditions a cataloguer is likely to meet.
var bib1 = map[int]string{
	1: "permanent system error", 2: "temporary system error", 3: "unsupported search",
	13: "present request out of range", 100: "unspecified error", 108: "malformed query",
	109: "database unavailable", 114: "unsupported use attribute", 235: "database does not exist",
	238: "record not available in requested syntax", 239: "record syntax not supported",
}

// ErrRefused is an init the server refused.
var ErrRefused = errors.New("Z39.50: the server refused the connection (wrong user or password?)")

// Dial connects to addr (host:port) and initialises an association.
func Dial(ctx context.Context, addr string, o Options) (*Client, error) {
	if o.Timeout <= 0 {
		o.Timeout = 15 * time.Second
	}
	d := net.Dialer{Timeout: o.Timeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &Client{conn: conn, r: bufio.NewReader(conn), timeout: o.Timeout}
	resp, err := c.roundTrip(initRequest(o.User, o.Password), tagInitResponse)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if !boolOf(child(resp, tagResult)) {
		conn.Close()
		return nil, ErrRefused
	}
	c.Target = stringOf(child(resp, tagImplementationNm))
	return c, nil
}

// roundTrip sends one APDU and reads the answer, which must be want.
func (c *Client) roundTrip(req *ber.Packet, want ber.Tag) (*ber.Packet, error) {
	c.conn.SetDeadline(time.Now().Add(c.timeout))
	if _, err := c.conn.Write(req.Bytes()); err != nil {
		return nil, err
	}
	resp, err := ber.ReadPacket(io.LimitReader(c.r, maxAPDU))
	if err != nil {
		return nil, fmt.Errorf("Z39.50: read response: %w", err)
	}
	if resp.ClassType != ber.ClassContext || resp.Tag != want {
		if resp.ClassType == ber.ClassContext && resp.Tag == tagClose {
			return nil, errors.New("Z39.50: the server closed the association")
		}
		return nil, fmt.Errorf("Z39.50: unexpected response APDU [%d]", resp.Tag)
	}
	return resp, nil
}

// Search runs q in db and returns the number of hits. syntax is the
// record syntax OID asked for (OIDUSMARC, OIDUNIMARC, OIDXML).
func (c *Client) Search(db, syntax string, q RPN) (int, error) {
	resp, err := c.roundTrip(searchRequest(db, syntax, q), tagSearchResponse)
	if err != nil {
		return 0, err
	}
	if !boolOf(child(resp, tagSearchStatus)) {
		if d := diagnosticOf(resp); d != nil {
			return 0, d
		}
		return 0, errors.New("Z39.50: the search failed")
	}
	n, err := intOf(child(resp, tagResultCount))
	if err != nil {
		return 0, fmt.Errorf("Z39.50: search response: %w", err)
	}
	return int(n), nil
}

// Record is one retrieved record: its syntax and its octets (ISO 2709
// for MARC, a document for XML), or the diagnostic that stands in its
// place.
type Record struct {
	Syntax string
	Data   []byte
	Err    *Diagnostic
}

// Present fetches n records from position start (1-based) of the last
// search's result set.
func (c *Client) Present(start, n int, syntax, elements string) ([]Record, error) {
	resp, err := c.roundTrip(presentRequest(start, n, syntax, elements), tagPresentResponse)
	if err != nil {
		return nil, err
	}
	if d := diagnosticOf(resp); d != nil {
		return nil, d
	}
	return records(child(resp, tagResponseRecords))
}

// Close ends the association and the connection.
func (c *Client) Close() error {
	c.conn.SetDeadline(time.Now().Add(2 * time.Second))
	c.conn.Write(closeRequest().Bytes())
	return c.conn.Close()
}

// diagnosticOf reads a response's non-surrogate diagnostic, nil if none.
func diagnosticOf(resp *ber.Packet) *Diagnostic {
	if p := child(resp, tagNonSurrogateDiag); p != nil {
		return defaultDiag(p)
	}
	if p := child(resp, tagMultipleDiags); p != nil && len(p.Children) > 0 {
		if d := p.Children[0]; len(d.Children) > 0 && d.Tag == ber.TagSequence {
			return defaultDiag(d)
		}
	}
	return nil
}

// defaultDiag reads DefaultDiagFormat: set OID, condition, addinfo.
func defaultDiag(p *ber.Packet) *Diagnostic {
	d := &Diagnostic{Condition: 100}
	for _, c := range p.Children {
		switch {
		case c.ClassType == ber.ClassUniversal && c.Tag == ber.TagInteger:
			if n, err := ber.ParseInt64(c.Data.Bytes()); err == nil {
				d.Condition = int(n)
			}
		case c.ClassType == ber.ClassUniversal && (c.Tag == ber.TagVisibleString || c.Tag == ber.TagGeneralString || c.Tag == ber.TagOctetString || c.Tag == ber.TagUTF8String):
			d.AddInfo = c.Data.String()
		}
	}
	return d
}

// records reads SEQUENCE OF NamePlusRecord.
func records(p *ber.Packet) ([]Record, error) {
	if p == nil {
		return nil, nil
	}
	var out []Record
	for _, npr := range p.Children {
		rec := child(npr, 1) // record [1] CHOICE
		if rec == nil || len(rec.Children) == 0 {
			return nil, errors.New("Z39.50: a record without content")
		}
		choice := rec.Children[0]
		switch {
		case choice.ClassType == ber.ClassContext && choice.Tag == 1: // retrievalRecord [1] EXTERNAL
			r, err := external(choice)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		case choice.ClassType == ber.ClassContext && choice.Tag == 2: // surrogateDiagnostic [2] DiagRec
			d := &Diagnostic{Condition: 100}
			if len(choice.Children) > 0 {
				d = defaultDiag(choice.Children[0])
			}
			out = append(out, Record{Err: d})
		default:
			return nil, fmt.Errorf("Z39.50: unsupported record form [%d]", choice.Tag)
		}
	}
	return out, nil
}

// external reads an EXTERNAL holding a record: the syntax OID and the
// octet-aligned encoding.
func external(p *ber.Packet) (Record, error) {
	ext := p
	if len(p.Children) == 1 && p.Children[0].ClassType == ber.ClassUniversal && p.Children[0].Tag == ber.TagExternal {
		ext = p.Children[0]
	}
	var r Record
	for _, c := range ext.Children {
		switch {
		case c.ClassType == ber.ClassUniversal && c.Tag == ber.TagObjectIdentifier:
			r.Syntax, _ = c.Value.(string)
		case c.ClassType == ber.ClassContext && c.Tag == 1: // octet-aligned
			r.Data = []byte(stringOf(c))
		case c.ClassType == ber.ClassContext && c.Tag == 0:
			return r, errors.New("Z39.50: structured (ASN.1) records are not supported; ask for MARC or XML")
		}
	}
	if r.Data == nil {
		return r, errors.New("Z39.50: a record without octets")
	}
	return r, nil
}
