package weeding

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Service is weeding's use cases.
type Service struct {
	store   Store
	tz      *time.Location
	now     func() time.Time
	changed func(ctx context.Context, recordIDs ...int64)
}

// NewService builds the service; now may be nil for the wall clock;
// changed (may be nil) is told the records whose copies were withdrawn,
// for the search index.
func NewService(store Store, tz *time.Location, now func() time.Time, changed func(ctx context.Context, recordIDs ...int64)) *Service {
	if now == nil {
		now = time.Now
	}
	if changed == nil {
		changed = func(context.Context, ...int64) {}
	}
	return &Service{store: store, tz: tz, now: now, changed: changed}
}

// ThisYear is the current year in the library's zone.
func (s *Service) ThisYear() int { return s.now().In(s.tz).Year() }

func mayWeed(a audit.Actor) bool { return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian }

func forbidden() error {
	return errs.New(errs.KindForbidden, CodeWeedingForbidden, "只有馆员可以剔除图书", "only a librarian weeds the collection")
}

// Check tidies r and says what is wrong with it, naming the field.
func (s *Service) Check(r *Rules) error {
	r.CLCFrom, r.CLCTo = strings.ToUpper(strings.TrimSpace(r.CLCFrom)), strings.ToUpper(strings.TrimSpace(r.CLCTo))
	if r.CLCFrom != "" && r.CLCTo == "" {
		r.CLCTo = r.CLCFrom
	}
	switch {
	case r.IdleYears < 0 || r.IdleYears > MaxIdleYears:
		return invalid("idle_years", fmt.Sprintf("“多年未借”的年数应在 1 到 %d 之间", MaxIdleYears), fmt.Sprintf("the years without a loan are 1 to %d", MaxIdleYears))
	case r.AcquiredBefore != 0 && (r.AcquiredBefore < 1950 || r.AcquiredBefore > s.ThisYear()+1):
		return invalid("acquired_before", fmt.Sprintf("入藏年份应在 1950 到 %d 之间", s.ThisYear()+1), fmt.Sprintf("the year acquired is 1950 to %d", s.ThisYear()+1))
	case r.CLCFrom == "" && r.CLCTo != "":
		return invalid("clc_from", "请填写分类号范围的起点，如 D0", "give the start of the CLC range, e.g. D0")
	case r.CLCFrom > r.CLCTo && !strings.HasPrefix(r.CLCFrom, r.CLCTo):
		return invalid("clc_to", fmt.Sprintf("分类号范围的终点 %s 排在起点 %s 之前", r.CLCTo, r.CLCFrom), fmt.Sprintf("the end of the CLC range %s sorts before its start %s", r.CLCTo, r.CLCFrom))
	case r.LocationID < 0:
		return invalid("location", "请选择馆藏地点", "choose a shelf group")
	case !r.Any():
		return invalid("rules", "请至少选择一条剔除规则：多年未借、破损或有新版本", "choose at least one rule: not lent for years, damaged, or superseded")
	}
	return nil
}

// editionKey tells editions of one work apart from other works: the
// title, volume and first author without spaces and punctuation, case
// folded.
func editionKey(title, part, author string) string {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
				return -1
			}
			return unicode.ToLower(r)
		}, s)
	}
	return norm(title) + "\x00" + norm(part) + "\x00" + norm(author)
}

// canWithdraw reports whether a copy in st can be withdrawn now.
func canWithdraw(st catalog.ItemStatus) bool {
	switch st {
	case catalog.StatusOnLoan, catalog.StatusOnHoldShelf, catalog.StatusInTransit, catalog.StatusWithdrawn, catalog.StatusLost:
		return false
	}
	return true
}

