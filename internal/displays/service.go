package displays

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Service is the themed displays' use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil for the wall clock.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// Today is today's date in the library's time zone.
func (s *Service) Today() string { return s.now().In(s.tz).Format(time.DateOnly) }

func invalid(field, zh, en string) error { return errs.Invalid(CodeDisplayInvalid, field, zh, en) }

func mayWrite(a audit.Actor) bool { return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian }

// mayMove: the desk moves copies on and off displays.
func mayMove(a audit.Actor) bool { return mayWrite(a) || a.Role == audit.RoleDuty }

func forbidden() error {
	return errs.New(errs.KindForbidden, CodeDisplayInvalid, "只有馆员可以设置书展", "only a librarian sets up displays")
}

func (s *Service) check(tx Tx, d *Display) error {
	d.Title, d.Description, d.Place = plaintext.Line(d.Title), plaintext.Text(d.Description), plaintext.Line(d.Place)
	d.Starts, d.Ends = strings.TrimSpace(d.Starts), strings.TrimSpace(d.Ends)
	_, e1 := time.Parse(time.DateOnly, d.Starts)
	_, e2 := time.Parse(time.DateOnly, d.Ends)
	switch {
	case d.Title == "" || utf8.RuneCountInString(d.Title) > MaxTitle:
		return invalid("title", fmt.Sprintf("请填写书展名称（如 党的二十大读物专题书展），不超过 %d 个字", MaxTitle), fmt.Sprintf("name the display, at most %d characters", MaxTitle))
	case utf8.RuneCountInString(d.Description) > MaxDescription:
		return invalid("description", fmt.Sprintf("说明不能超过 %d 个字", MaxDescription), fmt.Sprintf("the description is at most %d characters", MaxDescription))
	case utf8.RuneCountInString(d.Place) > MaxPlace:
		return invalid("place", fmt.Sprintf("位置不能超过 %d 个字", MaxPlace), fmt.Sprintf("the place is at most %d characters", MaxPlace))
	case e1 != nil:
		return invalid("starts", "开始日期应写成 2026-12-01", "the first day must look like 2026-12-01")
	case e2 != nil:
		return invalid("ends", "结束日期应写成 2026-12-31", "the last day must look like 2026-12-31")
	case d.Ends < d.Starts:
		return invalid("ends", "结束日期不能早于开始日期", "the last day cannot be before the first")
	}
	d.ActivityTitle = ""
	if d.ActivityID != 0 {
		t, err := tx.ActivityTitle(d.ActivityID)
		if err != nil {
			if errs.As(err).Kind == errs.KindNotFound {
				return invalid("activity_id", "关联的主题活动不存在", "no such activity")
			}
			return err
		}
		d.ActivityTitle = t
	}
	return nil
}

// Create sets up a display.
func (s *Service) Create(ctx context.Context, d Display) (Display, error) {
	if !mayWrite(audit.ActorFrom(ctx)) {
		return Display{}, forbidden()
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := s.check(tx, &d); err != nil {
			return err
		}
		d.CreatedAt, d.UpdatedAt = s.now(), s.now()
		if err := tx.InsertDisplay(&d); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "display", fmt.Sprint(d.ID), fmt.Sprintf("新建书展「%s」%s–%s", d.Title, d.Starts, d.Ends)))
	})
	return d, err
}

// Update changes a display's title, dates, place, description and activity.
func (s *Service) Update(ctx context.Context, d Display) (Display, error) {
	if !mayWrite(audit.ActorFrom(ctx)) {
		return Display{}, forbidden()
	}
	var out Display
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Display(d.ID)
		if err != nil {
			return err
		}
		if err := s.check(tx, &d); err != nil {
			return err
		}
		d.CreatedAt, d.UpdatedAt = old.CreatedAt, s.now()
		if err := tx.UpdateDisplay(d); err != nil {
			return err
		}
		if out, err = tx.Display(d.ID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "display", fmt.Sprint(d.ID), fmt.Sprintf("修改书展「%s」%s–%s", d.Title, d.Starts, d.Ends)))
	})
	return out, err
}

