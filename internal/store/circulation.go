package store

import (
	"database/sql"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

func errLoanNotFound() *errs.Error {
	return errs.NotFound(circulation.CodeLoanNotFound, "该册未借出", "the item is not on loan")
}

func errHoldNotFound() *errs.Error {
	return errs.NotFound(circulation.CodeHoldNotFound, "预约不存在", "hold does not exist")
}

// InsertLoan stores a new loan; the item's UNIQUE constraint refuses a
// second loan of the same copy.
func (tx *Tx) InsertLoan(l *circulation.Loan) error {
	id, err := tx.insert(`INSERT INTO loans (item_id, reader_id, class_id, loaned_at, due_date, renewals, staff_id) VALUES (?,?,?,?,?,?,?)`,
		l.ItemID, l.ReaderID, nullID(l.ClassID), nowMillis(l.LoanedAt), l.DueDate, l.Renewals, nullID(l.StaffID))
	l.ID = id
	return err
}

// DeleteLoan ends a loan.
func (tx *Tx) DeleteLoan(id int64) error {
	return tx.mustAffect(errLoanNotFound(), `DELETE FROM loans WHERE id=?`, id)
}

// UpdateLoan saves a renewed loan.
func (tx *Tx) UpdateLoan(l *circulation.Loan) error {
	return tx.mustAffect(errLoanNotFound(), `UPDATE loans SET due_date=?, renewals=? WHERE id=?`, l.DueDate, l.Renewals, l.ID)
}

// LoanOfItem returns the current loan of a copy.
func (tx *Tx) LoanOfItem(itemID int64) (circulation.Loan, error) {
	var l circulation.Loan
	var at int64
	var classID, staffID sql.NullInt64
	err := tx.queryRow(errLoanNotFound(), `SELECT id, item_id, reader_id, class_id, loaned_at, due_date, renewals, staff_id FROM loans WHERE item_id=?`,
		[]any{itemID}, &l.ID, &l.ItemID, &l.ReaderID, &classID, &at, &l.DueDate, &l.Renewals, &staffID)
	l.LoanedAt, l.ClassID, l.StaffID = fromMillis(at), classID.Int64, staffID.Int64
	return l, err
}

var loanViewQuery = `SELECT l.id, l.item_id, l.reader_id, COALESCE(l.class_id,0), l.loaned_at, l.due_date, l.renewals, COALESCE(l.staff_id,0),
	i.barcode, i.record_id, ` + displayTitle("r") + `, i.call_number, rd.card, rd.name
	FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id JOIN readers rd ON rd.id = l.reader_id`

func scanLoanView(rows *sql.Rows) (circulation.LoanView, error) {
	var v circulation.LoanView
	var at int64
	err := rows.Scan(&v.ID, &v.ItemID, &v.ReaderID, &v.ClassID, &at, &v.DueDate, &v.Renewals, &v.StaffID, &v.Barcode, &v.RecordID, &v.Title, &v.CallNumber, &v.ReaderCard, &v.ReaderName)
	v.LoanedAt = fromMillis(at)
	return v, err
}

// LoansOfReader lists a reader's loans, soonest due first.
func (tx *Tx) LoansOfReader(readerID int64) ([]circulation.LoanView, error) {
	rows, err := tx.query(loanViewQuery+` WHERE l.reader_id=? ORDER BY l.due_date, l.id`, readerID)
	return collect(rows, err, scanLoanView)
}

// LoansOfReaders lists the loans of several readers.
func (tx *Tx) LoansOfReaders(ids []int64) (map[int64][]circulation.LoanView, error) {
	out := map[int64][]circulation.LoanView{}
	if len(ids) == 0 {
		return out, nil
	}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, loanViewQuery+` WHERE l.reader_id IN (`+marks+`) ORDER BY l.due_date`, args...)
		loans, err := collect(rows, mapErr(err), scanLoanView)
		for _, l := range loans {
			out[l.ReaderID] = append(out[l.ReaderID], l)
		}
		return err
	})
	return out, err
}

// ActiveLoanCount counts a reader's loans.
func (tx *Tx) ActiveLoanCount(readerID int64) (int, error) {
	return tx.count(`SELECT COUNT(*) FROM loans WHERE reader_id=?`, readerID)
}

