package store

// LockForLending locks the reader with card and the copy with barcode
// (either may be empty) for the rest of the transaction, in that order (every locked lending
// transaction takes them so, which keeps two desks from deadlocking on
// them): a second desk lending to the same reader or the same copy waits
// here until the first commits, and then counts the reader's loans and
// reads the copy's state as the first left them. Unknown ones lock
// nothing; the reads after say what is wrong. Outside UpdateLocked on
// PostgreSQL (SQLite, SERIALIZABLE) it does nothing: the transaction is
// already isolated.
func (tx *Tx) LockForLending(card, barcode string) error {
	if !tx.locking {
		return nil
	}
	for _, q := range []struct {
		sql string
		key any
	}{
		{`SELECT id FROM readers WHERE card = ? FOR UPDATE`, card},
		{`SELECT id FROM items WHERE barcode = ? FOR UPDATE`, barcode},
	} {
		if q.key == "" {
			continue
		}
		if err := tx.lockRows(q.sql, q.key); err != nil {
			return err
		}
	}
	return nil
}

// LockReaderRow locks the reader with id, like LockForLending: a return
// locks the copy first and then the reader it finds on the loan.
func (tx *Tx) LockReaderRow(id int64) error {
	if !tx.locking {
		return nil
	}
	return tx.lockRows(`SELECT id FROM readers WHERE id = ? FOR UPDATE`, id)
}

// lockRows runs a SELECT … FOR UPDATE and reads it through, which is
// when PostgreSQL waits for the lock.
func (tx *Tx) lockRows(query string, key any) error {
	rows, err := tx.query(query, key)
	if err != nil {
		return err
	}
	for rows.Next() {
	}
	err = rows.Err()
	rows.Close()
	return mapErr(err)
}
