package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/duty"
)

// dutyShiftsPage is the shifts and their checklists on the settings page.
type dutyShiftsPage struct {
	Shifts []duty.Shift
	EditID int64 // the shift whose form is being corrected
}

// showDutyShifts lists the shifts with their hours and tasks.
func (s *Server) showDutyShifts(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderDutyShifts(w, r, v, 0, http.StatusOK)
}

func (s *Server) renderDutyShifts(w http.ResponseWriter, r *http.Request, v *view, editID int64, status int) error {
	shifts, err := s.d.Duty.Shifts(r.Context())
	if err != nil {
		return err
	}
	v.Path, v.Query = "/settings/duty", ""
	v.Title, v.Nav, v.Data = v.T("settings.duty"), "settings", dutyShiftsPage{Shifts: shifts, EditID: editID}
	s.render(w, r, status, "duty_shifts", v)
	return nil
}

// saveDutyShift changes one shift.
func (s *Server) saveDutyShift(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	f := v.Form
	sh, err := s.d.Duty.SaveShift(r.Context(), duty.Shift{ID: id, Name: f.Get("name"), Starts: f.Get("starts"), Ends: f.Get("ends"),
		Tasks: strings.Split(strings.ReplaceAll(f.Get("tasks"), "\r\n", "\n"), "\n")})
	if err != nil {
		if !v.fieldError(err, "name", "starts", "ends", "tasks") {
			return err
		}
		return s.renderDutyShifts(w, r, v, id, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/settings/duty#shift-"+strconv.FormatInt(id, 10), v.T("duty.shift_saved", sh.Name))
}
