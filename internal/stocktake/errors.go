package stocktake

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 盘点的名称或范围填写有误 / the stocktake's name or range is wrong
	CodeInvalid errs.Code = "STOCKTAKE_INVALID"
	// 盘点不存在 / no such stocktake
	CodeNotFound errs.Code = "STOCKTAKE_NOT_FOUND"
	// 盘点已结束 / the stocktake is closed
	CodeClosed errs.Code = "STOCKTAKE_CLOSED"
	// 请先选择正在盘点的书架 / choose the shelf group being scanned
	CodeShelfRequired errs.Code = "STOCKTAKE_SHELF_REQUIRED"
	// 条码为空或过长 / the barcode is empty or too long
	CodeBarcodeInvalid errs.Code = "STOCKTAKE_BARCODE_INVALID"
	// 条码文件无法读取 / the barcode file cannot be read
	CodeFileInvalid errs.Code = "STOCKTAKE_FILE_INVALID"
	// 盘点尚未结束，不能据此注销 / close the stocktake before marking copies lost from it
	CodeStillOpen errs.Code = "STOCKTAKE_STILL_OPEN"
)
