package transfer

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 没有分类号，复本未生成索书号，请补充 / no clc class, so the copies have no call number yet
	CodeCallNumberMissing errs.Code = "CALL_NUMBER_MISSING"
	// 班次不能为空 / class is required
	CodeClassRequired errs.Code = "CLASS_REQUIRED"
	// 班次“…”不存在：请先建立班次，或加 --create-class --start 日期 --end 日期 / no class named …: create it first or pass --create-class --start --end
	CodeClassUnknown errs.Code = "CLASS_UNKNOWN"
	// 列名对应“…”应写成 原列名=标准列名，如 书名=题名 / column mapping … must look like 书名=题名
	CodeColumnMapMalformed errs.Code = "COLUMN_MAP_MALFORMED"
	// 册数“…”应为 1 到 … 的整数 / copies … must be a whole number from 1 to …
	CodeCopiesInvalid errs.Code = "COPIES_INVALID"
	// CSV 文件格式错误：… / malformed csv: …
	CodeCSVUnreadable errs.Code = "CSV_UNREADABLE"
	// 截止日期不能早于起始日期 / --to is before --from
	CodeDateRangeReversed errs.Code = "DATE_RANGE_REVERSED"
	// 无法打开文件 … / cannot open …
	CodeFileUnreadable errs.Code = "FILE_UNREADABLE"
	// 有行未通过，全部未导入 / a row failed, so nothing was imported
	CodeImportAborted errs.Code = "IMPORT_ABORTED"
	// 导入任务 … 不存在（可能已被清理） / no such import job
	CodeJobNotFound errs.Code = "JOB_NOT_FOUND"
	// 还没有馆藏位置，请先建立馆藏位置 / there are no locations yet
	CodeLocationNone errs.Code = "LOCATION_NONE"
	// 部分字符无法解码，已替换为 � / some text could not be decoded and was replaced by U+FFFD
	CodeMARCBadEncoding errs.Code = "MARC_BAD_ENCODING"
	// 未知的编码 … / unknown encoding
	CodeMARCCharsetUnknown errs.Code = "MARC_CHARSET_UNKNOWN"
	// 导出只支持 UTF-8 或 GBK 编码 / export writes utf-8 or gbk only
	CodeMARCCharsetUnsupported errs.Code = "MARC_CHARSET_UNSUPPORTED"
	// 记录有 … 字节，超过 ISO 2709 99,999 字节的上限：导出时跳过，导入时拒收 / the record is … bytes, more than ISO 2709's 99,999: left out of an export, refused by an import
	CodeMARCRecordTooLong errs.Code = "MARC_RECORD_TOO_LONG"
	// 字段 … 有 … 字节，超过 ISO 2709 单个字段 9,999 字节的上限：导出时跳过，导入时拒收 / a field is longer than ISO 2709's 9,999 bytes: the record is left out of an export, refused by an import
	CodeMARCFieldTooLong errs.Code = "MARC_FIELD_TOO_LONG"
	// MARC 文件无法继续读取（第 … 条记录处） / the MARC file cannot be read past record …
	CodeMARCFileBroken errs.Code = "MARC_FILE_BROKEN"
	// 导出格式只能是 iso2709 或 marcxml / the format must be iso2709 or marcxml
	CodeMARCFormatUnknown errs.Code = "MARC_FORMAT_UNKNOWN"
	// 导出格式只能是 iso2709 或 marcxml / export format must be iso2709 or marcxml
	CodeMARCFormatUnsupported errs.Code = "MARC_FORMAT_UNSUPPORTED"
	// 记录结构损坏，无法读取 / the record's structure is broken
	CodeMARCRecordBroken errs.Code = "MARC_RECORD_BROKEN"
	// 匹配方式只能是 isbn-title、control-number 或 none / match must be isbn-title, control-number or none
	CodeMatchModeUnknown errs.Code = "MATCH_MODE_UNKNOWN"
	// 重复记录处理只能是 skip、overlay、new 或 add-copies / on-match must be skip, overlay, new or add-copies
	CodeOnMatchUnknown errs.Code = "ON_MATCH_UNKNOWN"
	// 表中没有“班次”列：请加上班次列，或用 --class 指定班次 / the sheet has no 班次 column: add one or give --class
	CodeRosterNoClass errs.Code = "ROSTER_NO_CLASS"
	// 前 … 行中没有找到“…”列：请检查表头，或用 --map 指定列名对应 / no … column in the first … rows: check the headers or map them with --map
	CodeSheetNoHeader errs.Code = "SHEET_NO_HEADER"
	// 工作表“…”不存在（有：…） / no sheet … (there are: …)
	CodeSheetNotFound errs.Code = "SHEET_NOT_FOUND"
	// 无法打开 Excel 文件：请确认是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx 或 CSV） / cannot open the excel file: it must be .xlsx (save old .xls files as .xlsx or csv)
	CodeXLSXUnreadable errs.Code = "XLSX_UNREADABLE"
	// 未知的导入种类 / unknown import kind
	CodeImportKindUnknown errs.Code = "IMPORT_KIND_UNKNOWN"
	// 第 … 行有 … 列，超过上限：请只保留需要导入的列 / a row has more columns than allowed
	CodeSheetTooManyColumns errs.Code = "SHEET_TOO_MANY_COLUMNS"
	// 第 … 行 … 列的内容过长，无法导入 / a cell holds more characters than allowed
	CodeSheetCellTooLong errs.Code = "SHEET_CELL_TOO_LONG"
	// 表中数据行数超过上限：请分成几个文件分别导入 / the sheet has more data rows than allowed
	CodeSheetTooManyRows errs.Code = "SHEET_TOO_MANY_ROWS"
	// 这个文件已经导入过 / this file was already imported
	CodeFileAlreadyImported errs.Code = "FILE_ALREADY_IMPORTED"
	// 批量导入未能完全撤销 / the import could not be taken back completely
	CodeImportUndoIncomplete errs.Code = "IMPORT_UNDO_INCOMPLETE"
)
