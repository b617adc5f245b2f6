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

// Subscribe adds a subscription and its year's expected issues.
func (s *Service) Subscribe(ctx context.Context, sub Subscription) (Subscription, error) {
	sub.Title, sub.Source, sub.Notes = plaintext.Line(sub.Title), plaintext.Line(sub.Source), plaintext.Text(sub.Notes)
	sub.Title = strings.Trim(sub.Title, "《》")
	if sub.Title == "" {
		return Subscription{}, errs.Invalid(CodeTitleRequired, "title", "报刊名称不能为空", "the title is required")
	}
	if tooLong(sub.Title, 100) || tooLong(sub.Notes, 1000) || tooLong(sub.Source, 40) {
		return Subscription{}, errs.Invalid(CodeFieldTooLong, "title", "报刊名称、来源或备注过长", "the title, source or notes are too long")
	}
	if strings.TrimSpace(sub.ISSN) != "" {
		n, ok := NormalizeISSN(sub.ISSN)
		if !ok {
			return Subscription{}, errs.Invalid(CodeISSNInvalid, "issn", fmt.Sprintf("ISSN“%s”格式或校验位不正确，应如 1002-4980", strings.TrimSpace(sub.ISSN)), "the ISSN is malformed or its check digit is wrong (like 1002-4980)")
		}
		sub.ISSN = n
	} else {
		sub.ISSN = ""
	}
	if strings.TrimSpace(sub.CN) != "" {
		n, ok := NormalizeCN(sub.CN)
		if !ok {
			return Subscription{}, errs.Invalid(CodeCNInvalid, "cn", "国内统一刊号格式应为 CN11-1000/D", "the CN number must look like CN11-1000/D")
		}
		sub.CN = n
	} else {
		sub.CN = ""
	}
	if !sub.Frequency.Valid() {
		return Subscription{}, errs.Invalid(CodeFrequencyInvalid, "frequency", "请选择出版周期（日报、周刊、半月刊、月刊等）", "choose a frequency")
	}
	if sub.Copies < 1 || sub.Copies > 50 {
		return Subscription{}, errs.Invalid(CodeCopiesInvalid, "copies", "订阅份数须在 1 到 50 之间", "copies must be 1 to 50")
	}
	if sub.Year < 2000 || sub.Year > s.ThisYear()+1 {
		return Subscription{}, errs.Invalid(CodeYearInvalid, "year", fmt.Sprintf("订阅年度须在 2000 到 %d 之间", s.ThisYear()+1), "the subscription year is not plausible")
	}
	if sub.Source == "" {
		return Subscription{}, errs.Invalid(CodeSourceRequired, "source", "订阅来源不能为空（如邮局订阅）", "the source is required")
	}
	if sub.PriceFen < 0 {
		return Subscription{}, errs.Invalid(CodePriceNegative, "price", "订阅价格不能为负数", "the price cannot be negative")
	}
	sub.StartDate = strings.TrimSpace(sub.StartDate)
	if sub.StartDate == "" {
		sub.StartDate = fmt.Sprintf("%04d-01-01", sub.Year)
	}
	if d, err := time.Parse(time.DateOnly, sub.StartDate); err != nil || d.Year() != sub.Year {
		return Subscription{}, errs.Invalid(CodeStartInvalid, "start_date", fmt.Sprintf("起订日期须是 %d 年内的日期，如 %d-01-01", sub.Year, sub.Year), "the start date must be a day of the subscription year")
	}
	sub.CLC = strings.TrimSpace(sub.CLC)
	if sub.CLC != "" {
		code, err := s.cat.CLC().Validate(sub.CLC)
		if err != nil {
			return Subscription{}, err
		}
		sub.CLC = code
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
		for _, x := range issues {
			if (seq > 0 && x.Seq == seq) || (seq == 0 && !x.Received()) {
				is = x
				break
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
// "title．2026年合订本" with one copy, each issue pointing at it.
func (s *Service) Bind(ctx context.Context, subID int64, issueIDs []int64, part string, locationID int64) (catalog.Record, catalog.Item, error) {
	sub, issues, err := s.Issues(ctx, subID)
	if err != nil {
		return catalog.Record{}, catalog.Item{}, err
	}
	want := map[int64]bool{}
	for _, id := range issueIDs {
		want[id] = true
	}
	var take []Issue
	for _, is := range issues {
		if is.Received() && is.BoundItemID == 0 && (len(want) == 0 || want[is.ID]) {
			take = append(take, is)
		}
	}
	if len(take) == 0 {
		return catalog.Record{}, catalog.Item{}, errs.Conflict(CodeNothingToBind, "没有可合订的已到期次", "no received, unbound issues to bind")
	}
	part = strings.TrimSpace(part)
	if part == "" {
		part = fmt.Sprintf("%d年合订本", sub.Year)
	}
	if sub.CLC == "" {
		return catalog.Record{}, catalog.Item{}, errs.Invalid(catalog.CodeCLCRequiredForCallNumber, "clc", "订阅没有中图法分类号，无法为合订本生成索书号：请在订阅中填写分类号", "the subscription has no CLC class for the bound volume's call number")
	}
	rec := catalog.Record{Title: sub.Title, PartNumber: part, CLC: sub.CLC, Year: sub.Year,
		Notes: fmt.Sprintf("合订 %s 至 %s，共 %d 期；%s %s", take[0].Label, take[len(take)-1].Label, len(take), sub.ISSN, sub.CN)}
	rec, items, err := s.cat.CreateRecordWithItems(ctx, rec, catalog.NewItems{Count: 1, LocationID: locationID, Source: bindSource(sub.Source)})
	if err != nil {
		return catalog.Record{}, catalog.Item{}, err
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		for i := range take {
			take[i].BoundItemID = items[0].ID
			if err := tx.UpdateIssue(&take[i]); err != nil {
				return err
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "bind", "subscription", fmt.Sprint(sub.ID), fmt.Sprintf("《%s》%s 合订 %d 期，条码 %s", sub.Title, part, len(take), items[0].Barcode)))
	})
	return rec, items[0], err
}
