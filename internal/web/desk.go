package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// deskData is the circulation desk: the mode, the reader being served and
// the lines of what just happened, newest first.
type deskData struct {
	Mode    string // "lend", "return" or "inroom" (阅览登记)
	Card    string
	Panel   *readerPanel
	Lines   []deskLine
	Message string
}

// readerPanel is the reader's account as the desk shows it.
type readerPanel struct {
	circulation.Account
	TypeName string
	Blocks   []string
}

// deskLine is one scan's outcome.
type deskLine struct {
	Kind    string // ok, hold, warn, error
	What    string
	Next    string
	Notes   []string
	Slip    *holdSlip
	At      time.Time
	Barcode string
}

// holdSlip is the slip put in a copy that waits on the hold shelf.
type holdSlip struct {
	Title, Barcode, CallNumber string
	ReaderName, ReaderCard     string
	Phone                      string
	Deadline                   string
}

func deskMode(m string) string {
	switch m {
	case "return", "inroom":
		return m
	}
	return "lend"
}

// showDesk is the desk page. Without JavaScript every scan posts the form
// and the page comes back with the result; with it, desk.js posts in the
// background and keeps the scan field focused.
func (s *Server) showDesk(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	d := &deskData{Mode: deskMode(q.Get("mode")), Card: strings.TrimSpace(q.Get("card"))}
	if d.Card != "" {
		p, err := s.panel(r.Context(), v, d.Card)
		if err != nil {
			if errs.As(err).Kind == errs.KindInternal {
				return err
			}
			d.Card = ""
			d.Lines = append(d.Lines, errorLine(v, err))
		}
		d.Panel = p
	}
	v.Title, v.Nav, v.Data = v.T("desk.title"), "desk", d
	s.render(w, r, http.StatusOK, "desk", v)
	return nil
}

// panel loads a reader's account and says in the page's language why they
// may not borrow, if so.
func (s *Server) panel(ctx context.Context, v *view, card string) (*readerPanel, error) {
	a, err := s.d.Circulation.Account(ctx, card)
	if err != nil {
		return nil, err
	}
	p := &readerPanel{Account: a}
	types, err := s.d.Readers.Types(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if t.ID == a.Reader.TypeID {
			p.TypeName = pickName(v.Lang, t.Name, t.NameEn)
		}
	}
	today := time.Now().In(s.d.TZ).Format(time.DateOnly)
	rd := a.Reader
	if rd.Status != readers.StatusActive {
		p.Blocks = append(p.Blocks, v.T("block.status", rd.Status.Label(short(v.Lang))))
	}
	if rd.ExpiryDate != "" && rd.ExpiryDate < today {
		p.Blocks = append(p.Blocks, v.T("block.expired", formatDate(v.Lang, rd.ExpiryDate, s.d.TZ)))
	}
	if rd.SuspendedUntil != "" && rd.SuspendedUntil >= today {
		p.Blocks = append(p.Blocks, v.T("block.suspended", formatDate(v.Lang, rd.SuspendedUntil, s.d.TZ)))
	}
	if a.Overdue > 0 {
		p.Blocks = append(p.Blocks, v.T("block.overdue", a.Overdue))
	}
	return p, nil
}

func errorLine(v *view, err error) deskLine {
	return deskLine{Kind: "error", What: errs.As(err).Localized(short(v.Lang)), At: time.Now()}
}

// deskScan handles one scan: in lend mode a card selects the reader and
// an item barcode lends the copy; in return mode a barcode returns it.
func (s *Server) deskScan(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	d := &deskData{Mode: deskMode(r.PostForm.Get("mode")), Card: strings.TrimSpace(r.PostForm.Get("card"))}
	code := strings.TrimSpace(r.PostForm.Get("code"))
	var line deskLine
	switch {
	case code == "":
		line = deskLine{Kind: "warn", What: v.T("desk.empty_scan")}
	case d.Mode == "return":
		line = s.checkin(ctx, v, code)
	case d.Mode == "inroom":
		var err error
		if line, err = s.inRoom(ctx, v, d, code); err != nil {
			return err
		}
	case d.Card == "":
		line = s.selectReader(ctx, v, d, code)
	default:
		res, err := s.d.Circulation.Checkout(ctx, d.Card, code)
		switch {
		case err == nil:
			line = deskLine{Kind: "ok", Barcode: res.Loan.Barcode, What: v.T("desk.lent", res.Loan.Title, res.Loan.Barcode),
				Next: v.T("desk.due", formatDate(v.Lang, res.Loan.DueDate, s.d.TZ))}
		case errs.Is(err, catalog.CodeItemNotFound):
			// Not a copy: maybe the next reader's card.
			if _, rerr := s.d.Readers.ByCard(ctx, code); rerr == nil {
				line = s.selectReader(ctx, v, d, code)
			} else {
				line = errorLine(v, err)
			}
		default:
			if errs.As(err).Kind == errs.KindInternal {
				return err
			}
			line = errorLine(v, err)
		}
	}
	line.At = time.Now()
	d.Lines = []deskLine{line}
	return s.deskAnswer(w, r, v, d)
}

