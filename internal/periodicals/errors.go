package periodicals

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 报刊名称不能为空 / the title is required
	CodeTitleRequired errs.Code = "PERIODICAL_TITLE_REQUIRED"
	// 报刊名称、刊号或备注过长 / the title, numbers or notes are too long
	CodeFieldTooLong errs.Code = "PERIODICAL_FIELD_TOO_LONG"
	// ISSN 格式或校验位不正确 / the ISSN is malformed or its check digit is wrong
	CodeISSNInvalid errs.Code = "ISSN_INVALID"
	// 国内统一刊号格式应为 CN11-1000/D / the CN number must look like CN11-1000/D
	CodeCNInvalid errs.Code = "CN_INVALID"
	// 未知的出版周期 / unknown frequency
	CodeFrequencyInvalid errs.Code = "FREQUENCY_INVALID"
	// 订阅份数须在 1 到 50 之间 / copies must be 1 to 50
	CodeCopiesInvalid errs.Code = "SUBSCRIPTION_COPIES_INVALID"
	// 订阅年度不合理 / the subscription year is not plausible
	CodeYearInvalid errs.Code = "SUBSCRIPTION_YEAR_INVALID"
	// 起订日期须是订阅年度内的日期 / the start date must be a day of the subscription year
	CodeStartInvalid errs.Code = "SUBSCRIPTION_START_INVALID"
	// 订阅来源不能为空 / the source is required
	CodeSourceRequired errs.Code = "SUBSCRIPTION_SOURCE_REQUIRED"
	// 订阅价格不能为负数 / the price cannot be negative
	CodePriceNegative errs.Code = "SUBSCRIPTION_PRICE_NEGATIVE"
	// 该报刊本年度已订阅 / the title is already subscribed for that year
	CodeSubscriptionExists errs.Code = "SUBSCRIPTION_EXISTS"
	// 订阅不存在 / no such subscription
	CodeSubscriptionNotFound errs.Code = "SUBSCRIPTION_NOT_FOUND"
	// 期次不存在 / no such issue
	CodeIssueNotFound errs.Code = "ISSUE_NOT_FOUND"
	// 扫描的刊号不属于本年度任何订阅 / the scanned number is no subscription of the year
	CodeScanUnknown errs.Code = "PERIODICAL_SCAN_UNKNOWN"
	// 该刊本年各期均已记到 / every issue of the year is checked in
	CodeNothingExpected errs.Code = "PERIODICAL_NOTHING_EXPECTED"
	// 没有可合订的已到期次 / no received, unbound issues to bind
	CodeNothingToBind errs.Code = "PERIODICAL_NOTHING_TO_BIND"
	// 已有期次记到，不能删除订阅 / issues were checked in: the subscription cannot be deleted
	CodeSubscriptionInUse errs.Code = "SUBSCRIPTION_IN_USE"
	// 订阅年度、起订日期不能修改 / the year and start date of a subscription stay
	CodeSubscriptionFixed errs.Code = "SUBSCRIPTION_FIXED"
	// 结束日期不合理 / the end date is not plausible
	CodeEndInvalid errs.Code = "SUBSCRIPTION_END_INVALID"
	// 只有馆员可以修改、结束或删除订阅 / only a librarian changes, ends or deletes a subscription
	CodeSubscriptionForbidden errs.Code = "SUBSCRIPTION_FORBIDDEN"
	// 订阅已结束 / the subscription has ended
	CodeSubscriptionEnded errs.Code = "SUBSCRIPTION_ENDED"
)
