package circulation

import (
	"fmt"

	"shuwu/internal/catalog"
	"shuwu/internal/datefmt"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

func errItemNotFound(barcode string) *errs.Error {
	return errs.NotFound("ITEM_NOT_FOUND", fmt.Sprintf("条码 %s 的图书不存在", barcode), fmt.Sprintf("no item with barcode %s", barcode))
}

func errReaderNotFound(card string) *errs.Error {
	return readers.ErrReaderNotFound(card)
}

// checkCard refuses a card that may not borrow today.
func checkCard(r readers.Reader, today string) error {
	switch r.Status {
	case readers.StatusLost:
		return errs.Conflict("CARD_LOST", fmt.Sprintf("读者证 %s 已挂失，不能借书", r.Card), "the card is reported lost")
	case readers.StatusSuspended:
		return errs.Conflict("CARD_SUSPENDED", fmt.Sprintf("读者证 %s 已暂停使用", r.Card), "the card is suspended")
	case readers.StatusCancelled:
		return errs.Conflict("CARD_CANCELLED", fmt.Sprintf("读者证 %s 已注销", r.Card), "the card is cancelled")
	}
	if r.ExpiryDate != "" && r.ExpiryDate < today {
		return errs.Conflict("CARD_EXPIRED", fmt.Sprintf("读者证 %s 已于 %s 过期", r.Card, datefmt.ChineseDay(r.ExpiryDate)), fmt.Sprintf("the card expired on %s", datefmt.EnglishDay(r.ExpiryDate)))
	}
	if r.SuspendedUntil != "" && r.SuspendedUntil >= today {
		return errs.Conflict("CARD_SUSPENDED", fmt.Sprintf("读者 %s 因超期还书停借至 %s", r.Name, datefmt.ChineseDay(r.SuspendedUntil)), fmt.Sprintf("borrowing is suspended until %s for late returns", datefmt.EnglishDay(r.SuspendedUntil)))
	}
	return nil
}

func errItemUnavailable(it catalog.Item) *errs.Error {
	return errs.Conflict("ITEM_NOT_AVAILABLE", fmt.Sprintf("条码 %s 的图书当前状态为“%s”，不能借出", it.Barcode, it.Status.Label("zh")), fmt.Sprintf("the item is %s and cannot be lent", it.Status.Label("en")))
}
