package api

import (
	"net"
	"net/http"

	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
	// TOTP is the 6-digit code of an account with two-step login; without
	// it such an account is answered 401 TOTP_REQUIRED.
	TOTP string `json:"totp,omitempty"`
}

type passwordChange struct {
	OldPassword string `json:"old_password"`
	NewPassword string `json:"new_password"`
}

type passwordRequest struct {
	Password string `json:"password"`
}

type meReply struct {
	Actor   audit.Actor          `json:"actor"`
	Account *circulation.Account `json:"account,omitempty"`
}

// health answers 200 {"status":"ok"}, or 503 {"status":"storage_failed",
// "storage":{…}} while the disk is full or read-only: writes are refused
// then, reads still served.
func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	if s.Health != nil {
		if ok, detail := s.Health(); !ok {
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "storage_failed", "storage": detail})
			return nil
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// clientKey is the remote host, the scope of the login rate limit.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	var req loginRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	sess, err := s.Auth.Login(r.Context(), req.Username, req.Password, clientKey(r))
	if errs.Is(err, auth.CodeTOTPRequired) && req.TOTP != "" {
		sess, err = s.Auth.CompleteLogin(r.Context(), sess.Challenge, req.TOTP)
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sess)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := s.Auth.Logout(r.Context(), tokenOf(r)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	reply := meReply{Actor: a}
	if a.ReaderID != 0 {
		rd, err := s.Readers.ByID(r.Context(), a.ReaderID)
		if err != nil {
			return err
		}
		acc, err := s.Circulation.Account(r.Context(), rd.Card)
		if err != nil {
			return err
		}
		reply.Account = &acc
	}
	writeJSON(w, http.StatusOK, reply)
	return nil
}

func (s *Server) changeMyPassword(w http.ResponseWriter, r *http.Request) error {
	var req passwordChange
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := s.Auth.ChangeOwnPassword(r.Context(), actor(r), req.OldPassword, req.NewPassword); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
