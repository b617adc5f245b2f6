package stocktake

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// awayStatuses are the catalogue statuses of a copy not expected on its
// shelf.
var awayStatuses = map[string]bool{"on_loan": true, "on_hold_shelf": true, "in_transit": true, "repair": true}

// Result sorts the stocktake's copies and barcodes into their verdicts.
func (s *Service) Result(ctx context.Context, id int64) (r Result, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		r, err = result(tx, id)
		return err
	})
	return r, err
}

func result(tx Tx, id int64) (Result, error) {
	var r Result
	st, err := tx.Stocktake(id)
	if err != nil {
		return r, err
	}
	scope, err := tx.ScopeCopies(st)
	if err != nil {
		return r, err
	}
	scans, err := tx.Scans(id)
	if err != nil {
		return r, err
	}
	st.Scanned = len(scans)
	r.Stocktake, r.InScope = st, len(scope)
	seen := make(map[string]Scan, len(scans))
	for _, sc := range scans {
		seen[sc.Barcode] = sc
	}
	byCode := make(map[string]Copy, len(scope))
	for _, c := range scope {
		byCode[c.Barcode] = c
		r.ValueFen += c.PriceFen
	}
	// Scanned barcodes outside the scope: copies of other shelves or
	// classes, lost ones found again, and unknown barcodes.
	var others []string
	for _, sc := range scans {
		if _, ok := byCode[sc.Barcode]; !ok {
			others = append(others, sc.Barcode)
		}
	}
	outside, err := tx.CopiesByBarcodes(others)
	if err != nil {
		return r, err
	}
	for _, c := range outside {
		byCode[c.Barcode] = c
	}
	verdict := map[string]Verdict{}
	for _, c := range scope {
		sc, ok := seen[c.Barcode]
		switch {
		case ok:
			verdict[c.Barcode] = scanVerdict(st, c, sc.LocationID)
		case awayStatuses[c.Status]:
			verdict[c.Barcode] = Away
		case c.Status == "lost":
			continue // 遗失 and not found: nothing new
		default:
			verdict[c.Barcode] = Missing
		}
	}
	for _, code := range others {
		c, ok := byCode[code]
		if !ok {
			verdict[code] = Unknown
			continue
		}
		verdict[code] = scanVerdict(st, c, seen[code].LocationID)
	}
	for _, code := range outOfOrder(scans, byCode, verdict) {
		verdict[code] = OutOfOrder
	}
	totals := map[Verdict]*Total{}
	for _, v := range Verdicts() {
		totals[v] = &Total{Verdict: v}
	}
	for code, v := range verdict {
		c := byCode[code]
		if c.Barcode == "" {
			c.Barcode = code
		}
		totals[v].Copies++
		totals[v].ValueFen += c.PriceFen
		if v == Found {
			continue
		}
		l := Line{Copy: c, Verdict: v}
		if sc, ok := seen[code]; ok {
			l.ScannedLoc = sc.LocationID
		}
		r.Lines = append(r.Lines, l)
	}
	for _, v := range Verdicts() {
		r.Totals = append(r.Totals, *totals[v])
	}
	order := map[Verdict]int{}
	for i, v := range Verdicts() {
		order[v] = i
	}
	sort.Slice(r.Lines, func(i, j int) bool {
		a, b := r.Lines[i], r.Lines[j]
		if a.Verdict != b.Verdict {
			return order[a.Verdict] < order[b.Verdict]
		}
		if a.CallSort != b.CallSort {
			return a.CallSort < b.CallSort
		}
		return a.Barcode < b.Barcode
	})
	return r, nil
}

// outOfOrder finds, shelf by shelf, the copies found on their own shelf
// that break its call-number order: those outside the longest run that is
// in order (so one book pushed in the wrong place is the one flagged, not
// everything after it).
func outOfOrder(scans []Scan, byCode map[string]Copy, verdict map[string]Verdict) []string {
	shelves := map[int64][]Scan{}
	for _, sc := range scans {
		if verdict[sc.Barcode] == Found {
			shelves[sc.LocationID] = append(shelves[sc.LocationID], sc)
		}
	}
	var out []string
	for _, row := range shelves {
		slices.SortFunc(row, func(a, b Scan) int { return int(a.Seq - b.Seq) })
		keys := make([]string, len(row))
		for i, sc := range row {
			keys[i] = byCode[sc.Barcode].CallSort
		}
		keep := longestInOrder(keys)
		for i, sc := range row {
			if !keep[i] {
				out = append(out, sc.Barcode)
			}
		}
	}
	return out
}

// longestInOrder marks the members of a longest non-decreasing
// subsequence of keys (patience sorting, n log n).
func longestInOrder(keys []string) []bool {
	n := len(keys)
	tails := []int{} // index of the smallest tail of each length
	prev := make([]int, n)
	for i, k := range keys {
		// the first length whose tail is greater than k
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if keys[tails[mid]] <= k {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[i] = -1
		if lo > 0 {
			prev[i] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	keep := make([]bool, n)
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// MarkMissingLost marks every copy the closed stocktake did not find as
// 遗失, in one transaction, and says how many.
func (s *Service) MarkMissingLost(ctx context.Context, id int64) (int, error) {
	var n int
	var records []int64
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := result(tx, id)
		if err != nil {
			return err
		}
		if r.Stocktake.Status != Closed {
			return errs.Conflict(CodeStillOpen, "请先结束盘点，再把未找到的图书注销为遗失", "close the stocktake before marking what it did not find as lost")
		}
		var ids []int64
		for _, l := range r.Lines {
			if l.Verdict == Missing {
				ids = append(ids, l.ID)
				records = append(records, l.RecordID)
			}
		}
		if n, err = tx.MarkLost(ids, s.now().UnixMilli()); err != nil {
			return err
		}
		if err := tx.AddLostMarked(id, n); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "mark_lost", "stocktake", fmt.Sprint(id),
			fmt.Sprintf("盘点「%s」未找到的 %d 册注销为遗失", r.Stocktake.Name, n)))
	})
	if err == nil && n > 0 {
		s.changed(ctx, records...)
	}
	return n, err
}