// inRoom counts a copy read in the room, for the reader being served if
// any; a scanned card (not a copy) makes that reader the one served.
func (s *Server) inRoom(ctx context.Context, v *view, d *deskData, code string) (deskLine, error) {
	it, err := s.d.Catalog.Item(ctx, code)
	if errs.Is(err, catalog.CodeItemNotFound) {
		if _, rerr := s.d.Readers.ByCard(ctx, code); rerr == nil {
			return s.selectReader(ctx, v, d, code), nil
		}
	}
	if err == nil {
		err = s.d.Circulation.InRoomUse(ctx, it.Barcode, d.Card)
	}
	if err != nil {
		if errs.As(err).Kind == errs.KindInternal {
			return deskLine{}, err
		}
		return errorLine(v, err), nil
	}
	rec, err := s.d.Catalog.Record(ctx, it.RecordID)
	if err != nil {
		return deskLine{}, err
	}
	l := deskLine{Kind: "ok", Barcode: it.Barcode, What: v.T("desk.inroom_done", rec.DisplayTitle(), it.Barcode)}
	if d.Card != "" {
		l.Next = v.T("desk.inroom_for", d.Card)
	}
	return l, nil
}

// selectReader makes the scanned card the reader being served.
func (s *Server) selectReader(ctx context.Context, v *view, d *deskData, card string) deskLine {
	rd, err := s.d.Readers.ByCard(ctx, card)
	if err != nil {
		return errorLine(v, err)
	}
	d.Card = rd.Card
	return deskLine{Kind: "ok", What: v.T("desk.reader_selected", rd.Name, rd.Card)}
}

// checkin returns a copy and says what to do with it.
func (s *Server) checkin(ctx context.Context, v *view, code string) deskLine {
	res, err := s.d.Circulation.Checkin(ctx, code, false)
	if err != nil {
		return errorLine(v, err)
	}
	l := deskLine{Kind: "ok", Barcode: res.Item.Barcode, What: v.T("desk.returned", res.Title, res.Item.Barcode)}
	switch res.Action {
	case "hold_shelf":
		l.Kind = "hold"
		if h := res.Hold; h != nil {
			l.Next = v.T("desk.next_hold", h.ReaderName)
			l.Slip = &holdSlip{Title: res.Title, Barcode: res.Item.Barcode, CallNumber: res.Item.CallNumber,
				ReaderName: h.ReaderName, ReaderCard: h.ReaderCard, Phone: maskPhone(h.ReaderPhone),
				Deadline: formatDate(v.Lang, h.PickupDeadline, s.d.TZ)}
		}
	case "repair":
		l.Kind = "warn"
		l.Next = v.T("desk.next_repair")
	default:
		l.Next = v.T("desk.next_shelve", res.Item.CallNumber, s.locationName(ctx, v, res.Item.LocationID))
	}
	if res.Reader != nil {
		l.Notes = append(l.Notes, v.T("desk.returned_by", res.Reader.Name, res.Reader.Card))
	}
	if res.OverdueDays > 0 {
		if l.Kind == "ok" {
			l.Kind = "warn"
		}
		l.Notes = append(l.Notes, v.T("desk.overdue", res.OverdueDays))
		if res.SuspendedTo != "" {
			l.Notes = append(l.Notes, v.T("desk.suspended_to", formatDate(v.Lang, res.SuspendedTo, s.d.TZ)))
		}
	}
	if !res.WasOnLoan {
		l.Notes = append(l.Notes, v.T("desk.not_on_loan"))
	}
	if res.Found {
		l.Notes = append(l.Notes, v.T("desk.found"))
	}
	return l
}

func (s *Server) locationName(ctx context.Context, v *view, id int64) string {
	locs, err := s.d.Catalog.Locations(ctx)
	if err != nil {
		return ""
	}
	for _, l := range locs {
		if l.ID == id {
			return pickName(v.Lang, l.Name, l.NameEn)
		}
	}
	return ""
}

// maskPhone hides the middle of a phone number on a slip anyone can see.
func maskPhone(p string) string {
	r := []rune(p)
	if len(r) < 7 {
		return p
	}
	return string(r[:3]) + "****" + string(r[len(r)-4:])
}

