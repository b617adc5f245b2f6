package api

import (
	"net/http"

	"shuwu/internal/displays"
)

type displayScanRequest struct {
	Barcode string `json:"barcode"`
}

type displayReply struct {
	Display displays.Display `json:"display"`
	Copies  []displays.Copy  `json:"copies"`
}

// displayRoutes are the themed displays (专题书展).
func (s *Server) displayRoutes() []Route {
	if s.Displays == nil {
		return nil
	}
	G, P, U := http.MethodGet, http.MethodPost, http.MethodPut
	return []Route{
		{G, "/api/v1/displays", public, "专题书展（current=1 只列正在展出的）/ themed displays, latest first (current=1: those on today)", nil, []displays.Display{},
			[]Param{{"current", "1：只列今天在展的 / 1: only those on today", "string"}}, s.listDisplays},
		{P, "/api/v1/displays", librarian, "新建书展 / set up a display", displays.Display{}, displays.Display{}, nil, s.createDisplay},
		{G, "/api/v1/displays/{id}", public, "书展及在展图书 / a display with its copies", nil, displayReply{}, nil, s.getDisplay},
		{U, "/api/v1/displays/{id}", librarian, "修改书展 / change a display", displays.Display{}, displays.Display{}, nil, s.updateDisplay},
		{P, "/api/v1/displays/{id}/scan", staff, "扫描图书：不在此书展的上架，已在的撤回原架 / scan a copy: onto the display, or back to its shelf if it is on it", displayScanRequest{}, displays.Moved{}, nil, s.scanDisplay},
		{P, "/api/v1/displays/{id}/clear", staff, "撤展：全部撤回原架 / take every copy back to its shelf", nil, map[string]int{}, nil, s.clearDisplay},
	}
}

func (s *Server) listDisplays(w http.ResponseWriter, r *http.Request) error {
	var out []displays.Display
	var err error
	if r.URL.Query().Get("current") == "1" {
		out, err = s.Displays.Current(r.Context())
	} else {
		out, err = s.Displays.All(r.Context())
	}
	if out == nil {
		out = []displays.Display{}
	}
	return reply(w, out, err)
}

func (s *Server) createDisplay(w http.ResponseWriter, r *http.Request) error {
	var in displays.Display
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Displays.Create(r.Context(), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) getDisplay(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.Displays.Get(r.Context(), id)
	if err != nil {
		return err
	}
	cs, err := s.Displays.Copies(r.Context(), id, false)
	if cs == nil {
		cs = []displays.Copy{}
	}
	return reply(w, displayReply{Display: d, Copies: cs}, err)
}

func (s *Server) updateDisplay(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in displays.Display
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = id
	out, err := s.Displays.Update(r.Context(), in)
	return reply(w, out, err)
}

func (s *Server) scanDisplay(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in displayScanRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Displays.Scan(r.Context(), id, in.Barcode)
	return reply(w, out, err)
}

func (s *Server) clearDisplay(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.Displays.Clear(r.Context(), id)
	return reply(w, map[string]int{"cleared": n}, err)
}
