package activities

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
)

// RegStatus is where a registration stands.
type RegStatus string

// Registration statuses.
const (
	Registered RegStatus = "registered" // 已报名
	Waitlisted RegStatus = "waitlisted" // 候补
	Withdrawn  RegStatus = "cancelled"  // 已取消
)

// Registration is one reader's place at an activity.
type Registration struct {
	ID           int64     `json:"id"`
	ActivityID   int64     `json:"activity_id"`
	ReaderID     int64     `json:"reader_id"`
	ReaderName   string    `json:"reader_name"`
	Card         string    `json:"card"`
	ClassID      int64     `json:"class_id,omitempty"`
	ClassName    string    `json:"class_name,omitempty"`
	Status       RegStatus `json:"status"`
	RegisteredAt time.Time `json:"registered_at"`
	ChangedAt    time.Time `json:"changed_at"`
	// Position is the place on the waitlist (1 = next to move up); 0 when
	// not waitlisted.
	Position int `json:"position,omitempty"`
}

// How a sign-in was taken.
const (
	ByQR   = "qr"   // the reader scanned the screen's code
	ByDesk = "desk" // the desk scanned the reader's card
)

// SignIn is one reader's attendance.
type SignIn struct {
	ID         int64     `json:"id"`
	ActivityID int64     `json:"activity_id"`
	ReaderID   int64     `json:"reader_id"`
	ReaderName string    `json:"reader_name"`
	Card       string    `json:"card"`
	ClassID    int64     `json:"class_id,omitempty"`
	ClassName  string    `json:"class_name,omitempty"`
	At         time.Time `json:"at"`
	How        string    `json:"how"`
	Late       bool      `json:"late"`
	StaffID    int64     `json:"staff_id,omitempty"`
	// Already is set when the reader had signed in before: the answer is
	// that earlier sign-in, and nothing was added.
	Already bool `json:"already,omitempty"`
	// Registered tells whether the reader had registered.
	Registered bool `json:"registered"`
}

// Attendance is an activity's registrations and sign-ins with their
// figures.
type Attendance struct {
	Activity      Activity       `json:"activity"`
	Registrations []Registration `json:"registrations"` // registered, then the waitlist in order, then cancelled
	SignIns       []SignIn       `json:"signins"`       // in the order they came
	Registered    int            `json:"registered"`
	Waitlisted    int            `json:"waitlisted"`
	Attended      int            `json:"attended"`
	Late          int            `json:"late"`
	WalkIns       int            `json:"walk_ins"` // signed in without registering
	NoShows       int            `json:"no_shows"` // registered, never signed in
}

// Mine is one of a reader's activities: their registration, and their
// sign-in when there is one.
type Mine struct {
	Activity     Activity     `json:"activity"`
	Registration Registration `json:"registration"`
	SignIn       *SignIn      `json:"signin,omitempty"`
}

// SignInOpensBefore is how long before the start sign-in opens.
const SignInOpensBefore = 30 * time.Minute

// codeStep is how often the screen's QR code changes; a code is taken for
// codeLife after it was shown, so a reader who must log in first still
// makes it.
const (
	codeStep = 30 * time.Second
	codeLife = 5 * time.Minute
)

func newKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// code is the sign-in code of step n of an activity.
func code(act Activity, n int64) string {
	m := hmac.New(sha256.New, []byte(act.SignInKey))
	fmt.Fprintf(m, "%d:%d", act.ID, n)
	return hex.EncodeToString(m.Sum(nil))[:16]
}

// validCode reports whether c is a code the screen showed within codeLife.
func validCode(act Activity, c string, now time.Time) bool {
	if act.SignInKey == "" || len(c) != 16 {
		return false
	}
	n := now.Unix() / int64(codeStep/time.Second)
	for i := int64(0); i <= int64(codeLife/codeStep); i++ {
		if hmac.Equal([]byte(code(act, n-i)), []byte(c)) {
			return true
		}
	}
	return false
}

