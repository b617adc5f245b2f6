package api

import (
	"net/http"

	"shuwu/internal/catalog"
	"shuwu/internal/donations"
	"shuwu/internal/errs"
)

// donorRequest is a donor as sent: the register's fields and, for a
// trainee or member of staff, their reader card.
type donorRequest struct {
	donations.Donor
	Card string `json:"card"`
}

type batchReply struct {
	Batch donations.Batch  `json:"batch"`
	Lines []donations.Line `json:"lines"`
}

type batchAddReply struct {
	Record catalog.Record `json:"record"`
	Items  []catalog.Item `json:"items"`
}

// donationRoutes are the donor register and the accession batches.
func (s *Server) donationRoutes() []Route {
	if s.Donations == nil {
		return nil
	}
	G, P, U := http.MethodGet, http.MethodPost, http.MethodPut
	return []Route{
		{G, "/api/v1/donors", librarian, "捐赠人登记簿（按现存册数）/ the donor register, by copies held", nil, []donations.Donor{},
			[]Param{{"q", "姓名或单位 / name or unit", "string"}}, s.listDonors},
		{P, "/api/v1/donors", librarian, "登记捐赠人 / register a donor", donorRequest{}, donations.Donor{}, nil, s.saveDonor},
		{G, "/api/v1/donors/{id}", librarian, "捐赠人 / a donor", nil, donations.Donor{}, nil, s.getDonor},
		{U, "/api/v1/donors/{id}", librarian, "修改捐赠人 / update a donor", donorRequest{}, donations.Donor{}, nil, s.saveDonor},
		{G, "/api/v1/honour-list", public, "捐赠芳名录（同意署名者）/ donors who agreed to be named", nil, []donations.Donor{}, nil, s.honourList},
		{G, "/api/v1/batches", librarian, "入藏批次（捐赠、调拨）/ accession batches", nil, []donations.Batch{},
			[]Param{{"kind", "gift | transfer", "string"}, {"donor", "捐赠人 id / donor id", "integer"}}, s.listBatches},
		{P, "/api/v1/batches", librarian, "新建入藏批次 / open a batch", donations.NewBatch{}, donations.Batch{}, nil, s.createBatch},
		{G, "/api/v1/batches/{id}", librarian, "批次及其图书 / a batch with its books", nil, batchReply{}, nil, s.getBatch},
		{P, "/api/v1/batches/{id}/items", librarian, "向批次录入图书（已有书目或新书目）/ add copies of a book to a batch", donations.Entry{}, batchAddReply{}, nil, s.addToBatch},
	}
}

func (s *Server) listDonors(w http.ResponseWriter, r *http.Request) error {
	ds, err := s.Donations.Donors(r.Context(), donations.DonorFilter{Query: r.URL.Query().Get("q")})
	return reply(w, ds, err)
}

func (s *Server) saveDonor(w http.ResponseWriter, r *http.Request) error {
	var in donorRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.Donor.ID = 0
	if r.Method == http.MethodPut {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if _, err := s.Donations.Donor(r.Context(), id); err != nil {
			return err
		}
		in.Donor.ID = id
	}
	d, err := s.Donations.SaveDonor(r.Context(), in.Donor, in.Card)
	return replyCreated(w, r, d, err)
}

func (s *Server) getDonor(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.Donations.Donor(r.Context(), id)
	return reply(w, d, err)
}

func (s *Server) honourList(w http.ResponseWriter, r *http.Request) error {
	ds, err := s.Donations.HonourList(r.Context())
	if err != nil {
		return err
	}
	// The public list names the donor and what they gave, nothing more.
	out := make([]donations.Donor, len(ds))
	for i, d := range ds {
		out[i] = donations.Donor{ID: d.ID, Name: d.Name, Kind: d.Kind, Honour: true, Held: d.Held}
	}
	return reply(w, out, nil)
}

func (s *Server) listBatches(w http.ResponseWriter, r *http.Request) error {
	donor, err := intParam(r.URL.Query().Get("donor"), "donor", 0)
	if err != nil {
		return err
	}
	kind := donations.BatchKind(r.URL.Query().Get("kind"))
	if kind != "" && !kind.Valid() {
		return errs.Invalid(donations.CodeBatchKindInvalid, "kind", "入藏批次类别只能是 gift（捐赠）或 transfer（调拨）", "kind is gift or transfer")
	}
	bs, err := s.Donations.Batches(r.Context(), donations.BatchFilter{Kind: kind, DonorID: donor})
	return reply(w, bs, err)
}

func (s *Server) createBatch(w http.ResponseWriter, r *http.Request) error {
	var in donations.NewBatch
	if err := decode(w, r, &in); err != nil {
		return err
	}
	b, err := s.Donations.CreateBatch(r.Context(), in)
	return replyCreated(w, r, b, err)
}

func (s *Server) getBatch(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	b, lines, err := s.Donations.Batch(r.Context(), id)
	return reply(w, batchReply{Batch: b, Lines: lines}, err)
}

func (s *Server) addToBatch(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in donations.Entry
	if err := decode(w, r, &in); err != nil {
		return err
	}
	rec, items, err := s.Donations.Add(r.Context(), id, in)
	return replyCreated(w, r, batchAddReply{Record: rec, Items: items}, err)
}
