package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/notices"
	"shuwu/internal/readers"
)

// Notices returns the readers' notices' store.
func (db *DB) Notices() notices.Store { return noticesStore{db} }

type noticesStore struct{ db *DB }

func (s noticesStore) Update(ctx context.Context, fn func(notices.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s noticesStore) View(ctx context.Context, fn func(notices.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

func scanNoticeLoan(r *sql.Rows) (notices.Loan, error) {
	var l notices.Loan
	err := r.Scan(&l.LoanID, &l.ReaderID, &l.Title, &l.Barcode, &l.DueDate)
	return l, err
}

const noticeLoanQuery = `SELECT l.id, l.reader_id, rc.title, i.barcode, l.due_date FROM loans l
	JOIN items i ON i.id = l.item_id JOIN records rc ON rc.id = i.record_id `

// NoticeLoans lists open loans due on or before dueBy, of one reader or of
// everyone, by reader, due date and title.
func (tx *Tx) NoticeLoans(readerID int64, dueBy string) ([]notices.Loan, error) {
	q, args := noticeLoanQuery+`WHERE l.due_date <= ?`, []any{dueBy}
	if readerID != 0 {
		q, args = q+` AND l.reader_id = ?`, append(args, readerID)
	}
	rows, err := tx.query(q+` ORDER BY l.reader_id, l.due_date, rc.title, l.id`, args...)
	return collect(rows, err, scanNoticeLoan)
}

// NoticeHolds lists the holds on the hold shelf, of one reader or of all.
func (tx *Tx) NoticeHolds(readerID int64) ([]notices.Hold, error) {
	q, args := `SELECT h.id, h.reader_id, `+displayTitle("rc")+`, h.pickup_deadline FROM holds h JOIN records rc ON rc.id = h.record_id WHERE h.status = 'trapped'`, []any{}
	if readerID != 0 {
		q, args = q+` AND h.reader_id = ?`, append(args, readerID)
	}
	rows, err := tx.query(q+` ORDER BY h.reader_id, h.id`, args...)
	return collect(rows, err, func(r *sql.Rows) (notices.Hold, error) {
		var h notices.Hold
		err := r.Scan(&h.HoldID, &h.ReaderID, &h.Title, &h.PickupBy)
		return h, err
	})
}

// NoticeRecipients returns the readers with these ids.
func (tx *Tx) NoticeRecipients(ids []int64) (map[int64]notices.Recipient, error) {
	out := map[int64]notices.Recipient{}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT id, card, name, email, phone, status FROM readers WHERE id IN (`+marks+`)`, args...)
		rs, err := collect(rows, err, scanRecipient)
		for _, r := range rs {
			out[r.ReaderID] = r
		}
		return err
	})
	return out, err
}

func scanRecipient(r *sql.Rows) (notices.Recipient, error) {
	var p notices.Recipient
	var status string
	err := r.Scan(&p.ReaderID, &p.Card, &p.Name, &p.Email, &p.Phone, &status)
	p.Active = status != string(readers.StatusCancelled)
	return p, err
}

// ClassesEnding lists the classes whose end date is from..to.
func (tx *Tx) ClassesEnding(from, to string) ([]readers.Class, error) {
	rows, err := tx.query(`SELECT `+classColumns+` FROM classes c WHERE c.end_date >= ? AND c.end_date <= ? ORDER BY c.end_date, c.id`, from, to)
	return collect(rows, err, func(r *sql.Rows) (readers.Class, error) { return scanClass(r) })
}

// ClassTraineesWithLoans lists the class's members not yet cleared who
// have books out, with their loans, by card.
func (tx *Tx) ClassTraineesWithLoans(classID int64) ([]notices.Trainee, error) {
	rows, err := tx.query(`SELECT r.id, r.card, r.name, r.email, r.phone, r.status FROM class_members m JOIN readers r ON r.id = m.reader_id
		WHERE m.class_id = ? AND m.cleared_at IS NULL AND EXISTS (SELECT 1 FROM loans l WHERE l.reader_id = r.id) ORDER BY r.card`, classID)
	ps, err := collect(rows, err, scanRecipient)
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	out := make([]notices.Trainee, len(ps))
	idx := map[int64]int{}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		out[i].Recipient, idx[p.ReaderID], ids[i] = p, i, p.ReaderID
	}
	err = eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.query(noticeLoanQuery+`WHERE l.reader_id IN (`+marks+`) ORDER BY l.due_date, rc.title, l.id`, args...)
		ls, err := collect(rows, err, scanNoticeLoan)
		for _, l := range ls {
			t := &out[idx[l.ReaderID]]
			t.Loans = append(t.Loans, l)
		}
		return err
	})
	return out, err
}

// NoticePrefs returns the readers' choices; a reader with none stored has
// the defaults (everything on, Chinese).
func (tx *Tx) NoticePrefs(ids []int64) (map[int64]notices.Prefs, error) {
	out := map[int64]notices.Prefs{}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT reader_id, mail_off, sms_off, lang FROM notice_prefs WHERE reader_id IN (`+marks+`)`, args...)
		ps, err := collect(rows, err, func(r *sql.Rows) (notices.Prefs, error) {
			var p notices.Prefs
			var mail, sms int
			err := r.Scan(&p.ReaderID, &mail, &sms, &p.Lang)
			p.MailOff, p.SMSOff = mail != 0, sms != 0
			return p, err
		})
		for _, p := range ps {
			out[p.ReaderID] = p
		}
		return err
	})
	return out, err
}

