package api

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"shuwu/internal/acquisitions"
	"shuwu/internal/acquisitions/ordersheet"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// Acquisitions (采访) through the API: suppliers, funds, orders and their
// lines, receiving one copy against a line (a scanner at the desk), the
// late lines to claim, readers' suggestions.

type orderReply struct {
	Order acquisitions.Order  `json:"order"`
	Lines []acquisitions.Line `json:"lines"`
}

// acceptRequest accepts a suggestion onto a draft order; the line's title,
// ISBN and author come from the suggestion.
type acceptRequest struct {
	OrderID int64 `json:"order_id"`
	acquisitions.NewLine
	Answer string `json:"answer"`
}

type acceptReply struct {
	Suggestion acquisitions.Suggestion `json:"suggestion"`
	Line       acquisitions.Line       `json:"line"`
}

type answerRequest struct {
	Answer string `json:"answer"`
}

type receiveReply struct {
	Item  catalog.Item       `json:"item"`
	Line  acquisitions.Line  `json:"line"`
	Order acquisitions.Order `json:"order"`
}

func (s *Server) orderRoutes() []Route {
	if s.Acquisitions == nil {
		return nil
	}
	G, P := http.MethodGet, http.MethodPost
	return []Route{
		{G, "/api/v1/suppliers", librarian, "书商 / suppliers", nil, []acquisitions.Supplier{}, nil, s.listSuppliers},
		{P, "/api/v1/suppliers", librarian, "登记书商 / register a supplier", acquisitions.Supplier{}, acquisitions.Supplier{}, nil, s.saveSupplier},
		{G, "/api/v1/funds", librarian, "采购经费（已支出、已订未到、余额）/ funds with spent, committed, remaining", nil, []acquisitions.Fund{},
			[]Param{{"year", "年份，缺省为今年 / year, this year when absent", "integer"}}, s.listFunds},
		{P, "/api/v1/funds", librarian, "设立经费 / set up a fund", acquisitions.Fund{}, acquisitions.Fund{}, nil, s.saveFund},
		{G, "/api/v1/orders", librarian, "采购订单 / orders", nil, []acquisitions.Order{},
			[]Param{{"status", "draft | sent | partly | received | cancelled", "string"}}, s.listOrders},
		{P, "/api/v1/orders", librarian, "新建订单（草稿）/ open a draft order", acquisitions.NewOrder{}, acquisitions.Order{}, nil, s.createOrder},
		{G, "/api/v1/orders/{id}", librarian, "订单及明细 / an order with its lines", nil, orderReply{}, nil, s.getOrder},
		{P, "/api/v1/orders/{id}/lines", librarian, "加订一种书 / add a line to a draft", acquisitions.NewLine{}, acquisitions.Line{}, nil, s.addLine},
		{P, "/api/v1/orders/{id}/send", librarian, "发订 / send the order", nil, acquisitions.Order{}, nil, s.sendOrder},
		{P, "/api/v1/order-lines/{id}/receive", librarian, "验收一册（生成复本）/ receive one copy against a line", acquisitions.Receipt{}, receiveReply{}, nil, s.receive},
		{G, "/api/v1/claims", librarian, "逾期未到（催缺）/ late lines to claim", nil, []acquisitions.LateLine{}, nil, s.lateLines},
		{G, "/api/v1/suggestions", librarian, "读者荐购 / readers' suggestions", nil, []acquisitions.Suggestion{},
			[]Param{{"status", "pending | accepted | rejected", "string"}}, s.listSuggestions},
		{P, "/api/v1/suggestions/{id}/accept", librarian, "采纳荐购：加入一张草稿订单（册数、定价、折扣、经费），答复读者 / accept a suggestion onto a draft order, answering the reader", acceptRequest{}, acceptReply{}, nil, s.acceptSuggestion},
		{P, "/api/v1/suggestions/{id}/reject", librarian, "不采纳荐购，写明理由（读者可见）/ reject a suggestion with the reason the reader reads", answerRequest{}, acquisitions.Suggestion{}, nil, s.rejectSuggestion},
		{G, "/api/v1/orders/{id}/sheet.xlsx", librarian, "订书单（Excel，发给书商）/ the order sheet for the supplier (Excel)", nil, nil, nil, s.orderSheet},
		{P, "/api/v1/orders/{id}/sheet", librarian, "导入书商确认单（multipart 的 file 字段；全部行有效才写入，否则一行也不改并列出错行）/ apply the supplier's confirmation sheet: all rows or none", nil, acquisitions.SheetResult{}, nil, s.importOrderSheet},
	}
}

