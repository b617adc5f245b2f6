package periodicals

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Service is the periodicals' use cases. Bound volumes are catalogued by
// the catalogue, so they get a barcode and call number like any copy.
type Service struct {
	store Store
	cat   *catalog.Service
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil.
func NewService(store Store, cat *catalog.Service, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, cat: cat, tz: tz, now: now}
}

// Today is the library's date.
func (s *Service) Today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// ThisYear is the library's year.
func (s *Service) ThisYear() int { return s.now().In(s.tz).Year() }

func tooLong(v string, n int) bool { return utf8.RuneCountInString(v) > n }

// check tidies sub and says what is wrong with it, naming the field.
func (s *Service) check(sub *Subscription) error {
	sub.Title, sub.Source, sub.Notes = plaintext.Line(sub.Title), plaintext.Line(sub.Source), plaintext.Text(sub.Notes)
	sub.Title = strings.Trim(sub.Title, "《》")
	if sub.Title == "" {
		return errs.Invalid(CodeTitleRequired, "title", "报刊名称不能为空", "the title is required")
	}
	if tooLong(sub.Title, 100) || tooLong(sub.Notes, 1000) || tooLong(sub.Source, 40) {
		return errs.Invalid(CodeFieldTooLong, "title", "报刊名称、来源或备注过长", "the title, source or notes are too long")
	}
	if strings.TrimSpace(sub.ISSN) != "" {
		n, ok := NormalizeISSN(sub.ISSN)
		if !ok {
			return errs.Invalid(CodeISSNInvalid, "issn", fmt.Sprintf("ISSN“%s”格式或校验位不正确，应如 1002-4980", strings.TrimSpace(sub.ISSN)), "the ISSN is malformed or its check digit is wrong (like 1002-4980)")
		}
		sub.ISSN = n
	} else {
		sub.ISSN = ""
	}
	if strings.TrimSpace(sub.CN) != "" {
		n, ok := NormalizeCN(sub.CN)
		if !ok {
			return errs.Invalid(CodeCNInvalid, "cn", "国内统一刊号格式应为 CN11-1000/D", "the CN number must look like CN11-1000/D")
		}
		sub.CN = n
	} else {
		sub.CN = ""
	}
	if !sub.Frequency.Valid() {
		return errs.Invalid(CodeFrequencyInvalid, "frequency", "请选择出版周期（日报、周刊、半月刊、月刊等）", "choose a frequency")
	}
	if sub.Copies < 1 || sub.Copies > 50 {
		return errs.Invalid(CodeCopiesInvalid, "copies", "订阅份数须在 1 到 50 之间", "copies must be 1 to 50")
	}
	if sub.Year < 2000 || sub.Year > s.ThisYear()+1 {
		return errs.Invalid(CodeYearInvalid, "year", fmt.Sprintf("订阅年度须在 2000 到 %d 之间", s.ThisYear()+1), "the subscription year is not plausible")
	}
	if sub.Source == "" {
		return errs.Invalid(CodeSourceRequired, "source", "订阅来源不能为空（如邮局订阅）", "the source is required")
	}
	if sub.PriceFen < 0 {
		return errs.Invalid(CodePriceNegative, "price", "订阅价格不能为负数", "the price cannot be negative")
	}
	sub.StartDate = strings.TrimSpace(sub.StartDate)
	if sub.StartDate == "" {
		sub.StartDate = fmt.Sprintf("%04d-01-01", sub.Year)
	}
	if d, err := time.Parse(time.DateOnly, sub.StartDate); err != nil || d.Year() != sub.Year {
		return errs.Invalid(CodeStartInvalid, "start_date", fmt.Sprintf("起订日期须是 %d 年内的日期，如 %d-01-01", sub.Year, sub.Year), "the start date must be a day of the subscription year")
	}
	sub.CLC = strings.TrimSpace(sub.CLC)
	if sub.CLC != "" {
		code, err := s.cat.CLC().Validate(sub.CLC)
		if err != nil {
			return err
		}
		sub.CLC = code
	}
	return nil
}

