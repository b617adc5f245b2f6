package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"shuwu/internal/config"
	"shuwu/internal/marc"
)

// upload posts body as the multipart "file" field.
func (s *server) upload(path, token, name string, body []byte) (int, []byte) {
	s.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(body)
	mw.Close()
	req, _ := http.NewRequest("POST", s.url+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}

func (s *server) download(path, token string) (int, http.Header, []byte) {
	s.t.Helper()
	req, _ := http.NewRequest("GET", s.url+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, raw
}

type job struct {
	ID, State, Error string
	Report           struct {
		Added, Rejected, Items int
	}
}

func (s *server) waitJob(token, id string) job {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var j job
		if code := s.call("GET", "/api/v1/imports/"+id, token, nil, &j); code != 200 {
			s.t.Fatalf("job %s: %d", id, code)
		}
		if j.State != "running" || time.Now().After(deadline) {
			return j
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestUploadedBookListImportsInTheBackgroundWithARowReport(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	csv := "题名,作者,出版社,出版年,ISBN,价格,分类号,册数,来源\n" +
		"党的建设概论,王明,人民出版社,2021,9787101105285,45.00,D26,2,集中采购\n" +
		"坏校验位的书,李四,人民出版社,2020,9787101105286,30,D26,1,集中采购\n"
	code, raw := s.upload("/api/v1/imports/books", lib, "书目.csv", []byte(csv))
	if code != 202 {
		t.Fatalf("upload: %d %s", code, raw)
	}
	var started job
	json.Unmarshal(raw, &started)
	j := s.waitJob(lib, started.ID)
	if j.State != "done" || j.Report.Added != 1 || j.Report.Rejected != 1 || j.Report.Items != 2 {
		t.Fatalf("job = %+v; want done with 1 record (2 copies) added and 1 row rejected", j)
	}
	_, _, rejects := s.download("/api/v1/imports/"+j.ID+"/rejects", lib)
	if !strings.Contains(string(rejects), "第 3 行") || !strings.Contains(string(rejects), "ISBN") {
		t.Fatalf("rejects = %q; want row 3 named with its ISBN problem", rejects)
	}
	duty := s.login("duty1", "password-123")
	if code, _ := s.upload("/api/v1/imports/books", duty, "书目.csv", []byte(csv)); code != 403 {
		t.Fatalf("duty staff importing: %d, want 403", code)
	}
	s.expectError("POST", "/api/v1/imports/videos", lib, "{}", 422, "IMPORT_KIND_UNKNOWN")
}

func TestTemplatesAndExportsDownload(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var rec struct{ ID int64 }
	s.call("POST", "/api/v1/records", lib, map[string]any{"title": "乡土中国", "clc": "C912.82", "authors": []map[string]string{{"name": "费孝通"}}}, &rec)
	for _, path := range []string{"/api/v1/templates/books", "/api/v1/templates/roster", "/api/v1/exports/xlsx/records", "/api/v1/exports/xlsx/readers"} {
		code, h, body := s.download(path, lib)
		if code != 200 || !bytes.HasPrefix(body, []byte("PK")) || !strings.Contains(h.Get("Content-Disposition"), ".xlsx") {
			t.Errorf("%s: %d %q, %d bytes; want an .xlsx download", path, code, h.Get("Content-Disposition"), len(body))
		}
	}
	code, _, body := s.download("/api/v1/exports/marc?flavor=cnmarc", lib)
	if code != 200 {
		t.Fatalf("marc export: %d %s", code, body)
	}
	r, err := marc.NewReader(bytes.NewReader(body), marc.ReaderOptions{}).Read()
	if err != nil || !strings.Contains(r.Get("200")[0].Sub('a'), "乡土中国") {
		t.Fatalf("exported record = %+v, %v; want 200$a 乡土中国", r, err)
	}
	s.expectError("GET", "/api/v1/exports/xlsx/ledger", lib, nil, 422, "PARAM_INVALID")
}

func TestAnUploadOverTheLimitIs413(t *testing.T) {
	s := startServer(t, func(c *config.Config) { c.MaxUpload = 4 << 10 })
	lib := s.login("librarian", "password-123")
	code, raw := s.upload("/api/v1/imports/books", lib, "书目.csv", bytes.Repeat([]byte("题名\n书\n"), 2000))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(string(raw), `"UPLOAD_TOO_LARGE"`) || !strings.Contains(string(raw), "最多 4 KB") {
		t.Fatalf("too large: %d %s", code, raw)
	}
}