func (s *Server) listSuppliers(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Acquisitions.Suppliers(r.Context())
	return reply(w, out, err)
}

func (s *Server) saveSupplier(w http.ResponseWriter, r *http.Request) error {
	var in acquisitions.Supplier
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = 0
	sp, err := s.Acquisitions.SaveSupplier(r.Context(), in)
	return replyCreated(w, r, sp, err)
}

func (s *Server) listFunds(w http.ResponseWriter, r *http.Request) error {
	year := s.Acquisitions.ThisYear()
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return errs.Invalid(acquisitions.CodeTargetYearInvalid, "year", "年份格式不正确", "malformed year")
		}
		year = n
	}
	out, err := s.Acquisitions.Funds(r.Context(), year)
	return reply(w, out, err)
}

func (s *Server) saveFund(w http.ResponseWriter, r *http.Request) error {
	var in acquisitions.Fund
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.ID = 0
	f, err := s.Acquisitions.SaveFund(r.Context(), in)
	return replyCreated(w, r, f, err)
}

func (s *Server) listOrders(w http.ResponseWriter, r *http.Request) error {
	st := acquisitions.Status(r.URL.Query().Get("status"))
	if st != "" && !st.Valid() {
		return errs.Invalid(errs.CodeParamInvalid, "status", "订单状态只能是 draft、sent、partly、received、cancelled 之一", "status is one of draft, sent, partly, received, cancelled")
	}
	out, err := s.Acquisitions.Orders(r.Context(), acquisitions.OrderFilter{Status: st})
	return reply(w, out, err)
}

func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) error {
	var in acquisitions.NewOrder
	if err := decode(w, r, &in); err != nil {
		return err
	}
	o, err := s.Acquisitions.CreateOrder(r.Context(), in)
	return replyCreated(w, r, o, err)
}

func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, lines, err := s.Acquisitions.Order(r.Context(), id)
	return reply(w, orderReply{Order: o, Lines: lines}, err)
}

func (s *Server) addLine(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in acquisitions.NewLine
	if err := decode(w, r, &in); err != nil {
		return err
	}
	l, err := s.Acquisitions.AddLine(r.Context(), id, in)
	return replyCreated(w, r, l, err)
}

func (s *Server) sendOrder(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.Acquisitions.Send(r.Context(), id)
	return reply(w, o, err)
}

func (s *Server) receive(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in := acquisitions.Receipt{PriceFen: -1}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	it, l, o, err := s.Acquisitions.Receive(r.Context(), id, in)
	return replyCreated(w, r, receiveReply{Item: it, Line: l, Order: o}, err)
}

func (s *Server) lateLines(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Acquisitions.LateLines(r.Context(), 0)
	return reply(w, out, err)
}

func (s *Server) listSuggestions(w http.ResponseWriter, r *http.Request) error {
	st := acquisitions.SuggestionStatus(r.URL.Query().Get("status"))
	if st != "" && !st.Valid() {
		return errs.Invalid(errs.CodeParamInvalid, "status", "荐购状态只能是 pending、accepted、rejected 之一", "status is one of pending, accepted, rejected")
	}
	out, err := s.Acquisitions.Suggestions(r.Context(), acquisitions.SuggestionFilter{Status: st})
	return reply(w, out, err)
}

func (s *Server) acceptSuggestion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in acceptRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	sg, l, err := s.Acquisitions.Accept(r.Context(), id, in.OrderID, in.NewLine, in.Answer)
	return reply(w, acceptReply{Suggestion: sg, Line: l}, err)
}

func (s *Server) rejectSuggestion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in answerRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	sg, err := s.Acquisitions.Reject(r.Context(), id, in.Answer)
	return reply(w, sg, err)
}

func (s *Server) orderSheet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, lines, err := s.Acquisitions.Order(r.Context(), id)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("订书单-%s-%s.xlsx", strings.NewReplacer("〔", "", "〕", "-", "第", "", "号", "").Replace(o.Number), o.SupplierName)
	return streamFile(w, name, xlsxType, func(out io.Writer) error { return ordersheet.Write(out, o, lines) })
}

func (s *Server) importOrderSheet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, _, err := s.Acquisitions.Order(r.Context(), id); err != nil {
		return err
	}
	f, _, _, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	defer func() { f.Close(); os.Remove(f.Name()) }()
	rows, err := ordersheet.Read(f)
	if err != nil {
		return err
	}
	res, err := s.Acquisitions.ApplySheet(r.Context(), id, rows)
	return reply(w, res, err)
}
