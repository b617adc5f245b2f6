package transfer

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/plaintext"
)

// DefaultBatchSize is how many records one import transaction holds.
const DefaultBatchSize = 500

// MARCOptions configure a MARC import.
type MARCOptions struct {
	Format     marc.Format  // "" detects ISO 2709, MARCXML or MARC-in-JSON
	Charset    marc.Charset // ISO 2709 only; "" detects per record
	Match      MatchMode
	OnMatch    OnMatch
	LocationID int64          // where copies go when a holdings field names no known location; 0: the first
	Source     catalog.Source // acquisition source of the copies; "": purchase
	BatchSize  int

	// Rejects, if set, receives each rejected record.
	Rejects RejectSink
	// Progress, if set, is called after every batch.
	Progress func(Progress)
}

// Progress is how far an import has got.
type Progress struct {
	Records int   // records read
	Bytes   int64 // input bytes consumed
	Report  Report
}

// Report is the outcome of an import.
type Report struct {
	Read       int           `json:"read"`
	Added      int           `json:"added"`
	Overlaid   int           `json:"overlaid"`
	Matched    int           `json:"matched"` // copies added to an existing record (--on-match add-copies)
	Skipped    int           `json:"skipped"`
	Rejected   int           `json:"rejected"`
	Items      int           `json:"items"`
	Warnings   []Problem     `json:"warnings"`
	Rejections []Problem     `json:"rejections"`
	Elapsed    time.Duration `json:"elapsed_ns"`

	seen map[string]bool // warnings given once per import
}

// RejectSink receives rejected input: the problem, and the record when
// one could be read.
type RejectSink interface {
	Reject(p Problem, rec *marc.Record) error
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// recordReader is what the three MARC readers have in common.
type recordReader interface {
	Read() (*marc.Record, error)
}

// DetectFormat looks at the first bytes of a stream: '<' is MARCXML,
// '{' or '[' MARC-in-JSON, anything else ISO 2709.
func DetectFormat(br *bufio.Reader) marc.Format {
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case len(head) > 0 && head[0] == '<':
		return marc.FormatMARCXML
	case len(head) > 0 && (head[0] == '{' || head[0] == '['):
		return marc.FormatJSON
	}
	return marc.FormatISO2709
}

func openMARC(in io.Reader, format marc.Format, cs marc.Charset) (recordReader, *countingReader) {
	cr := &countingReader{r: in}
	br := bufio.NewReaderSize(cr, 64<<10)
	if format == "" {
		format = DetectFormat(br)
	}
	switch format {
	case marc.FormatMARCXML:
		return marc.NewXMLReader(br), cr
	case marc.FormatJSON:
		return marc.NewJSONReader(br), cr
	}
	return marc.NewReader(br, marc.ReaderOptions{Charset: cs}), cr
}

// decoded is one record read and mapped, or the reason it cannot be.
type decoded struct {
	pos    int
	rec    *marc.Record
	entry  *entry
	reject *Problem
}

// marcSource reads and maps records one at a time.
type marcSource struct {
	rd   recordReader
	cr   *countingReader
	opts marcmap.Options
	pos  int
	raw  bytes.Buffer
	w    *marc.Writer
}

func (s *Service) newMARCSource(in io.Reader, o MARCOptions) (*marcSource, error) {
	rd, cr := openMARC(in, o.Format, o.Charset)
	src := &marcSource{rd: rd, cr: cr, opts: marcmap.Options{CLC: s.catalog.CLC(), MaxYear: s.now().Year() + 1}}
	w, err := marc.NewWriter(&src.raw, marc.WriterOptions{Charset: marc.CharsetUTF8})
	if err != nil {
		return nil, err
	}
	src.w = w
	return src, nil
}

