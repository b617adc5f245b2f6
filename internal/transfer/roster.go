package transfer

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/width"

	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// RosterColumns are the headers of a class roster, in template order.
var RosterColumns = []string{"姓名", "性别", "单位", "职务", "手机号", "班次"}

// RosterOptions configure a roster import.
type RosterOptions struct {
	SheetOptions
	// ClassID puts every row in this class; 0 takes each row's 班次.
	ClassID int64
	// CreateClass opens a class named in 班次 that does not exist yet,
	// running from Start to End (YYYY-MM-DD); without it an unknown class
	// is an error on the row.
	CreateClass bool
	Start, End  string
	Kind        string // kind of a created class; "" is 主体班
	// Progress, if set, is told how many rows are done.
	Progress func(done, total int)
}

// ImportRoster reads a class roster (.xlsx or CSV) and registers each
// person as a trainee in their class with a card, or, when the person is
// on file already (same phone, or same name and unit when the row has no
// phone), updates them and adds them to the class. A row with errors
// changes nothing.
func (s *Service) ImportRoster(ctx context.Context, in io.Reader, o RosterOptions) (SheetReport, error) {
	start := s.now()
	rep := SheetReport{Kind: "roster"}
	t, err := readTable(in, o.SheetOptions, "姓名")
	if err != nil {
		return rep, err
	}
	rc, err := s.newRosterClasses(ctx, t, o)
	if err != nil {
		return rep, err
	}
	traineeType, err := s.traineeTypeID(ctx)
	if err != nil {
		return rep, err
	}
	rep.Read = len(t.rows)
	for i, row := range t.rows {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		res, err := s.rosterRow(ctx, t, row, rc, traineeType)
		if err != nil {
			return rep, err
		}
		rep.Rows = append(rep.Rows, res)
		if o.Progress != nil && (i%100 == 99 || i == len(t.rows)-1) {
			o.Progress(i+1, len(t.rows))
		}
	}
	rep.tally()
	rep.Elapsed = s.now().Sub(start)
	return rep, nil
}

func (s *Service) traineeTypeID(ctx context.Context) (int64, error) {
	types, err := s.readers.Types(ctx)
	if err != nil {
		return 0, err
	}
	for _, t := range types {
		if t.Code == readers.TypeTrainee {
			return t.ID, nil
		}
	}
	return 0, errs.Invalid("READER_TYPE_UNKNOWN", "type", "没有“学员”读者类型", "there is no trainee reader type")
}

// rosterClasses finds the class of each row, opening new ones when the
// import may.
type rosterClasses struct {
	fixed  *readers.Class
	byName map[string]readers.Class
	o      RosterOptions
}

func (s *Service) newRosterClasses(ctx context.Context, t *table, o RosterOptions) (*rosterClasses, error) {
	rc := &rosterClasses{byName: map[string]readers.Class{}, o: o}
	if o.ClassID != 0 {
		c, err := s.readers.Class(ctx, o.ClassID)
		if err != nil {
			return nil, err
		}
		rc.fixed = &c
		return rc, nil
	}
	if t.col("班次") < 0 {
		return nil, errs.Invalid("ROSTER_NO_CLASS", "班次", "表中没有“班次”列：请加上班次列，或用 --class 指定班次", "the sheet has no 班次 column: add one or give --class")
	}
	if o.CreateClass {
		for _, d := range []struct{ v, name string }{{o.Start, "--start"}, {o.End, "--end"}} {
			if _, err := time.Parse(time.DateOnly, d.v); err != nil {
				return nil, errs.Invalid("DATE_INVALID", d.name, "新建班次需要开班和结业日期："+d.name+" 应写成 2024-05-01", d.name+" must be a date such as 2024-05-01 to create classes")
			}
		}
	}
	list, err := s.readers.Classes(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		rc.byName[c.Name] = c
	}
	return rc, nil
}

