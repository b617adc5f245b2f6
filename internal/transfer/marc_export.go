package transfer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
)

// ExportOptions select what a MARC export writes and how.
type ExportOptions struct {
	Format  marc.Format    // iso2709 (default) or marcxml
	Flavor  marcmap.Flavor // cnmarc (default) or marc21
	Charset marc.Charset   // ISO 2709 only: utf-8 (default) or gbk

	CLCPrefix string    // only records whose class starts with it
	Since     time.Time // only records changed at or after it
}

// ExportReport is what a MARC export did: how many records it wrote and
// which it left out, and why.
type ExportReport struct {
	Written int
	Skipped []ExportSkip
}

// ExportSkip is one record an export left out, with a Chinese and an
// English sentence naming it and the reason.
type ExportSkip struct {
	RecordID int64
	Title    string
	Code     errs.Code // CodeMARCRecordTooLong or CodeMARCFieldTooLong
	Tag      string    // the field too long, for CodeMARCFieldTooLong
	Bytes    int
	Message  string // Chinese
	English  string
}

// skipTooLong describes a record the ISO 2709 writer refused.
func skipTooLong(r catalog.Record, tl *marc.TooLongError) ExportSkip {
	if tl.Tag != "" {
		return ExportSkip{RecordID: r.ID, Title: r.Title, Code: CodeMARCFieldTooLong, Tag: tl.Tag, Bytes: tl.Bytes,
			Message: fmt.Sprintf("书目 %d《%s》的 %s 字段有 %s 字节，超过 ISO 2709 单个字段 %s 字节的上限，未导出；请精简该字段，或改用 MARCXML 导出", r.ID, r.Title, tl.Tag, bytesN(tl.Bytes), bytesN(tl.Max)),
			English: fmt.Sprintf("record %d (%s): field %s is %s bytes, more than ISO 2709's %s; not exported (shorten it, or export MARCXML)", r.ID, r.Title, tl.Tag, bytesN(tl.Bytes), bytesN(tl.Max))}
	}
	return ExportSkip{RecordID: r.ID, Title: r.Title, Code: CodeMARCRecordTooLong, Bytes: tl.Bytes,
		Message: fmt.Sprintf("书目 %d《%s》的 ISO 2709 记录有 %s 字节，超过 %s 字节的上限，未导出；请删减责任者、主题或复本等重复字段，或改用 MARCXML 导出", r.ID, r.Title, bytesN(tl.Bytes), bytesN(tl.Max)),
		English: fmt.Sprintf("record %d (%s) is %s bytes in ISO 2709, more than its %s; not exported (remove repeated authors, subjects or copies, or export MARCXML)", r.ID, r.Title, bytesN(tl.Bytes), bytesN(tl.Max))}
}

// bytesN writes a byte count with thousands separators (132,249), as
// the page's explanation of the limits does.
func bytesN(n int) string {
	d := strconv.Itoa(n)
	for i := len(d) - 3; i > 0; i -= 3 {
		d = d[:i] + "," + d[i:]
	}
	return d
}

// marcWriter is what the ISO 2709 and MARCXML writers have in common.
type marcWriter interface {
	Write(r *marc.Record) error
}

// ExportMARC writes every record that passes the filters, with its copies
// as holdings fields, and reports how many it wrote. A record ISO 2709
// cannot hold (over 99,999 bytes, or a field over 9,999) is left out and
// named in the report's Skipped, so one long record does not spoil the
// export of the rest.
func (s *Service) ExportMARC(ctx context.Context, out io.Writer, o ExportOptions) (ExportReport, error) {
	if o.Flavor == "" {
		o.Flavor = marcmap.CNMARC
	}
	var w marcWriter
	var finish func() error
	switch o.Format {
	case "", marc.FormatISO2709:
		cs := o.Charset
		if cs == "" || cs == marc.CharsetAuto {
			cs = marc.CharsetUTF8
		}
		iw, err := marc.NewWriter(out, marc.WriterOptions{Charset: cs})
		if err != nil {
			return ExportReport{}, errs.Invalid(CodeMARCCharsetUnsupported, "encoding", "导出只支持 UTF-8 或 GBK 编码", "export writes utf-8 or gbk only").Wrap(err)
		}
		w, finish = iw, iw.Flush
	case marc.FormatMARCXML:
		xw := marc.NewXMLWriter(out)
		w, finish = xw, xw.Close
	default:
		return ExportReport{}, errs.Invalid(CodeMARCFormatUnsupported, "format", "导出格式只能是 iso2709 或 marcxml", "export format must be iso2709 or marcxml")
	}
	opts := marcmap.Options{CLC: s.catalog.CLC(), MaxYear: s.now().Year() + 1}
	var rep ExportReport
	err := s.eachRecord(ctx, func(r catalog.Record, items []catalog.Item, orig *Original, locs locationIndex) error {
		if o.CLCPrefix != "" && !strings.HasPrefix(r.CLC, strings.ToUpper(o.CLCPrefix)) {
			return nil
		}
		if !o.Since.IsZero() && r.UpdatedAt.Before(o.Since) {
			return nil
		}
		in := marcmap.Export{Record: r}
		for _, it := range items {
			in.Items = append(in.Items, marcmap.Holding{Barcode: it.Barcode, CallNumber: it.CallNumber, Location: locs.name(it.LocationID), PriceFen: it.PriceFen, Copies: 1})
		}
		if orig != nil {
			m, err := marc.NewReader(bytes.NewReader(orig.Data), marc.ReaderOptions{Charset: marc.CharsetUTF8}).Read()
			if err == nil {
				in.Original = m
			}
		}
		if err := w.Write(marcmap.Encode(in, o.Flavor, opts)); err != nil {
			var tl *marc.TooLongError
			if errors.As(err, &tl) {
				rep.Skipped = append(rep.Skipped, skipTooLong(r, tl))
				return nil
			}
			return err
		}
		rep.Written++
		return nil
	})
	if err != nil {
		return rep, err
	}
	return rep, finish()
}

// eachRecord streams the catalogue in id order with copies, originals
// and locations, a read transaction per thousand records.
func (s *Service) eachRecord(ctx context.Context, fn func(catalog.Record, []catalog.Item, *Original, locationIndex) error) error {
	var after int64
	for {
		var batch []catalog.Record
		var items map[int64][]catalog.Item
		var origs map[int64]Original
		var locs locationIndex
		err := s.store.View(ctx, func(tx Tx) error {
			var err error
			if batch, err = tx.RecordsAfter(after, 1000); err != nil || len(batch) == 0 {
				return err
			}
			ids := make([]int64, len(batch))
			for i, r := range batch {
				ids[i] = r.ID
			}
			if items, err = tx.ItemsOfRecords(ids); err != nil {
				return err
			}
			if origs, err = tx.OriginalsOf(ids); err != nil {
				return err
			}
			list, err := tx.Locations()
			if err != nil {
				return err
			}
			locs = locationIndex{list: list}
			return nil
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		for _, r := range batch {
			var o *Original
			if v, ok := origs[r.ID]; ok {
				o = &v
			}
			if err := fn(r, items[r.ID], o, locs); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].ID
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}
