package photos

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// FuzzReadPhoto: whatever is uploaded, reading it never panics, and a
// picture it takes has a thumbnail at most ThumbWidth wide.
func FuzzReadPhoto(f *testing.F) {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 2)))
	f.Add(b.Bytes())
	b.Reset()
	img := image.NewRGBA(image.Rect(0, 0, 600, 10))
	img.Set(1, 1, color.White)
	png.Encode(&b, img)
	f.Add(b.Bytes())
	f.Add([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))
	f.Add([]byte("\xff\xd8\xff\xe0 not really"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, thumb, err := Read(data, "TEST_INVALID")
		if err != nil {
			return
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(thumb))
		if err != nil || cfg.Width > ThumbWidth || cfg.Width < 1 || p.Width < 1 {
			t.Fatalf("accepted %dx%d with thumbnail %+v, %v", p.Width, p.Height, cfg, err)
		}
	})
}
