package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded assets. Their URLs carry a content hash,
// so browsers may keep them for a year and still see a new release at once.
type staticFiles struct {
	fsys    fs.FS
	hashes  map[string]string
	handler http.Handler
}

func loadStatic() (*staticFiles, error) {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	st := &staticFiles{fsys: sub, hashes: map[string]string{}}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		st.hashes[p] = hex.EncodeToString(sum[:4])
		return nil
	})
	if err != nil {
		return nil, err
	}
	st.handler = http.StripPrefix("/static/", http.FileServerFS(sub))
	return st, nil
}

// url is the address of an asset, with its hash.
func (st *staticFiles) url(p string) string {
	p = strings.TrimPrefix(p, "/")
	if h, ok := st.hashes[p]; ok {
		return "/static/" + p + "?v=" + h
	}
	return "/static/" + p
}

func (st *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("v") != "" {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=3600")
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	st.handler.ServeHTTP(w, r)
}
