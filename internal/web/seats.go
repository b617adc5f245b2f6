package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/room"
	"shuwu/internal/seats"
)

// HasSeats reports whether the seat reservation pages exist.
func (v *view) HasSeats() bool { return v.s.d.Seats != nil }

// SeatsOn reports whether seat reservations are switched on, for the
// portal's menu.
func (v *view) SeatsOn() bool {
	if v.s.d.Seats == nil || v.ctx == nil {
		return false
	}
	st, err := v.s.d.Seats.Settings(v.ctx)
	return err == nil && st.Enabled
}

// seatMapPage is the portal's seat map for a slot.
type seatMapPage struct {
	Settings   seats.Settings
	Board      seats.Board
	Mine       *seats.Reservation
	CanReserve bool // the slot is valid and the reader may reserve
	Reader     bool
	Opens      string
	Closes     string
	Today      string
	Last       string // the last day that can be reserved
}

// defaultSlot is the next half hour to two hours later, within sp's
// hours; after closing, tomorrow's first two hours.
func defaultSlot(now time.Time, sp room.Space) (date, from, to string) {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	at := func(hm string) time.Time {
		t, err := time.Parse("15:04", hm)
		if err != nil {
			return day
		}
		return day.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
	}
	opens, closes := at(sp.Opens), at(sp.Closes)
	start := now.Truncate(30 * time.Minute)
	if start.Before(opens) {
		start = opens
	}
	if !start.Before(closes.Add(-15 * time.Minute)) {
		start, closes = opens.AddDate(0, 0, 1), closes.AddDate(0, 0, 1)
	}
	end := start.Add(2 * time.Hour)
	if end.After(closes) {
		end = closes
	}
	return start.Format(time.DateOnly), start.Format("15:04"), end.Format("15:04")
}

var seatFields = []string{"date", "from", "to", "seat"}

func (s *Server) showSeatMap(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	v.Form = url.Values{"date": {q.Get("date")}, "from": {q.Get("from")}, "to": {q.Get("to")}}
	return s.renderSeatMap(w, r, v, http.StatusOK)
}

func (s *Server) renderSeatMap(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	st, sp, _, err := s.d.Seats.Map(ctx)
	if err != nil {
		return err
	}
	now := s.d.Seats.Now()
	d := seatMapPage{Settings: st, Reader: v.Actor.ReaderID != 0, Opens: sp.Opens, Closes: sp.Closes,
		Today: now.Format(time.DateOnly), Last: now.AddDate(0, 0, seats.MaxDaysAhead).Format(time.DateOnly)}
	if !st.Enabled {
		v.Title, v.Nav, v.Data = v.T("seat.map_title"), "seats", d
		s.render(w, r, status, "opac_seats", v)
		return nil
	}
	if v.Form.Get("date") == "" || v.Form.Get("from") == "" || v.Form.Get("to") == "" {
		date, from, to := defaultSlot(now, sp)
		v.Form = url.Values{"date": {date}, "from": {from}, "to": {to}}
	}
	start, end, err := s.d.Seats.Slot(ctx, v.Form.Get("date"), v.Form.Get("from"), v.Form.Get("to"))
	if err != nil {
		if !v.fieldError(err, seatFields...) {
			return err
		}
		if status == http.StatusOK {
			status = http.StatusUnprocessableEntity
		}
		start, end = now, now.Add(time.Minute)
	} else {
		d.CanReserve = st.Enabled
	}
	if d.Board, err = s.d.Seats.Board(ctx, start, end); err != nil {
		return err
	}
	d.Board = d.Board.ForReader(v.Actor.ReaderID)
	if d.Board.BlockedBy != "" {
		d.CanReserve = false
	}
	if d.Reader {
		if d.Mine, err = s.d.Seats.Active(ctx); err != nil {
			return err
		}
	}
	v.Title, v.Nav, v.Data = v.T("seat.map_title"), "seats", d
	s.render(w, r, status, "opac_seats", v)
	return nil
}

