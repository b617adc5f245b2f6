package duty

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 班次的名称或时间填写有误 / the shift's name or hours are wrong
	CodeShiftInvalid errs.Code = "SHIFT_INVALID"
	// 班次不存在 / no such shift
	CodeShiftNotFound errs.Code = "SHIFT_NOT_FOUND"
	// 排班的月份、馆员或值班人员填写有误 / the roster's month, librarian or duty staff are wrong
	CodeRosterInvalid errs.Code = "ROSTER_INVALID"
	// 排班不存在 / no such duty slot
	CodeSlotNotFound errs.Code = "SLOT_NOT_FOUND"
	// 换班申请填写有误 / the swap request is wrong
	CodeSwapInvalid errs.Code = "SWAP_INVALID"
	// 换班申请不存在 / no such swap request
	CodeSwapNotFound errs.Code = "SWAP_NOT_FOUND"
	// 换班申请已处理 / the swap request was already decided
	CodeSwapSettled errs.Code = "SWAP_SETTLED"
	// 只能为自己的班次申请换班 / you can ask to swap only your own shifts
	CodeSwapNotYours errs.Code = "SWAP_NOT_YOURS"
	// 交接班记录填写有误 / the handover is wrong
	CodeHandoverInvalid errs.Code = "HANDOVER_INVALID"
	// 交接班记录不存在 / no such handover
	CodeHandoverNotFound errs.Code = "HANDOVER_NOT_FOUND"
	// 该班次已有交接班记录 / the shift already has a handover
	CodeHandoverExists errs.Code = "HANDOVER_EXISTS"
	// 交接班记录须由接班人确认 / the handover is acknowledged by the next shift, not its writer
	CodeHandoverOwn errs.Code = "HANDOVER_OWN"
	// 交接班记录已确认 / the handover was already acknowledged
	CodeHandoverAcked errs.Code = "HANDOVER_ACKED"
	// 制度的标题或内容填写有误 / the regulation's title or text is wrong
	CodeRegulationInvalid errs.Code = "REGULATION_INVALID"
	// 制度不存在 / no such regulation
	CodeRegulationNotFound errs.Code = "REGULATION_NOT_FOUND"
	// 只有馆员可以排班、审批换班和修改制度 / only a librarian makes the roster, decides swaps and edits regulations
	CodeLibrarianOnly errs.Code = "DUTY_LIBRARIAN_ONLY"
)
