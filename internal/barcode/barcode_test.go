package barcode

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"
)

var (
	viewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	rect    = regexp.MustCompile(`<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1"/>`)
)

// raster paints the SVG's rectangles scale pixels a module, the rows of a
// one-row code repeated h times, so an independent decoder can read it.
func raster(t *testing.T, svg string, scale, h int) image.Image {
	t.Helper()
	vb := viewBox.FindStringSubmatch(svg)
	w, rows := atoi(vb[1]), atoi(vb[2])
	if rows == 1 {
		rows = h
	}
	img := image.NewGray(image.Rect(0, 0, (w+8)*scale, (rows+8)*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, m := range rect.FindAllStringSubmatch(svg, -1) {
		x, y, run := atoi(m[1]), atoi(m[2]), atoi(m[3])
		for yy := y; yy < y+1 || (vb[2] == "1" && yy < h); yy++ {
			for px := (x + 4) * scale; px < (x+run+4)*scale; px++ {
				for py := (yy + 4) * scale; py < (yy+5)*scale; py++ {
					img.Set(px, py, color.Gray{})
				}
			}
		}
	}
	return img
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func TestCode128ReadsBackWithAnotherDecoder(t *testing.T) {
	for _, code := range []string{"0000123", "R0000001", "S2024-0456"} {
		svg, err := Code128(code, 40, 10)
		if err != nil {
			t.Fatal(err)
		}
		bmp, _ := gozxing.NewBinaryBitmapFromImage(raster(t, string(svg), 2, 30))
		res, err := oned.NewCode128Reader().Decode(bmp, nil)
		if err != nil || res.GetText() != code {
			t.Fatalf("decoded %v %v, want %q", res, err, code)
		}
	}
	if _, err := Code128("书屋", 40, 10); err == nil {
		t.Fatal("Code 128 cannot hold Chinese characters; want an error")
	}
}

func TestQRReadsBackWithAnotherDecoder(t *testing.T) {
	want := "shuwu:reader:R0000001"
	svg, err := QR(want, 20)
	if err != nil {
		t.Fatal(err)
	}
	bmp, _ := gozxing.NewBinaryBitmapFromImage(raster(t, string(svg), 4, 0))
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil || res.GetText() != want {
		t.Fatalf("decoded %v %v, want %q", res, err, want)
	}
}
