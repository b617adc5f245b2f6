package labels

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 请选择要打印的图书或读者 / choose the copies or readers to print
	CodeNothingToPrint errs.Code = "LABELS_NOTHING_SELECTED"
	// 一次最多打印 2000 张 / at most 2,000 labels at a time
	CodeTooMany errs.Code = "LABELS_TOO_MANY"
	// 标签纸规格不存在 / no such label stock
	CodeSheetUnknown errs.Code = "LABELS_SHEET_UNKNOWN"
	// 打印偏移须在 ±10 毫米之内 / the printer offset is within ±10 mm
	CodeOffsetInvalid errs.Code = "LABELS_OFFSET_INVALID"
	// 跳过的标签数超出一页 / more labels skipped than a sheet holds
	CodeSkipInvalid errs.Code = "LABELS_SKIP_INVALID"
)