// Subscribe adds a subscription and its year's expected issues.
func (s *Service) Subscribe(ctx context.Context, sub Subscription) (Subscription, error) {
	sub.EndDate = ""
	if err := s.check(&sub); err != nil {
		return Subscription{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		sub.CreatedAt, sub.UpdatedAt = s.now(), s.now()
		if err := tx.InsertSubscription(&sub); err != nil {
			return err
		}
		for _, is := range Schedule(sub.Frequency, sub.Year, s.tz) {
			if is.ExpectedDate < sub.StartDate {
				continue
			}
			is.SubscriptionID = sub.ID
			if err := tx.InsertIssue(&is); err != nil {
				return err
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "subscription", fmt.Sprint(sub.ID), fmt.Sprintf("订阅 %d 年《%s》%d 份", sub.Year, sub.Title, sub.Copies)))
	})
	if err != nil {
		return Subscription{}, err
	}
	return s.Subscription(ctx, sub.ID)
}

// Subscription returns one subscription with its counts.
func (s *Service) Subscription(ctx context.Context, id int64) (Subscription, error) {
	var out Subscription
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Subscription(id, s.Today())
		return err
	})
	return out, err
}

// Subscriptions lists a year's subscriptions.
func (s *Service) Subscriptions(ctx context.Context, year int) ([]Subscription, error) {
	var out []Subscription
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Subscriptions(year, s.Today())
		return err
	})
	return out, err
}

// Issues lists a subscription's issues in order.
func (s *Service) Issues(ctx context.Context, id int64) (Subscription, []Issue, error) {
	var sub Subscription
	var out []Issue
	err := s.store.View(ctx, func(tx Tx) (err error) {
		if sub, err = tx.Subscription(id, s.Today()); err != nil {
			return err
		}
		out, err = tx.Issues(id)
		return err
	})
	return sub, out, err
}

// CheckIn records an issue as received today (记到) with the
// subscription's copies; an issue already in is left as it was.
func (s *Service) CheckIn(ctx context.Context, issueID int64) (Subscription, Issue, error) {
	var sub Subscription
	var is Issue
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if is, err = tx.Issue(issueID); err != nil {
			return err
		}
		if sub, err = tx.Subscription(is.SubscriptionID, s.Today()); err != nil {
			return err
		}
		return s.checkInTx(ctx, tx, sub, &is)
	})
	return sub, is, err
}

func (s *Service) checkInTx(ctx context.Context, tx Tx, sub Subscription, is *Issue) error {
	if is.Received() {
		return nil
	}
	is.ReceivedDate, is.ReceivedCopies = s.Today(), sub.Copies
	if err := tx.UpdateIssue(is); err != nil {
		return err
	}
	return tx.Audit(audit.New(ctx, s.now(), "checkin", "subscription", fmt.Sprint(sub.ID), fmt.Sprintf("记到《%s》%d年%s", sub.Title, sub.Year, is.Label)))
}

