package sip2

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 请扫描要预约的图书 / scan the book to place a hold on
	CodeBarcodeRequired errs.Code = "BARCODE_REQUIRED"
	// 预约不能修改：请先取消，再重新预约 / a hold cannot be changed: cancel it and place it again
	CodeHoldChangeUnsupported errs.Code = "HOLD_CHANGE_UNSUPPORTED"
	// 预约方式无效（应为 + 或 -） / the hold mode must be + or -
	CodeHoldModeInvalid errs.Code = "HOLD_MODE_INVALID"
)
