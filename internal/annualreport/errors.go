package annualreport

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 这一部分的文字太长（最多 20000 字） / the section's text is too long
	CodeTextTooLong errs.Code = "REPORT_TEXT_TOO_LONG"
	// 报告中没有这一部分 / the report has no such section
	CodeSectionUnknown errs.Code = "REPORT_SECTION_UNKNOWN"
)
