package web_test

import (
	"net/http"
	"testing"

	"shuwu/internal/testkit/webtest"
)

func TestNewStaffPagesSpeakEnglish(t *testing.T) {
	e := newEnv(t)
	webtest.LendOverdue(t, e.a, e.f.Readers[0].Card, e.f.Barcodes[0][0], 4)
	lib := e.as(t, "librarian")
	lib.lang = "en"
	for path, want := range map[string][]string{
		"/overdue":                             {"Overdue loans", "1 overdue books", "Print reminder slips", "By class"},
		"/overdue/slips":                       {"Overdue book reminder", "Dear 张三", "Days overdue"},
		"/holds":                               {"Hold shelf", "0 copies waiting"},
		"/catalog/items/" + e.f.Barcodes[1][0]: {"Copy " + e.f.Barcodes[1][0], "Mark lost", "In-room use", "Edit copy"},
		"/catalog/lists":                       {"Required-reading lists", "New list"},
		"/audit":                               {"Action", "Object", "reader 张三"},
		"/settings":                            {"This library", "Library name"},
	} {
		lib.get(path).want(t, http.StatusOK, want...)
	}
}