func (s *Server) reserveSeat(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	seatID, _ := strconv.ParseInt(r.PostForm.Get("seat"), 10, 64)
	res, err := s.d.Seats.Reserve(r.Context(), seats.Request{SeatID: seatID, Date: v.Form.Get("date"), From: v.Form.Get("from"), To: v.Form.Get("to")})
	if err != nil {
		if !v.fieldError(err, seatFields...) {
			return err
		}
		if v.Errors["seat"] != "" {
			v.Errors[""], v.Errors["seat"] = v.Errors["seat"], ""
		}
		return s.renderSeatMap(w, r, v, http.StatusUnprocessableEntity)
	}
	st, _ := s.d.Seats.Settings(r.Context())
	q := url.Values{"date": {v.Form.Get("date")}, "from": {v.Form.Get("from")}, "to": {v.Form.Get("to")}}
	return s.redirect(w, r, "/opac/seats?"+q.Encode(), v.T("seat.reserved", res.SeatLabel, s.d.Seats.Window(res), st.NoShowMinutes))
}

func (s *Server) cancelMySeat(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, err := s.d.Seats.Cancel(r.Context(), id)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderSeatMap(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/opac/seats", v.T("seat.cancelled", res.SeatLabel))
}

// seatCheckInPage is what the reader's phone opens from the seat's QR code.
type seatCheckInPage struct {
	Seat  seats.Seat
	Code  string
	Mine  *seats.Reservation
	Here  bool // the reader's reservation is of this seat
	Space string
}

func (s *Server) showSeatCheckIn(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSeatCheckIn(w, r, v, r.URL.Query().Get("c"), http.StatusOK)
}

func (s *Server) renderSeatCheckIn(w http.ResponseWriter, r *http.Request, v *view, code string, status int) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	seat, _, err := s.d.Seats.Seat(r.Context(), id)
	if err != nil {
		return err
	}
	d := seatCheckInPage{Seat: seat, Code: code}
	if d.Mine, err = s.d.Seats.Active(r.Context()); err != nil {
		return err
	}
	d.Here = d.Mine != nil && d.Mine.SeatID == seat.ID
	v.Title, v.Nav, v.Data = v.T("seat.checkin_title", seat.Label), "seats", d
	s.render(w, r, status, "opac_seat_checkin", v)
	return nil
}

func (s *Server) seatCheckIn(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	code := r.PostForm.Get("c")
	in, err := s.d.Seats.CheckIn(r.Context(), id, code)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderSeatCheckIn(w, r, v, code, http.StatusUnprocessableEntity)
	}
	msg := v.T("seat.checked_in", in.SeatLabel, hm(in.CheckedInAt, s.d.TZ), hm(in.End, s.d.TZ))
	if in.Already {
		msg = v.T("seat.checked_in_before", in.SeatLabel, hm(in.CheckedInAt, s.d.TZ))
	}
	return s.redirect(w, r, seats.CheckInPath(id, code), msg)
}

// seatBoardPage is the desk's board of today's seats.
type seatBoardPage struct {
	Settings seats.Settings
	Board    seats.Board
	Today    []seats.Reservation
	Now      time.Time
	Counts   map[seats.Status]int
}

func (s *Server) showSeatBoard(w http.ResponseWriter, r *http.Request, v *view) error {
	ctx := r.Context()
	now := s.d.Seats.Now()
	st, err := s.d.Seats.Settings(ctx)
	if err != nil {
		return err
	}
	d := seatBoardPage{Settings: st, Now: now, Counts: map[seats.Status]int{}}
	if d.Board, err = s.d.Seats.Board(ctx, now, now.Add(time.Minute)); err != nil {
		return err
	}
	if d.Today, err = s.d.Seats.Today(ctx); err != nil {
		return err
	}
	for _, r := range d.Today {
		d.Counts[r.Status]++
	}
	v.Title, v.Nav, v.Data = v.T("seat.board_title"), "seats", d
	s.render(w, r, http.StatusOK, "seats", v)
	return nil
}

// deskSeatStep checks in or releases a reservation from the desk's board.
func (s *Server) deskSeatStep(release bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var res seats.Reservation
		key := "seat.desk_checked_in"
		if release {
			res, err = s.d.Seats.DeskRelease(r.Context(), id)
			key = "seat.desk_released"
		} else {
			res, err = s.d.Seats.DeskCheckIn(r.Context(), id)
		}
		if err != nil {
			e := errs.As(err)
			if e.Kind == errs.KindForbidden || e.Kind == errs.KindInternal {
				return err
			}
			return s.redirect(w, r, "/seats", e.Localized(short(v.Lang)))
		}
		return s.redirect(w, r, "/seats", v.T(key, res.SeatLabel, res.ReaderName))
	}
}

