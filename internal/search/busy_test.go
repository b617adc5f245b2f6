package search

import (
	"context"
	"testing"
	"time"

	"shuwu/internal/errs"
)

func TestOpeningAnIndexHeldElsewhereFailsClearlyInsteadOfHanging(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Rebuild(context.Background(), func(yield func(Document) error) error {
		return yield(Document{RecordID: 1, Title: "共产党宣言"})
	}, nil); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(dir, Options{})
	if !errs.Is(err, CodeIndexBusy) {
		t.Fatalf("second open = %v; want %s", err, CodeIndexBusy)
	}
	if time.Since(start) > 10*time.Second {
		t.Fatalf("second open took %s", time.Since(start))
	}
	res, err := ix.Search(context.Background(), Request{Query: "宣言"})
	if err != nil || res.Total != 1 {
		t.Fatalf("the first holder's index was disturbed: %+v, %v", res, err)
	}
}
