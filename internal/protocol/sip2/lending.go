package sip2

import (
	"context"
	"fmt"
	"strings"

	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// book is how a screen names a title.
func book(title string) string {
	if title == "" {
		return "该书"
	}
	return "《" + title + "》"
}

// reader finds the reader of AA and checks the PIN when one was sent.
func (s *session) reader(ctx context.Context, m Message) (readers.Reader, error) {
	r, err := s.srv.d.Readers.ByCard(ctx, strings.TrimSpace(m.Get("AA")))
	if err != nil {
		return r, err
	}
	if _, err := s.checkPIN(ctx, m); err != nil {
		return r, err
	}
	return r, nil
}

// checkout is 11 → 12. When the machine allows renewals (SC renewal
// policy Y) a book the reader already has is renewed instead.
func (s *session) checkout(ctx context.Context, m Message) Message {
	card, barcode := m.Get("AA"), m.Get("AB")
	fail := func(err error, title string) Message {
		return resp("12", "0", "N", "N", "N", s.stamp()).add("AO", s.inst()).add("AA", card).add("AB", barcode).
			add("AJ", title).add("AH", "").add("AF", s.screen(err)).done()
	}
	// The checkout itself reports an unknown card; the reader is looked up
	// first only when a PIN is to be checked.
	if s.pinToCheck(m) {
		if _, err := s.reader(ctx, m); err != nil {
			return fail(err, "")
		}
	}
	res, err := s.srv.d.Circulation.Checkout(ctx, card, barcode)
	if errs.Is(err, circulation.CodeItemOnLoan) && m.FixedAt(0, 1) == "Y" {
		r, rerr := s.srv.d.Readers.ByCard(ctx, strings.TrimSpace(card))
		if info, ierr := s.srv.d.Circulation.ItemInfo(ctx, barcode); rerr == nil && ierr == nil && info.Loan != nil && info.Loan.ReaderID == r.ID {
			lv, rerr := s.srv.d.Circulation.Renew(ctx, barcode, r.ID)
			if rerr != nil {
				return fail(rerr, info.Title)
			}
			return resp("12", "1", "Y", "N", "Y", s.stamp()).add("AO", s.inst()).add("AA", card).add("AB", barcode).
				add("AJ", lv.Title).add("AH", lv.DueDate).add("CK", "001").
				add("AF", fmt.Sprintf("续借成功：%s，请于 %s 前归还", book(lv.Title), lv.DueDate)).
				add("AG", fmt.Sprintf("续借 %s 应还 %s", book(lv.Title), lv.DueDate)).done()
		}
	}
	if err != nil {
		return fail(err, "")
	}
	l := res.Loan
	return resp("12", "1", "N", "N", "Y", s.stamp()).add("AO", s.inst()).add("AA", card).add("AB", barcode).
		add("AJ", l.Title).add("AH", l.DueDate).add("CK", "001").
		add("AF", fmt.Sprintf("借书成功：%s，请于 %s 前归还", book(l.Title), l.DueDate)).
		add("AG", fmt.Sprintf("借 %s 应还 %s", book(l.Title), l.DueDate)).done()
}

// checkin is 09 → 10. Returns are always taken; the alert flag tells the
// machine to put the book aside (hold shelf, repair) instead of the
// return bin.
func (s *session) checkin(ctx context.Context, m Message) Message {
	barcode := m.Get("AB")
	res, err := s.srv.d.Circulation.Checkin(ctx, barcode, false)
	if err != nil {
		return resp("10", "0", "N", "N", "N", s.stamp()).add("AO", s.inst()).add("AB", barcode).add("AQ", "").add("AF", s.screen(err)).done()
	}
	alert := res.Action != "shelve"
	b := resp("10", "1", "Y", "N", yn(alert), s.stamp()).add("AO", s.inst()).add("AB", barcode).
		add("AQ", s.locationName(ctx, res.Item.LocationID)).add("AJ", res.Title)
	if res.Reader != nil {
		b.add("AA", res.Reader.Card)
	}
	b.add("CK", "001")
	switch res.Action {
	case "hold_shelf":
		b.add("CV", "01") // hold for this library
	case "repair":
		b.add("CV", "99") // other
	}
	b.add("AF", checkinScreen(res))
	return b.done()
}

func checkinScreen(res circulation.CheckinResult) string {
	var parts []string
	switch {
	case res.WasOnLoan:
		parts = append(parts, "还书成功："+book(res.Title))
	case res.Found:
		parts = append(parts, book(res.Title)+"原登记为遗失，现已找回")
	default:
		parts = append(parts, book(res.Title)+"原未借出，已收回")
	}
	if res.OverdueDays > 0 {
		parts = append(parts, fmt.Sprintf("超期 %d 天", res.OverdueDays))
	}
	if res.SuspendedTo != "" {
		parts = append(parts, "停借至 "+res.SuspendedTo)
	}
	switch res.Action {
	case "hold_shelf":
		parts = append(parts, "该书已有读者预约，请交工作人员放上预约架")
	case "repair":
		parts = append(parts, "该书需修补，请交工作人员")
	}
	return strings.Join(parts, "，")
}

// renew is 29 → 30: one book of the reader's.
func (s *session) renew(ctx context.Context, m Message) Message {
	card, barcode := m.Get("AA"), m.Get("AB")
	fail := func(err error) Message {
		return resp("30", "0", "N", "N", "N", s.stamp()).add("AO", s.inst()).add("AA", card).add("AB", barcode).
			add("AJ", "").add("AH", "").add("AF", s.screen(err)).done()
	}
	if strings.TrimSpace(barcode) == "" {
		return fail(errs.Invalid(CodeBarcodeRequired, "AB", "请扫描要续借的图书", "scan the book to renew"))
	}
	r, err := s.reader(ctx, m)
	if err != nil {
		return fail(err)
	}
	lv, err := s.srv.d.Circulation.Renew(ctx, barcode, r.ID)
	if err != nil {
		return fail(err)
	}
	return resp("30", "1", "Y", "N", "Y", s.stamp()).add("AO", s.inst()).add("AA", card).add("AB", barcode).
		add("AJ", lv.Title).add("AH", lv.DueDate).add("CK", "001").
		add("AF", fmt.Sprintf("续借成功：%s，请于 %s 前归还", book(lv.Title), lv.DueDate)).done()
}

// renewAll is 65 → 66: every loan of the reader, each reported.
func (s *session) renewAll(ctx context.Context, m Message) Message {
	card := m.Get("AA")
	fail := func(err error) Message {
		return resp("66", "0", "0000", "0000", s.stamp()).add("AO", s.inst()).add("AF", s.screen(err)).done()
	}
	r, err := s.reader(ctx, m)
	if err != nil {
		return fail(err)
	}
	results, err := s.srv.d.Circulation.RenewAll(ctx, card, r.ID)
	if err != nil {
		return fail(err)
	}
	var ok, notOK []circulation.RenewResult
	for _, res := range results {
		if res.Error == "" {
			ok = append(ok, res)
		} else {
			notOK = append(notOK, res)
		}
	}
	b := resp("66", "1", fmt.Sprintf("%04d", min(len(ok), 9999)), fmt.Sprintf("%04d", min(len(notOK), 9999)), s.stamp()).add("AO", s.inst())
	for _, res := range ok {
		b.add("BM", res.Barcode)
	}
	for _, res := range notOK {
		b.add("BN", res.Barcode)
	}
	screen := fmt.Sprintf("已续借 %d 册", len(ok))
	if len(results) == 0 {
		screen = "您当前没有借阅的图书"
	}
	for _, res := range notOK {
		screen += "；" + book(res.Title) + "未能续借：" + res.Error
	}
	return b.add("AF", screen).done()
}
