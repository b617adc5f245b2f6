// Command codegen writes the table of every error code into docs/api.md,
// between the markers <!-- codes:begin --> and <!-- codes:end -->. It
// reads the module's source: each code is a constant of type errs.Code,
// its meaning the constant's comment ("中文 / English"), and its HTTP
// status that of the kinds it is raised with (errs.Invalid, errs.NotFound,
// errs.Conflict, errs.New(errs.KindX, …)), mapped by httpx.StatusOf.
//
// Run it with go generate ./internal/errs; a test fails when docs/api.md
// is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

const (
	module = "shuwu"
	begin  = "<!-- codes:begin -->"
	end    = "<!-- codes:end -->"
)

func main() {
	root := flag.String("root", "../..", "the module's root directory")
	flag.Parse()
	doc := filepath.Join(*root, "docs", "api.md")
	old, err := os.ReadFile(doc)
	if err != nil {
		log.Fatal(err)
	}
	codes, err := Scan(*root)
	if err != nil {
		log.Fatal(err)
	}
	out, err := Splice(old, Table(codes))
	if err != nil {
		log.Fatal(err)
	}
	if !bytes.Equal(out, old) {
		if err := os.WriteFile(doc, out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// Code is one error code as the source declares and uses it.
type Code struct {
	Value    string // ITEM_NOT_FOUND
	Package  string // shuwu/internal/catalog
	Name     string // CodeItemNotFound
	Meaning  string // the constant's comment: 中文 / English
	Kinds    map[errs.Kind]bool
	Reported bool // also, or only, a line of an import report
}

// Scan reads every non-test Go file under root/internal.
func Scan(root string) ([]*Code, error) {
	type file struct {
		pkg string
		f   *ast.File
	}
	var files []file
	fset := token.NewFileSet()
	err := filepath.WalkDir(filepath.Join(root, "internal"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		files = append(files, file{module + "/" + filepath.ToSlash(rel), f})
		return nil
	})
	if err != nil {
		return nil, err
	}
	byName := map[string]*Code{} // package.Name → code
	for _, fl := range files {
		for _, decl := range fl.f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				if !IsCodeType(vs.Type, fl.pkg) {
					continue
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return nil, fmt.Errorf("%s.%s: a code's value must be a string literal", fl.pkg, n.Name)
					}
					v, _ := strconv.Unquote(lit.Value)
					c := &Code{Value: v, Package: fl.pkg, Name: n.Name, Kinds: map[errs.Kind]bool{}}
					doc := vs.Doc
					if doc == nil && len(g.Specs) == 1 {
						doc = g.Doc
					}
					c.Meaning = meaning(doc)
					byName[fl.pkg+"."+n.Name] = c
				}
			}
		}
	}
	// Which kinds each code is raised with.
	for _, fl := range files {
		imports := map[string]string{} // local name → path
		for _, im := range fl.f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := filepath.Base(path)
			if im.Name != nil {
				name = im.Name.Name
			}
			imports[name] = path
		}
		ref := func(e ast.Expr) *Code {
			switch x := e.(type) {
			case *ast.Ident:
				return byName[fl.pkg+"."+x.Name]
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok {
					return byName[imports[id.Name]+"."+x.Sel.Name]
				}
			}
			return nil
		}
		ast.Inspect(fl.f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				sel, ok := x.Fun.(*ast.SelectorExpr)
				if !ok {
					for _, a := range x.Args { // a local helper, e.g. a report's fail
						if c := ref(a); c != nil {
							c.Reported = true
						}
					}
					return true
				}
				if len(x.Args) == 0 {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); !ok || imports[id.Name] != module+"/internal/errs" {
					// A helper that takes a code (a report's problem, a decoding warning).
					for _, a := range x.Args {
						if c := ref(a); c != nil && sel.Sel.Name != "Is" {
							c.Reported = true
						}
					}
					return true
				}
				var c *Code
				var kind errs.Kind
				switch sel.Sel.Name {
				case "Invalid":
					c, kind = ref(x.Args[0]), errs.KindInvalid
				case "NotFound":
					c, kind = ref(x.Args[0]), errs.KindNotFound
				case "Conflict":
					c, kind = ref(x.Args[0]), errs.KindConflict
				case "New":
					if len(x.Args) > 1 {
						c, kind = ref(x.Args[1]), kindNamed(x.Args[0])
					}
				}
				if c != nil {
					c.Kinds[kind] = true
				}
			case *ast.CompositeLit:
				var c *Code
				var kind errs.Kind = -1
				for _, el := range x.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					switch k, _ := kv.Key.(*ast.Ident); {
					case k != nil && k.Name == "Code":
						c = ref(kv.Value)
					case k != nil && k.Name == "Kind":
						kind = kindNamed(kv.Value)
					}
				}
				if c != nil && kind >= 0 {
					c.Kinds[kind] = true
				} else if c != nil {
					c.Reported = true
				}
			}
			return true
		})
	}
	out := make([]*Code, 0, len(byName))
	seen := map[string]string{}
	for _, c := range byName {
		if other, dup := seen[c.Value]; dup {
			return nil, fmt.Errorf("code %s is declared twice: %s and %s.%s", c.Value, other, c.Package, c.Name)
		}
		seen[c.Value] = c.Package + "." + c.Name
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out, nil
}

