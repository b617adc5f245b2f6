package z3950_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuwu/internal/indexing"
	"shuwu/internal/marc"
	"shuwu/internal/protocol/z3950"
	"shuwu/internal/testkit"
)

// serve starts shuwu's Z39.50 server over a real store and search index
// holding four records, and returns its address.
func serve(t *testing.T) string {
	t.Helper()
	k := testkit.New(t)
	ix, err := indexing.Open(filepath.Join(t.TempDir(), "index"), "", k.Catalog, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for i, title := range []string{"中国共产党章程", "红色家书", "论持久战", "中国共产党简史"} {
		r := k.Record(title)
		r.Year = 2017 + i
		if title == "红色家书" {
			r.ISBN = "9787010193106"
		}
		if _, err := k.Catalog.UpdateRecord(k.Ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	s := z3950.NewServer(z3950.ServerDeps{Search: ix, Catalog: k.Catalog})
	addr, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.Shutdown(ctx)
	})
	return addr.String()
}

func TestShuwusServerAnswersItsOwnClient(t *testing.T) {
	c := dial(t, serve(t))
	if c.Target != "shuwu 书屋" {
		t.Errorf("implementation name %q", c.Target)
	}
	n, err := c.Search("Default", z3950.OIDUSMARC, z3950.Use(z3950.UseTitle, "中国共产党"))
	if err != nil || n != 2 {
		t.Fatalf("title search: %d, %v", n, err)
	}
	recs, err := c.Present(1, 2, z3950.OIDUSMARC, "F")
	if err != nil || len(recs) != 2 {
		t.Fatalf("present: %v, %v", recs, err)
	}
	var titles []string
	for _, r := range recs {
		m, err := marc.NewReader(bytes.NewReader(r.Data), marc.ReaderOptions{}).Read()
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, subfield(m, "245", 'a'))
	}
	if strings.Join(titles, ",") != "中国共产党章程,中国共产党简史" && strings.Join(titles, ",") != "中国共产党简史,中国共产党章程" {
		t.Errorf("titles %v", titles)
	}
	// ISBN, UNIMARC.
	if n, err := c.Search("Default", z3950.OIDUNIMARC, z3950.Use(z3950.UseISBN, "978-7-01-019310-6")); err != nil || n != 1 {
		t.Fatalf("ISBN: %d, %v", n, err)
	}
	recs, err = c.Present(1, 1, z3950.OIDUNIMARC, "F")
	if err != nil || len(recs) != 1 {
		t.Fatal(err)
	}
	m, _ := marc.NewReader(bytes.NewReader(recs[0].Data), marc.ReaderOptions{}).Read()
	if got := subfield(m, "200", 'a'); got != "红色家书" {
		t.Errorf("UNIMARC 200$a %q", got)
	}
	// A boolean query with a date relation (2020 and later).
	q := z3950.Op{Kind: z3950.And, Left: z3950.Use(z3950.UseTitle, "中国共产党"), Right: z3950.Term{Attrs: [][2]int{{1, 31}, {2, 4}}, Text: "2020"}}
	if n, err := c.Search("Default", z3950.OIDXML, q); err != nil || n != 1 {
		t.Fatalf("boolean: %d, %v", n, err)
	}
	recs, err = c.Present(1, 1, z3950.OIDXML, "marcxml")
	if err != nil || !strings.Contains(string(recs[0].Data), "中国共产党简史") {
		t.Fatalf("MARCXML: %v, %v", recs, err)
	}
	// Diagnostics.
	var d *z3950.Diagnostic
	if _, err := c.Present(5, 1, z3950.OIDXML, ""); !errors.As(err, &d) || d.Condition != 13 {
		t.Errorf("present beyond the hits: %v", err)
	}
	if _, err := c.Search("Default", z3950.OIDUSMARC, z3950.Use(9999, "x")); !errors.As(err, &d) || d.Condition != 114 {
		t.Errorf("unknown use attribute: %v", err)
	}
	if _, err := c.Search("Default", z3950.OIDUSMARC, z3950.Term{Attrs: [][2]int{{1, 4}, {2, 1}}, Text: "党"}); !errors.As(err, &d) || d.Condition != 117 {
		t.Errorf("less-than on a title: %v", err)
	}
}

func TestYazClientSearchesShuwuOverZ3950(t *testing.T) {
	addr := serve(t)
	bin, err := exec.LookPath("yaz-client")
	if err != nil {
		t.Fatalf("yaz-client not found (Debian package yaz; scripts/test-all.sh installs it): %v", err)
	}
	cmds := filepath.Join(t.TempDir(), "cmds")
	os.WriteFile(cmds, []byte(strings.Join([]string{
		"open tcp:" + addr + "/Default",
		"format usmarc", "find @attr 1=4 红色家书", "show 1",
		"format unimarc", "find @and @attr 1=4 中国共产党 @attr 1=31 @attr 2=2 2017", "show 1",
		"find @attr 1=9999 x",
		"scan @attr 1=4 中国", "scan @attr 1=21 党",
		"close", "quit"}, "\n")+"\n"), 0o644)
	out, err := exec.Command(bin, "-f", cmds).CombinedOutput()
	if err != nil {
		t.Fatalf("yaz-client: %v\n%s", err, out)
	}
	s := string(out)
	for _, want := range []string{"Connection accepted", "shuwu", "Number of hits: 1", "245 00 $a 红色家书", "200 1  $a 中国共产党章程", "114",
		"Options: search present scan", "* 中国共产党章程 (1)", "  中国共产党简史 (1)", "  论持久战 (1)", "Scan returned code 6", "[114] Unsupported Use attribute"} {
		if !strings.Contains(s, want) {
			t.Errorf("yaz-client output lacks %q:\n%s", want, s)
		}
	}
}
