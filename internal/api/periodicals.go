package api

import (
	"net/http"
	"strconv"

	"shuwu/internal/periodicals"
)

type subscriptionReply struct {
	Subscription periodicals.Subscription `json:"subscription"`
	Issues       []periodicals.Issue      `json:"issues"`
}

type endRequest struct {
	Date string `json:"date"` // YYYY-MM-DD, within the subscription's year
}

type scanRequest struct {
	Code string `json:"code"`
}

type checkinReply struct {
	Subscription periodicals.Subscription `json:"subscription"`
	Issue        periodicals.Issue        `json:"issue"`
}

// periodicalRoutes are subscriptions, check-in, claims and the rack.
func (s *Server) periodicalRoutes() []Route {
	if s.Periodicals == nil {
		return nil
	}
	G, P, U, D := http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete
	return []Route{
		{U, "/api/v1/subscriptions/{id}", librarian, "修改订阅（改出版周期时今后未到的期次重新生成；年度、起订日期不变）/ correct a subscription; a new frequency regenerates the issues to come", periodicals.Subscription{}, periodicals.Subscription{}, nil, s.updateSubscription},
		{D, "/api/v1/subscriptions/{id}", librarian, "删除订阅（已有期次记到的不能删除，请结束订阅）/ delete a subscription with no issue in", nil, nil, nil, s.deleteSubscription},
		{P, "/api/v1/subscriptions/{id}/end", librarian, "结束订阅（此后各期不再应到）/ end a subscription on a day", endRequest{}, periodicals.Subscription{}, nil, s.endSubscription},
		{G, "/api/v1/subscriptions", staff, "报刊订阅 / a year's subscriptions", nil, []periodicals.Subscription{}, []Param{{"year", "订阅年度 / year", "integer"}}, s.listSubscriptions},
		{P, "/api/v1/subscriptions", librarian, "新增订阅并生成各期 / subscribe, listing the year's issues", periodicals.Subscription{}, periodicals.Subscription{}, nil, s.createSubscription},
		{G, "/api/v1/subscriptions/{id}", staff, "订阅及各期 / a subscription with its issues", nil, subscriptionReply{}, nil, s.getSubscription},
		{P, "/api/v1/periodicals/scan", staff, "按条码、ISSN 或刊号记到 / check in by barcode, ISSN or CN number", scanRequest{}, checkinReply{}, nil, s.scanCheckIn},
		{P, "/api/v1/issues/{id}/checkin", staff, "记到一期 / check an issue in", nil, checkinReply{}, nil, s.checkInIssue},
		{P, "/api/v1/issues/{id}/claim", staff, "登记催缺 / record a claim", nil, periodicals.Issue{}, nil, s.claimIssue},
		{G, "/api/v1/issues/late", staff, "缺期待催 / late issues", nil, []periodicals.Issue{}, nil, s.lateIssues},
		{G, "/api/v1/reading-rack", public, "现刊阅览（各刊最新一期）/ the latest issue of each title", nil, []periodicals.Subscription{}, nil, s.readingRack},
	}
}

func (s *Server) listSubscriptions(w http.ResponseWriter, r *http.Request) error {
	year := s.Periodicals.ThisYear()
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil {
		year = y
	}
	out, err := s.Periodicals.Subscriptions(r.Context(), year)
	return reply(w, out, err)
}

func (s *Server) createSubscription(w http.ResponseWriter, r *http.Request) error {
	var in periodicals.Subscription
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Periodicals.Subscribe(r.Context(), in)
	return replyCreated(w, r, out, err)
}

func (s *Server) getSubscription(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sub, issues, err := s.Periodicals.Issues(r.Context(), id)
	return reply(w, subscriptionReply{Subscription: sub, Issues: issues}, err)
}

func (s *Server) scanCheckIn(w http.ResponseWriter, r *http.Request) error {
	var in scanRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	sub, is, err := s.Periodicals.CheckInScan(r.Context(), in.Code)
	return reply(w, checkinReply{Subscription: sub, Issue: is}, err)
}

func (s *Server) checkInIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sub, is, err := s.Periodicals.CheckIn(r.Context(), id)
	return reply(w, checkinReply{Subscription: sub, Issue: is}, err)
}

func (s *Server) claimIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	is, err := s.Periodicals.Claim(r.Context(), id)
	return reply(w, is, err)
}

func (s *Server) lateIssues(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Periodicals.LateIssues(r.Context())
	return reply(w, out, err)
}

func (s *Server) readingRack(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Periodicals.Rack(r.Context())
	return reply(w, out, err)
}

func (s *Server) updateSubscription(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in periodicals.Subscription
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = id
	out, err := s.Periodicals.Update(r.Context(), in)
	return reply(w, out, err)
}

func (s *Server) deleteSubscription(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.Periodicals.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) endSubscription(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in endRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Periodicals.End(r.Context(), id, in.Date)
	return reply(w, out, err)
}