// Candidates lists the copies the rules choose, with why, in
// call-number order: at most MaxList of them, with the count of all.
func (s *Service) Candidates(ctx context.Context, r Rules) (List, error) {
	if !mayWeed(audit.ActorFrom(ctx)) {
		return List{}, forbidden()
	}
	if err := s.Check(&r); err != nil {
		return List{}, err
	}
	l := List{Rules: r, Candidates: []Candidate{}}
	now := s.now()
	cutoff := now.AddDate(-r.IdleYears, 0, 0)
	cutoffDay := cutoff.In(s.tz).Format(time.DateOnly)
	err := s.store.View(ctx, func(tx Tx) error {
		newest := map[string]Edition{}
		if r.Superseded {
			eds, err := tx.WeedingEditions()
			if err != nil {
				return err
			}
			for _, e := range eds {
				k := editionKey(e.Title, e.Part, e.Author)
				if n, ok := newest[k]; !ok || e.Year > n.Year {
					newest[k] = e
				}
			}
		}
		return tx.WeedingCopies(r, func(c Copy) {
			cand := Candidate{Copy: c}
			if r.IdleYears > 0 && c.AddedDate < cutoffDay && (c.LastLent.IsZero() || c.LastLent.Before(cutoff)) {
				cand.Reasons = append(cand.Reasons, Idle)
			}
			if r.Damaged && c.Status == catalog.StatusRepair {
				cand.Reasons = append(cand.Reasons, Damaged)
			}
			if r.Superseded && c.Year > 0 {
				if n, ok := newest[editionKey(c.Title, c.Part, c.Author)]; ok && n.Year > c.Year && n.RecordID != c.RecordID {
					cand.Reasons = append(cand.Reasons, Superseded)
					cand.Newer = &n
				}
			}
			if len(cand.Reasons) == 0 {
				return
			}
			if !canWithdraw(c.Status) {
				l.Out++
				return
			}
			l.Total++
			l.ValueFen += c.PriceFen
			if len(l.Candidates) < MaxList {
				l.Candidates = append(l.Candidates, cand)
			}
		})
	})
	return l, err
}

// Withdrawn is what a withdrawal took out.
type Withdrawn struct {
	Copies   int   `json:"copies"`
	Titles   int   `json:"titles"`
	ValueFen int64 `json:"value_fen"`
}

// Withdraw takes the chosen copies out of the collection (剔除) with one
// reason, in one transaction: when one of them cannot be withdrawn (on
// loan, on the hold shelf, already withdrawn, unknown) none is, and the
// error names it. Each copy gets its line in the audit log.
func (s *Service) Withdraw(ctx context.Context, w Withdrawal) (Withdrawn, error) {
	if !mayWeed(audit.ActorFrom(ctx)) {
		return Withdrawn{}, forbidden()
	}
	reason := plaintext.Line(w.Reason)
	var codes []string
	for _, b := range w.Barcodes {
		if b = strings.TrimSpace(b); b != "" && !slices.Contains(codes, b) {
			codes = append(codes, b)
		}
	}
	switch {
	case len(codes) == 0:
		return Withdrawn{}, invalid("barcodes", "没有勾选要剔除的图书", "no copy is ticked for withdrawal")
	case len(codes) > MaxList:
		return Withdrawn{}, invalid("barcodes", fmt.Sprintf("一次最多剔除 %d 册", MaxList), fmt.Sprintf("at most %d copies at once", MaxList))
	case reason == "":
		return Withdrawn{}, invalid("reason", "请填写剔除原因，如“内容陈旧，已有新版”", "give the reason, e.g. out of date, a new edition is held")
	case utf8.RuneCountInString(reason) > MaxReason:
		return Withdrawn{}, invalid("reason", fmt.Sprintf("剔除原因不能超过 %d 个字", MaxReason), fmt.Sprintf("the reason is at most %d characters", MaxReason))
	}
	var out Withdrawn
	var records []int64
	err := s.store.Update(ctx, func(tx Tx) error {
		for _, code := range codes {
			it, err := tx.ItemByBarcode(code)
			if err != nil && errs.As(err).Kind == errs.KindNotFound {
				return errs.Conflict(CodeWeedingRefused, fmt.Sprintf("条码 %s 不存在，本次没有剔除任何图书", code), fmt.Sprintf("there is no copy %s: nothing was withdrawn", code))
			}
			if err != nil {
				return err
			}
			if !canWithdraw(it.Status) {
				return errs.Conflict(CodeWeedingRefused, fmt.Sprintf("复本 %s 当前为“%s”，不能剔除；本次没有剔除任何图书", code, it.Status.Label("zh")),
					fmt.Sprintf("copy %s is %s and cannot be withdrawn: nothing was withdrawn", code, it.Status.Label("en")))
			}
			if err := tx.UpdateItemStatus(it.ID, catalog.StatusWithdrawn, s.now()); err != nil {
				return err
			}
			title := ""
			if rec, err := tx.RecordBrief(it.RecordID); err == nil {
				title = "《" + rec.DisplayTitle() + "》"
			}
			if err := tx.Audit(audit.New(ctx, s.now(), "withdraw", "item", it.Barcode, "剔除复本 "+it.Barcode+title+"（剔除清单）："+reason)); err != nil {
				return err
			}
			out.Copies++
			out.ValueFen += it.PriceFen
			if !slices.Contains(records, it.RecordID) {
				records = append(records, it.RecordID)
			}
		}
		return nil
	})
	if err != nil {
		return Withdrawn{}, err
	}
	out.Titles = len(records)
	s.changed(ctx, records...)
	return out, nil
}