// seatSettingsPage is the librarian's seat map editor.
type seatSettingsPage struct {
	Settings seats.Settings
	Space    room.Space
	Spaces   []room.Space
	Tables   []seats.Table
	EditID   int64 // the table whose form has an error; -1 the new one
	Grid     int
	MaxSeats int
	Seats    int
	Cols     int
}

func (s *Server) showSeatSettings(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSeatSettings(w, r, v, http.StatusOK)
}

func (s *Server) renderSeatSettings(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	st, sp, tables, err := s.d.Seats.Map(ctx)
	if err != nil {
		return err
	}
	d := seatSettingsPage{Settings: st, Space: sp, Tables: tables, Grid: seats.GridSize, MaxSeats: seats.MaxSeats}
	for _, t := range tables {
		d.Seats += len(t.Seats)
		d.Cols = max(d.Cols, t.Col)
	}
	if d.Spaces, err = s.d.Room.Spaces(ctx); err != nil {
		return err
	}
	if id := v.Form.Get("table_id"); id != "" {
		d.EditID, _ = strconv.ParseInt(id, 10, 64)
	}
	v.Path, v.Query = "/settings/seats", ""
	v.Title, v.Nav, v.Data = v.T("seat.settings_title"), "settings", d
	s.render(w, r, status, "seat_settings", v)
	return nil
}

func (s *Server) saveSeatSettings(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	n, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("no_show")))
	if err != nil {
		err = errs.Invalid(seats.CodeSeatSettingsInvalid, "no_show", "超时释放应填分钟数，如 15", "give the minutes, e.g. 15")
	} else {
		sp, _ := strconv.ParseInt(r.PostForm.Get("space"), 10, 64)
		_, err = s.d.Seats.SaveSettings(r.Context(), seats.Settings{Enabled: r.PostForm.Get("enabled") == "1", NoShowMinutes: n, SpaceID: sp})
	}
	if err != nil {
		if !v.fieldError(err, "no_show", "space") {
			return err
		}
		return s.renderSeatSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/settings/seats", v.T("seat.settings_saved"))
}

func (s *Server) saveSeatTable(w http.ResponseWriter, r *http.Request, v *view) error {
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r, "id"); err != nil {
			return err
		}
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	v.Form.Set("table_id", strconv.FormatInt(id, 10))
	if id == 0 {
		v.Form.Set("table_id", "-1")
	}
	num := func(field string) int {
		n, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get(field)))
		if err != nil {
			return -1
		}
		return n
	}
	t, err := s.d.Seats.SaveTable(r.Context(), seats.TableDraft{ID: id, Name: r.PostForm.Get("name"), Row: num("row"), Col: num("col"), Seats: num("seats")})
	if err != nil {
		if !v.fieldError(err, "name", "row", "col", "seats") {
			return err
		}
		return s.renderSeatSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/settings/seats", v.T("seat.table_saved", t.Name, len(t.Seats)))
}

func (s *Server) removeSeatTable(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.d.Seats.RemoveTable(r.Context(), id)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderSeatSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/settings/seats", v.T("seat.table_removed", t.Name))
}

// seatSticker is one seat's QR sticker on the print sheet.
type seatSticker struct {
	Label string
	QR    template.HTML
	URL   string
}

// printSeatCodes is the sheet of QR stickers for the seats, to cut out
// and stick on each chair or table place.
func (s *Server) printSeatCodes(w http.ResponseWriter, r *http.Request, v *view) error {
	_, sp, tables, err := s.d.Seats.Map(r.Context())
	if err != nil {
		return err
	}
	var out []seatSticker
	for _, t := range tables {
		for _, seat := range t.Seats {
			u := s.absolute(r, seats.CheckInPath(seat.ID, seat.Code))
			qr, err := qrSVG(u, seat.Label)
			if err != nil {
				return err
			}
			out = append(out, seatSticker{Label: seat.Label, QR: qr, URL: u})
		}
	}
	v.Title, v.Nav, v.Data = v.T("seat.qr_title", sp.Name), "settings", out
	s.render(w, r, http.StatusOK, "seat_codes", v)
	return nil
}
