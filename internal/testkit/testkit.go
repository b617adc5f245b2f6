// Package testkit builds fixtures for tests: a real store, the services on
// it with a settable clock, and small builders for records, copies,
// readers and classes. The store is SQLite in a temporary directory, or,
// when SHUWU_TEST_PG names a PostgreSQL cluster (the second pass of
// scripts/test-all.sh), a fresh database on it (pgtest).
package testkit

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/config"
	"shuwu/internal/readers"
	"shuwu/internal/room"
	"shuwu/internal/store"
	"shuwu/internal/testkit/pgtest"
	"shuwu/internal/visits"
)

// Shanghai is the library time zone tests use.
var Shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	z, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return z
}

// Clock is a settable time source.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// AddDays moves the clock n days on.
func (c *Clock) AddDays(n int) { c.Set(c.Now().AddDate(0, 0, n)) }

// Kit is a store with services on it.
type Kit struct {
	TB          testing.TB
	Ctx         context.Context
	DB          *store.DB
	Clock       *Clock
	Catalog     *catalog.Service
	Readers     *readers.Service
	Circulation *circulation.Service
	Auth        *auth.Service
	Room        *room.Service
	Activities  *activities.Service
	Visits      *visits.Service

	seq int
}

// New opens a fresh seeded store. The clock starts on Monday 2024-09-02,
// 10:00 in Shanghai, so weekday rules are predictable.
func New(tb testing.TB) *Kit {
	tb.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "test", Role: audit.RoleAdmin})
	db := OpenDB(tb)
	if err := db.Seed(ctx); err != nil {
		tb.Fatalf("seed: %v", err)
	}
	clock := &Clock{now: time.Date(2024, 9, 2, 10, 0, 0, 0, Shanghai)}
	k := &Kit{TB: tb, Ctx: ctx, DB: db, Clock: clock}
	k.Catalog = catalog.NewService(db.Catalog(), Shanghai, clock.Now)
	k.Readers = readers.NewService(db.Readers(), Shanghai, clock.Now)
	k.Circulation = circulation.NewService(db.Circulation(), Shanghai, clock.Now, k.Catalog.Changed)
	k.Auth = auth.NewService(db.Auth(), clock.Now)
	k.Room = room.NewService(db.Room(), Shanghai, clock.Now)
	k.Activities = activities.NewService(db.Activities(), Shanghai, clock.Now).WithPhotos(filepath.Join(tb.TempDir(), "photos"))
	k.Visits = visits.NewService(db.Visits(), Shanghai, clock.Now)
	return k
}

// DBURL is the --db value of a fresh empty database for tb: on the
// PostgreSQL pass a new database of the test cluster, else a SQLite file in
// a temporary directory.
func DBURL(tb testing.TB) string {
	tb.Helper()
	if pgtest.Enabled() {
		return pgtest.NewDatabase(tb)
	}
	return "sqlite:" + filepath.Join(tb.TempDir(), "shuwu.db")
}

// Config is a server configuration on a fresh temporary data directory,
// with a fresh database of the engine the tests run on.
func Config(tb testing.TB) config.Config {
	tb.Helper()
	cfg := config.Defaults()
	cfg.DataDir = tb.TempDir()
	if pgtest.Enabled() {
		cfg.DB = pgtest.NewDatabase(tb)
	}
	return cfg
}

// OpenDB opens a fresh, migrated, unseeded store on the engine the tests
// run on, closed when tb ends.
func OpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), DBURL(tb), nil)
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func (k *Kit) next() int { k.seq++; return k.seq }

// Record creates a record with a CLC class (D26 unless given).
func (k *Kit) Record(title string, clc ...string) catalog.Record {
	k.TB.Helper()
	class := "D26"
	if len(clc) > 0 {
		class = clc[0]
	}
	r, err := k.Catalog.CreateRecord(k.Ctx, catalog.Record{Title: title, CLC: class, Authors: []catalog.Author{{Name: "作者" + fmt.Sprint(k.next()), Role: "著"}}, Publisher: "人民出版社", Year: 2022})
	if err != nil {
		k.TB.Fatalf("create record %q: %v", title, err)
	}
	return r
}

// Volume creates a record that is one volume (卷次 part) of title.
func (k *Kit) Volume(title, part string) catalog.Record {
	k.TB.Helper()
	r, err := k.Catalog.CreateRecord(k.Ctx, catalog.Record{Title: title, PartNumber: part, CLC: "A41", Authors: []catalog.Author{{Name: "毛泽东", Role: "著"}}, Publisher: "人民出版社", Year: 1991})
	if err != nil {
		k.TB.Fatalf("create volume %q %q: %v", title, part, err)
	}
	return r
}

// Items adds n copies on shelf group 1 and returns them.
func (k *Kit) Items(r catalog.Record, n int) []catalog.Item {
	k.TB.Helper()
	locs, err := k.Catalog.Locations(k.Ctx)
	if err != nil {
		k.TB.Fatal(err)
	}
	items, err := k.Catalog.AddItems(k.Ctx, catalog.NewItems{RecordID: r.ID, Count: n, LocationID: locs[0].ID, Source: catalog.SourcePurchase})
	if err != nil {
		k.TB.Fatalf("add items: %v", err)
	}
	return items
}

// Item creates a record with one copy and returns the copy.
func (k *Kit) Item(title string) catalog.Item {
	k.TB.Helper()
	return k.Items(k.Record(title), 1)[0]
}

// TypeID returns the id of the reader type with code.
func (k *Kit) TypeID(code string) int64 {
	k.TB.Helper()
	types, err := k.Readers.Types(k.Ctx)
	if err != nil {
		k.TB.Fatal(err)
	}
	for _, t := range types {
		if t.Code == code {
			return t.ID
		}
	}
	k.TB.Fatalf("no reader type %q", code)
	return 0
}

// Reader registers a staff reader (教职工) with a card valid for years.
func (k *Kit) Reader(name string) readers.Reader {
	k.TB.Helper()
	r, err := k.Readers.Create(k.Ctx, readers.Reader{Name: name, TypeID: k.TypeID(readers.TypeStaff)})
	if err != nil {
		k.TB.Fatalf("create reader %q: %v", name, err)
	}
	return r
}

// Class opens a class running from start to end (YYYY-MM-DD).
func (k *Kit) Class(name, start, end string) readers.Class {
	k.TB.Helper()
	c, err := k.Readers.CreateClass(k.Ctx, readers.Class{Name: name, Kind: "主体班", StartDate: start, EndDate: end})
	if err != nil {
		k.TB.Fatalf("create class %q: %v", name, err)
	}
	return c
}

// Trainee registers a trainee into class c.
func (k *Kit) Trainee(name string, c readers.Class) readers.Reader {
	k.TB.Helper()
	r, err := k.Readers.Enroll(k.Ctx, c.ID, readers.Reader{Name: name, TypeID: k.TypeID(readers.TypeTrainee)})
	if err != nil {
		k.TB.Fatalf("enroll %q: %v", name, err)
	}
	return r
}

// Checkout lends item to reader or fails the test.
func (k *Kit) Checkout(r readers.Reader, it catalog.Item) circulation.CheckoutResult {
	k.TB.Helper()
	res, err := k.Circulation.Checkout(k.Ctx, r.Card, it.Barcode)
	if err != nil {
		k.TB.Fatalf("checkout %s to %s: %v", it.Barcode, r.Card, err)
	}
	return res
}
