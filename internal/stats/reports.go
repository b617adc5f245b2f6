package stats

import (
	"context"
	"sort"
	"strconv"

	"shuwu/internal/ledger"
)

// The standard reports (标准报表) read the same data as the dashboards,
// as lists to print or take to Excel.

// MaxReportRows bounds a report's list.
const MaxReportRows = 5000

// NewBooks lists the titles that came in during the range (新书通报),
// newest first.
func (s *Service) NewBooks(ctx context.Context, r Range) (out []NewBook, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { out, err = tx.StatsNewBooks(r.From, r.To, MaxReportRows); return err })
	return out, err
}

// Donations lists the gifts that came in during the range (捐赠清单).
func (s *Service) Donations(ctx context.Context, r Range) (out []Donation, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { out, err = tx.StatsDonations(r.From, r.To); return err })
	return out, err
}

// Periodicals counts each subscription's issues in the range (报刊到刊).
func (s *Service) Periodicals(ctx context.Context, r Range) (out []Periodical, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { out, err = tx.StatsPeriodicals(r.From, r.To, s.Today()); return err })
	return out, err
}

// NeverLentBooks lists the held titles never lent in shelf order, at most
// MaxReportRows, with how many there are.
func (s *Service) NeverLentBooks(ctx context.Context) (out []Book, total int, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		rows, n, err := tx.StatsNeverLent(MaxReportRows)
		total = n
		for _, b := range rows {
			id, _ := strconv.ParseInt(b.Key, 10, 64)
			out = append(out, Book{RecordID: id, Title: b.Name, CallNo: b.Extra, Copies: b.N, Day: b.Day})
		}
		return err
	})
	return out, total, err
}

// Ranking is the borrowing ranking (借阅排行) of a range: the n most lent
// titles, and the n readers who borrowed most when the library shows
// them.
type Ranking struct {
	Books       []Ranked `json:"books"`
	Readers     []Ranked `json:"readers,omitempty"`
	ShowReaders bool     `json:"show_readers"`
	Loans       int64    `json:"loans"`
}

// Ranking ranks the range's loans.
func (s *Service) Ranking(ctx context.Context, r Range, n int) (k Ranking, err error) {
	sp := s.span(r)
	err = s.store.View(ctx, func(tx Tx) error {
		books, readers := map[int64]int64{}, map[int64]int64{}
		if err := tx.StatsLines(sp.from, sp.to, []string{string(ledger.Loan)}, func(l Line) {
			k.Loans++
			if l.Record != 0 {
				books[l.Record]++
			}
			if l.Reader != 0 {
				readers[l.Reader]++
			}
		}); err != nil {
			return err
		}
		top := topIDs(books, n)
		rows, err := tx.StatsRecordTitles(top)
		if err != nil {
			return err
		}
		k.Books = rankRows(top, rows, books, false)
		v, err := tx.Setting(ShowReadersKey)
		if err != nil {
			return err
		}
		if k.ShowReaders = v == "1"; k.ShowReaders {
			top = topIDs(readers, n)
			if rows, err = tx.StatsReaderNames(top); err != nil {
				return err
			}
			k.Readers = rankRows(top, rows, readers, true)
		}
		return nil
	})
	return k, err
}

// ClassReport is a class's reading over its whole term (or up to today
// while it runs), member by member, for its head teacher.
func (s *Service) ClassReport(ctx context.Context, id int64) (rep ClassReport, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		c, err := tx.StatsClass(id)
		if err != nil {
			return err
		}
		rep.Class = c
		r := Range{From: c.Start, To: c.End}
		if today := s.Today(); today < r.To {
			r.To = today
		}
		if r.To < r.From {
			r.To = r.From
		}
		members, err := tx.StatsClassMembers(id)
		if err != nil {
			return err
		}
		ids := make([]int64, len(members))
		idx := map[int64]int{}
		rep.Readers = make([]ClassReader, len(members))
		for i, m := range members {
			ids[i], _ = strconv.ParseInt(m.Key, 10, 64)
			idx[ids[i]] = i
			rep.Readers[i] = ClassReader{Card: m.Code, Name: m.Name, Unit: m.Extra, Phone: m.Day, Cleared: m.V == 1}
		}
		list, err := tx.StatsClassListRecords(id)
		if err != nil {
			return err
		}
		rep.ListTitles = int64(len(list))
		sp := s.span(r)
		borrowed := map[int][]int64{}
		books := map[int64]int64{}
		borrowers := map[int64]struct{}{}
		err = tx.StatsReadersLines(ids, sp.from, sp.to, []string{string(ledger.Loan), string(ledger.InRoom), string(ledger.Visit), string(ledger.ActivitySignIn)}, func(l Line) {
			i := idx[l.Reader]
			m := &rep.Readers[i]
			switch ledger.Kind(l.Kind) {
			case ledger.Loan:
				m.Loans++
				borrowers[l.Reader] = struct{}{}
				if l.Record != 0 {
					borrowed[i] = append(borrowed[i], l.Record)
					books[l.Record]++
				}
			case ledger.InRoom:
				m.InRoom++
			case ledger.Visit:
				m.Visits++
			case ledger.ActivitySignIn:
				m.Attended++
			}
		})
		if err != nil {
			return err
		}
		var all []int64
		for _, recs := range borrowed {
			all = append(all, recs...)
		}
		titles, err := tx.StatsRecordTitles(uniq(all))
		if err != nil {
			return err
		}
		name := map[string]string{}
		for _, t := range titles {
			name[t.Key] = t.Name
		}
		for i, recs := range borrowed {
			seen := map[int64]bool{}
			for _, rec := range recs {
				if !seen[rec] {
					seen[rec] = true
					rep.Readers[i].Titles = append(rep.Readers[i].Titles, name[strconv.FormatInt(rec, 10)])
				}
			}
		}
		done, err := tx.StatsReadCount(ids, list)
		if err != nil {
			return err
		}
		onLoan, err := tx.StatsOnLoan(ids)
		if err != nil {
			return err
		}
		for i, id := range ids {
			rep.Readers[i].ListDone, rep.Readers[i].OnLoan = done[id], onLoan[id]
			rep.Class.Loans += rep.Readers[i].Loans
			rep.Class.InRoom += rep.Readers[i].InRoom
			rep.Class.Visits += rep.Readers[i].Visits
			rep.Class.Attendance += rep.Readers[i].Attended
			rep.Class.ListDone += done[id]
		}
		rep.Class.Borrowers = int64(len(borrowers))
		rep.Class.ListBooks = rep.ListTitles * rep.Class.Members
		top := topIDs(books, 10)
		rows, err := tx.StatsRecordTitles(top)
		rep.TopBooks = rankRows(top, rows, books, false)
		return err
	})
	return rep, err
}

func uniq(ids []int64) []int64 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// Months lists the months of a range as "2026-03", for the monthly
// report's picker.
func (s *Service) Months(r Range) []string {
	_, l := s.months(s.span(r))
	return l
}
