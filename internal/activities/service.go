package activities

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/photos"
	"shuwu/internal/plaintext"
	"shuwu/internal/room"
)

// Service is the activities' use cases.
type Service struct {
	store  Store
	tz     *time.Location
	now    func() time.Time
	photos photos.Dir // the directory photos are kept in
}

// NewService builds the activities service; now may be nil for the wall
// clock.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// Location is the library's time zone.
func (s *Service) Location() *time.Location { return s.tz }

// Now is the service's clock in the library's time zone.
func (s *Service) Now() time.Time { return s.now().In(s.tz) }

func invalid(field, zh, en string) error { return errs.Invalid(CodeActivityInvalid, field, zh, en) }

// runsRoom reports whether the actor runs the room: librarians and
// administrators (and shuwu itself) plan and change any activity.
func runsRoom(a audit.Actor) bool { return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian }

// mayPlan reports whether the actor may plan activities at all: the room's
// librarians and the organisers, for their own unit.
func mayPlan(a audit.Actor) bool {
	return runsRoom(a) || (a.Role == audit.RoleOrganiser && a.UserID != 0)
}

// unitOf is the unit an organiser account runs activities for: its
// display name (校机关一支部), or its user name when it has none.
func unitOf(tx Tx, a audit.Actor) (string, error) {
	if a.UserID == 0 {
		return "", nil
	}
	name, err := tx.UserDisplayName(a.UserID)
	if err != nil || name != "" {
		return name, err
	}
	return a.Name, nil
}

// owns reports whether the actor may change act: the room's librarians
// any, an organiser those it made or that run under its unit's name.
func owns(tx Tx, a audit.Actor, act Activity) (bool, error) {
	if runsRoom(a) {
		return true, nil
	}
	if a.Role != audit.RoleOrganiser || a.UserID == 0 {
		return false, nil
	}
	if act.UserID == a.UserID {
		return true, nil
	}
	unit, err := unitOf(tx, a)
	return err == nil && unit != "" && unit == act.Organiser, err
}

// CanEdit reports whether the person in ctx may change act.
func (s *Service) CanEdit(ctx context.Context, act Activity) (ok bool, err error) {
	a := audit.ActorFrom(ctx)
	if !mayPlan(a) {
		return false, nil
	}
	err = s.store.View(ctx, func(tx Tx) error {
		ok, err = owns(tx, a, act)
		return err
	})
	return ok, err
}

// Unit is the organiser the account in ctx runs activities for ("" for
// the room's own staff).
func (s *Service) Unit(ctx context.Context) (unit string, err error) {
	a := audit.ActorFrom(ctx)
	if a.Role != audit.RoleOrganiser {
		return "", nil
	}
	err = s.store.View(ctx, func(tx Tx) error {
		unit, err = unitOf(tx, a)
		return err
	})
	return unit, err
}

// clock reads "HH:MM" into minutes after midnight.
func clock(s string) (int, bool) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// span is an activity's time as people write it: 12月8日 14:00–16:00.
func span(start, end time.Time, tz *time.Location) (zh, en string) {
	st, e := start.In(tz), end.In(tz)
	return fmt.Sprintf("%d月%d日 %s–%s", st.Month(), st.Day(), st.Format("15:04"), e.Format("15:04")),
		fmt.Sprintf("%s %s–%s", st.Format("2 Jan"), st.Format("15:04"), e.Format("15:04"))
}

// notFound reports whether err says the thing named does not exist.
func notFound(err error) bool { return err != nil && errs.As(err).Kind == errs.KindNotFound }

func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }

