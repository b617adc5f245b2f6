// Package copyfetch asks a copy-cataloguing source for records: it turns
// a copycat query into a Z39.50 type-1 query or a CQL query, and the
// answer into MARC records, whichever protocol the source speaks.
package copyfetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/marc"
	"shuwu/internal/protocol/sru"
	"shuwu/internal/protocol/z3950"
)

// Fetcher implements copycat.Fetcher over Z39.50 and SRU.
type Fetcher struct {
	Timeout time.Duration // per source; 0 means 15 s
}

var _ copycat.Fetcher = Fetcher{}

func (f Fetcher) timeout() time.Duration {
	if f.Timeout <= 0 {
		return 15 * time.Second
	}
	return f.Timeout
}

// Fetch asks t.
func (f Fetcher) Fetch(ctx context.Context, t targets.Target, q copycat.Query, max int) (int, []*marc.Record, error) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	if t.Kind == targets.SRU {
		c := sru.Client{BaseURL: t.Address, HTTP: &http.Client{Timeout: f.timeout()}}
		schema := "marcxml"
		if t.Flavor == targets.CNMARC {
			schema = "cnmarcxml"
		}
		return c.Search(ctx, cqlQuery(q), schema, max)
	}
	return f.z3950(ctx, t, q, max)
}

var z3950Use = map[copycat.Field]int{
	copycat.FieldISBN: z3950.UseISBN, copycat.FieldTitle: z3950.UseTitle, copycat.FieldAuthor: z3950.UseAuthor, copycat.FieldAny: z3950.UseAny,
}

func (f Fetcher) z3950(ctx context.Context, t targets.Target, q copycat.Query, max int) (int, []*marc.Record, error) {
	addr, db := t.Z3950Address()
	c, err := z3950.Dial(ctx, addr, z3950.Options{Timeout: f.timeout()})
	if err != nil {
		return 0, nil, err
	}
	defer c.Close()
	syntax := z3950.OIDUSMARC
	if t.Flavor == targets.CNMARC {
		syntax = z3950.OIDUNIMARC
	}
	n, err := c.Search(db, syntax, z3950.Use(z3950Use[q.Field], q.Term))
	if err != nil || n == 0 {
		return n, nil, err
	}
	got, err := c.Present(1, min(n, max), syntax, "F")
	if err != nil {
		return n, nil, err
	}
	var out []*marc.Record
	for _, r := range got {
		if r.Err != nil {
			continue
		}
		rec, err := decode(r, t.Charset)
		if err != nil {
			continue
		}
		out = append(out, rec)
	}
	return n, out, nil
}

// decode reads one retrieved record, ISO 2709 or XML.
func decode(r z3950.Record, cs targets.Charset) (*marc.Record, error) {
	if r.Syntax == z3950.OIDXML || bytes.HasPrefix(bytes.TrimSpace(r.Data), []byte("<")) {
		return marc.NewXMLReader(bytes.NewReader(r.Data)).Read()
	}
	rec, err := marc.NewReader(bytes.NewReader(r.Data), marc.ReaderOptions{Charset: marc.Charset(cs)}).Read()
	var re *marc.RecordError
	if errors.As(err, &re) && rec != nil {
		return rec, nil // readable with a few undecodable bytes shown as U+FFFD
	}
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("empty record")
	}
	return rec, err
}

var cqlIndex = map[copycat.Field]string{
	copycat.FieldISBN: "bath.isbn=", copycat.FieldTitle: "dc.title=", copycat.FieldAuthor: "dc.creator=", copycat.FieldAny: "", // a bare term is cql.serverChoice
}

// cqlQuery is q as CQL; the term is quoted when it is more than one
// plain word, or a CQL keyword.
func cqlQuery(q copycat.Query) string {
	term := q.Term
	switch strings.ToLower(term) {
	case "and", "or", "not", "prox", "sortby":
	default:
		if !strings.ContainsAny(term, " \t()=<>\"/\\*?^") {
			return cqlIndex[q.Field] + term
		}
	}
	return cqlIndex[q.Field] + `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(term) + `"`
}
