package visits

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 请扫描或输入读者证号 / scan or type a reader's card number
	CodeScanInvalid errs.Code = "VISIT_SCAN_INVALID"
	// 访客人数填写有误 / the number of visitors is wrong
	CodeGuestsInvalid errs.Code = "VISIT_GUESTS_INVALID"
	// 书屋里没有未持证访客可登记离开 / no visitor without a card is in to count out
	CodeNoGuestInside errs.Code = "VISIT_NO_GUEST_INSIDE"
)

// 年份格式不正确 / malformed year
const CodeYearInvalid errs.Code = "VISIT_YEAR_INVALID"
