package store

import (
	"database/sql"
	"fmt"
	"strings"

	"shuwu/internal/weeding"
)

// recordPart is a record's volume as one text: 第三卷 or 第三卷，上册.
const recordPart = `TRIM(r.part_number || ' ' || r.part_name)`

const firstAuthor = `COALESCE((SELECT a.name FROM record_authors a WHERE a.record_id = r.id ORDER BY a.pos LIMIT 1), '')`

// WeedingCopies streams the copies held in the rules' scope in
// call-number order, each with the time it was last lent.
func (tx *Tx) WeedingCopies(ru weeding.Rules, fn func(weeding.Copy)) error {
	where, args := []string{"i.status NOT IN ('lost', 'withdrawn')"}, []any{}
	if ru.AcquiredBefore != 0 {
		where, args = append(where, "i.added_date < ?"), append(args, fmt.Sprintf("%04d-01-01", ru.AcquiredBefore))
	}
	if ru.LocationID != 0 {
		where, args = append(where, "i.location_id = ?"), append(args, ru.LocationID)
	}
	if ru.CLCFrom != "" {
		// A prefix range, as a stocktake's: D0 … D9 takes D01 and D99.
		where = append(where, "UPPER(r.clc) >= ? AND (UPPER(r.clc) <= ? OR UPPER(r.clc) LIKE ? ESCAPE '\\')")
		args = append(args, ru.CLCFrom, ru.CLCTo, escapeLike(ru.CLCTo)+"%")
	}
	rows, err := tx.query(`SELECT i.barcode, i.record_id, i.call_number, r.title, `+recordPart+`, `+firstAuthor+`, r.edition, r.year, r.clc, i.status,
		COALESCE(l.name, ''), i.added_date, i.price_fen,
		COALESCE((SELECT MAX(g.at) FROM ledger g WHERE g.item_id = i.id AND g.kind = 'loan'), 0)
		FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN locations l ON l.id = i.location_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY i.call_sort, i.barcode`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c weeding.Copy
		var lent int64
		if err := rows.Scan(&c.Barcode, &c.RecordID, &c.CallNumber, &c.Title, &c.Part, &c.Author, &c.Edition, &c.Year, &c.CLC, &c.Status,
			&c.Location, &c.AddedDate, &c.PriceFen, &lent); err != nil {
			return mapErr(err)
		}
		if lent != 0 {
			c.LastLent = fromMillis(lent)
		}
		fn(c)
	}
	return mapErr(rows.Err())
}

// WeedingEditions lists the records with a copy held.
func (tx *Tx) WeedingEditions() ([]weeding.Edition, error) {
	rows, err := tx.query(`SELECT r.id, r.title, ` + recordPart + `, ` + firstAuthor + `, r.year, r.edition FROM records r
		WHERE EXISTS (SELECT 1 FROM items i WHERE i.record_id = r.id AND ` + heldItems + `)`)
	return collect(rows, err, func(r *sql.Rows) (e weeding.Edition, err error) {
		err = r.Scan(&e.RecordID, &e.Title, &e.Part, &e.Author, &e.Year, &e.Edition)
		return e, err
	})
}
