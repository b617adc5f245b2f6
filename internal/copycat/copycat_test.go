package copycat_test

import (
	"context"
	"strings"
	"testing"

	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/protocol/copyfetch"
	"shuwu/internal/testkit"
	"shuwu/internal/testkit/yaztest"
)

func services(t *testing.T, f copycat.Fetcher) (*testkit.Kit, *targets.Service, *copycat.Service) {
	k := testkit.New(t)
	ts := targets.NewService(k.DB.CopyTargets(), k.Clock.Now)
	return k, ts, copycat.NewService(ts, f, k.Catalog)
}

func TestTargetsAreCheckedAndAudited(t *testing.T) {
	k, ts, _ := services(t, copyfetch.Fetcher{})
	bad := []struct {
		t    targets.Target
		code errs.Code
	}{
		{targets.Target{Name: "", Kind: targets.Z3950, Address: "h:210/db", Flavor: targets.MARC21}, targets.CodeTargetNameInvalid},
		{targets.Target{Name: "国图", Kind: "ftp", Address: "h:210/db", Flavor: targets.MARC21}, targets.CodeTargetKindInvalid},
		{targets.Target{Name: "国图", Kind: targets.Z3950, Address: "h/db", Flavor: targets.MARC21}, targets.CodeTargetAddressInvalid},
		{targets.Target{Name: "国图", Kind: targets.Z3950, Address: "h:210", Flavor: targets.MARC21}, targets.CodeTargetAddressInvalid},
		{targets.Target{Name: "国图", Kind: targets.SRU, Address: "h:210/db", Flavor: targets.MARC21}, targets.CodeTargetAddressInvalid},
		{targets.Target{Name: "国图", Kind: targets.SRU, Address: "http://h/sru", Flavor: "mods"}, targets.CodeTargetFormatInvalid},
		{targets.Target{Name: "国图", Kind: targets.SRU, Address: "http://h/sru", Flavor: targets.CNMARC, Charset: "big5"}, targets.CodeTargetCharsetInvalid},
	}
	for _, b := range bad {
		if _, err := ts.AddTarget(k.Ctx, b.t); !errs.Is(err, b.code) {
			t.Errorf("%+v: %v, want %s", b.t, err, b.code)
		}
	}
	if all, _ := ts.Targets(k.Ctx); len(all) != 0 {
		t.Fatalf("refused sources were stored: %v", all)
	}
	a, err := ts.AddTarget(k.Ctx, targets.Target{Name: " 国家图书馆 ", Kind: targets.Z3950, Address: "z.example.cn:9991/UCS01", Flavor: targets.CNMARC})
	if err != nil || a.Name != "国家图书馆" || a.Charset != targets.CharsetAuto {
		t.Fatalf("add: %+v, %v", a, err)
	}
	if _, err := ts.AddTarget(k.Ctx, targets.Target{Name: "国家图书馆", Kind: targets.SRU, Address: "http://x/sru", Flavor: targets.MARC21}); !errs.Is(err, targets.CodeTargetExists) {
		t.Fatalf("duplicate name: %v", err)
	}
	a.Charset = targets.CharsetGB18030
	if _, err := ts.UpdateTarget(k.Ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, _ := ts.Target(k.Ctx, a.ID); got.Charset != targets.CharsetGB18030 {
		t.Fatalf("update lost: %+v", got)
	}
	if err := ts.DeleteTarget(k.Ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Target(k.Ctx, a.ID); !errs.Is(err, targets.CodeTargetNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	entries, err := k.DB.AuditLog(k.Ctx, "copy_target", 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range entries {
		if e.Entity == "copy_target" {
			kinds = append(kinds, e.Action)
		}
	}
	if strings.Join(kinds, ",") != "delete,update,create" {
		t.Errorf("audit: %v", kinds)
	}
}

func TestSearchingYazZtestOverZ3950GivesCandidates(t *testing.T) {
	k, ts, cs := services(t, copyfetch.Fetcher{})
	addr := yaztest.Start(t)
	z, err := ts.AddTarget(k.Ctx, targets.Target{Name: "yaz-ztest", Kind: targets.Z3950, Address: addr + "/Default", Flavor: targets.MARC21})
	if err != nil {
		t.Fatal(err)
	}
	// yaz-ztest answers a term starting with digits with that many hits.
	res, err := cs.Search(k.Ctx, z.ID, copycat.Query{Field: copycat.FieldTitle, Term: "24"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 24 || len(res.Candidates) != copycat.MaxCandidates {
		t.Fatalf("total %d, %d candidates", res.Total, len(res.Candidates))
	}
	c := res.Candidates[0]
	if c.Record.Title != "How to program a computer" || len(c.Record.Authors) == 0 || c.Record.Authors[0].Name != "Jack Collins" {
		t.Errorf("candidate: %+v", c.Record)
	}
	back, _, err := copycat.Decode(c.MARC)
	if err != nil || back.Title != c.Record.Title {
		t.Fatalf("decode the chosen candidate: %+v, %v", back, err)
	}
	// Over SRU, the same server.
	s, err := ts.AddTarget(k.Ctx, targets.Target{Name: "yaz-ztest SRU", Kind: targets.SRU, Address: "http://" + addr + "/Default", Flavor: targets.MARC21})
	if err != nil {
		t.Fatal(err)
	}
	res, err = cs.Search(k.Ctx, s.ID, copycat.Query{Field: copycat.FieldAny, Term: "3"})
	if err != nil || res.Total != 3 || len(res.Candidates) != 3 || res.Candidates[0].Record.Title == "" {
		t.Fatalf("SRU: total %d, %d candidates, %v", res.Total, len(res.Candidates), err)
	}
}

func TestAnUnreachableSourceIsAClearError(t *testing.T) {
	k, ts, cs := services(t, copyfetch.Fetcher{})
	z, _ := ts.AddTarget(k.Ctx, targets.Target{Name: "已停用的服务器", Kind: targets.Z3950, Address: "127.0.0.1:1/Default", Flavor: targets.MARC21})
	_, err := cs.Search(k.Ctx, z.ID, copycat.Query{Field: copycat.FieldISBN, Term: "9787010193106"})
	e := errs.As(err)
	if e == nil || e.Code != copycat.CodeTargetFailed || e.Kind != errs.KindUnavailable || !strings.Contains(e.Message, "已停用的服务器") {
		t.Fatalf("unreachable: %v", err)
	}
	for _, q := range []copycat.Query{{Field: "isbn", Term: " "}, {Field: "color", Term: "x"}, {Field: "title", Term: strings.Repeat("长", 201)}} {
		if _, err := cs.Search(k.Ctx, z.ID, q); !errs.Is(err, copycat.CodeQueryInvalid) {
			t.Errorf("%+v: %v", q, err)
		}
	}
	if _, _, err := copycat.Decode([]byte("not marc")); !errs.Is(err, copycat.CodeCandidateInvalid) {
		t.Errorf("damaged candidate: %v", err)
	}
}

// oneRecord is a source that always answers with one record.
type oneRecord struct{ rec *marc.Record }

func (o oneRecord) Fetch(context.Context, targets.Target, copycat.Query, int) (int, []*marc.Record, error) {
	return 1, []*marc.Record{o.rec}, nil
}

func TestACandidateTheLibraryHoldsSaysSo(t *testing.T) {
	rec := &marc.Record{Leader: "00000nam a2200000 i 4500", Fields: []marc.Field{
		{Tag: "020", Ind1: ' ', Ind2: ' ', Subfields: []marc.Subfield{{Code: 'a', Value: "9787010193106"}}},
		{Tag: "245", Ind1: '0', Ind2: '0', Subfields: []marc.Subfield{{Code: 'a', Value: "红色家书"}}},
	}}
	k, ts, cs := services(t, oneRecord{rec})
	mine := k.Record("红色家书")
	mine.ISBN = "9787010193106"
	if _, err := k.Catalog.UpdateRecord(k.Ctx, mine); err != nil {
		t.Fatal(err)
	}
	z, _ := ts.AddTarget(k.Ctx, targets.Target{Name: "国图", Kind: targets.SRU, Address: "http://example.cn/sru", Flavor: targets.MARC21})
	res, err := cs.Search(k.Ctx, z.ID, copycat.Query{Field: copycat.FieldISBN, Term: "978-7-01-019310-6"})
	if err != nil || len(res.Candidates) != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	if h := res.Candidates[0].Held; len(h) != 1 || h[0].ID != mine.ID {
		t.Errorf("held: %+v", h)
	}
}
