package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"shuwu/internal/audit"
)

// maxAuditPage bounds one page of the audit log, and so every IN-list
// the names of a page are looked up with.
const maxAuditPage = 200

// AuditPage lists audit entries matching f, newest first, with their
// total and the names of what they refer to, in one read transaction.
func (db *DB) AuditPage(ctx context.Context, f audit.Filter) (audit.Page, error) {
	var p audit.Page
	if f.Limit < 1 || f.Limit > maxAuditPage {
		f.Limit = maxAuditPage
	}
	f.Offset = max(f.Offset, 0)
	err := db.View(ctx, func(tx *Tx) error {
		where, args := []string{"1=1"}, []any{}
		if f.Entity != "" {
			where, args = append(where, "entity = ?"), append(args, f.Entity)
		}
		if a := strings.TrimSpace(f.Actor); a != "" {
			where = append(where, "(username = ? OR username IN (SELECT username FROM users WHERE display_name = ?))")
			args = append(args, a, a)
		}
		if q := strings.TrimSpace(f.Query); q != "" {
			where, args = append(where, "(summary LIKE ? ESCAPE '\\' OR entity_id = ?)"), append(args, "%"+likeEscape(q)+"%", q)
		}
		if !f.From.IsZero() {
			where, args = append(where, "at >= ?"), append(args, nowMillis(f.From))
		}
		if !f.To.IsZero() {
			where, args = append(where, "at < ?"), append(args, nowMillis(f.To))
		}
		if f.Before > 0 {
			where, args, f.Offset = append(where, "id < ?"), append(args, f.Before), 0
		}
		cond := strings.Join(where, " AND ")
		var err error
		if f.Before == 0 {
			if p.Total, err = tx.count(`SELECT COUNT(*) FROM audit_log WHERE `+cond, args...); err != nil {
				return err
			}
		}
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+auditColumns+` FROM audit_log WHERE `+
			cond+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
		p.Entries, err = collect(rows, mapErr(err), scanAudit)
		if err != nil {
			return err
		}
		p.Names, err = tx.auditNames(p.Entries)
		return err
	})
	return p, err
}

// likeEscape makes s match itself in a LIKE pattern.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// auditNames looks up the names of the accounts and objects es refer to.
func (tx *Tx) auditNames(es []audit.Entry) (audit.Names, error) {
	n := audit.Names{Users: map[string]string{}, Records: map[int64]string{}, Items: map[string]audit.ItemName{},
		Readers: map[string]string{}, Classes: map[int64]string{}, Lists: map[int64]string{}}
	var users, barcodes, cards []string
	var records, classes, lists []int64
	for _, e := range es {
		if e.UserID != 0 {
			users = append(users, e.Username)
		}
		id, numErr := strconv.ParseInt(e.EntityID, 10, 64)
		switch {
		case e.Entity == "record" && numErr == nil, e.Entity == "item" && e.Action == "create" && numErr == nil:
			records = append(records, id)
		case e.Entity == "item":
			barcodes = append(barcodes, e.EntityID)
		case e.Entity == "reader":
			cards = append(cards, e.EntityID)
		case e.Entity == "class" && numErr == nil:
			classes = append(classes, id)
		case e.Entity == "reading_list" && numErr == nil:
			lists = append(lists, id)
		case e.Entity == "user":
			users = append(users, e.EntityID)
		}
	}
	type pair struct {
		k any
		v string
		r int64
	}
	lookup := func(query string, keys []any, scan func(*sql.Rows) (pair, error), put func(pair)) error {
		if len(keys) == 0 {
			return nil
		}
		rows, err := tx.q.QueryContext(tx.ctx, strings.Replace(query, "(?)", "("+bindMarks(len(keys))+")", 1), keys...)
		ps, err := collect(rows, mapErr(err), scan)
		for _, p := range ps {
			put(p)
		}
		return err
	}
	str := func(r *sql.Rows) (p pair, err error) {
		var k string
		err = r.Scan(&k, &p.v)
		p.k = k
		return p, err
	}
	num := func(r *sql.Rows) (p pair, err error) {
		var k int64
		err = r.Scan(&k, &p.v)
		p.k = k
		return p, err
	}
	if err := lookup(`SELECT username, display_name FROM users WHERE username IN (?)`, strArgs(users), str,
		func(p pair) { n.Users[p.k.(string)] = p.v }); err != nil {
		return n, err
	}
	if err := lookup(`SELECT id, title FROM records WHERE id IN (?)`, int64Args(records), num,
		func(p pair) { n.Records[p.k.(int64)] = p.v }); err != nil {
		return n, err
	}
	if err := lookup(`SELECT card, name FROM readers WHERE card IN (?)`, strArgs(cards), str,
		func(p pair) { n.Readers[p.k.(string)] = p.v }); err != nil {
		return n, err
	}
	if err := lookup(`SELECT id, name FROM classes WHERE id IN (?)`, int64Args(classes), num,
		func(p pair) { n.Classes[p.k.(int64)] = p.v }); err != nil {
		return n, err
	}
	if err := lookup(`SELECT id, name FROM reading_lists WHERE id IN (?)`, int64Args(lists), num,
		func(p pair) { n.Lists[p.k.(int64)] = p.v }); err != nil {
		return n, err
	}
	itemScan := func(r *sql.Rows) (p pair, err error) {
		var k string
		err = r.Scan(&k, &p.r, &p.v)
		p.k = k
		return p, err
	}
	err := lookup(`SELECT i.barcode, r.id, `+displayTitle("r")+` FROM items i JOIN records r ON r.id = i.record_id WHERE i.barcode IN (?)`, strArgs(barcodes), itemScan,
		func(p pair) { n.Items[p.k.(string)] = audit.ItemName{RecordID: p.r, Title: p.v} })
	return n, err
}

func strArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
