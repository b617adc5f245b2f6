package stats

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 日期应写成 2026-01-31 / a date must look like 2026-01-31
	CodeStatsDateInvalid errs.Code = "STATS_DATE_INVALID"
	// 结束日期早于开始日期 / the end date is before the start date
	CodeStatsRangeBackwards errs.Code = "STATS_RANGE_BACKWARDS"
	// 统计区间最长 10 年 / a range is at most 10 years
	CodeStatsRangeTooLong errs.Code = "STATS_RANGE_TOO_LONG"
	// 没有这份统计报表 / no such report
	CodeStatsReportUnknown errs.Code = "STATS_REPORT_UNKNOWN"
)
