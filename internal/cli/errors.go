package cli

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 班次编号应为数字：… / the class id must be a number: …
	CodeClassIDInvalid errs.Code = "CLASS_ID_INVALID"
	// 无法写入文件 … / cannot create …
	CodeFileUnwritable errs.Code = "FILE_UNWRITABLE"
	// 转换失败 / conversion failed
	CodeMARCConvertFailed errs.Code = "MARC_CONVERT_FAILED"
)