func boolNum(b bool) int {
	if b {
		return 1
	}
	return 0
}

// SetNoticePrefs stores a reader's choices.
func (tx *Tx) SetNoticePrefs(p notices.Prefs, at time.Time) error {
	_, err := tx.exec(`INSERT INTO notice_prefs (reader_id, mail_off, sms_off, lang, updated_at) VALUES (?,?,?,?,?)
		ON CONFLICT (reader_id) DO UPDATE SET mail_off = excluded.mail_off, sms_off = excluded.sms_off, lang = excluded.lang, updated_at = excluded.updated_at`,
		p.ReaderID, boolNum(p.MailOff), boolNum(p.SMSOff), p.Lang, nowMillis(at))
	return err
}

const noticeColumns = `id, kind, subject_id, due_date, reader_id, class_id, channel, recipient, name, title, body, status, attempts, error, answer, created_at, sent_at, next_try`

func scanNotice(r *sql.Rows) (notices.Notice, error) {
	var n notices.Notice
	var created, sent, next int64
	err := r.Scan(&n.ID, &n.Kind, &n.SubjectID, &n.DueDate, &n.ReaderID, &n.ClassID, &n.Channel, &n.Recipient, &n.Name, &n.Title, &n.Body,
		&n.Status, &n.Attempts, &n.Error, &n.Answer, &created, &sent, &next)
	n.CreatedAt = fromMillis(created)
	if sent != 0 {
		n.SentAt = fromMillis(sent)
	}
	if next != 0 {
		n.NextTry = fromMillis(next)
	}
	return n, err
}

func millisOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// ClaimNotice inserts n as sending unless its key is taken: the unique
// key, not a read before the write, is what makes two processes agree.
func (tx *Tx) ClaimNotice(n *notices.Notice) (bool, error) {
	res, err := tx.exec(`INSERT INTO notice_log (kind, subject_id, due_date, reader_id, class_id, channel, recipient, name, title, body, status, attempts, error, answer, created_at, sent_at, next_try)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (kind, subject_id, due_date, reader_id, channel) DO NOTHING`,
		n.Kind, n.SubjectID, n.DueDate, n.ReaderID, n.ClassID, n.Channel, n.Recipient, n.Name, n.Title, n.Body, n.Status, n.Attempts, n.Error, n.Answer,
		nowMillis(n.CreatedAt), millisOrZero(n.SentAt), millisOrZero(n.NextTry))
	if err != nil {
		return false, err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return false, nil
	}
	return true, tx.queryRow(nil, `SELECT id FROM notice_log WHERE kind = ? AND subject_id = ? AND due_date = ? AND reader_id = ? AND channel = ?`,
		[]any{n.Kind, n.SubjectID, n.DueDate, n.ReaderID, n.Channel}, &n.ID)
}

