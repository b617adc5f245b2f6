package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/room"
)

// spacesPage is the room's areas as the librarian configures them, and
// whether organisers' bookings need approval.
type spacesPage struct {
	Spaces   []room.Space
	Rules    room.Rules
	EditID   int64 // the space whose form has an error
	TotalCap int
}

// showSpaces lists the areas with their seats and hours.
func (s *Server) showSpaces(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSpaces(w, r, v, http.StatusOK)
}

func (s *Server) renderSpaces(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	spaces, err := s.d.Room.Spaces(r.Context())
	if err != nil {
		return err
	}
	rules, err := s.d.Room.Rules(r.Context())
	if err != nil {
		return err
	}
	d := spacesPage{Spaces: spaces, Rules: rules}
	d.EditID, _ = strconv.ParseInt(v.Form.Get("space_id"), 10, 64)
	v.Path, v.Query = "/settings/spaces", ""
	v.Title, v.Nav, v.Data = v.T("settings.spaces"), "settings", d
	s.render(w, r, status, "spaces", v)
	return nil
}

// saveSpace stores one area's name, seats, hours and bookability.
func (s *Server) saveSpace(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	v.Form.Set("space_id", strconv.FormatInt(id, 10))
	fail := func(err error) error {
		if !v.fieldError(err, "name", "capacity", "opens", "closes") {
			return err
		}
		return s.renderSpaces(w, r, v, http.StatusUnprocessableEntity)
	}
	capacity, err := strconv.Atoi(strings.TrimSpace(v.Form.Get("capacity")))
	if err != nil {
		return fail(errs.Invalid(room.CodeSpaceInvalid, "capacity", "座位数应填一个数字，如 24", "seats must be a number such as 24"))
	}
	sp, err := s.d.Room.SaveSpace(r.Context(), room.Space{ID: id, Name: v.Form.Get("name"), Capacity: capacity,
		Opens: v.Form.Get("opens"), Closes: v.Form.Get("closes"), Bookable: v.Form.Get("bookable") == "1"})
	if err != nil {
		return fail(err)
	}
	return s.redirect(w, r, "/settings/spaces", v.T("spaces.saved", sp.Name))
}

// saveRoomRules turns the librarian's approval of bookings on or off.
func (s *Server) saveRoomRules(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	if err := s.d.Room.SaveRules(r.Context(), room.Rules{ApprovalRequired: r.PostForm.Get("approval") == "1"}); err != nil {
		return err
	}
	return s.redirect(w, r, "/settings/spaces", v.T("spaces.rules_saved"))
}

// roomOpen is the public page of the room: its areas with seats and
// hours, and the times it is closed to walk-in reading.
type roomOpen struct {
	Spaces   []room.Space
	Closures []room.Booking
	Seats    int
	Now      time.Time
}

// closureWindow is how far ahead the portal names closures.
const closureWindow = 14 * 24 * time.Hour

// showRoomOpen is 开放信息: when the room is open and when a booking of the
// whole room closes it to walk-in reading.
func (s *Server) showRoomOpen(w http.ResponseWriter, r *http.Request, v *view) error {
	spaces, err := s.d.Room.Spaces(r.Context())
	if err != nil {
		return err
	}
	now := s.d.Room.Now()
	cl, err := s.d.Room.Closures(r.Context(), now, now.Add(closureWindow))
	if err != nil {
		return err
	}
	d := roomOpen{Closures: cl, Now: now}
	for _, sp := range spaces {
		if sp.WholeRoom {
			d.Seats = sp.Capacity
		}
		if !sp.WholeRoom && sp.Capacity > 0 {
			d.Spaces = append(d.Spaces, sp)
		}
	}
	v.Title, v.Nav, v.Data = v.T("roomopen.title"), "roomopen", d
	s.render(w, r, http.StatusOK, "room_open", v)
	return nil
}

// roomNotice is the portal's notice of the room closed to walk-in
// reading: the closure going on now, if any, and those within the week.
type roomNotice struct {
	Now      *room.Booking
	Closures []room.Booking
}

// portalNotice finds the whole-room closures of the coming week; nil when
// there are none (or no room service).
func (s *Server) portalNotice(r *http.Request) *roomNotice {
	if s.d.Room == nil {
		return nil
	}
	now := s.d.Room.Now()
	cl, err := s.d.Room.Closures(r.Context(), now, now.Add(7*24*time.Hour))
	if err != nil {
		s.d.Log.Warn("room: closures for the portal", "err", err)
		return nil
	}
	if len(cl) == 0 {
		return nil
	}
	n := &roomNotice{Closures: cl}
	if !cl[0].Start.After(now) {
		n.Now = &cl[0]
	}
	return n
}
