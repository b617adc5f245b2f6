package store

import (
	"database/sql"
	"fmt"
	"strings"

	"shuwu/internal/acquisitions"
	"shuwu/internal/errs"
)

// Suppliers, funds and orders of acquisitions (采访). What a fund spent and
// committed, and how far an order has come, are counted from the lines
// and the copies received against them (items.order_line_id).

const supplierSelect = `SELECT s.id, s.name, s.contact, s.phone, s.address, s.notes, s.created_at, s.updated_at,
	(SELECT COUNT(*) FROM acq_orders o WHERE o.supplier_id = s.id) FROM acq_suppliers s`

func scanSupplier(r *sql.Rows) (acquisitions.Supplier, error) {
	var s acquisitions.Supplier
	var c, u int64
	err := r.Scan(&s.ID, &s.Name, &s.Contact, &s.Phone, &s.Address, &s.Notes, &c, &u, &s.Orders)
	s.CreatedAt, s.UpdatedAt = fromMillis(c), fromMillis(u)
	return s, err
}

// InsertSupplier registers a supplier.
func (tx *Tx) InsertSupplier(s *acquisitions.Supplier) error {
	id, err := tx.insert(`INSERT INTO acq_suppliers (name, contact, phone, address, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`,
		s.Name, s.Contact, s.Phone, s.Address, s.Notes, nowMillis(s.CreatedAt), nowMillis(s.UpdatedAt))
	s.ID = id
	return err
}

func errSupplierNotFound(id int64) *errs.Error {
	return errs.NotFound(acquisitions.CodeSupplierNotFound, fmt.Sprintf("书商 %d 不存在", id), fmt.Sprintf("supplier %d does not exist", id))
}

// UpdateSupplier saves a supplier.
func (tx *Tx) UpdateSupplier(s *acquisitions.Supplier) error {
	return tx.mustAffect(errSupplierNotFound(s.ID), `UPDATE acq_suppliers SET name=?, contact=?, phone=?, address=?, notes=?, updated_at=? WHERE id=?`,
		s.Name, s.Contact, s.Phone, s.Address, s.Notes, nowMillis(s.UpdatedAt), s.ID)
}

// Supplier reads one supplier.
func (tx *Tx) Supplier(id int64) (acquisitions.Supplier, error) {
	rows, err := tx.query(supplierSelect+` WHERE s.id=?`, id)
	return collectOne(rows, err, errSupplierNotFound(id), scanSupplier)
}

// Suppliers lists the suppliers by name.
func (tx *Tx) Suppliers() ([]acquisitions.Supplier, error) {
	rows, err := tx.query(supplierSelect + ` ORDER BY s.name, s.id`)
	return collect(rows, err, scanSupplier)
}

// InsertFund sets up a year's fund.
func (tx *Tx) InsertFund(f *acquisitions.Fund) error {
	id, err := tx.insert(`INSERT INTO acq_funds (name, year, amount_fen, notes, created_at, updated_at) VALUES (?,?,?,?,?,?)`,
		f.Name, f.Year, f.AmountFen, f.Notes, nowMillis(f.CreatedAt), nowMillis(f.UpdatedAt))
	f.ID = id
	return err
}

func errFundNotFound(id int64) *errs.Error {
	return errs.NotFound(acquisitions.CodeFundNotFound, fmt.Sprintf("经费 %d 不存在", id), fmt.Sprintf("fund %d does not exist", id))
}

// UpdateFund saves a fund.
func (tx *Tx) UpdateFund(f *acquisitions.Fund) error {
	return tx.mustAffect(errFundNotFound(f.ID), `UPDATE acq_funds SET name=?, year=?, amount_fen=?, notes=?, updated_at=? WHERE id=?`,
		f.Name, f.Year, f.AmountFen, f.Notes, nowMillis(f.UpdatedAt), f.ID)
}

