package web

import (
	"context"
	"net/url"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/settings"
)

// view is what every template gets: the language, the person, the form
// being edited with its field errors, and the page's own data.
type view struct {
	Lang     string
	Path     string
	Query    string
	Title    string
	Nav      string // which menu entry is current
	Actor    audit.Actor
	LoggedIn bool
	Flash    string
	Errors   map[string]string // field → message
	Form     url.Values
	Data     any

	token string
	s     *Server
	// ctx is the request's context, for what templates look up lazily.
	ctx         context.Context
	institution string
}

// StorageFailing reports, for the staff's pages, that the disk is full or
// read-only: every page says so until writes work again.
func (v *view) StorageFailing() bool {
	return v.Account() && v.s.d.StorageOK != nil && !v.s.d.StorageOK()
}

// T translates key into the page's language.
func (v *view) T(key string, args ...any) string { return v.s.cat.T(v.Lang, key, args...) }

// Err is the error message of a form field, "" when it is fine.
func (v *view) Err(field string) string { return v.Errors[field] }

// Val is the value typed in a form field.
func (v *view) Val(field string) string { return v.Form.Get(field) }

// Account reports whether a staff account is logged in: desk staff,
// organisers or leadership (the staff look of the pages).
func (v *view) Account() bool { return v.LoggedIn && v.Actor.IsStaff() }

// Staff reports whether someone who works the desk is logged in.
func (v *view) Staff() bool { return v.LoggedIn && v.Actor.AtDesk() }

// Organiser reports whether an organiser (组织者) is logged in: a Party
// branch, class branch or study group that books the room.
func (v *view) Organiser() bool { return v.LoggedIn && v.Actor.Role == audit.RoleOrganiser }

// Leadership reports whether a leadership (领导) account is logged in:
// read-only dashboards, reports and visit records.
func (v *view) Leadership() bool { return v.LoggedIn && v.Actor.Role == audit.RoleLeadership }

// Reader reports whether a reader is logged in.
func (v *view) Reader() bool { return v.LoggedIn && v.Actor.Role == audit.RoleReader }

// Librarian reports whether the person may edit the catalogue and rules.
func (v *view) Librarian() bool {
	return v.LoggedIn && (v.Actor.Role == audit.RoleAdmin || v.Actor.Role == audit.RoleLibrarian)
}

// Admin reports whether the person is a system administrator.
func (v *view) Admin() bool { return v.LoggedIn && v.Actor.Role == audit.RoleAdmin }

// OtherLang is the language the switch in the header offers.
func (v *view) OtherLang() string {
	if v.Lang == langEN {
		return langZH
	}
	return langEN
}

// LangURL is the current page in the other language.
func (v *view) LangURL() string {
	q, _ := url.ParseQuery(v.Query)
	q.Set("lang", v.OtherLang())
	return v.Path + "?" + q.Encode()
}

// HTMLLang is the value of the html element's lang attribute.
func (v *view) HTMLLang() string { return v.Lang }

// fieldError puts a domain error on its field, or on the form as a whole
// ("" key) when it names none. It reports whether err was a person's
// mistake the form can show; anything else the caller must return.
func (v *view) fieldError(err error, known ...string) bool {
	e := errs.As(err)
	if e.Kind != errs.KindInvalid && e.Kind != errs.KindConflict && e.Kind != errs.KindNotFound && e.Kind != errs.KindTooLarge {
		return false
	}
	field := ""
	for _, k := range known {
		if k == e.Field {
			field = k
		}
	}
	v.Errors[field] = e.Localized(short(v.Lang))
	return true
}

// HasTerminals reports whether the self-service machines page exists.
func (v *view) HasTerminals() bool { return v.s.d.SelfCheck != nil }

// HasRoom reports whether the reading room's pages exist.
func (v *view) HasRoom() bool { return v.s.d.Room != nil }

// HasStocktake reports whether the stocktake pages exist.
func (v *view) HasStocktake() bool { return v.s.d.Stocktake != nil }

// HasLabels reports whether the label and card printing pages exist.
func (v *view) HasLabels() bool { return v.s.d.Labels != nil }

// HasDuty reports whether the duty roster and regulations pages exist.
func (v *view) HasDuty() bool { return v.s.d.Duty != nil }

// HasActivities reports whether the activities pages exist.
func (v *view) HasActivities() bool { return v.s.d.Activities != nil && v.s.d.Room != nil }

// HasCopyCat reports whether the copy-cataloguing pages exist.
func (v *view) HasCopyCat() bool { return v.s.d.CopyTargets != nil && v.s.d.CopyCat != nil }

// HasAudit reports whether the audit log page exists.
func (v *view) HasAudit() bool { return v.s.d.AuditPage != nil }

// HasPeriodicals reports whether the periodicals pages exist.
func (v *view) HasPeriodicals() bool { return v.s.d.Periodicals != nil }

// HasDonations reports whether the collection-building pages exist.
func (v *view) HasDonations() bool { return v.s.d.Donations != nil }

// HasTransfer reports whether the import and export pages exist.
func (v *view) HasTransfer() bool { return v.s.d.Transfer != nil && v.s.d.Jobs != nil }

// Institution is the library's name in the page's language (本馆名称
// setting); the default name if it cannot be read, so a page never fails
// for its title.
func (v *view) Institution() string {
	if v.institution == "" {
		v.institution = settings.DefaultInstitution
		if l, err := v.s.d.Circulation.Library(v.ctx); err == nil {
			v.institution = pickName(v.Lang, l.Name, l.NameEn)
		} else {
			v.s.d.Log.Warn("web: read library name", "err", err)
		}
	}
	return v.institution
}

// HasVisits reports whether entry registration's pages exist.
func (v *view) HasVisits() bool { return v.s.d.Visits != nil }

// HasAssets reports whether the equipment register's pages exist.
func (v *view) HasAssets() bool { return v.s.d.Assets != nil }

// HasReceptions reports whether the reception record's pages exist.
func (v *view) HasReceptions() bool { return v.s.d.Receptions != nil }

// HasDisplays reports whether the themed displays' pages exist.
func (v *view) HasDisplays() bool { return v.s.d.Displays != nil }

// HasStats reports whether the statistics dashboards exist.
func (v *view) HasStats() bool { return v.s.d.Stats != nil }
