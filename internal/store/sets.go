package store

import (
	"database/sql"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

func errSetNotFound() *errs.Error {
	return errs.NotFound(catalog.CodeSetNotFound, "丛编/多卷书不存在", "the set does not exist")
}

const setColumns = `s.id, s.title, s.isbn, s.kind, s.note, s.created_at, s.updated_at`

func scanSet(sc interface{ Scan(...any) error }) (catalog.Set, error) {
	var s catalog.Set
	var created, updated int64
	err := sc.Scan(&s.ID, &s.Title, &s.ISBN, &s.Kind, &s.Note, &created, &updated)
	s.CreatedAt, s.UpdatedAt = fromMillis(created), fromMillis(updated)
	return s, err
}

// attachMembers fills the sets' RecordIDs in their order.
func (tx *Tx) attachMembers(sets []catalog.Set) error {
	if len(sets) == 0 {
		return nil
	}
	at := map[int64]int{}
	ids := make([]int64, len(sets))
	for i := range sets {
		at[sets[i].ID], ids[i] = i, sets[i].ID
		sets[i].RecordIDs = []int64{}
	}
	return eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT set_id, record_id FROM record_set_members WHERE set_id IN (`+marks+`) ORDER BY set_id, pos, record_id`, args...)
		type m struct{ set, rec int64 }
		got, err := collect(rows, err, func(r *sql.Rows) (v m, err error) { err = r.Scan(&v.set, &v.rec); return v, err })
		for _, v := range got {
			i := at[v.set]
			sets[i].RecordIDs = append(sets[i].RecordIDs, v.rec)
		}
		return err
	})
}

// Sets lists the sets by title.
func (tx *Tx) Sets(q string) ([]catalog.Set, error) {
	where, args := "1=1", []any{}
	if q != "" {
		where, args = `s.title LIKE ? ESCAPE '\'`, []any{"%" + escapeLike(q) + "%"}
	}
	rows, err := tx.query(`SELECT `+setColumns+` FROM record_sets s WHERE `+where+` ORDER BY s.title, s.id`, args...)
	sets, err := collect(rows, err, func(r *sql.Rows) (catalog.Set, error) { return scanSet(r) })
	if err != nil {
		return nil, err
	}
	if sets == nil {
		sets = []catalog.Set{}
	}
	return sets, tx.attachMembers(sets)
}

// Set returns one set with its members.
func (tx *Tx) Set(id int64) (catalog.Set, error) {
	rows, err := tx.query(`SELECT `+setColumns+` FROM record_sets s WHERE s.id=?`, id)
	s, err := collectOne(rows, err, errSetNotFound(), func(r *sql.Rows) (catalog.Set, error) { return scanSet(r) })
	if err != nil {
		return s, err
	}
	one := []catalog.Set{s}
	err = tx.attachMembers(one)
	return one[0], err
}

// SetOfRecord returns the set a record belongs to.
func (tx *Tx) SetOfRecord(recordID int64) (catalog.Set, error) {
	var id int64
	if err := tx.queryRow(errSetNotFound(), `SELECT set_id FROM record_set_members WHERE record_id=?`, []any{recordID}, &id); err != nil {
		return catalog.Set{}, err
	}
	return tx.Set(id)
}

// SaveSet inserts or updates a set and replaces its members.
func (tx *Tx) SaveSet(s *catalog.Set) error {
	if s.ID == 0 {
		id, err := tx.insert(`INSERT INTO record_sets (title, isbn, kind, note, created_at, updated_at) VALUES (?,?,?,?,?,?)`,
			s.Title, s.ISBN, string(s.Kind), s.Note, nowMillis(s.CreatedAt), nowMillis(s.UpdatedAt))
		if err != nil {
			return err
		}
		s.ID = id
	} else if err := tx.mustAffect(errSetNotFound(), `UPDATE record_sets SET title=?, isbn=?, kind=?, note=?, updated_at=? WHERE id=?`,
		s.Title, s.ISBN, string(s.Kind), s.Note, nowMillis(s.UpdatedAt), s.ID); err != nil {
		return err
	}
	if _, err := tx.exec(`DELETE FROM record_set_members WHERE set_id=?`, s.ID); err != nil {
		return err
	}
	for i, rid := range s.RecordIDs {
		if _, err := tx.exec(`INSERT INTO record_set_members (set_id, record_id, pos) VALUES (?,?,?)`, s.ID, rid, i); err != nil {
			return err
		}
	}
	return nil
}

// DeleteSet removes a set and its member links.
func (tx *Tx) DeleteSet(id int64) error {
	return tx.mustAffect(errSetNotFound(), `DELETE FROM record_sets WHERE id=?`, id)
}

// SetHoldCount counts the any-volume holds on a set.
func (tx *Tx) SetHoldCount(setID int64) (int, error) {
	return tx.count(`SELECT COUNT(*) FROM holds WHERE set_id=?`, setID)
}

// RecordsTitled returns records whose title is exactly title, oldest first.
func (tx *Tx) RecordsTitled(title string, limit int) ([]catalog.Record, error) {
	rows, err := tx.query(`SELECT id FROM records WHERE title=? ORDER BY id LIMIT ?`, strings.TrimSpace(title), limit)
	ids, err := collect(rows, err, func(r *sql.Rows) (v int64, err error) { err = r.Scan(&v); return v, err })
	if err != nil {
		return nil, err
	}
	return tx.RecordsByIDs(ids)
}

// SetIDsOfRecords maps member records to their sets.
func (tx *Tx) SetIDsOfRecords(recordIDs []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(recordIDs) == 0 {
		return out, nil
	}
	err := eachChunk(recordIDs, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT record_id, set_id FROM record_set_members WHERE record_id IN (`+marks+`)`, args...)
		type m struct{ rec, set int64 }
		got, err := collect(rows, err, func(r *sql.Rows) (v m, err error) { err = r.Scan(&v.rec, &v.set); return v, err })
		for _, v := range got {
			out[v.rec] = v.set
		}
		return err
	})
	return out, err
}
