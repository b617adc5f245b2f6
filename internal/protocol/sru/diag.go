package sru

import "strconv"

// A diagnostic is SRU's error: a number from the SRU diagnostics list
// (info:srw/diagnostic/1/N), details naming what was wrong and a message.
// Fatal diagnostics replace the answer; the others go beside it.
type diagnostic struct {
	code    int
	details string
	message string
}

func (d *diagnostic) Error() string {
	return "SRU diagnostic " + strconv.Itoa(d.code) + ": " + d.message
}

func (d *diagnostic) uri() string { return "info:srw/diagnostic/1/" + strconv.Itoa(d.code) }

// Diagnostic numbers used here, with the messages of the SRU list.
const (
	diagSystem            = 1
	diagUnsupportedOp     = 4
	diagUnsupportedVer    = 5
	diagBadValue          = 6
	diagMissingParam      = 7
	diagUnsupportedParam  = 8
	diagQuerySyntax       = 10
	diagUnsupportedIndex  = 16
	diagUnsupportedRel    = 19
	diagUnsupportedRelMod = 20
	diagEmptyTerm         = 27
	diagMasking           = 28
	diagUnsupportedBool   = 37
	diagUnsupportedBoolM  = 46
	diagFirstOutOfRange   = 61
	diagRecordUnavailable = 64
	diagRecordDeleted     = 65
	diagUnknownSchema     = 66
	diagUnsupportedPack   = 71
	diagSortUnsupported   = 80
)

var messages = map[int]string{
	diagSystem:            "General system error",
	diagUnsupportedOp:     "Unsupported operation",
	diagUnsupportedVer:    "Unsupported version",
	diagBadValue:          "Unsupported parameter value",
	diagMissingParam:      "Mandatory parameter not supplied",
	diagUnsupportedParam:  "Unsupported parameter",
	diagQuerySyntax:       "Query syntax error",
	diagUnsupportedIndex:  "Unsupported index",
	diagUnsupportedRel:    "Unsupported relation",
	diagUnsupportedRelMod: "Unsupported relation modifier",
	diagEmptyTerm:         "Empty term unsupported",
	diagMasking:           "Masking character not supported",
	diagUnsupportedBool:   "Unsupported boolean operator",
	diagUnsupportedBoolM:  "Unsupported boolean modifier",
	diagFirstOutOfRange:   "First record position out of range",
	diagRecordUnavailable: "Record temporarily unavailable",
	diagRecordDeleted:     "Record deleted by another user",
	diagUnknownSchema:     "Unknown schema for retrieval",
	diagUnsupportedPack:   "Unsupported record packing",
	diagSortUnsupported:   "Sort not supported",
}

func diag(code int, details string) *diagnostic {
	return &diagnostic{code: code, details: details, message: messages[code]}
}
