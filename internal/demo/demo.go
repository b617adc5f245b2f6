// Package demo loads the demo data set: the collection, readers, classes and
// the circulation history of a Party-school reading room (党建书屋) from its
// opening in August 2022 up to a given day. The figures follow the article
// the product is built from: 50,000+ volumes in eight categories, 11 main
// classes and 16 other training classes with 2,100+ trainees, and the
// required-reading lists.
//
// The history is made by the real services driven by a simulated clock, so
// every rule (due dates on open days, card expiry at class end, hold queues,
// renewal limits, clearance) and the event ledger are exercised. Only the
// collection is written in bulk, through the same store transactions and
// number sequences the catalogue service uses.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"shuwu/internal/activities"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/displays"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/room"
	"shuwu/internal/store"
	"shuwu/internal/synth"
)

// Password is the password of every demo reader, who logs in with the card
// number.
const Password = "shuwu-demo"

// Options control a load.
type Options struct {
	// Seed selects the data set; the same Seed and Now give the same data.
	Seed int64
	// Now is the "today" the history ends at. Zero means time.Now().
	Now time.Time
	// TZ is the library's time zone. Nil means China Standard Time.
	TZ *time.Location
	// Progress, when not nil, is told how far each stage has come.
	Progress func(stage string, done, total int)
	// PhotosDir is where activity photos go (the demo uploads none).
	PhotosDir string
	// Scale shrinks (or grows) the collection and the rosters; 0 means 1.
	// Tests use a small scale to run fast. The class schedule stays whole.
	Scale float64
}

// Summary is what a load produced.
type Summary struct {
	Records, Items, Readers, Classes int
	// Loans, Returns, Renewals and Holds count the history's events.
	Loans, Returns, Renewals, Holds int
	// Bookings counts the room's bookings (each week of a series one).
	Bookings int
	// Activities counts the activities (主题活动) held or planned.
	Activities int
	// Visits counts the entries registered at the door over the last
	// year, Receptions the leader and guest visits recorded.
	Visits, Receptions int
	// ActiveLoans and Overdue describe the loans still out at Now.
	ActiveLoans, Overdue int
	Elapsed              time.Duration
}

// Opened is the day the reading room opened for use: the first day of the
// autumn 2022 main classes.
var opened = time.Date(2022, 9, 5, 0, 0, 0, 0, time.UTC)

// earliestNow is the first day a history is long enough to show the
// article's classes.
var earliestNow = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)

// clock is the simulated time every service instance of a load reads.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// set moves the clock to a time of day on date d (a midnight in the
// library's zone).
func (c *clock) set(d time.Time, hour, minute int) {
	c.t = time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, d.Location())
}

// tick advances the clock a little, so that events of one day keep their order.
func (c *clock) tick() { c.t = c.t.Add(23 * time.Second) }

// loader carries the state of one load.
type loader struct {
	ctx   context.Context
	db    *store.DB
	opts  Options
	tz    *time.Location
	now   time.Time // opts.Now in tz
	today time.Time // midnight of now
	scale float64
	rnd   *rand.Rand
	clk   *clock

	cat  *catalog.Service
	rdr  *readers.Service
	circ *circulation.Service
	room *room.Service
	acts *activities.Service
	rcp  *receptions.Service
	dsp  *displays.Service

	people       *synth.Generator // names and units of readers
	passwordHash string
	traineeType  int64
	staffType    int64

	col     *collection
	cal     calendar
	staff   []*person
	classes []*class
	lists   []*readingList
	sum     Summary
}

// Load fills an empty database with the demo data set. It refuses a
// database that already holds records.
func Load(ctx context.Context, db *store.DB, opts Options) (Summary, error) {
	started := time.Now()
	l, err := newLoader(ctx, db, opts)
	if err != nil {
		return Summary{}, err
	}
	if err := db.Seed(l.ctx); err != nil {
		return Summary{}, err
	}
	c, err := db.Counts(l.ctx, l.today.Format(time.DateOnly))
	if err != nil {
		return Summary{}, err
	}
	if c.Records > 0 {
		return Summary{}, errs.Conflict(CodeDemoNotEmpty, "数据库中已有书目，不能加载演示数据", "the database already holds records: the demo data set is loaded only into an empty one")
	}
	if err := db.SetDurable(l.ctx, false); err != nil {
		return Summary{}, err
	}
	// Durability comes back even when the load fails half way.
	defer db.SetDurable(context.WithoutCancel(ctx), true)

	steps := []func() error{l.setup, l.loadCollection, l.loadBatches, l.loadTargets, l.loadPeriodicals, l.loadStaff, l.loadLists, l.loadSets, l.runHistory, l.loadDuty, l.loadSeats, l.loadOrders, l.loadAssets}
	for _, step := range steps {
		if err := step(); err != nil {
			return Summary{}, err
		}
	}
	c, err = db.Counts(l.ctx, l.today.Format(time.DateOnly))
	if err != nil {
		return Summary{}, err
	}
	l.sum.Records, l.sum.Items, l.sum.Readers, l.sum.Classes = c.Records, c.Items, c.Readers, c.Classes
	l.sum.ActiveLoans, l.sum.Overdue = c.ActiveLoans, c.Overdue
	l.sum.Elapsed = time.Since(started)
	return l.sum, nil
}