// IsCodeType reports whether a declared type is errs.Code (Code inside errs).
func IsCodeType(t ast.Expr, pkg string) bool {
	switch x := t.(type) {
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && id.Name == "errs" && x.Sel.Name == "Code"
	case *ast.Ident:
		return pkg == module+"/internal/errs" && x.Name == "Code"
	}
	return false
}

var kinds = map[string]errs.Kind{
	"KindInternal": errs.KindInternal, "KindInvalid": errs.KindInvalid, "KindNotFound": errs.KindNotFound,
	"KindConflict": errs.KindConflict, "KindUnauthorized": errs.KindUnauthorized, "KindForbidden": errs.KindForbidden,
	"KindTooLarge": errs.KindTooLarge, "KindRateLimited": errs.KindRateLimited, "KindUnavailable": errs.KindUnavailable,
	"KindMethodNotAllowed": errs.KindMethodNotAllowed, "KindStorage": errs.KindStorage,
}

func kindNamed(e ast.Expr) errs.Kind {
	name := ""
	switch x := e.(type) {
	case *ast.SelectorExpr:
		name = x.Sel.Name
	case *ast.Ident:
		name = x.Name
	}
	if k, ok := kinds[name]; ok {
		return k
	}
	return errs.KindInternal
}

// meaning is the "中文 / English" part of a constant's comment: the whole
// comment, or what follows its last ": " when it opens with a sentence
// about the Go constant.
func meaning(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	s := strings.Join(strings.Fields(g.Text()), " ")
	if i := strings.Index(s, " / "); i >= 0 {
		if j := strings.LastIndex(s[:i], ": "); j >= 0 {
			s = s[j+2:]
		}
	}
	return strings.TrimSuffix(s, ".")
}

// Table is the Markdown table of the codes.
func Table(codes []*Code) []byte {
	var b bytes.Buffer
	b.WriteString("| code | HTTP | 含义 | meaning | package |\n|---|---|---|---|---|\n")
	for _, c := range codes {
		var statuses []string
		var ks []int
		for k := range c.Kinds {
			ks = append(ks, int(k))
		}
		sort.Ints(ks)
		seen := map[int]bool{}
		for _, k := range ks {
			st := httpx.StatusOf(errs.Kind(k))
			if !seen[st] {
				seen[st] = true
				statuses = append(statuses, strconv.Itoa(st))
			}
		}
		if c.Reported {
			statuses = append(statuses, "report")
		}
		if c.Value == string(errs.CodeInternal) && len(statuses) == 0 {
			statuses = []string{"500"}
		}
		zh, en, _ := strings.Cut(c.Meaning, " / ")
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", c.Value, strings.Join(statuses, ", "),
			cell(zh), cell(en), strings.TrimPrefix(c.Package, module+"/internal/"))
	}
	return b.Bytes()
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// Splice puts table between the markers of doc.
func Splice(doc, table []byte) ([]byte, error) {
	i, j := bytes.Index(doc, []byte(begin)), bytes.Index(doc, []byte(end))
	if i < 0 || j < i {
		return nil, fmt.Errorf("docs/api.md lacks the markers %s … %s", begin, end)
	}
	var out bytes.Buffer
	out.Write(doc[:i+len(begin)])
	out.WriteString("\n")
	out.Write(table)
	out.Write(doc[j:])
	return out.Bytes(), nil
}
