package catalog

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 条码个数与册数不一致 / the number of barcodes does not match the count
	CodeBarcodeCountMismatch errs.Code = "BARCODE_COUNT_MISMATCH"
	// 条码 … 已被其他复本使用 / barcode … is already in use
	CodeBarcodeDuplicate errs.Code = "BARCODE_DUPLICATE"
	// 条码“…”格式不正确：只能是 1–32 位字母、数字或连字符 / a barcode is 1–32 letters, digits or hyphens
	CodeBarcodeMalformed errs.Code = "BARCODE_MALFORMED"
	// 索书号不能为空 / call number is required
	CodeCallNumberRequired errs.Code = "CALL_NUMBER_REQUIRED"
	// 已有同名或同代码的分类 / a category with that name or code exists
	CodeCategoryDuplicate errs.Code = "CATEGORY_DUPLICATE"
	// 仍有书目属于该分类，不能删除 / records still use this category
	CodeCategoryInUse errs.Code = "CATEGORY_IN_USE"
	// 所选分类不存在 / unknown category
	CodeCategoryUnknown errs.Code = "CATEGORY_UNKNOWN"
	// 分类号范围中的“…”不是有效的中图法分类号 / … in the CLC ranges is not a valid class
	CodeCLCRangeInvalid errs.Code = "CLC_RANGE_INVALID"
	// 书目没有中图法分类号，无法生成索书号：请先填写分类号或手工输入索书号 / the record has no CLC class, so no call number can be generated
	CodeCLCRequiredForCallNumber errs.Code = "CLC_REQUIRED_FOR_CALL_NUMBER"
	// 责任者有 … 个，最多 … 个 / … authors, … at most
	CodeAuthorsTooMany errs.Code = "AUTHORS_TOO_MANY"
	// 主题词有 … 个，最多 … 个 / … subjects, … at most
	CodeSubjectsTooMany errs.Code = "SUBJECTS_TOO_MANY"
	// …过长：… 字，最多 … 字 / … is too long
	CodeFieldTooLong errs.Code = "FIELD_TOO_LONG"
	// 册数须在 1 到 … 之间 / count must be between 1 and …
	CodeItemCountInvalid errs.Code = "ITEM_COUNT_INVALID"
	// 条码 … 的图书不存在 / no item with barcode …
	CodeItemNotFound errs.Code = "ITEM_NOT_FOUND"
	// 已有同名或同代码的馆藏位置 / a location with that name or code exists
	CodeLocationDuplicate errs.Code = "LOCATION_DUPLICATE"
	// 仍有复本在该位置，不能删除 / copies still stand at this location
	CodeLocationInUse errs.Code = "LOCATION_IN_USE"
	// 馆藏位置不存在 / unknown location
	CodeLocationUnknown errs.Code = "LOCATION_UNKNOWN"
	// 价格不能为负数 / price cannot be negative
	CodePriceNegative errs.Code = "PRICE_NEGATIVE"
	// 已有同名的必读书目 / a list with that name exists
	CodeReadingListDuplicate errs.Code = "READING_LIST_DUPLICATE"
	// 书目《…》还有 … 册复本，不能删除 / the record still has copies
	CodeRecordHasItems errs.Code = "RECORD_HAS_ITEMS"
	// 书目 … 不存在 / record … does not exist
	CodeRecordNotFound errs.Code = "RECORD_NOT_FOUND"
	// 来源必须是馆藏调拨、集中采购、单位支持或个人捐赠之一 / unknown acquisition source
	CodeSourceUnknown errs.Code = "SOURCE_UNKNOWN"
	// 借出和预约保留状态只能由借还操作改变 / loan and hold-shelf statuses change only through circulation
	CodeStatusByCirculation errs.Code = "STATUS_BY_CIRCULATION"
	// 未知的复本状态 / unknown item status
	CodeStatusUnknown errs.Code = "STATUS_UNKNOWN"
	// 题名不能为空 / title is required
	CodeTitleRequired errs.Code = "TITLE_REQUIRED"
	// 题名过长（最多 500 字） / title is too long (500 characters at most)
	CodeTitleTooLong errs.Code = "TITLE_TOO_LONG"
	// 卷次或分册名过长（最多 100 字） / volume number or part name is too long (100 characters at most)
	CodeVolumeTooLong errs.Code = "VOLUME_TOO_LONG"
	// 出版年 … 不合理 / publication year … is not plausible
	CodeYearInvalid errs.Code = "YEAR_INVALID"
	// 丛编/多卷书的题名不能为空 / the set needs a title
	CodeSetTitleRequired errs.Code = "SET_TITLE_REQUIRED"
	// 丛编/多卷书的题名、附注过长或卷数过多 / a set field is too long or the set has too many volumes
	CodeSetTooLong errs.Code = "SET_TOO_LONG"
	// 类型只能是多卷书或丛编 / the kind is a multi-volume work or a series
	CodeSetKindUnknown errs.Code = "SET_KIND_UNKNOWN"
	// 《…》已在本套书中，不能重复加入 / the record is already in this set
	CodeSetMemberDuplicate errs.Code = "SET_MEMBER_DUPLICATE"
	// 《…》已属于《…》，一种书只能属于一套书 / the record already belongs to another set
	CodeSetMemberElsewhere errs.Code = "SET_MEMBER_ELSEWHERE"
	// 书目 … 不在《…》中 / the record is not in this set
	CodeSetMemberMissing errs.Code = "SET_MEMBER_MISSING"
	// 丛编/多卷书不存在 / the set does not exist
	CodeSetNotFound errs.Code = "SET_NOT_FOUND"
	// 《…》还有 … 个“任一卷”预约 / any-volume holds wait on the set
	CodeSetHasHolds errs.Code = "SET_HAS_HOLDS"
	// 《…》没有卷次或分册名 / the record has no volume number
	CodeSetNoVolumes errs.Code = "SET_NO_VOLUMES"
	// 必读书目的名称、说明或书目过长 / a reading list field is too long
	CodeReadingListTooLong errs.Code = "READING_LIST_TOO_LONG"
)