// SignInWindow is when sign-ins are taken: from SignInOpensBefore the
// start to LateMinutes after it (later than the start counts late).
func SignInWindow(act Activity) (opens, closes time.Time) {
	return act.Start.Add(-SignInOpensBefore), act.Start.Add(time.Duration(act.LateMinutes) * time.Minute)
}

// ScreenCode is the code the room's screen shows now, for the QR code a
// reader scans: the room's staff and the activity's own organiser only.
func (s *Service) ScreenCode(ctx context.Context, id int64) (act Activity, c string, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		if act, err = tx.Activity(id); err != nil {
			return err
		}
		return mayRun(tx, audit.ActorFrom(ctx), act)
	})
	if err != nil {
		return act, "", err
	}
	return act, code(act, s.now().Unix()/int64(codeStep/time.Second)), nil
}

// mayRun refuses anyone but the desk, the room's librarians and the
// activity's own organiser: they run its sign-in and see its attendance.
func mayRun(tx Tx, a audit.Actor, act Activity) error {
	if a.AtDesk() || runsRoom(a) {
		return nil
	}
	ok, err := owns(tx, a, act)
	if err != nil {
		return err
	}
	if !ok {
		return errs.New(errs.KindForbidden, CodeActivityNotYours, "只能查看本单位活动的签到", "you can see only your own unit's attendance")
	}
	return nil
}

// eligible checks that the reader may take part in act, and returns the
// class the line counts for: the activity's class, or the reader's class
// running that day.
func (s *Service) eligible(tx Tx, act Activity, r readers.Reader, verb string) (int64, error) {
	verbEn := map[string]string{"报名": "register", "签到": "sign in"}[verb]
	today := act.Start.In(s.tz).Format(time.DateOnly)
	if r.Status != readers.StatusActive {
		return 0, errs.Conflict(CodeNotForReader, fmt.Sprintf("%s的读者证%s，不能%s", r.Name, r.Status.Label("zh"), verb),
			fmt.Sprintf("%s's card is %s and cannot %s", r.Name, r.Status.Label("en"), verbEn))
	}
	if r.ExpiryDate != "" && r.ExpiryDate < s.Now().Format(time.DateOnly) {
		return 0, errs.Conflict(CodeNotForReader, fmt.Sprintf("%s的读者证已于 %s 到期，不能%s", r.Name, r.ExpiryDate, verb),
			fmt.Sprintf("%s's card expired on %s", r.Name, r.ExpiryDate))
	}
	classes, err := tx.ClassesOfReader(r.ID)
	if err != nil {
		return 0, err
	}
	switch act.Audience {
	case OneClass:
		for _, c := range classes {
			if c.ID == act.ClassID {
				return c.ID, nil
			}
		}
		return 0, errs.Conflict(CodeNotForReader, fmt.Sprintf("这项活动面向「%s」的学员，%s不在这个班次", act.ClassName, r.Name),
			fmt.Sprintf("the activity is for the class %s; %s is not in it", act.ClassName, r.Name))
	case StaffOnly:
		types, err := tx.Types()
		if err != nil {
			return 0, err
		}
		staff := false
		for _, t := range types {
			staff = staff || (t.ID == r.TypeID && t.Code == readers.TypeStaff)
		}
		if !staff {
			return 0, errs.Conflict(CodeNotForReader, fmt.Sprintf("这项活动面向教职工，%s不是教职工读者", r.Name),
				fmt.Sprintf("the activity is for the staff; %s is not a staff reader", r.Name))
		}
	}
	for _, c := range classes {
		if c.StartDate <= today && today <= c.EndDate {
			return c.ID, nil
		}
	}
	return 0, nil
}

// log puts an attendance step into the ledger.
func (s *Service) log(tx Tx, ctx context.Context, kind ledger.Kind, act Activity, readerID, classID int64, detail map[string]any) error {
	raw, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	return tx.AppendLedger(&ledger.Entry{Kind: kind, At: s.now(), ReaderID: readerID, ClassID: classID, StaffID: audit.ActorFrom(ctx).UserID,
		SpaceID: act.SpaceID, RefID: act.ID, Detail: string(raw)})
}

