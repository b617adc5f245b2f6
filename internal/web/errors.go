package web

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 表单格式不正确 / malformed form
	CodeFormMalformed errs.Code = "FORM_MALFORMED"
	// 导出文件已过期或已下载，请重新导出 / the export file has expired or was downloaded already; export again
	CodeExportExpired errs.Code = "EXPORT_EXPIRED"
	// 文件中没有读到 MARC 记录 / no MARC records were found in the file
	CodeMARCEmpty errs.Code = "MARC_EMPTY"
	// 表中没有读到数据行 / the sheet has no data rows
	CodeSheetEmpty errs.Code = "SHEET_EMPTY"
	// 页面不存在 / page not found
	CodePageNotFound errs.Code = "PAGE_NOT_FOUND"
	// 预览的文件已过期，请重新上传 / the previewed file has expired; upload it again
	CodeUploadExpired errs.Code = "UPLOAD_EXPIRED"
	// 找不到这个 ISBN 或条码的图书 / no book with that ISBN or barcode
	CodeReadingListBookUnknown errs.Code = "READING_LIST_BOOK_UNKNOWN"
	// 请输入要加入的图书的 ISBN 或条码 / type the ISBN or barcode of a book to add
	CodeSetBookRequired errs.Code = "SET_BOOK_REQUIRED"
	// 请选择必读书目 / choose a reading list
	CodeReadingListRequired errs.Code = "READING_LIST_REQUIRED"
	// 请勾选“确认删除”：删除后无法恢复 / tick “confirm”: this cannot be undone
	CodeConfirmMissing errs.Code = "CONFIRM_MISSING"
)
