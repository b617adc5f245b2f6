package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/settings"
)

// saveRetention stores how many years of loan history keep the reader's
// name. Shortening it unties older lines for good, so the form asks for
// a tick first; the hourly sweep does the untying.
func (s *Server) saveRetention(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	raw := strings.TrimSpace(v.Form.Get("loan_history_years"))
	years, err := strconv.Atoi(raw)
	if raw == "" {
		years, err = 0, nil
	}
	var ret settings.Retention
	if err == nil {
		ret = settings.Retention{LoanHistoryYears: years}
		err = ret.Validate()
	} else {
		err = errs.Invalid(settings.CodeRetentionInvalid, "loan_history_years", "借阅历史保留年限须是整数年，例如 5；0 表示永久保留", "enter whole years, e.g. 5; 0 keeps everything")
	}
	if err == nil {
		cur, cerr := s.d.Circulation.Retention(r.Context())
		if cerr != nil {
			return cerr
		}
		shorter := years > 0 && (cur.LoanHistoryYears == 0 || years < cur.LoanHistoryYears)
		if shorter && v.Form.Get("confirm") == "" {
			err = errs.Invalid(CodeConfirmMissing, "confirm", "请勾选确认：缩短保留年限后，较早的借阅记录将永久匿名，无法恢复",
				"tick the confirmation: older loan history is anonymised for good")
		}
	}
	if err == nil {
		err = s.d.Circulation.SaveRetention(r.Context(), ret)
	}
	if err != nil {
		if !v.fieldError(err, "loan_history_years", "confirm") {
			return err
		}
		return s.renderSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/settings#retention", v.T("settings.saved"))
}
