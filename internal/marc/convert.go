package marc

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// Format names a MARC serialisation.
type Format string

// Formats that Convert reads and writes.
const (
	FormatISO2709 Format = "iso2709"
	FormatMARCXML Format = "marcxml"
	FormatJSON    Format = "json" // MARC-in-JSON
)

// ParseFormat maps a user-supplied format name to a Format.
func ParseFormat(name string) (Format, error) {
	switch name {
	case "iso2709", "marc", "mrc", "usmarc", "iso":
		return FormatISO2709, nil
	case "marcxml", "xml":
		return FormatMARCXML, nil
	case "json", "marc-in-json", "mij":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("marc: unknown format %q (use iso2709, marcxml or json)", name)
}

// ConvertOptions select the input and output of Convert.
type ConvertOptions struct {
	From Format // default FormatISO2709
	To   Format // default FormatMARCXML

	// InputCharset forces the encoding of ISO 2709 input (see
	// ReaderOptions.Charset); MARCXML and JSON input are always Unicode.
	InputCharset Charset
	// OutputCharset is the encoding of ISO 2709 output: CharsetUTF8
	// (default) or CharsetGB18030. MARCXML and JSON output are UTF-8.
	OutputCharset Charset

	// OnRecordError, if set, is called for each damaged record. A
	// record that could be read with undecodable text is still written;
	// a structurally broken one is skipped.
	OnRecordError func(*RecordError)
}

// ConvertStats counts what Convert did.
type ConvertStats struct {
	Records int   // records written
	Skipped int   // broken records left out
	Damaged int   // records written with undecodable text replaced
	BytesIn int64 // bytes of input consumed
}

// Convert copies every record from in to out, changing format and
// encoding. It keeps going past damaged records (see OnRecordError) and
// stops at the first I/O or XML syntax error, or when ctx is done.
//
// ISO 2709 to MARCXML, the bulk path for catalogue loads, writes each
// field straight from the input buffer without building a Record.
func Convert(ctx context.Context, in io.Reader, out io.Writer, opts ConvertOptions) (ConvertStats, error) {
	var st ConvertStats
	if opts.From == "" {
		opts.From = FormatISO2709
	}
	if opts.To == "" {
		opts.To = FormatMARCXML
	}
	if opts.InputCharset == "" {
		opts.InputCharset = CharsetAuto
	}
	if opts.To != FormatISO2709 && opts.OutputCharset != "" && opts.OutputCharset != CharsetUTF8 {
		return st, fmt.Errorf("marc: %s output is always utf-8, not %s", opts.To, opts.OutputCharset)
	}
	report := func(re *RecordError, written bool) {
		if written {
			st.Damaged++
		} else {
			st.Skipped++
		}
		if opts.OnRecordError != nil {
			opts.OnRecordError(re)
		}
	}

	if opts.From == FormatISO2709 && opts.To == FormatMARCXML {
		return convertISOToXML(ctx, in, out, opts, &st, report)
	}
	cr := &countingReader{r: in}
	in = cr

	var next func() (*Record, error)
	switch opts.From {
	case FormatISO2709:
		next = NewReader(in, ReaderOptions{Charset: opts.InputCharset}).Read
	case FormatMARCXML:
		next = NewXMLReader(in).Read
	case FormatJSON:
		next = NewJSONReader(in).Read
	default:
		return st, fmt.Errorf("marc: cannot read format %q", opts.From)
	}
	var write func(*Record) error
	var finish func() error
	switch opts.To {
	case FormatISO2709:
		w, err := NewWriter(out, WriterOptions{Charset: opts.OutputCharset})
		if err != nil {
			return st, err
		}
		write, finish = w.Write, w.Flush
	case FormatMARCXML:
		w := NewXMLWriter(out)
		write, finish = w.Write, w.Close
	case FormatJSON:
		w := NewJSONWriter(out)
		write, finish = w.Write, w.Close
	default:
		return st, fmt.Errorf("marc: cannot write format %q", opts.To)
	}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return st, err
			}
		}
		rec, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RecordError
		if errors.As(err, &re) {
			report(re, rec != nil)
			if rec == nil {
				continue
			}
		} else if err != nil {
			return st, err
		}
		if err := write(rec); err != nil {
			return st, err
		}
		st.Records++
	}
	err := finish()
	st.BytesIn = cr.n
	return st, err
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func convertISOToXML(ctx context.Context, in io.Reader, out io.Writer, opts ConvertOptions, st *ConvertStats, report func(*RecordError, bool)) (ConvertStats, error) {
	r := NewReader(in, ReaderOptions{Charset: opts.InputCharset})
	w := NewXMLWriter(out)
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return *st, err
			}
		}
		raw, cs, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RecordError
		if errors.As(err, &re) {
			report(re, false)
			continue
		}
		if err != nil {
			st.BytesIn = r.pos
			return *st, err
		}
		if !w.writeRaw(raw, cs, &r.dec) {
			report(&RecordError{Index: r.index - 1, Offset: r.recStart, Reason: ReasonBadEncoding,
				Err: fmt.Errorf("field text is not valid %s", cs)}, true)
		}
		st.Records++
	}
	st.BytesIn = r.pos
	return *st, w.Close()
}