// deskRenew renews one loan.
func (s *Server) deskRenew(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	d := &deskData{Mode: deskMode(r.PostForm.Get("mode")), Card: strings.TrimSpace(r.PostForm.Get("card"))}
	lv, err := s.d.Circulation.Renew(r.Context(), r.PostForm.Get("barcode"), 0)
	line := deskLine{Kind: "ok", At: time.Now()}
	if err != nil {
		if errs.As(err).Kind == errs.KindInternal {
			return err
		}
		line = errorLine(v, err)
	} else {
		line.Barcode = lv.Barcode
		line.What = v.T("desk.renewed", lv.Title, lv.Barcode)
		line.Next = v.T("desk.due", formatDate(v.Lang, lv.DueDate, s.d.TZ))
	}
	d.Lines = []deskLine{line}
	return s.deskAnswer(w, r, v, d)
}

// deskRenewAll renews every loan of the reader being served.
func (s *Server) deskRenewAll(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	d := &deskData{Mode: deskMode(r.PostForm.Get("mode")), Card: strings.TrimSpace(r.PostForm.Get("card"))}
	if d.Card == "" {
		d.Lines = []deskLine{{Kind: "warn", What: v.T("desk.no_reader"), At: time.Now()}}
		return s.deskAnswer(w, r, v, d)
	}
	res, err := s.d.Circulation.RenewAll(r.Context(), d.Card, 0)
	if err != nil {
		if errs.As(err).Kind == errs.KindInternal {
			return err
		}
		d.Lines = []deskLine{errorLine(v, err)}
		return s.deskAnswer(w, r, v, d)
	}
	if len(res) == 0 {
		d.Lines = append(d.Lines, deskLine{Kind: "warn", What: v.T("desk.nothing_to_renew"), At: time.Now()})
	}
	for _, x := range res {
		l := deskLine{Kind: "ok", Barcode: x.Barcode, At: time.Now(), What: v.T("desk.renewed", x.Title, x.Barcode),
			Next: v.T("desk.due", formatDate(v.Lang, x.DueDate, s.d.TZ))}
		if x.Error != "" {
			l = deskLine{Kind: "error", Barcode: x.Barcode, At: time.Now(), What: v.T("desk.renew_failed", x.Title, x.Barcode), Next: renewReason(v, x)}
		}
		d.Lines = append(d.Lines, l)
	}
	return s.deskAnswer(w, r, v, d)
}

// renewReason says in the page's language why a loan was not renewed.
func renewReason(v *view, x circulation.RenewResult) string {
	if v.Lang == langEN {
		if x.ErrorEn != "" {
			return x.ErrorEn
		}
		return v.T("renew.code." + x.Code)
	}
	return x.Error
}

// deskReply is what desk.js gets back: HTML to put in the page.
type deskReply struct {
	OK    bool   `json:"ok"`
	Card  string `json:"card"`
	Mode  string `json:"mode"`
	Lines string `json:"lines"`
	Panel string `json:"panel"`
}

// deskAnswer answers the script with fragments, or a browser without
// JavaScript with the whole desk page.
func (s *Server) deskAnswer(w http.ResponseWriter, r *http.Request, v *view, d *deskData) error {
	if d.Card != "" {
		p, err := s.panel(r.Context(), v, d.Card)
		if err != nil {
			if errs.As(err).Kind == errs.KindInternal {
				return err
			}
			d.Card = ""
		}
		d.Panel = p
	}
	v.Title, v.Nav, v.Data = v.T("desk.title"), "desk", d
	// The language switch must lead to the desk, not to the action posted.
	v.Path, v.Query = "/desk", strings.TrimPrefix(deskURL(d.Mode, d.Card), "/desk?")
	ok := true
	for _, l := range d.Lines {
		ok = ok && l.Kind != "error"
	}
	if !isHTMX(r) {
		s.render(w, r, http.StatusOK, "desk", v)
		return nil
	}
	lines, err := s.partString(v, "desk", "desk-lines")
	if err != nil {
		return err
	}
	panel, err := s.partString(v, "desk", "desk-panel")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(deskReply{OK: ok, Card: d.Card, Mode: d.Mode, Lines: lines, Panel: panel})
}

// partString renders one named template of a page to a string.
func (s *Server) partString(v *view, page, part string) (string, error) {
	var buf bytes.Buffer
	if err := s.views.pages[page][v.Lang].ExecuteTemplate(&buf, part, v); err != nil {
		return "", errs.Internalf("web: render %s/%s: %w", page, part, err)
	}
	return buf.String(), nil
}

// deskURL is the desk's address for a mode and reader.
func deskURL(mode, card string) string {
	q := url.Values{"mode": {mode}}
	if card != "" {
		q.Set("card", card)
	}
	return "/desk?" + q.Encode()
}
