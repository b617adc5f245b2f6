package activities_test

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
)

func pngOf(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), 0x1c, uint8(y), 0xff})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func TestTheSummaryAndPhotosComeAfterTheStart(t *testing.T) {
	f := setup(t)
	act, err := f.k.Activities.Create(f.branch, draft()) // Wednesday 14:30
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.k.Activities.SaveSummary(f.branch, act.ID, "到会 20 人"); code(err) != activities.CodeNotStarted {
		t.Fatalf("summary before the start: %v", err)
	}
	at(f.k, "16:10")
	if _, err := f.k.Activities.SaveSummary(f.youth, act.ID, "别人的总结"); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit's summary: %v", err)
	}
	if _, err := f.k.Activities.SaveSummary(f.branch, act.ID, strings.Repeat("字", activities.MaxSummary+1)); code(err) != activities.CodeActivityInvalid {
		t.Fatalf("a long summary: %v", err)
	}
	got, err := f.k.Activities.SaveSummary(f.branch, act.ID, "  本次分享会到会 20 人，8 人发言。\r\n会后借阅《习近平谈治国理政》第四卷 6 册。  ")
	if err != nil || got.Summary != "本次分享会到会 20 人，8 人发言。\n会后借阅《习近平谈治国理政》第四卷 6 册。" {
		t.Fatalf("summary: %q %v", got.Summary, err)
	}
	if again, _ := f.k.Activities.Activity(f.k.Ctx, act.ID); again.Summary != got.Summary || again.SummaryBy != "branch1" {
		t.Fatalf("read back: %q by %q", again.Summary, again.SummaryBy)
	}

	p, err := f.k.Activities.AddPhoto(f.branch, act.ID, pngOf(1200, 800), "分享会现场")
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 1200 || p.Height != 800 || p.MIME != "image/png" || p.Caption != "分享会现场" {
		t.Fatalf("photo %+v", p)
	}
	path, mime, err := f.k.Activities.PhotoFile(f.k.Ctx, p.ID, true)
	if err != nil || mime != "image/jpeg" {
		t.Fatalf("thumb: %q %q %v", path, mime, err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	thumb, err := jpeg.DecodeConfig(bytes.NewReader(raw))
	if err != nil || thumb.Width != activities.ThumbWidth || thumb.Height != 320 {
		t.Fatalf("thumbnail %dx%d %v; want 480x320", thumb.Width, thumb.Height, err)
	}
	full, _, _ := f.k.Activities.PhotoFile(f.k.Ctx, p.ID, false)
	if b, err := os.ReadFile(full); err != nil || !bytes.Equal(b, pngOf(1200, 800)) {
		t.Fatalf("the photo is not kept as uploaded: %v", err)
	}
	// Not a picture, or one that would unpack into too many pixels.
	if _, err := f.k.Activities.AddPhoto(f.branch, act.ID, []byte("%PDF-1.4 not a photo"), ""); code(err) != activities.CodeActivityInvalid || !strings.Contains(errs.As(err).Message, "JPG、PNG 或 GIF") {
		t.Fatalf("a PDF: %v", err)
	}
	var g bytes.Buffer
	gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 2, 2), []color.Color{color.Black, color.White}), nil)
	bomb := g.Bytes()
	bomb[6], bomb[7], bomb[8], bomb[9] = 0xff, 0xff, 0xff, 0xff // logical screen 65535×65535
	if _, err := f.k.Activities.AddPhoto(f.branch, act.ID, bomb, ""); code(err) != activities.CodeActivityInvalid || !strings.Contains(errs.As(err).Message, "像素太多") {
		t.Fatalf("a decompression bomb: %v", err)
	}
	if _, err := f.k.Activities.AddPhoto(f.youth, act.ID, pngOf(10, 10), ""); errs.As(err).Kind != errs.KindForbidden {
		t.Fatalf("another unit's photo: %v", err)
	}
	ps, _ := f.k.Activities.Photos(f.k.Ctx, act.ID)
	if len(ps) != 1 {
		t.Fatalf("%d photos kept; want the one good upload", len(ps))
	}
	if _, err := f.k.Activities.DeletePhoto(f.librarian, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the thumbnail stays after the photo is removed: %v", err)
	}
	if audit := auditSummaries(t, f.k, "activity"); !strings.Contains(strings.Join(audit, "\n"), "填写活动总结") || !strings.Contains(strings.Join(audit, "\n"), "上传活动照片") {
		t.Fatalf("audit: %v", audit)
	}
}