// CheckInScan records the issue a scanned code names: the periodical's
// EAN-13 barcode (977…, with the issue number as a two-digit add-on when
// the scanner reads it), its ISSN or CN number. Without an issue number
// the earliest issue not yet in is checked in.
func (s *Service) CheckInScan(ctx context.Context, code string) (Subscription, Issue, error) {
	code = strings.TrimSpace(code)
	issn, seq, ok := ISSNFromEAN(code)
	cn := ""
	if !ok {
		if n, good := NormalizeISSN(code); good {
			issn = n
		} else if n, good := NormalizeCN(code); good {
			cn = n
		} else {
			return Subscription{}, Issue{}, errs.Invalid(CodeScanUnknown, "code", fmt.Sprintf("“%s”不是报刊条码、ISSN 或国内统一刊号", code), "not a periodical barcode, ISSN or CN number")
		}
	}
	var sub Subscription
	var is Issue
	err := s.store.Update(ctx, func(tx Tx) error {
		subs, err := tx.Subscriptions(s.ThisYear(), s.Today())
		if err != nil {
			return err
		}
		found := false
		for _, x := range subs {
			if (issn != "" && x.ISSN == issn) || (cn != "" && (x.CN == cn || strings.HasPrefix(x.CN, cn+"/"))) {
				sub, found = x, true
				break
			}
		}
		if !found {
			return errs.NotFound(CodeScanUnknown, fmt.Sprintf("%s 不属于 %d 年的任何订阅", code, s.ThisYear()), fmt.Sprintf("%s is no subscription of %d", code, s.ThisYear()))
		}
		issues, err := tx.Issues(sub.ID)
		if err != nil {
			return err
		}
		// The add-on is the issue's number in its year: the label 第N期,
		// which is its seq unless the frequency was changed in the year
		// (the issues to come are then numbered after the ones kept, and
		// two issues may carry one number: the one due nearest today is
		// the one in hand).
		if seq > 0 {
			label, today := fmt.Sprintf("第%d期", seq), s.now().In(s.tz)
			best := time.Duration(-1)
			for _, x := range issues {
				d, err := time.ParseInLocation(time.DateOnly, x.ExpectedDate, s.tz)
				if x.Label != label || x.Received() || err != nil {
					continue
				}
				if dist := today.Sub(d).Abs(); best < 0 || dist < best {
					is, best = x, dist
				}
			}
		}
		for _, x := range issues {
			if is.ID != 0 {
				break
			}
			if (seq > 0 && x.Seq == seq) || (seq == 0 && !x.Received()) {
				is = x
			}
		}
		if is.ID == 0 {
			return errs.Conflict(CodeNothingExpected, fmt.Sprintf("《%s》%d 年各期均已记到", sub.Title, sub.Year), "every issue of the year is checked in")
		}
		return s.checkInTx(ctx, tx, sub, &is)
	})
	return sub, is, err
}

// Claim records that a late issue was claimed (催缺) today.
func (s *Service) Claim(ctx context.Context, issueID int64) (Issue, error) {
	var is Issue
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if is, err = tx.Issue(issueID); err != nil {
			return err
		}
		if is.Received() {
			return errs.Conflict(CodeNothingExpected, "该期已记到，无需催缺", "the issue is in; nothing to claim")
		}
		is.ClaimedDate = s.Today()
		if err := tx.UpdateIssue(&is); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "claim", "subscription", fmt.Sprint(is.SubscriptionID), "催缺 "+is.Label))
	})
	return is, err
}

// LateIssues lists the issues overdue for claiming, oldest first.
func (s *Service) LateIssues(ctx context.Context) ([]Issue, error) {
	var out []Issue
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.LateIssues(s.Today())
		return err
	})
	return out, err
}

// Rack is the portal's reading rack: this year's titles with their
// latest issue in.
func (s *Service) Rack(ctx context.Context) ([]Subscription, error) {
	subs, err := s.Subscriptions(ctx, s.ThisYear())
	if err != nil {
		return nil, err
	}
	out := subs[:0]
	for _, x := range subs {
		if x.Latest != nil {
			out = append(out, x)
		}
	}
	return out, nil
}

// mayManage: librarians and administrators keep the subscriptions.
func mayManage(ctx context.Context) error {
	if a := audit.ActorFrom(ctx); a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian {
		return nil
	}
	return errs.New(errs.KindForbidden, CodeSubscriptionForbidden, "只有馆员可以修改、结束或删除订阅", "only a librarian changes, ends or deletes a subscription")
}

// regenerate replaces the issues expected after from (not checked in,
// claimed or bound) with those of the subscription's frequency, none
// after its end: what a change of frequency does. The issues kept are
// numbered first; a new one takes its number in the new frequency's
// year, or the next free one after the kept.
func (s *Service) regenerate(tx Tx, sub Subscription, from string) (removed, added int, err error) {
	if removed, err = tx.DeleteIssuesAfter(sub.ID, from); err != nil {
		return 0, 0, err
	}
	kept, err := tx.Issues(sub.ID)
	if err != nil {
		return 0, 0, err
	}
	next, last := 1, ""
	for _, is := range kept {
		next = max(next, is.Seq+1)
		last = max(last, is.ExpectedDate)
	}
	for _, is := range Schedule(sub.Frequency, sub.Year, s.tz) {
		if is.ExpectedDate <= from || is.ExpectedDate <= last || is.ExpectedDate < sub.StartDate || (sub.EndDate != "" && is.ExpectedDate > sub.EndDate) {
			continue
		}
		is.SubscriptionID, is.Seq = sub.ID, max(is.Seq, next)
		next = is.Seq + 1
		if err := tx.InsertIssue(&is); err != nil {
			return 0, 0, err
		}
		added++
	}
	return removed, added, nil
}

