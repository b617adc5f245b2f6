package stocktake

import (
	"bufio"
	"context"
	"io"
	"strings"
	"unicode/utf8"

	"shuwu/internal/errs"
)

// MaxFileScans bounds one scanner file.
const MaxFileScans = 100000

// ParseScannerFile reads a barcode scanner's export: one barcode a line,
// or CSV lines whose first field is the barcode (a header line without a
// digit is skipped); blank lines are skipped; the order is the order
// scanned. It refuses what is not text.
func ParseScannerFile(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024)
	var out []string
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimPrefix(sc.Text(), "\ufeff")
		if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
			return nil, errs.Invalid(CodeFileInvalid, "file", "条码文件不是文本文件（每行一个条码）", "the barcode file is not text (one barcode a line)")
		}
		field := text
		if i := strings.IndexAny(text, ",\t;"); i >= 0 {
			field = text[:i]
		}
		field = strings.Trim(strings.TrimSpace(field), `"`)
		if field == "" || (line == 1 && !strings.ContainsAny(field, "0123456789")) {
			continue
		}
		if utf8.RuneCountInString(field) > MaxBarcode {
			return nil, errs.Invalid(CodeFileInvalid, "file", "条码文件有过长的一行（超过 64 个字符）", "the barcode file has a line over 64 characters")
		}
		out = append(out, field)
		if len(out) > MaxFileScans {
			return nil, errs.Invalid(CodeFileInvalid, "file", "条码文件超过 100000 行，请分批导入", "the barcode file has over 100,000 lines; load it in parts")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, errs.Invalid(CodeFileInvalid, "file", "条码文件无法读取（行过长或不是文本）", "the barcode file cannot be read (a line too long, or not text)")
	}
	if len(out) == 0 {
		return nil, errs.Invalid(CodeFileInvalid, "file", "条码文件里没有条码", "the barcode file has no barcodes")
	}
	return out, nil
}

// Imported is what loading a scanner file did.
type Imported struct {
	Scans   int `json:"scans"`
	Unknown int `json:"unknown"`
	Again   int `json:"again"`
}

// ImportScans records a scanner file's barcodes as scanned on a shelf
// group, in their order, each as a scan at the shelf would be; lines that
// are no barcode are passed over.
func (s *Service) ImportScans(ctx context.Context, id, shelf int64, codes []string) (Imported, error) {
	var im Imported
	for _, raw := range codes {
		fb, err := s.Scan(ctx, id, shelf, raw)
		if err != nil {
			if errs.Is(err, CodeBarcodeInvalid) {
				continue
			}
			return im, err
		}
		im.Scans++
		if fb.Verdict == Unknown {
			im.Unknown++
		}
		if fb.Again {
			im.Again++
		}
	}
	return im, nil
}