// OverdueLoans lists loans due before today, oldest first.
func (tx *Tx) OverdueLoans(today string, limit int) ([]circulation.LoanView, error) {
	rows, err := tx.query(loanViewQuery+` WHERE l.due_date < ? ORDER BY l.due_date LIMIT ?`, today, limit)
	return collect(rows, err, scanLoanView)
}

const holdColumns = `id, record_id, reader_id, placed_at, status, COALESCE(item_id,0), trapped_at, pickup_deadline, COALESCE(set_id,0)`

// holdQueueOf is the condition that a hold q is in the queue for the
// copies of the record rec (an SQL expression): a hold on that record, an
// any-volume hold trapped to it, or an any-volume hold still waiting on
// the set the record belongs to. A trapped any-volume hold belongs to its
// volume alone, even when its set has since lost that volume.
func holdQueueOf(q, rec string) string {
	return `((` + q + `.record_id = ` + rec + ` AND (` + q + `.set_id IS NULL OR ` + q + `.status = 'trapped')) OR (` +
		q + `.status = 'waiting' AND ` + q + `.set_id IN (SELECT m.set_id FROM record_set_members m WHERE m.record_id = ` + rec + `)))`
}

func scanHold(sc interface{ Scan(...any) error }) (circulation.Hold, error) {
	var h circulation.Hold
	var placed int64
	var trapped sql.NullInt64
	err := sc.Scan(&h.ID, &h.RecordID, &h.ReaderID, &placed, &h.Status, &h.ItemID, &trapped, &h.PickupDeadline, &h.SetID)
	h.PlacedAt = fromMillis(placed)
	if trapped.Valid {
		t := fromMillis(trapped.Int64)
		h.TrappedAt = &t
	}
	return h, err
}

func holdArgs(h *circulation.Hold) []any {
	var trapped any
	if h.TrappedAt != nil {
		trapped = nowMillis(*h.TrappedAt)
	}
	return []any{h.RecordID, h.ReaderID, nowMillis(h.PlacedAt), h.Status, nullID(h.ItemID), trapped, h.PickupDeadline, nullID(h.SetID)}
}

// InsertHold queues a hold.
func (tx *Tx) InsertHold(h *circulation.Hold) error {
	id, err := tx.insert(`INSERT INTO holds (record_id, reader_id, placed_at, status, item_id, trapped_at, pickup_deadline, set_id) VALUES (?,?,?,?,?,?,?,?)`, holdArgs(h)...)
	h.ID = id
	return err
}

// UpdateHold saves a hold.
func (tx *Tx) UpdateHold(h *circulation.Hold) error {
	return tx.mustAffect(errHoldNotFound(), `UPDATE holds SET record_id=?, reader_id=?, placed_at=?, status=?, item_id=?, trapped_at=?, pickup_deadline=?, set_id=? WHERE id=?`,
		append(holdArgs(h), h.ID)...)
}

// DeleteHold removes a hold.
func (tx *Tx) DeleteHold(id int64) error {
	return tx.mustAffect(errHoldNotFound(), `DELETE FROM holds WHERE id=?`, id)
}

func (tx *Tx) holds(where string, args ...any) ([]circulation.Hold, error) {
	rows, err := tx.query(`SELECT `+holdColumns+` FROM holds WHERE `+where, args...)
	return collect(rows, err, func(r *sql.Rows) (circulation.Hold, error) { return scanHold(r) })
}

func (tx *Tx) oneHold(where string, arg any) (circulation.Hold, error) {
	hs, err := tx.holds(where, arg)
	if err != nil {
		return circulation.Hold{}, err
	}
	if len(hs) == 0 {
		return circulation.Hold{}, errHoldNotFound()
	}
	return hs[0], nil
}

// Hold returns a hold by id.
func (tx *Tx) Hold(id int64) (circulation.Hold, error) { return tx.oneHold("id=?", id) }

// HoldOfItem returns the hold a copy is trapped for.
func (tx *Tx) HoldOfItem(itemID int64) (circulation.Hold, error) {
	return tx.oneHold("item_id=?", itemID)
}

// HoldsOfRecord returns a record's queue, first come first served: the
// holds on the record and the any-volume holds on its set.
func (tx *Tx) HoldsOfRecord(recordID int64) ([]circulation.Hold, error) {
	return tx.holds(holdQueueOf("holds", "?")+" ORDER BY placed_at, id", recordID, recordID)
}