// check reads a draft into an activity, checking every field against the
// room, the classes and the reading lists; the first mistake comes back
// on its field. An organiser's activity runs under its own unit.
func (s *Service) check(tx Tx, a audit.Actor, d Draft, act *Activity) error {
	d.Title, d.Organiser, d.Host = plaintext.Line(d.Title), plaintext.Line(d.Organiser), plaintext.Line(d.Host)
	d.Description = plaintext.Text(d.Description)
	if a.Role == audit.RoleOrganiser {
		unit, err := unitOf(tx, a)
		if err != nil {
			return err
		}
		d.Organiser = unit
	}
	switch {
	case d.Title == "" || tooLong(d.Title, MaxTitle):
		return invalid("title", fmt.Sprintf("请填写活动名称（如 “清廉湘西”建设主题党日活动），不超过 %d 个字", MaxTitle),
			fmt.Sprintf("give the activity a title, at most %d characters", MaxTitle))
	case !d.Form.Valid():
		return invalid("form", "请选择活动形式（书屋+课堂、读书分享会、主题党日 …）", "choose the form of the activity")
	case d.Organiser == "" || tooLong(d.Organiser, MaxOrganiser):
		return invalid("organiser", fmt.Sprintf("请填写组织单位（如 校机关一支部），不超过 %d 个字", MaxOrganiser),
			fmt.Sprintf("name the organiser (e.g. a Party branch), at most %d characters", MaxOrganiser))
	case tooLong(d.Host, MaxHost):
		return invalid("host", fmt.Sprintf("主讲人或主持人不超过 %d 个字", MaxHost), fmt.Sprintf("the host is at most %d characters", MaxHost))
	case tooLong(d.Description, MaxDescription):
		return invalid("description", fmt.Sprintf("活动介绍不超过 %d 个字", MaxDescription), fmt.Sprintf("the description is at most %d characters", MaxDescription))
	}
	day, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(d.Date), s.tz)
	if err != nil {
		return invalid("date", "日期应写成 2026-12-08", "the date must look like 2026-12-08")
	}
	from, ok1 := clock(d.From)
	to, ok2 := clock(d.To)
	switch {
	case !ok1:
		return invalid("from", "开始时间应写成 14:00", "the start must look like 14:00")
	case !ok2:
		return invalid("to", "结束时间应写成 16:00", "the end must look like 16:00")
	case to <= from:
		return invalid("to", "结束时间须晚于开始时间", "the end must be after the start")
	}
	start, end := day.Add(time.Duration(from)*time.Minute), day.Add(time.Duration(to)*time.Minute)

	// The place: a booking of the room (its space and time), or a space.
	var sp room.Space
	switch {
	case d.BookingID != 0:
		b, err := tx.Booking(d.BookingID)
		if notFound(err) {
			return invalid("booking", "所选预约不存在", "no such booking")
		} else if err != nil {
			return err
		}
		if !b.Status.Holds() {
			return invalid("booking", "所选预约已取消或未获批准，请另选场地或预约", "that booking was cancelled or refused; choose another")
		}
		if a.Role == audit.RoleOrganiser && b.UserID != a.UserID && b.Organiser != d.Organiser {
			return invalid("booking", "只能使用本单位的预约", "use one of your own unit's bookings")
		}
		if start.Before(b.Start) || end.After(b.End) {
			zh, en := span(b.Start, b.End, s.tz)
			return invalid("from", fmt.Sprintf("活动时间须在所选预约（%s %s）之内", zh, b.SpaceName),
				fmt.Sprintf("the activity must fall within its booking (%s %s)", en, b.SpaceName))
		}
		if sp, err = tx.Space(b.SpaceID); err != nil {
			return err
		}
	case d.SpaceID != 0:
		sp, err = tx.Space(d.SpaceID)
		if notFound(err) {
			return invalid("space", "所选场地不存在", "no such space")
		} else if err != nil {
			return err
		}
		opens, _ := clock(sp.Opens)
		closes, _ := clock(sp.Closes)
		if from < opens || to > closes {
			return invalid("from", fmt.Sprintf("%s的开放时间是 %s–%s，活动须在此时间内", sp.Name, sp.Opens, sp.Closes),
				fmt.Sprintf("%s is open %s–%s; hold the activity within those hours", sp.Name, sp.Opens, sp.Closes))
		}
		// Without a booking the space must be free: no booking holds it
		// (nor the whole room), and no other activity is held there then.
		held, err := tx.BookingsHolding(start, end)
		if err != nil {
			return err
		}
		for _, b := range held {
			if b.SpaceID == sp.ID || b.WholeRoom || sp.WholeRoom {
				zh, en := span(b.Start, b.End, s.tz)
				return invalid("space", fmt.Sprintf("这段时间%s已有预约：%s %s · %s「%s」。在本单位的预约上举办请选“使用预约”，否则请换个时间或场地", sp.Name, zh, b.SpaceName, b.Organiser, b.Purpose),
					fmt.Sprintf("%s is booked then: %s %s · %s (%s); choose that booking if it is yours, or another time or space", sp.Name, en, b.SpaceName, b.Organiser, b.Purpose))
			}
		}
		others, err := tx.Activities(Filter{From: start.Add(-24 * time.Hour), To: end, Status: Planned, Limit: MaxList})
		if err != nil {
			return err
		}
		for _, o := range others {
			if o.ID == act.ID || o.BookingID != 0 || !o.Start.Before(end) || !start.Before(o.End) {
				continue
			}
			osp, err := tx.Space(o.SpaceID)
			if err != nil {
				return err
			}
			if o.SpaceID == sp.ID || sp.WholeRoom || osp.WholeRoom {
				zh, en := span(o.Start, o.End, s.tz)
				return invalid("space", fmt.Sprintf("这段时间%s已有活动：%s「%s」（%s）", o.SpaceName, zh, o.Title, o.Organiser),
					fmt.Sprintf("%s already holds an activity then: %s %s (%s)", o.SpaceName, en, o.Title, o.Organiser))
			}
		}
	default:
		return invalid("space", "请选择活动地点：书屋的一个场地，或本单位的一项预约", "choose where it is held: a space of the room or a booking")
	}
	switch {
	case d.Capacity < 1 || d.Capacity > MaxCapacity:
		return invalid("capacity", fmt.Sprintf("人数上限须在 1 到 %d 之间", MaxCapacity), fmt.Sprintf("the capacity must be 1–%d", MaxCapacity))
	case sp.Capacity > 0 && d.Capacity > sp.Capacity:
		return invalid("capacity", fmt.Sprintf("人数上限 %d 人，超过%s的 %d 个座位", d.Capacity, sp.Name, sp.Capacity),
			fmt.Sprintf("%d people is more than the %d seats of %s", d.Capacity, sp.Capacity, sp.Name))
	}
	aud := Audience(d.Audience)
	if d.Audience == "" {
		aud = Open
	}
	var className string
	switch {
	case !aud.Valid():
		return invalid("audience", "请选择参加对象：全体读者、一个班次或教职工", "choose the audience: everyone, one class or the staff")
	case aud == OneClass && d.ClassID == 0:
		return invalid("class", "面向一个班次的活动，请选择班次", "choose the class the activity is for")
	case aud == OneClass:
		c, err := tx.Class(d.ClassID)
		if notFound(err) {
			return invalid("class", "所选班次不存在", "no such class")
		} else if err != nil {
			return err
		}
		className = c.Name
	default:
		d.ClassID = 0
	}
	late := DefaultLateMinutes
	if d.LateMinutes != nil {
		late = *d.LateMinutes
	}
	if late < 0 || late > MaxLateMinutes {
		return invalid("late", fmt.Sprintf("补签时限须在 0 到 %d 分钟之间", MaxLateMinutes), fmt.Sprintf("late sign-in must be 0–%d minutes", MaxLateMinutes))
	}
	var listName string
	if d.ListID != 0 {
		l, err := tx.ReadingList(d.ListID)
		if notFound(err) {
			return invalid("list", "所选书目不存在", "no such reading list")
		} else if err != nil {
			return err
		}
		listName = l.Name
	}
	act.Title, act.Form, act.FormLabel, act.Organiser, act.Host = d.Title, d.Form, d.Form.Label("zh"), d.Organiser, d.Host
	act.Start, act.End, act.SpaceID, act.SpaceName, act.BookingID = start, end, sp.ID, sp.Name, d.BookingID
	act.Capacity, act.Audience, act.ClassID, act.ClassName = d.Capacity, aud, d.ClassID, className
	act.Description, act.ListID, act.ListName, act.LateMinutes = d.Description, d.ListID, listName, late
	return nil
}

