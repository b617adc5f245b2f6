package clc

// All returns every class in schedule order, parents before children, so
// that FromClasses can rebuild the same tree (the stored form of an
// imported table).
func (t *Tree) All() []Class {
	out := make([]Class, 0, len(t.classes))
	var walk func(i int32)
	walk = func(i int32) {
		out = append(out, t.classes[i])
		for _, c := range t.children[i] {
			walk(c)
		}
	}
	for _, i := range t.tops {
		walk(i)
	}
	return out
}

// FromClasses rebuilds a tree from classes listed parents before children,
// as All returns them. A class whose parent is missing becomes a top class.
func FromClasses(classes []Class) *Tree {
	b := newBuilder(len(classes))
	seen := make(map[string]int32, len(classes))
	for _, c := range classes {
		parent := int32(-1)
		if c.Parent != "" {
			if p, ok := seen[c.Parent]; ok {
				parent = p
			}
		}
		i := b.add(c.Code, c.Name, parent)
		if _, ok := seen[c.Code]; !ok {
			seen[c.Code] = i
		}
	}
	return b.t
}
