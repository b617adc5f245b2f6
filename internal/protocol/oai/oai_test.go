package oai_test

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/protocol/oai"
	"shuwu/internal/testkit"
)

// env is a provider on a real store with five live records and one
// deleted, served over HTTP.
type env struct {
	k       *testkit.Kit
	srv     *httptest.Server
	live    []catalog.Record
	deleted catalog.Record
}

var titles = []string{"习近平新时代中国特色社会主义思想学习纲要", "中国共产党章程", "红色家书", "论持久战", "党的建设理论读本"}

func newEnv(t *testing.T, pageSize int) *env {
	t.Helper()
	k := testkit.New(t)
	e := &env{k: k}
	for i, title := range titles {
		k.Clock.AddDays(1)
		r := k.Record(title)
		if i == 0 {
			r.Subjects = []string{"党的建设"}
			r.ISBN = "9787514709735"
			var err error
			if r, err = k.Catalog.UpdateRecord(k.Ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		e.live = append(e.live, r)
	}
	k.Clock.AddDays(1)
	e.deleted = k.Record("已剔除的旧书")
	k.Clock.AddDays(1)
	if err := k.Catalog.DeleteRecord(k.Ctx, e.deleted.ID); err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(oai.New(oai.Deps{Catalog: k.Catalog, PageSize: pageSize, Now: k.Clock.Now, AdminEmail: "lib@example.org"}))
	t.Cleanup(e.srv.Close)
	return e
}

func (e *env) get(t *testing.T, q string) string {
	t.Helper()
	res, err := http.Get(e.srv.URL + "/oai?" + q)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/xml") {
		t.Fatalf("%s: status %d, type %s", q, res.StatusCode, res.Header.Get("Content-Type"))
	}
	// Every answer is well-formed XML in the OAI namespace.
	d := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v\n%s", q, err, b)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "OAI-PMH" && se.Name.Space != "http://www.openarchives.org/OAI/2.0/" {
			t.Fatalf("%s: root namespace %q", q, se.Name.Space)
		}
	}
	return string(b)
}

func want(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Fatalf("response lacks %q:\n%s", p, body)
		}
	}
}

func TestIdentifyFormatsAndSets(t *testing.T) {
	e := newEnv(t, 100)
	want(t, e.get(t, "verb=Identify"), "<protocolVersion>2.0</protocolVersion>", "<deletedRecord>persistent</deletedRecord>",
		"<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>", "<baseURL>"+e.srv.URL+"/oai</baseURL>", "<earliestDatestamp>2024-09-0")
	want(t, e.get(t, "verb=ListMetadataFormats"), "<metadataPrefix>oai_dc</metadataPrefix>", "<metadataPrefix>marcxml</metadataPrefix>")
	want(t, e.get(t, "verb=ListMetadataFormats&identifier="+oai.IDPrefix+"999999"), `<error code="idDoesNotExist">`)
	want(t, e.get(t, "verb=ListSets"), "<setSpec>", "<setName>")
}

func TestErrors(t *testing.T) {
	e := newEnv(t, 100)
	want(t, e.get(t, "verb=Nonsense"), `<error code="badVerb">`)
	want(t, e.get(t, ""), `<error code="badVerb">`)
	want(t, e.get(t, "verb=ListRecords"), `<error code="badArgument">`, "metadataPrefix")
	want(t, e.get(t, "verb=ListRecords&metadataPrefix=mods"), `<error code="cannotDisseminateFormat">`)
	want(t, e.get(t, "verb=ListRecords&metadataPrefix=oai_dc&color=red"), `<error code="badArgument">`)
	want(t, e.get(t, "verb=ListRecords&metadataPrefix=oai_dc&from=2024-09-01&until=2024-09-09T00:00:00Z"), `<error code="badArgument">`, "granularity")
	want(t, e.get(t, "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday"), `<error code="badArgument">`)
	want(t, e.get(t, "verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01"), `<error code="noRecordsMatch">`)
	want(t, e.get(t, "verb=ListRecords&resumptionToken=garbage"), `<error code="badResumptionToken">`)
	want(t, e.get(t, "verb=ListRecords&metadataPrefix=oai_dc&set=no-such-set"), `<error code="noRecordsMatch">`)
	want(t, e.get(t, "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1"), `<error code="idDoesNotExist">`)
}

