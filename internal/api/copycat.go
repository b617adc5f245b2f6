package api

import (
	"net/http"

	"shuwu/internal/catalog"
	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"
)

// Copy cataloguing (套录): the sources records are copied from, and a
// search of one of them. A candidate's record is a ready body for
// POST /api/v1/records; its MARC is the record as fetched.

// copyTarget is a source as the API shows and takes it.
type copyTarget struct {
	ID   int64        `json:"id"`
	Name string       `json:"name"`
	Kind targets.Kind `json:"kind"` // z3950 or sru
	// Address is host:port/database for Z39.50, the base URL for SRU.
	Address string          `json:"address"`
	Flavor  targets.Flavor  `json:"flavor"`            // marc21 or cnmarc
	Charset targets.Charset `json:"charset,omitempty"` // auto, utf-8, gb18030 or marc-8 (Z39.50 only)
}

func toCopyTarget(t targets.Target) copyTarget {
	return copyTarget{ID: t.ID, Name: t.Name, Kind: t.Kind, Address: t.Address, Flavor: t.Flavor, Charset: t.Charset}
}

func (c copyTarget) target() targets.Target {
	return targets.Target{ID: c.ID, Name: c.Name, Kind: c.Kind, Address: c.Address, Flavor: c.Flavor, Charset: c.Charset}
}

// copyCandidate is one record a source offered.
type copyCandidate struct {
	Record   catalog.Record   `json:"record"`
	Warnings []copyWarning    `json:"warnings,omitempty"`
	MARC     []byte           `json:"marc"`           // ISO 2709, UTF-8, base64 in JSON
	Held     []catalog.Record `json:"held,omitempty"` // the library's records with the same ISBN
}

type copyWarning struct {
	Field     string `json:"field"`
	Code      string `json:"code"`
	Value     string `json:"value"`
	Message   string `json:"message"`
	MessageEn string `json:"message_en"`
}

type copySearch struct {
	Target     copyTarget      `json:"target"`
	Total      int             `json:"total"` // hits at the source
	Candidates []copyCandidate `json:"candidates"`
	Unusable   int             `json:"unusable"` // fetched records without a title
}

func (s *Server) copyCatRoutes() []Route {
	if s.CopyTargets == nil || s.CopyCat == nil {
		return nil
	}
	G, P, U, D := http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete
	return []Route{
		{G, "/api/v1/copy-targets", librarian, "套录书目来源 / copy-cataloguing sources", nil, []copyTarget{}, nil, s.listCopyTargets},
		{P, "/api/v1/copy-targets", librarian, "添加书目来源（Z39.50 host:port/库名 或 SRU 地址）/ add a source", copyTarget{}, copyTarget{}, nil, s.createCopyTarget},
		{U, "/api/v1/copy-targets/{id}", librarian, "修改书目来源 / change a source", copyTarget{}, copyTarget{}, nil, s.updateCopyTarget},
		{D, "/api/v1/copy-targets/{id}", librarian, "删除书目来源 / delete a source", nil, nil, nil, s.deleteCopyTarget},
		{G, "/api/v1/copy-targets/{id}/search", librarian, "在书目来源中检索（最多 10 条候选）/ search a source (up to 10 candidates)", nil, copySearch{},
			[]Param{{"field", "isbn、title、author 或 any / search field", "string"}, {"term", "检索词 / search term", "string"}}, s.searchCopyTarget},
	}
}

func (s *Server) listCopyTargets(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.CopyTargets.Targets(r.Context())
	out := make([]copyTarget, 0, len(ts))
	for _, t := range ts {
		out = append(out, toCopyTarget(t))
	}
	return reply(w, out, err)
}

func (s *Server) createCopyTarget(w http.ResponseWriter, r *http.Request) error {
	var in copyTarget
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = 0
	t, err := s.CopyTargets.AddTarget(r.Context(), in.target())
	return replyCreated(w, r, toCopyTarget(t), err)
}

func (s *Server) updateCopyTarget(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in copyTarget
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = id
	t, err := s.CopyTargets.UpdateTarget(r.Context(), in.target())
	return reply(w, toCopyTarget(t), err)
}

func (s *Server) deleteCopyTarget(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.CopyTargets.DeleteTarget(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) searchCopyTarget(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	res, err := s.CopyCat.Search(r.Context(), id, copycat.Query{Field: copycat.Field(q.Get("field")), Term: q.Get("term")})
	if err != nil {
		return err
	}
	out := copySearch{Target: toCopyTarget(res.Target), Total: res.Total, Unusable: res.Unusable, Candidates: []copyCandidate{}}
	for _, c := range res.Candidates {
		cc := copyCandidate{Record: c.Record, MARC: c.MARC, Held: c.Held}
		for _, w := range c.Warnings {
			cc.Warnings = append(cc.Warnings, copyWarning{Field: w.Field, Code: string(w.Code), Value: w.Raw, Message: w.Message, MessageEn: w.MessageEn})
		}
		out.Candidates = append(out.Candidates, cc)
	}
	return reply(w, out, nil)
}