// selfReader is the reader acting for themselves.
func selfReader(tx Tx, a audit.Actor) (readers.Reader, error) {
	if a.Role != audit.RoleReader || a.ReaderID == 0 {
		return readers.Reader{}, errs.New(errs.KindForbidden, CodeNotForReader, "请用读者账号登录后报名或签到", "log in as a reader to register or sign in")
	}
	return tx.Reader(a.ReaderID)
}

// Register gives the reader in ctx a place at the activity, or a place on
// its waitlist when it is full. Registration closes at the start.
func (s *Service) Register(ctx context.Context, id int64) (reg Registration, err error) {
	a := audit.ActorFrom(ctx)
	err = s.store.Update(ctx, func(tx Tx) error {
		act, err := tx.Activity(id)
		if err != nil {
			return err
		}
		r, err := selfReader(tx, a)
		if err != nil {
			return err
		}
		reg, err = s.register(tx, ctx, act, r, "你")
		return err
	})
	return reg, err
}

// DeskRegister registers the reader with card for the activity on their
// behalf, at the desk (a reader who asks in person or on the phone): the
// desk staff, the room's librarians and the activity's own organiser. The
// same rules as a reader's own registration; the ledger line names the
// staff member.
func (s *Service) DeskRegister(ctx context.Context, id int64, card string) (reg Registration, err error) {
	a := audit.ActorFrom(ctx)
	err = s.store.Update(ctx, func(tx Tx) error {
		act, err := tx.Activity(id)
		if err != nil {
			return err
		}
		if err := mayRun(tx, a, act); err != nil {
			return err
		}
		card = normCard(card)
		if card == "" {
			return errs.Invalid(CodeNotForReader, "card", "请扫描或输入读者证号", "scan or type the reader's card number")
		}
		r, err := tx.ReaderByCard(card)
		if err != nil {
			return err
		}
		if reg, err = s.register(tx, ctx, act, r, r.Name); err != nil {
			return err
		}
		what := "报名"
		if reg.Status == Waitlisted {
			what = fmt.Sprintf("候补第 %d 位", reg.Position)
		}
		return tx.Audit(audit.New(ctx, s.now(), "register", "activity", fmt.Sprint(act.ID), fmt.Sprintf("代 %s（%s）%s活动「%s」", r.Name, r.Card, what, act.Title)))
	})
	return reg, err
}

// enWho is the English of who: "you are" or "<name> is".
func enWho(who string, r readers.Reader) string {
	if who == "你" {
		return "you are"
	}
	return r.Name + " is"
}

// register gives r a place at act, or one on its waitlist; who names the
// reader in a refusal (你 for themselves).
func (s *Service) register(tx Tx, ctx context.Context, act Activity, r readers.Reader, who string) (reg Registration, err error) {
	{
		if act.Status != Planned || !act.Start.After(s.now()) {
			return reg, errs.Conflict(CodeRegistrationClosed, "活动已开始或已取消，报名已截止", "the activity has started or was cancelled; registration is closed")
		}
		classID, err := s.eligible(tx, act, r, "报名")
		if err != nil {
			return reg, err
		}
		old, err := tx.Registration(act.ID, r.ID)
		switch {
		case err == nil && old.Status == Registered:
			return reg, errs.Conflict(CodeAlreadyRegistered, who+"已报名这项活动", enWho(who, r)+" already registered")
		case err == nil && old.Status == Waitlisted:
			return reg, errs.Conflict(CodeAlreadyRegistered, who+"已在这项活动的候补名单上", enWho(who, r)+" already on the waitlist")
		case err != nil && !notFound(err):
			return reg, err
		}
		regs, err := tx.Registrations(act.ID)
		if err != nil {
			return reg, err
		}
		n := 0
		waiting := 0
		for _, g := range regs {
			switch g.Status {
			case Registered:
				n++
			case Waitlisted:
				waiting++
			}
		}
		reg = Registration{ID: old.ID, ActivityID: act.ID, ReaderID: r.ID, ReaderName: r.Name, Card: r.Card, ClassID: classID,
			Status: Registered, RegisteredAt: s.now(), ChangedAt: s.now()}
		kind := ledger.ActivityRegistered
		if n >= act.Capacity {
			reg.Status, reg.Position, kind = Waitlisted, waiting+1, ledger.ActivityWaitlisted
		}
		if err := tx.SaveRegistration(&reg); err != nil {
			return reg, err
		}
		return reg, s.log(tx, ctx, kind, act, r.ID, classID, map[string]any{"status": reg.Status})
	}
}

