package store

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"shuwu/internal/audit"
)

func auditSome(t *testing.T, db *DB, n int) {
	t.Helper()
	ctx := audit.WithAddress(audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "librarian", Role: audit.RoleLibrarian}), "10.1.2.3")
	for i := 0; i < n; i++ {
		e := audit.New(ctx, time.Date(2026, 12, 4, 9, i, 0, 0, time.UTC), "update", "record", "7", "修改书目《红岩》")
		if err := db.Update(ctx, func(tx *Tx) error { return tx.Audit(e) }); err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, db *DB) audit.Verification {
	t.Helper()
	v, err := db.VerifyAuditChain(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func reasons(v audit.Verification) string {
	var b []string
	for _, x := range v.Breaks {
		b = append(b, x.Reason)
	}
	return strings.Join(b, "; ")
}

// The log is chained as it is written, with the client's address; the
// verification of an untouched log finds nothing, and each way of
// tampering (editing a line, removing one in the middle, removing the
// last, inserting one around the chain) is found and named.
func TestTheAuditChainShowsEveryKindOfTampering(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	auditSome(t, db, 5)
	v := verify(t, db)
	if !v.OK() || v.Entries != 5 || v.HeadSeq != 5 || len(v.HeadHash) != 64 {
		t.Fatalf("untouched log: %+v, want whole with 5 entries", v)
	}
	var addr string
	if err := db.View(ctx, func(tx *Tx) error {
		return tx.queryRow(nil, `SELECT address FROM audit_log WHERE seq = 3`, nil, &addr)
	}); err != nil || addr != "10.1.2.3" {
		t.Fatalf("address stored = %q (%v), want 10.1.2.3", addr, err)
	}
	raw := func(q string) {
		t.Helper()
		if err := db.Update(ctx, func(tx *Tx) error { _, err := tx.exec(q); return err }); err != nil {
			t.Fatal(err)
		}
	}

	raw(`UPDATE audit_log SET summary = '修改书目《红日》' WHERE seq = 2`)
	if v := verify(t, db); v.OK() || v.Breaks[0].Seq != 2 || v.Breaks[0].EntryID == 0 || !strings.Contains(v.Breaks[0].Reason, "被修改") {
		t.Fatalf("an edited entry: %+v (%s), want a break at seq 2", v.Breaks, reasons(v))
	}
	raw(`UPDATE audit_log SET summary = '修改书目《红岩》' WHERE seq = 2`)
	if v := verify(t, db); !v.OK() {
		t.Fatalf("the edit undone: %s, want whole", reasons(v))
	}

	raw(`DELETE FROM audit_log WHERE seq = 3`)
	if v := verify(t, db); v.OK() || v.Breaks[0].Seq != 3 || !strings.Contains(v.Breaks[0].Reason, "删除") {
		t.Fatalf("a removed entry: %s, want seq 3 named as removed", reasons(v))
	}

	db2 := openAny(t)
	auditSome(t, db2, 3)
	raw2 := func(q string) {
		t.Helper()
		if err := db2.Update(ctx, func(tx *Tx) error { _, err := tx.exec(q); return err }); err != nil {
			t.Fatal(err)
		}
	}
	raw2(`DELETE FROM audit_log WHERE seq = 3`)
	if v := verify(t, db2); v.OK() || !strings.Contains(reasons(v), "链尾") {
		t.Fatalf("the last entry removed: %s, want the tail named", reasons(v))
	}
	raw2(`INSERT INTO audit_log (at, username, action, entity, summary) VALUES (0, 'x', 'update', 'record', '插入')`)
	if v := verify(t, db2); !strings.Contains(reasons(v), "不在链上") {
		t.Fatalf("an entry inserted around the chain: %s, want it named", reasons(v))
	}
}

// Entries written before the chain existed are chained, in order, when the
// store opens: nothing is left outside it.
func TestOldEntriesAreChainedWhenTheStoreOpens(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	if err := db.Update(ctx, func(tx *Tx) error {
		for _, s := range []string{"旧记录一", "旧记录二"} {
			if _, err := tx.exec(`INSERT INTO audit_log (at, username, action, entity, summary) VALUES (1, 'admin', 'update', 'record', ?)`, s); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.sealAuditChain(ctx); err != nil {
		t.Fatal(err)
	}
	auditSome(t, db, 1)
	if v := verify(t, db); !v.OK() || v.Entries != 3 || v.HeadSeq != 3 {
		t.Fatalf("after sealing: %+v (%s), want 3 entries whole", v, reasons(v))
	}
}

// Writers auditing at once still make one unbroken chain: on PostgreSQL
// they collide on the chain's head and are retried.
func TestConcurrentAuditingKeepsOneChain(t *testing.T) {
	db := openAny(t)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			auditSome(t, db, 5)
		}()
	}
	wg.Wait()
	if v := verify(t, db); !v.OK() || v.Entries != 40 || v.HeadSeq != 40 {
		t.Fatalf("after 40 concurrent entries: %+v (%s), want whole", v, reasons(v))
	}
}
