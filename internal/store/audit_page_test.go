package store

import (
	"context"
	"testing"
	"time"

	"shuwu/internal/audit"
)

// Paging by key walks the whole log, newest first, each entry once, and
// keeps the filter; paging by offset still counts the total for the page.
func TestAuditPagesByKeyReadEveryEntryOnce(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	auditSome(t, db, 45)
	first, err := db.AuditPage(ctx, audit.Filter{Limit: 10})
	if err != nil || first.Total != 45 || len(first.Entries) != 10 {
		t.Fatalf("offset page: total %d, %d entries (%v), want 45 and 10", first.Total, len(first.Entries), err)
	}
	seen, last := map[int64]bool{}, int64(1<<62)
	f := audit.Filter{Limit: 10, Entity: "record", Before: last}
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("keyset paging does not end")
		}
		p, err := db.AuditPage(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Entries {
			if seen[e.ID] || e.ID >= last {
				t.Fatalf("entry %d came twice or out of order (after %d)", e.ID, last)
			}
			seen[e.ID], last, f.Before = true, e.ID, e.ID
		}
		if len(p.Entries) < f.Limit {
			break
		}
	}
	if len(seen) != 45 {
		t.Fatalf("keyset paging read %d entries, want 45", len(seen))
	}
	none, err := db.AuditPage(ctx, audit.Filter{Limit: 10, Entity: "reader", Before: 1 << 62})
	if err != nil || len(none.Entries) != 0 {
		t.Fatalf("filter lost in keyset paging: %d entries (%v)", len(none.Entries), err)
	}
}

// BenchmarkAuditExportPaging reads a 43,000-entry log (the size that took
// 5.5 s to export) page by page, by offset and by key, side by side.
func BenchmarkAuditExportPaging(b *testing.B) {
	db := openAny(b)
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "librarian", Role: audit.RoleLibrarian})
	if err := db.Update(ctx, func(tx *Tx) error {
		for i := 0; i < 43000; i++ {
			if err := tx.Audit(audit.New(ctx, time.UnixMilli(int64(i)*1000), "update", "record", "7", "修改书目《红岩》")); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	walk := func(b *testing.B, byKey bool) {
		for b.Loop() {
			f, n := audit.Filter{Limit: maxAuditPage, Before: 1 << 62}, 0
			if !byKey {
				f.Before = 0
			}
			for {
				p, err := db.AuditPage(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				n += len(p.Entries)
				if len(p.Entries) < f.Limit {
					break
				}
				if byKey {
					f.Before = p.Entries[len(p.Entries)-1].ID
				} else {
					f.Offset += f.Limit
				}
			}
			if n != 43000 {
				b.Fatalf("read %d entries", n)
			}
		}
	}
	b.Run("offset", func(b *testing.B) { walk(b, false) })
	b.Run("key", func(b *testing.B) { walk(b, true) })
}
