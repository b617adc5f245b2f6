package photos

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// withOrientation puts an EXIF APP1 segment with orientation o right after
// the JPEG's SOI marker, the way phone cameras do.
func withOrientation(jpg []byte, o uint16, order binary.ByteOrder) []byte {
	var t bytes.Buffer
	if order == binary.LittleEndian {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	binary.Write(&t, order, uint16(42))
	binary.Write(&t, order, uint32(8))
	binary.Write(&t, order, uint16(1))      // one entry
	binary.Write(&t, order, uint16(0x0112)) // Orientation
	binary.Write(&t, order, uint16(3))      // SHORT
	binary.Write(&t, order, uint32(1))
	binary.Write(&t, order, o)
	binary.Write(&t, order, uint16(0))
	binary.Write(&t, order, uint32(0)) // no next IFD
	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	app1 := []byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

func TestAPhonesSidewaysPhotoIsThumbnailedUpright(t *testing.T) {
	// 200×100 stored: left half red, right half blue; orientation 6 means
	// "turn 90° clockwise to see it": seen as 100×200 with red on top.
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for y := 0; y < 100; y++ {
		for x := 0; x < 200; x++ {
			c := color.RGBA{0xff, 0, 0, 0xff}
			if x >= 100 {
				c = color.RGBA{0, 0, 0xff, 0xff}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: 95})
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		data := withOrientation(b.Bytes(), 6, order)
		if o := jpegOrientation(data); o != 6 {
			t.Fatalf("%v: orientation %d, want 6", order, o)
		}
		p, thumb, err := Read(data, "TEST_INVALID")
		if err != nil {
			t.Fatal(err)
		}
		if p.Width != 100 || p.Height != 200 {
			t.Fatalf("seen as %dx%d, want 100x200", p.Width, p.Height)
		}
		th, err := jpeg.Decode(bytes.NewReader(thumb))
		if err != nil {
			t.Fatal(err)
		}
		top, bottom := th.At(50, 20), th.At(50, 180)
		if r, _, bl, _ := top.RGBA(); r < 0xc000 || bl > 0x4000 {
			t.Errorf("the top of the thumbnail is %v, want red", top)
		}
		if r, _, bl, _ := bottom.RGBA(); bl < 0xc000 || r > 0x4000 {
			t.Errorf("the bottom of the thumbnail is %v, want blue", bottom)
		}
	}
	if o := jpegOrientation(b.Bytes()); o != 1 {
		t.Fatalf("no EXIF: orientation %d", o)
	}
}

// FuzzJPEGOrientation: the EXIF reader never panics and answers 1–8.
func FuzzJPEGOrientation(f *testing.F) {
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)), nil)
	f.Add(withOrientation(b.Bytes(), 6, binary.LittleEndian))
	f.Add(withOrientation(b.Bytes(), 3, binary.BigEndian))
	f.Add(b.Bytes())
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
