package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// loan is an active loan with what its reader means to do with it.
type loan struct {
	copy     int
	p        *person
	due      string
	returnOn string // the day the reader brings it back; "" never
	renewOn  string // the day the reader renews it; "" never
	loseOn   string // the day the librarian writes it off as lost
	done     bool
}

// Hold plans: what the reader does once the copy waits for them.
const (
	planCollect = iota
	planCancel
	planIgnore
)

// hold is an open hold as the simulation knows it.
type hold struct {
	id       int64
	rec      int
	p        *person
	trapped  bool
	copy     int
	deadline string
	plan     int
	pickupOn string
	cancelOn string
	done     bool
}

// pending is a copy with the day something happens to it.
type pending struct {
	copy int
	day  string
}

// due takes out of ps the entries for day, in order.
func due(ps *[]pending, day string) []int {
	var out []int
	rest := (*ps)[:0]
	for _, p := range *ps {
		if p.day <= day {
			out = append(out, p.copy)
		} else {
			rest = append(rest, p)
		}
	}
	*ps = rest
	return out
}

// history is the state of the simulated desk.
type history struct {
	*loader
	day             time.Time
	bookings        []plannedBooking // still to be made, by bookOn
	organiser       context.Context  // who books
	dayStr          string
	loans           []*loan
	holds           []*hold
	queues          map[int][]*hold // record -> open holds in queue order
	repairs         []pending       // copies back from repair on a day
	found           []pending       // lost copies that turn up again on a day
	upto            int             // records in col.added acquired by day
	recent          int             // first record in col.added acquired within the last months
	alumni          []*person       // trainees of finished county-level classes
	inRoom          []int           // copies in the 阅览室
	listRecs        map[*class][]int
	vrnd            *rand.Rand         // the daily visits' own draws, so the rest of the history stays as it was
	visitsPlanned   []plannedReception // leader and guest visits still to come, by day
	displaysPlanned []*plannedDisplay  // the themed displays of the history
	held            []*heldActivity    // activities (主题活动) planned, to be run on their day
	articleHeld     int                // of the article's 28
}

// runHistory plays the days from the first class's preparation to today.
func (l *loader) runHistory() error {
	l.planClasses()
	h := &history{loader: l, queues: map[int][]*hold{}, listRecs: map[*class][]int{}, bookings: l.withTrainings(l.planBookings()), organiser: organiserCtx(l),
		visitsPlanned: l.planReceptions(), displaysPlanned: l.planDisplays()}
	for i, c := range l.col.copies {
		if c.reading {
			h.inRoom = append(h.inRoom, i)
		}
	}
	first := time.Date(2022, 8, 22, 0, 0, 0, 0, l.tz)
	total := int(l.today.Sub(first).Hours()/24) + 1
	n := 0
	for d := first; !d.After(l.today); d = d.AddDate(0, 0, 1) {
		n++
		if !l.cal.open(d) {
			continue
		}
		if err := h.runDay(d); err != nil {
			return fmt.Errorf("demo: %s: %w", d.Format(time.DateOnly), err)
		}
		if n%20 == 0 {
			l.progress("借阅历史 / circulation history", n, total)
		}
	}
	l.progress("借阅历史 / circulation history", total, total)
	return nil
}

// runDay is one open day at the desk, in the order things happen.
func (h *history) runDay(d time.Time) error {
	h.day, h.dayStr = d, d.Format(time.DateOnly)
	h.advanceAcquisitions()
	h.clk.set(d, 8, 0)
	steps := []func() error{h.themedDisplays, h.classOffice, h.expireHolds, h.staffCards, h.returns, h.backFromRepair, h.pickups, h.borrowing, h.inRoomUse, h.clearance, h.roomBookings, h.dailyVisits, h.receptions, h.activityDays}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	h.compact()
	return nil
}

// advanceAcquisitions moves the windows of records on the shelves by day.
func (h *history) advanceAcquisitions() {
	added := h.col.added
	for h.upto < len(added) && h.col.records[added[h.upto]].added <= h.dayStr {
		h.upto++
	}
	since := h.day.AddDate(0, -2, 0).Format(time.DateOnly)
	for h.recent < h.upto && h.col.records[added[h.recent]].added < since {
		h.recent++
	}
}

