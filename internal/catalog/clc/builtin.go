package clc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run gen_builtin.go -in ../../../../shared/data/clc/clc5.json -out classes.tsv.gz

// classesGz is the whole 5th-edition schedule (45,835 classes), gzip-
// compressed, one class a line: "depth<TAB>code<TAB>name". The classes are
// the work of the 《中国图书馆分类法》编辑委员会 (国家图书馆); the data comes from
// coooold/php_clc_parser src/data.json (commit 6f761a6), MIT licence,
// Copyright (c) 2015 zhangyue — see LICENSE-clc5 in this directory.
//
//go:embed classes.tsv.gz
var classesGz []byte

// builtinTree is decompressed and built on first use, not at start: a
// command that never looks at a class number pays nothing. It is never
// changed afterwards.
var builtinTree = sync.OnceValue(func() *Tree {
	t, err := parseEmbedded(classesGz)
	if err != nil {
		// The file is generated and embedded at build time; a broken one is
		// a build defect that every test of this package would catch.
		panic(fmt.Sprintf("clc: embedded schedule: %v", err))
	}
	return t
})

// Builtin returns the schedule shipped with the product: the whole 5th
// edition, every class down to the deepest level. The Tree is shared; it is
// read-only.
func Builtin() *Tree { return builtinTree() }

// BuiltinSize is the number of rows in the shipped schedule.
const BuiltinSize = 45835

func parseEmbedded(gz []byte) (*Tree, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	b := newBuilder(BuiltinSize)
	// stack[d] is the index of the last class seen at depth d.
	stack := make([]int32, 0, 8)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		ds, rest, ok1 := strings.Cut(sc.Text(), "\t")
		code, name, ok2 := strings.Cut(rest, "\t")
		depth, err := strconv.Atoi(ds)
		if !ok1 || !ok2 || err != nil || depth < 0 || depth > len(stack) {
			return nil, fmt.Errorf("line %d malformed", line)
		}
		parent := int32(-1)
		if depth > 0 {
			parent = stack[depth-1]
		}
		stack = append(stack[:depth], b.add(code, name, parent))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return b.t, nil
}
