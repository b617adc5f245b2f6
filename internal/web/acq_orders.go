package web

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/acquisitions"
	"shuwu/internal/acquisitions/ordersheet"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// Acquisitions (采访): suppliers, the year's funds, orders and their lines,
// the supplier's Excel sheet out and in.

// yuanText writes fen as a form value: 38.50 (empty for 0 when blank0).
func yuanText(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

// discountInput reads a discount typed as 7.8 (折), 78% or 10 (none);
// empty is none.
func discountInput(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return acquisitions.FullPrice, true
	}
	return ordersheet.ParseDiscount(s)
}

// discountValue writes a discount back into the form as 7.8.
func discountValue(d acquisitions.Discount) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%d.%02d", d/100, d%100), "0"), ".")
}

// suppliersPage lists the suppliers with the form to add or change one.
type suppliersPage struct {
	Suppliers []acquisitions.Supplier
	Editing   *acquisitions.Supplier
}

func (s *Server) showSuppliers(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSuppliers(w, r, v, nil, http.StatusOK)
}

func (s *Server) showSupplier(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sp, err := s.d.Acquisitions.Supplier(r.Context(), id)
	if err != nil {
		return err
	}
	v.Form.Set("name", sp.Name)
	v.Form.Set("contact", sp.Contact)
	v.Form.Set("phone", sp.Phone)
	v.Form.Set("address", sp.Address)
	v.Form.Set("notes", sp.Notes)
	return s.renderSuppliers(w, r, v, &sp, http.StatusOK)
}

