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
	// 数据库地址须是 sqlite:文件路径 或 postgres://… / a database must be sqlite:PATH or postgres://…
	CodeDatabaseURLInvalid errs.Code = "DATABASE_URL_INVALID"
	// 源数据库文件不存在 / the source database file does not exist
	CodeSourceMissing errs.Code = "SOURCE_DATABASE_MISSING"
	// 迁移后数据不一致 / the copy differs from the source
	CodeCopyMismatch errs.Code = "COPY_MISMATCH"
	// 服务器正在运行：请先停止服务器，再恢复备份 / the server is running: stop it before restoring
	CodeServerRunning errs.Code = "SERVER_RUNNING"
)
