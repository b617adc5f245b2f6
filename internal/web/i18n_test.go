package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCataloguesHaveTheSameKeys(t *testing.T) {
	c, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range languages {
		for k, m := range c.msgs[l] {
			if strings.TrimSpace(m) == "" {
				t.Errorf("%s: message %q is empty", l, k)
			}
			for _, o := range languages {
				if _, ok := c.msgs[o][k]; !ok {
					t.Errorf("message %q is in %s but missing in %s", k, l, o)
				}
			}
		}
	}
}

var (
	// {{t "key" …}} and (t "key" …) in templates.
	templateKey = regexp.MustCompile(`[{(]\s*t\s+"([^"]+)"`)
	// v.T("key" …) in Go; a key ending in "." is a prefix completed at run
	// time (renew.code.CODE).
	goKey = regexp.MustCompile(`\.T\("([^"]+)"`)
)

func TestEveryUsedKeyExists(t *testing.T) {
	c, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	err = fs.WalkDir(templatesFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templatesFS, p)
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = p
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = f
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in use; the patterns are broken", len(used))
	}
	for k, where := range used {
		for _, l := range languages {
			if strings.HasSuffix(k, ".") {
				found := false
				for have := range c.msgs[l] {
					found = found || strings.HasPrefix(have, k)
				}
				if !found {
					t.Errorf("%s: no %s message starts with %q", where, l, k)
				}
				continue
			}
			if _, ok := c.msgs[l][k]; !ok {
				t.Errorf("%s uses %q, missing in %s", where, k, l)
			}
		}
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"":                            langZH,
		"en-US,en;q=0.9":              langEN,
		"zh-CN,zh;q=0.9,en;q=0.8":     langZH,
		"en;q=0.5, zh-TW;q=0.8":       langZH,
		"fr-FR, en;q=0.4":             langEN,
		"de":                          langZH,
		"en-GB;q=0, zh-Hans-CN;q=0.1": langZH,
	} {
		if got := fromAcceptLanguage(h); got != want {
			t.Errorf("Accept-Language %q: got %s, want %s", h, got, want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	if got := formatDate(langZH, "2022-08-15", nil); got != "2022年8月15日" {
		t.Errorf("zh: %s", got)
	}
	if got := formatDate(langEN, "2022-08-15", nil); got != "15 Aug 2022" {
		t.Errorf("en: %s", got)
	}
}

func TestParseYuan(t *testing.T) {
	for in, want := range map[string]int64{"": 0, "45": 4500, "45.5": 4550, "¥45.00": 4500, "1,200.05": 120005} {
		got, ok := parseYuan(in)
		if !ok || got != want {
			t.Errorf("parseYuan(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"abc", "4.555", "-3"} {
		if _, ok := parseYuan(bad); ok {
			t.Errorf("parseYuan(%q) accepted", bad)
		}
	}
}