// Unregister cancels the reader's registration (or place on the
// waitlist) before the start; a place given up goes to the first on the
// waitlist, who is told in their portal.
func (s *Service) Unregister(ctx context.Context, id int64) (promoted *Registration, err error) {
	a := audit.ActorFrom(ctx)
	err = s.store.Update(ctx, func(tx Tx) error {
		promoted = nil
		act, err := tx.Activity(id)
		if err != nil {
			return err
		}
		r, err := selfReader(tx, a)
		if err != nil {
			return err
		}
		reg, err := tx.Registration(act.ID, r.ID)
		if notFound(err) || (err == nil && reg.Status == Withdrawn) {
			return errs.Conflict(CodeNotRegistered, "你没有报名这项活动", "you are not registered for this activity")
		} else if err != nil {
			return err
		}
		if act.Status == Cancelled {
			return errs.Conflict(CodeActivityCancelled, "活动已取消，报名记录保留，无需再取消报名", "the activity is cancelled; the registration stays on record")
		}
		if !act.Start.After(s.now()) {
			return errs.Conflict(CodeRegistrationClosed, "活动已开始，不能再取消报名", "the activity has started; registration can no longer be cancelled")
		}
		was := reg.Status
		reg.Status, reg.ChangedAt = Withdrawn, s.now()
		if err := tx.SaveRegistration(&reg); err != nil {
			return err
		}
		if err := s.log(tx, ctx, ledger.ActivityUnregistered, act, r.ID, reg.ClassID, map[string]any{"was": was}); err != nil {
			return err
		}
		if was != Registered || act.Status != Planned {
			return nil
		}
		regs, err := tx.Registrations(act.ID)
		if err != nil {
			return err
		}
		for _, g := range regs {
			if g.Status == Waitlisted {
				g.Status, g.ChangedAt, g.Position = Registered, s.now(), 0
				if err := tx.SaveRegistration(&g); err != nil {
					return err
				}
				promoted = &g
				return s.log(tx, ctx, ledger.ActivityPromoted, act, g.ReaderID, g.ClassID, map[string]any{"after": r.ID})
			}
		}
		return nil
	})
	return promoted, err
}

// SignIn signs the reader in ctx in with the code of the room's screen.
func (s *Service) SignIn(ctx context.Context, id int64, c string) (SignIn, error) {
	a := audit.ActorFrom(ctx)
	var out SignIn
	err := s.store.Update(ctx, func(tx Tx) error {
		act, err := tx.Activity(id)
		if err != nil {
			return err
		}
		r, err := selfReader(tx, a)
		if err != nil {
			return err
		}
		if !validCode(act, c, s.now()) {
			return errs.Invalid(CodeSignInCode, "code", "签到二维码无效或已过期，请重新扫描屏幕上的二维码", "the sign-in code is wrong or has expired; scan the code on the screen again")
		}
		out, err = s.signIn(tx, ctx, act, r, ByQR)
		return err
	})
	return out, err
}

