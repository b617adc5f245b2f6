package archtest

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const module = "shuwu/"

// graph reads the imports of every package of the module (test files
// left out: a test may use anything) into package → direct imports.
func graph(t *testing.T) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	g := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(root, path)
		g[module+filepath.ToSlash(rel)] = pkg.Imports
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(g) < 20 {
		t.Fatalf("found only %d packages under %s", len(g), root)
	}
	return g
}

// deps is every package p imports, directly or through others, with one
// chain of imports that leads to each.
func deps(g map[string][]string, p string) map[string]string {
	out := map[string]string{}
	var walk func(from, chain string)
	walk = func(from, chain string) {
		for _, imp := range g[from] {
			if _, seen := out[imp]; seen {
				continue
			}
			out[imp] = chain + " → " + imp
			if strings.HasPrefix(imp, module) {
				walk(imp, out[imp])
			}
		}
	}
	walk(p, p)
	return out
}

// forbid fails when any of pkgs depends on a package whose path starts
// with one of banned.
func forbid(t *testing.T, g map[string][]string, why string, pkgs []string, banned ...string) {
	t.Helper()
	for _, p := range pkgs {
		if _, ok := g[p]; !ok {
			t.Errorf("%s: package %s does not exist; update the rule", why, p)
			continue
		}
		d := deps(g, p)
		var bad []string
		for imp, chain := range d {
			if allowed[imp] {
				continue
			}
			for _, b := range banned {
				if imp == b || strings.HasPrefix(imp, b+"/") {
					bad = append(bad, chain)
				}
			}
		}
		sort.Strings(bad)
		for _, chain := range bad {
			t.Errorf("%s: %s", why, chain)
		}
	}
}

// under lists the module's packages at or below dir.
func under(g map[string][]string, dirs ...string) []string {
	var out []string
	for p := range g {
		for _, d := range dirs {
			if p == module+d || strings.HasPrefix(p, module+d+"/") {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

var (
	// surfaces translate between people or programs and the use cases.
	surfaces = []string{"shuwu/internal/api", "shuwu/internal/web", "shuwu/internal/httpx", "shuwu/internal/app", "shuwu/internal/cli", "shuwu/cmd"}
	// formats are the file-format adapters that bulk transfer links.
	formats = []string{"shuwu/internal/transfer", "shuwu/internal/marc", "shuwu/internal/marcmap", "github.com/xuri/excelize"}
	// allowed are packages below a banned path that are not what the ban
	// is about: transferstore is transfer's storage side, without formats.
	allowed = map[string]bool{"shuwu/internal/transfer/transferstore": true}
)

func TestTheStoreLinksNoFileFormatsNorSurfaces(t *testing.T) {
	g := graph(t)
	forbid(t, g, "store must not depend on a file format", []string{"shuwu/internal/store"}, formats...)
	forbid(t, g, "store must not depend on search or a surface", []string{"shuwu/internal/store"},
		append([]string{"shuwu/internal/search", "shuwu/internal/indexing"}, surfaces...)...)
}

func TestThePagesAndTheAPIDoNotImportEachOther(t *testing.T) {
	g := graph(t)
	forbid(t, g, "web must not depend on api (shared HTTP things live in httpx)", []string{"shuwu/internal/web"}, "shuwu/internal/api")
	forbid(t, g, "api must not depend on web", []string{"shuwu/internal/api"}, "shuwu/internal/web")
	forbid(t, g, "a surface must not reach the store but through app", []string{"shuwu/internal/api", "shuwu/internal/web", "shuwu/internal/httpx"}, "shuwu/internal/store")
}

func TestDomainPackagesDoNotDependOnSurfacesOrAdapters(t *testing.T) {
	g := graph(t)
	domain := under(g, "internal/errs", "internal/audit", "internal/settings", "internal/catalog", "internal/readers",
		"internal/circulation", "internal/auth", "internal/transfer/transferstore", "internal/ledger", "internal/room", "internal/duty", "internal/labels", "internal/stocktake",
		"internal/copycat/targets", "internal/visits", "internal/receptions", "internal/displays", "internal/assets", "internal/notices")
	domain = slices.DeleteFunc(domain, func(p string) bool {
		return p == "shuwu/internal/errs/codegen" // the tool that writes the codes into docs/api.md
	})
	forbid(t, g, "domain code must not depend on a surface", domain, surfaces...)
	forbid(t, g, "domain code must not depend on the store or a format", domain,
		append([]string{"shuwu/internal/store", "shuwu/internal/search", "shuwu/internal/indexing", "shuwu/internal/notify"}, formats...)...)
	useCases := under(g, "internal/notify", "internal/transfer", "internal/indexing", "internal/marcmap", "internal/search", "internal/marc", "internal/copycat", "internal/personaldata")
	useCases = slices.DeleteFunc(useCases, func(p string) bool { return p == "shuwu/internal/copycat/targets" })
	forbid(t, g, "use cases and adapters must not depend on a surface", useCases, surfaces...)
	forbid(t, g, "use cases must not depend on the store (they declare what they need)", useCases, "shuwu/internal/store")
}
