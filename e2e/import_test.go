package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"shuwu/internal/catalog"

	"github.com/chromedp/chromedp"
)

// TestLibrarianImportsBookList: the librarian uploads a CSV book list on
// the import page, choosing where its copies go, reads the preview (how
// many rows make new records and copies, the row that cannot be imported
// and why), confirms, watches the job until it is done and reads the
// report. Uploading the same file again, the preview says it was imported
// before, and the import goes on only with 仍要再次导入 ticked.
func TestLibrarianImportsBookList(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	locs, err := s.a.Catalog.Locations(t.Context())
	if err != nil || len(locs) < 2 {
		t.Fatalf("locations = %v, %v", locs, err)
	}
	chosen := locs[len(locs)-1] // not the first, which is preselected

	csv := filepath.Join(t.TempDir(), "新书清单.csv")
	data := "题名,作者,出版社,出版年,ISBN,分类号,册数\n" +
		"新时代党的建设,本书编写组,人民出版社,2023,,D26,2\n" +
		"错误书号的书,张三,人民出版社,2021,9787010173611,D26,1\n"
	if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	upload := func(what string) {
		do(t, lib, what,
			chromedp.Navigate(s.url+"/import"),
			chromedp.WaitVisible(chromedp.CSS("#books-file")),
			chromedp.SetUploadFiles(chromedp.CSS("#books-file"), []string{csv}),
			chromedp.SetValue(chromedp.CSS("#books-location"), strconv.FormatInt(chosen.ID, 10)),
			chromedp.Click(chromedp.CSS("#books-preview")),
			chromedp.WaitVisible(chromedp.CSS("#preview-counts")),
		)
	}
	upload("upload the book list for a preview")
	wantText(t, lib, "h1", "预览：新书清单.csv")
	wantText(t, lib, "#preview-counts", "2\n读取", "1\n新增书目", "2\n新增复本", "1\n未导入")
	wantText(t, lib, "#preview-rejects", "第 3 行", "ISBN", "错误书号的书")
	wantText(t, lib, "#preview-rows", "第 2 行", "新时代党的建设", "2 册")
	wantText(t, lib, "#preview-columns", "题名", "册数")
	wantText(t, lib, ".facts", chosen.Name)
	keep(t, lib, "import-books-preview-desktop")
	if n := copiesOf(t, s, "新时代党的建设", chosen.ID); n != 0 {
		t.Fatalf("the preview stored %d copies", n)
	}
	do(t, lib, "confirm the import",
		chromedp.Click(chromedp.CSS("#confirm-import")),
		chromedp.WaitVisible(chromedp.CSS(`#job-status[data-state="done"] #report`)),
	)
	wantText(t, lib, ".flash", "已开始导入", "新书清单.csv")
	wantText(t, lib, "#report .grid", "新增", "未导入")
	wantText(t, lib, "#rejects", "第 3 行", "ISBN")
	wantText(t, lib, "#report", "新时代党的建设")
	if n := copiesOf(t, s, "新时代党的建设", chosen.ID); n != 2 {
		t.Fatalf("copies of 新时代党的建设 at %s = %d; want the 2 of the list", chosen.Name, n)
	}

	upload("upload the same book list again")
	wantText(t, lib, "#imported-before", "这个文件已于", "导入过", "新书清单.csv", "再次导入会再加一遍复本")
	keep(t, lib, "import-books-reupload-desktop")
	do(t, lib, "confirm without ticking 仍要再次导入",
		chromedp.Click(chromedp.CSS("#confirm-import")),
		chromedp.WaitVisible(chromedp.CSS("#books-again[aria-invalid]")),
	)
	wantText(t, lib, "#confirm", "请勾选“仍要再次导入”")
	if n := copiesOf(t, s, "新时代党的建设", chosen.ID); n != 2 {
		t.Fatalf("confirming without 仍要再次导入 added copies: %d", n)
	}
	do(t, lib, "tick 仍要再次导入 and confirm",
		chromedp.Click(chromedp.CSS("#books-again")),
		chromedp.Click(chromedp.CSS("#confirm-import")),
		chromedp.WaitVisible(chromedp.CSS(`#job-status[data-state="done"] #report`)),
	)
	if n := copiesOf(t, s, "新时代党的建设", chosen.ID); n != 4 {
		t.Fatalf("copies after importing again = %d, want 4", n)
	}

	phone := person(t, browser)
	login(t, phone, s.url, "librarian")
	onPhone(t, phone)
	do(t, phone, "preview the book list on a phone",
		chromedp.Navigate(s.url+"/import"),
		chromedp.WaitVisible(chromedp.CSS("#books-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#books-file"), []string{csv}),
		chromedp.Click(chromedp.CSS("#books-preview")),
		chromedp.WaitVisible(chromedp.CSS("#preview-counts")),
	)
	wantText(t, phone, "#imported-before", "这个文件已于")
	fitsScreen(t, phone, "book list preview")
	keep(t, phone, "import-books-preview-phone")
}

// copiesOf counts the copies of the record titled title at a location.
func copiesOf(t *testing.T, s *site, title string, locationID int64) int {
	t.Helper()
	n := 0
	err := s.a.Catalog.EachRecord(t.Context(), func(d catalog.RecordDetail) error {
		for _, it := range d.Items {
			if it.LocationID == locationID && d.Title == title {
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

// TestLibrarianPreviewsARoster: the librarian uploads a class roster for
// the class chosen on the form, sees on the preview which class the
// trainees go to, who would be enrolled and the row that cannot be
// imported, confirms, and finds the trainees in the class.
func TestLibrarianPreviewsARoster(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	csv := filepath.Join(t.TempDir(), "学员名单.csv")
	data := "姓名,单位,职务,手机号\n王五,某县委办公室,科员,13700137000\n赵六,县财政局,副科长,1370013700\n,乡政府,,13900139000\n"
	if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	classID := strconv.FormatInt(s.f.Class.ID, 10)
	preview := func(ctx context.Context) {
		do(t, ctx, "upload the roster for a preview",
			chromedp.Navigate(s.url+"/import#roster"),
			chromedp.WaitVisible(chromedp.CSS("#roster-file")),
			chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{csv}),
			chromedp.SetValue(chromedp.CSS("#class_id"), classID),
			chromedp.Click(chromedp.CSS("#roster-preview")),
			chromedp.WaitVisible(chromedp.CSS("#preview-counts")),
		)
	}
	preview(lib)
	wantText(t, lib, "#preview-class", "全部编入", s.f.Class.Name)
	wantText(t, lib, "#preview-counts", "2\n新增读者", "1\n未导入")
	wantText(t, lib, "#preview-rejects", "第 4 行", "姓名不能为空")
	wantText(t, lib, "#preview-rows", "王五", "赵六", "手机号“1370013700”不对")
	keep(t, lib, "import-roster-preview-desktop")

	phone := person(t, browser)
	login(t, phone, s.url, "librarian")
	onPhone(t, phone)
	preview(phone)
	fitsScreen(t, phone, "roster preview")
	keep(t, phone, "import-roster-preview-phone")

	do(t, lib, "confirm the roster",
		chromedp.Click(chromedp.CSS("#confirm-import")),
		chromedp.WaitVisible(chromedp.CSS(`#job-status[data-state="done"] #report`)),
		chromedp.Navigate(s.url+"/classes/"+classID),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	wantText(t, lib, "main", "王五", "赵六")
}
