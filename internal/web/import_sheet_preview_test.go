package web_test

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// tokenOf reads the confirmation token of a preview page.
func tokenOf(t *testing.T, a answer) string {
	t.Helper()
	m := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`).FindStringSubmatch(a.body)
	if m == nil {
		t.Fatalf("no confirmation token on the page:\n%s", clip(a.body))
	}
	return m[1]
}

// count reads one figure of a preview page by its message key.
func count(t *testing.T, a answer, key string) int {
	t.Helper()
	m := regexp.MustCompile(`data-count="` + regexp.QuoteMeta(key) + `"><b>(\d+)</b>`).FindStringSubmatch(a.body)
	if m == nil {
		t.Fatalf("no figure %s on the page", key)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func (e *env) records(t *testing.T) (records, items int) {
	t.Helper()
	c, err := e.a.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return c.Records, c.Items
}

// A book list is previewed before anything is stored: the counts, the
// rejected row with its number and reason, the warned row, the first rows
// as they will be imported and how the columns were read. Confirming
// imports exactly that.
func TestBookListPreviewSaysWhatWouldHappenThenConfirmImportsIt(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	known := e.f.Records[0]
	csv := "2024年新书清单\n书名,作者,出版社,ISBN,分类号,册数,备注\n" +
		"新时代党的建设,本书编写组,人民出版社,,D26,2,\n" +
		"新时代党的建设,本书编写组,人民出版社,,D26,1,\n" +
		known.Title + ",,人民出版社," + known.ISBN + ",D26,3,\n" +
		"地方党史,,地方出版社,,A99,1,\n" +
		"错误书号的书,张三,人民出版社,9787010173611,D26,1,采购\n"
	records, items := e.records(t)
	res := lib.upload("/import/books/preview", map[string]string{"kind": "books", "map": "书名=题名"}, "新书.csv", []byte(csv))
	res.want(t, http.StatusOK, "预览：新书.csv", "已读完全部 5 行，尚未保存任何数据", "确认导入",
		"不能导入的行及原因", "第 7 行", "ISBN 校验位错误", "错误书号的书",
		"将导入的行", "第 3 行", "新时代党的建设", "第 6 行", "A99", `href="/records/`+strconv.FormatInt(known.ID, 10)+`"`,
		"表头所在行", "第 2 行", "书名", "按表头映射", "备注", "不导入", "文件中没有这些列（导入时留空）：卷次、分册名、版次、出版年、价格、来源、捐赠人、馆藏位置")
	for key, want := range map[string]int{"import.read": 5, "import.preview.added.books": 2, "import.matched": 2, "import.items": 7,
		"import.preview.warned": 1, "import.rejected": 1} {
		if n := count(t, res, key); n != want {
			t.Errorf("%s = %d, want %d", key, n, want)
		}
	}
	if strings.Contains(res.body, `id="imported-before"`) || strings.Contains(res.body, `name="again"`) {
		t.Error("a new file is said to have been imported before")
	}
	if r, i := e.records(t); r != records || i != items {
		t.Fatalf("the preview stored something: records %d → %d, copies %d → %d", records, r, items, i)
	}

	token := tokenOf(t, res)
	res.want(t, http.StatusOK, `<input type="hidden" name="map" value="书名=题名">`)
	_, job := finishedJob(t, lib, lib.upload("/import/books", map[string]string{"token": token, "kind": "books", "map": "书名=题名"}, "", nil))
	job.want(t, http.StatusOK, "导入报告", "第 7 行", "新时代党的建设")
	if r, i := e.records(t); r != records+2 || i != items+7 {
		t.Errorf("after confirming: records %d → %d (want +2), copies %d → %d (want +7)", records, r, items, i)
	}
	// The token is spent.
	lib.upload("/import/books", map[string]string{"token": token, "kind": "books"}, "", nil).want(t, http.StatusUnprocessableEntity, "预览的文件已过期")
}

// Uploading a book list already imported: the preview says so plainly,
// when and by which job; confirming without 仍要再次导入 adds nothing and
// shows the preview again; ticked, the copies are added again.
func TestReuploadedBookListPreviewWarnsAndNeedsImportAgain(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	csv := []byte("题名,出版社,分类号,册数\n新时代党的建设,人民出版社,D26,2\n")
	first := lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "书目.csv", csv)
	loc, _ := finishedJob(t, lib, lib.upload("/import/books", map[string]string{"token": tokenOf(t, first), "kind": "books"}, "", nil))
	_, items := e.records(t)

	again := lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "书目（二）.csv", csv)
	again.want(t, http.StatusOK, `id="imported-before"`, "这个文件已于", "导入过（文件名“书目.csv”，读取 1 行，入库 1 行）",
		"再次导入会再加一遍复本", `href="`+loc+`"`, "查看那次的导入报告", `id="books-again"`, "仍要再次导入")

	refused := lib.upload("/import/books", map[string]string{"token": tokenOf(t, again), "kind": "books"}, "", nil)
	refused.want(t, http.StatusConflict, "预览：书目（二）.csv", "请勾选“仍要再次导入”", `id="imported-before"`)
	if _, i := e.records(t); i != items {
		t.Fatalf("confirming without 仍要再次导入 added copies: %d → %d", items, i)
	}
	_, job := finishedJob(t, lib, lib.upload("/import/books", map[string]string{"token": tokenOf(t, refused), "kind": "books", "again": "1"}, "", nil))
	job.want(t, http.StatusOK, "导入报告")
	if _, i := e.records(t); i != items+2 {
		t.Errorf("importing again: copies %d → %d, want 2 more", items, i)
	}
}

// A roster's preview names the class every trainee goes to, the readers
// to be enrolled or updated, and keeps a malformed phone as a warning.
func TestRosterPreviewNamesTheClassAndTheTrainees(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	classID := strconv.FormatInt(e.f.Class.ID, 10)
	csv := "姓名,单位,职务,手机号\n王五,某县委办公室,科员,13700137000\n赵六,县财政局,副科长,1370013700\n,乡政府,,13900139000\n"
	res := lib.upload("/import/roster/preview", map[string]string{"kind": "roster", "class_id": classID}, "名单.csv", []byte(csv))
	res.want(t, http.StatusOK, "预览：名单.csv", `id="preview-class">全部编入“`+e.f.Class.Name+`”`, "王五", "赵六", "手机号“1370013700”不对",
		"第 4 行", "姓名不能为空", `<input type="hidden" name="class_id" value="`+classID+`">`)
	for key, want := range map[string]int{"import.read": 3, "import.preview.added.roster": 2, "import.updated": 0, "import.rejected": 1, "import.preview.warned": 1} {
		if n := count(t, res, key); n != want {
			t.Errorf("%s = %d, want %d", key, n, want)
		}
	}
	lib.get("/classes/"+classID).want(t, http.StatusOK)
	if c := lib.get("/classes/" + classID); strings.Contains(c.body, "王五") {
		t.Fatal("the roster preview enrolled a trainee")
	}
	_, job := finishedJob(t, lib, lib.upload("/import/roster", map[string]string{"token": tokenOf(t, res), "kind": "roster", "class_id": classID}, "", nil))
	job.want(t, http.StatusOK, "导入报告", "王五")
	lib.get("/classes/"+classID).want(t, http.StatusOK, "王五", "赵六")
}

// Files that cannot be imported come back to the import page with a
// Chinese reason on the form, and nothing is kept or stored.
func TestSheetPreviewRefusesBadFilesPlainly(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	records, items := e.records(t)
	lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "", nil).
		want(t, http.StatusUnprocessableEntity, "请选择要上传的文件", `id="books-file" name="file" accept=".xlsx,.csv" aria-invalid="true"`)
	lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "书目.csv", []byte("书名,作者\n新时代党的建设,本书编写组\n")).
		want(t, http.StatusUnprocessableEntity, "没有找到“题名”列", `action="/import/books/preview"`)
	lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "书目.csv", []byte("题名,作者\n")).
		want(t, http.StatusUnprocessableEntity, "表中没有读到数据行")
	lib.upload("/import/books/preview", map[string]string{"kind": "books", "map": "书名"}, "书目.csv", []byte("题名\n书\n")).
		want(t, http.StatusUnprocessableEntity, "应写成 原列名=标准列名")
	lib.upload("/import/roster/preview", map[string]string{"kind": "roster", "class_id": "九班"}, "名单.csv", []byte("姓名\n王五\n")).
		want(t, http.StatusUnprocessableEntity, "班次“九班”无效")

	// Every row wrong: the preview says why, and offers no confirmation.
	bad := lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "书目.csv", []byte("题名,ISBN\n错误书号的书,9787010173611\n"))
	bad.want(t, http.StatusOK, `id="preview-blocked"`, "文件中没有能导入的行", "第 2 行", "重新上传")
	if strings.Contains(bad.body, `name="token"`) {
		t.Error("a file with nothing to import can be confirmed")
	}
	// All or nothing with a wrong row: confirming would store nothing.
	aon := lib.upload("/import/books/preview", map[string]string{"kind": "books", "all_or_nothing": "1"}, "书目.csv",
		[]byte("题名,ISBN\n新时代党的建设,\n错误书号的书,9787010173611\n"))
	aon.want(t, http.StatusOK, "有 1 行不能导入，且选了“有错行则全部不导入”")
	if strings.Contains(aon.body, `name="token"`) {
		t.Error("an all-or-nothing list with a wrong row can be confirmed")
	}

	// A roster's token does not start a book list.
	roster := lib.upload("/import/roster/preview", map[string]string{"kind": "roster", "class_id": strconv.FormatInt(e.f.Class.ID, 10)}, "名单.csv", []byte("姓名\n王五\n"))
	lib.upload("/import/books", map[string]string{"token": tokenOf(t, roster), "kind": "books"}, "", nil).want(t, http.StatusUnprocessableEntity, "预览的文件已过期")
	if r, i := e.records(t); r != records || i != items {
		t.Errorf("bad files stored something: records %d → %d, copies %d → %d", records, r, items, i)
	}

	duty := e.as(t, "duty1")
	duty.upload("/import/books/preview", map[string]string{"kind": "books"}, "a.csv", []byte("题名\n书\n")).want(t, http.StatusForbidden)
}

// The preview speaks English where the page is English.
func TestSheetPreviewInEnglish(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/import?lang=en")
	res := lib.upload("/import/books/preview?lang=en", map[string]string{"kind": "books"}, "list.csv", []byte("题名,ISBN\n新时代党的建设,\n错误书号的书,9787010173611\n"))
	res.want(t, http.StatusOK, "Preview", "All 2 rows were read and nothing is stored yet", "Rows that cannot be imported, and why", "Columns", `id="confirm-import">Import<`)
}

// A roster uploaded again is named on its preview, and its people show
// as readers on file that would be updated, not new ones.
func TestReuploadedRosterPreviewSaysTheReadersAreOnFile(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	classID := strconv.FormatInt(e.f.Class.ID, 10)
	csv := []byte("姓名,单位,手机号\n王五,某县委办公室,13700137000\n")
	first := lib.upload("/import/roster/preview", map[string]string{"kind": "roster", "class_id": classID}, "名单.csv", csv)
	finishedJob(t, lib, lib.upload("/import/roster", map[string]string{"token": tokenOf(t, first), "kind": "roster", "class_id": classID}, "", nil))
	again := lib.upload("/import/roster/preview", map[string]string{"kind": "roster", "class_id": classID}, "名单.csv", csv)
	again.want(t, http.StatusOK, `id="imported-before"`, "已登记的读者按名单更新并编入班次", `id="roster-again"`)
	if n := count(t, again, "import.updated"); n != 1 {
		t.Errorf("readers on file to update = %d, want 1", n)
	}
	if n := count(t, again, "import.preview.added.roster"); n != 0 {
		t.Errorf("new readers = %d, want 0", n)
	}
}

// A long list is counted whole but listed in part: every problem row
// first, then the first good ones, and the page says how many are left
// out.
func TestLongBookListPreviewListsTheFirstRowsAndCountsTheRest(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	var b strings.Builder
	b.WriteString("题名,出版社,分类号,册数\n")
	for i := range 300 {
		b.WriteString("党建读本第" + strconv.Itoa(i+1) + "册,人民出版社,D26,1\n")
	}
	res := lib.upload("/import/books/preview", map[string]string{"kind": "books"}, "长清单.csv", []byte(b.String()))
	res.want(t, http.StatusOK, "已读完全部 300 行", "党建读本第1册", `id="preview-hidden"`, "另有 280 行未逐行列出")
	if n := count(t, res, "import.preview.added.books"); n != 300 {
		t.Errorf("new records = %d, want 300", n)
	}
	if strings.Contains(res.body, "党建读本第21册") {
		t.Error("the preview lists more than the first 20 good rows")
	}
}