// next returns the next record; io.EOF at the end; any other error is a
// stream the reader cannot go on with (malformed XML, an I/O failure).
func (m *marcSource) next() (decoded, error) {
	rec, err := m.rd.Read()
	if errors.Is(err, io.EOF) {
		return decoded{}, io.EOF
	}
	m.pos++
	d := decoded{pos: m.pos, rec: rec}
	var re *marc.RecordError
	switch {
	case errors.As(err, &re) && rec == nil:
		d.reject = &Problem{Record: m.pos, Code: CodeMARCRecordBroken,
			Message: "记录结构损坏，无法读取：" + string(re.Reason), MessageEn: re.Error()}
		return d, nil
	case errors.As(err, &re):
		// Readable, with some bytes replaced: keep it and say so.
	case err != nil:
		return d, errs.Invalid(CodeMARCFileBroken, "file", "MARC 文件无法继续读取（第 "+strconv.Itoa(m.pos)+" 条记录处）", "the MARC file cannot be read past record "+strconv.Itoa(m.pos)).Wrap(err)
	}
	res, derr := marcmap.Decode(rec, m.opts)
	if derr != nil {
		p := problemOf(derr)
		p.Record = m.pos
		d.reject = &p
		return d, nil
	}
	if err := catalog.CheckLimits(&res.Record); err != nil {
		p := problemOf(err)
		p.Record, p.Title = m.pos, res.Record.Title
		d.reject = &p
		return d, nil
	}
	m.raw.Reset()
	if err := m.w.Write(rec); err != nil {
		// The original is kept as ISO 2709: a MARCXML record too long
		// for it could be stored but never exported again.
		p := problemOf(err)
		var tl *marc.TooLongError
		if errors.As(err, &tl) {
			p = Problem{Code: CodeMARCRecordTooLong, Message: fmt.Sprintf("记录有 %s 字节，超过 ISO 2709 的 %s 字节上限，未导入", bytesN(tl.Bytes), bytesN(tl.Max)),
				MessageEn: fmt.Sprintf("the record is %s bytes, more than ISO 2709's %s; not imported", bytesN(tl.Bytes), bytesN(tl.Max))}
			if tl.Tag != "" {
				p = Problem{Code: CodeMARCFieldTooLong, Column: tl.Tag, Message: fmt.Sprintf("字段 %s 有 %s 字节，超过 ISO 2709 单个字段 %s 字节的上限，未导入", tl.Tag, bytesN(tl.Bytes), bytesN(tl.Max)),
					MessageEn: fmt.Sprintf("field %s is %s bytes, more than ISO 2709's %s; not imported", tl.Tag, bytesN(tl.Bytes), bytesN(tl.Max))}
			}
		}
		p.Record, p.Title = m.pos, res.Record.Title
		d.reject = &p
		return d, nil
	}
	if err := m.w.Flush(); err != nil {
		return d, err
	}
	e := &entry{pos: m.pos, record: res.Record, holdings: res.Holdings,
		original: &Original{Flavor: string(res.Flavor), ControlNumber: plaintext.Line(res.ControlNumber), Data: bytes.Clone(m.raw.Bytes())}}
	if re != nil {
		e.warnings = append(e.warnings, Problem{Record: m.pos, Title: res.Record.Title, Code: CodeMARCBadEncoding,
			Message: "部分字符无法解码，已替换为 �", MessageEn: "some text could not be decoded and was replaced by U+FFFD"})
	}
	for _, w := range res.Warnings {
		e.warnings = append(e.warnings, Problem{Record: m.pos, Title: res.Record.Title, Column: w.Field, Code: w.Code, Message: w.Message, MessageEn: w.MessageEn})
	}
	d.entry = e
	return d, nil
}

// ImportMARC reads a MARC file and stores its records with their copies,
// batch by batch. Damaged or title-less records are rejected and reported
// while the rest go in. The error is for failures that stop the import:
// records stored before it stay stored, and the report says how many.
func (s *Service) ImportMARC(ctx context.Context, in io.Reader, o MARCOptions) (Report, error) {
	start := s.now()
	rep := Report{}
	src, err := s.newMARCSource(in, o)
	if err != nil {
		return rep, err
	}
	bo := batchOptions{match: o.Match, onMatch: o.OnMatch, locationID: o.LocationID, source: o.Source, what: "MARC"}
	if bo.match == "" {
		bo.match = MatchISBNTitle
	}
	if bo.onMatch == "" {
		bo.onMatch = OnMatchSkip
	}
	size := o.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	var batch []*entry
	var recs []*marc.Record
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := s.writeBatch(ctx, batch, bo); err != nil {
			return err
		}
		for i, e := range batch {
			if err := rep.count(e, recs[i], o.Rejects); err != nil {
				return err
			}
		}
		batch, recs = batch[:0], recs[:0]
		if o.Progress != nil {
			o.Progress(Progress{Records: src.pos, Bytes: src.cr.n, Report: rep})
		}
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		d, err := src.next()
		if errors.Is(err, io.EOF) {
			break
		}
		rep.Read++
		if err != nil {
			rep.finish(start, s.now())
			if ferr := flush(); ferr != nil {
				return rep, ferr
			}
			return rep, err
		}
		if d.reject != nil {
			rep.Rejected++
			rep.Rejections = append(rep.Rejections, *d.reject)
			if o.Rejects != nil {
				if err := o.Rejects.Reject(*d.reject, d.rec); err != nil {
					return rep, err
				}
			}
			continue
		}
		batch, recs = append(batch, d.entry), append(recs, d.rec)
		if len(batch) >= size {
			if err := flush(); err != nil {
				return rep, err
			}
		}
	}
	err = flush()
	rep.finish(start, s.now())
	return rep, err
}

// count adds one stored (or rejected) entry to the report.
func (rep *Report) count(e *entry, rec *marc.Record, sink RejectSink) error {
	for _, w := range e.warnings {
		// An unknown location is said once per import, not once per
		// record: vendor files repeat the same shelf code throughout.
		if w.Code == catalog.CodeLocationUnknown {
			if rep.seen[w.Message] {
				continue
			}
			if rep.seen == nil {
				rep.seen = map[string]bool{}
			}
			rep.seen[w.Message] = true
		}
		rep.Warnings = append(rep.Warnings, w)
	}
	switch e.outcome {
	case Added:
		rep.Added++
	case Overlaid:
		rep.Overlaid++
	case Matched:
		rep.Matched++
	case Skipped:
		rep.Skipped++
	case Rejected:
		rep.Rejected++
		rep.Rejections = append(rep.Rejections, *e.rejected)
		if sink != nil {
			return sink.Reject(*e.rejected, rec)
		}
	}
	rep.Items += e.items
	return nil
}

func (rep *Report) finish(start, end time.Time) { rep.Elapsed = end.Sub(start) }
