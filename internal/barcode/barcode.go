// Package barcode draws the codes shuwu prints as SVG, so that a label
// sheet printed from the browser is sharp at any printer resolution: Code
// 128 for copies' and cards' barcodes (what Chinese library scanners read),
// and QR codes for reader cards. The encoding is the libraries'; this
// package only turns their modules into rectangles.
package barcode

import (
	"fmt"
	"html/template"
	"image/color"
	"strings"

	"github.com/boombuler/barcode/code128"
	qrcode "github.com/skip2/go-qrcode"
)

// Code128 is s as a Code 128 barcode, widthMM wide and heightMM high, with
// the quiet zone the scanner needs (ten modules each side) inside the
// width. An s Code 128 cannot hold is an error.
func Code128(s string, widthMM, heightMM float64) (template.HTML, error) {
	bc, err := code128.Encode(s)
	if err != nil {
		return "", fmt.Errorf("barcode: code 128 of %q: %w", s, err)
	}
	n := bc.Bounds().Dx()
	total := n + 20
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="code128" viewBox="0 0 %d 1" preserveAspectRatio="none" style="width:%.2fmm;height:%.2fmm" role="img" aria-label="%s">`,
		total, widthMM, heightMM, template.HTMLEscapeString(s))
	for x := 0; x < n; {
		if !dark(bc.At(x, 0)) {
			x++
			continue
		}
		run := 1
		for x+run < n && dark(bc.At(x+run, 0)) {
			run++
		}
		fmt.Fprintf(&b, `<rect x="%d" y="0" width="%d" height="1"/>`, x+10, run)
		x += run
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), nil
}

// QR is s as a QR code sizeMM square, medium error correction, with its
// quiet zone.
func QR(s string, sizeMM float64) (template.HTML, error) {
	q, err := qrcode.New(s, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("barcode: QR of %q: %w", s, err)
	}
	bm := q.Bitmap()
	n := len(bm)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 %d %d" style="width:%.2fmm;height:%.2fmm" shape-rendering="crispEdges" role="img" aria-label="QR">`, n, n, sizeMM, sizeMM)
	for y, row := range bm {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="1"/>`, x, y, run)
			x += run
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), nil
}

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}
