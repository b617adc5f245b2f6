package api

import (
	"net/http"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/ledger"
	"shuwu/internal/settings"
)

type checkoutRequest struct {
	Reader string `json:"reader"` // card number
	Item   string `json:"item"`   // barcode
}

type checkinRequest struct {
	Item    string `json:"item"`
	Damaged bool   `json:"damaged"`
}

type renewRequest struct {
	Item string `json:"item"`
}

type renewAllRequest struct {
	Reader string `json:"reader"`
}

type holdRequest struct {
	Reader string `json:"reader"` // card; a reader may leave it empty for themselves
	Record int64  `json:"record,omitempty"`
	Set    int64  `json:"set,omitempty"` // an any-volume hold (任一卷) on a set instead of a record
}

type inRoomRequest struct {
	Item   string `json:"item"`
	Reader string `json:"reader,omitempty"`
}

func required(v, field, zh, en string) error {
	if strings.TrimSpace(v) == "" {
		return errs.Invalid(CodeFieldRequired, field, zh, en)
	}
	return nil
}

func (s *Server) checkout(w http.ResponseWriter, r *http.Request) error {
	var req checkoutRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := required(req.Reader, "reader", "请提供读者证号", "reader card is required"); err != nil {
		return err
	}
	if err := required(req.Item, "item", "请提供图书条码", "item barcode is required"); err != nil {
		return err
	}
	out, err := s.Circulation.Checkout(r.Context(), req.Reader, req.Item)
	return replyCreated(w, r, out, err)
}

func (s *Server) checkin(w http.ResponseWriter, r *http.Request) error {
	var req checkinRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := required(req.Item, "item", "请提供图书条码", "item barcode is required"); err != nil {
		return err
	}
	out, err := s.Circulation.Checkin(r.Context(), req.Item, req.Damaged)
	return reply(w, out, err)
}

// onlyReader restricts a reader to their own loans and holds; staff act
// for anyone.
func onlyReader(r *http.Request) int64 {
	if a := actor(r); a.Role == audit.RoleReader {
		return a.ReaderID
	}
	return 0
}

func (s *Server) renew(w http.ResponseWriter, r *http.Request) error {
	var req renewRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := required(req.Item, "item", "请提供图书条码", "item barcode is required"); err != nil {
		return err
	}
	out, err := s.Circulation.Renew(r.Context(), req.Item, onlyReader(r))
	return reply(w, out, err)
}

// cardFor returns the card a request acts on: the given one for staff, the
// reader's own otherwise.
func (s *Server) cardFor(r *http.Request, card string) (string, error) {
	a := actor(r)
	if a.Role != audit.RoleReader {
		if err := required(card, "reader", "请提供读者证号", "reader card is required"); err != nil {
			return "", err
		}
		return card, nil
	}
	me, err := s.Readers.ByID(r.Context(), a.ReaderID)
	if err != nil {
		return "", err
	}
	if card != "" && card != me.Card {
		return "", errs.New(errs.KindForbidden, httpx.CodeForbidden, "读者只能为自己办理", "readers can act only for themselves")
	}
	return me.Card, nil
}

func (s *Server) renewAll(w http.ResponseWriter, r *http.Request) error {
	var req renewAllRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	card, err := s.cardFor(r, req.Reader)
	if err != nil {
		return err
	}
	out, err := s.Circulation.RenewAll(r.Context(), card, onlyReader(r))
	return reply(w, out, err)
}

func (s *Server) placeHold(w http.ResponseWriter, r *http.Request) error {
	var req holdRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	card, err := s.cardFor(r, req.Reader)
	if err != nil {
		return err
	}
	if req.Set > 0 && req.Record > 0 {
		return errs.Invalid(CodeFieldConflict, "set", "请只提供书目编号或套书编号之一", "give either a record or a set, not both")
	}
	if req.Set > 0 {
		out, err := s.Circulation.PlaceSetHold(r.Context(), card, req.Set)
		return replyCreated(w, r, out, err)
	}
	if req.Record <= 0 {
		return errs.Invalid(CodeFieldRequired, "record", "请提供书目编号", "record id is required")
	}
	out, err := s.Circulation.PlaceHold(r.Context(), card, req.Record)
	return replyCreated(w, r, out, err)
}

func (s *Server) cancelHold(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Circulation.CancelHold(r.Context(), id, onlyReader(r)))
}

func (s *Server) expireHolds(w http.ResponseWriter, r *http.Request) error {
	n, err := s.Circulation.ExpireHolds(r.Context())
	return reply(w, map[string]int{"expired": n}, err)
}

func (s *Server) inRoom(w http.ResponseWriter, r *http.Request) error {
	var req inRoomRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := required(req.Item, "item", "请提供图书条码", "item barcode is required"); err != nil {
		return err
	}
	return noContent(w, s.Circulation.InRoomUse(r.Context(), req.Item, req.Reader))
}

func (s *Server) ledger(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	loc := s.Circulation.Location()
	from, err := parseDay(q.Get("from"), "from", loc)
	if err != nil {
		return err
	}
	to, err := parseDay(q.Get("to"), "to", loc)
	if err != nil {
		return err
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	limit, err := intParam(q.Get("limit"), "limit", 100)
	if err != nil {
		return err
	}
	before, err := intParam(q.Get("before"), "before", 0)
	if err != nil {
		return err
	}
	f := ledger.Filter{From: from, To: to, Limit: int(limit), BeforeID: before}
	if k := q.Get("kind"); k != "" {
		for _, kind := range strings.Split(k, ",") {
			f.Kinds = append(f.Kinds, ledger.Kind(strings.TrimSpace(kind)))
		}
	}
	out, err := s.Circulation.Ledger(r.Context(), f)
	return reply(w, out, err)
}

func (s *Server) listPolicies(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Circulation.Policies(r.Context())
	return reply(w, out, err)
}

func (s *Server) savePolicy(w http.ResponseWriter, r *http.Request) error {
	var p circulation.Policy
	if err := decode(w, r, &p); err != nil {
		return err
	}
	if err := idFromPath(r, &p.ID); err != nil {
		return err
	}
	out, err := s.Circulation.SavePolicy(r.Context(), p)
	return replyCreated(w, r, out, err)
}

func (s *Server) deletePolicy(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Circulation.DeletePolicy(r.Context(), id))
}

func (s *Server) listClosedDays(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Circulation.ClosedDays(r.Context())
	return reply(w, out, err)
}

func (s *Server) saveClosedDay(w http.ResponseWriter, r *http.Request) error {
	var d circulation.ClosedDay
	if err := decode(w, r, &d); err != nil {
		return err
	}
	return noContent(w, s.Circulation.SaveClosedDay(r.Context(), d))
}

func (s *Server) deleteClosedDay(w http.ResponseWriter, r *http.Request) error {
	if _, err := time.Parse(time.DateOnly, r.PathValue("date")); err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "date", "日期格式应为 2024-05-01", "dates look like 2024-05-01")
	}
	return noContent(w, s.Circulation.DeleteClosedDay(r.Context(), r.PathValue("date")))
}

func (s *Server) getRules(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Circulation.Rules(r.Context())
	return reply(w, out, err)
}

func (s *Server) saveRules(w http.ResponseWriter, r *http.Request) error {
	var rules settings.Rules
	if err := decode(w, r, &rules); err != nil {
		return err
	}
	if err := s.Circulation.SaveRules(r.Context(), rules); err != nil {
		return err
	}
	return reply(w, rules, nil)
}
