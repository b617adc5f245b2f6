package api

import (
	"net/http"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

type statusRequest struct {
	Status readers.Status `json:"status"`
}

type membersRequest struct {
	Cards []string `json:"cards"`
}

// selfOrStaff allows staff, and a reader acting on their own card.
func (s *Server) selfOrStaff(r *http.Request, card string) (readers.Reader, error) {
	rd, err := s.Readers.ByCard(r.Context(), card)
	a := actor(r)
	if a.Role == audit.RoleReader && (err != nil || rd.ID != a.ReaderID) {
		return readers.Reader{}, errs.New(errs.KindForbidden, "FORBIDDEN", "读者只能查看自己的账户", "readers can see only their own account")
	}
	return rd, err
}

func (s *Server) listReaders(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	page, size, err := pageParams(r)
	if err != nil {
		return err
	}
	typ, err := intParam(q.Get("type"), "type", 0)
	if err != nil {
		return err
	}
	class, err := intParam(q.Get("class"), "class", 0)
	if err != nil {
		return err
	}
	out, total, err := s.Readers.List(r.Context(), readers.Filter{Query: q.Get("q"), TypeID: typ, ClassID: class, Status: readers.Status(q.Get("status")), Number: page, Size: size})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Page[readers.Reader]{Items: out, Total: total, Page: page, Size: size})
	return nil
}

func (s *Server) createReader(w http.ResponseWriter, r *http.Request) error {
	var rd readers.Reader
	if err := decode(w, r, &rd); err != nil {
		return err
	}
	rd.ID = 0
	out, err := s.Readers.Create(r.Context(), rd)
	return replyCreated(w, r, out, err)
}

func (s *Server) getReader(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.selfOrStaff(r, r.PathValue("card")); err != nil {
		return err
	}
	acc, err := s.Circulation.Account(r.Context(), r.PathValue("card"))
	return reply(w, acc, err)
}

func (s *Server) updateReader(w http.ResponseWriter, r *http.Request) error {
	old, err := s.Readers.ByCard(r.Context(), r.PathValue("card"))
	if err != nil {
		return err
	}
	var rd readers.Reader
	if err := decode(w, r, &rd); err != nil {
		return err
	}
	rd.ID = old.ID
	if rd.Card == "" {
		rd.Card = old.Card
	}
	out, err := s.Readers.Update(r.Context(), rd)
	return reply(w, out, err)
}

func (s *Server) setReaderStatus(w http.ResponseWriter, r *http.Request) error {
	var req statusRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	out, err := s.Readers.SetStatus(r.Context(), r.PathValue("card"), req.Status)
	return reply(w, out, err)
}

func (s *Server) setReaderPassword(w http.ResponseWriter, r *http.Request) error {
	var req passwordRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	return noContent(w, s.Auth.SetReaderPassword(r.Context(), r.PathValue("card"), req.Password))
}

func (s *Server) readerHistory(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.selfOrStaff(r, r.PathValue("card"))
	if err != nil {
		return err
	}
	limit, err := intParam(r.URL.Query().Get("limit"), "limit", 50)
	if err != nil {
		return err
	}
	before, err := intParam(r.URL.Query().Get("before"), "before", 0)
	if err != nil {
		return err
	}
	lines, err := s.Circulation.History(r.Context(), rd.ID, int(limit), before)
	return reply(w, lines, err)
}

func (s *Server) listReaderTypes(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Readers.Types(r.Context())
	return reply(w, out, err)
}

func (s *Server) saveReaderType(w http.ResponseWriter, r *http.Request) error {
	var t readers.Type
	if err := decode(w, r, &t); err != nil {
		return err
	}
	if err := idFromPath(r, &t.ID); err != nil {
		return err
	}
	out, err := s.Readers.SaveType(r.Context(), t)
	return replyCreated(w, r, out, err)
}

func (s *Server) deleteReaderType(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Readers.DeleteType(r.Context(), id))
}

func (s *Server) listClasses(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Readers.Classes(r.Context())
	return reply(w, out, err)
}

func (s *Server) createClass(w http.ResponseWriter, r *http.Request) error {
	var c readers.Class
	if err := decode(w, r, &c); err != nil {
		return err
	}
	c.ID = 0
	out, err := s.Readers.CreateClass(r.Context(), c)
	return replyCreated(w, r, out, err)
}

func (s *Server) getClass(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Readers.Class(r.Context(), id)
	return reply(w, out, err)
}

func (s *Server) updateClass(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var c readers.Class
	if err := decode(w, r, &c); err != nil {
		return err
	}
	c.ID = id
	out, err := s.Readers.UpdateClass(r.Context(), c)
	return reply(w, out, err)
}

func (s *Server) deleteClass(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Readers.DeleteClass(r.Context(), id))
}

func (s *Server) listMembers(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Readers.Members(r.Context(), id)
	return reply(w, out, err)
}

func (s *Server) addMembers(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req membersRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if len(req.Cards) == 0 {
		return errs.Invalid("CARDS_REQUIRED", "cards", "请至少提供一个读者证号", "give at least one card number")
	}
	out, err := s.Readers.AddMembers(r.Context(), id, req.Cards)
	return reply(w, out, err)
}

func (s *Server) enroll(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var rd readers.Reader
	if err := decode(w, r, &rd); err != nil {
		return err
	}
	rd.ID = 0
	if rd.TypeID == 0 {
		types, err := s.Readers.Types(r.Context())
		if err != nil {
			return err
		}
		for _, t := range types {
			if t.Code == readers.TypeTrainee {
				rd.TypeID = t.ID
			}
		}
	}
	out, err := s.Readers.Enroll(r.Context(), id, rd)
	return replyCreated(w, r, out, err)
}

func (s *Server) removeMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return noContent(w, s.Readers.RemoveMember(r.Context(), id, r.PathValue("card")))
}

func (s *Server) clearance(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Circulation.Clearance(r.Context(), id)
	return reply(w, out, err)
}

func (s *Server) markCleared(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Circulation.MarkCleared(r.Context(), id, r.PathValue("card"))
	return reply(w, out, err)
}

func (s *Server) certificate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Circulation.Certificate(r.Context(), id, r.PathValue("card"))
	return reply(w, out, err)
}

// parseDay reads a YYYY-MM-DD query value in loc; zero when empty.
func parseDay(v, name string, loc *time.Location) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, v, loc)
	if err != nil {
		return time.Time{}, errs.Invalid("DATE_INVALID", name, "日期格式应为 2024-05-01", "dates look like 2024-05-01")
	}
	return t, nil
}
