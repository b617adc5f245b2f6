package api_test

import (
	"net/url"
	"strconv"
	"testing"

	"shuwu/internal/testkit/yaztest"
)

// Copy cataloguing over the API: a Z39.50 source (Debian's yaz-ztest) is
// added, searched and its candidates come back with the record as a
// body for POST /api/v1/records and the MARC as fetched; bad input and a
// source that is down are named; only the librarian may.
func TestCopyCataloguingOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	addr := yaztest.Start(t)
	src := map[string]any{"name": "测试 Z39.50", "kind": "z3950", "address": addr + "/Default", "flavor": "marc21"}
	var made struct {
		ID   int64
		Name string
		Kind string
	}
	if code := s.call("POST", "/api/v1/copy-targets", lib, src, &made); code != 201 || made.ID == 0 || made.Kind != "z3950" {
		t.Fatalf("create: %d %+v", code, made)
	}
	s.expectError("POST", "/api/v1/copy-targets", duty, src, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/copy-targets", lib, map[string]any{"name": "无地址", "kind": "z3950", "flavor": "marc21"}, 422, "COPY_TARGET_ADDRESS_INVALID")
	path := "/api/v1/copy-targets/" + strconv.FormatInt(made.ID, 10)
	var res struct {
		Total      int
		Candidates []struct {
			Record struct{ Title string }
			MARC   []byte `json:"marc"`
		}
	}
	// yaz-ztest answers a term starting with digits with that many hits.
	if code := s.call("GET", path+"/search?"+url.Values{"field": {"title"}, "term": {"2"}}.Encode(), lib, nil, &res); code != 200 || res.Total != 2 || len(res.Candidates) != 2 ||
		res.Candidates[0].Record.Title == "" || len(res.Candidates[0].MARC) < 24 {
		t.Fatalf("search: %d %+v", code, res)
	}
	s.expectError("GET", path+"/search?field=colour&term=2", lib, nil, 422, "COPY_QUERY_INVALID")
	src["name"], src["address"] = "已停机", "127.0.0.1:1/Default"
	if code := s.call("PUT", path, lib, src, nil); code != 200 {
		t.Fatalf("update: %d", code)
	}
	s.expectError("GET", path+"/search?field=title&term=党", lib, nil, 502, "COPY_TARGET_FAILED")
	var list []struct{ Name string }
	if code := s.call("GET", "/api/v1/copy-targets", lib, nil, &list); code != 200 || len(list) != 1 || list[0].Name != "已停机" {
		t.Fatalf("list: %d %+v", code, list)
	}
	if code := s.call("DELETE", path, lib, nil, nil); code != 204 {
		t.Fatalf("delete: %d", code)
	}
	s.expectError("GET", path+"/search?field=title&term=2", lib, nil, 404, "COPY_TARGET_NOT_FOUND")
}
