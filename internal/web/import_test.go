package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/config"
	"shuwu/internal/marc"
)

// upload posts a multipart form with fields and, when data is not nil, a
// file field named "file".
func (b *browser) upload(path string, fields map[string]string, fileName string, data []byte) answer {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			b.t.Fatal(err)
		}
	}
	if data != nil {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			b.t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	if err := mw.Close(); err != nil {
		b.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, b.base+path, &body)
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

// finishedJob follows the redirect of an import to its job page and polls
// it until the report shows.
func finishedJob(t *testing.T, b *browser, res answer) (string, answer) {
	t.Helper()
	loc := res.header.Get("Location")
	if res.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/import/jobs/") {
		t.Fatalf("import: status %d, location %q; body:\n%s", res.status, loc, clip(res.body))
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		page := b.get(loc)
		if !strings.Contains(page.body, `data-state="running"`) {
			return loc, page
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s still running", loc)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestImportPageShowsTheThreeFormsToLibrarians(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/import").want(t, http.StatusOK, "数据导入", `action="/import/marc/preview"`, `action="/import/books/preview"`, `action="/import/roster/preview"`,
		"匹配方式", "有错行则全部不导入", `href="/import/templates/books"`, e.f.Class.Name, "还没有导入任务")
	lib.get("/").want(t, http.StatusOK, `href="/import"`, `href="/export"`)
	res := lib.get("/import/templates/roster")
	if res.status != http.StatusOK || !strings.HasPrefix(res.body, "PK") {
		t.Fatalf("roster template: status %d", res.status)
	}

	duty := e.as(t, "duty1")
	duty.get("/import").want(t, http.StatusForbidden)
	duty.upload("/import/books", nil, "a.csv", []byte("题名\n书\n")).want(t, http.StatusForbidden)
	if home := duty.get("/"); strings.Contains(home.body, `href="/import"`) {
		t.Error("duty staff see the import menu entry")
	}
}

func TestImportWithoutAFileShowsTheFormAgain(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.upload("/import/books", map[string]string{"kind": "books"}, "", nil).want(t, http.StatusUnprocessableEntity, "请选择要上传的文件", `id="books-file" name="file" accept=".xlsx,.csv" aria-invalid="true"`)
	lib.upload("/import/marc/preview", map[string]string{"match": "fuzzy"}, "x.mrc", []byte("x")).want(t, http.StatusUnprocessableEntity, "匹配方式只能是")
}

func TestMARCPreviewShowsRecordsAndStoresNothingUntilConfirmed(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	var file bytes.Buffer
	if err := marc.GenerateTestFile(&file, 3, 7); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	before, err := e.a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := lib.upload("/import/marc/preview", map[string]string{"match": "isbn-title", "on_match": "skip", "encoding": "auto"}, "test.mrc", file.Bytes())
	res.want(t, http.StatusOK, "预览：test.mrc", "确认导入", `name="token"`)
	if n := strings.Count(res.body, `<td data-label="#">`); n != 3 {
		t.Errorf("preview shows %d records, want 3", n)
	}
	after, err := e.a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Records != before.Records {
		t.Fatalf("preview stored records: %d → %d", before.Records, after.Records)
	}

	token := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`).FindStringSubmatch(res.body)[1]
	_, job := finishedJob(t, lib, lib.upload("/import/marc", map[string]string{"token": token, "match": "isbn-title", "on_match": "skip"}, "", nil))
	job.want(t, http.StatusOK, "导入报告", "新增")
	after, err = e.a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Records != before.Records+3 {
		t.Errorf("records %d → %d, want 3 more", before.Records, after.Records)
	}
	// The token is spent.
	lib.upload("/import/marc", map[string]string{"token": token}, "", nil).want(t, http.StatusUnprocessableEntity, "预览的文件已过期")
	lib.get("/import").want(t, http.StatusOK, "test.mrc", "已完成")
}

func TestBookListImportReportsTheRejectedRowAndWhy(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	csv := "题名,作者,出版社,出版年,ISBN,分类号,册数\n" +
		"新时代党的建设,本书编写组,人民出版社,2023,,D26,2\n" +
		"错误书号的书,张三,人民出版社,2021,9787010173611,D26,1\n"
	loc, job := finishedJob(t, lib, lib.upload("/import/books", map[string]string{"kind": "books"}, "书目.csv", []byte(csv)))
	job.want(t, http.StatusOK, "导入报告", "未导入的记录及原因", "第 3 行", "ISBN", "新时代党的建设", loc+"/rejects")
	rej := lib.get(loc + "/rejects")
	if rej.status != http.StatusOK || !strings.Contains(rej.body, "第 3 行") || !strings.Contains(rej.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("rejects: status %d, %q, body %q", rej.status, rej.header.Get("Content-Disposition"), rej.body)
	}
	// htmx asks for the status part alone.
	req, _ := http.NewRequest(http.MethodGet, lib.base+loc, nil)
	req.Header.Set("HX-Request", "true")
	part := lib.do(req)
	if part.status != http.StatusOK || strings.Contains(part.body, "<html") || !strings.Contains(part.body, `id="job-status"`) {
		t.Errorf("htmx part: status %d, body %s", part.status, clip(part.body))
	}
}

func TestRosterImportPutsReadersInTheChosenClass(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	csv := "姓名,单位,职务,手机号\n王五,某县委办公室,科员,13700137000\n"
	classID := strconv.FormatInt(e.f.Class.ID, 10)
	_, job := finishedJob(t, lib, lib.upload("/import/roster", map[string]string{"kind": "roster", "class_id": classID}, "名单.csv", []byte(csv)))
	job.want(t, http.StatusOK, "导入报告", "王五", e.f.Class.Name)
	// The report says how the new trainees log in.
	job.want(t, http.StatusOK, `id="login-help"`, "初始密码为登记的手机号后 6 位")
	lib.get("/classes/"+classID).want(t, http.StatusOK, "王五")
}

// The pages answer an upload over the limit as the API does: 413, with
// the limit named on the form.
func TestAnUploadOverTheLimitIs413OnThePageToo(t *testing.T) {
	e := newEnv(t, func(c *config.Config) { c.MaxUpload = 4 << 10 })
	lib := e.as(t, "librarian")
	big := bytes.Repeat([]byte("题名\n书\n"), 2000)
	lib.upload("/import/books", map[string]string{"kind": "books"}, "a.csv", big).want(t, http.StatusRequestEntityTooLarge,
		"上传的文件过大（最多 4 KB）", `id="books-file" name="file" accept=".xlsx,.csv" aria-invalid="true"`)
	lib.upload("/import/marc/preview", map[string]string{"match": "isbn-title"}, "a.mrc", big).want(t, http.StatusRequestEntityTooLarge, "上传的文件过大（最多 4 KB）")
}

// copiesAt counts the copies standing at a location.
func copiesAt(t *testing.T, e *env, locationID int64) int {
	t.Helper()
	n := 0
	err := e.a.Catalog.EachRecord(t.Context(), func(d catalog.RecordDetail) error {
		for _, it := range d.Items {
			if it.LocationID == locationID {
				n++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// holdingsXML is a MARCXML file of one record whose two copies name no
// location.
const holdingsXML = `<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 a 4500</leader>
<datafield tag="245" ind1="0" ind2="0"><subfield code="a">特藏测试读本</subfield></datafield>
<datafield tag="852" ind1="4" ind2=" "><subfield code="h">D26</subfield><subfield code="p">T9000001</subfield></datafield>
<datafield tag="852" ind1="4" ind2=" "><subfield code="h">D26</subfield><subfield code="p">T9000002</subfield></datafield>
</record></collection>`

// The import page lets the librarian choose where new copies go, for a
// MARC file (through the preview) and for a book list, as the API does.
func TestImportsPutCopiesAtTheChosenLocation(t *testing.T) {
	e := newEnv(t)
	locs, err := e.a.Catalog.Locations(t.Context())
	if err != nil || len(locs) < 2 {
		t.Fatalf("locations = %v, %v; the fixture should have several", locs, err)
	}
	chosen := locs[len(locs)-1] // not the default, which is the first
	id := strconv.FormatInt(chosen.ID, 10)
	lib := e.as(t, "librarian")
	lib.get("/import").want(t, http.StatusOK, `id="marc-location" name="location_id"`, `id="books-location" name="location_id"`,
		`<option value="`+strconv.FormatInt(locs[0].ID, 10)+`" selected>`, `<option value="`+id+`" >`+chosen.Name+`</option>`)

	csv := "题名,作者,出版社,出版年,分类号,册数\n新时代党的建设,本书编写组,人民出版社,2023,D26,2\n"
	before := copiesAt(t, e, chosen.ID)
	finishedJob(t, lib, lib.upload("/import/books", map[string]string{"kind": "books", "location_id": id}, "书目.csv", []byte(csv)))
	if n := copiesAt(t, e, chosen.ID); n != before+2 {
		t.Fatalf("copies at %s after the book list = %d, want %d", chosen.Name, n, before+2)
	}

	res := lib.upload("/import/marc/preview", map[string]string{"location_id": id}, "特藏.xml", []byte(holdingsXML))
	res.want(t, http.StatusOK, "特藏测试读本", `<input type="hidden" name="location_id" value="`+id+`">`)
	token := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`).FindStringSubmatch(res.body)[1]
	finishedJob(t, lib, lib.upload("/import/marc", map[string]string{"token": token, "location_id": id}, "", nil))
	if n := copiesAt(t, e, chosen.ID); n != before+4 {
		t.Fatalf("copies at %s after the MARC file = %d, want %d", chosen.Name, n, before+4)
	}

	lib.upload("/import/books", map[string]string{"kind": "books", "location_id": "书库"}, "书目.csv", []byte(csv)).
		want(t, http.StatusUnprocessableEntity, "馆藏位置“书库”无效")
}

