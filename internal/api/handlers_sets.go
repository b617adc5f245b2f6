package api

import (
	"net/http"
	"strings"

	"shuwu/internal/catalog"
)

// setMemberRequest names the record to add to a set.
type setMemberRequest struct {
	Record int64 `json:"record"`
}

func (s *Server) listSets(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Catalog.Sets(r.Context(), strings.TrimSpace(r.URL.Query().Get("q")))
	return reply(w, out, err)
}

func (s *Server) getSet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Catalog.Set(r.Context(), id)
	return reply(w, out, err)
}

func (s *Server) saveSet(w http.ResponseWriter, r *http.Request) error {
	var set catalog.Set
	if err := decode(w, r, &set); err != nil {
		return err
	}
	if err := idFromPath(r, &set.ID); err != nil {
		return err
	}
	out, err := s.Catalog.SaveSet(r.Context(), set)
	return replyCreated(w, r, out, err)
}

func (s *Server) deleteSet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Catalog.DeleteSet(r.Context(), id))
}

func (s *Server) addSetMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req setMemberRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	out, err := s.Catalog.AddToSet(r.Context(), id, req.Record)
	return reply(w, out, err)
}

func (s *Server) removeSetMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := pathID(r, "record")
	if err != nil {
		return err
	}
	out, err := s.Catalog.RemoveFromSet(r.Context(), id, rec)
	return reply(w, out, err)
}

func (s *Server) proposeSet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Catalog.ProposeSet(r.Context(), id)
	return reply(w, out, err)
}
