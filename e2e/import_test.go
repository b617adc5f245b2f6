package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"shuwu/internal/catalog"

	"github.com/chromedp/chromedp"
)

// TestLibrarianImportsBookList: the librarian uploads a CSV book list on
// the import page, choosing where its copies go, watches the job until it
// is done, and reads the report with the row that could not be imported
// and why.
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
	do(t, lib, "upload the book list",
		chromedp.Navigate(s.url+"/import"),
		chromedp.WaitVisible(chromedp.CSS("#books-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#books-file"), []string{csv}),
		chromedp.SetValue(chromedp.CSS("#books-location"), strconv.FormatInt(chosen.ID, 10)),
		chromedp.Click(chromedp.CSS("#books-import")),
		chromedp.WaitVisible(chromedp.CSS(`#job-status[data-state="done"] #report`)),
	)
	wantText(t, lib, ".flash", "已开始导入", "新书清单.csv")
	wantText(t, lib, "#report .grid", "新增", "未导入")
	wantText(t, lib, "#rejects", "第 3 行", "ISBN")
	wantText(t, lib, "#report", "新时代党的建设")
	n := 0
	err = s.a.Catalog.EachRecord(t.Context(), func(d catalog.RecordDetail) error {
		for _, it := range d.Items {
			if it.LocationID == chosen.ID && d.Title == "新时代党的建设" {
				n++
			}
		}
		return nil
	})
	if err != nil || n != 2 {
		t.Fatalf("copies of 新时代党的建设 at %s = %d, %v; want the 2 of the list", chosen.Name, n, err)
	}
}
