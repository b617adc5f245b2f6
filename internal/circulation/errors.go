package circulation

import (
	"fmt"

	"shuwu/internal/catalog"
	"shuwu/internal/datefmt"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

func errItemNotFound(barcode string) *errs.Error {
	return errs.NotFound(catalog.CodeItemNotFound, fmt.Sprintf("条码 %s 的图书不存在", barcode), fmt.Sprintf("no item with barcode %s", barcode))
}

func errReaderNotFound(card string) *errs.Error {
	return readers.ErrReaderNotFound(card)
}

// checkCard refuses a card that may not borrow today.
func checkCard(r readers.Reader, today string) error {
	switch r.Status {
	case readers.StatusLost:
		return errs.Conflict(CodeCardLost, fmt.Sprintf("读者证 %s 已挂失，不能借书", r.Card), "the card is reported lost")
	case readers.StatusSuspended:
		return errs.Conflict(CodeCardSuspended, fmt.Sprintf("读者证 %s 已暂停使用", r.Card), "the card is suspended")
	case readers.StatusCancelled:
		return errs.Conflict(CodeCardCancelled, fmt.Sprintf("读者证 %s 已注销", r.Card), "the card is cancelled")
	}
	if r.ExpiryDate != "" && r.ExpiryDate < today {
		return errs.Conflict(CodeCardExpired, fmt.Sprintf("读者证 %s 已于 %s 过期", r.Card, datefmt.ChineseDay(r.ExpiryDate)), fmt.Sprintf("the card expired on %s", datefmt.EnglishDay(r.ExpiryDate)))
	}
	if r.SuspendedUntil != "" && r.SuspendedUntil >= today {
		return errs.Conflict(CodeCardSuspended, fmt.Sprintf("读者 %s 因超期还书停借至 %s", r.Name, datefmt.ChineseDay(r.SuspendedUntil)), fmt.Sprintf("borrowing is suspended until %s for late returns", datefmt.EnglishDay(r.SuspendedUntil)))
	}
	return nil
}

func errItemUnavailable(it catalog.Item) *errs.Error {
	return errs.Conflict(CodeItemNotAvailable, fmt.Sprintf("条码 %s 的图书当前状态为“%s”，不能借出", it.Barcode, it.Status.Label("zh")), fmt.Sprintf("the item is %s and cannot be lent", it.Status.Label("en")))
}

// Error codes. Their values are part of the API: never change one.
const (
	// 读者证 … 已注销 / the card is cancelled
	CodeCardCancelled errs.Code = "CARD_CANCELLED"
	// 读者证 … 已于 … 过期 / the card expired on …
	CodeCardExpired errs.Code = "CARD_EXPIRED"
	// 读者证 … 已挂失，不能借书 / the card is reported lost
	CodeCardLost errs.Code = "CARD_LOST"
	// 读者证 … 已暂停使用 / the card is suspended
	CodeCardSuspended errs.Code = "CARD_SUSPENDED"
	// 您已借有《…》，无需预约 / you already have a copy of this title
	CodeHoldAlreadyBorrowed errs.Code = "HOLD_ALREADY_BORROWED"
	// 您已预约《…》 / you already have a hold on this title
	CodeHoldDuplicate errs.Code = "HOLD_DUPLICATE"
	// 《…》有 … 册在架，可直接到书架借阅，无需预约 / a copy is on the shelf: borrow it directly
	CodeHoldItemAvailable errs.Code = "HOLD_ITEM_AVAILABLE"
	// 已预约 … 种，达到预约上限 / the hold limit is reached
	CodeHoldLimitReached errs.Code = "HOLD_LIMIT_REACHED"
	// 《…》没有可外借的复本，不能预约 / the title has no lendable copies
	CodeHoldNoCopies errs.Code = "HOLD_NO_COPIES"
	// 该类读者不能预约此类图书 / holds are not allowed for this reader type and category
	CodeHoldNotAllowed errs.Code = "HOLD_NOT_ALLOWED"
	// 预约不存在 / hold does not exist
	CodeHoldNotFound errs.Code = "HOLD_NOT_FOUND"
	// 条码 … 的图书当前状态为“…”，不能借出 / the item is … and cannot be lent
	CodeItemNotAvailable errs.Code = "ITEM_NOT_AVAILABLE"
	// 该册（…）仅供室内阅览，不外借 / the item is for in-room use only
	CodeItemNotLendable errs.Code = "ITEM_NOT_LENDABLE"
	// 该册（…）未借出，无需续借 / the item is not on loan
	CodeItemNotOnLoan errs.Code = "ITEM_NOT_ON_LOAN"
	// 该册当前为“…”，请在还书时登记损坏 / only a copy on the shelf can be sent to repair; record damage at return
	CodeItemNotOnShelf errs.Code = "ITEM_NOT_ON_SHELF"
	// 该册（…）已为其他读者预约保留 / the item is held for another reader
	CodeItemOnHoldForOther errs.Code = "ITEM_ON_HOLD_FOR_OTHER"
	// 该册（…）已借给 …，无需重复借出 / this reader already has the item
	CodeItemOnLoan errs.Code = "ITEM_ON_LOAN"
	// … 已借 … 册，达到可借上限 … 册 / the loan limit of … is reached
	CodeLoanLimitReached errs.Code = "LOAN_LIMIT_REACHED"
	// 该册未借出 / the item is not on loan
	CodeLoanNotFound errs.Code = "LOAN_NOT_FOUND"
	// 该读者不是本班学员 / the reader is not a member of this class
	CodeNotAMember errs.Code = "NOT_A_MEMBER"
	// … 尚未办理结业清还 / the reader has not been cleared
	CodeNotCleared errs.Code = "NOT_CLEARED"
	// 只能取消自己的预约 / you can cancel only your own holds
	CodeNotYourHold errs.Code = "NOT_YOUR_HOLD"
	// 只能续借自己借的书 / you can renew only your own loans
	CodeNotYourLoan errs.Code = "NOT_YOUR_LOAN"
	// 该读者类型与分类的组合已有借阅规则 / a rule for this reader type and category exists
	CodePolicyDuplicate errs.Code = "POLICY_DUPLICATE"
	// 读者类型或分类不存在 / unknown reader type or category
	CodePolicyInvalid errs.Code = "POLICY_INVALID"
	// 《…》已续借 … 次，达到续借上限 / the renewal limit is reached
	CodeRenewalLimitReached errs.Code = "RENEWAL_LIMIT_REACHED"
	// 《…》续借不会延长借期（读者证有效期至 …） / renewing would not extend the loan (card expiry)
	CodeRenewalNotExtending errs.Code = "RENEWAL_NOT_EXTENDING"
	// 《…》已有其他读者预约，不能续借 / another reader has placed a hold on this title
	CodeRenewalOnHold errs.Code = "RENEWAL_ON_HOLD"
	// 《…》暂不能续借：续借期不会晚于现在的应还日期 / not renewable yet: the renewal would not move the due date
	CodeRenewalTooEarly errs.Code = "RENEWAL_TOO_EARLY"
)