func TestGetRecordLiveAndDeleted(t *testing.T) {
	e := newEnv(t, 100)
	id := url.QueryEscape(oai.IDPrefix + itoa(e.live[0].ID))
	body := e.get(t, "verb=GetRecord&metadataPrefix=oai_dc&identifier="+id)
	want(t, body, "<dc:title>习近平新时代中国特色社会主义思想学习纲要</dc:title>", "<dc:subject>党的建设</dc:subject>", "<dc:identifier>ISBN 9787514709735</dc:identifier>", "<dc:publisher>人民出版社</dc:publisher>")
	body = e.get(t, "verb=GetRecord&metadataPrefix=marcxml&identifier="+id)
	want(t, body, `<record xmlns="http://www.loc.gov/MARC21/slim">`, `tag="245"`, "习近平新时代中国特色社会主义思想学习纲要")
	body = e.get(t, "verb=GetRecord&metadataPrefix=oai_dc&identifier="+url.QueryEscape(oai.IDPrefix+itoa(e.deleted.ID)))
	want(t, body, `<header status="deleted">`, "<datestamp>2024-09-")
	if strings.Contains(body, "<metadata>") {
		t.Fatalf("a deleted record carries metadata:\n%s", body)
	}
}

func TestListsPageWithResumptionTokens(t *testing.T) {
	e := newEnv(t, 2)
	var ids []string
	q := "verb=ListIdentifiers&metadataPrefix=oai_dc"
	for page := 0; page < 10; page++ {
		body := e.get(t, q)
		for _, part := range strings.Split(body, "<identifier>")[1:] {
			ids = append(ids, part[:strings.Index(part, "<")])
		}
		want(t, body, `completeListSize="6"`)
		tok := between(body, `">`, "</resumptionToken>", "<resumptionToken")
		if tok == "" {
			break
		}
		q = "verb=ListIdentifiers&resumptionToken=" + url.QueryEscape(tok)
	}
	if len(ids) != 6 || ids[5] != oai.IDPrefix+itoa(e.deleted.ID) {
		t.Fatalf("harvested %v; want the 5 records then the deletion, in datestamp order", ids)
	}
	// A window by datestamp: the second and third records only.
	from := e.live[1].UpdatedAt.UTC().Format("2006-01-02")
	until := e.live[2].UpdatedAt.UTC().Format("2006-01-02")
	body := e.get(t, "verb=ListRecords&metadataPrefix=oai_dc&from="+from+"&until="+until)
	want(t, body, "中国共产党章程", "红色家书")
	if strings.Contains(body, "论持久战") || strings.Contains(body, "resumptionToken") {
		t.Fatalf("window %s..%s holds more:\n%s", from, until, body)
	}
}

func between(s, open, close, anchor string) string {
	i := strings.Index(s, anchor)
	if i < 0 {
		return ""
	}
	s = s[i:]
	j := strings.Index(s, open)
	k := strings.Index(s, close)
	if j < 0 || k < 0 || j+len(open) > k {
		return ""
	}
	return s[j+len(open) : k]
}

func itoa(n int64) string {
	return strings.TrimSpace(strings.Replace(strings.Repeat(" ", 0)+formatInt(n), " ", "", -1))
}

func formatInt(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestAReusedIdentifierLivesAgain(t *testing.T) {
	// SQLite hands the id of the last deleted record to the next one; the
	// identifier then describes the new record and its tombstone goes.
	e := newEnv(t, 100)
	e.k.Clock.AddDays(1)
	r := e.k.Record("新版学习读本")
	body := e.get(t, "verb=GetRecord&metadataPrefix=oai_dc&identifier="+url.QueryEscape(oai.IDPrefix+itoa(r.ID)))
	want(t, body, "<dc:title>新版学习读本</dc:title>")
	if strings.Contains(body, `status="deleted"`) {
		t.Fatalf("a live record is reported deleted:\n%s", body)
	}
	if n := strings.Count(e.get(t, "verb=ListIdentifiers&metadataPrefix=oai_dc"), "<identifier>"+oai.IDPrefix+itoa(r.ID)+"<"); n != 1 {
		t.Fatalf("identifier %d listed %d times, want once", r.ID, n)
	}
}
