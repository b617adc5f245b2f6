package api

import (
	"io"
	"net/http"
	"os"
	"strconv"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/photos"
	"shuwu/internal/receptions"
)

// receptionReaders read the record of leader and guest visits.
var receptionReaders = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleLeadership}

// receptionRoutes are the record of leader and guest visits (接待记录).
func (s *Server) receptionRoutes() []Route {
	if s.Receptions == nil {
		return nil
	}
	G, P, U := http.MethodGet, http.MethodPost, http.MethodPut
	return []Route{
		{G, "/api/v1/receptions", receptionReaders, "接待记录（按年度，最近的在前）/ leader and guest visits of a year, latest first", nil, []receptions.Reception{},
			[]Param{{"year", "年度（默认今年）/ year, default this year", "integer"}}, s.listReceptions},
		{P, "/api/v1/receptions", librarian, "新增接待记录 / record a visit", receptions.Reception{}, receptions.Reception{}, nil, s.createReception},
		{G, "/api/v1/receptions/{id}", receptionReaders, "一次接待 / one visit", nil, receptions.Reception{}, nil, s.getReception},
		{U, "/api/v1/receptions/{id}", librarian, "修改接待记录 / correct a visit's record", receptions.Reception{}, receptions.Reception{}, nil, s.updateReception},
		{G, "/api/v1/reception-photos/{id}", receptionReaders, "一次接待（id 为接待记录）的照片 / a visit's photos", nil, []receptions.Photo{}, nil, s.receptionPhotos},
		{P, "/api/v1/reception-photos/{id}", librarian, "为接待记录 id 上传照片（multipart 的 file 字段，JPG/PNG/GIF，caption 为说明）/ upload a photo of a visit", nil, receptions.Photo{},
			[]Param{{"caption", "照片说明 / caption", "string"}}, s.uploadReceptionPhoto},
		{G, "/api/v1/receptions/years/{year}", receptionReaders, "全年接待次数（按级别）/ a year's visits counted by level", nil, receptions.YearCount{}, nil, s.receptionYear},
	}
}

func (s *Server) receptionYearParam(raw string) (int, error) {
	if raw == "" {
		return s.Receptions.ThisYear(), nil
	}
	y, err := strconv.Atoi(raw)
	if err != nil || y < 1900 || y > 9999 {
		return 0, errs.Invalid(receptions.CodeReceptionInvalid, "year", "年份格式不正确，如 2026", "malformed year, e.g. 2026")
	}
	return y, nil
}

func (s *Server) listReceptions(w http.ResponseWriter, r *http.Request) error {
	y, err := s.receptionYearParam(r.URL.Query().Get("year"))
	if err != nil {
		return err
	}
	out, err := s.Receptions.List(r.Context(), y)
	if out == nil {
		out = []receptions.Reception{}
	}
	return reply(w, out, err)
}

func (s *Server) createReception(w http.ResponseWriter, r *http.Request) error {
	var in receptions.Reception
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Receptions.Create(r.Context(), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) getReception(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Receptions.Get(r.Context(), id)
	return reply(w, out, err)
}

func (s *Server) updateReception(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in receptions.Reception
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = id
	out, err := s.Receptions.Update(r.Context(), in)
	return reply(w, out, err)
}

func (s *Server) receptionYear(w http.ResponseWriter, r *http.Request) error {
	y, err := s.receptionYearParam(r.PathValue("year"))
	if err != nil {
		return err
	}
	out, err := s.Receptions.Year(r.Context(), y)
	return reply(w, out, err)
}

func (s *Server) receptionPhotos(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.Receptions.Get(r.Context(), id); err != nil {
		return err
	}
	out, err := s.Receptions.Photos(r.Context(), id)
	if out == nil {
		out = []receptions.Photo{}
	}
	return reply(w, out, err)
}

func (s *Server) uploadReceptionPhoto(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, _, _, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	defer func() { f.Close(); os.Remove(f.Name()) }()
	data, err := io.ReadAll(io.LimitReader(f, photos.MaxBytes+1))
	if err != nil {
		return errs.Internalf("read photo: %w", err)
	}
	p, err := s.Receptions.AddPhoto(r.Context(), id, data, r.URL.Query().Get("caption"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, p)
	return nil
}
