package marc

import (
	"errors"
	"fmt"
)

// ISO 2709 structure constants.
const (
	leaderLen        = 24
	dirEntryLen      = 12
	fieldTerminator  = 0x1E
	recordTerminator = 0x1D
	subfieldDelim    = 0x1F

	// maxRecordLen is the largest record ISO 2709 can describe (a 5-digit
	// length). Readers accept a little more, for files whose leader
	// lies, and no more, so a stream without terminators cannot make
	// them allocate without bound.
	maxRecordLen  = 99999
	readLimitSlop = 4096
)

// rawField is one field of a parsed ISO 2709 record; data points into the
// record buffer and excludes the field terminator.
type rawField struct {
	tag  [3]byte
	data []byte
}

// rawRecord is the structure of one ISO 2709 record before any text is
// decoded. Its slices point into the reader's buffer, so it is valid only
// until the next read.
type rawRecord struct {
	leader []byte
	fields []rawField
}

// looksUNIMARC is Record.IsUNIMARC for a raw record.
func (r *rawRecord) looksUNIMARC() bool {
	var found bool
	for i := range r.fields {
		switch string(r.fields[i].tag[:]) {
		case "245", "008":
			return false
		case "200", "100":
			found = true
		}
	}
	return found
}

// indicatorCount reads leader/10. Non-digits (blank, CNMARC's '-') mean
// the standard two.
func (r *rawRecord) indicatorCount() int {
	c := r.leader[10]
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return 2
}

type structError struct {
	reason Reason
	err    error
}

func structErr(reason Reason, format string, args ...any) *structError {
	return &structError{reason: reason, err: fmt.Errorf(format, args...)}
}

// parseDigits parses an unsigned decimal field of a leader or directory.
func parseDigits(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseISO2709 splits rec (one record, with or without its terminator)
// into leader and fields, reusing raw.fields. It trusts the directory
// when the directory agrees with the data, and otherwise falls back to
// the field terminators, because real files carry leaders and
// directories whose numbers are off by a few bytes.
func parseISO2709(rec []byte, raw *rawRecord) *structError {
	raw.fields = raw.fields[:0]
	if n := len(rec); n > 0 && rec[n-1] == recordTerminator {
		rec = rec[:n-1]
	}
	if len(rec) < leaderLen {
		return structErr(ReasonBadLeader, "record is %d bytes, shorter than a leader", len(rec))
	}
	raw.leader = rec[:leaderLen]
	for _, c := range raw.leader {
		if c < 0x20 || c >= 0x7F {
			return structErr(ReasonBadLeader, "leader holds byte 0x%02X", c)
		}
	}
	base, ok := parseDigits(raw.leader[12:17])
	if !ok {
		return structErr(ReasonBadLeader, "base address %q is not a number", raw.leader[12:17])
	}
	// The base address may point just past the last byte when the record
	// has a directory and no data: that record has no fields.
	if base > len(rec) {
		return structErr(ReasonBadBaseAddress, "base address %d is beyond the record end %d", base, len(rec))
	}
	if base <= leaderLen {
		return structErr(ReasonBaseAddressNotFound, "base address %d leaves no room for a directory", base)
	}
	if rec[base-1] != fieldTerminator {
		// The directory must end just before the base address; find
		// where it really ends.
		end := leaderLen
		for end < len(rec) && rec[end] != fieldTerminator {
			end++
		}
		if end == len(rec) {
			return structErr(ReasonBaseAddressNotFound, "no directory terminator")
		}
		base = end + 1
	}
	dir := rec[leaderLen : base-1]
	for _, c := range dir {
		if c >= 0x80 {
			return structErr(ReasonBadEncoding, "directory holds non-ASCII byte 0x%02X", c)
		}
	}
	if len(dir)%dirEntryLen != 0 {
		return structErr(ReasonBadDirectory, "directory length %d is not a multiple of %d", len(dir), dirEntryLen)
	}
	if len(dir) == 0 {
		return structErr(ReasonNoFields, "directory is empty")
	}
	data := rec[base:]
	consistent := true
	for e := 0; e < len(dir); e += dirEntryLen {
		entry := dir[e : e+dirEntryLen]
		length, ok1 := parseDigits(entry[3:7])
		offset, ok2 := parseDigits(entry[7:12])
		if !ok1 || !ok2 {
			return structErr(ReasonBadDirectory, "entry %d %q has a non-numeric length or offset", e/dirEntryLen, entry)
		}
		f := rawField{tag: [3]byte{entry[0], entry[1], entry[2]}}
		end := offset + length
		if length == 0 || end > len(data) || data[end-1] != fieldTerminator {
			consistent = false
		} else {
			f.data = data[offset : end-1]
		}
		raw.fields = append(raw.fields, f)
	}
	if !consistent {
		// Lengths or offsets lie: take the fields in order, one per
		// field terminator.
		pos := 0
		for i := range raw.fields {
			if pos > len(data) {
				return structErr(ReasonBadDirectory, "directory lists %d fields, data holds %d", len(raw.fields), i)
			}
			end := pos
			for end < len(data) && data[end] != fieldTerminator {
				end++
			}
			raw.fields[i].data = data[pos:end]
			pos = end + 1
		}
	}
	return nil
}

// errNoTerminator marks a record cut off by the end of the stream.
var errNoTerminator = errors.New("stream ends inside a record")
