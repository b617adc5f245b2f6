package clc

import (
	"reflect"
	"testing"
)

func TestFromClassesRebuildsTheSameTree(t *testing.T) {
	orig := Builtin()
	got := FromClasses(orig.All())
	if got.Len() != orig.Len() {
		t.Fatalf("rebuilt tree has %d classes, want %d", got.Len(), orig.Len())
	}
	if !reflect.DeepEqual(got.All(), orig.All()) {
		t.Fatal("rebuilt tree lists different classes")
	}
	if c, ok := got.Lookup("D26"); !ok || c.Name != "党的建设" {
		t.Fatalf("D26 in rebuilt tree = %+v, %v; want 党的建设", c, ok)
	}
	if anc := got.Ancestors("D261"); len(anc) < 3 || anc[0].Code != "D" {
		t.Fatalf("ancestors of D261 in rebuilt tree = %+v", anc)
	}
}

// A local table extends the shipped schedule: its new classes are added
// under their parents, and the shipped classes stay as they are.
func TestExtendAddsLocalClasses(t *testing.T) {
	local := []Class{
		{Code: "Z", Name: "本馆另名"},                   // already shipped: keeps the shipped name
		{Code: "Z99", Name: "本馆特藏", Parent: "Z"},    // new, under a shipped class
		{Code: "Z991", Name: "校史资料", Parent: "Z99"}, // new, under a new class
	}
	got := Extend(Builtin(), local)
	if got.Len() != BuiltinSize+2 {
		t.Fatalf("extended tree has %d classes, want %d", got.Len(), BuiltinSize+2)
	}
	if c, ok := got.Lookup("Z991"); !ok || c.Name != "校史资料" || c.Parent != "Z99" {
		t.Fatalf("Lookup(Z991) = %+v, %v", c, ok)
	}
	if c, _ := got.Lookup("Z"); c.Name != "综合性图书" {
		t.Fatalf("Z renamed to %q by the local table", c.Name)
	}
	if _, ok := got.Lookup("D261.41"); !ok {
		t.Fatal("the shipped classes were lost")
	}
	if Extend(Builtin(), local[:1]) != Builtin() {
		t.Fatal("a table with nothing new should leave the shipped tree as it is")
	}
}
