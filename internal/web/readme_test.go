package web

import (
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestReadmeClaimsMatchTheForms keeps two README claims true: which form
// fields are checked as you type (an input with an hx-trigger on input)
// and which imports preview before they write (a /import/KIND/preview
// route). The README once said ISBN was checked as you type and that the
// Excel imports preview; neither was so.
func TestReadmeClaimsMatchTheForms(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)

	// Fields checked as you type, by the label the README uses.
	labels := map[string]string{"clc": "中图法分类号", "isbn": "ISBN", "phone": "手机号", "price": "价格", "barcode": "条码"}
	live := regexp.MustCompile(`<input[^>]*\bid="([a-z_]+)"[^>]*hx-trigger="input`)
	var typed []string
	err = fs.WalkDir(templatesFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templatesFS, p)
		for _, m := range live.FindAllStringSubmatch(string(b), -1) {
			l, ok := labels[m[1]]
			if !ok {
				t.Errorf("%s: field %q is checked as you type; give it a README label here", p, m[1])
			}
			typed = append(typed, l)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(typed)
	claimed := claimList(t, readme, "Fields checked as you type:")
	if strings.Join(claimed, ",") != strings.Join(typed, ",") {
		t.Errorf("README says these fields are checked as you type: %q; the forms check %q", claimed, typed)
	}

	routes, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{"marc": "MARC", "books": "book lists", "roster": "rosters"}
	var previewed []string
	for _, m := range regexp.MustCompile(`"POST /import/([a-z]+)/preview"`).FindAllStringSubmatch(string(routes), -1) {
		previewed = append(previewed, kinds[m[1]])
	}
	sort.Strings(previewed)
	claimed = claimList(t, readme, "Imports that preview before they write:")
	if strings.Join(claimed, ",") != strings.Join(previewed, ",") {
		t.Errorf("README says these imports preview: %q; the import page previews %q", claimed, previewed)
	}
}

// claimList reads the comma-separated list after lead in the README, up
// to the first " (" or ".", sorted.
func claimList(t *testing.T, readme, lead string) []string {
	t.Helper()
	i := strings.Index(readme, lead)
	if i < 0 {
		t.Fatalf("README lacks %q", lead)
	}
	rest := readme[i+len(lead):]
	if j := strings.IndexAny(rest, "(.\n"); j >= 0 {
		rest = rest[:j]
	}
	var out []string
	for _, s := range strings.Split(rest, ",") {
		if s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "and ")); s != "" {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
