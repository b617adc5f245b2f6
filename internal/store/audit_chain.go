package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// Audit appends an entry to the audit log, chained to the one before it.
// The chain's head is one row, so on PostgreSQL two transactions that both
// audit collide and one is retried: the chain has no forks. Loans and
// returns are not audited (the ledger records them), so this is never on
// the desk's hot path.
func (tx *Tx) Audit(e audit.Entry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = fromMillis(nowMillis(e.At)) // the hash covers what is stored
	var prev string
	if err := tx.queryRow(errAuditChainMissing(), `SELECT seq, hash FROM audit_chain WHERE id = 1`, nil, &e.Seq, &prev); err != nil {
		return err
	}
	e.Seq++
	e.Hash = audit.ChainHash(prev, e)
	// The head moves first: a concurrent writer then waits on its row and
	// loses with a serialization failure (retried), never reaching the
	// insert with the same place.
	if _, err := tx.exec(`UPDATE audit_chain SET seq = ?, hash = ? WHERE id = 1`, e.Seq, e.Hash); err != nil {
		return err
	}
	_, err := tx.exec(`INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, detail, address, seq, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		nowMillis(e.At), nullID(e.UserID), e.Username, e.Action, e.Entity, e.EntityID, e.Summary, e.Detail, e.Address, e.Seq, e.Hash)
	return err
}

func errAuditChainMissing() *errs.Error {
	return errs.New(errs.KindInternal, CodeAuditChainBroken, "审计日志的链头丢失", "the audit log's chain head is missing")
}

const auditColumns = `id, at, COALESCE(user_id,0), username, action, entity, entity_id, summary, detail, address, COALESCE(seq,0), hash`

func scanAudit(r *sql.Rows) (e audit.Entry, err error) {
	var at int64
	err = r.Scan(&e.ID, &at, &e.UserID, &e.Username, &e.Action, &e.Entity, &e.EntityID, &e.Summary, &e.Detail, &e.Address, &e.Seq, &e.Hash)
	e.At = fromMillis(at)
	return e, err
}

// opened finishes opening db once its engine runs and its schema is
// current: the data steps that need the store itself.
func opened(ctx context.Context, db *DB) (*DB, error) {
	if err := db.sealAuditChain(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("chain the audit log: %w", err)
	}
	return db, nil
}

// sealAuditChain chains the entries written before the log was chained
// (seq NULL), in the order they were written. It runs when the store
// opens; on a chained log it finds nothing.
func (db *DB) sealAuditChain(ctx context.Context) error {
	var n int
	if err := db.View(ctx, func(tx *Tx) (err error) {
		n, err = tx.count(`SELECT COUNT(*) FROM audit_log WHERE seq IS NULL`)
		return err
	}); err != nil || n == 0 {
		return err
	}
	return db.Update(ctx, func(tx *Tx) error {
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+auditColumns+` FROM audit_log WHERE seq IS NULL ORDER BY id`)
		es, err := collect(rows, mapErr(err), scanAudit)
		if err != nil {
			return err
		}
		var seq int64
		var prev string
		if err := tx.queryRow(errAuditChainMissing(), `SELECT seq, hash FROM audit_chain WHERE id = 1`, nil, &seq, &prev); err != nil {
			return err
		}
		for _, e := range es {
			seq++
			e.Seq = seq
			e.Hash = audit.ChainHash(prev, e)
			if _, err := tx.exec(`UPDATE audit_log SET seq = ?, hash = ? WHERE id = ?`, e.Seq, e.Hash, e.ID); err != nil {
				return err
			}
			prev = e.Hash
		}
		_, err = tx.exec(`UPDATE audit_chain SET seq = ?, hash = ? WHERE id = 1`, seq, prev)
		return err
	})
}

// maxBreaks bounds what a verification lists: past the first few breaks
// the rest of a tampered log says nothing new.
const maxBreaks = 20

// VerifyAuditChain recomputes the whole chain in order and reports every
// entry whose hash does not follow from the one before it, every missing
// place, and a head that does not match the last entry.
func (db *DB) VerifyAuditChain(ctx context.Context) (audit.Verification, error) {
	var v audit.Verification
	err := db.View(ctx, func(tx *Tx) error {
		v = audit.Verification{}
		if err := tx.queryRow(errAuditChainMissing(), `SELECT seq, hash FROM audit_chain WHERE id = 1`, nil, &v.HeadSeq, &v.HeadHash); err != nil {
			return err
		}
		add := func(b audit.Break) {
			if len(v.Breaks) < maxBreaks {
				v.Breaks = append(v.Breaks, b)
			}
		}
		unchained, err := tx.count(`SELECT COUNT(*) FROM audit_log WHERE seq IS NULL`)
		if err != nil {
			return err
		}
		if unchained > 0 {
			add(audit.Break{Reason: fmt.Sprintf("有 %d 条记录不在链上（在链之外插入）", unchained), ReasonEn: fmt.Sprintf("%d entries are outside the chain (inserted around it)", unchained)})
		}
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+auditColumns+` FROM audit_log WHERE seq IS NOT NULL ORDER BY seq`)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		var want int64 = 1
		prev := ""
		for rows.Next() {
			e, err := scanAudit(rows)
			if err != nil {
				return mapErr(err)
			}
			v.Entries++
			for ; want < e.Seq; want++ {
				add(audit.Break{Seq: want, Reason: "这一条记录已被删除", ReasonEn: "this entry was removed"})
				prev = "" // unknown: the next entry cannot be checked against it
			}
			if (prev != "" || e.Seq == 1) && audit.ChainHash(prev, e) != e.Hash {
				add(audit.Break{Seq: e.Seq, EntryID: e.ID, Reason: "这一条记录的内容与它的哈希不符（被修改过）", ReasonEn: "the entry does not match its hash (it was changed)"})
			}
			prev, want = e.Hash, e.Seq+1
		}
		if err := rows.Err(); err != nil {
			return mapErr(err)
		}
		for ; want <= v.HeadSeq; want++ {
			add(audit.Break{Seq: want, Reason: "链尾的记录已被删除", ReasonEn: "an entry at the end of the log was removed"})
			prev = ""
		}
		if want-1 > v.HeadSeq || (prev != "" && prev != v.HeadHash) {
			add(audit.Break{Seq: want - 1, Reason: "链头与最后一条记录不符", ReasonEn: "the chain head does not match the last entry"})
		}
		return nil
	})
	return v, err
}
