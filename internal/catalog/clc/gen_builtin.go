//go:build ignore

// gen_builtin writes classes.tsv.gz, the schedule embedded in the binary,
// from the full 5th-edition schedule in the clc5.json format. Run it with go
// generate in this package; the input lives in the shared reference
// repository (../shared/data/clc/clc5.json, MIT licence: see LICENSE-clc5).
//
// The output is gzip-compressed text, one class a line in schedule order,
// "depth<TAB>code<TAB>name": the depth gives the parent (the last class one
// level up), so no indexes are stored and the file stays small.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

type node struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Children []node `json:"children"`
}

func main() {
	in := flag.String("in", "../../../../shared/data/clc/clc5.json", "clc5.json to read")
	out := flag.String("out", "classes.tsv.gz", "gzip file to write")
	flag.Parse()

	raw, err := os.ReadFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	var roots []node
	if err := json.Unmarshal(raw, &roots); err != nil {
		log.Fatalf("parse %s: %v", *in, err)
	}

	var rows bytes.Buffer
	n := 0
	var walk func(nodes []node, depth int)
	walk = func(nodes []node, depth int) {
		for _, nd := range nodes {
			code, name := clean(nd.Code), clean(nd.Name)
			fmt.Fprintf(&rows, "%d\t%s\t%s\n", depth, code, name)
			n++
			walk(nd.Children, depth+1)
		}
	}
	walk(roots, 0)

	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(rows.Bytes())
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, gz.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d classes, %d bytes (%d uncompressed)", n, gz.Len(), rows.Len())
}

// clean keeps a field on one line and free of the separator.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}