// Update corrects a subscription: title, ISSN and CN, frequency, copies,
// source, price, class and notes. Its year and start date stay. A new
// frequency replaces the issues expected after today that are not in
// with the new frequency's; the issues due so far stay as they are.
func (s *Service) Update(ctx context.Context, sub Subscription) (Subscription, error) {
	if err := mayManage(ctx); err != nil {
		return Subscription{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Subscription(sub.ID, s.Today())
		if err != nil {
			return err
		}
		if sub.Year != 0 && sub.Year != old.Year {
			return errs.Invalid(CodeSubscriptionFixed, "year", "订阅年度不能修改：请为新年度另行订阅", "the year of a subscription stays: subscribe for the other year")
		}
		if strings.TrimSpace(sub.StartDate) != "" && strings.TrimSpace(sub.StartDate) != old.StartDate {
			return errs.Invalid(CodeSubscriptionFixed, "start_date", "起订日期不能修改", "the start date of a subscription stays")
		}
		sub.Year, sub.StartDate, sub.EndDate, sub.CreatedAt = old.Year, old.StartDate, old.EndDate, old.CreatedAt
		if err := s.check(&sub); err != nil {
			return err
		}
		sub.UpdatedAt = s.now()
		if err := tx.UpdateSubscription(&sub); err != nil {
			return err
		}
		what := fmt.Sprintf("修改订阅《%s》%d 年", sub.Title, sub.Year)
		if sub.Frequency != old.Frequency {
			removed, added, err := s.regenerate(tx, sub, s.Today())
			if err != nil {
				return err
			}
			what += fmt.Sprintf("：出版周期由%s改为%s，今后应到期次由 %d 期改为 %d 期", old.Frequency.Label("zh"), sub.Frequency.Label("zh"), removed, added)
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "subscription", fmt.Sprint(sub.ID), what))
	})
	if err != nil {
		return Subscription{}, err
	}
	return s.Subscription(ctx, sub.ID)
}

// Delete removes a subscription entered by mistake with its expected
// issues. One with an issue checked in is refused: it is ended instead,
// and the issues that came stay.
func (s *Service) Delete(ctx context.Context, id int64) error {
	if err := mayManage(ctx); err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx Tx) error {
		sub, err := tx.Subscription(id, s.Today())
		if err != nil {
			return err
		}
		if sub.Received > 0 {
			return errs.Conflict(CodeSubscriptionInUse, fmt.Sprintf("《%s》已有 %d 期记到，不能删除；如不再订阅，请“结束订阅”，已到的各期保留", sub.Title, sub.Received),
				fmt.Sprintf("%d issues of %s were checked in: it cannot be deleted; end the subscription instead, keeping what came", sub.Received, sub.Title))
		}
		if err := tx.DeleteSubscription(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "subscription", fmt.Sprint(id), fmt.Sprintf("删除订阅《%s》%d 年（%d 期未到）", sub.Title, sub.Year, sub.Total)))
	})
}

