package httpx

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 可导出 records、readers、class、ledger / exports are records, readers, class and ledger
	CodeExportUnknown errs.Code = "EXPORT_UNKNOWN"
	// 读者只能为自己办理 / readers can act only for themselves
	CodeForbidden errs.Code = "FORBIDDEN"
	// 导入类型只能是 marc（MARC 文件）、books（书目清单）或 roster（学员名单） / the import kind must be marc, books or roster
	CodeImportKindUnknown errs.Code = "IMPORT_KIND_UNKNOWN"
	// 模板只有 books（书目清单）和 roster（学员名单）两种 / templates are books and roster
	CodeTemplateUnknown errs.Code = "TEMPLATE_UNKNOWN"
	// 文件上传不完整，请重试 / the upload was interrupted; try again
	CodeUploadBroken errs.Code = "UPLOAD_BROKEN"
	// 上传的文件是空的 / the uploaded file is empty
	CodeUploadEmpty errs.Code = "UPLOAD_EMPTY"
	// 请以 multipart/form-data 上传文件 / upload the file as multipart/form-data
	CodeUploadMissing errs.Code = "UPLOAD_MISSING"
	// 上传的文件过大（最多 …） / the upload is too large (… at most)
	CodeUploadTooLarge errs.Code = "UPLOAD_TOO_LARGE"
)
