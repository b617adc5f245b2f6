package store

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 备份失败：…（文件已存在或目录不可写？） / backup failed: …
	CodeBackupFailed errs.Code = "BACKUP_FAILED"
	// 审计日志的链头丢失 / the audit log's chain head is missing
	CodeAuditChainBroken errs.Code = "AUDIT_CHAIN_BROKEN"
	// 分类不存在 / category does not exist
	CodeCategoryNotFound errs.Code = "CATEGORY_NOT_FOUND"
	// 该日期不是闭馆日 / the date is not a closed day
	CodeClosedDayNotFound errs.Code = "CLOSED_DAY_NOT_FOUND"
	// 馆藏位置不存在 / location does not exist
	CodeLocationNotFound errs.Code = "LOCATION_NOT_FOUND"
	// 借阅规则不存在 / policy does not exist
	CodePolicyNotFound errs.Code = "POLICY_NOT_FOUND"
	// 读者类型不存在 / reader type does not exist
	CodeReaderTypeNotFound errs.Code = "READER_TYPE_NOT_FOUND"
	// 必读书目不存在 / reading list does not exist
	CodeReadingListNotFound errs.Code = "READING_LIST_NOT_FOUND"
	// 设置项不存在 / setting does not exist
	CodeSettingNotFound errs.Code = "SETTING_NOT_FOUND"
	// 没有记录图书属性 / no stored item properties
	CodeNoProperties errs.Code = "NO_PROPERTIES"
	// 数据库繁忙，请重试 / the database is busy; try again
	CodeBusy errs.Code = "DB_BUSY"
	// 数据目录 … 不可写（磁盘以只读方式挂载，或没有写权限） / the data directory … cannot be written
	CodeDataDirReadOnly errs.Code = "DATA_DIR_READ_ONLY"
	// 目标数据库不是空的 / the target database is not empty
	CodeTargetNotEmpty errs.Code = "TARGET_NOT_EMPTY"
)