// Fund reads one fund with its usage.
func (tx *Tx) Fund(id int64) (acquisitions.Fund, error) {
	fs, err := tx.funds(`WHERE id=?`, id)
	if err != nil {
		return acquisitions.Fund{}, err
	}
	if len(fs) == 0 {
		return acquisitions.Fund{}, errFundNotFound(id)
	}
	return fs[0], nil
}

// Funds lists a year's funds (0: all), newest year first, with usage.
func (tx *Tx) Funds(year int) ([]acquisitions.Fund, error) {
	if year == 0 {
		return tx.funds(`WHERE 1=1`)
	}
	return tx.funds(`WHERE year=?`, year)
}

func (tx *Tx) funds(where string, args ...any) ([]acquisitions.Fund, error) {
	rows, err := tx.query(`SELECT id, name, year, amount_fen, notes, created_at, updated_at FROM acq_funds `+where+` ORDER BY year DESC, name, id`, args...)
	fs, err := collect(rows, err, func(r *sql.Rows) (acquisitions.Fund, error) {
		var f acquisitions.Fund
		var c, u int64
		err := r.Scan(&f.ID, &f.Name, &f.Year, &f.AmountFen, &f.Notes, &c, &u)
		f.CreatedAt, f.UpdatedAt = fromMillis(c), fromMillis(u)
		return f, err
	})
	if err != nil || len(fs) == 0 {
		return fs, err
	}
	idx := map[int64]int{}
	for i, f := range fs {
		idx[f.ID] = i
	}
	// Every line charged to these funds, with what came against it.
	rows, err = tx.query(`SELECT l.fund_id, o.status, l.copies, l.list_price_fen, l.discount,
		(SELECT COUNT(*) FROM items i WHERE i.order_line_id = l.id),
		(SELECT COALESCE(SUM(i.price_fen), 0) FROM items i WHERE i.order_line_id = l.id)
		FROM acq_order_lines l JOIN acq_orders o ON o.id = l.order_id
		WHERE l.fund_id IN (SELECT id FROM acq_funds `+where+`)`, args...)
	type use struct {
		fund   int64
		status acquisitions.Status
		line   acquisitions.Line
	}
	us, err := collect(rows, err, func(r *sql.Rows) (u use, err error) {
		err = r.Scan(&u.fund, &u.status, &u.line.Copies, &u.line.ListPriceFen, &u.line.Discount, &u.line.Received, &u.line.SpentFen)
		return u, err
	})
	for _, u := range us {
		f := &fs[idx[u.fund]]
		f.SpentFen += u.line.SpentFen
		switch u.status {
		case acquisitions.StatusSent:
			f.CommittedFen += u.line.NetPriceFen() * int64(u.line.Outstanding())
		case acquisitions.StatusDraft:
			f.DraftFen += u.line.ValueFen()
		}
	}
	return fs, err
}

const orderSelect = `SELECT o.id, o.number, o.supplier_id, s.name, o.status, o.order_date, o.due_date, o.sent_date, o.notes, o.created_at, o.updated_at,
	(SELECT COUNT(*) FROM acq_order_lines l WHERE l.order_id = o.id),
	(SELECT COALESCE(SUM(l.copies), 0) FROM acq_order_lines l WHERE l.order_id = o.id),
	(SELECT COUNT(*) FROM items i JOIN acq_order_lines l ON l.id = i.order_line_id WHERE l.order_id = o.id),
	(SELECT COALESCE(SUM(l.copies * ((l.list_price_fen * l.discount + 500) / 1000)), 0) FROM acq_order_lines l WHERE l.order_id = o.id),
	(SELECT COALESCE(SUM(i.price_fen), 0) FROM items i JOIN acq_order_lines l ON l.id = i.order_line_id WHERE l.order_id = o.id)
	FROM acq_orders o JOIN acq_suppliers s ON s.id = o.supplier_id`

func scanOrder(r *sql.Rows) (acquisitions.Order, error) {
	var o acquisitions.Order
	var c, u int64
	err := r.Scan(&o.ID, &o.Number, &o.SupplierID, &o.SupplierName, &o.Stored, &o.OrderDate, &o.DueDate, &o.SentDate, &o.Notes, &c, &u,
		&o.Lines, &o.Copies, &o.Received, &o.ValueFen, &o.SpentFen)
	o.CreatedAt, o.UpdatedAt = fromMillis(c), fromMillis(u)
	return o, err
}

