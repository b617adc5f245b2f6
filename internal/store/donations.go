package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/donations"
	"shuwu/internal/errs"
)

// Donations returns the donor register's and batches' store.
func (db *DB) Donations() donations.Store { return donationsStore{db} }

type donationsStore struct{ db *DB }

func (s donationsStore) Update(ctx context.Context, fn func(donations.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s donationsStore) View(ctx context.Context, fn func(donations.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// heldCondition is true of a copy the library still holds: lost and
// withdrawn copies stay in the database for history but are not holdings.
const heldCondition = `status NOT IN ('lost', 'withdrawn')`

// optionalID scans a nullable id column into an int64 (0 for NULL).
type optionalID struct{ p *int64 }

func (o optionalID) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*o.p = n.Int64
	return nil
}

// donorIDFor keeps the register complete: every name written on a copy is
// a donor. A copy that names a donor by id keeps it when the names agree;
// otherwise the name is looked up, and a new one registered (an
// institution when the copy came as 单位支持).
func (tx *Tx) donorIDFor(it *catalog.Item) error {
	if it.Donor == "" {
		it.DonorID = 0
		return nil
	}
	if it.DonorID != 0 {
		var name string
		if err := tx.queryRow(nil, `SELECT name FROM donors WHERE id=?`, []any{it.DonorID}, &name); err == nil && name == it.Donor {
			return nil
		}
	}
	var id int64
	err := tx.queryRow(errs.NotFound(donations.CodeDonorNotFound, "", ""), `SELECT MIN(id) FROM donors WHERE name=? HAVING MIN(id) IS NOT NULL`, []any{it.Donor}, &id)
	if err == nil {
		it.DonorID = id
		return nil
	}
	if !errs.Is(err, donations.CodeDonorNotFound) {
		return err
	}
	kind := donations.DonorPerson
	if it.Source == catalog.SourceInstitution {
		kind = donations.DonorInstitution
	}
	d := donations.Donor{Name: it.Donor, Kind: kind, CreatedAt: it.UpdatedAt, UpdatedAt: it.UpdatedAt}
	if err := tx.InsertDonor(&d); err != nil {
		return err
	}
	it.DonorID = d.ID
	return nil
}

const donorSelect = `SELECT d.id, d.name, d.kind, COALESCE(d.reader_id, 0), COALESCE(r.card, ''), d.unit, d.phone, d.honour, d.notes, d.created_at, d.updated_at,
	(SELECT COUNT(*) FROM items i WHERE i.donor_id = d.id AND i.` + heldCondition + `),
	(SELECT COUNT(*) FROM acq_batches b WHERE b.donor_id = d.id)
	FROM donors d LEFT JOIN readers r ON r.id = d.reader_id`

func scanDonor(sc interface{ Scan(...any) error }) (donations.Donor, error) {
	var d donations.Donor
	var created, updated int64
	err := sc.Scan(&d.ID, &d.Name, &d.Kind, &d.ReaderID, &d.ReaderCard, &d.Unit, &d.Phone, &d.Honour, &d.Notes, &created, &updated, &d.Held, &d.Batches)
	d.CreatedAt, d.UpdatedAt = fromMillis(created), fromMillis(updated)
	return d, err
}

// InsertDonor registers a donor.
func (tx *Tx) InsertDonor(d *donations.Donor) error {
	id, err := tx.insert(`INSERT INTO donors (name, kind, reader_id, unit, phone, honour, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		d.Name, d.Kind, nullID(d.ReaderID), d.Unit, d.Phone, d.Honour, d.Notes, nowMillis(d.CreatedAt), nowMillis(d.UpdatedAt))
	d.ID = id
	return err
}

func errDonorNotFound(id int64) *errs.Error {
	return errs.NotFound(donations.CodeDonorNotFound, fmt.Sprintf("捐赠人 %d 不存在", id), fmt.Sprintf("donor %d does not exist", id))
}

// UpdateDonor saves a donor.
func (tx *Tx) UpdateDonor(d *donations.Donor) error {
	return tx.mustAffect(errDonorNotFound(d.ID), `UPDATE donors SET name=?, kind=?, reader_id=?, unit=?, phone=?, honour=?, notes=?, updated_at=? WHERE id=?`,
		d.Name, d.Kind, nullID(d.ReaderID), d.Unit, d.Phone, d.Honour, d.Notes, nowMillis(d.UpdatedAt), d.ID)
}

// Donor returns a donor with their totals.
func (tx *Tx) Donor(id int64) (donations.Donor, error) {
	rows, err := tx.query(donorSelect+` WHERE d.id=?`, id)
	ds, err := collect(rows, err, func(r *sql.Rows) (donations.Donor, error) { return scanDonor(r) })
	if err != nil {
		return donations.Donor{}, err
	}
	if len(ds) == 0 {
		return donations.Donor{}, errDonorNotFound(id)
	}
	return ds[0], nil
}

// Donors lists the register, most copies held first.
func (tx *Tx) Donors(f donations.DonorFilter) ([]donations.Donor, error) {
	var where []string
	var args []any
	if f.Query != "" {
		like := "%" + escapeLike(f.Query) + "%"
		where = append(where, `(d.name LIKE ? ESCAPE '\' OR d.unit LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	if f.Honour {
		where = append(where, `d.honour = ?`)
		args = append(args, true)
	}
	q := `SELECT * FROM (` + donorSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += `) x ORDER BY 12 DESC, 2 LIMIT ?`
	rows, err := tx.q.QueryContext(tx.ctx, q, append(args, f.Limit)...)
	return collect(rows, mapErr(err), func(r *sql.Rows) (donations.Donor, error) { return scanDonor(r) })
}

// RenameDonorCopies writes a donor's new name on their copies.
func (tx *Tx) RenameDonorCopies(donorID int64, name string) error {
	_, err := tx.exec(`UPDATE items SET donor=? WHERE donor_id=?`, name, donorID)
	return err
}

// ReaderIDByCard finds a reader's id by card number.
func (tx *Tx) ReaderIDByCard(card string) (int64, error) {
	var id int64
	err := tx.queryRow(errs.NotFound(donations.CodeDonorNotFound, "读者不存在", "no such reader"), `SELECT id FROM readers WHERE card=?`, []any{card}, &id)
	return id, err
}

const batchSelect = `SELECT b.id, b.kind, b.number, COALESCE(b.donor_id, 0), COALESCE(d.name, ''), COALESCE(d.kind, ''), b.from_name, b.received_date, b.notes, b.created_at, b.updated_at,
	(SELECT COUNT(DISTINCT i.record_id) FROM items i WHERE i.batch_id = b.id),
	(SELECT COUNT(*) FROM items i WHERE i.batch_id = b.id),
	(SELECT COALESCE(SUM(i.price_fen), 0) FROM items i WHERE i.batch_id = b.id)
	FROM acq_batches b LEFT JOIN donors d ON d.id = b.donor_id`

func scanBatch(sc interface{ Scan(...any) error }) (donations.Batch, error) {
	var b donations.Batch
	var created, updated int64
	err := sc.Scan(&b.ID, &b.Kind, &b.Number, &b.DonorID, &b.DonorName, &b.DonorKind, &b.FromName, &b.ReceivedDate, &b.Notes, &created, &updated, &b.Titles, &b.Copies, &b.ValueFen)
	b.CreatedAt, b.UpdatedAt = fromMillis(created), fromMillis(updated)
	return b, err
}

// InsertBatch stores a new batch.
func (tx *Tx) InsertBatch(b *donations.Batch) error {
	id, err := tx.insert(`INSERT INTO acq_batches (kind, number, donor_id, from_name, received_date, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`,
		b.Kind, b.Number, nullID(b.DonorID), b.FromName, b.ReceivedDate, b.Notes, nowMillis(b.CreatedAt), nowMillis(b.UpdatedAt))
	b.ID = id
	return err
}

// Batch returns a batch with its totals.
func (tx *Tx) Batch(id int64) (donations.Batch, error) {
	rows, err := tx.query(batchSelect+` WHERE b.id=?`, id)
	bs, err := collect(rows, err, func(r *sql.Rows) (donations.Batch, error) { return scanBatch(r) })
	if err != nil {
		return donations.Batch{}, err
	}
	if len(bs) == 0 {
		return donations.Batch{}, errs.NotFound(donations.CodeBatchNotFound, fmt.Sprintf("入藏批次 %d 不存在", id), fmt.Sprintf("batch %d does not exist", id))
	}
	return bs[0], nil
}

// Batches lists batches, newest first.
func (tx *Tx) Batches(f donations.BatchFilter) ([]donations.Batch, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where = append(where, `b.kind = ?`)
		args = append(args, f.Kind)
	}
	if f.DonorID != 0 {
		where = append(where, `b.donor_id = ?`)
		args = append(args, f.DonorID)
	}
	q := batchSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY b.received_date DESC, b.id DESC LIMIT ?`
	rows, err := tx.q.QueryContext(tx.ctx, q, append(args, f.Limit)...)
	return collect(rows, mapErr(err), func(r *sql.Rows) (donations.Batch, error) { return scanBatch(r) })
}

// BatchLines lists a batch's titles with their copies, in the order the
// copies were added.
func (tx *Tx) BatchLines(batchID int64) ([]donations.Line, error) {
	rows, err := tx.query(`SELECT rec.id, `+displayTitle("rec")+`, COALESCE((SELECT a.name FROM record_authors a WHERE a.record_id = rec.id ORDER BY a.pos LIMIT 1), ''),
		rec.publisher, rec.year, rec.isbn, i.call_number, i.barcode, i.price_fen
		FROM items i JOIN records rec ON rec.id = i.record_id WHERE i.batch_id = ? ORDER BY i.id`, batchID)
	type row struct {
		line    donations.Line
		barcode string
		price   int64
	}
	got, err := collect(rows, err, func(r *sql.Rows) (row, error) {
		var x row
		err := r.Scan(&x.line.RecordID, &x.line.Title, &x.line.Author, &x.line.Publisher, &x.line.Year, &x.line.ISBN, &x.line.CallNo, &x.barcode, &x.price)
		return x, err
	})
	if err != nil {
		return nil, err
	}
	out := []donations.Line{}
	at := map[int64]int{}
	for _, x := range got {
		i, ok := at[x.line.RecordID]
		if !ok {
			i = len(out)
			at[x.line.RecordID] = i
			out = append(out, x.line)
		}
		out[i].Barcodes = append(out[i].Barcodes, x.barcode)
		out[i].Copies++
		out[i].ValueFen += x.price
	}
	return out, nil
}

// UnbatchedCopy is a copy that came in no batch, for grouping the demo's
// opening stock into batches.
type UnbatchedCopy struct {
	ID        int64
	DonorID   int64
	AddedDate string
}

// UnbatchedCopies lists the copies of a source that belong to no batch,
// in the order they were added.
func (tx *Tx) UnbatchedCopies(source catalog.Source) ([]UnbatchedCopy, error) {
	rows, err := tx.query(`SELECT id, COALESCE(donor_id, 0), added_date FROM items WHERE source = ? AND batch_id IS NULL ORDER BY added_date, id`, source)
	return collect(rows, err, func(r *sql.Rows) (c UnbatchedCopy, err error) {
		err = r.Scan(&c.ID, &c.DonorID, &c.AddedDate)
		return c, err
	})
}

// SetCopiesBatch puts copies into a batch.
func (tx *Tx) SetCopiesBatch(batchID int64, ids []int64) error {
	return eachChunk(ids, func(marks string, args []any) error {
		_, err := tx.exec(`UPDATE items SET batch_id = ? WHERE id IN (`+marks+`)`, append([]any{batchID}, args...)...)
		return err
	})
}

// SetDonorHonour records a donor's consent to be named.
func (tx *Tx) SetDonorHonour(donorID int64, honour bool) error {
	_, err := tx.exec(`UPDATE donors SET honour = ? WHERE id = ?`, honour, donorID)
	return err
}