// HoldsOfSet returns the any-volume holds on a set, first come first served.
func (tx *Tx) HoldsOfSet(setID int64) ([]circulation.Hold, error) {
	return tx.holds("set_id=? ORDER BY placed_at, id", setID)
}

// ExpiredHolds returns trapped holds whose pickup deadline is before today.
func (tx *Tx) ExpiredHolds(today string) ([]circulation.Hold, error) {
	return tx.holds("status='trapped' AND pickup_deadline < ? ORDER BY id", today)
}

// HoldsOfReader lists a reader's holds with titles and queue positions.
func (tx *Tx) HoldsOfReader(readerID int64) ([]circulation.HoldView, error) {
	return tx.holdViews("h.reader_id=? ORDER BY h.placed_at", readerID)
}

// TrappedHolds lists the copies waiting on the hold shelf, soonest
// pickup deadline first.
func (tx *Tx) TrappedHolds() ([]circulation.HoldView, error) {
	return tx.holdViews("h.status='trapped' ORDER BY h.pickup_deadline, h.id")
}

func (tx *Tx) holdViews(where string, args ...any) ([]circulation.HoldView, error) {
	// A hold's place: the holds before it that compete for the same
	// copies — for a hold on a record, those on the record and the
	// any-volume holds on its set; for an any-volume hold, those on the set.
	rows, err := tx.query(`SELECT h.id, h.record_id, h.reader_id, h.placed_at, h.status, COALESCE(h.item_id,0), h.trapped_at, h.pickup_deadline,
		`+displayTitle("r")+`, COALESCE(i.barcode,''), rd.card, rd.name,
		(SELECT COUNT(*) FROM holds q WHERE (q.placed_at < h.placed_at OR (q.placed_at = h.placed_at AND q.id <= h.id))
			AND ((h.set_id IS NULL AND `+holdQueueOf("q", "h.record_id")+`) OR q.set_id = h.set_id)),
		COALESCE(h.set_id,0), COALESCE(st.title,'')
		FROM holds h JOIN records r ON r.id = h.record_id JOIN readers rd ON rd.id = h.reader_id LEFT JOIN items i ON i.id = h.item_id
		LEFT JOIN record_sets st ON st.id = h.set_id
		WHERE `+where, args...)
	return collect(rows, err, func(rs *sql.Rows) (circulation.HoldView, error) {
		var v circulation.HoldView
		var placed int64
		var trapped sql.NullInt64
		err := rs.Scan(&v.ID, &v.RecordID, &v.ReaderID, &placed, &v.Status, &v.ItemID, &trapped, &v.PickupDeadline, &v.Title, &v.Barcode, &v.ReaderCard, &v.ReaderName, &v.Position, &v.SetID, &v.SetTitle)
		if v.SetID != 0 && v.Status == circulation.HoldWaiting {
			v.Title = v.SetTitle
		}
		v.PlacedAt = fromMillis(placed)
		if trapped.Valid {
			t := fromMillis(trapped.Int64)
			v.TrappedAt = &t
		}
		return v, err
	})
}

// Policies lists the policy matrix.
func (tx *Tx) Policies() ([]circulation.Policy, error) {
	rows, err := tx.query(`SELECT id, COALESCE(reader_type_id,0), COALESCE(category_id,0), loan_days, max_loans, renewals, renewal_days, holds_allowed, max_holds FROM policies ORDER BY id`)
	return collect(rows, err, func(r *sql.Rows) (p circulation.Policy, err error) {
		err = r.Scan(&p.ID, &p.ReaderTypeID, &p.CategoryID, &p.LoanDays, &p.MaxLoans, &p.Renewals, &p.RenewalDays, &p.HoldsAllowed, &p.MaxHolds)
		return p, err
	})
}

// SavePolicy inserts (ID 0) or updates a policy cell.
func (tx *Tx) SavePolicy(p *circulation.Policy) error {
	args := []any{nullID(p.ReaderTypeID), nullID(p.CategoryID), p.LoanDays, p.MaxLoans, p.Renewals, p.RenewalDays, p.HoldsAllowed, p.MaxHolds}
	if p.ID == 0 {
		id, err := tx.insert(`INSERT INTO policies (reader_type_id, category_id, loan_days, max_loans, renewals, renewal_days, holds_allowed, max_holds) VALUES (?,?,?,?,?,?,?,?)`, args...)
		p.ID = id
		return err
	}
	return tx.mustAffect(errs.NotFound(CodePolicyNotFound, "借阅规则不存在", "policy does not exist"),
		`UPDATE policies SET reader_type_id=?, category_id=?, loan_days=?, max_loans=?, renewals=?, renewal_days=?, holds_allowed=?, max_holds=? WHERE id=?`, append(args, p.ID)...)
}