// InsertOrder stores a new order.
func (tx *Tx) InsertOrder(o *acquisitions.Order) error {
	id, err := tx.insert(`INSERT INTO acq_orders (number, supplier_id, status, order_date, due_date, sent_date, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		o.Number, o.SupplierID, o.Stored, o.OrderDate, o.DueDate, o.SentDate, o.Notes, nowMillis(o.CreatedAt), nowMillis(o.UpdatedAt))
	o.ID = id
	return err
}

func errOrderNotFound(id int64) *errs.Error {
	return errs.NotFound(acquisitions.CodeOrderNotFound, fmt.Sprintf("订单 %d 不存在", id), fmt.Sprintf("order %d does not exist", id))
}

// UpdateOrder saves an order's stored status, dates and notes.
func (tx *Tx) UpdateOrder(o *acquisitions.Order) error {
	return tx.mustAffect(errOrderNotFound(o.ID), `UPDATE acq_orders SET status=?, due_date=?, sent_date=?, notes=?, updated_at=? WHERE id=?`,
		o.Stored, o.DueDate, o.SentDate, o.Notes, nowMillis(o.UpdatedAt), o.ID)
}

// Order reads an order with its totals.
func (tx *Tx) Order(id int64) (acquisitions.Order, error) {
	rows, err := tx.query(orderSelect+` WHERE o.id=?`, id)
	return collectOne(rows, err, errOrderNotFound(id), scanOrder)
}

// Orders lists orders, newest first.
func (tx *Tx) Orders(f acquisitions.OrderFilter) ([]acquisitions.Order, error) {
	var where []string
	var args []any
	if f.SupplierID != 0 {
		where, args = append(where, `o.supplier_id = ?`), append(args, f.SupplierID)
	}
	if f.Year != 0 {
		where, args = append(where, `o.order_date >= ? AND o.order_date <= ?`), append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-12-31", f.Year))
	}
	q := orderSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := tx.query(q+` ORDER BY o.order_date DESC, o.id DESC LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, err, scanOrder)
}

const lineColumns = `l.id, l.order_id, COALESCE(l.record_id, 0), l.isbn, l.title, l.author, l.publisher, l.clc, l.copies, l.list_price_fen, l.discount,
	COALESCE(l.fund_id, 0), COALESCE(f.name, ''), l.origin, l.origin_id, l.supplier_note, l.claims, l.claimed_date,
	(SELECT COUNT(*) FROM items i WHERE i.order_line_id = l.id),
	(SELECT COALESCE(SUM(i.price_fen), 0) FROM items i WHERE i.order_line_id = l.id),
	(SELECT COALESCE(MIN(i.record_id), 0) FROM items i WHERE i.order_line_id = l.id)`

const lineFrom = ` FROM acq_order_lines l LEFT JOIN acq_funds f ON f.id = l.fund_id`

func scanLine(r *sql.Rows, more ...any) (acquisitions.Line, error) {
	var l acquisitions.Line
	err := r.Scan(append([]any{&l.ID, &l.OrderID, &l.RecordID, &l.ISBN, &l.Title, &l.Author, &l.Publisher, &l.CLC, &l.Copies, &l.ListPriceFen, &l.Discount,
		&l.FundID, &l.FundName, &l.Origin, &l.OriginID, &l.SupplierNote, &l.Claims, &l.ClaimedDate, &l.Received, &l.SpentFen, &l.ReceivedRecordID}, more...)...)
	return l, err
}

