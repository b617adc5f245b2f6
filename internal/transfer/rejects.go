package transfer

import (
	"bufio"
	"fmt"
	"io"

	"shuwu/internal/marc"
)

// TextRejects writes one line per rejected record: where, why.
type TextRejects struct{ w io.Writer }

// NewTextRejects returns a sink writing a text report to w.
func NewTextRejects(w io.Writer) *TextRejects { return &TextRejects{w: w} }

// Reject writes the problem as a line.
func (t *TextRejects) Reject(p Problem, _ *marc.Record) error {
	_, err := fmt.Fprintln(t.w, p.String())
	return err
}

// MARCRejects writes rejected records as ISO 2709, so they can be fixed in
// a cataloguing tool and imported again, and the reasons as text beside.
// Records too broken to read appear only in the text.
type MARCRejects struct {
	w    *marc.Writer
	text *bufio.Writer
}

// NewMARCRejects returns a sink writing records to records and reasons to
// reasons. Call Flush at the end.
func NewMARCRejects(records, reasons io.Writer) (*MARCRejects, error) {
	w, err := marc.NewWriter(records, marc.WriterOptions{Charset: marc.CharsetUTF8})
	if err != nil {
		return nil, err
	}
	return &MARCRejects{w: w, text: bufio.NewWriter(reasons)}, nil
}

// Reject writes the record, if any, and the reason.
func (m *MARCRejects) Reject(p Problem, rec *marc.Record) error {
	if rec != nil {
		if err := m.w.Write(rec); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(m.text, p.String())
	return err
}

// Flush writes out what is buffered.
func (m *MARCRejects) Flush() error {
	if err := m.w.Flush(); err != nil {
		return err
	}
	return m.text.Flush()
}