// Get returns one display with its copies on it now.
func (s *Service) Get(ctx context.Context, id int64) (d Display, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		d, err = tx.Display(id)
		return err
	})
	return d, err
}

// Copies lists a display's copies on it now; with past, also those taken
// off, so a finished display still shows what it held and lent.
func (s *Service) Copies(ctx context.Context, id int64, past bool) (out []Copy, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.DisplayCopies(id, past)
		return err
	})
	return out, err
}

// Current lists the displays on today, latest start first.
func (s *Service) Current(ctx context.Context) (out []Display, err error) {
	today := s.Today()
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Displays(today, today)
		return err
	})
	return out, err
}

// All lists every display, latest start first.
func (s *Service) All(ctx context.Context) (out []Display, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Displays("", "")
		return err
	})
	return out, err
}

// Scan is the desk's one step for a copy on a display's page: a copy not
// on it goes onto it (leaving another display it was on), a copy on it
// goes back to its shelf. Only a copy on the shelf can go onto a display,
// and only while the display is not over.
func (s *Service) Scan(ctx context.Context, displayID int64, barcode string) (Moved, error) {
	if !mayMove(audit.ActorFrom(ctx)) {
		return Moved{}, forbidden()
	}
	barcode = strings.TrimSpace(barcode)
	if barcode == "" {
		return Moved{}, invalid("barcode", "请扫描图书条码", "scan a copy's barcode")
	}
	var m Moved
	err := s.store.Update(ctx, func(tx Tx) error {
		m = Moved{}
		d, err := tx.Display(displayID)
		if err != nil {
			return err
		}
		it, err := tx.ItemByBarcode(barcode)
		if err != nil {
			return err
		}
		on, err := tx.DisplayOfItem(it.ID)
		if err != nil {
			return err
		}
		now := s.now()
		if on == d.ID {
			if err := tx.TakeOffDisplay(d.ID, it.ID, now); err != nil {
				return err
			}
		} else {
			if d.Ends < s.Today() {
				return errs.Conflict(CodeDisplayOver, fmt.Sprintf("书展「%s」已于 %s 结束，不能再上架", d.Title, d.Ends), fmt.Sprintf("“%s” ended on %s: nothing more goes onto it", d.Title, d.Ends))
			}
			if it.Status != catalog.StatusAvailable {
				return errs.Conflict(CodeCopyUnavailable, fmt.Sprintf("%s 现在是“%s”，只有在架的书才能上书展", it.Barcode, it.Status.Label("zh")),
					fmt.Sprintf("%s is %s: only a copy on the shelf goes on a display", it.Barcode, it.Status.Label("en")))
			}
			if on != 0 {
				from, err := tx.Display(on)
				if err != nil {
					return err
				}
				if err := tx.TakeOffDisplay(on, it.ID, now); err != nil {
					return err
				}
				m.From = from.Title
			}
			if err := tx.PutOnDisplay(d.ID, it.ID, now); err != nil {
				return err
			}
			m.On = true
		}
		cs, err := tx.DisplayCopies(d.ID, true)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.ItemID == it.ID {
				m.Copy = c
				break
			}
		}
		if m.Display, err = tx.Display(d.ID); err != nil {
			return err
		}
		verb := "上架"
		if !m.On {
			verb = "撤回原架"
		}
		return tx.Audit(audit.New(ctx, now, "update", "display", fmt.Sprint(d.ID), fmt.Sprintf("书展「%s」%s %s《%s》", d.Title, verb, it.Barcode, m.Copy.Title)))
	})
	return m, err
}

// Clear takes every copy off a display, back to their shelves, and says
// how many went.
func (s *Service) Clear(ctx context.Context, displayID int64) (int, error) {
	if !mayMove(audit.ActorFrom(ctx)) {
		return 0, forbidden()
	}
	var n int
	err := s.store.Update(ctx, func(tx Tx) error {
		d, err := tx.Display(displayID)
		if err != nil {
			return err
		}
		if n, err = tx.ClearDisplay(d.ID, s.now()); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "display", fmt.Sprint(d.ID), fmt.Sprintf("书展「%s」撤展，%d 册撤回原架", d.Title, n)))
	})
	return n, err
}
