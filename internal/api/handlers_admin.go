package api

import (
	"net/http"

	"shuwu/internal/audit"
)

type userRequest struct {
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Role        audit.Role `json:"role"`
	Password    string     `json:"password,omitempty"`
	Disabled    bool       `json:"disabled"`
}

func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Auth.Users(r.Context())
	return reply(w, out, err)
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request) error {
	var req userRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	out, err := s.Auth.CreateUser(r.Context(), req.Username, req.DisplayName, req.Role, req.Password)
	return replyCreated(w, r, out, err)
}

func (s *Server) updateUser(w http.ResponseWriter, r *http.Request) error {
	var req userRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	out, err := s.Auth.UpdateUser(r.Context(), r.PathValue("username"), req.DisplayName, req.Role, req.Disabled)
	return reply(w, out, err)
}

func (s *Server) setUserPassword(w http.ResponseWriter, r *http.Request) error {
	var req passwordRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	return noContent(w, s.Auth.SetPassword(r.Context(), r.PathValue("username"), req.Password))
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q.Get("limit"), "limit", 100)
	if err != nil {
		return err
	}
	// At most 1000 a page (a bigger limit gets 1000); page on with before.
	if limit < 1 {
		limit = 100
	}
	limit = min(limit, 1000)
	before, err := intParam(q.Get("before"), "before", 0)
	if err != nil {
		return err
	}
	out, err := s.AuditLog(r.Context(), q.Get("entity"), int(limit), before)
	return reply(w, out, err)
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Counts(r.Context())
	return reply(w, out, err)
}
