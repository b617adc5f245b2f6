package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/paging"
)

// auditPage is a page of the audit log, newest first, with what each
// entry is about named and linked.
type auditPage struct {
	Rows     []auditRow
	Entities []string
	Filter   auditFilterForm
	Pager    pager
	// ExportQuery is the filter as a query string, for the Excel link.
	ExportQuery string
}

// auditFilterForm is the filter as typed, shown back in the form.
type auditFilterForm struct {
	Entity, Actor, Query, From, To string
}

// auditRow is one entry as people read it.
type auditRow struct {
	audit.Entry
	Actor       string // display name, or the username
	ActorLogin  string // the username when a display name is shown
	Object      string // 书目《红岩》, 读者 张三 R0000001, …
	ObjectLink  string
	ActionLabel string
}

var auditEntities = []string{"login", "record", "item", "reader", "class", "hold", "reading_list", "set", "user", "policy", "rules", "closed_day", "category", "location", "reader_type", "clc", "library", "booking", "space", "room_rules", "activity"}

const auditPageSize = 50

// showAudit lists who changed what, filtered by kind of object, person,
// text and dates, a page at a time.
func (s *Server) showAudit(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	d := auditPage{Entities: auditEntities}
	page := pageParam(q)
	var f audit.Filter
	d.Filter, f = s.auditFilter(v, q)
	f.Offset, f.Limit = paging.Offset(page, auditPageSize), auditPageSize
	d.ExportQuery = r.URL.RawQuery
	status := http.StatusOK
	if len(v.Errors) > 0 {
		status = http.StatusUnprocessableEntity
		d.Pager = newPager(q, "/audit", 1, auditPageSize, 0)
	} else {
		p, err := s.d.AuditPage(r.Context(), f)
		if err != nil {
			return err
		}
		for _, e := range p.Entries {
			d.Rows = append(d.Rows, auditRowOf(v, e, p.Names))
		}
		d.Pager = newPager(q, "/audit", page, auditPageSize, p.Total)
	}
	v.Title, v.Nav, v.Data = v.T("audit.title"), "audit", d
	s.render(w, r, status, "audit", v)
	return nil
}

// auditFilter reads the filter form; a date that is not one is named in
// v.Errors.
func (s *Server) auditFilter(v *view, q url.Values) (auditFilterForm, audit.Filter) {
	form := auditFilterForm{Entity: strings.TrimSpace(q.Get("entity")),
		Actor: strings.TrimSpace(q.Get("actor")), Query: strings.TrimSpace(q.Get("q")), From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	f := audit.Filter{Entity: form.Entity, Actor: form.Actor, Query: form.Query}
	if form.From != "" {
		t, err := time.ParseInLocation(time.DateOnly, form.From, s.d.TZ)
		if err != nil {
			v.Errors["from"] = v.T("audit.bad_date")
		}
		f.From = t
	}
	if form.To != "" {
		t, err := time.ParseInLocation(time.DateOnly, form.To, s.d.TZ)
		if err != nil {
			v.Errors["to"] = v.T("audit.bad_date")
		}
		f.To = t.AddDate(0, 0, 1) // the whole last day
	}
	return form, f
}

// auditRowOf names an entry's actor and object in the page's language.
func auditRowOf(v *view, e audit.Entry, n audit.Names) auditRow {
	row := auditRow{Entry: e, Actor: e.Username}
	if dn := n.Users[e.Username]; e.UserID != 0 && dn != "" && dn != e.Username {
		row.Actor, row.ActorLogin = dn, e.Username
	}
	row.ActionLabel = auditActionLabel(v, e)
	id, numErr := strconv.ParseInt(e.EntityID, 10, 64)
	kind := auditEntityLabel(v, e.Entity)
	switch {
	case e.Entity == "record" && numErr == nil, e.Entity == "item" && e.Action == "create" && numErr == nil:
		row.ObjectLink = "/catalog/records/" + e.EntityID
		if t, ok := n.Records[id]; ok {
			row.Object = v.T("audit.obj.record", t)
		} else {
			row.Object, row.ObjectLink = v.T("audit.obj.gone", v.T("entity.record"), e.EntityID), ""
		}
		if e.Entity == "item" {
			row.Object = v.T("audit.obj.copies_of", row.Object)
		}
	case e.Entity == "item":
		row.ObjectLink = "/catalog/items/" + url.PathEscape(e.EntityID)
		if it, ok := n.Items[e.EntityID]; ok {
			row.Object = v.T("audit.obj.item", e.EntityID, it.Title)
		} else {
			row.Object, row.ObjectLink = v.T("audit.obj.gone", kind, e.EntityID), ""
		}
	case e.Entity == "reader":
		row.ObjectLink = "/readers/" + url.PathEscape(e.EntityID)
		if name, ok := n.Readers[e.EntityID]; ok {
			row.Object = v.T("audit.obj.reader", name, e.EntityID)
		} else {
			row.Object, row.ObjectLink = v.T("audit.obj.gone", kind, e.EntityID), ""
		}
	case e.Entity == "class" && numErr == nil:
		row.ObjectLink = "/classes/" + e.EntityID
		if name, ok := n.Classes[id]; ok {
			row.Object = v.T("audit.obj.class", name)
		} else {
			row.Object, row.ObjectLink = v.T("audit.obj.gone", kind, e.EntityID), ""
		}
	case e.Entity == "reading_list" && numErr == nil:
		row.ObjectLink = "/catalog/lists/" + e.EntityID
		if name, ok := n.Lists[id]; ok {
			row.Object = v.T("audit.obj.list", name)
		} else {
			row.Object, row.ObjectLink = v.T("audit.obj.gone", kind, e.EntityID), ""
		}
	case e.Entity == "user":
		row.Object = v.T("audit.obj.user", e.EntityID)
		if dn := n.Users[e.EntityID]; dn != "" && dn != e.EntityID {
			row.Object = v.T("audit.obj.user_named", dn, e.EntityID)
		}
		if v.Admin() {
			row.ObjectLink = "/settings/users"
		}
	case e.Entity == "policy" || e.Entity == "rules" || e.Entity == "closed_day" || e.Entity == "library":
		row.Object, row.ObjectLink = kind, "/settings"
		if e.Entity == "closed_day" && e.EntityID != "" {
			row.Object = kind + " " + formatDate(v.Lang, e.EntityID, v.s.d.TZ)
		}
	case e.Entity == "set" && numErr == nil:
		row.Object, row.ObjectLink = kind+" "+e.EntityID, "/catalog/sets/"+e.EntityID
	case e.Entity == "booking":
		row.Object, row.ObjectLink = kind+" "+e.EntityID, "/room"
	case e.Entity == "activity":
		row.Object, row.ObjectLink = kind+" "+e.EntityID, "/activities/"+e.EntityID
	case e.Entity == "space" || e.Entity == "room_rules":
		row.Object, row.ObjectLink = kind, "/settings/spaces"
	case e.Entity == "category" || e.Entity == "location" || e.Entity == "reader_type":
		row.Object, row.ObjectLink = kind, "/settings/"+map[string]string{"category": "categories", "location": "locations", "reader_type": "reader-types"}[e.Entity]
	default:
		row.Object = kind
		if e.EntityID != "" {
			row.Object += " " + e.EntityID
		}
	}
	return row
}
