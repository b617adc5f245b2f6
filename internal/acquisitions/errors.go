package acquisitions

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 年份须在 2000 到明年之间 / the year must be between 2000 and next year
	CodeTargetYearInvalid errs.Code = "TARGET_YEAR_INVALID"
	// 目标册数须在 0 到 100000 之间 / a target is 0 to 100,000 volumes
	CodeTargetVolumesInvalid errs.Code = "TARGET_VOLUMES_INVALID"
	// 所选分类不存在 / no such category
	CodeTargetCategoryUnknown errs.Code = "TARGET_CATEGORY_UNKNOWN"
)

// Error codes of suppliers, funds and orders (采访).
const (
	// 书商名称不能为空 / the supplier's name is required
	CodeSupplierNameRequired errs.Code = "SUPPLIER_NAME_REQUIRED"
	// 已有同名书商 / a supplier of that name exists
	CodeSupplierNameTaken errs.Code = "SUPPLIER_NAME_TAKEN"
	// 书商的某一项过长 / one of the supplier's fields is too long
	CodeSupplierFieldTooLong errs.Code = "SUPPLIER_FIELD_TOO_LONG"
	// 书商不存在 / no such supplier
	CodeSupplierNotFound errs.Code = "SUPPLIER_NOT_FOUND"
	// 经费名称不能为空或过长 / a fund's name is required, 50 characters at most
	CodeFundNameInvalid errs.Code = "FUND_NAME_INVALID"
	// 同一年已有同名经费 / the year has a fund of that name
	CodeFundNameTaken errs.Code = "FUND_NAME_TAKEN"
	// 经费金额不合理 / the fund's amount is not plausible
	CodeFundAmountInvalid errs.Code = "FUND_AMOUNT_INVALID"
	// 经费不存在 / no such fund
	CodeFundNotFound errs.Code = "FUND_NOT_FOUND"
	// 订单不存在 / no such order
	CodeOrderNotFound errs.Code = "ORDER_NOT_FOUND"
	// 订单日期或到货期限不合理 / the order date or due date is not plausible
	CodeOrderDateInvalid errs.Code = "ORDER_DATE_INVALID"
	// 订单当前状态不允许此操作 / the order's status does not allow this
	CodeOrderStatusInvalid errs.Code = "ORDER_STATUS_INVALID"
	// 订单还没有可订的图书 / the order has no books to order
	CodeOrderEmpty errs.Code = "ORDER_EMPTY"
	// 订单明细不存在 / no such order line
	CodeLineNotFound errs.Code = "LINE_NOT_FOUND"
	// 订单明细须有书目或书名 / a line needs a record or a title
	CodeLineTitleRequired errs.Code = "LINE_TITLE_REQUIRED"
	// 订购册数不合理 / the number of copies is not plausible
	CodeLineCopiesInvalid errs.Code = "LINE_COPIES_INVALID"
	// 定价不合理 / the list price is not plausible
	CodeLinePriceInvalid errs.Code = "LINE_PRICE_INVALID"
	// 折扣不合理 / the discount is not plausible
	CodeLineDiscountInvalid errs.Code = "LINE_DISCOUNT_INVALID"
	// 订单明细的某一项过长 / one of the line's fields is too long
	CodeLineFieldTooLong errs.Code = "LINE_FIELD_TOO_LONG"
	// 本行已全部到货 / every copy of the line has come
	CodeLineComplete errs.Code = "LINE_COMPLETE"
	// 验收新书须有中图分类号 / receiving a new title needs its CLC class
	CodeLineCLCRequired errs.Code = "LINE_CLC_REQUIRED"
	// 书商确认单无法读取或有错误行 / the supplier's sheet cannot be read or has bad rows
	CodeSheetInvalid errs.Code = "ORDER_SHEET_INVALID"
)

// Error codes of readers' purchase suggestions (荐购).
const (
	// 请填写想推荐的书名 / the suggested title is required
	CodeSuggestionTitleRequired errs.Code = "SUGGESTION_TITLE_REQUIRED"
	// 荐购的某一项过长 / one of the suggestion's fields is too long
	CodeSuggestionTooLong errs.Code = "SUGGESTION_TOO_LONG"
	// 待处理的荐购过多 / too many suggestions await an answer
	CodeSuggestionTooMany errs.Code = "SUGGESTION_TOO_MANY"
	// 已推荐过此书 / the reader suggested this book already
	CodeSuggestionDuplicate errs.Code = "SUGGESTION_DUPLICATE"
	// 荐购已经处理过 / the suggestion has an answer already
	CodeSuggestionDecided errs.Code = "SUGGESTION_DECIDED"
	// 不采纳须写明理由 / a rejection needs its reason
	CodeSuggestionReasonRequired errs.Code = "SUGGESTION_REASON_REQUIRED"
	// 荐购不存在 / no such suggestion
	CodeSuggestionNotFound errs.Code = "SUGGESTION_NOT_FOUND"
)
