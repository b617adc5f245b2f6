package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The librarian adds a photo to a visit's record; a text file is refused
// naming the formats, the caption kept; leadership sees the photo and
// cannot add one; the photo is not public.
func TestALeadersVisitKeepsItsPhotos(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	today := time.Now().In(e.a.Config.Location()).Format(time.DateOnly)
	res := lib.post("/receptions/new", url.Values{"date": {today}, "level": {"prefecture"}, "guests": {"张明 州委常委、组织部部长"}})
	res.want(t, http.StatusSeeOther)
	loc := res.header.Get("Location")
	lib.get(loc).want(t, http.StatusOK, `id="photos"`, "还没有照片", `id="reception-photo-form"`)
	lib.upload(loc+"/photos", map[string]string{"caption": "参观红色经典专架"}, "a.txt", []byte("not a picture")).
		want(t, http.StatusUnprocessableEntity, "只能上传 JPG、PNG 或 GIF 格式的照片", `value="参观红色经典专架"`)
	lib.upload(loc+"/photos", map[string]string{"caption": "参观红色经典专架"}, "a.png", testPNG(900, 600)).want(t, http.StatusSeeOther)
	page := lib.get(loc)
	page.want(t, http.StatusOK, "照片已上传", `id="reception-photos"`, "参观红色经典专架", "/thumb")
	thumb := between(page.body, `<img src="`, `"`)
	if got := lib.get(thumb); got.status != http.StatusOK || got.header.Get("Content-Type") != "image/jpeg" || !strings.Contains(got.header.Get("Cache-Control"), "private") {
		t.Fatalf("thumbnail: %d %q %q", got.status, got.header.Get("Content-Type"), got.header.Get("Cache-Control"))
	}
	if st := e.browser(t).get(thumb).status; st == http.StatusOK {
		t.Error("a visit's photo is served without login")
	}
	leader := e.as(t, "leader")
	lp := leader.get(loc)
	lp.want(t, http.StatusOK, "参观红色经典专架")
	if strings.Contains(lp.body, `id="reception-photo-form"`) {
		t.Error("leadership is offered the upload form")
	}
	if st := leader.get(thumb).status; st != http.StatusOK {
		t.Errorf("leadership opens the photo: %d", st)
	}
	if st := leader.upload(loc+"/photos", nil, "a.png", testPNG(10, 10)).status; st != http.StatusForbidden {
		t.Errorf("leadership uploads: %d", st)
	}
	pid := between(thumb, "/reception-photos/", "/thumb")
	lib.post("/reception-photos/"+pid+"/delete", nil).want(t, http.StatusSeeOther)
	lib.get(loc).want(t, http.StatusOK, "照片已删除", "还没有照片")
}