// DeskSignIn signs a reader in by their card at the desk: the desk, the
// room's librarians and the activity's own organiser.
func (s *Service) DeskSignIn(ctx context.Context, id int64, card string) (SignIn, error) {
	a := audit.ActorFrom(ctx)
	var out SignIn
	err := s.store.Update(ctx, func(tx Tx) error {
		act, err := tx.Activity(id)
		if err != nil {
			return err
		}
		if err := mayRun(tx, a, act); err != nil {
			return err
		}
		r, err := tx.ReaderByCard(normCard(card))
		if err != nil {
			return err
		}
		out, err = s.signIn(tx, ctx, act, r, ByDesk)
		return err
	})
	return out, err
}

func normCard(c string) string {
	out := []rune{}
	for _, r := range c {
		if r != ' ' && r != '\t' && r != '\r' && r != '\n' {
			out = append(out, r)
		}
	}
	return string(out)
}

func (s *Service) signIn(tx Tx, ctx context.Context, act Activity, r readers.Reader, how string) (SignIn, error) {
	now := s.now()
	if act.Status != Planned {
		return SignIn{}, errs.Conflict(CodeSignInClosed, "活动已取消", "the activity is cancelled")
	}
	if old, err := tx.SignInOf(act.ID, r.ID); err == nil {
		old.Already = true
		return old, nil
	} else if !notFound(err) {
		return SignIn{}, err
	}
	opens, closes := SignInWindow(act)
	if now.Before(opens) {
		o := opens.In(s.tz)
		return SignIn{}, errs.Conflict(CodeSignInClosed, fmt.Sprintf("签到 %d月%d日 %s 开始（活动开始前 %d 分钟）", o.Month(), o.Day(), o.Format("15:04"), int(SignInOpensBefore/time.Minute)),
			fmt.Sprintf("sign-in opens at %s on %s", o.Format("15:04"), o.Format("2 Jan")))
	}
	if now.After(closes) {
		return SignIn{}, errs.Conflict(CodeSignInClosed, fmt.Sprintf("签到已于 %s 截止（活动开始后 %d 分钟内可签到）", closes.In(s.tz).Format("15:04"), act.LateMinutes),
			fmt.Sprintf("sign-in closed at %s (%d minutes after the start)", closes.In(s.tz).Format("15:04"), act.LateMinutes))
	}
	classID, err := s.eligible(tx, act, r, "签到")
	if err != nil {
		return SignIn{}, err
	}
	reg, err := tx.Registration(act.ID, r.ID)
	if err != nil && !notFound(err) {
		return SignIn{}, err
	}
	in := SignIn{ActivityID: act.ID, ReaderID: r.ID, ReaderName: r.Name, Card: r.Card, ClassID: classID, At: now, How: how,
		Late: now.After(act.Start), StaffID: audit.ActorFrom(ctx).UserID, Registered: err == nil && reg.Status == Registered}
	if err := tx.InsertSignIn(&in); err != nil {
		return SignIn{}, err
	}
	return in, s.log(tx, ctx, ledger.ActivitySignIn, act, r.ID, classID, map[string]any{"how": how, "late": in.Late, "registered": in.Registered})
}

// Attendance is the activity's registrations and sign-ins: the desk, the
// room's librarians and leadership, and the activity's own organiser.
func (s *Service) Attendance(ctx context.Context, id int64) (out Attendance, err error) {
	a := audit.ActorFrom(ctx)
	err = s.store.View(ctx, func(tx Tx) error {
		if out.Activity, err = tx.Activity(id); err != nil {
			return err
		}
		if a.Role != audit.RoleLeadership {
			if err := mayRun(tx, a, out.Activity); err != nil {
				return err
			}
		}
		if out.Registrations, err = tx.Registrations(id); err != nil {
			return err
		}
		out.SignIns, err = tx.SignIns(id)
		return err
	})
	if err != nil {
		return out, err
	}
	signed := map[int64]bool{}
	for _, in := range out.SignIns {
		signed[in.ReaderID] = true
		out.Attended++
		if in.Late {
			out.Late++
		}
	}
	registered := map[int64]bool{}
	for _, g := range out.Registrations {
		switch g.Status {
		case Registered:
			out.Registered++
			registered[g.ReaderID] = true
			if !signed[g.ReaderID] {
				out.NoShows++
			}
		case Waitlisted:
			out.Waitlisted++
		}
	}
	for i, in := range out.SignIns {
		out.SignIns[i].Registered = registered[in.ReaderID]
		if !registered[in.ReaderID] {
			out.WalkIns++
		}
	}
	if out.Registrations == nil {
		out.Registrations = []Registration{}
	}
	if out.SignIns == nil {
		out.SignIns = []SignIn{}
	}
	return out, nil
}