// Create plans an activity: the room's librarians for anyone, an
// organiser for its own unit.
func (s *Service) Create(ctx context.Context, d Draft) (Activity, error) {
	a := audit.ActorFrom(ctx)
	if !mayPlan(a) {
		return Activity{}, errs.New(errs.KindForbidden, CodeActivityNotYours, "只有馆员和组织者可以安排活动", "only librarians and organisers plan activities")
	}
	var act Activity
	err := s.store.Update(ctx, func(tx Tx) error {
		act = Activity{Status: Planned, UserID: a.UserID, CreatedBy: a.Name, CreatedAt: s.now(), UpdatedAt: s.now(), SignInKey: newKey()}
		if err := s.check(tx, a, d, &act); err != nil {
			return err
		}
		if err := tx.InsertActivity(&act); err != nil {
			return err
		}
		zh, _ := span(act.Start, act.End, s.tz)
		return tx.Audit(audit.New(ctx, s.now(), "create", "activity", fmt.Sprint(act.ID),
			fmt.Sprintf("安排活动「%s」（%s）%s %s · %s", act.Title, act.FormLabel, zh, act.SpaceName, act.Organiser)))
	})
	return act, err
}

// Update changes an activity: the room's librarians any, an organiser
// only its own. The audit log names what changed.
func (s *Service) Update(ctx context.Context, id int64, d Draft) (Activity, error) {
	a := audit.ActorFrom(ctx)
	var act Activity
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Activity(id)
		if err != nil {
			return err
		}
		ok, err := owns(tx, a, old)
		if err != nil {
			return err
		}
		if !ok {
			return errs.New(errs.KindForbidden, CodeActivityNotYours, "只能修改本单位的活动", "you can change only your own unit's activities")
		}
		if old.Status == Cancelled {
			return errs.Conflict(CodeActivityCancelled, "活动已取消，不能再修改", "the activity is cancelled and can no longer be changed")
		}
		act = old
		if err := s.check(tx, a, d, &act); err != nil {
			return err
		}
		act.UpdatedAt = s.now()
		if err := tx.UpdateActivity(&act); err != nil {
			return err
		}
		changed := changes(old, act)
		if len(changed) == 0 {
			return nil
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "activity", fmt.Sprint(act.ID),
			fmt.Sprintf("修改活动「%s」：%s", act.Title, strings.Join(changed, "、"))))
	})
	return act, err
}