// rosterClass returns the class a row names, creating it when allowed.
func (s *Service) rosterClass(ctx context.Context, rc *rosterClasses, name string) (readers.Class, *Problem, error) {
	if rc.fixed != nil {
		return *rc.fixed, nil, nil
	}
	if name == "" {
		return readers.Class{}, &Problem{Column: "班次", Code: "CLASS_REQUIRED", Message: "班次不能为空", MessageEn: "class is required"}, nil
	}
	if c, ok := rc.byName[name]; ok {
		return c, nil, nil
	}
	if !rc.o.CreateClass {
		return readers.Class{}, &Problem{Column: "班次", Code: "CLASS_UNKNOWN",
			Message:   fmt.Sprintf("班次“%s”不存在：请先建立班次，或加 --create-class --start 日期 --end 日期", name),
			MessageEn: fmt.Sprintf("no class named %q: create it first or pass --create-class --start --end", name)}, nil
	}
	c, err := s.readers.CreateClass(ctx, readers.Class{Name: name, Kind: rc.o.Kind, StartDate: rc.o.Start, EndDate: rc.o.End})
	if err != nil {
		if e := errs.As(err); e.Kind != errs.KindInternal {
			p := problemOf(err)
			p.Column = "班次"
			return readers.Class{}, &p, nil
		}
		return readers.Class{}, nil, err
	}
	rc.byName[name] = c
	return c, nil, nil
}

// rosterRow validates one row and stores it. The error is for failures
// that stop the import; a row's own problems are in the result.
func (s *Service) rosterRow(ctx context.Context, t *table, row tableRow, rc *rosterClasses, traineeType int64) (RowResult, error) {
	get := func(h string) string { return row.at(t.col(h)) }
	in := readers.Reader{Name: get("姓名"), Unit: get("单位"), Position: get("职务"), TypeID: traineeType}
	res := RowResult{Row: row.num, Name: in.Name, Outcome: Rejected}
	fail := func(p Problem) {
		p.Row = row.num
		res.Problems = append(res.Problems, asColumn(p))
	}
	if in.Name == "" {
		fail(Problem{Column: "姓名", Code: "NAME_REQUIRED", Message: "姓名不能为空", MessageEn: "name is required"})
	}
	if g := get("性别"); g != "" {
		var ok bool
		if in.Gender, ok = parseGender(g); !ok {
			fail(Problem{Column: "性别", Code: "GENDER_INVALID", Message: fmt.Sprintf("性别“%s”应为“男”或“女”", g), MessageEn: "gender must be 男 or 女"})
		}
	}
	var warnings []Problem
	if p := cleanNumber(get("手机号")); p != "" {
		var ok bool
		if in.Phone, ok = NormalizePhone(p); !ok {
			// The phone is optional: the person still gets a card, and
			// the number as written waits in the notes for a correction.
			warnings = append(warnings, asColumn(Problem{Row: row.num, Column: "手机号", Code: "PHONE_MALFORMED",
				Message:   fmt.Sprintf("手机号“%s”不对（应为 11 位手机号或带区号的固定电话），未登记手机号，原值已记入备注", p),
				MessageEn: fmt.Sprintf("phone %q is not an 11-digit mobile number or a landline with area code; it was not registered and is kept in the notes", p)}))
			in.Notes = "名单中的手机号：" + p
		}
	}
	if len(res.Problems) > 0 {
		return res, nil
	}
	class, p, err := s.rosterClass(ctx, rc, get("班次"))
	if err != nil || p != nil {
		if p != nil {
			fail(*p)
		}
		return res, err
	}
	res.Class = class.Name
	stored, outcome, err := s.storeRosterRow(ctx, class, in)
	if err != nil {
		if errs.As(err).Kind == errs.KindInternal {
			return res, err
		}
		fail(problemOf(err))
		return res, nil
	}
	res.Outcome, res.Card, res.Name, res.Warnings = outcome, stored.Card, stored.Name, warnings
	return res, nil
}

