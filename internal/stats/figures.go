package stats

import (
	"slices"
	"sort"
	"strconv"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/ledger"
)

// The collection and use figures are counted in Go from one pass over
// the held copies and one over the range's ledger lines (read from an
// index that holds every column they need): on a busy year that is far
// quicker than a grouped query per breakdown.

var clcTree = clc.Builtin()

func addDays(day string, n int) string {
	t, _ := time.Parse(time.DateOnly, day)
	return t.AddDate(0, 0, n).Format(time.DateOnly)
}

// sourceCounts puts the four sources in their order, each even when
// none came from it.
func sourceCounts(by map[string]*Count) []Count {
	var out []Count
	for _, src := range catalog.Sources() {
		c := Count{Key: string(src), Name: src.Label("zh"), NameEn: src.Label("en")}
		if x := by[string(src)]; x != nil {
			c.N, c.M, c.V = x.N, x.M, x.V
		}
		out = append(out, c)
	}
	var other []string
	for k := range by {
		if !catalog.Source(k).Valid() {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	for _, k := range other {
		out = append(out, *by[k])
	}
	return out
}

func sourceRows(rows []Row) []Count {
	by := map[string]*Count{}
	for _, r := range rows {
		by[r.Key] = &Count{Key: r.Key, Name: r.Key, N: r.N, M: r.M, V: r.V}
	}
	return sourceCounts(by)
}

// dimCount counts copies, titles and value under one breakdown; the
// copies come a record at a time, so a title is counted when its record
// first shows under a key.
type dimCount struct {
	by   map[int64]*Count
	last map[int64]int64 // key → last record counted
}

func newDim() *dimCount { return &dimCount{by: map[int64]*Count{}, last: map[int64]int64{}} }

func (d *dimCount) add(key int64, h HeldItem) {
	c := d.by[key]
	if c == nil {
		c = &Count{Key: strconv.FormatInt(key, 10)}
		d.by[key] = c
	}
	c.N++
	c.V += h.PriceFen
	if d.last[key] != h.Record {
		d.last[key] = h.Record
		c.M++
	}
}

// named lists the counts in the order of names (Key id), skipping empty
// ones, then any not named.
func (d *dimCount) named(names []Row, none, noneEn string) []Count {
	var out []Count
	for _, n := range names {
		id, _ := strconv.ParseInt(n.Key, 10, 64)
		if c := d.by[id]; c != nil && id != 0 {
			c.Name, c.NameEn = n.Name, n.NameEn
			out = append(out, *c)
		}
	}
	if c := d.by[0]; c != nil {
		c.Name, c.NameEn = none, noneEn
		out = append(out, *c)
	}
	return out
}

func (s *Service) collection(tx Tx, r Range) (c Collection, err error) {
	if c.EquipmentPieces, c.EquipmentFen, err = tx.StatsEquipment(); err != nil {
		return c, err
	}
	byCLC, bySource, byLoc, byCat := newDim(), newDim(), newDim(), newDim()
	var lastRecord int64
	sources, tops := map[string]int64{}, map[string]int64{}
	var sourceNames []string
	err = tx.StatsHeldItems(func(h HeldItem) {
		c.Copies++
		c.ValueFen += h.PriceFen
		if h.Record != lastRecord {
			lastRecord = h.Record
			c.Titles++
		}
		// clc.Top normalises the code (2 µs): once per distinct prefix.
		top, ok := tops[h.CLC]
		if !ok {
			if t := clc.Top(h.CLC); t != "" {
				top = int64(t[0])
			}
			tops[h.CLC] = top
		}
		byCLC.add(top, h)
		src, ok := sources[h.Source]
		if !ok {
			src = int64(len(sourceNames))
			sources[h.Source] = src
			sourceNames = append(sourceNames, h.Source)
		}
		bySource.add(src, h)
		byLoc.add(h.Location, h)
		byCat.add(h.Category, h)
	})
	if err != nil {
		return c, err
	}
	for k, x := range byCLC.by {
		top := ""
		if k != 0 {
			top = string(rune(k))
		}
		x.Key = top
		switch cl, ok := clcTree.Lookup(top); {
		case top == "":
			x.Name, x.NameEn = "未分类", "no class"
		case ok:
			x.Name = top + " " + cl.Name
		default:
			x.Name = top
		}
		c.ByCLC = append(c.ByCLC, *x)
	}
	sort.Slice(c.ByCLC, func(i, j int) bool {
		a, b := c.ByCLC[i].Key, c.ByCLC[j].Key
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	srcBy := map[string]*Count{}
	for k, x := range bySource.by {
		x.Key, x.Name = sourceNames[k], sourceNames[k]
		srcBy[sourceNames[k]] = x
	}
	c.BySource = sourceCounts(srcBy)
	locs, err := tx.StatsLocations()
	if err != nil {
		return c, err
	}
	c.ByLocation = byLoc.named(locs, "", "")
	cats, err := tx.StatsCategories()
	if err != nil {
		return c, err
	}
	c.ByCategory = byCat.named(cats, "未分类", "No category")

	p := r.Previous()
	now, err := tx.StatsAdded(r.From, r.To, "")
	if err != nil {
		return c, err
	}
	prev, err := tx.StatsAdded(p.From, p.To, "")
	if err != nil {
		return c, err
	}
	a, b := first(now), first(prev)
	c.Added, c.AddedTitles, c.AddedValue = Figure{a.N, b.N}, Figure{a.M, b.M}, Figure{a.V, b.V}
	// Growth: copies added per month; the total held at each month's end
	// is the held total less what came in after it (copies lost since
	// are not put back: the line says what is held of it now).
	rows, err := tx.StatsAdded(r.From, r.To, "day")
	if err != nil {
		return c, err
	}
	_, labels := s.months(s.span(r))
	perMonth := map[string]int64{}
	for _, row := range rows {
		perMonth[row.Day[:7]] += row.N
	}
	after, err := tx.StatsAdded(addDays(r.To, 1), "9999-12-31", "")
	if err != nil {
		return c, err
	}
	held := c.Copies - first(after).N
	var cum int64
	for _, l := range labels {
		cum += perMonth[l]
		c.Growth = append(c.Growth, Count{Key: l, Name: l, N: perMonth[l]})
	}
	held -= cum
	for i := range c.Growth {
		held += c.Growth[i].N
		c.Growth[i].M = held
	}
	return c, nil
}

// lineKinds are the ledger lines the use figures read: what serves a
// reader.
var lineKinds = servedKinds

// tally counts one period's lines.
type tally struct {
	n         map[string]int64 // lines per kind
	borrowers map[int64]struct{}
	served    map[int64]struct{}
}

func newTally() *tally {
	return &tally{n: map[string]int64{}, borrowers: map[int64]struct{}{}, served: map[int64]struct{}{}}
}

func (t *tally) add(l Line) {
	t.n[l.Kind]++
	if l.Reader == 0 {
		return
	}
	t.served[l.Reader] = struct{}{}
	if l.Kind == string(ledger.Loan) {
		t.borrowers[l.Reader] = struct{}{}
	}
}

type classReader struct{ class, reader int64 }

func (s *Service) use(tx Tx, r Range) (u Use, err error) {
	sp, pp := s.span(r), s.span(r.Previous())
	prev := newTally()
	if err := tx.StatsLines(pp.from, pp.to, lineKinds, prev.add); err != nil {
		return u, err
	}
	// The range in one pass: totals, each day with the month and year it
	// falls in, the heat map, loans by class, reader and record.
	days := r.Days()
	day0 := (sp.from + sp.offset) / 86400000
	_, ml := s.months(sp)
	_, yl := s.years(sp)
	mIndex, yIndex := map[string]int{}, map[string]int{}
	for i, l := range ml {
		mIndex[l] = i
	}
	for i, l := range yl {
		yIndex[l] = i
	}
	labels, dayMonth, dayYear := make([]string, days), make([]int, days), make([]int, days)
	for i := range days {
		labels[i] = addDays(r.From, i)
		dayMonth[i], dayYear[i] = mIndex[labels[i][:7]], yIndex[labels[i][:4]]
	}
	perDay := make([]Period, days)
	u.Months, u.Years = make([]Period, len(ml)), make([]Period, len(yl))
	now := newTally()
	var pairs []uint64 // day << 40 | reader: the readers served each day
	classLoans, classBorrowers := map[int64]int64{}, map[classReader]struct{}{}
	readerLoans, recordLoans := map[int64]int64{}, map[int64]int64{}
	err = tx.StatsLines(sp.from, sp.to, lineKinds, func(l Line) {
		now.add(l)
		local := l.At + sp.offset
		d := int(local/86400000 - day0)
		if d < 0 || d >= days {
			return
		}
		p := &perDay[d]
		busy := true
		switch ledger.Kind(l.Kind) {
		case ledger.Loan:
			p.Loans++
			if l.Class != 0 {
				classLoans[l.Class]++
				classBorrowers[classReader{l.Class, l.Reader}] = struct{}{}
			}
			if l.Reader != 0 {
				readerLoans[l.Reader]++
			}
			if l.Record != 0 {
				recordLoans[l.Record]++
			}
		case ledger.Return:
			p.Returns++
		case ledger.Renew:
			p.Renewals++
		case ledger.InRoom:
			p.InRoom++
		case ledger.Visit:
			p.Visits++
		default:
			busy = false
		}
		if busy {
			// 1970-01-01 was a Thursday.
			u.Heat[(local/86400000+4)%7][(local/3600000)%24]++
		}
		if l.Reader != 0 {
			pairs = append(pairs, uint64(d)<<40|uint64(l.Reader))
		}
	})
	if err != nil {
		return u, err
	}
	// Distinct readers per day, month and year: the pairs in day order,
	// each reader counted once in a month (year) at its first day there.
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	lastMonth, lastYear := map[int64]int{}, map[int64]int{}
	for _, pr := range pairs {
		d, rd := int(pr>>40), int64(pr&(1<<40-1))
		perDay[d].Served++
		if m := dayMonth[d] + 1; lastMonth[rd] != m {
			lastMonth[rd] = m
			u.Months[m-1].Served++
		}
		if y := dayYear[d] + 1; lastYear[rd] != y {
			lastYear[rd] = y
			u.Years[y-1].Served++
		}
	}
	var servedSum, servedDays int64
	for i := range perDay {
		p := &perDay[i]
		p.Label = labels[i]
		for _, q := range []*Period{&u.Months[dayMonth[i]], &u.Years[dayYear[i]]} {
			q.Loans += p.Loans
			q.Returns += p.Returns
			q.Renewals += p.Renewals
			q.InRoom += p.InRoom
			q.Visits += p.Visits
		}
		if p.Served > 0 {
			servedSum += p.Served
			servedDays++
		}
	}
	for i, l := range ml {
		u.Months[i].Label = l
	}
	for i, l := range yl {
		u.Years[i].Label = l
	}
	if days <= 92 {
		u.Days = perDay
	}
	if servedDays > 0 {
		u.ServedPerDay = float64(servedSum*10/servedDays) / 10
	}
	fig := func(k ledger.Kind) Figure { return Figure{now.n[string(k)], prev.n[string(k)]} }
	u.Loans, u.Returns, u.Renewals, u.InRoom, u.Visits, u.Holds = fig(ledger.Loan), fig(ledger.Return), fig(ledger.Renew), fig(ledger.InRoom), fig(ledger.Visit), fig(ledger.Hold)
	u.Borrowers = Figure{int64(len(now.borrowers)), int64(len(prev.borrowers))}
	u.Served = Figure{int64(len(now.served)), int64(len(prev.served))}

	// Loans by class, most first.
	ids := make([]int64, 0, len(classLoans))
	for id := range classLoans {
		ids = append(ids, id)
	}
	names, err := tx.StatsClassNames(ids)
	if err != nil {
		return u, err
	}
	borrowers := map[int64]int64{}
	for cr := range classBorrowers {
		borrowers[cr.class]++
	}
	for _, n := range names {
		id, _ := strconv.ParseInt(n.Key, 10, 64)
		u.ByClass = append(u.ByClass, Count{Key: n.Key, Name: n.Name, N: classLoans[id], M: borrowers[id]})
	}
	sort.Slice(u.ByClass, func(i, j int) bool {
		a, b := u.ByClass[i], u.ByClass[j]
		if a.N != b.N {
			return a.N > b.N
		}
		return a.Name < b.Name
	})
	// Loans by reader type, in the types' order.
	types, typeOf, err := tx.StatsReaderTypes()
	if err != nil {
		return u, err
	}
	typeLoans, typeReaders := map[string]int64{}, map[string]int64{}
	for rd, n := range readerLoans {
		k := strconv.FormatInt(typeOf[rd], 10)
		typeLoans[k] += n
		typeReaders[k]++
	}
	for _, t := range types {
		if typeLoans[t.Key] > 0 {
			u.ByReaderType = append(u.ByReaderType, Count{Key: t.Key, Name: t.Name, NameEn: t.NameEn, N: typeLoans[t.Key], M: typeReaders[t.Key]})
		}
	}
	// The most lent titles, and readers when the library shows them.
	top := topIDs(recordLoans, TopN)
	rows, err := tx.StatsRecordTitles(top)
	if err != nil {
		return u, err
	}
	u.TopBooks = rankRows(top, rows, recordLoans, false)
	v, err := tx.Setting(ShowReadersKey)
	if err != nil {
		return u, err
	}
	if u.ShowReaders = v == "1"; u.ShowReaders {
		top = topIDs(readerLoans, TopN)
		if rows, err = tx.StatsReaderNames(top); err != nil {
			return u, err
		}
		u.TopReaders = rankRows(top, rows, readerLoans, true)
	}
	never, n, err := tx.StatsNeverLent(TopN)
	if err != nil {
		return u, err
	}
	u.NeverLent = n
	for _, b := range never {
		id, _ := strconv.ParseInt(b.Key, 10, 64)
		u.NeverLentList = append(u.NeverLentList, Book{RecordID: id, Title: b.Name, CallNo: b.Extra, Copies: b.N, Day: b.Day})
	}
	return u, nil
}

// topIDs are the n ids with the most, ties by id.
func topIDs(counts map[int64]int64, n int) []int64 {
	ids := make([]int64, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := counts[ids[i]], counts[ids[j]]
		if a != b {
			return a > b
		}
		return ids[i] < ids[j]
	})
	return ids[:min(n, len(ids))]
}

// rankRows ranks the named rows in the order of ids; equal counts share
// a rank. For readers the card is the key.
func rankRows(ids []int64, rows []Row, counts map[int64]int64, byCard bool) []Ranked {
	named := map[string]Row{}
	for _, r := range rows {
		named[r.Key] = r
	}
	out := make([]Ranked, 0, len(ids))
	rank := 0
	for i, id := range ids {
		if i == 0 || counts[id] != counts[ids[i-1]] {
			rank = i + 1
		}
		r := named[strconv.FormatInt(id, 10)]
		key := r.Key
		if byCard {
			key = r.Code
		}
		out = append(out, Ranked{Rank: rank, Key: key, Name: r.Name, Extra: r.Extra, N: counts[id]})
	}
	return out
}