// changes names the fields that differ between two versions, in Chinese,
// for the audit log.
func changes(a, b Activity) []string {
	var out []string
	add := func(diff bool, name string) {
		if diff {
			out = append(out, name)
		}
	}
	add(a.Title != b.Title, "名称")
	add(a.Form != b.Form, "形式")
	add(a.Organiser != b.Organiser, "组织单位")
	add(a.Host != b.Host, "主讲人")
	add(!a.Start.Equal(b.Start) || !a.End.Equal(b.End), "时间")
	add(a.SpaceID != b.SpaceID || a.BookingID != b.BookingID, "地点")
	add(a.Capacity != b.Capacity, "人数上限")
	add(a.Audience != b.Audience || a.ClassID != b.ClassID, "参加对象")
	add(a.Description != b.Description, "介绍")
	add(a.ListID != b.ListID, "书目")
	add(a.LateMinutes != b.LateMinutes, "补签时限")
	return out
}

// Activity returns one activity.
func (s *Service) Activity(ctx context.Context, id int64) (act Activity, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		act, err = tx.Activity(id)
		return err
	})
	return act, err
}

// List lists activities matching f, earliest first (latest first with
// f.Desc).
func (s *Service) List(ctx context.Context, f Filter) (out []Activity, err error) {
	if f.Limit < 1 || f.Limit > MaxList {
		f.Limit = MaxList
	}
	f.Query = strings.TrimSpace(f.Query)
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Activities(f)
		return err
	})
	return out, err
}

// Mine lists the activities of the organiser in ctx: those it planned and
// those run under its unit's name.
func (s *Service) Mine(ctx context.Context, f Filter) (out []Activity, err error) {
	a := audit.ActorFrom(ctx)
	if a.UserID == 0 {
		return nil, nil
	}
	err = s.store.View(ctx, func(tx Tx) error {
		unit, err := unitOf(tx, a)
		if err != nil {
			return err
		}
		f.UserID, f.Unit = a.UserID, unit
		if f.Limit < 1 || f.Limit > MaxList {
			f.Limit = MaxList
		}
		out, err = tx.Activities(f)
		return err
	})
	return out, err
}
