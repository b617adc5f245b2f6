package clc

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"shuwu/internal/errs"
)

// CodeTableMalformed is returned by ParseJSON for a file that is not a class
// table: 分类表文件格式不正确 / the file is not a CLC class table.
const CodeTableMalformed errs.Code = "CLC_TABLE_MALFORMED"

// builder assembles a Tree one class at a time, parents before children.
type builder struct{ t *Tree }

func newBuilder(capacity int) *builder {
	return &builder{t: &Tree{
		classes:  make([]Class, 0, capacity),
		parent:   make([]int32, 0, capacity),
		children: make([][]int32, 0, capacity),
		keys:     make([]string, 0, capacity),
		byCode:   make(map[string]int32, capacity*2),
	}}
}

// add appends a class under parent (-1 for a top class) and returns its index.
func (b *builder) add(code, name string, parent int32) int32 {
	t := b.t
	code = strings.TrimSpace(code)
	c := Class{Code: code, Name: strings.TrimSpace(name)}
	switch {
	case strings.HasPrefix(code, "["):
		c.Alternative = true
	case strings.HasPrefix(code, "{"):
		c.Discontinued = true
	}
	if parent >= 0 {
		c.Parent = t.classes[parent].Code
		c.Depth = t.classes[parent].Depth + 1
	}
	i := int32(len(t.classes))
	t.classes = append(t.classes, c)
	t.parent = append(t.parent, parent)
	t.children = append(t.children, nil)
	t.keys = append(t.keys, bare(code))
	if parent >= 0 {
		t.children[parent] = append(t.children[parent], i)
	} else {
		t.tops = append(t.tops, i)
	}
	// The first row with a code wins; for the bare code a regular class
	// beats an earlier bracketed one, so D054 means the class in use.
	if _, ok := t.byCode[code]; !ok {
		t.byCode[code] = i
	}
	if bc := bare(code); bc != code {
		if _, ok := t.byCode[bc]; !ok {
			t.byCode[bc] = i
		}
	} else if j := t.byCode[bc]; j != i && (t.classes[j].Alternative || t.classes[j].Discontinued) {
		t.byCode[bc] = i
	}
	return i
}

// jsonNode is one node of the clc5.json format.
type jsonNode struct {
	Code     string     `json:"code"`
	Name     string     `json:"name"`
	Children []jsonNode `json:"children"`
}

// ParseJSON reads a class table in the format of coooold/php_clc_parser's
// data.json: [{"code":"A","name":"…","children":[…]}, …]. The full 5th
// edition (45,835 rows) loads in a fraction of a second.
func ParseJSON(r io.Reader) (*Tree, error) {
	var roots []jsonNode
	if err := json.NewDecoder(r).Decode(&roots); err != nil {
		return nil, tableError("不是有效的 JSON 分类表", "not a JSON class table").Wrap(err)
	}
	if len(roots) == 0 {
		return nil, tableError("分类表为空", "the class table is empty")
	}
	b := newBuilder(countNodes(roots))
	var walk func(nodes []jsonNode, parent int32) error
	walk = func(nodes []jsonNode, parent int32) error {
		for k := range nodes {
			n := &nodes[k]
			if strings.TrimSpace(n.Code) == "" {
				return tableError("有类目缺少类号", "a class has no code")
			}
			i := b.add(n.Code, n.Name, parent)
			if err := walk(n.Children, i); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(roots, -1); err != nil {
		return nil, err
	}
	return b.t, nil
}

func countNodes(nodes []jsonNode) int {
	n := len(nodes)
	for k := range nodes {
		n += countNodes(nodes[k].Children)
	}
	return n
}

func tableError(zh, en string) *errs.Error {
	return errs.Invalid(CodeTableMalformed, "file",
		fmt.Sprintf("中图法分类表格式错误：%s", zh),
		fmt.Sprintf("malformed clc table: %s", en))
}
