package sru_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"shuwu/internal/marc"
	"shuwu/internal/protocol/sru"
	"shuwu/internal/testkit/yaztest"
)

func field(r *marc.Record, tag string, code byte) string {
	for _, f := range r.Fields {
		if f.Tag == tag {
			for _, s := range f.Subfields {
				if s.Code == code {
					return s.Value
				}
			}
		}
	}
	return ""
}

func TestClientFetchesFromShuwusOwnServer(t *testing.T) {
	e := newEnv(t)
	c := sru.Client{BaseURL: e.srv.URL + "/sru"}
	n, recs, err := c.Search(context.Background(), "dc.title=红色家书", "marcxml", 10)
	if err != nil || n != 1 || len(recs) != 1 || field(recs[0], "245", 'a') != "红色家书" {
		t.Fatalf("marcxml: %d, %v, %v", n, recs, err)
	}
	_, recs, err = c.Search(context.Background(), "dc.title=论持久战", "cnmarcxml", 10)
	if err != nil || len(recs) != 1 || field(recs[0], "200", 'a') != "论持久战" {
		t.Fatalf("cnmarcxml: %v, %v", recs, err)
	}
	_, _, err = c.Search(context.Background(), "dc.nonsense=x", "marcxml", 10)
	var d *sru.RemoteDiagnostic
	if !errors.As(err, &d) || !strings.HasSuffix(d.URI, "/16") || !strings.Contains(err.Error(), "Unsupported index") {
		t.Fatalf("diagnostic: %v", err)
	}
}

func TestClientFetchesFromYazZtest(t *testing.T) {
	addr := yaztest.Start(t)
	c := sru.Client{BaseURL: "http://" + addr + "/Default"}
	// yaz-ztest answers a term starting with digits with that many hits.
	n, recs, err := c.Search(context.Background(), "7", "marcxml", 3)
	if err != nil || n != 7 || len(recs) != 3 {
		t.Fatalf("%d hits, %d records, %v", n, len(recs), err)
	}
	if got := field(recs[0], "245", 'a'); got != "How to program a computer" {
		t.Errorf("245$a %q", got)
	}
	if _, _, err := (&sru.Client{BaseURL: "http://" + addr + "/NoSuchDatabase"}).Search(context.Background(), "7", "marcxml", 3); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("unknown database: %v", err)
	}
	if _, _, err := (&sru.Client{BaseURL: "ftp://x"}).Search(context.Background(), "7", "marcxml", 3); err == nil {
		t.Error("an ftp URL was accepted")
	}
}