// End ends a subscription on a day (结束订阅): the issues expected after
// it that are not in are no longer expected (nor late); what came stays.
func (s *Service) End(ctx context.Context, id int64, day string) (Subscription, error) {
	if err := mayManage(ctx); err != nil {
		return Subscription{}, err
	}
	day = strings.TrimSpace(day)
	err := s.store.Update(ctx, func(tx Tx) error {
		sub, err := tx.Subscription(id, s.Today())
		if err != nil {
			return err
		}
		if sub.EndDate != "" {
			return errs.Conflict(CodeSubscriptionEnded, fmt.Sprintf("《%s》已于 %s 结束订阅", sub.Title, sub.EndDate), fmt.Sprintf("%s ended on %s", sub.Title, sub.EndDate))
		}
		if d, err := time.Parse(time.DateOnly, day); err != nil || d.Year() != sub.Year || day < sub.StartDate {
			return errs.Invalid(CodeEndInvalid, "end_date", fmt.Sprintf("结束日期须是 %s 至 %d-12-31 之间的日期", sub.StartDate, sub.Year),
				fmt.Sprintf("the end is a day from %s to %d-12-31", sub.StartDate, sub.Year))
		}
		issues, err := tx.Issues(id)
		if err != nil {
			return err
		}
		for _, is := range issues {
			if is.ExpectedDate > day && (is.Received() || is.BoundItemID != 0) {
				return errs.Invalid(CodeEndInvalid, "end_date", fmt.Sprintf("%s（应到 %s）已记到，结束日期不能早于它", is.Label, is.ExpectedDate),
					fmt.Sprintf("%s (due %s) was checked in: the end cannot be before it", is.Label, is.ExpectedDate))
			}
		}
		n, err := tx.DeleteIssuesAfter(id, day)
		if err != nil {
			return err
		}
		sub.EndDate, sub.UpdatedAt = day, s.now()
		if err := tx.UpdateSubscription(&sub); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "end", "subscription", fmt.Sprint(id), fmt.Sprintf("结束订阅《%s》%d 年于 %s，此后 %d 期不再应到", sub.Title, sub.Year, day, n)))
	})
	if err != nil {
		return Subscription{}, err
	}
	return s.Subscription(ctx, id)
}

// bindSource is the catalogue source of a bound volume.
func bindSource(src string) catalog.Source {
	switch src {
	case "单位赠阅":
		return catalog.SourceInstitution
	case "馆藏调拨":
		return catalog.SourceTransfer
	}
	return catalog.SourcePurchase
}

// Bind makes the received, unbound issues of a subscription (those in
// issueIDs, or all when empty) into one bound volume (合订本): a record
// "title．2026年合订本" with one copy, each issue pointing at it — all in
// one transaction, so a failure leaves neither a volume without issues
// nor issues bound to nothing.
func (s *Service) Bind(ctx context.Context, subID int64, issueIDs []int64, part string, locationID int64) (catalog.Record, catalog.Item, error) {
	want := map[int64]bool{}
	for _, id := range issueIDs {
		want[id] = true
	}
	part = strings.TrimSpace(part)
	var rec catalog.Record
	var item catalog.Item
	err := s.store.Update(ctx, func(tx Tx) error {
		sub, err := tx.Subscription(subID, s.Today())
		if err != nil {
			return err
		}
		issues, err := tx.Issues(subID)
		if err != nil {
			return err
		}
		var take []Issue
		for _, is := range issues {
			if is.Received() && is.BoundItemID == 0 && (len(want) == 0 || want[is.ID]) {
				take = append(take, is)
			}
		}
		if len(take) == 0 {
			return errs.Conflict(CodeNothingToBind, "没有可合订的已到期次", "no received, unbound issues to bind")
		}
		if part == "" {
			part = fmt.Sprintf("%d年合订本", sub.Year)
		}
		if sub.CLC == "" {
			return errs.Invalid(catalog.CodeCLCRequiredForCallNumber, "clc", "订阅没有中图法分类号，无法为合订本生成索书号：请在订阅中填写分类号", "the subscription has no CLC class for the bound volume's call number")
		}
		rec = catalog.Record{Title: sub.Title, PartNumber: part, CLC: sub.CLC, Year: sub.Year,
			Notes: fmt.Sprintf("合订 %s 至 %s，共 %d 期；%s %s", take[0].Label, take[len(take)-1].Label, len(take), sub.ISSN, sub.CN)}
		var items []catalog.Item
		if rec, items, err = s.cat.CreateRecordWithItemsIn(ctx, tx, rec, catalog.NewItems{Count: 1, LocationID: locationID, Source: bindSource(sub.Source)}); err != nil {
			return err
		}
		item = items[0]
		for i := range take {
			take[i].BoundItemID = item.ID
			if err := tx.UpdateIssue(&take[i]); err != nil {
				return err
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "bind", "subscription", fmt.Sprint(sub.ID), fmt.Sprintf("《%s》%s 合订 %d 期，条码 %s", sub.Title, part, len(take), item.Barcode)))
	})
	if err != nil {
		return catalog.Record{}, catalog.Item{}, err
	}
	s.cat.Changed(ctx, rec.ID)
	return rec, item, nil
}