// InsertLine stores a new order line.
func (tx *Tx) InsertLine(l *acquisitions.Line) error {
	now := nowMillis(l.UpdatedAt)
	id, err := tx.insert(`INSERT INTO acq_order_lines (order_id, record_id, isbn, title, author, publisher, clc, copies, list_price_fen, discount, fund_id, origin, origin_id, supplier_note, claims, claimed_date, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, l.OrderID, nullID(l.RecordID), l.ISBN, l.Title, l.Author, l.Publisher, l.CLC, l.Copies, l.ListPriceFen, l.Discount,
		nullID(l.FundID), l.Origin, l.OriginID, l.SupplierNote, l.Claims, l.ClaimedDate, now, now)
	l.ID = id
	return err
}

func errLineNotFound(id int64) *errs.Error {
	return errs.NotFound(acquisitions.CodeLineNotFound, fmt.Sprintf("订单明细 %d 不存在", id), fmt.Sprintf("order line %d does not exist", id))
}

// UpdateLine saves a line's copies, prices, fund, note and claims.
func (tx *Tx) UpdateLine(l *acquisitions.Line) error {
	return tx.mustAffect(errLineNotFound(l.ID), `UPDATE acq_order_lines SET copies=?, list_price_fen=?, discount=?, fund_id=?, supplier_note=?, claims=?, claimed_date=?, updated_at=? WHERE id=?`,
		l.Copies, l.ListPriceFen, l.Discount, nullID(l.FundID), l.SupplierNote, l.Claims, l.ClaimedDate, nowMillis(l.UpdatedAt), l.ID)
}

// DeleteLine removes a line nothing was received against.
func (tx *Tx) DeleteLine(id int64) error {
	return tx.mustAffect(errLineNotFound(id), `DELETE FROM acq_order_lines WHERE id=? AND NOT EXISTS (SELECT 1 FROM items i WHERE i.order_line_id = acq_order_lines.id)`, id)
}

// Line reads one line with its received copies' barcodes.
func (tx *Tx) Line(id int64) (acquisitions.Line, error) {
	rows, err := tx.query(`SELECT `+lineColumns+lineFrom+` WHERE l.id=?`, id)
	l, err := collectOne(rows, err, errLineNotFound(id), func(r *sql.Rows) (acquisitions.Line, error) { return scanLine(r) })
	if err != nil {
		return l, err
	}
	rows, err = tx.query(`SELECT barcode FROM items WHERE order_line_id=? ORDER BY id`, id)
	l.Barcodes, err = collect(rows, err, func(r *sql.Rows) (b string, err error) { err = r.Scan(&b); return b, err })
	return l, err
}

// Lines lists an order's lines in the order they were added, each with
// the barcodes of its received copies.
func (tx *Tx) Lines(orderID int64) ([]acquisitions.Line, error) {
	rows, err := tx.query(`SELECT `+lineColumns+lineFrom+` WHERE l.order_id=? ORDER BY l.id`, orderID)
	ls, err := collect(rows, err, func(r *sql.Rows) (acquisitions.Line, error) { return scanLine(r) })
	if err != nil || len(ls) == 0 {
		return ls, err
	}
	idx := map[int64]int{}
	for i, l := range ls {
		idx[l.ID] = i
	}
	rows, err = tx.query(`SELECT i.order_line_id, i.barcode FROM items i JOIN acq_order_lines l ON l.id = i.order_line_id WHERE l.order_id=? ORDER BY i.id`, orderID)
	type code struct {
		line int64
		b    string
	}
	cs, err := collect(rows, err, func(r *sql.Rows) (c code, err error) { err = r.Scan(&c.line, &c.b); return c, err })
	for _, c := range cs {
		ls[idx[c.line]].Barcodes = append(ls[idx[c.line]].Barcodes, c.b)
	}
	return ls, err
}

// OpenLines lists the lines of sent orders with copies still awaited.
func (tx *Tx) OpenLines() ([]acquisitions.LateLine, error) {
	rows, err := tx.query(`SELECT ` + lineColumns + `, o.number, o.supplier_id, s.name, o.due_date` + lineFrom + `
		JOIN acq_orders o ON o.id = l.order_id JOIN acq_suppliers s ON s.id = o.supplier_id
		WHERE o.status = 'sent' AND l.copies > (SELECT COUNT(*) FROM items i WHERE i.order_line_id = l.id)
		ORDER BY s.name, o.due_date, o.id, l.id`)
	return collect(rows, err, func(r *sql.Rows) (acquisitions.LateLine, error) {
		var ll acquisitions.LateLine
		l, err := scanLine(r, &ll.OrderNumber, &ll.SupplierID, &ll.SupplierName, &ll.DueDate)
		ll.Line = l
		return ll, err
	})
}

const suggestionSelect = `SELECT s.id, s.reader_id, r.name, r.card, s.title, s.author, s.isbn, s.reason, s.status, s.answer, COALESCE(s.line_id, 0), s.decided_at, s.created_at, s.updated_at,
	COALESCE(o.id, 0), COALESCE(o.number, ''), COALESCE(o.status, ''),
	(SELECT COUNT(*) FROM items i WHERE i.order_line_id = s.line_id),
	(SELECT COALESCE(MIN(i.record_id), 0) FROM items i WHERE i.order_line_id = s.line_id)
	FROM acq_suggestions s JOIN readers r ON r.id = s.reader_id
	LEFT JOIN acq_order_lines l ON l.id = s.line_id LEFT JOIN acq_orders o ON o.id = l.order_id`

func scanSuggestion(r *sql.Rows) (acquisitions.Suggestion, error) {
	var s acquisitions.Suggestion
	var d, c, u int64
	err := r.Scan(&s.ID, &s.ReaderID, &s.ReaderName, &s.ReaderCard, &s.Title, &s.Author, &s.ISBN, &s.Reason, &s.Status, &s.Answer, &s.LineID, &d, &c, &u,
		&s.OrderID, &s.OrderNumber, &s.OrderStatus, &s.Received, &s.RecordID)
	if d != 0 {
		s.DecidedAt = fromMillis(d)
	}
	s.CreatedAt, s.UpdatedAt = fromMillis(c), fromMillis(u)
	return s, err
}

// InsertSuggestion stores a reader's suggestion.
func (tx *Tx) InsertSuggestion(s *acquisitions.Suggestion) error {
	id, err := tx.insert(`INSERT INTO acq_suggestions (reader_id, title, author, isbn, reason, status, answer, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		s.ReaderID, s.Title, s.Author, s.ISBN, s.Reason, s.Status, s.Answer, nowMillis(s.CreatedAt), nowMillis(s.UpdatedAt))
	s.ID = id
	return err
}

func errSuggestionNotFound(id int64) *errs.Error {
	return errs.NotFound(acquisitions.CodeSuggestionNotFound, fmt.Sprintf("荐购 %d 不存在", id), fmt.Sprintf("suggestion %d does not exist", id))
}

// UpdateSuggestion saves a decision.
func (tx *Tx) UpdateSuggestion(s *acquisitions.Suggestion) error {
	return tx.mustAffect(errSuggestionNotFound(s.ID), `UPDATE acq_suggestions SET status=?, answer=?, line_id=?, decided_at=?, updated_at=? WHERE id=?`,
		s.Status, s.Answer, nullID(s.LineID), nowMillis(s.DecidedAt), nowMillis(s.UpdatedAt), s.ID)
}

// Suggestion reads one suggestion.
func (tx *Tx) Suggestion(id int64) (acquisitions.Suggestion, error) {
	rows, err := tx.query(suggestionSelect+` WHERE s.id=?`, id)
	return collectOne(rows, err, errSuggestionNotFound(id), scanSuggestion)
}

// Suggestions lists suggestions, newest first.
func (tx *Tx) Suggestions(f acquisitions.SuggestionFilter) ([]acquisitions.Suggestion, error) {
	var where []string
	var args []any
	if f.ReaderID != 0 {
		where, args = append(where, `s.reader_id = ?`), append(args, f.ReaderID)
	}
	if f.Status != "" {
		where, args = append(where, `s.status = ?`), append(args, f.Status)
	}
	q := suggestionSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := tx.query(q+` ORDER BY s.created_at DESC, s.id DESC LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, err, scanSuggestion)
}
