package displays

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 书展不存在 / no such display
	CodeDisplayNotFound errs.Code = "DISPLAY_NOT_FOUND"
	// 书展的名称、日期或说明填写有误 / the display's title, dates or description is wrong
	CodeDisplayInvalid errs.Code = "DISPLAY_INVALID"
	// 书展已结束，不能再上架 / the display is over: nothing more goes onto it
	CodeDisplayOver errs.Code = "DISPLAY_OVER"
	// 这册书不能上书展 / this copy cannot go on a display
	CodeCopyUnavailable errs.Code = "DISPLAY_COPY_UNAVAILABLE"
)
