package api

import (
	"net/http"

	"shuwu/internal/assets"
)

// The room's equipment register (设备资产登记) and the asset ledger.

func (s *Server) assetRoutes() []Route {
	if s.Assets == nil {
		return nil
	}
	G, P, U := http.MethodGet, http.MethodPost, http.MethodPut
	return []Route{
		{G, "/api/v1/assets", librarian, "设备登记簿（在册的按类别，已报废的在后）/ the equipment register, retired lines last", nil, []assets.Asset{}, nil, s.listAssets},
		{P, "/api/v1/assets", librarian, "登记设备（金额 value_fen 为整项原值，单位分）/ register a line of equipment (value_fen: the whole line, in fen)", assets.Asset{}, assets.Asset{}, nil, s.createAsset},
		{G, "/api/v1/assets/ledger", librarian, "资产台账：在册设备与馆藏图书的件数和金额 / the asset ledger: equipment held beside the collection", nil, assets.Ledger{}, nil, s.assetLedger},
		{G, "/api/v1/assets/{id}", librarian, "一项设备 / one line of equipment", nil, assets.Asset{}, nil, s.getAsset},
		{U, "/api/v1/assets/{id}", librarian, "修改设备登记（已报废的不能改）/ correct a line (not a retired one)", assets.Asset{}, assets.Asset{}, nil, s.updateAsset},
		{P, "/api/v1/assets/{id}/retire", librarian, "报废（日期和原因）/ retire a line with the day and reason", assets.Retirement{}, assets.Asset{}, nil, s.retireAsset},
	}
}

func (s *Server) listAssets(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Assets.List(r.Context())
	if out == nil {
		out = []assets.Asset{}
	}
	return reply(w, out, err)
}

func (s *Server) createAsset(w http.ResponseWriter, r *http.Request) error {
	var in assets.Asset
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Assets.Create(r.Context(), in)
	return replyCreated(w, r, out, err)
}

func (s *Server) assetLedger(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Assets.Ledger(r.Context())
	return reply(w, out, err)
}

func (s *Server) getAsset(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out, err := s.Assets.Get(r.Context(), id)
	return reply(w, out, err)
}

func (s *Server) updateAsset(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in assets.Asset
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = id
	out, err := s.Assets.Update(r.Context(), in)
	return reply(w, out, err)
}

func (s *Server) retireAsset(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in assets.Retirement
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Assets.Retire(r.Context(), id, in)
	return reply(w, out, err)
}
