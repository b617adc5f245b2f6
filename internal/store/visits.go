package store

import (
	"database/sql"
	"encoding/json"
	"time"

	"shuwu/internal/ledger"
	"shuwu/internal/visits"
)

// LastVisitLine is the reader's latest visit or leaving line at or after
// since.
func (tx *Tx) LastVisitLine(readerID int64, since time.Time) (ledger.Entry, bool, error) {
	rows, err := tx.query(`SELECT `+ledgerColumns+` FROM ledger WHERE reader_id = ? AND at >= ? AND kind IN (?,?) ORDER BY id DESC LIMIT 1`,
		readerID, nowMillis(since), ledger.Visit, ledger.VisitLeave)
	es, err := collect(rows, err, scanLedger)
	if err != nil || len(es) == 0 {
		return ledger.Entry{}, false, err
	}
	return es[0], true, nil
}

// VisitCounts reads who is in counting from session (cardholders whose
// last line is an entry; visitors without a card in and out) and the
// day's entries counting from day.
func (tx *Tx) VisitCounts(session, day time.Time) (c visits.Counts, err error) {
	s, d := nowMillis(session), nowMillis(day)
	v, l := string(ledger.Visit), string(ledger.VisitLeave)
	err = tx.queryRow(nil, `SELECT
		(SELECT COUNT(*) FROM ledger x WHERE x.kind = ? AND x.at >= ? AND x.reader_id IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM ledger y WHERE y.reader_id = x.reader_id AND y.at >= ? AND y.kind IN (?,?) AND y.id > x.id)),
		(SELECT COUNT(*) FROM ledger WHERE kind = ? AND at >= ? AND reader_id IS NULL),
		(SELECT COUNT(*) FROM ledger WHERE kind = ? AND at >= ? AND reader_id IS NULL),
		(SELECT COUNT(*) FROM ledger WHERE kind = ? AND at >= ?),
		(SELECT COUNT(DISTINCT reader_id) FROM ledger WHERE kind = ? AND at >= ?),
		(SELECT COUNT(*) FROM ledger WHERE kind = ? AND at >= ? AND reader_id IS NULL)`,
		[]any{v, s, s, v, l, v, s, l, s, v, d, v, d, v, d},
		&c.InsideReaders, &c.GuestsIn, &c.GuestsOut, &c.Visits, &c.Readers, &c.Guests)
	return c, err
}

// VisitLines lists the latest visit and leaving lines since from, newest
// first, with the readers' cards, names and classes.
func (tx *Tx) VisitLines(from time.Time, limit int) ([]visits.Line, error) {
	rows, err := tx.query(`SELECT l.id, l.at, l.kind, COALESCE(l.reader_id,0), COALESCE(r.card,''), COALESCE(r.name,''), COALESCE(c.name,''), l.detail
		FROM ledger l LEFT JOIN readers r ON r.id = l.reader_id LEFT JOIN classes c ON c.id = l.class_id
		WHERE l.kind IN (?,?) AND l.at >= ? ORDER BY l.id DESC LIMIT ?`, ledger.Visit, ledger.VisitLeave, nowMillis(from), limit)
	return collect(rows, err, func(r *sql.Rows) (visits.Line, error) {
		var ln visits.Line
		var at int64
		var kind, det string
		err := r.Scan(&ln.ID, &at, &kind, &ln.ReaderID, &ln.ReaderCard, &ln.ReaderName, &ln.ClassName, &det)
		ln.At, ln.Left = fromMillis(at), kind == string(ledger.VisitLeave)
		var d struct {
			Via visits.Via `json:"via"`
		}
		if det != "" && json.Unmarshal([]byte(det), &d) == nil {
			ln.Via = d.Via
		}
		return ln, err
	})
}

// VisitYear counts the visits in [from, to).
func (tx *Tx) VisitYear(from, to time.Time) (y visits.YearCount, err error) {
	err = tx.queryRow(nil, `SELECT COUNT(*), COUNT(DISTINCT reader_id), COALESCE(SUM(CASE WHEN reader_id IS NULL THEN 1 ELSE 0 END),0)
		FROM ledger WHERE kind = ? AND at >= ? AND at < ?`, []any{ledger.Visit, nowMillis(from), nowMillis(to)}, &y.Visits, &y.Readers, &y.Guests)
	return y, err
}
