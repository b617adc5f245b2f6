package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/acquisitions"
)

// Readers' purchase suggestions (荐购): the form and the answers in the
// portal, and the librarian's list with accept (onto a draft order) and
// reject (with the reason the reader reads).

// mySuggestionsPage is a reader's suggestions and the form.
type mySuggestionsPage struct {
	Suggestions []acquisitions.Suggestion
}

func (s *Server) showMySuggestions(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderMySuggestions(w, r, v, http.StatusOK)
}

func (s *Server) renderMySuggestions(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	list, err := s.d.Acquisitions.Suggestions(r.Context(), acquisitions.SuggestionFilter{ReaderID: v.Actor.ReaderID, Limit: 100})
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("suggest.title"), "my", mySuggestionsPage{Suggestions: list}
	s.render(w, r, status, "my_suggestions", v)
	return nil
}

// suggest records the reader's suggestion.
func (s *Server) suggest(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	sg, err := s.d.Acquisitions.Suggest(r.Context(), v.Actor.ReaderID, acquisitions.Suggestion{Title: v.Val("title"), Author: v.Val("author"), ISBN: v.Val("isbn"), Reason: v.Val("reason")})
	if err != nil {
		if !v.fieldError(err, "title", "author", "isbn", "reason") {
			return err
		}
		return s.renderMySuggestions(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/my/suggestions", v.T("suggest.sent", sg.Title))
}

// suggestionsPage is the librarian's list of suggestions.
type suggestionsPage struct {
	Suggestions []acquisitions.Suggestion
	Status      string
	Statuses    []acquisitions.SuggestionStatus
	Drafts      []acquisitions.Order
	Funds       []acquisitions.Fund
	// Failed is the suggestion whose decision was refused (its form
	// shows the error).
	Failed int64
	// FailedShown is true when that suggestion is on the list (else the
	// error is said at the top).
	FailedShown bool
}

func (s *Server) showSuggestions(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSuggestions(w, r, v, 0, http.StatusOK)
}

func (s *Server) renderSuggestions(w http.ResponseWriter, r *http.Request, v *view, failed int64, status int) error {
	ctx := r.Context()
	st := acquisitions.SuggestionStatus(r.URL.Query().Get("status"))
	if r.URL.Query().Get("status") == "" {
		st = acquisitions.SuggestionPending
	}
	if st == "all" || !st.Valid() {
		st = ""
	}
	d := suggestionsPage{Status: string(st), Statuses: []acquisitions.SuggestionStatus{acquisitions.SuggestionPending, acquisitions.SuggestionAccepted, acquisitions.SuggestionRejected}, Failed: failed}
	var err error
	if d.Suggestions, err = s.d.Acquisitions.Suggestions(ctx, acquisitions.SuggestionFilter{Status: st}); err != nil {
		return err
	}
	for _, sg := range d.Suggestions {
		if sg.ID == failed && sg.Status == acquisitions.SuggestionPending {
			d.FailedShown = true
		}
	}
	if d.Drafts, err = s.d.Acquisitions.Orders(ctx, acquisitions.OrderFilter{Status: acquisitions.StatusDraft}); err != nil {
		return err
	}
	if d.Funds, err = s.d.Acquisitions.Funds(ctx, s.d.Acquisitions.ThisYear()); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("suggest.staff_title"), "acq", d
	s.render(w, r, status, "acq_suggestions", v)
	return nil
}

// decideSuggestion accepts a suggestion onto a draft order, or rejects it.
func (s *Server) decideSuggestion(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	var sg acquisitions.Suggestion
	switch v.Val("decision") {
	case "reject":
		sg, err = s.d.Acquisitions.Reject(r.Context(), id, v.Val("answer"))
	default:
		order, _ := strconv.ParseInt(v.Val("order_id"), 10, 64)
		in := acquisitions.NewLine{CLC: v.Val("clc")}
		in.FundID, _ = strconv.ParseInt(v.Val("fund_id"), 10, 64)
		if n, e := strconv.Atoi(strings.TrimSpace(v.Val("copies"))); e == nil {
			in.Copies = n
		} else {
			v.Errors["copies"] = v.T("order.copies_invalid", acquisitions.MaxCopies)
		}
		var ok bool
		if in.ListPriceFen, ok = parseYuan(v.Val("price")); !ok {
			v.Errors["price"] = v.T("form.price")
		}
		if in.Discount, ok = discountInput(v.Val("discount")); !ok {
			v.Errors["discount"] = v.T("order.discount_invalid")
		}
		if len(v.Errors) > 0 {
			return s.renderSuggestions(w, r, v, id, http.StatusUnprocessableEntity)
		}
		sg, _, err = s.d.Acquisitions.Accept(r.Context(), id, order, in, v.Val("answer"))
	}
	if err != nil {
		if !v.fieldError(err, "order_id", "copies", "price", "discount", "fund_id", "answer", "clc") {
			return err
		}
		return s.renderSuggestions(w, r, v, id, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/acquisitions/suggestions", v.T("suggest.decided", sg.Title, sg.Status.Label(short(v.Lang))))
}

// acqHome is what the librarian's home says of acquisitions.
type acqHome struct {
	Suggestions int // awaiting an answer
	Late        int // lines to claim
	Receivable  int // orders sent or partly received
}

// Any reports whether there is something to say.
func (a acqHome) Any() bool { return a.Suggestions+a.Late+a.Receivable > 0 }

func (s *Server) acqHome(ctx context.Context) (*acqHome, error) {
	var h acqHome
	sgs, err := s.d.Acquisitions.Suggestions(ctx, acquisitions.SuggestionFilter{Status: acquisitions.SuggestionPending})
	if err != nil {
		return nil, err
	}
	late, err := s.d.Acquisitions.LateLines(ctx, 0)
	if err != nil {
		return nil, err
	}
	for _, st := range []acquisitions.Status{acquisitions.StatusSent, acquisitions.StatusPartly} {
		os, err := s.d.Acquisitions.Orders(ctx, acquisitions.OrderFilter{Status: st})
		if err != nil {
			return nil, err
		}
		h.Receivable += len(os)
	}
	h.Suggestions, h.Late = len(sgs), len(late)
	return &h, nil
}
