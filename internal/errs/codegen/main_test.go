package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const root = "../../.."

func TestTheCodeTableInDocsIsUpToDate(t *testing.T) {
	codes, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) < 100 {
		t.Fatalf("found only %d codes", len(codes))
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "api.md"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Splice(doc, Table(codes))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc, want) {
		t.Fatal("docs/api.md's table of codes is stale: run go generate ./internal/errs")
	}
	for _, c := range codes {
		if zh, en, ok := strings.Cut(c.Meaning, " / "); !ok || zh == "" || en == "" {
			t.Errorf("%s.%s (%s): its comment should say what it means as 中文 / English, not %q", c.Package, c.Name, c.Value, c.Meaning)
		}
		if len(c.Kinds) == 0 && !c.Reported && c.Value != "INTERNAL" {
			t.Errorf("%s.%s (%s) is never raised nor reported: remove it", c.Package, c.Name, c.Value)
		}
	}
}

// errsCalls are the functions of errs that take a code, with the index of
// the code argument.
var errsCalls = map[string]int{"New": 1, "Invalid": 0, "NotFound": 0, "Conflict": 0, "Is": 1, "Code": 0}

// Code values are written once, in their constant; everything else names
// the constant, so a code can be found, documented and never misspelt.
func TestNoCodeIsWrittenAsALiteral(t *testing.T) {
	codes, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range codes {
		known[c.Value] = true
	}
	fset := token.NewFileSet()
	err = filepath.WalkDir(filepath.Join(root, "internal"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := module + "/" + filepath.ToSlash(rel)
		declared := map[*ast.BasicLit]bool{} // the values of code constants
		for _, decl := range f.Decls {
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					if IsCodeType(vs.Type, pkg) {
						for _, v := range vs.Values {
							if lit, ok := v.(*ast.BasicLit); ok {
								declared[lit] = true
							}
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				sel, ok := x.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				id, ok := sel.X.(*ast.Ident)
				i, takes := errsCalls[sel.Sel.Name]
				if ok && id.Name == "errs" && takes && i < len(x.Args) {
					if lit, ok := x.Args[i].(*ast.BasicLit); ok {
						t.Errorf("%s: errs.%s(%s …): name the code with a constant beside the package's errors", fset.Position(lit.Pos()), sel.Sel.Name, lit.Value)
						declared[lit] = true // reported once
					}
				}
			case *ast.BasicLit:
				if x.Kind != token.STRING || declared[x] {
					return true
				}
				if v, _ := strconv.Unquote(x.Value); known[v] {
					t.Errorf("%s: %s is a code: use its constant", fset.Position(x.Pos()), x.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
