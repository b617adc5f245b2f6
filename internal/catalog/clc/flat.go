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
		// A few codes occur twice in the published schedule; in schedule
		// order a child's parent is the latest class with that code.
		seen[c.Code] = b.add(c.Code, c.Name, parent)
	}
	return b.t
}

// Extend returns base with the classes of a local table added: those whose
// code base does not hold, under their parent (a base class or another
// added one). Classes base already has keep base's name. This is how an
// imported table extends the shipped schedule instead of replacing it.
func Extend(base *Tree, local []Class) *Tree {
	all := base.All()
	added := 0
	for _, c := range local {
		if _, ok := base.byCode[normalize(c.Code)]; ok {
			continue
		}
		all = append(all, c)
		added++
	}
	if added == 0 {
		return base
	}
	return FromClasses(all)
}
