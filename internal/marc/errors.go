package marc

import "fmt"

// Reason classifies why a record could not be read. The values are
// stable: callers and reports may compare them.
type Reason string

// Reasons for a RecordError. They follow the structure of ISO 2709: the
// leader, its base address, the directory, the bytes of the data, and a
// record that parses but holds nothing.
const (
	ReasonBadLeader           Reason = "bad leader"
	ReasonBadBaseAddress      Reason = "bad base address"
	ReasonBaseAddressNotFound Reason = "base address not found"
	ReasonBadDirectory        Reason = "bad directory"
	ReasonBadEncoding         Reason = "bad encoding"
	ReasonNoFields            Reason = "no fields"
)

// RecordError reports one broken record. Readers return it and carry on:
// the next call reads the following record.
type RecordError struct {
	Index  int    // 0-based position of the record in the stream
	Offset int64  // byte offset of the record's first byte in the stream
	Reason Reason // what class of damage was found
	Err    error  // detail
}

// Error describes the record by position, so a user can find it in the file.
func (e *RecordError) Error() string {
	return fmt.Sprintf("marc: record %d at byte %d: %s: %v", e.Index, e.Offset, e.Reason, e.Err)
}

// Unwrap returns the detailed cause.
func (e *RecordError) Unwrap() error { return e.Err }

// Limits of ISO 2709: its directory gives a field's length in four digits
// and the leader a record's in five.
const (
	MaxFieldBytes  = 9999
	MaxRecordBytes = maxRecordLen
)

// TooLongError is what Writer.Write returns for a record ISO 2709 cannot
// hold. Nothing of the record has been written: the caller may skip it
// and go on writing the next.
type TooLongError struct {
	Tag   string // the field that is too long; "" when the whole record is
	Bytes int    // its encoded length
	Max   int    // MaxFieldBytes or MaxRecordBytes
}

func (e *TooLongError) Error() string {
	if e.Tag != "" {
		return fmt.Sprintf("marc: field %s is %d bytes, more than the %d ISO 2709 allows", e.Tag, e.Bytes, e.Max)
	}
	return fmt.Sprintf("marc: the record is %d bytes, more than the %d ISO 2709 allows", e.Bytes, e.Max)
}