// classOffice opens classes two weeks ahead and enrols them on their first day.
func (h *history) classOffice() error {
	for _, c := range h.classes {
		if !c.created && !h.day.Before(c.start.AddDate(0, 0, -14)) {
			if err := h.createClass(c); err != nil {
				return err
			}
			h.listRecs[c] = h.listRecords(c)
		}
		if c.created && !c.enrolled && !h.day.Before(c.start) {
			var back []*person
			for i := 0; i < c.alumni && len(h.alumni) > 0; i++ {
				p := h.alumni[h.rnd.IntN(len(h.alumni))]
				if p.class != nil && !p.class.end.Before(c.start) {
					continue // still in a class
				}
				dup := false
				for _, q := range back {
					dup = dup || q == p
				}
				if !dup {
					back = append(back, p)
				}
			}
			if err := h.enroll(c, back); err != nil {
				return err
			}
		}
		if c.enrolled && c.level == "xianji" && c.end.Format(time.DateOnly) == h.dayStr {
			for _, m := range c.members {
				h.alumni = append(h.alumni, m.p)
			}
		}
	}
	return nil
}

func (h *history) staffCards() error { return h.renewStaffCards(h.day) }

// expireHolds runs the morning sweep of holds not picked up, and mirrors
// it: each expired hold's copy passes to the next reader in the queue.
func (h *history) expireHolds() error {
	h.clk.set(h.day, 8, 30)
	var expired []*hold
	for _, x := range h.holds {
		if !x.done && x.trapped && x.deadline < h.dayStr {
			expired = append(expired, x)
		}
	}
	n, err := h.circ.ExpireHolds(h.ctx)
	if err != nil {
		return err
	}
	if n != len(expired) {
		return errs.Internalf("demo: %d holds expired, %d expected", n, len(expired))
	}
	for _, x := range expired {
		h.closeHold(x)
		h.passOn(x.copy)
	}
	return nil
}

// closeHold takes a hold out of its queue.
func (h *history) closeHold(x *hold) {
	x.done = true
	x.p.holds--
	q := h.queues[x.rec]
	for i, y := range q {
		if y == x {
			h.queues[x.rec] = append(q[:i:i], q[i+1:]...)
			break
		}
	}
}

// passOn mirrors circulation's trap: a copy coming free goes to the first
// waiting reader of its record, or back to the shelf.
func (h *history) passOn(ci int) {
	c := h.col.copies[ci]
	if c.lendable {
		for _, x := range h.queues[c.rec] {
			if !x.trapped {
				h.trap(x, ci, h.cal.addOpen(h.day, h.cal.rules.HoldPickupDays).Format(time.DateOnly))
				return
			}
		}
	}
	c.status = onShelf
}

// trap puts copy ci on the hold shelf for x and plans the reader's visit.
func (h *history) trap(x *hold, ci int, deadline string) {
	x.trapped, x.copy, x.deadline = true, ci, deadline
	h.col.copies[ci].status = onHoldShelf
	if x.plan == planCollect {
		x.pickupOn = h.cal.addOpen(h.day, 1+h.rnd.IntN(4)).Format(time.DateOnly)
	}
}

// returns brings back the loans due back today, renews the ones readers
// renew today and writes off the ones given up for lost.
func (h *history) returns() error {
	h.clk.set(h.day, 9, 0)
	for _, ln := range h.loans {
		if ln.done {
			continue
		}
		// "<=" rather than "==": a plan never slips past a closed day.
		switch {
		case ln.renewOn != "" && ln.renewOn <= h.dayStr:
			if err := h.renew(ln); err != nil {
				return err
			}
		case ln.returnOn != "" && ln.returnOn <= h.dayStr:
			if err := h.checkin(h.col.copies[ln.copy].barcode); err != nil {
				return err
			}
		case ln.loseOn != "" && ln.loseOn <= h.dayStr:
			if _, err := h.circ.MarkLost(h.ctx, h.col.copies[ln.copy].barcode, ""); err != nil {
				return err
			}
			h.endLoan(ln)
			h.col.copies[ln.copy].status = lost
			if h.chance(0.3) {
				h.found = append(h.found, pending{ln.copy, h.cal.addOpen(h.day, h.between(10, 60)).Format(time.DateOnly)})
			}
		}
		h.clk.tick()
	}
	// Lost copies that turn up come back over the desk.
	for _, ci := range due(&h.found, h.dayStr) {
		if err := h.checkin(h.col.copies[ci].barcode); err != nil {
			return err
		}
	}
	return nil
}

// endLoan forgets a loan that ended.
func (h *history) endLoan(ln *loan) {
	ln.done = true
	ls := ln.p.loans
	for i, x := range ls {
		if x == ln {
			ln.p.loans = append(ls[:i:i], ls[i+1:]...)
			break
		}
	}
}

