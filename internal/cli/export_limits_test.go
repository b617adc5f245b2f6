package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportMARCWarnsOfARecordLeftOut: a record too long for ISO 2709
// (2,000 copies) once stopped `shuwu export marc` with an internal error.
// The rest is exported and the warning names the record and the reason.
func TestExportMARCWarnsOfARecordLeftOut(t *testing.T) {
	dir, work := t.TempDir(), t.TempDir()
	list := filepath.Join(work, "list.csv")
	csv := "题名,分类号,册数\n乡土中国,C912,1\n" + strings.Repeat("党员教育培训教材,D26,500\n", 4)
	if err := os.WriteFile(list, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "", "import", "books", "--data", dir, list); code != 0 {
		t.Fatalf("import books = %d\n%s\n%s", code, out, errOut)
	}
	file := filepath.Join(work, "out.mrc")
	code, _, errOut := run(t, "", "export", "marc", "--data", dir, "--out", file)
	if code != 0 {
		t.Fatalf("export marc = %d: %s", code, errOut)
	}
	for _, want := range []string{"警告 MARC_RECORD_TOO_LONG", "《党员教育培训教材》的 ISO 2709 记录有", "warning: record", "已导出 1 条书目，1 条未导出"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if b, err := os.ReadFile(file); err != nil || strings.Count(string(b), "\x1d") != 1 {
		t.Errorf("the file should hold the one short record: %d records (%v)", strings.Count(string(b), "\x1d"), err)
	}
}
