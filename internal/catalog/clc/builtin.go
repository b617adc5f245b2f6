package clc

import "sync"

//go:generate go run gen_builtin.go -in ../../../../shared/data/clc/clc5.json -out classes_builtin.go

// row is one class of the built-in schedule; parent indexes builtinRows.
type row struct {
	code, name string
	parent     int16
}

// builtinTree is built once on first use and never changed afterwards.
var builtinTree = sync.OnceValue(func() *Tree {
	b := newBuilder(len(builtinRows))
	for _, r := range builtinRows {
		b.add(r.code, r.name, int32(r.parent))
	}
	return b.t
})

// Builtin returns the schedule shipped with the product: the 22 top classes
// and their second level, plus A and D (the Party-school core) down to the
// fourth level (depth 3: D261, A491). The Tree is shared; it is read-only.
func Builtin() *Tree { return builtinTree() }