// checkin returns a copy and mirrors what the desk was told.
func (h *history) checkin(barcode string) error {
	damaged := h.chance(0.004)
	res, err := h.circ.Checkin(h.ctx, barcode, damaged)
	if err != nil {
		return err
	}
	ci := h.copyOf(res.Item.ID)
	if res.WasOnLoan {
		h.sum.Returns++
		for _, ln := range h.loans {
			if !ln.done && ln.copy == ci {
				h.endLoan(ln)
				break
			}
		}
	}
	c := h.col.copies[ci]
	switch res.Action {
	case "repair":
		c.status = inRepair
		h.repairs = append(h.repairs, pending{ci, h.cal.addOpen(h.day, h.between(3, 10)).Format(time.DateOnly)})
	case "hold_shelf":
		if res.Hold == nil {
			return errs.Internalf("demo: copy %s went to the hold shelf without a hold", barcode)
		}
		x := h.holdByID(res.Hold.HoldID)
		if x == nil {
			return errs.Internalf("demo: hold %d is not known", res.Hold.HoldID)
		}
		h.trap(x, ci, res.Hold.PickupDeadline)
	default:
		c.status = onShelf
	}
	return nil
}

func (h *history) holdByID(id int64) *hold {
	for _, x := range h.holds {
		if x.id == id && !x.done {
			return x
		}
	}
	return nil
}

