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