// The same book list posted twice straight to the import (as an old form
// or a script would) is refused, naming the earlier import, unless again
// is asked; the page itself goes through the preview.
func TestUploadingTheSameBookListAgainWarnsBeforeAddingCopies(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	csv := []byte("题名,出版社,分类号,册数\n新时代党的建设,人民出版社,D26,2\n")
	finishedJob(t, lib, lib.upload("/import/books", map[string]string{"kind": "books"}, "书目.csv", csv))
	lib.upload("/import/books", map[string]string{"kind": "books"}, "书目（二）.csv", csv).want(t, http.StatusConflict,
		"这个文件已于", "书目.csv", "再加一遍复本")
	finishedJob(t, lib, lib.upload("/import/books", map[string]string{"kind": "books", "again": "1"}, "书目（二）.csv", csv))
}

// The MARC preview shows each volume of a multi-volume work with its
// volume, as a new record of its own, when the records carry no ISBN.
func TestMARCPreviewShowsVolumesApart(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	var file bytes.Buffer
	w, err := marc.NewWriter(&file, marc.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"第一卷", "第二卷"} {
		rec := &marc.Record{Leader: "00000nam a2200000 i 4500", Fields: []marc.Field{
			{Tag: "245", Ind1: '1', Ind2: '0', Subfields: []marc.Subfield{{Code: 'a', Value: "习近平谈治国理政."}, {Code: 'n', Value: v}}},
			{Tag: "264", Ind1: ' ', Ind2: '1', Subfields: []marc.Subfield{{Code: 'b', Value: "外文出版社"}, {Code: 'c', Value: "2018"}}},
		}}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	res := lib.upload("/import/marc/preview", map[string]string{"match": "isbn-title", "on_match": "skip", "encoding": "auto"}, "vols.mrc", file.Bytes())
	res.want(t, http.StatusOK, "<b>习近平谈治国理政．第一卷</b>", "<b>习近平谈治国理政．第二卷</b>")
	if n := strings.Count(res.body, `badge added`); n != 2 {
		t.Errorf("%d records would be added, want both volumes", n)
	}
}