func (s *Server) renderSuppliers(w http.ResponseWriter, r *http.Request, v *view, editing *acquisitions.Supplier, status int) error {
	all, err := s.d.Acquisitions.Suppliers(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("supplier.title"), "acq", suppliersPage{Suppliers: all, Editing: editing}
	s.render(w, r, status, "acq_suppliers", v)
	return nil
}

// saveSupplier adds a supplier, or changes the one in the path.
func (s *Server) saveSupplier(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	sp := acquisitions.Supplier{Name: v.Val("name"), Contact: v.Val("contact"), Phone: v.Val("phone"), Address: v.Val("address"), Notes: v.Val("notes")}
	var editing *acquisitions.Supplier
	if r.PathValue("id") != "" {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		old, err := s.d.Acquisitions.Supplier(r.Context(), id)
		if err != nil {
			return err
		}
		sp.ID, editing = id, &old
	}
	saved, err := s.d.Acquisitions.SaveSupplier(r.Context(), sp)
	if err != nil {
		if !v.fieldError(err, "name", "contact", "phone", "address", "notes") {
			return err
		}
		return s.renderSuppliers(w, r, v, editing, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/acquisitions/suppliers", v.T("supplier.saved", saved.Name))
}

// fundsPage is a year's funds with what each spent, committed and has left.
type fundsPage struct {
	Year    int
	Years   []int
	Funds   []acquisitions.Fund
	Editing *acquisitions.Fund
	Total   acquisitions.Fund
}

func (s *Server) acqYears() []int {
	var ys []int
	for y := s.d.Acquisitions.ThisYear() + 1; y >= max(2022, s.d.Acquisitions.ThisYear()-5); y-- {
		ys = append(ys, y)
	}
	return ys
}

func (s *Server) showFunds(w http.ResponseWriter, r *http.Request, v *view) error {
	year, err := s.yearParam(r)
	if err != nil {
		return err
	}
	return s.renderFunds(w, r, v, year, nil, http.StatusOK)
}

func (s *Server) showFund(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.d.Acquisitions.Fund(r.Context(), id)
	if err != nil {
		return err
	}
	v.Form.Set("name", f.Name)
	v.Form.Set("year", strconv.Itoa(f.Year))
	v.Form.Set("amount", yuanText(f.AmountFen))
	v.Form.Set("notes", f.Notes)
	return s.renderFunds(w, r, v, f.Year, &f, http.StatusOK)
}

func (s *Server) renderFunds(w http.ResponseWriter, r *http.Request, v *view, year int, editing *acquisitions.Fund, status int) error {
	fs, err := s.d.Acquisitions.Funds(r.Context(), year)
	if err != nil {
		return err
	}
	d := fundsPage{Year: year, Years: s.acqYears(), Funds: fs, Editing: editing}
	for _, f := range fs {
		d.Total.AmountFen += f.AmountFen
		d.Total.SpentFen += f.SpentFen
		d.Total.CommittedFen += f.CommittedFen
		d.Total.DraftFen += f.DraftFen
	}
	if v.Val("year") == "" {
		v.Form.Set("year", strconv.Itoa(year))
	}
	v.Title, v.Nav, v.Data = v.T("fund.title", year), "acq", d
	s.render(w, r, status, "acq_funds", v)
	return nil
}

// saveFund sets up a year's fund, or changes the one in the path.
func (s *Server) saveFund(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	f := acquisitions.Fund{Name: v.Val("name"), Notes: v.Val("notes")}
	var editing *acquisitions.Fund
	if r.PathValue("id") != "" {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		old, err := s.d.Acquisitions.Fund(r.Context(), id)
		if err != nil {
			return err
		}
		f.ID, editing = id, &old
	}
	year, err := strconv.Atoi(strings.TrimSpace(v.Val("year")))
	if err != nil {
		v.Errors["year"] = v.T("fund.year_invalid")
	}
	f.Year = year
	fen, ok := parseYuan(v.Val("amount"))
	if !ok || strings.TrimSpace(v.Val("amount")) == "" {
		v.Errors["amount"] = v.T("fund.amount_invalid")
	}
	f.AmountFen = fen
	if len(v.Errors) == 0 {
		saved, err := s.d.Acquisitions.SaveFund(r.Context(), f)
		if err == nil {
			return s.redirect(w, r, "/acquisitions/funds?year="+strconv.Itoa(saved.Year), v.T("fund.saved", saved.Year, saved.Name))
		}
		if !v.fieldError(err, "name", "year", "amount", "notes") {
			return err
		}
	}
	if year < 2000 || year > s.d.Acquisitions.ThisYear()+1 {
		year = s.d.Acquisitions.ThisYear()
	}
	return s.renderFunds(w, r, v, year, editing, http.StatusUnprocessableEntity)
}

// ordersPage lists orders with the form to open one, and the year's funds.
type ordersPage struct {
	Orders    []acquisitions.Order
	Suppliers []acquisitions.Supplier
	Funds     []acquisitions.Fund
	Statuses  []acquisitions.Status
	Status    string
	Year      int
	Today     string
	Late      int
}

func (s *Server) showOrders(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderOrders(w, r, v, http.StatusOK)
}

func (s *Server) renderOrders(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	st := acquisitions.Status(r.URL.Query().Get("status"))
	if !st.Valid() {
		st = ""
	}
	d := ordersPage{Statuses: acquisitions.Statuses(), Status: string(st), Year: s.d.Acquisitions.ThisYear(), Today: s.d.Acquisitions.Today()}
	var err error
	if d.Orders, err = s.d.Acquisitions.Orders(ctx, acquisitions.OrderFilter{Status: st}); err != nil {
		return err
	}
	if d.Suppliers, err = s.d.Acquisitions.Suppliers(ctx); err != nil {
		return err
	}
	if d.Funds, err = s.d.Acquisitions.Funds(ctx, d.Year); err != nil {
		return err
	}
	late, err := s.d.Acquisitions.LateLines(ctx, 0)
	if err != nil {
		return err
	}
	d.Late = len(late)
	v.Title, v.Nav, v.Data = v.T("order.title"), "acq", d
	s.render(w, r, status, "acq_orders", v)
	return nil
}

// createOrder opens a draft order and goes to it, to add its lines.
func (s *Server) createOrder(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	sp, _ := strconv.ParseInt(v.Val("supplier_id"), 10, 64)
	o, err := s.d.Acquisitions.CreateOrder(r.Context(), acquisitions.NewOrder{SupplierID: sp, OrderDate: v.Val("order_date"), DueDate: v.Val("due_date"), Notes: v.Val("notes")})
	if err != nil {
		if !v.fieldError(err, "supplier_id", "order_date", "due_date", "notes") {
			return err
		}
		return s.renderOrders(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, orderURL(o.ID), v.T("order.created", o.Number))
}

func orderURL(id int64) string { return "/acquisitions/orders/" + strconv.FormatInt(id, 10) }

// orderPage is one order: its lines, what came, and the forms that fit
// its status.
type orderPage struct {
	Order acquisitions.Order
	Lines []acquisitions.Line
	Funds []acquisitions.Fund
	Lists []catalog.ReadingList
	// Found is the record an ISBN lookup found for a new line.
	Found  *catalog.Record
	Looked bool
	// Applied is what a supplier's sheet just changed.
	Applied *acquisitions.SheetResult
}

func (s *Server) showOrder(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var found *catalog.Record
	looked := false
	if code := strings.TrimSpace(r.URL.Query().Get("isbn")); code != "" {
		v.Form.Set("isbn", code)
		rec, ok, err := s.d.Donations.FindByISBN(r.Context(), code)
		if err != nil {
			if !v.fieldError(err, "isbn") {
				return err
			}
			return s.renderOrder(w, r, v, id, nil, false, nil, http.StatusUnprocessableEntity)
		}
		v.Form.Set("isbn", rec.ISBN)
		looked = true
		if ok {
			found = &rec
			v.Form.Set("price", yuanText(rec.PriceFen))
		}
	}
	return s.renderOrder(w, r, v, id, found, looked, nil, http.StatusOK)
}

func (s *Server) renderOrder(w http.ResponseWriter, r *http.Request, v *view, id int64, found *catalog.Record, looked bool, applied *acquisitions.SheetResult, status int) error {
	ctx := r.Context()
	o, lines, err := s.d.Acquisitions.Order(ctx, id)
	if err != nil {
		return err
	}
	d := orderPage{Order: o, Lines: lines, Found: found, Looked: looked, Applied: applied}
	if d.Funds, err = s.d.Acquisitions.Funds(ctx, 0); err != nil {
		return err
	}
	if d.Lists, err = s.d.Catalog.ReadingLists(ctx); err != nil {
		return err
	}
	if v.Val("copies") == "" {
		v.Form.Set("copies", "1")
	}
	if v.Val("list_copies") == "" {
		v.Form.Set("list_copies", "1")
	}
	v.Title, v.Nav, v.Data = o.Number, "acq", d
	s.render(w, r, status, "acq_order", v)
	return nil
}

var lineFields = []string{"record_id", "isbn", "title", "author", "publisher", "clc", "copies", "price", "discount", "fund_id"}

// addOrderLine adds a title to a draft order: a record found by ISBN, or
// typed fields.
func (s *Server) addOrderLine(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	in := acquisitions.NewLine{ISBN: v.Val("isbn"), Title: v.Val("title"), Author: v.Val("author"), Publisher: v.Val("publisher"), CLC: v.Val("clc")}
	in.RecordID, _ = strconv.ParseInt(v.Val("record_id"), 10, 64)
	in.FundID, _ = strconv.ParseInt(v.Val("fund_id"), 10, 64)
	if n, err := strconv.Atoi(strings.TrimSpace(v.Val("copies"))); err == nil {
		in.Copies = n
	} else {
		v.Errors["copies"] = v.T("order.copies_invalid", acquisitions.MaxCopies)
	}
	var ok bool
	if in.ListPriceFen, ok = parseYuan(v.Val("price")); !ok {
		v.Errors["price"] = v.T("form.price")
	}
	if in.Discount, ok = discountInput(v.Val("discount")); !ok {
		v.Errors["discount"] = v.T("order.discount_invalid")
	}
	var found *catalog.Record
	if in.RecordID != 0 {
		if d, err := s.d.Catalog.Record(r.Context(), in.RecordID); err == nil {
			found = &d.Record
		}
	}
	if len(v.Errors) == 0 {
		l, err := s.d.Acquisitions.AddLine(r.Context(), id, in)
		if err == nil {
			return s.redirect(w, r, orderURL(id)+"#lines", v.T("order.line_added", l.Title, l.Copies))
		}
		if !v.fieldError(err, lineFields...) {
			return err
		}
	}
	return s.renderOrder(w, r, v, id, found, found != nil || v.Val("isbn") != "", nil, http.StatusUnprocessableEntity)
}

// lineAction reads the order and line ids of a line's form.
func lineIDs(r *http.Request) (int64, int64, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	line, err := pathID(r, "line")
	return id, line, err
}

// updateOrderLine changes a draft line's copies, price, discount, fund;
// with remove=1 it takes the line off.
func (s *Server) updateOrderLine(w http.ResponseWriter, r *http.Request, v *view) error {
	id, lineID, err := lineIDs(r)
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	if v.Val("remove") != "" {
		l, err := s.d.Acquisitions.RemoveLine(r.Context(), lineID)
		if err != nil {
			if !v.fieldError(err) {
				return err
			}
			return s.renderOrder(w, r, v, id, nil, false, nil, http.StatusConflict)
		}
		return s.redirect(w, r, orderURL(id)+"#lines", v.T("order.line_removed", l.Title))
	}
	var c acquisitions.LineChange
	bad := ""
	if n, err := strconv.Atoi(strings.TrimSpace(v.Val("copies"))); err == nil {
		c.Copies = n
	} else {
		bad = v.T("order.copies_invalid", acquisitions.MaxCopies)
	}
	var ok bool
	if c.ListPriceFen, ok = parseYuan(v.Val("price")); !ok {
		bad = v.T("form.price")
	}
	if c.Discount, ok = discountInput(v.Val("discount")); !ok {
		bad = v.T("order.discount_invalid")
	}
	c.FundID, _ = strconv.ParseInt(v.Val("fund_id"), 10, 64)
	if bad == "" {
		l, err := s.d.Acquisitions.UpdateLine(r.Context(), lineID, c)
		if err == nil {
			return s.redirect(w, r, orderURL(id)+"#lines", v.T("order.line_saved", l.Title))
		}
		if !v.fieldError(err) {
			return err
		}
		bad = v.Errors[""]
	}
	v.Errors = map[string]string{"": bad}
	v.Form = url.Values{}
	return s.renderOrder(w, r, v, id, nil, false, nil, http.StatusUnprocessableEntity)
}

// addFromList adds a reading list's books to a draft order.
func (s *Server) addFromList(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	list, _ := strconv.ParseInt(v.Val("list_id"), 10, 64)
	fund, _ := strconv.ParseInt(v.Val("list_fund_id"), 10, 64)
	copies, err := strconv.Atoi(strings.TrimSpace(v.Val("list_copies")))
	if err != nil {
		v.Errors["list_copies"] = v.T("order.copies_invalid", acquisitions.MaxCopies)
	}
	disc, ok := discountInput(v.Val("list_discount"))
	if !ok {
		v.Errors["list_discount"] = v.T("order.discount_invalid")
	}
	if len(v.Errors) == 0 {
		n, err := s.d.Acquisitions.AddFromList(r.Context(), id, list, copies, disc, fund)
		if err == nil {
			return s.redirect(w, r, orderURL(id)+"#lines", v.T("order.from_list_added", n))
		}
		if !v.fieldError(err, "list_id", "list_copies", "list_discount", "fund_id") {
			return err
		}
	}
	return s.renderOrder(w, r, v, id, nil, false, nil, http.StatusUnprocessableEntity)
}

// orderStatus sends (发订) or cancels an order.
func (s *Server) orderStatus(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	var o acquisitions.Order
	switch v.Val("action") {
	case "send":
		o, err = s.d.Acquisitions.Send(r.Context(), id)
	case "cancel":
		o, err = s.d.Acquisitions.Cancel(r.Context(), id)
	default:
		err = errs.Invalid(acquisitions.CodeOrderStatusInvalid, "", "未知的操作", "unknown action")
	}
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderOrder(w, r, v, id, nil, false, nil, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, orderURL(id), v.T("order.now", o.Number, o.Status.Label(short(v.Lang))))
}

// orderSheet is the order as the Excel sheet the supplier wants.
func (s *Server) orderSheet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, lines, err := s.d.Acquisitions.Order(r.Context(), id)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("订书单-%s-%s.xlsx", strings.NewReplacer("〔", "", "〕", "-", "第", "", "号", "").Replace(o.Number), o.SupplierName)
	return download(w, name, xlsxType, func(out io.Writer) error { return ordersheet.Write(out, o, lines) })
}

// importOrderSheet applies the supplier's confirmation sheet: all rows,
// or none with the bad rows named.
func (s *Server) importOrderSheet(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	form, up, err := s.readUpload(w, r, ordersheet.MaxFileBytes+64<<10)
	v.Form = form
	defer up.discard()
	if err == nil && up == nil {
		err = errs.Invalid(acquisitions.CodeSheetInvalid, "file", "请选择书商返回的确认单（Excel 文件）", "choose the supplier's sheet (an Excel file)")
	}
	var res acquisitions.SheetResult
	if err == nil {
		var rows []acquisitions.SheetRow
		if rows, err = ordersheet.Read(up.File); err == nil {
			res, err = s.d.Acquisitions.ApplySheet(r.Context(), id, rows)
		}
	}
	if err != nil {
		if !v.fieldError(err, "file") {
			return err
		}
		return s.renderOrder(w, r, v, id, nil, false, nil, http.StatusUnprocessableEntity)
	}
	return s.renderOrder(w, r, v, id, nil, false, &res, http.StatusOK)
}

// Yuan writes fen as a form value (38.50).
func (orderPage) Yuan(fen int64) string { return yuanText(fen) }

// DiscountValue writes a discount as a form value (7.8).
func (orderPage) DiscountValue(d acquisitions.Discount) string { return discountValue(d) }
