package notices

// addressee is one person a notice may go to and how to reach them.
type addressee struct {
	readerID int64
	name     string
	email    string
	phone    string
	prefs    Prefs
}

func (a addressee) address(ch Channel) string {
	if ch == ChannelMail {
		return a.email
	}
	return a.phone
}

// plan is the rule: every notice due now, by every channel that is on and
// reaches its recipient, never by a channel the reader switched off. The
// log decides which of them are new (ClaimNotice).
//
//   - due soon: a reader's loans due from today to DueSoonDays ahead, one
//     notice per reader and due date;
//   - overdue: loans past their due date, one per reader and due date;
//   - hold ready: each hold on the hold shelf, once per pickup deadline;
//   - class ending: each trainee not yet cleared with books out, from
//     ClassEndDays before the class's end to the end day;
//   - head teacher: in that same time, one list per class of the trainees
//     with books out, to the head teacher's mail and phone.
func (s *Service) plan(tx Tx, st Settings) ([]Notice, error) {
	lib, err := libraryOf(tx)
	if err != nil {
		return nil, err
	}
	today := s.today()
	now := s.now()
	loans, err := tx.NoticeLoans(0, s.dayPlus(st.DueSoonDays))
	if err != nil {
		return nil, err
	}
	holds, err := tx.NoticeHolds(0)
	if err != nil {
		return nil, err
	}
	classes, err := tx.ClassesEnding(today, s.dayPlus(st.ClassEndDays))
	if err != nil {
		return nil, err
	}
	trainees := map[int64][]Trainee{}
	ids := map[int64]bool{}
	for _, c := range classes {
		ts, err := tx.ClassTraineesWithLoans(c.ID)
		if err != nil {
			return nil, err
		}
		trainees[c.ID] = ts
		for _, t := range ts {
			ids[t.ReaderID] = true
		}
	}
	for _, l := range loans {
		ids[l.ReaderID] = true
	}
	for _, h := range holds {
		ids[h.ReaderID] = true
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	people, err := tx.NoticeRecipients(list)
	if err != nil {
		return nil, err
	}
	prefs, err := tx.NoticePrefs(list)
	if err != nil {
		return nil, err
	}
	var out []Notice
	add := func(to addressee, k Kind, subject int64, due string, classID int64, d func(t text) draft) {
		t := text{lang: to.prefs.Lang, library: lib.Name, sign: st.Sign, name: to.name}
		if t.en() && lib.NameEn != "" {
			t.library = lib.NameEn
		}
		words := d(t)
		for _, ch := range Channels {
			addr := to.address(ch)
			if !st.Enabled(ch) || addr == "" || to.prefs.Off(ch) {
				continue
			}
			out = append(out, Notice{Kind: k, SubjectID: subject, DueDate: due, ReaderID: to.readerID, ClassID: classID, Channel: ch,
				Recipient: addr, Name: to.name, Title: words.Title, Body: pick(ch, words), Status: StatusSending, Attempts: 1, CreatedAt: now, NextTry: now})
		}
	}
	reader := func(id int64) (addressee, bool) {
		r, ok := people[id]
		if !ok || !r.Active {
			return addressee{}, false
		}
		return addressee{readerID: id, name: r.Name, email: r.Email, phone: r.Phone, prefs: prefs[id]}, true
	}
	for _, g := range groupLoans(loans) {
		to, ok := reader(g.reader)
		if !ok {
			continue
		}
		ls, due := g.loans, g.due
		if due < today {
			add(to, KindOverdue, 0, due, 0, func(t text) draft { return t.overdue(ls, due) })
		} else {
			add(to, KindDueSoon, 0, due, 0, func(t text) draft { return t.dueSoon(ls, due) })
		}
	}
	for _, h := range holds {
		to, ok := reader(h.ReaderID)
		if !ok || h.PickupBy < today {
			continue
		}
		title, by := h.Title, h.PickupBy
		add(to, KindHoldReady, h.HoldID, by, 0, func(t text) draft { return t.holdReady(title, by) })
	}
	for _, c := range classes {
		ts := trainees[c.ID]
		if len(ts) == 0 {
			continue
		}
		name, end := c.Name, c.EndDate
		for _, tr := range ts {
			to, ok := reader(tr.ReaderID)
			if !ok {
				continue
			}
			ls := tr.Loans
			add(to, KindClassEnding, c.ID, end, c.ID, func(t text) draft { return t.classEnding(name, end, ls) })
		}
		if c.HeadTeacherEmail != "" || c.HeadTeacherPhone != "" {
			head := addressee{name: c.HeadTeacher, email: c.HeadTeacherEmail, phone: c.HeadTeacherPhone}
			if head.name == "" {
				head.name = "班主任"
			}
			add(head, KindHeadTeacher, c.ID, end, c.ID, func(t text) draft { return t.headTeacher(name, end, ts) })
		}
	}
	return out, nil
}