// DeletePolicy removes a policy cell.
func (tx *Tx) DeletePolicy(id int64) error {
	return tx.mustAffect(errs.NotFound(CodePolicyNotFound, "借阅规则不存在", "policy does not exist"), `DELETE FROM policies WHERE id=?`, id)
}

// ClosedDays lists closed dates on or after from.
func (tx *Tx) ClosedDays(from string) ([]circulation.ClosedDay, error) {
	rows, err := tx.query(`SELECT date, reason FROM closed_days WHERE date >= ? ORDER BY date`, from)
	return collect(rows, err, func(r *sql.Rows) (d circulation.ClosedDay, err error) {
		err = r.Scan(&d.Date, &d.Reason)
		return d, err
	})
}

// SaveClosedDay stores a closed date.
func (tx *Tx) SaveClosedDay(d circulation.ClosedDay) error {
	_, err := tx.exec(`INSERT INTO closed_days (date, reason) VALUES (?,?) ON CONFLICT(date) DO UPDATE SET reason=excluded.reason`, d.Date, d.Reason)
	return err
}

// DeleteClosedDay removes a closed date.
func (tx *Tx) DeleteClosedDay(date string) error {
	return tx.mustAffect(errs.NotFound(CodeClosedDayNotFound, "该日期不是闭馆日", "the date is not a closed day"), `DELETE FROM closed_days WHERE date=?`, date)
}

// AuditLog lists audit entries, newest first.
func (tx *Tx) AuditLog(entity string, limit int, beforeID int64) ([]audit.Entry, error) {
	where, args := []string{"1=1"}, []any{}
	if entity != "" {
		where, args = append(where, "entity = ?"), append(args, entity)
	}
	if beforeID != 0 {
		where, args = append(where, "id < ?"), append(args, beforeID)
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+auditColumns+` FROM audit_log WHERE `+
		strings.Join(where, " AND ")+` ORDER BY id DESC LIMIT ?`, append(args, limit)...)
	return collect(rows, mapErr(err), scanAudit)
}

// RecordBrief returns a record's id, title and category only.
func (tx *Tx) RecordBrief(id int64) (catalog.Record, error) {
	var r catalog.Record
	err := tx.queryRow(errRecordNotFound(id), `SELECT r.id, `+displayTitle("r")+`, COALESCE(r.category_id, 0) FROM records r WHERE r.id=?`, []any{id}, &r.ID, &r.Title, &r.CategoryID)
	return r, err
}

// CurrentClassOf returns the class a loan today counts for: one running
// today, else the one that ended last; 0 when the reader is in none.
func (tx *Tx) CurrentClassOf(readerID int64, today string) (int64, error) {
	var id int64
	err := tx.queryRow(errs.NotFound(readers.CodeClassNotFound, "", ""), `SELECT c.id FROM classes c JOIN class_members m ON m.class_id = c.id
		WHERE m.reader_id = ? ORDER BY (c.start_date <= ? AND ? <= c.end_date) DESC, c.end_date DESC LIMIT 1`, []any{readerID, today, today}, &id)
	if errs.Is(err, readers.CodeClassNotFound) {
		return 0, nil
	}
	return id, err
}

// Borrower returns the reader with card and, in the same query, their
// loan count, the class a loan today counts for (see CurrentClassOf) and
// their holds on a record.
func (tx *Tx) Borrower(card string, recordID int64, today string) (readers.Reader, circulation.BorrowerState, error) {
	var st circulation.BorrowerState
	var r readers.Reader
	var created, updated int64
	cols := strings.ReplaceAll(readerColumns, ", ", ", r.")
	err := tx.queryRow(readers.ErrReaderNotFound(card), `SELECT r.`+cols+`,
		(SELECT COUNT(*) FROM loans WHERE reader_id = r.id),
		COALESCE((SELECT c.id FROM classes c JOIN class_members m ON m.class_id = c.id WHERE m.reader_id = r.id
			ORDER BY (c.start_date <= ? AND ? <= c.end_date) DESC, c.end_date DESC LIMIT 1), 0),
		(SELECT COUNT(*) FROM holds hr WHERE hr.reader_id = r.id AND `+holdQueueOf("hr", "?")+`)
		FROM readers r WHERE r.card = ?`,
		[]any{today, today, recordID, recordID, card},
		&r.ID, &r.Card, &r.Name, &r.Gender, &r.Unit, &r.Position, &r.Phone, &r.TypeID, &r.Status, &r.ExpiryDate,
		&r.SuspendedUntil, &r.Notes, &r.PasswordHash, &created, &updated, &r.Email, &st.Loans, &st.ClassID, &st.HoldsOnRecord)
	r.CreatedAt, r.UpdatedAt = fromMillis(created), fromMillis(updated)
	return r, st, err
}

