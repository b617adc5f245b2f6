// Package photos is the photos shuwu keeps of what happens in the room
// (activities' records, leader and guest visits): an upload checked to be
// a JPEG, PNG or GIF picture of a sane size, turned upright by its EXIF
// orientation for a JPEG thumbnail, and the files kept on disk in the
// data directory (a directory per owner under photos/), where `shuwu
// backup` copies them with the database.
package photos

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // image.Decode reads GIF
	"image/jpeg"
	_ "image/png" // and PNG
	"os"
	"path/filepath"

	"golang.org/x/image/draw"

	"shuwu/internal/errs"
)

// Limits of one upload.
const (
	MaxBytes   = 12 << 20 // the file
	MaxPixels  = 50e6     // decoded, so a small file cannot unpack into gigabytes
	ThumbWidth = 480
)

// Picture is what Read found in an upload.
type Picture struct {
	MIME   string
	Width  int // as seen, after the EXIF orientation
	Height int
	Bytes  int64
}

// Read checks an upload is a picture of a sane size and makes its JPEG
// thumbnail; the file itself is kept as uploaded. A refusal is an Invalid
// error of code on the field "photo", in Chinese and English.
func Read(data []byte, code errs.Code) (p Picture, thumb []byte, err error) {
	invalid := func(zh, en string) error { return errs.Invalid(code, "photo", zh, en) }
	switch {
	case len(data) == 0:
		return p, nil, invalid("请选择要上传的照片", "choose a photo to upload")
	case len(data) > MaxBytes:
		return p, nil, invalid(fmt.Sprintf("照片不能超过 %d MB", MaxBytes>>20), fmt.Sprintf("a photo is at most %d MB", MaxBytes>>20))
	}
	notPhoto := invalid("只能上传 JPG、PNG 或 GIF 格式的照片", "upload a JPEG, PNG or GIF picture")
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return p, nil, notPhoto
	}
	switch format {
	case "jpeg":
		p.MIME = "image/jpeg"
	case "png":
		p.MIME = "image/png"
	case "gif":
		p.MIME = "image/gif"
	default:
		return p, nil, notPhoto
	}
	if cfg.Width < 1 || cfg.Height < 1 || float64(cfg.Width)*float64(cfg.Height) > MaxPixels {
		return p, nil, invalid(fmt.Sprintf("照片的像素太多（%d×%d），请缩小后再上传", cfg.Width, cfg.Height),
			fmt.Sprintf("the picture is too large (%d×%d); make it smaller first", cfg.Width, cfg.Height))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return p, nil, invalid("照片文件已损坏，无法读取", "the picture file is damaged")
	}
	if format == "jpeg" {
		// A phone's upright photo is often stored on its side with an EXIF
		// orientation: the thumbnail (and the sizes) are as it is seen.
		img = orient(img, jpegOrientation(data))
	}
	b := img.Bounds()
	p.Width, p.Height, p.Bytes = b.Dx(), b.Dy(), int64(len(data))
	w, h := p.Width, p.Height
	if w > ThumbWidth {
		w, h = ThumbWidth, max(1, p.Height*ThumbWidth/p.Width)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src) // transparent PNGs on white
	draw.BiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 82}); err != nil {
		return p, nil, errs.Internalf("photos: thumbnail: %w", err)
	}
	return p, out.Bytes(), nil
}

// Ext is the file name extension of a picture's type.
func Ext(mime string) string {
	switch mime {
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	}
	return ".jpg"
}

// Dir is a directory photos are kept in.
type Dir string

// Path is where the file name is kept.
func (d Dir) Path(name string) string { return filepath.Join(string(d), name) }

// Write keeps data as name, whole or not at all (written aside, synced,
// then renamed).
func (d Dir) Write(name string, data []byte) error {
	if d == "" {
		return errs.Internalf("photos: no photos directory")
	}
	if err := os.MkdirAll(string(d), 0o755); err != nil {
		return errs.Internalf("photos: photos directory: %w", err)
	}
	tmp, err := os.CreateTemp(string(d), ".upload-*")
	if err != nil {
		return errs.Internalf("photos: keep photo: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), d.Path(name))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return errs.Internalf("photos: keep photo: %w", err)
	}
	return nil
}

// Remove deletes the files named, those that exist.
func (d Dir) Remove(names ...string) {
	for _, n := range names {
		if n != "" {
			os.Remove(d.Path(n))
		}
	}
}
