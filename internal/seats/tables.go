package seats

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

func tableInvalid(field, zh, en string) error { return errs.Invalid(CodeTableInvalid, field, zh, en) }

// SaveTable adds a reading table to the map or changes one: its name, its
// place on the grid and its seats (numbered 1…n, labelled A1…An).
// Taking seats away is refused while one of them holds a reservation
// still to come. Librarians only.
func (s *Service) SaveTable(ctx context.Context, d TableDraft) (Table, error) {
	if !isLibrarian(audit.ActorFrom(ctx)) {
		return Table{}, errs.New(errs.KindForbidden, CodeSeatForbidden, "只有馆员可以修改座位图", "only a librarian edits the seat map")
	}
	d.Name = plaintext.Line(strings.TrimSpace(d.Name))
	switch {
	case d.Name == "" || utf8.RuneCountInString(d.Name) > 10:
		return Table{}, tableInvalid("name", "阅览桌名称须为 1–10 个字（如 A）", "a table's name is 1–10 characters (e.g. A)")
	case d.Row < 1 || d.Row > GridSize:
		return Table{}, tableInvalid("row", fmt.Sprintf("行号须在 1 到 %d 之间", GridSize), fmt.Sprintf("the row is 1–%d", GridSize))
	case d.Col < 1 || d.Col > GridSize:
		return Table{}, tableInvalid("col", fmt.Sprintf("列号须在 1 到 %d 之间", GridSize), fmt.Sprintf("the column is 1–%d", GridSize))
	case d.Seats < 1 || d.Seats > MaxSeats:
		return Table{}, tableInvalid("seats", fmt.Sprintf("每张阅览桌的座位数须在 1 到 %d 之间", MaxSeats), fmt.Sprintf("a table has 1–%d seats", MaxSeats))
	}
	var out Table
	err := s.store.Update(ctx, func(tx Tx) error {
		st, err := settingsOf(tx)
		if err != nil {
			return err
		}
		tables, err := tx.SeatTables(st.SpaceID)
		if err != nil {
			return err
		}
		var old *Table
		for i, t := range tables {
			if t.ID == d.ID {
				old = &tables[i]
				continue
			}
			if strings.EqualFold(t.Name, d.Name) {
				return tableInvalid("name", "已有名为 "+t.Name+" 的阅览桌，请换个名称", "there is a table called "+t.Name+" already")
			}
			if t.Row == d.Row && t.Col == d.Col {
				return tableInvalid("row", fmt.Sprintf("第 %d 行第 %d 列已经放了 %s 桌", d.Row, d.Col, t.Name), fmt.Sprintf("table %s stands at row %d, column %d", t.Name, d.Row, d.Col))
			}
		}
		verb := "create"
		if d.ID != 0 {
			if old == nil {
				return errs.NotFound(CodeTableNotFound, "阅览桌不存在", "no such table")
			}
			if err := s.checkFree(tx, old.Seats, d.Seats); err != nil {
				return err
			}
			out = Table{ID: d.ID, SpaceID: old.SpaceID, Name: d.Name, Row: d.Row, Col: d.Col}
			if err := tx.UpdateSeatTable(out); err != nil {
				return err
			}
			if err := tx.RetireSeatsAbove(d.ID, d.Seats); err != nil {
				return err
			}
			verb = "update"
		} else {
			out = Table{SpaceID: st.SpaceID, Name: d.Name, Row: d.Row, Col: d.Col}
			if err := tx.InsertSeatTable(&out); err != nil {
				return err
			}
		}
		for n := 1; n <= d.Seats; n++ {
			if err := tx.EnsureSeat(out.ID, n, newCode()); err != nil {
				return err
			}
		}
		if out, err = tx.SeatTable(out.ID); err != nil {
			return err
		}
		sum := fmt.Sprintf("阅览桌 %s：第 %d 行第 %d 列，%d 个座位", out.Name, out.Row, out.Col, len(out.Seats))
		return tx.Audit(audit.New(ctx, s.now(), verb, "seat_table", itoa(out.ID), sum))
	})
	return out, err
}

// checkFree refuses to take away seats numbered above keep while one of
// them holds a reservation still to come.
func (s *Service) checkFree(tx Tx, seats []Seat, keep int) error {
	for _, seat := range seats {
		if seat.Number <= keep {
			continue
		}
		rs, err := tx.SeatReservations(Filter{SeatID: seat.ID, From: s.now(), Statuses: holding, Limit: 1})
		if err != nil {
			return err
		}
		if len(rs) > 0 {
			zh, en := window(rs[0].Start, rs[0].End, s.tz)
			return errs.Conflict(CodeReservationSettled, fmt.Sprintf("座位 %s 还有 %s 的预约，请先取消后再去掉这个座位", seat.Label, zh),
				fmt.Sprintf("seat %s is reserved %s; cancel that first", seat.Label, en)).WithField("seats")
		}
	}
	return nil
}

// RemoveTable takes a table and its seats off the map; refused while a
// seat holds a reservation still to come. Librarians only.
func (s *Service) RemoveTable(ctx context.Context, id int64) (Table, error) {
	if !isLibrarian(audit.ActorFrom(ctx)) {
		return Table{}, errs.New(errs.KindForbidden, CodeSeatForbidden, "只有馆员可以修改座位图", "only a librarian edits the seat map")
	}
	var t Table
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if t, err = tx.SeatTable(id); err != nil {
			return err
		}
		if err := s.checkFree(tx, t.Seats, 0); err != nil {
			return err
		}
		if err := tx.RetireSeatTable(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "seat_table", itoa(id), fmt.Sprintf("撤下阅览桌 %s（%d 个座位）", t.Name, len(t.Seats))))
	})
	return t, err
}
