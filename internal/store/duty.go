package store

import (
	"context"
	"database/sql"
	"strings"

	"shuwu/internal/duty"
	"shuwu/internal/errs"
)

// Duty returns the staff's day's store.
func (db *DB) Duty() duty.Store { return dutyStore{db} }

type dutyStore struct{ db *DB }

func (s dutyStore) Update(ctx context.Context, fn func(duty.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s dutyStore) View(ctx context.Context, fn func(duty.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

func scanShift(r interface{ Scan(...any) error }) (sh duty.Shift, err error) {
	var tasks string
	err = r.Scan(&sh.ID, &sh.Name, &sh.Starts, &sh.Ends, &tasks, &sh.Position)
	for _, t := range strings.Split(tasks, "\n") {
		if t = strings.TrimSpace(t); t != "" {
			sh.Tasks = append(sh.Tasks, t)
		}
	}
	return sh, err
}

const shiftColumns = `id, name, starts, ends, tasks, position`

// Shifts lists the shifts of a day in order.
func (tx *Tx) Shifts() ([]duty.Shift, error) {
	rows, err := tx.query(`SELECT ` + shiftColumns + ` FROM duty_shifts ORDER BY position, id`)
	return collect(rows, err, func(r *sql.Rows) (duty.Shift, error) { return scanShift(r) })
}

// Shift returns one shift.
func (tx *Tx) Shift(id int64) (duty.Shift, error) {
	rows, err := tx.query(`SELECT `+shiftColumns+` FROM duty_shifts WHERE id=?`, id)
	return collectOne(rows, err, errs.NotFound(duty.CodeShiftNotFound, "班次不存在", "no such shift"),
		func(r *sql.Rows) (duty.Shift, error) { return scanShift(r) })
}

// SaveShift stores a shift's name, hours and checklist.
func (tx *Tx) SaveShift(sh *duty.Shift) error {
	err := tx.mustAffect(errs.NotFound(duty.CodeShiftNotFound, "班次不存在", "no such shift"),
		`UPDATE duty_shifts SET name=?, starts=?, ends=?, tasks=? WHERE id=?`, sh.Name, sh.Starts, sh.Ends, strings.Join(sh.Tasks, "\n"), sh.ID)
	if errs.Is(err, errs.CodeDuplicate) {
		return errs.Invalid(duty.CodeShiftInvalid, "name", "已有同名班次", "another shift has that name")
	}
	return err
}

// DutyStaff lists the active accounts that may be on duty.
func (tx *Tx) DutyStaff() ([]duty.Staffer, error) {
	rows, err := tx.query(`SELECT id, CASE WHEN display_name <> '' THEN display_name ELSE username END, role FROM users
		WHERE disabled = ? AND role IN ('librarian', 'duty', 'admin') ORDER BY CASE role WHEN 'librarian' THEN 0 WHEN 'duty' THEN 1 ELSE 2 END, id`, false)
	return collect(rows, err, func(r *sql.Rows) (st duty.Staffer, err error) {
		err = r.Scan(&st.ID, &st.Name, &st.Role)
		return st, err
	})
}

const slotSelect = `SELECT d.id, d.day, d.shift_id, s.name, d.user_id,
	CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.username END, d.lead
	FROM duty_slots d JOIN duty_shifts s ON s.id = d.shift_id JOIN users u ON u.id = d.user_id`

func scanSlot(r *sql.Rows) (sl duty.Slot, err error) {
	err = r.Scan(&sl.ID, &sl.Day, &sl.ShiftID, &sl.ShiftName, &sl.UserID, &sl.UserName, &sl.Lead)
	return sl, err
}

// Slots lists who is on duty from day from to day to, in day and shift
// order, the librarian in charge first.
func (tx *Tx) Slots(from, to string) ([]duty.Slot, error) {
	rows, err := tx.query(slotSelect+` WHERE d.day >= ? AND d.day <= ? ORDER BY d.day, s.position, s.id, d.lead DESC, d.id`, from, to)
	return collect(rows, err, scanSlot)
}

// Slot returns one person's shift.
func (tx *Tx) Slot(id int64) (duty.Slot, error) {
	rows, err := tx.query(slotSelect+` WHERE d.id = ?`, id)
	return collectOne(rows, err, errs.NotFound(duty.CodeSlotNotFound, "排班不存在", "no such duty slot"), scanSlot)
}

// DeleteSlots removes the roster of days from..to (and their swap requests).
func (tx *Tx) DeleteSlots(from, to string) error {
	if _, err := tx.exec(`DELETE FROM duty_swaps WHERE slot_id IN (SELECT id FROM duty_slots WHERE day >= ? AND day <= ?)`, from, to); err != nil {
		return err
	}
	_, err := tx.exec(`DELETE FROM duty_slots WHERE day >= ? AND day <= ?`, from, to)
	return err
}

// InsertSlot puts a person on a shift.
func (tx *Tx) InsertSlot(sl *duty.Slot) error {
	id, err := tx.insert(`INSERT INTO duty_slots (day, shift_id, user_id, lead) VALUES (?,?,?,?)`, sl.Day, sl.ShiftID, sl.UserID, sl.Lead)
	sl.ID = id
	return err
}

// SetSlotUser hands a slot to another person.
func (tx *Tx) SetSlotUser(id, userID int64) error {
	return tx.mustAffect(errs.NotFound(duty.CodeSlotNotFound, "排班不存在", "no such duty slot"),
		`UPDATE duty_slots SET user_id=? WHERE id=?`, userID, id)
}

const swapSelect = `SELECT w.id, w.slot_id, d.day, s.name, w.from_user,
	CASE WHEN f.display_name <> '' THEN f.display_name ELSE f.username END, w.to_user,
	CASE WHEN t.display_name <> '' THEN t.display_name ELSE t.username END,
	w.reason, w.status, w.decided_by, w.created_at
	FROM duty_swaps w JOIN duty_slots d ON d.id = w.slot_id JOIN duty_shifts s ON s.id = d.shift_id
	JOIN users f ON f.id = w.from_user JOIN users t ON t.id = w.to_user`

func scanSwap(r *sql.Rows) (sw duty.Swap, err error) {
	var created int64
	err = r.Scan(&sw.ID, &sw.SlotID, &sw.Day, &sw.ShiftName, &sw.FromUser, &sw.FromName, &sw.ToUser, &sw.ToName,
		&sw.Reason, &sw.Status, &sw.DecidedBy, &created)
	sw.CreatedAt = fromMillis(created)
	return sw, err
}

// InsertSwap stores a swap request.
func (tx *Tx) InsertSwap(sw *duty.Swap) error {
	id, err := tx.insert(`INSERT INTO duty_swaps (slot_id, from_user, to_user, reason, status, decided_by, created_at) VALUES (?,?,?,?,?,?,?)`,
		sw.SlotID, sw.FromUser, sw.ToUser, sw.Reason, sw.Status, sw.DecidedBy, nowMillis(sw.CreatedAt))
	sw.ID = id
	return err
}

// Swap returns one swap request.
func (tx *Tx) Swap(id int64) (duty.Swap, error) {
	rows, err := tx.query(swapSelect+` WHERE w.id = ?`, id)
	return collectOne(rows, err, errs.NotFound(duty.CodeSwapNotFound, "换班申请不存在", "no such swap request"), scanSwap)
}

// Swaps lists swap requests in status st ("" all), newest first.
func (tx *Tx) Swaps(st duty.SwapStatus, limit int) ([]duty.Swap, error) {
	rows, err := tx.query(swapSelect+` WHERE (? = '' OR w.status = ?) ORDER BY w.created_at DESC, w.id DESC LIMIT ?`, string(st), string(st), limit)
	return collect(rows, err, scanSwap)
}

// SetSwapStatus records the librarian's decision.
func (tx *Tx) SetSwapStatus(id int64, st duty.SwapStatus, by string) error {
	return tx.mustAffect(errs.NotFound(duty.CodeSwapNotFound, "换班申请不存在", "no such swap request"),
		`UPDATE duty_swaps SET status=?, decided_by=? WHERE id=?`, st, by, id)
}

// Checks lists the tasks ticked on a shift of a day.
func (tx *Tx) Checks(day string, shiftID int64) ([]duty.Check, error) {
	rows, err := tx.query(`SELECT task, COALESCE(user_id, 0), done_at FROM duty_checks WHERE day=? AND shift_id=?`, day, shiftID)
	return collect(rows, err, func(r *sql.Rows) (c duty.Check, err error) {
		var at int64
		err = r.Scan(&c.Task, &c.UserID, &at)
		c.DoneAt = fromMillis(at)
		return c, err
	})
}

// InsertCheck ticks a task.
func (tx *Tx) InsertCheck(day string, shiftID int64, c duty.Check) error {
	_, err := tx.exec(`INSERT INTO duty_checks (day, shift_id, task, user_id, done_at) VALUES (?,?,?,?,?)`, day, shiftID, c.Task, nullID(c.UserID), nowMillis(c.DoneAt))
	return err
}

// DeleteCheck unticks a task.
func (tx *Tx) DeleteCheck(day string, shiftID int64, task string) error {
	_, err := tx.exec(`DELETE FROM duty_checks WHERE day=? AND shift_id=? AND task=?`, day, shiftID, task)
	return err
}

const handoverSelect = `SELECT h.id, h.day, h.shift_id, s.name, COALESCE(h.user_id, 0), h.written_by, h.happened, h.follow_up,
	h.periodicals, h.cash, h.created_at, h.acked_by, h.acked_at FROM duty_handovers h JOIN duty_shifts s ON s.id = h.shift_id`

func scanHandover(r *sql.Rows) (h duty.Handover, err error) {
	var created, acked int64
	err = r.Scan(&h.ID, &h.Day, &h.ShiftID, &h.ShiftName, &h.UserID, &h.WrittenBy, &h.Happened, &h.FollowUp,
		&h.Periodicals, &h.Cash, &created, &h.AckedBy, &acked)
	h.CreatedAt = fromMillis(created)
	if acked != 0 {
		h.AckedAt = fromMillis(acked)
	}
	return h, err
}

// InsertHandover stores a shift's handover.
func (tx *Tx) InsertHandover(h *duty.Handover) error {
	id, err := tx.insert(`INSERT INTO duty_handovers (day, shift_id, user_id, written_by, happened, follow_up, periodicals, cash, created_at)
		VALUES (?,?,?,?,?,?,?,?,?)`, h.Day, h.ShiftID, nullID(h.UserID), h.WrittenBy, h.Happened, h.FollowUp, h.Periodicals, h.Cash, nowMillis(h.CreatedAt))
	h.ID = id
	return err
}

// Handover returns one handover.
func (tx *Tx) Handover(id int64) (duty.Handover, error) {
	rows, err := tx.query(handoverSelect+` WHERE h.id = ?`, id)
	return collectOne(rows, err, errs.NotFound(duty.CodeHandoverNotFound, "交接班记录不存在", "no such handover"), scanHandover)
}

// Handovers lists the latest handovers, newest shift first.
func (tx *Tx) Handovers(limit int) ([]duty.Handover, error) {
	rows, err := tx.query(handoverSelect+` ORDER BY h.day DESC, s.position DESC, h.id DESC LIMIT ?`, limit)
	return collect(rows, err, scanHandover)
}

// AckHandover records who acknowledged a handover and when.
func (tx *Tx) AckHandover(id int64, by string, at int64) error {
	return tx.mustAffect(errs.NotFound(duty.CodeHandoverNotFound, "交接班记录不存在", "no such handover"),
		`UPDATE duty_handovers SET acked_by=?, acked_at=? WHERE id=? AND acked_by = ''`, by, at, id)
}

func scanRegulation(r *sql.Rows) (g duty.Regulation, err error) {
	var at int64
	err = r.Scan(&g.ID, &g.Title, &g.Body, &g.Position, &g.UpdatedBy, &at)
	if at != 0 {
		g.UpdatedAt = fromMillis(at)
	}
	return g, err
}

// Regulations lists the room's regulations in order.
func (tx *Tx) Regulations() ([]duty.Regulation, error) {
	rows, err := tx.query(`SELECT id, title, body, position, updated_by, updated_at FROM regulations ORDER BY position, id`)
	return collect(rows, err, scanRegulation)
}

// Regulation returns one regulation.
func (tx *Tx) Regulation(id int64) (duty.Regulation, error) {
	rows, err := tx.query(`SELECT id, title, body, position, updated_by, updated_at FROM regulations WHERE id=?`, id)
	return collectOne(rows, err, errs.NotFound(duty.CodeRegulationNotFound, "制度不存在", "no such regulation"), scanRegulation)
}

// SaveRegulation stores a regulation's title and text.
func (tx *Tx) SaveRegulation(g duty.Regulation) error {
	return tx.mustAffect(errs.NotFound(duty.CodeRegulationNotFound, "制度不存在", "no such regulation"),
		`UPDATE regulations SET title=?, body=?, updated_by=?, updated_at=? WHERE id=?`, g.Title, g.Body, g.UpdatedBy, nowMillis(g.UpdatedAt), g.ID)
}
