package sip2

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

// circulationStatus is a copy's SIP2 circulation status (18).
func circulationStatus(st catalog.ItemStatus) string {
	switch st {
	case catalog.StatusAvailable:
		return "03" // available
	case catalog.StatusOnLoan:
		return "04" // charged
	case catalog.StatusOnHoldShelf:
		return "08" // waiting on hold shelf
	case catalog.StatusInTransit:
		return "10" // in transit
	case catalog.StatusLost:
		return "12" // lost
	case catalog.StatusRepair:
		return "06" // in process
	}
	return "01" // other (withdrawn)
}

// itemInfo is 17 → 18.
func (s *session) itemInfo(ctx context.Context, m Message) Message {
	barcode := m.Get("AB")
	info, err := s.srv.d.Circulation.ItemInfo(ctx, barcode)
	if err != nil {
		return resp("18", "01", "00", "01", s.stamp()).add("AB", barcode).add("AJ", "").add("AF", s.screen(err)).done()
	}
	it := info.Item
	b := resp("18", circulationStatus(it.Status), "00", "01", s.stamp())
	if info.QueueLength > 0 {
		b.add("CF", strconv.Itoa(info.QueueLength))
	}
	if info.Loan != nil {
		b.add("AH", info.Loan.DueDate)
	}
	if info.HeldFor != nil {
		b.opt("CM", info.HeldFor.PickupDeadline)
	}
	loc := s.locationName(ctx, it.LocationID)
	b.add("AB", it.Barcode).add("AJ", info.Title).add("BG", s.inst()).add("BH", "CNY").add("BV", "0.00").add("CK", "001").
		opt("AQ", loc).opt("AP", loc)
	props, err := s.srv.d.Terminals.ItemProperties(ctx, it.Barcode)
	if err != nil {
		s.srv.d.Log.Error("sip2: item properties", "err", err)
	}
	b.opt("CH", props)
	screen := fmt.Sprintf("%s：%s", book(info.Title), it.Status.Label("zh"))
	if info.Loan != nil {
		screen += "，应还日期 " + info.Loan.DueDate
	}
	if !it.Lendable {
		screen += "，仅供室内阅览"
	}
	return b.add("AF", screen).done()
}

// itemStatusUpdate is 19 → 20: the machine keeps its item properties (CH).
func (s *session) itemStatusUpdate(ctx context.Context, m Message) Message {
	barcode, props := m.Get("AB"), m.Get("CH")
	if err := s.srv.d.Terminals.SetItemProperties(ctx, barcode, props); err != nil {
		return resp("20", "0", s.stamp()).add("AB", barcode).add("AF", s.screen(err)).done()
	}
	info, _ := s.srv.d.Circulation.ItemInfo(ctx, barcode)
	return resp("20", "1", s.stamp()).add("AB", barcode).opt("AJ", info.Title).opt("CH", props).add("AF", "已保存图书属性").done()
}

// hold is 15 → 16: place (+) or cancel (-) the reader's hold on the
// record of the book scanned (AB), or of the record id in AJ.
func (s *session) hold(ctx context.Context, m Message) Message {
	card, barcode := m.Get("AA"), m.Get("AB")
	fail := func(err error, title string) Message {
		return resp("16", "0", "N", s.stamp()).add("AO", s.inst()).add("AA", card).opt("AB", barcode).opt("AJ", title).add("AF", s.screen(err)).done()
	}
	r, err := s.reader(ctx, m)
	if err != nil {
		return fail(err, "")
	}
	recordID, title, err := s.holdRecord(ctx, m)
	if err != nil {
		return fail(err, "")
	}
	switch m.FixedAt(0, 1) {
	case "+":
		h, err := s.srv.d.Circulation.PlaceHold(ctx, card, recordID)
		if err != nil {
			return fail(err, title)
		}
		ready := h.Status == circulation.HoldTrapped
		screen := fmt.Sprintf("预约成功：%s，您排在第 %d 位", book(h.Title), h.Position)
		if ready {
			screen = fmt.Sprintf("预约成功：%s 已为您保留，请于 %s 前到服务台取书", book(h.Title), h.PickupDeadline)
		}
		return resp("16", "1", yn(ready), s.stamp()).opt("BW", h.PickupDeadline).add("BR", strconv.Itoa(h.Position)).
			opt("BS", s.term.Location).add("AO", s.inst()).add("AA", card).opt("AB", barcode).add("AJ", h.Title).add("AF", screen).done()
	case "-":
		a, err := s.srv.d.Circulation.Account(ctx, card)
		if err != nil {
			return fail(err, title)
		}
		for _, h := range a.Holds {
			if h.RecordID != recordID {
				continue
			}
			if err := s.srv.d.Circulation.CancelHold(ctx, h.ID, r.ID); err != nil {
				return fail(err, title)
			}
			return resp("16", "1", "N", s.stamp()).add("AO", s.inst()).add("AA", card).opt("AB", barcode).add("AJ", title).
				add("AF", "已取消预约："+book(title)).done()
		}
		return fail(errs.NotFound(circulation.CodeHoldNotFound, "您没有预约"+book(title), "you have no hold on this title"), title)
	case "*":
		return fail(errs.Invalid(CodeHoldChangeUnsupported, "", "预约不能修改：请先取消，再重新预约", "a hold cannot be changed: cancel it and place it again"), title)
	}
	return fail(errs.Invalid(CodeHoldModeInvalid, "", "预约方式无效（应为 + 或 -）", "the hold mode must be + or -"), title)
}

// holdRecord finds the record a hold message names: the book scanned, or
// a record id as title identifier.
func (s *session) holdRecord(ctx context.Context, m Message) (int64, string, error) {
	if barcode := strings.TrimSpace(m.Get("AB")); barcode != "" {
		info, err := s.srv.d.Circulation.ItemInfo(ctx, barcode)
		if err != nil {
			return 0, "", err
		}
		return info.Item.RecordID, info.Title, nil
	}
	if id, err := strconv.ParseInt(strings.TrimSpace(m.Get("AJ")), 10, 64); err == nil && id > 0 {
		rec, err := s.srv.d.Catalog.Record(ctx, id)
		if err != nil {
			return 0, "", err
		}
		return id, rec.Title, nil
	}
	return 0, "", errs.Invalid(CodeBarcodeRequired, "AB", "请扫描要预约的图书", "scan the book to place a hold on")
}