// copyOf finds a copy by item id; ids grow with the index.
func (h *history) copyOf(id int64) int {
	cs := h.col.copies
	lo, hi := 0, len(cs)
	for lo < hi {
		m := (lo + hi) / 2
		if cs[m].id < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// renew extends a loan; a refusal (a hold by another reader, the card's
// end) leaves the reader to return it by the old date.
func (h *history) renew(ln *loan) error {
	lv, err := h.circ.Renew(h.ctx, h.col.copies[ln.copy].barcode, 0)
	ln.renewOn = ""
	if err != nil {
		if errs.As(err).Kind != errs.KindConflict {
			return err
		}
		ln.returnOn = h.cal.addOpen(h.date(ln.due), h.between(-2, 3)).Format(time.DateOnly)
		if ln.returnOn <= h.dayStr {
			ln.returnOn = h.cal.addOpen(h.day, 1).Format(time.DateOnly)
		}
		return nil
	}
	h.sum.Renewals++
	ln.due = lv.DueDate
	due := h.date(lv.DueDate)
	if h.chance(0.85) {
		ln.returnOn = h.dayBetween(h.day.AddDate(0, 0, 3), due)
	} else {
		ln.returnOn = h.cal.addOpen(due, h.between(1, 10)).Format(time.DateOnly)
	}
	return nil
}

// dayBetween returns an open day in [a, b] (b itself when a is after b).
func (h *history) dayBetween(a, b time.Time) string {
	if !a.Before(b) {
		return h.cal.onOrAfter(b).Format(time.DateOnly)
	}
	d := a.AddDate(0, 0, h.rnd.IntN(int(b.Sub(a).Hours()/24)+1))
	// The last open day not after d, unless that is before a.
	back := d
	for !h.cal.open(back) && !back.Before(a) {
		back = back.AddDate(0, 0, -1)
	}
	if h.cal.open(back) && !back.Before(a) {
		return back.Format(time.DateOnly)
	}
	return h.cal.onOrAfter(d).Format(time.DateOnly)
}

// backFromRepair shelves repaired copies.
func (h *history) backFromRepair() error {
	for _, ci := range due(&h.repairs, h.dayStr) {
		st := catalog.StatusAvailable
		if _, err := h.cat.UpdateItem(h.ctx, h.col.copies[ci].barcode, catalog.ItemChange{Status: &st}); err != nil {
			return err
		}
		h.col.copies[ci].status = onShelf
	}
	return nil
}

// pickups: readers collect the copies held for them, and some cancel holds.
func (h *history) pickups() error {
	h.clk.set(h.day, 10, 0)
	for _, x := range h.holds {
		if x.done {
			continue
		}
		switch {
		case x.trapped && x.pickupOn != "" && x.pickupOn <= h.dayStr:
			if len(x.p.loans) >= 10 {
				continue
			}
			ok, err := h.checkout(x.p, x.copy)
			if err != nil {
				return err
			}
			if ok {
				h.closeHold(x)
			}
		case x.cancelOn != "" && x.cancelOn <= h.dayStr:
			if err := h.circ.CancelHold(h.ctx, x.id, 0); err != nil {
				return err
			}
			h.closeHold(x)
			if x.trapped {
				h.passOn(x.copy)
			}
		}
		h.clk.tick()
	}
	return nil
}

// checkout lends copy ci to p and plans its return. A refusal by the rules
// (an expired card, the loan limit) is not an error: the reader goes away.
func (h *history) checkout(p *person, ci int) (bool, error) {
	c := h.col.copies[ci]
	res, err := h.circ.Checkout(h.ctx, p.card, c.barcode)
	if err != nil {
		if errs.As(err).Kind == errs.KindConflict {
			return false, nil
		}
		return false, err
	}
	h.sum.Loans++
	c.status = onLoan
	ln := &loan{copy: ci, p: p, due: res.Loan.DueDate}
	h.planReturn(ln)
	p.loans = append(p.loans, ln)
	h.loans = append(h.loans, ln)
	return true, nil
}

// planReturn decides when a loan comes back: most on time, trainees'
// often at clearance, some late, a few renewed, a very few never.
func (h *history) planReturn(ln *loan) {
	due := h.date(ln.due)
	k := h.rnd.Float64()
	if ln.p.staff {
		switch {
		case k < 0.62:
			ln.returnOn = h.dayBetween(h.day.AddDate(0, 0, 5), due)
		case k < 0.80:
			ln.renewOn = h.dayBetween(due.AddDate(0, 0, -6), due)
		case k < 0.94:
			ln.returnOn = h.cal.addOpen(due, h.between(1, 12)).Format(time.DateOnly)
		case k < 0.985:
			ln.returnOn = h.cal.addOpen(due, h.between(15, 45)).Format(time.DateOnly)
		default:
			ln.loseOn = h.cal.addOpen(due, 60).Format(time.DateOnly)
		}
		return
	}
	end := ln.p.class.end
	expiry := h.date(ln.p.reader.ExpiryDate)
	switch {
	case k < 0.55:
		ln.returnOn = h.dayBetween(h.day.AddDate(0, 0, 2), minTime(due, end))
	case k < 0.80:
		ln.returnOn = h.dayBetween(end.AddDate(0, 0, -1), end.AddDate(0, 0, 3))
	case k < 0.90 && due.Before(expiry.AddDate(0, 0, -5)):
		ln.renewOn = h.dayBetween(due.AddDate(0, 0, -4), due)
	case k < 0.95:
		ln.returnOn = h.cal.addOpen(due, h.between(1, 10)).Format(time.DateOnly)
	case k < 0.99:
		ln.returnOn = h.cal.addOpen(due, h.between(12, 40)).Format(time.DateOnly)
	default:
		ln.loseOn = h.cal.addOpen(due, 45).Format(time.DateOnly)
	}
	if ln.returnOn == "" && ln.renewOn == "" && ln.loseOn == "" {
		ln.returnOn = h.dayBetween(h.day.AddDate(0, 0, 2), due)
	}
	if ln.returnOn != "" && ln.returnOn <= h.dayStr {
		ln.returnOn = h.cal.addOpen(h.day, 1).Format(time.DateOnly)
	}
	if ln.renewOn != "" && ln.renewOn <= h.dayStr {
		ln.renewOn = h.cal.addOpen(h.day, 1).Format(time.DateOnly)
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// borrowing: trainees of running classes and staff come to borrow.
func (h *history) borrowing() error {
	h.clk.set(h.day, 11, 0)
	for _, c := range h.classes {
		if !c.enrolled || h.day.After(c.end) || h.day.Before(c.start) {
			continue
		}
		for _, m := range c.members {
			if m.p.class != c || !h.chance(m.p.appetite/float64(c.openDays)) {
				continue
			}
			n := 1
			if h.chance(0.3) {
				n = 2
			}
			for range n {
				if err := h.borrowOne(m.p, c); err != nil {
					return err
				}
			}
		}
	}
	h.clk.set(h.day, 15, 0)
	for _, p := range h.staff {
		// appetite is books a month; some 21 open days make a month.
		if h.chance(p.appetite / 21) {
			if err := h.borrowOne(p, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// borrowOne is one reader looking for one book: on the class's reading
// list, in the Party-theory categories, among the new books, or anywhere.
// When every copy is out, some place a hold.
func (h *history) borrowOne(p *person, c *class) error {
	if len(p.loans) >= 10 || h.upto == 0 {
		return nil
	}
	for try := 0; try < 3; try++ {
		ri := h.pickRecord(p, c)
		if ri < 0 || h.has(p, ri) {
			continue
		}
		rec := h.col.records[ri]
		avail, out := -1, 0
		for _, ci := range rec.copies {
			cp := h.col.copies[ci]
			if !cp.lendable {
				continue
			}
			if cp.status == onShelf && avail < 0 {
				avail = ci
			}
			if cp.status == onLoan || cp.status == onHoldShelf {
				out++
			}
		}
		if avail >= 0 {
			_, err := h.checkout(p, avail)
			h.clk.tick()
			return err
		}
		if out > 0 && p.holds < 5 && h.chance(0.45) {
			return h.placeHold(p, ri)
		}
	}
	return nil
}

// has reports whether p already has, or waits for, a copy of record ri.
func (h *history) has(p *person, ri int) bool {
	for _, ln := range p.loans {
		if h.col.copies[ln.copy].rec == ri {
			return true
		}
	}
	for _, x := range h.queues[ri] {
		if x.p == p {
			return true
		}
	}
	return false
}

// pickRecord chooses what a reader looks for, among records on the shelves.
func (h *history) pickRecord(p *person, c *class) int {
	k := h.rnd.Float64()
	var pool []int
	switch {
	case c != nil && k < 0.30:
		pool = h.listRecs[c]
	case c != nil && k < 0.62, c == nil && k < 0.25:
		pool = h.col.party
	case k < 0.82 && h.recent < h.upto:
		return h.col.added[h.recent+h.rnd.IntN(h.upto-h.recent)]
	default:
		return h.col.added[h.rnd.IntN(h.upto)]
	}
	if len(pool) == 0 {
		return -1
	}
	ri := pool[h.rnd.IntN(len(pool))]
	if h.col.records[ri].added > h.dayStr {
		return -1
	}
	return ri
}

// placeHold queues p for record ri and decides what they will do.
func (h *history) placeHold(p *person, ri int) error {
	hv, err := h.circ.PlaceHold(h.ctx, p.card, h.col.records[ri].id)
	h.clk.tick()
	if err != nil {
		if errs.As(err).Kind == errs.KindConflict {
			return nil
		}
		return err
	}
	h.sum.Holds++
	x := &hold{id: hv.ID, rec: ri, p: p}
	switch k := h.rnd.Float64(); {
	case k < 0.72:
		x.plan = planCollect
	case k < 0.92:
		x.plan = planCancel
		x.cancelOn = h.cal.addOpen(h.day, h.between(2, 25)).Format(time.DateOnly)
	default:
		x.plan = planIgnore
	}
	if !p.staff {
		// Trainees give up what has not come by the day after their class.
		if last := h.cal.addOpen(p.class.end, 1).Format(time.DateOnly); x.cancelOn == "" || x.cancelOn > last {
			x.cancelOn = last
		}
	}
	p.holds++
	h.holds = append(h.holds, x)
	h.queues[ri] = append(h.queues[ri], x)
	return nil
}

// inRoomUse records copies read in the 阅览室, by trainees present or
// by anonymous readers.
func (h *history) inRoomUse() error {
	if len(h.inRoom) == 0 {
		return nil
	}
	h.clk.set(h.day, 14, 0)
	var present []*person
	for _, c := range h.classes {
		if c.enrolled && !h.day.Before(c.start) && !h.day.After(c.end) {
			for _, m := range c.members {
				present = append(present, m.p)
			}
		}
	}
	n := h.rnd.IntN(4)
	if len(present) > 0 {
		n += h.rnd.IntN(6)
	}
	for range n {
		c := h.col.copies[h.inRoom[h.rnd.IntN(len(h.inRoom))]]
		if c.added > h.dayStr {
			continue
		}
		card := ""
		if len(present) > 0 && h.chance(0.6) {
			card = present[h.rnd.IntN(len(present))].card
		}
		if err := h.circ.InRoomUse(h.ctx, c.barcode, card); err != nil {
			return err
		}
		h.clk.tick()
	}
	return nil
}

// clearance certifies, from a class's last day on, the members who have
// returned everything (结业清还); stragglers are certified once their
// last book is back.
func (h *history) clearance() error {
	h.clk.set(h.day, 16, 0)
	for _, c := range h.classes {
		if !c.enrolled || h.day.Before(c.end) || h.day.After(c.clearBefore) {
			continue
		}
		for _, m := range c.members {
			if m.cleared || len(m.p.loans) > 0 || !h.chance(0.6) {
				continue
			}
			if _, err := h.circ.MarkCleared(h.ctx, c.id, m.p.card); err != nil {
				return err
			}
			m.cleared = true
			h.clk.tick()
		}
	}
	return nil
}

// compact drops finished loans and holds from the day lists.
func (h *history) compact() {
	ls := h.loans[:0]
	for _, ln := range h.loans {
		if !ln.done {
			ls = append(ls, ln)
		}
	}
	h.loans = ls
	hs := h.holds[:0]
	for _, x := range h.holds {
		if !x.done {
			hs = append(hs, x)
		}
	}
	h.holds = hs
}
