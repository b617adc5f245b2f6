package transfer

import (
	"bytes"
	"context"
	"io"
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

// marcWriter is what the ISO 2709 and MARCXML writers have in common.
type marcWriter interface {
	Write(r *marc.Record) error
}

// ExportMARC writes every record that passes the filters, with its copies
// as holdings fields, and returns how many it wrote.
func (s *Service) ExportMARC(ctx context.Context, out io.Writer, o ExportOptions) (int, error) {
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
			return 0, errs.Invalid("MARC_CHARSET_UNSUPPORTED", "encoding", "导出只支持 UTF-8 或 GBK 编码", "export writes utf-8 or gbk only").Wrap(err)
		}
		w, finish = iw, iw.Flush
	case marc.FormatMARCXML:
		xw := marc.NewXMLWriter(out)
		w, finish = xw, xw.Close
	default:
		return 0, errs.Invalid("MARC_FORMAT_UNSUPPORTED", "format", "导出格式只能是 iso2709 或 marcxml", "export format must be iso2709 or marcxml")
	}
	opts := marcmap.Options{CLC: s.catalog.CLC(), MaxYear: s.now().Year() + 1}
	n := 0
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
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, finish()
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
