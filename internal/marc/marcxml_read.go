package marc

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// maxXMLRecordText bounds the text one MARCXML record may hold, so a
// hostile document cannot make the reader grow without limit.
const maxXMLRecordText = 1 << 20

// XMLReader reads MARCXML records one at a time from a stream. It accepts
// the MARC21 slim namespace, the CNMARC and UNIMARC namespaces
// (http://www.nlc.cn/, info:srw/schema/8/unimarcxml-v0.1, dp2's
// http://dp2003.com/UNIMARC), no namespace at all, and records wrapped in
// an SRU searchRetrieveResponse or a <collection>: it recognises elements
// by local name, and a <record> nested in another (SRU's envelope record)
// replaces the outer one.
type XMLReader struct {
	d     *xml.Decoder
	index int
}

// NewXMLReader returns an XMLReader reading from r.
func NewXMLReader(r io.Reader) *XMLReader {
	d := xml.NewDecoder(r)
	d.Strict = true
	return &XMLReader{d: d}
}

// Read returns the next record, or io.EOF after the last. A record with
// no fields gives a *RecordError and reading may continue; malformed XML
// ends the stream with a plain error.
func (x *XMLReader) Read() (*Record, error) {
	var (
		rec     *Record
		inRec   int // depth of the current <record>, 0 when outside
		depth   int
		field   *Field
		subCode byte
		target  int // 0 none, 1 leader, 2 control, 3 subfield
		text    strings.Builder
		size    int
		tooBig  bool
	)
	for {
		tok, err := x.d.Token()
		if err == io.EOF {
			if rec != nil {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("marc: marcxml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "record":
				if rec == nil {
					x.index++
				}
				rec = &Record{}
				inRec = depth
				size, tooBig = 0, false
			case "leader", "controlfield", "datafield", "subfield":
				if rec == nil {
					continue
				}
				text.Reset()
				switch t.Name.Local {
				case "leader":
					target = 1
				case "controlfield":
					target = 2
					rec.Fields = append(rec.Fields, Field{Tag: attr(t, "tag")})
				case "datafield":
					target = 0
					rec.Fields = append(rec.Fields, Field{
						Tag:  attr(t, "tag"),
						Ind1: firstByte(attr(t, "ind1")),
						Ind2: firstByte(attr(t, "ind2")),
					})
					field = &rec.Fields[len(rec.Fields)-1]
				case "subfield":
					target = 3
					subCode = firstByte(attr(t, "code"))
				}
			}
		case xml.CharData:
			if target != 0 && rec != nil {
				size += len(t)
				if size > maxXMLRecordText {
					tooBig = true
					continue
				}
				text.Write(t)
			}
		case xml.EndElement:
			depth--
			if rec == nil {
				continue
			}
			switch t.Name.Local {
			case "leader":
				rec.Leader = leaderString(text.String())
				target = 0
			case "controlfield":
				if n := len(rec.Fields); n > 0 && target == 2 {
					rec.Fields[n-1].Value = norm.NFC.String(text.String())
				}
				target = 0
			case "subfield":
				if field != nil && target == 3 && len(rec.Fields) > 0 {
					field = &rec.Fields[len(rec.Fields)-1]
					field.Subfields = append(field.Subfields, Subfield{Code: subCode, Value: norm.NFC.String(text.String())})
				}
				target = 0
			case "datafield":
				// XMLWriter's form of a field without subfield
				// delimiters: one subfield with a blank code.
				if n := len(rec.Fields); n > 0 {
					f := &rec.Fields[n-1]
					if len(f.Subfields) == 1 && f.Subfields[0].Code == ' ' {
						f.Value, f.Subfields = f.Subfields[0].Value, nil
					}
				}
				field = nil
			case "record":
				if depth+1 != inRec {
					continue
				}
				idx := x.index - 1
				done := rec
				rec, inRec = nil, 0
				switch {
				case tooBig:
					return nil, &RecordError{Index: idx, Offset: x.d.InputOffset(), Reason: ReasonBadLeader,
						Err: fmt.Errorf("record holds more than %d bytes of text", maxXMLRecordText)}
				case len(done.Fields) == 0 && done.Leader == "":
					// An SRU envelope <record> whose MARC record was
					// already returned, or an empty one.
					x.index--
					continue
				case len(done.Fields) == 0:
					return nil, &RecordError{Index: idx, Offset: x.d.InputOffset(), Reason: ReasonNoFields,
						Err: errors.New("record has no fields")}
				}
				if done.Leader == "" {
					done.Leader = leaderString("")
				}
				return done, nil
			}
		}
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func firstByte(s string) byte {
	if s == "" || s[0] < 0x20 || s[0] >= 0x7F {
		return ' '
	}
	return s[0]
}

// leaderString pads or cuts a MARCXML leader to 24 bytes; files in the
// wild carry leaders of other lengths.
func leaderString(s string) string {
	l := normalLeader(s)
	return string(l[:])
}
