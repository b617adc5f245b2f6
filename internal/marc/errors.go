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