// Counts are an activity's registered and waitlisted numbers, for the
// portal's page.
func (s *Service) Counts(ctx context.Context, id int64) (registered, waitlisted int, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		regs, err := tx.Registrations(id)
		for _, g := range regs {
			switch g.Status {
			case Registered:
				registered++
			case Waitlisted:
				waitlisted++
			}
		}
		return err
	})
	return registered, waitlisted, err
}

// My is the reader in ctx's activities: those registered for (or
// waitlisted, or cancelled) and those signed in at, latest first.
func (s *Service) My(ctx context.Context) (out []Mine, err error) {
	a := audit.ActorFrom(ctx)
	if a.Role != audit.RoleReader || a.ReaderID == 0 {
		return nil, nil
	}
	err = s.store.View(ctx, func(tx Tx) error {
		regs, err := tx.RegistrationsOfReader(a.ReaderID)
		if err != nil {
			return err
		}
		ins, err := tx.SignInsOfReader(a.ReaderID)
		if err != nil {
			return err
		}
		byAct := map[int64]*SignIn{}
		for i := range ins {
			byAct[ins[i].ActivityID] = &ins[i]
		}
		seen := map[int64]bool{}
		add := func(actID int64, reg Registration) error {
			if seen[actID] {
				return nil
			}
			seen[actID] = true
			act, err := tx.Activity(actID)
			if err != nil {
				return err
			}
			if reg.Status == Waitlisted {
				all, err := tx.Registrations(actID)
				if err != nil {
					return err
				}
				for _, g := range all {
					if g.ID == reg.ID {
						reg.Position = g.Position
					}
				}
			}
			out = append(out, Mine{Activity: act, Registration: reg, SignIn: byAct[actID]})
			return nil
		}
		for _, g := range regs {
			if err := add(g.ActivityID, g); err != nil {
				return err
			}
		}
		for _, in := range ins {
			if err := add(in.ActivityID, Registration{}); err != nil {
				return err
			}
		}
		return nil
	})
	sortMine(out)
	return out, err
}

func sortMine(ms []Mine) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Activity.Start.After(ms[j-1].Activity.Start); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// SignInPath is the portal page a reader's phone opens from the screen's
// QR code.
func SignInPath(id int64, c string) string {
	return fmt.Sprintf("/opac/activities/%d/signin?c=%s", id, c)
}

// MyPlace is the reader in ctx's registration for one activity (Status ""
// when none) and their sign-in, for the activity's portal page.
func (s *Service) MyPlace(ctx context.Context, id int64) (reg Registration, in *SignIn, err error) {
	a := audit.ActorFrom(ctx)
	if a.Role != audit.RoleReader || a.ReaderID == 0 {
		return reg, nil, nil
	}
	err = s.store.View(ctx, func(tx Tx) error {
		all, err := tx.Registrations(id)
		if err != nil {
			return err
		}
		for _, g := range all {
			if g.ReaderID == a.ReaderID {
				reg = g
			}
		}
		got, err := tx.SignInOf(id, a.ReaderID)
		if err == nil {
			in = &got
		} else if !notFound(err) {
			return err
		}
		return nil
	})
	return reg, in, err
}

// AttendedCount is how many signed in at the activity, for its public page.
func (s *Service) AttendedCount(ctx context.Context, id int64) (n int, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		ins, err := tx.SignIns(id)
		n = len(ins)
		return err
	})
	return n, err
}
