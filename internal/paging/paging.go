// Package paging bounds the page numbers and sizes of every listing, so a
// page number a person or a script types (9223372036854775807) can never
// overflow an offset or ask the database or the search index for more than
// a listing can show.
package paging

import (
	"strconv"

	"shuwu/internal/errs"
)

// MaxPage is the highest page number any listing accepts. With the largest
// page size (200) the offset stays far below any integer limit.
const MaxPage = 100_000

// CodeOutOfRange is a page number or size outside what a listing serves.
const CodeOutOfRange errs.Code = "PAGE_OUT_OF_RANGE"

// Clamp returns n within 1..MaxPage: the page a listing shows when asked
// for page n.
func Clamp(n int) int {
	return min(max(n, 1), MaxPage)
}

// Offset is the number of rows before page n of size rows; n and size are
// clamped first, so it never overflows.
func Offset(n, size int) int {
	return (Clamp(n) - 1) * max(size, 0)
}

// LastReachable is the last page of size rows that a listing able to show
// only its first limit rows can serve (at least 1).
func LastReachable(limit, size int) int {
	if size <= 0 {
		return 1
	}
	return max(limit/size, 1)
}

// Check refuses a page number outside 1..last with a message that names
// the last page.
func Check(n, last int) error {
	if n >= 1 && n <= last {
		return nil
	}
	return OutOfRange(last)
}

// OutOfRange is the error for a page number outside 1..last.
func OutOfRange(last int) error {
	l := strconv.Itoa(last)
	return errs.Invalid(CodeOutOfRange, "page", "页码超出范围：页码须在 1 到 "+l+" 之间",
		"page out of range: the page must be between 1 and "+l)
}