// ClaimRetry marks a failed notice (or, with stale, one left sending) as
// sending again with one attempt more.
func (tx *Tx) ClaimRetry(id int64, at time.Time, stale bool) (notices.Notice, bool, error) {
	q := `UPDATE notice_log SET status = 'sending', attempts = attempts + 1, next_try = ? WHERE id = ? AND (status = 'failed'`
	if stale {
		q += ` OR status = 'sending'`
	}
	res, err := tx.exec(q+`)`, nowMillis(at), id)
	if err != nil {
		return notices.Notice{}, false, err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return notices.Notice{}, false, nil
	}
	n, err := tx.Notice(id)
	return n, err == nil, err
}

// SetNoticeResult stores a notice's outcome.
func (tx *Tx) SetNoticeResult(n notices.Notice) error {
	return tx.mustAffect(errNoticeNotFound(), `UPDATE notice_log SET status = ?, attempts = ?, error = ?, answer = ?, sent_at = ?, next_try = ? WHERE id = ?`,
		n.Status, n.Attempts, n.Error, n.Answer, millisOrZero(n.SentAt), millisOrZero(n.NextTry), n.ID)
}

// RetryableNotices lists the failed notices with attempts left whose next
// try is due.
func (tx *Tx) RetryableNotices(now time.Time, max int) ([]notices.Notice, error) {
	rows, err := tx.query(`SELECT `+noticeColumns+` FROM notice_log WHERE status = 'failed' AND attempts < ? AND next_try <= ? ORDER BY next_try, id LIMIT 500`, max, nowMillis(now))
	return collect(rows, err, scanNotice)
}

func errNoticeNotFound() *errs.Error {
	return errs.NotFound(notices.CodeNoticeNotFound, "通知记录不存在", "no such notice")
}

// Notice returns one logged notice.
func (tx *Tx) Notice(id int64) (notices.Notice, error) {
	rows, err := tx.query(`SELECT `+noticeColumns+` FROM notice_log WHERE id = ?`, id)
	return collectOne(rows, err, errNoticeNotFound(), scanNotice)
}

// Notices lists the log, newest first, with the number matching.
func (tx *Tx) Notices(f notices.Filter) ([]notices.Notice, int, error) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, f.Kind)
	}
	if f.ReaderID != 0 {
		where, args = append(where, "reader_id = ?"), append(args, f.ReaderID)
	}
	if f.ClassID != 0 {
		where, args = append(where, "class_id = ?"), append(args, f.ClassID)
	}
	cond := "1=1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	total, err := tx.count(`SELECT COUNT(*) FROM notice_log WHERE `+cond, args...)
	if err != nil {
		return nil, 0, err
	}
	if f.Size <= 0 {
		f.Size = 50
	}
	if f.Number < 1 {
		f.Number = 1
	}
	rows, err := tx.query(`SELECT `+noticeColumns+` FROM notice_log WHERE `+cond+` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, f.Size, (f.Number-1)*f.Size)...)
	ns, err := collect(rows, err, scanNotice)
	return ns, total, err
}

// ForgetNotices blanks the recipient, name and words of the notices sent
// to a reader (the log keeps that a notice of a kind went, for the count)
// and drops the reader's notice choices.
func (tx *Tx) ForgetNotices(readerID int64) error {
	if _, err := tx.exec(`UPDATE notice_log SET recipient = '', name = '', title = '', body = '', answer = '', error = '' WHERE reader_id = ?`, readerID); err != nil {
		return err
	}
	_, err := tx.exec(`DELETE FROM notice_prefs WHERE reader_id = ?`, readerID)
	return err
}

// NoticeKeys returns the keys of the notices logged to these readers.
func (tx *Tx) NoticeKeys(readerIDs []int64) (map[notices.Key]bool, error) {
	out := map[notices.Key]bool{}
	err := eachChunk(readerIDs, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT kind, subject_id, due_date, reader_id, channel FROM notice_log WHERE reader_id IN (`+marks+`)`, args...)
		ks, err := collect(rows, err, func(r *sql.Rows) (notices.Key, error) {
			var k notices.Key
			err := r.Scan(&k.Kind, &k.SubjectID, &k.DueDate, &k.ReaderID, &k.Channel)
			return k, err
		})
		for _, k := range ks {
			out[k] = true
		}
		return err
	})
	return out, err
}