func newLoader(ctx context.Context, db *store.DB, opts Options) (*loader, error) {
	tz := opts.TZ
	if tz == nil {
		tz = time.FixedZone("CST", 8*3600)
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(tz)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, tz)
	if today.Format(time.DateOnly) < earliestNow.Format(time.DateOnly) {
		return nil, errs.Invalid(CodeDemoNowTooEarly, "now", fmt.Sprintf("演示数据的截止日期不能早于 %s", earliestNow.Format(time.DateOnly)),
			fmt.Sprintf("the demo history needs an end date on or after %s", earliestNow.Format(time.DateOnly)))
	}
	scale := opts.Scale
	if scale <= 0 {
		scale = 1
	}
	clk := &clock{t: time.Date(2022, 8, 1, 9, 0, 0, 0, tz)}
	l := &loader{
		ctx:   audit.WithActor(ctx, audit.Actor{Name: "demo", Role: audit.RoleAdmin}),
		db:    db,
		opts:  opts,
		tz:    tz,
		now:   now,
		today: today,
		scale: scale,
		rnd:   rand.New(rand.NewPCG(uint64(opts.Seed), 0xd3_0b00c5)),
		clk:   clk,
		cat:   catalog.NewService(db.Catalog(), tz, clk.now),
		rdr:   readers.NewService(db.Readers(), tz, clk.now),
		circ:  circulation.NewService(db.Circulation(), tz, clk.now, nil),
		room:  room.NewService(db.Room(), tz, clk.now),
		acts:  activities.NewService(db.Activities(), tz, clk.now).WithPhotos(opts.PhotosDir),
		rcp:   receptions.NewService(db.Receptions(), tz, clk.now),
		dsp:   displays.NewService(db.Displays(), tz, clk.now),
	}
	return l, nil
}

// setup hashes the one shared password, finds the reader types and enters
// the holidays the room is closed on.
func (l *loader) setup() error {
	var err error
	// One hash for every reader: argon2id on each of 2,000 readers would
	// take minutes.
	if l.passwordHash, err = auth.HashPassword(Password); err != nil {
		return err
	}
	types, err := l.rdr.Types(l.ctx)
	if err != nil {
		return err
	}
	for _, t := range types {
		switch t.Code {
		case readers.TypeTrainee:
			l.traineeType = t.ID
		case readers.TypeStaff:
			l.staffType = t.ID
		}
	}
	if l.traineeType == 0 || l.staffType == 0 {
		return errs.Internalf("demo: the trainee and staff reader types are missing")
	}
	rules, err := l.circ.Rules(l.ctx)
	if err != nil {
		return err
	}
	l.cal = newCalendar(rules, l.tz)
	for _, h := range holidays(l.today.Year()) {
		if err := l.circ.SaveClosedDay(l.ctx, circulation.ClosedDay{Date: h.date, Reason: h.reason}); err != nil {
			return err
		}
		l.cal.closed[h.date] = true
	}
	return nil
}

// progress reports a stage's advance when the caller asked for it.
func (l *loader) progress(stage string, done, total int) {
	if l.opts.Progress != nil {
		l.opts.Progress(stage, done, total)
	}
}

// scaled returns n times the scale, at least min.
func (l *loader) scaled(n, min int) int {
	v := int(float64(n)*l.scale + 0.5)
	if v < min {
		return min
	}
	return v
}

// chance reports true with probability p.
func (l *loader) chance(p float64) bool { return l.rnd.Float64() < p }

// between returns a uniform integer in [lo, hi].
func (l *loader) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + l.rnd.IntN(hi-lo+1)
}

// midnight returns date d at 00:00 in the library's zone.
func (l *loader) midnight(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, l.tz)
}

// date parses a YYYY-MM-DD date in the library's zone.
func (l *loader) date(s string) time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, s, l.tz)
	return t
}
