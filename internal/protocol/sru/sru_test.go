package sru_test

import (
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/indexing"
	"shuwu/internal/protocol/sru"
	"shuwu/internal/testkit"
)

// env is an SRU server over a real store and search index: six live
// records and one deleted.
type env struct {
	k       *testkit.Kit
	srv     *httptest.Server
	byTitle map[string]catalog.Record
	deleted catalog.Record
}

var titles = []string{"习近平新时代中国特色社会主义思想学习纲要", "中国共产党章程", "红色家书", "论持久战", "党的建设理论读本", "中国共产党简史"}

func newEnv(t *testing.T) *env {
	t.Helper()
	k := testkit.New(t)
	ix, err := indexing.Open(filepath.Join(t.TempDir(), "index"), "", k.Catalog, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	e := &env{k: k, byTitle: map[string]catalog.Record{}}
	for i, title := range titles {
		r := k.Record(title)
		r.Year = 2015 + i
		r.Authors = []catalog.Author{{Name: []string{"本书编写组", "中共中央", "王炳南", "毛泽东", "本书编写组", "本书编写组"}[i]}}
		if title == "红色家书" {
			r.ISBN = "9787010193106"
		}
		if r, err = k.Catalog.UpdateRecord(k.Ctx, r); err != nil {
			t.Fatal(err)
		}
		e.byTitle[title] = r
	}
	e.deleted = k.Record("已剔除的旧书")
	if err := k.Catalog.DeleteRecord(k.Ctx, e.deleted.ID); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/sru", sru.New(sru.Deps{Search: ix, Catalog: k.Catalog}))
	e.srv = httptest.NewServer(mux)
	t.Cleanup(e.srv.Close)
	return e
}

// response is the part of every SRU answer the tests read.
type response struct {
	XMLName xml.Name
	Version string `xml:"version"`
	Total   int    `xml:"numberOfRecords"`
	Records []struct {
		Schema   string `xml:"recordSchema"`
		Packing  string `xml:"recordPacking"`
		Escaping string `xml:"recordXMLEscaping"`
		Data     struct {
			Inner string `xml:",innerxml"`
		} `xml:"recordData"`
		Position int `xml:"recordPosition"`
	} `xml:"records>record"`
	Next        int `xml:"nextRecordPosition"`
	Diagnostics []struct {
		URI     string `xml:"uri"`
		Details string `xml:"details"`
		Message string `xml:"message"`
	} `xml:"diagnostics>diagnostic"`
	Terms []struct {
		Value string `xml:"value"`
		Count int    `xml:"numberOfRecords"`
	} `xml:"terms>term"`
	Explain struct {
		Inner string `xml:",innerxml"`
	} `xml:"record>recordData"`
}

func (e *env) get(t *testing.T, params url.Values) response {
	t.Helper()
	res, err := http.Get(e.srv.URL + "/sru?" + params.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/xml") {
		t.Fatalf("%v: status %d, type %q", params, res.StatusCode, res.Header.Get("Content-Type"))
	}
	var r response
	if err := xml.Unmarshal(body, &r); err != nil {
		t.Fatalf("%v: not XML: %v\n%s", params, err, body)
	}
	return r
}

func search12(query string, more ...string) url.Values {
	v := url.Values{"version": {"1.2"}, "operation": {"searchRetrieve"}, "query": {query}}
	for i := 0; i+1 < len(more); i += 2 {
		v.Set(more[i], more[i+1])
	}
	return v
}

func (r response) diag(t *testing.T, want string) {
	t.Helper()
	if len(r.Diagnostics) == 0 || r.Diagnostics[0].URI != "info:srw/diagnostic/1/"+want {
		t.Fatalf("diagnostics %+v, want info:srw/diagnostic/1/%s", r.Diagnostics, want)
	}
}

func TestSearchRetrieveFindsARecordAsMARCXML(t *testing.T) {
	e := newEnv(t)
	r := e.get(t, search12("dc.title=红色家书"))
	if r.XMLName.Space != "http://www.loc.gov/zing/srw/" || r.XMLName.Local != "searchRetrieveResponse" || r.Version != "1.2" {
		t.Fatalf("root %v version %q", r.XMLName, r.Version)
	}
	if r.Total != 1 || len(r.Records) != 1 || r.Records[0].Position != 1 || r.Records[0].Packing != "xml" {
		t.Fatalf("total %d, records %+v", r.Total, r.Records)
	}
	data := r.Records[0].Data.Inner
	for _, want := range []string{`xmlns="http://www.loc.gov/MARC21/slim"`, `tag="245"`, "红色家书", "9787010193106", "王炳南"} {
		if !strings.Contains(data, want) {
			t.Errorf("record lacks %q:\n%s", want, data)
		}
	}
	// The same by ISBN, and by author.
	if r := e.get(t, search12("bath.isbn=978-7-01-019310-6")); r.Total != 1 {
		t.Errorf("bath.isbn: %d hits", r.Total)
	}
	if r := e.get(t, search12(`dc.creator="本书编写组"`)); r.Total != 3 {
		t.Errorf("dc.creator: %d hits, want 3", r.Total)
	}
}

func TestBooleansAndRelations(t *testing.T) {
	e := newEnv(t)
	cases := map[string]int{
		`dc.title=中国共产党`:                                    2,
		`dc.title=中国共产党 and dc.date>=2020`:                  1, // 简史 (2020)
		`dc.title=中国共产党 not dc.title=章程`:                    1,
		`dc.title=红色家书 or dc.title=论持久战`:                    2,
		`dc.title any "红色家书 论持久战"`:                          2,
		`dc.title all "中国共产党 简史"`:                           1,
		`dc.date within "2015 2016"`:                        2,
		`dc.date<2016`:                                      1,
		`dc.date<>2015`:                                     5,
		`cql.allRecords=1`:                                  6,
		`dc.creator=本书编写组 and (dc.title=党 or dc.title=纲要)`:  3,
		`dc.creator=本书编写组 and (dc.title=红色 or dc.title=纲要)`: 1,
		`rec.id=` + "1":                                     1,
		`中国共产党`:                                             2,
		`title=论持久战`:                                        1, // the default context set is dc
	}
	for q, want := range cases {
		if r := e.get(t, search12(q)); r.Total != want || len(r.Diagnostics) > 0 {
			t.Errorf("%s: %d hits (diagnostics %+v), want %d", q, r.Total, r.Diagnostics, want)
		}
	}
}

func TestPagingCoversEveryRecordOnce(t *testing.T) {
	e := newEnv(t)
	seen := map[string]bool{}
	start := 1
	for pages := 0; start > 0; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		r := e.get(t, search12("cql.allRecords=1", "maximumRecords", "4", "startRecord", itoa(start), "recordSchema", "dc"))
		for i, rec := range r.Records {
			if rec.Position != start+i {
				t.Errorf("position %d, want %d", rec.Position, start+i)
			}
			seen[rec.Data.Inner] = true
		}
		start = r.Next
	}
	if len(seen) != 6 {
		t.Errorf("%d distinct records over the pages, want 6", len(seen))
	}
	// Offsets not aligned with the page size still page in rank order.
	a := e.get(t, search12("中国", "maximumRecords", "3"))
	b := e.get(t, search12("中国", "maximumRecords", "2", "startRecord", "2"))
	if len(b.Records) != 2 || b.Records[0].Data.Inner != a.Records[1].Data.Inner || b.Records[1].Data.Inner != a.Records[2].Data.Inner {
		t.Errorf("startRecord=2 does not continue the first page")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRecordSchemasAndPacking(t *testing.T) {
	e := newEnv(t)
	cn := e.get(t, search12("dc.title=论持久战", "recordSchema", "cnmarcxml"))
	if len(cn.Records) != 1 || !strings.Contains(cn.Records[0].Data.Inner, `tag="200"`) || !strings.Contains(cn.Records[0].Data.Inner, "论持久战") {
		t.Fatalf("cnmarcxml: %+v", cn.Records)
	}
	dc := e.get(t, search12("dc.title=论持久战", "recordSchema", "info:srw/schema/1/dc-v1.1"))
	if len(dc.Records) != 1 || !strings.Contains(dc.Records[0].Data.Inner, "<dc:title>论持久战</dc:title>") || !strings.Contains(dc.Records[0].Data.Inner, "<dc:creator>毛泽东</dc:creator>") {
		t.Fatalf("dc: %+v", dc.Records)
	}
	str := e.get(t, search12("dc.title=论持久战", "recordPacking", "string"))
	if len(str.Records) != 1 || str.Records[0].Packing != "string" || !strings.Contains(str.Records[0].Data.Inner, "&lt;record") {
		t.Fatalf("string packing: %+v", str.Records)
	}
	v2 := e.get(t, url.Values{"query": {"dc.title=论持久战"}, "recordXMLEscaping": {"string"}})
	if v2.XMLName.Space != "http://docs.oasis-open.org/ns/search-ws/sruResponse" || v2.Version != "2.0" || len(v2.Records) != 1 || v2.Records[0].Escaping != "string" {
		t.Fatalf("2.0: %v %q %+v", v2.XMLName, v2.Version, v2.Records)
	}
}

func TestDiagnostics(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		params url.Values
		want   string
	}{
		{url.Values{"version": {"1.2"}, "operation": {"searchRetrieve"}}, "7"},
		{search12("(dc.title=党"), "10"},
		{search12("dc.title="), "10"},
		{search12("dc.nonsense=党"), "16"},
		{search12("dc.title encloses 党"), "19"},
		{search12("dc.title=/fuzzy 党"), "20"},
		{search12("dc.title=*党"), "28"},
		{search12("党 prox 史"), "37"},
		{search12("党 sortBy dc.date"), "80"},
		{search12("党", "recordSchema", "mods"), "66"},
		{search12("党", "recordPacking", "zip"), "71"},
		{search12("党", "startRecord", "0"), "6"},
		{search12("党", "startRecord", "99"), "61"},
		{search12("党", "maximumRecords", "-1"), "6"},
		{search12("党", "nonsense", "1"), "8"},
		{url.Values{"version": {"3.0"}, "query": {"党"}}, "5"},
		{url.Values{"version": {"1.2"}, "operation": {"delete"}}, "4"},
		{search12("rec.id=abc"), "6"},
	}
	for _, c := range cases {
		r := e.get(t, c.params)
		if len(r.Records) > 0 {
			t.Errorf("%v: records beside a fatal diagnostic", c.params)
		}
		t.Run(c.params.Encode(), func(t *testing.T) { r.diag(t, c.want) })
	}
}

func TestADeletedRecordIsNoLongerHeld(t *testing.T) {
	e := newEnv(t)
	r := e.get(t, search12("rec.id="+strconv.FormatInt(e.deleted.ID, 10)))
	if r.Total != 0 {
		t.Fatalf("deleted record found: %d", r.Total)
	}
	r.diag(t, "65")
	if !strings.Contains(r.Diagnostics[0].Details, "no longer held") || !strings.Contains(r.Diagnostics[0].Details, "本馆已不再收藏") {
		t.Errorf("details %q", r.Diagnostics[0].Details)
	}
	if r := e.get(t, search12("rec.id=99999")); len(r.Diagnostics) != 0 || r.Total != 0 {
		t.Errorf("a record that never existed: %+v", r)
	}
}

func TestScanBrowsesTitlesAndNames(t *testing.T) {
	e := newEnv(t)
	r := e.get(t, url.Values{"version": {"1.2"}, "operation": {"scan"}, "scanClause": {"dc.creator=本"}, "maximumTerms": {"2"}})
	if r.XMLName.Local != "scanResponse" || len(r.Terms) != 2 || r.Terms[0].Value != "本书编写组" || r.Terms[0].Count != 3 {
		t.Fatalf("scan: %v %+v", r.XMLName, r.Terms)
	}
	r = e.get(t, url.Values{"scanClause": {`dc.title="中国共产党"`}})
	if r.XMLName.Space != "http://docs.oasis-open.org/ns/search-ws/scan" || len(r.Terms) == 0 || !strings.HasPrefix(r.Terms[0].Value, "中国共产党") {
		t.Fatalf("2.0 scan: %v %+v", r.XMLName, r.Terms)
	}
	r = e.get(t, url.Values{"version": {"1.2"}, "operation": {"scan"}, "scanClause": {"dc.subject=党"}})
	r.diag(t, "16")
}

func TestExplainNamesIndexesAndSchemas(t *testing.T) {
	e := newEnv(t)
	for _, p := range []url.Values{{}, {"version": {"1.2"}, "operation": {"explain"}}} {
		r := e.get(t, p)
		if r.XMLName.Local != "explainResponse" {
			t.Fatalf("%v: %v", p, r.XMLName)
		}
		for _, want := range []string{`<name set="dc">title</name>`, `name="marcxml"`, `name="cnmarcxml"`, "题名", `type="maximumRecords">100<`} {
			if !strings.Contains(r.Explain.Inner, want) {
				t.Errorf("%v: explain lacks %q", p, want)
			}
		}
	}
}
