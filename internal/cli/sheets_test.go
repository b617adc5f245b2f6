package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestImportBooksAndExportXLSXFromTheCommandLine(t *testing.T) {
	dir, work := t.TempDir(), t.TempDir()
	list := filepath.Join(work, "list.csv")
	csv := "书名,分类号,册数,馆藏位置\n党的建设概论,D26,2,\n错误的书,D26,0,\n"
	if err := os.WriteFile(list, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(work, "report.txt")
	code, out, errOut := run(t, "", "import", "books", "--data", dir, "--map", "书名=题名", "--report", report, list)
	if code != 0 || !strings.Contains(out, "第 3 行 “册数”") || !strings.Contains(out, "新增书目 1") {
		t.Fatalf("import books = %d\n%s\n%s", code, out, errOut)
	}
	if b, err := os.ReadFile(report); err != nil || !strings.Contains(string(b), "第 2 行 党的建设概论：新增（2 册，索书号 D26/1") {
		t.Errorf("report file: %q %v", b, err)
	}

	cases := []struct {
		name  string
		args  []string
		sheet string
		rows  int
	}{
		{"records export has a row per copy", []string{"records", "--clc", "D2"}, "复本", 3},
		{"readers export has the header only", []string{"readers"}, "读者", 1},
		{"ledger export of an empty range has the header only", []string{"ledger", "--from", "2024-01-01", "--to", "2024-01-31"}, "流通记录", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(work, c.args[0]+".xlsx")
			args := append([]string{"export", "xlsx", "--data", dir, "--out", file}, c.args...)
			if code, _, errOut := run(t, "", args...); code != 0 {
				t.Fatalf("export: %d %s", code, errOut)
			}
			f, err := excelize.OpenFile(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(c.sheet)
			if err != nil || len(rows) != c.rows {
				t.Errorf("sheet %s: %d rows, want %d (%v)", c.sheet, len(rows), c.rows, err)
			}
		})
	}
}

func TestExportXLSXWithoutOutIsAUsageError(t *testing.T) {
	if code, _, errOut := run(t, "", "export", "xlsx", "records", "--data", t.TempDir()); code != 2 || !strings.Contains(errOut, "--out") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}
