package z3950_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuwu/internal/marc"
	"shuwu/internal/protocol/z3950"
	"shuwu/internal/testkit/yaztest"
)

func ztest(t *testing.T) string { return yaztest.Start(t) }

func dial(t *testing.T, addr string) *z3950.Client {
	t.Helper()
	c, err := z3950.Dial(context.Background(), addr, z3950.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestSearchAndPresentMARCFromYazZtest(t *testing.T) {
	c := dial(t, ztest(t))
	if c.Target != "GFS/YAZ" {
		t.Errorf("target %q, want GFS/YAZ", c.Target)
	}
	// yaz-ztest answers a term starting with digits with that many hits.
	n, err := c.Search("Default", z3950.OIDUSMARC, z3950.Use(z3950.UseTitle, "24"))
	if err != nil || n != 24 {
		t.Fatalf("search: %d hits, %v; want 24", n, err)
	}
	recs, err := c.Present(1, 3, z3950.OIDUSMARC, "F")
	if err != nil || len(recs) != 3 {
		t.Fatalf("present: %d records, %v", len(recs), err)
	}
	for i, r := range recs {
		if r.Err != nil || r.Syntax != z3950.OIDUSMARC {
			t.Fatalf("record %d: syntax %q, %v", i, r.Syntax, r.Err)
		}
		m, err := marc.NewReader(bytes.NewReader(r.Data), marc.ReaderOptions{}).Read()
		if err != nil {
			t.Fatalf("record %d is not ISO 2709: %v", i, err)
		}
		// yaz-ztest's first built-in records are 11224466 and 11224467.
		if want := strconv.Itoa(11224466 + i); i < 2 && strings.TrimSpace(m.ControlNumber()) != want {
			t.Errorf("record %d: 001 %q, want %s", i, m.ControlNumber(), want)
		}
	}
	first, _ := marc.NewReader(bytes.NewReader(recs[0].Data), marc.ReaderOptions{}).Read()
	if got := subfield(first, "245", 'a'); got != "How to program a computer" {
		t.Errorf("245$a %q", got)
	}
	// A second search on the same association replaces the result set.
	if n, err := c.Search("Default", z3950.OIDUSMARC, z3950.Op{Kind: z3950.And, Left: z3950.Use(z3950.UseTitle, "3"), Right: z3950.Use(z3950.UseAuthor, "3")}); err != nil || n < 0 {
		t.Fatalf("boolean search: %d, %v", n, err)
	}
}

func TestMARCXMLFromYazZtest(t *testing.T) {
	c := dial(t, ztest(t))
	if _, err := c.Search("Default", z3950.OIDXML, z3950.Use(z3950.UseISBN, "2")); err != nil {
		t.Fatal(err)
	}
	recs, err := c.Present(1, 1, z3950.OIDXML, "marcxml")
	if err != nil || len(recs) != 1 {
		t.Fatalf("present: %v %v", recs, err)
	}
	m, err := marc.NewXMLReader(bytes.NewReader(recs[0].Data)).Read()
	if err != nil || strings.TrimSpace(m.ControlNumber()) != "11224466" {
		t.Fatalf("MARCXML record: %v, %v\n%s", m, err, recs[0].Data)
	}
}

func TestDiagnosticsFromYazZtest(t *testing.T) {
	c := dial(t, ztest(t))
	_, err := c.Search("NoSuchDatabase", z3950.OIDUSMARC, z3950.Use(z3950.UseTitle, "5"))
	var d *z3950.Diagnostic
	if !errors.As(err, &d) || d.Condition != 109 {
		t.Fatalf("unknown database: %v, want diagnostic 109", err)
	}
	if n, err := c.Search("Default", z3950.OIDUSMARC, z3950.Use(z3950.UseTitle, "2")); err != nil || n != 2 {
		t.Fatalf("search: %d, %v", n, err)
	}
	if _, err := c.Present(5, 1, z3950.OIDUSMARC, "F"); !errors.As(err, &d) || d.Condition != 13 {
		t.Fatalf("present beyond the hits: %v, want diagnostic 13", err)
	}
}

func TestDialRefusesWhatIsNotZ3950(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Write([]byte("HTTP/1.0 400 Bad Request\r\n\r\n"))
			c.Close()
		}
	}()
	if _, err := z3950.Dial(context.Background(), ln.Addr().String(), z3950.Options{Timeout: 2 * time.Second}); err == nil {
		t.Fatal("a server speaking HTTP was taken for Z39.50")
	}
}

func subfield(r *marc.Record, tag string, code byte) string {
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