// LendingItem returns a copy with its record's title and category and the
// record's waiting holds, in one query.
func (tx *Tx) LendingItem(barcode string) (circulation.LendingItem, error) {
	var li circulation.LendingItem
	var created, updated int64
	it := &li.Item
	cols := strings.ReplaceAll(itemColumns, ", ", ", i.")
	err := tx.queryRow(errItemNotFound(barcode), `SELECT i.`+cols+`, `+displayTitle("rec")+`, COALESCE(rec.category_id, 0),
		(SELECT COUNT(*) FROM holds h WHERE `+holdQueueOf("h", "i.record_id")+` AND h.status = 'waiting'),
		(SELECT COUNT(*) FROM items o WHERE o.record_id = i.record_id AND o.status = 'available')
		FROM items i JOIN records rec ON rec.id = i.record_id WHERE i.barcode = ?`, []any{barcode},
		&it.ID, &it.RecordID, &it.Barcode, &it.CallNumber, &it.CallSort, &it.LocationID, &it.Status, &it.Source, &it.Donor, optionalID{&it.DonorID}, optionalID{&it.BatchID},
		&it.PriceFen, &it.AddedDate, &it.Lendable, &it.Notes, &created, &updated, &li.Title, &li.CategoryID, &li.WaitingHolds, &li.OnShelf)
	it.CreatedAt, it.UpdatedAt = fromMillis(created), fromMillis(updated)
	return li, err
}

// OverdueList pages loans due before today, with the reader's phone and
// unit and the class the loan counts for, and counts them all.
func (tx *Tx) OverdueList(today string, f circulation.OverdueFilter) ([]circulation.OverdueLoan, int, error) {
	where, args := ` WHERE l.due_date < ?`, []any{today}
	if f.ClassID != 0 {
		where += ` AND l.class_id = ?`
		args = append(args, f.ClassID)
	}
	total, err := tx.count(`SELECT COUNT(*) FROM loans l`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	order := ` ORDER BY l.due_date, rd.name, l.id`
	if f.ByClass {
		// Loans without a class come last, after every class by name.
		order = ` ORDER BY CASE WHEN c.id IS NULL THEN 1 ELSE 0 END, c.name, rd.name, rd.card, l.due_date, l.id`
	}
	q := `SELECT l.id, l.item_id, l.reader_id, COALESCE(l.class_id,0), l.loaned_at, l.due_date, l.renewals, COALESCE(l.staff_id,0),
	i.barcode, i.record_id, ` + displayTitle("r") + `, i.call_number, rd.card, rd.name, rd.phone, rd.unit, COALESCE(c.name,'')
	FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id JOIN readers rd ON rd.id = l.reader_id
	LEFT JOIN classes c ON c.id = l.class_id` + where + order
	if f.Limit > 0 {
		q += ` LIMIT ? OFFSET ?`
		args = append(args, f.Limit, f.Offset)
	}
	rows, err := tx.query(q, args...)
	out, err := collect(rows, err, func(rs *sql.Rows) (circulation.OverdueLoan, error) {
		var v circulation.OverdueLoan
		var at int64
		err := rs.Scan(&v.ID, &v.ItemID, &v.ReaderID, &v.ClassID, &at, &v.DueDate, &v.Renewals, &v.StaffID, &v.Barcode, &v.RecordID, &v.Title,
			&v.CallNumber, &v.ReaderCard, &v.ReaderName, &v.ReaderPhone, &v.ReaderUnit, &v.ClassName)
		v.LoanedAt = fromMillis(at)
		return v, err
	})
	return out, total, err
}