// storeRosterRow updates the reader on file or enrolls a new one.
func (s *Service) storeRosterRow(ctx context.Context, class readers.Class, in readers.Reader) (readers.Reader, Outcome, error) {
	old, found, err := s.findPerson(ctx, in)
	if err != nil {
		return in, "", err
	}
	if !found {
		r, err := s.readers.Enroll(ctx, class.ID, in)
		return r, Added, err
	}
	// A blank cell keeps what is on file: a roster without 职务 must not
	// erase the positions the desk typed in.
	r := old
	for _, f := range []struct {
		dst *string
		v   string
	}{{&r.Name, in.Name}, {&r.Gender, in.Gender}, {&r.Unit, in.Unit}, {&r.Position, in.Position}, {&r.Phone, in.Phone}} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	if in.Notes != "" && !strings.Contains(r.Notes, in.Notes) {
		r.Notes = strings.TrimSpace(r.Notes + "\n" + in.Notes)
	}
	if r != old {
		if r, err = s.readers.Update(ctx, r); err != nil {
			return r, "", err
		}
	}
	res, err := s.readers.AddMembers(ctx, class.ID, []string{r.Card})
	if err == nil && len(res) == 1 && res[0].Error != "" {
		err = errs.Invalid(errs.Code(res[0].Code), "card", res[0].Error, res[0].Error)
	}
	return r, Updated, err
}

// findPerson looks for the row's person: by phone, or by name and unit
// among readers without a phone (someone with another phone is another
// person of the same name).
func (s *Service) findPerson(ctx context.Context, in readers.Reader) (readers.Reader, bool, error) {
	var found []readers.Reader
	err := s.store.View(ctx, func(tx Tx) error {
		if in.Phone != "" {
			list, err := tx.ReadersByPhone(in.Phone)
			if err != nil || len(list) > 0 {
				found = list
				return err
			}
		}
		list, err := tx.ReadersByNameUnit(in.Name, in.Unit)
		for _, r := range list {
			if r.Phone == "" || in.Phone == "" {
				found = append(found, r)
			}
		}
		return err
	})
	if err != nil || len(found) == 0 {
		return readers.Reader{}, false, err
	}
	return found[0], true, nil
}

func parseGender(g string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(g)) {
	case "男", "m", "male", "男性":
		return "男", true
	case "女", "f", "female", "女性":
		return "女", true
	}
	return "", false
}

var (
	mobilePattern   = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	landlinePattern = regexp.MustCompile(`^0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(-[0-9]{1,6})?$`)
)

// NormalizePhone accepts a mainland mobile number (11 digits starting 1,
// with or without +86, spaces or hyphens) and returns its digits, or a
// landline with its area code (0851-8888888, (0851)88888888) and returns
// it as 区号-号码. ok is false for anything else.
func NormalizePhone(s string) (string, bool) {
	s = width.Fold.String(strings.TrimSpace(s))
	compact := strings.NewReplacer(" ", "", "-", "", "(", "", ")", "").Replace(s)
	compact = strings.TrimPrefix(strings.TrimPrefix(compact, "+"), "86")
	if mobilePattern.MatchString(compact) {
		return compact, true
	}
	l := strings.NewReplacer(" ", "-", "(", "", ")", "-").Replace(s)
	l = strings.Trim(strings.ReplaceAll(l, "--", "-"), "-")
	if landlinePattern.MatchString(l) {
		return l, true
	}
	// An area code run into the number: 3-digit codes (010, 02x) are the
	// big cities, everything else has 4.
	if len(compact) >= 10 && len(compact) <= 12 && compact[0] == '0' {
		n := 4
		if compact[1] == '1' || compact[1] == '2' {
			n = 3
		}
		if l := compact[:n] + "-" + compact[n:]; landlinePattern.MatchString(l) {
			return l, true
		}
	}
	return "", false
}
