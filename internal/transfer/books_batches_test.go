package transfer_test

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
	"shuwu/internal/transfer"
)

// spyStore counts the transactions an import runs and what they ask, and
// can make the nth copy fail to be stored.
type spyStore struct {
	transfer.Store
	updates      atomic.Int64
	itemsLoads   atomic.Int64
	inserts      atomic.Int64
	failInsertAt int64 // 0: never
}

func (s *spyStore) Update(ctx context.Context, fn func(transfer.Tx) error) error {
	s.updates.Add(1)
	return s.Store.Update(ctx, func(tx transfer.Tx) error { return fn(spyTx{tx, s}) })
}

func (s *spyStore) View(ctx context.Context, fn func(transfer.Tx) error) error {
	return s.Store.View(ctx, func(tx transfer.Tx) error { return fn(spyTx{tx, s}) })
}

type spyTx struct {
	transfer.Tx
	s *spyStore
}

func (t spyTx) ItemsOfRecord(id int64) ([]catalog.Item, error) {
	t.s.itemsLoads.Add(1)
	return t.Tx.ItemsOfRecord(id)
}

func (t spyTx) InsertItem(it *catalog.Item) error {
	if n := t.s.inserts.Add(1); n == t.s.failInsertAt {
		return errs.Invalid("BARCODE_DUPLICATE", "barcode", "条码已被使用", "barcode in use")
	}
	return t.Tx.InsertItem(it)
}

// An all-or-nothing list that repeats one title (the case that held the
// writer for 45 seconds) is stored in many short transactions, not one,
// and a repeated row does not load the copies the record already has.
func TestImportBooksOfOneTitleCommitsInShortTransactionsWithoutReloadingCopies(t *testing.T) {
	_, k := newService(t)
	spy := &spyStore{Store: k.DB.Transfer()}
	s := transfer.New(spy, k.Catalog, k.Readers, k.Circulation, testkit.Shanghai, k.Clock.Now)
	rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(bookListCSV(1200, true)), transfer.BookSheetOptions{
		SheetOptions: transfer.SheetOptions{Name: "list.csv"}, AllOrNothing: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Matched != 1199 || rep.Items != 1200 {
		t.Fatalf("report: added %d matched %d items %d", rep.Added, rep.Matched, rep.Items)
	}
	if n := spy.updates.Load(); n < 3 {
		t.Errorf("1,200 rows were stored in %d transactions: an import must commit in short batches, not hold the writer for the whole list", n)
	}
	if n := spy.itemsLoads.Load(); n != 0 {
		t.Errorf("the import loaded a record's copies %d times: each repeated row must not reload every copy", n)
	}
	if row := rowOf(t, rep, 1201); row.CallNumber != rowOf(t, rep, 2).CallNumber || row.RecordID != rowOf(t, rep, 2).RecordID {
		t.Errorf("the last row's copy should share the first row's record and call number: %+v vs %+v", row, rowOf(t, rep, 2))
	}
}

// When a row of an all-or-nothing list fails while it is stored, after
// earlier batches were committed, what they stored is taken back: the
// catalogue is as it was, the failing row is reported, the rest are held.
func TestImportBooksAllOrNothingTakesBackCommittedBatchesWhenALaterRowFails(t *testing.T) {
	_, k := newService(t)
	spy := &spyStore{Store: k.DB.Transfer(), failInsertAt: 900}
	s := transfer.New(spy, k.Catalog, k.Readers, k.Circulation, testkit.Shanghai, k.Clock.Now)
	rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(bookListCSV(1000, false)), transfer.BookSheetOptions{
		SheetOptions: transfer.SheetOptions{Name: "list.csv"}, AllOrNothing: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rejected != 1 || rep.Held != 999 || rep.Added != 0 || rep.Items != 0 {
		t.Fatalf("report: rejected %d held %d added %d items %d", rep.Rejected, rep.Held, rep.Added, rep.Items)
	}
	if row := rowOf(t, rep, 901); row.Outcome != transfer.Rejected || len(row.Problems) != 1 || row.Problems[0].Code != "BARCODE_DUPLICATE" {
		t.Errorf("row 901 should be the rejected one: %+v", row)
	}
	c, err := k.DB.Counts(k.Ctx, "2024-09-02")
	if err != nil || c.Records != 0 || c.Items != 0 {
		t.Errorf("after the take-back the catalogue holds %d records and %d copies (%v), want none", c.Records, c.Items, err)
	}
	log, err := k.DB.AuditLog(k.Ctx, "record", 5, 0)
	if err != nil || len(log) == 0 || !strings.Contains(log[0].Summary, "撤销") {
		t.Errorf("the audit log should say the import was taken back: %+v (%v)", log, err)
	}
}
