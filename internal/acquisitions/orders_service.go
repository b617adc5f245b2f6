package acquisitions

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Bounds of what a librarian may type.
const (
	MaxCopies    = 500        // copies of one line
	MaxPriceFen  = 10_000_000 // 10 万元 for one copy
	MaxAmountFen = 10_000_000_000
	FullPrice    = 1000 // a discount of 1000 per mille is none
)

// WithCatalog gives the service the catalogue, which makes the copies
// received against an order and reads records and reading lists.
func (s *Service) WithCatalog(cat *catalog.Service) *Service { s.cat = cat; return s }

func (s *Service) today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// Today is the library's date, YYYY-MM-DD.
func (s *Service) Today() string { return s.today() }

func tooLong(v string, n int) bool { return utf8.RuneCountInString(v) > n }

// SaveSupplier adds a supplier (ID 0) or changes one.
func (s *Service) SaveSupplier(ctx context.Context, sp Supplier) (Supplier, error) {
	sp.Name, sp.Contact, sp.Phone, sp.Address, sp.Notes = plaintext.Line(sp.Name), plaintext.Line(sp.Contact), plaintext.Line(sp.Phone), plaintext.Line(sp.Address), plaintext.Text(sp.Notes)
	if sp.Name == "" {
		return Supplier{}, errs.Invalid(CodeSupplierNameRequired, "name", "书商名称不能为空", "the supplier's name is required")
	}
	for _, f := range []struct {
		field, v, zh, en string
		n                int
	}{{"name", sp.Name, "书商名称", "the name", 100}, {"contact", sp.Contact, "联系人", "the contact", 50}, {"phone", sp.Phone, "电话", "the phone", 40},
		{"address", sp.Address, "地址", "the address", 200}, {"notes", sp.Notes, "备注", "the notes", 1000}} {
		if tooLong(f.v, f.n) {
			return Supplier{}, errs.Invalid(CodeSupplierFieldTooLong, f.field, fmt.Sprintf("%s过长（最多 %d 字）", f.zh, f.n), fmt.Sprintf("%s is too long (%d characters at most)", f.en, f.n))
		}
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		all, err := tx.Suppliers()
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.Name == sp.Name && o.ID != sp.ID {
				return errs.Invalid(CodeSupplierNameTaken, "name", "已有同名书商“"+sp.Name+"”", "a supplier named "+sp.Name+" exists")
			}
		}
		sp.UpdatedAt = s.now()
		if sp.ID == 0 {
			sp.CreatedAt = sp.UpdatedAt
			if err := tx.InsertSupplier(&sp); err != nil {
				return err
			}
			return tx.Audit(audit.New(ctx, s.now(), "create", "supplier", fmt.Sprint(sp.ID), "登记书商 "+sp.Name))
		}
		old, err := tx.Supplier(sp.ID)
		if err != nil {
			return err
		}
		sp.CreatedAt = old.CreatedAt
		if err := tx.UpdateSupplier(&sp); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "supplier", fmt.Sprint(sp.ID), "修改书商 "+sp.Name))
	})
	if err != nil {
		return Supplier{}, err
	}
	return s.Supplier(ctx, sp.ID)
}

// Supplier returns one supplier.
func (s *Service) Supplier(ctx context.Context, id int64) (Supplier, error) {
	var sp Supplier
	err := s.store.View(ctx, func(tx Tx) (err error) { sp, err = tx.Supplier(id); return err })
	return sp, err
}

// Suppliers lists the suppliers by name.
func (s *Service) Suppliers(ctx context.Context) ([]Supplier, error) {
	var out []Supplier
	err := s.store.View(ctx, func(tx Tx) (err error) { out, err = tx.Suppliers(); return err })
	return out, err
}

// SaveFund adds a year's fund (ID 0) or changes one.
func (s *Service) SaveFund(ctx context.Context, f Fund) (Fund, error) {
	f.Name, f.Notes = plaintext.Line(f.Name), plaintext.Text(f.Notes)
	if f.Name == "" || tooLong(f.Name, 50) {
		return Fund{}, errs.Invalid(CodeFundNameInvalid, "name", "经费名称不能为空，最多 50 字", "a fund's name is required, 50 characters at most")
	}
	if err := s.checkYear(f.Year); err != nil {
		return Fund{}, err
	}
	if f.AmountFen < 0 || f.AmountFen > MaxAmountFen {
		return Fund{}, errs.Invalid(CodeFundAmountInvalid, "amount", "经费金额须在 0 到 1 亿元之间", "a fund's amount is from 0 to 100 million yuan")
	}
	if tooLong(f.Notes, 1000) {
		return Fund{}, errs.Invalid(CodeFundNameInvalid, "notes", "备注过长（最多 1000 字）", "the notes are too long (1000 characters at most)")
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		same, err := tx.Funds(f.Year)
		if err != nil {
			return err
		}
		for _, o := range same {
			if o.Name == f.Name && o.ID != f.ID {
				return errs.Invalid(CodeFundNameTaken, "name", fmt.Sprintf("%d 年已有经费“%s”", f.Year, f.Name), fmt.Sprintf("%d has a fund named %s", f.Year, f.Name))
			}
		}
		f.UpdatedAt = s.now()
		if f.ID == 0 {
			f.CreatedAt = f.UpdatedAt
			if err := tx.InsertFund(&f); err != nil {
				return err
			}
			return tx.Audit(audit.New(ctx, s.now(), "create", "fund", fmt.Sprint(f.ID), fmt.Sprintf("设立 %d 年经费 %s %d 分", f.Year, f.Name, f.AmountFen)))
		}
		old, err := tx.Fund(f.ID)
		if err != nil {
			return err
		}
		f.CreatedAt = old.CreatedAt
		if err := tx.UpdateFund(&f); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "fund", fmt.Sprint(f.ID), fmt.Sprintf("修改 %d 年经费 %s：%d 分 → %d 分", f.Year, f.Name, old.AmountFen, f.AmountFen)))
	})
	if err != nil {
		return Fund{}, err
	}
	return s.Fund(ctx, f.ID)
}

// Fund returns one fund with what it has spent, committed and left.
func (s *Service) Fund(ctx context.Context, id int64) (Fund, error) {
	var f Fund
	err := s.store.View(ctx, func(tx Tx) (err error) { f, err = tx.Fund(id); return err })
	return f, err
}

// Funds lists a year's funds (0: every year's), newest year first.
func (s *Service) Funds(ctx context.Context, year int) ([]Fund, error) {
	var out []Fund
	err := s.store.View(ctx, func(tx Tx) (err error) { out, err = tx.Funds(year); return err })
	return out, err
}

func (s *Service) checkDay(field, v string, zhName, enName string) (time.Time, error) {
	d, err := time.ParseInLocation(time.DateOnly, v, s.tz)
	if err != nil || d.Year() < 2000 || d.Year() > s.ThisYear()+1 {
		return time.Time{}, errs.Invalid(CodeOrderDateInvalid, field, zhName+"须为形如 2026-05-01 的日期", enName+" must be a date like 2026-05-01")
	}
	return d, nil
}

// CreateOrder opens a draft order to a supplier and gives it its number.
func (s *Service) CreateOrder(ctx context.Context, in NewOrder) (Order, error) {
	o := Order{SupplierID: in.SupplierID, OrderDate: strings.TrimSpace(in.OrderDate), DueDate: strings.TrimSpace(in.DueDate), Notes: plaintext.Text(in.Notes), Stored: StatusDraft}
	if o.OrderDate == "" {
		o.OrderDate = s.today()
	}
	day, err := s.checkDay("order_date", o.OrderDate, "订购日期", "the order date")
	if err != nil {
		return Order{}, err
	}
	if o.DueDate != "" {
		due, err := s.checkDay("due_date", o.DueDate, "到货期限", "the due date")
		if err != nil {
			return Order{}, err
		}
		if due.Before(day) {
			return Order{}, errs.Invalid(CodeOrderDateInvalid, "due_date", "到货期限不能早于订购日期", "the due date cannot be before the order date")
		}
	}
	if tooLong(o.Notes, 1000) {
		return Order{}, errs.Invalid(CodeLineFieldTooLong, "notes", "备注过长（最多 1000 字）", "the notes are too long (1000 characters at most)")
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		sp, err := tx.Supplier(o.SupplierID)
		if err != nil {
			return errs.Invalid(CodeSupplierNotFound, "supplier_id", "请选择书商", "choose a supplier")
		}
		n, err := tx.NextSequence(fmt.Sprintf("order:%d", day.Year()))
		if err != nil {
			return err
		}
		o.Number = fmt.Sprintf("采字〔%d〕第%03d号", day.Year(), n)
		o.SupplierName = sp.Name
		o.CreatedAt, o.UpdatedAt = s.now(), s.now()
		if err := tx.InsertOrder(&o); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "order", fmt.Sprint(o.ID), fmt.Sprintf("新建订单 %s（%s）", o.Number, sp.Name)))
	})
	if err != nil {
		return Order{}, err
	}
	o.settle()
	return o, nil
}

func orderTx(tx Tx, id int64) (Order, error) {
	o, err := tx.Order(id)
	o.settle()
	return o, err
}

// Order returns an order with its lines, in the order they were added.
func (s *Service) Order(ctx context.Context, id int64) (Order, []Line, error) {
	var o Order
	var lines []Line
	err := s.store.View(ctx, func(tx Tx) (err error) {
		if o, err = orderTx(tx, id); err != nil {
			return err
		}
		lines, err = tx.Lines(id)
		return err
	})
	return o, lines, err
}

// Orders lists orders, newest first, filtered by shown status.
func (s *Service) Orders(ctx context.Context, f OrderFilter) ([]Order, error) {
	want := f.Status
	f.Status = ""
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 500
	}
	var all []Order
	err := s.store.View(ctx, func(tx Tx) (err error) { all, err = tx.Orders(f); return err })
	out := all[:0]
	for _, o := range all {
		o.settle()
		if want == "" || o.Status == want {
			out = append(out, o)
		}
	}
	return out, err
}

// NewLine is what a librarian types (or a list or suggestion gives) for
// one title of an order.
type NewLine struct {
	RecordID     int64  `json:"record_id"`
	ISBN         string `json:"isbn"`
	Title        string `json:"title"`
	Author       string `json:"author"`
	Publisher    string `json:"publisher"`
	CLC          string `json:"clc"`
	Copies       int    `json:"copies"`
	ListPriceFen int64  `json:"list_price_fen"`
	Discount     int    `json:"discount"` // per mille; 0 is full price
	FundID       int64  `json:"fund_id"`
	Origin       Origin `json:"origin"`
	OriginID     int64  `json:"origin_id"`
}

func checkCopies(n int, field string) error {
	if n < 1 || n > MaxCopies {
		return errs.Invalid(CodeLineCopiesInvalid, field, fmt.Sprintf("订购册数须在 1 到 %d 之间", MaxCopies), fmt.Sprintf("copies must be from 1 to %d", MaxCopies))
	}
	return nil
}

func checkPrice(fen int64, field string) error {
	if fen < 0 || fen > MaxPriceFen {
		return errs.Invalid(CodeLinePriceInvalid, field, "定价须在 0 到 10 万元之间", "the list price is from 0 to 100,000 yuan")
	}
	return nil
}

func checkDiscount(d int, field string) error {
	if d < 1 || d > FullPrice {
		return errs.Invalid(CodeLineDiscountInvalid, field, "折扣须在 0.01 折到 10 折（无折扣）之间，如 7.8", "the discount is from 0.1% to 100% (full price), like 78")
	}
	return nil
}

// line makes a line from what was typed, checked, before a transaction.
func (s *Service) line(ctx context.Context, in NewLine) (Line, error) {
	l := Line{RecordID: in.RecordID, Copies: in.Copies, ListPriceFen: in.ListPriceFen, Discount: Discount(in.Discount), FundID: in.FundID, Origin: in.Origin, OriginID: in.OriginID}
	if l.Discount == 0 {
		l.Discount = FullPrice
	}
	if err := checkCopies(l.Copies, "copies"); err != nil {
		return Line{}, err
	}
	if err := checkDiscount(int(l.Discount), "discount"); err != nil {
		return Line{}, err
	}
	if l.RecordID != 0 {
		d, err := s.cat.Record(ctx, l.RecordID)
		if err != nil {
			return Line{}, errs.Invalid(CodeLineTitleRequired, "record_id", "所选书目不存在", "no such record")
		}
		r := d.Record
		l.Title, l.ISBN, l.Publisher, l.CLC = r.DisplayTitle(), r.ISBN, r.Publisher, r.CLC
		if len(r.Authors) > 0 {
			l.Author = r.Authors[0].Name
		}
		if l.ListPriceFen == 0 {
			l.ListPriceFen = r.PriceFen
		}
	} else {
		l.Title, l.Author, l.Publisher, l.CLC = plaintext.Line(in.Title), plaintext.Line(in.Author), plaintext.Line(in.Publisher), strings.ToUpper(plaintext.Line(in.CLC))
		if code := strings.TrimSpace(in.ISBN); code != "" {
			n, err := isbn.Normalize(code)
			if err != nil {
				return Line{}, errs.As(err).WithField("isbn")
			}
			l.ISBN = n
		}
		if l.Title == "" {
			return Line{}, errs.Invalid(CodeLineTitleRequired, "title", "请填写书名（或从书目中选择）", "type the title (or choose a record)")
		}
		for _, f := range []struct {
			field, v, zh string
			n            int
		}{{"title", l.Title, "书名", 200}, {"author", l.Author, "著者", 100}, {"publisher", l.Publisher, "出版社", 100}, {"clc", l.CLC, "分类号", 40}} {
			if tooLong(f.v, f.n) {
				return Line{}, errs.Invalid(CodeLineFieldTooLong, f.field, fmt.Sprintf("%s过长（最多 %d 字）", f.zh, f.n), fmt.Sprintf("%s is too long (%d characters at most)", f.field, f.n))
			}
		}
	}
	if err := checkPrice(l.ListPriceFen, "price"); err != nil {
		return Line{}, err
	}
	return l, nil
}

func (s *Service) checkFund(tx Tx, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	f, err := tx.Fund(id)
	if err != nil {
		return "", errs.Invalid(CodeFundNotFound, "fund_id", "所选经费不存在", "no such fund")
	}
	return f.Name, nil
}

func draftTx(tx Tx, id int64) (Order, error) {
	o, err := orderTx(tx, id)
	if err != nil {
		return o, err
	}
	if !o.Editable() {
		return o, errs.Conflict(CodeOrderStatusInvalid, fmt.Sprintf("订单%s，不能再修改明细", o.Status.Label("zh")), fmt.Sprintf("the order is %s: its lines cannot change", o.Status.Label("en")))
	}
	return o, nil
}

// AddLine adds a title to a draft order.
func (s *Service) AddLine(ctx context.Context, orderID int64, in NewLine) (Line, error) {
	l, err := s.line(ctx, in)
	if err != nil {
		return Line{}, err
	}
	l.OrderID = orderID
	err = s.store.Update(ctx, func(tx Tx) error {
		o, err := draftTx(tx, orderID)
		if err != nil {
			return err
		}
		if l.FundName, err = s.checkFund(tx, l.FundID); err != nil {
			return err
		}
		l.UpdatedAt = s.now()
		if err := tx.InsertLine(&l); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "order_line", fmt.Sprint(l.ID), fmt.Sprintf("订单 %s 加订《%s》%d 册", o.Number, l.Title, l.Copies)))
	})
	return l, err
}

// LineChange is what may change on a draft's line.
type LineChange struct {
	Copies       int   `json:"copies"`
	ListPriceFen int64 `json:"list_price_fen"`
	Discount     int   `json:"discount"`
	FundID       int64 `json:"fund_id"`
}

// UpdateLine changes a draft line's copies, price, discount and fund.
func (s *Service) UpdateLine(ctx context.Context, lineID int64, c LineChange) (Line, error) {
	if c.Discount == 0 {
		c.Discount = FullPrice
	}
	if err := checkCopies(c.Copies, "copies"); err != nil {
		return Line{}, err
	}
	if err := checkPrice(c.ListPriceFen, "price"); err != nil {
		return Line{}, err
	}
	if err := checkDiscount(c.Discount, "discount"); err != nil {
		return Line{}, err
	}
	var l Line
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if l, err = tx.Line(lineID); err != nil {
			return err
		}
		if _, err := draftTx(tx, l.OrderID); err != nil {
			return err
		}
		if l.FundName, err = s.checkFund(tx, c.FundID); err != nil {
			return err
		}
		l.Copies, l.ListPriceFen, l.Discount, l.FundID, l.UpdatedAt = c.Copies, c.ListPriceFen, Discount(c.Discount), c.FundID, s.now()
		if err := tx.UpdateLine(&l); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "order_line", fmt.Sprint(l.ID), fmt.Sprintf("修改《%s》：%d 册，定价 %d 分，折扣 %d‰", l.Title, l.Copies, l.ListPriceFen, l.Discount)))
	})
	return l, err
}

// RemoveLine takes a title off a draft order.
func (s *Service) RemoveLine(ctx context.Context, lineID int64) (Line, error) {
	var l Line
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if l, err = tx.Line(lineID); err != nil {
			return err
		}
		o, err := draftTx(tx, l.OrderID)
		if err != nil {
			return err
		}
		if err := tx.DeleteLine(lineID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "order_line", fmt.Sprint(l.ID), fmt.Sprintf("订单 %s 删去《%s》", o.Number, l.Title)))
	})
	return l, err
}

// AddFromList adds a line for every book of a reading list (必读书目) not
// already on the order, copies each, at the record's list price. It
// returns how many lines were added.
func (s *Service) AddFromList(ctx context.Context, orderID, listID int64, copies int, discount int, fundID int64) (int, error) {
	if err := checkCopies(copies, "list_copies"); err != nil {
		return 0, err
	}
	if discount == 0 {
		discount = FullPrice
	}
	if err := checkDiscount(discount, "list_discount"); err != nil {
		return 0, err
	}
	list, recs, err := s.cat.ReadingList(ctx, listID)
	if err != nil {
		return 0, errs.Invalid(CodeLineTitleRequired, "list_id", "所选书目单不存在", "no such reading list")
	}
	added := 0
	err = s.store.Update(ctx, func(tx Tx) error {
		o, err := draftTx(tx, orderID)
		if err != nil {
			return err
		}
		fundName, err := s.checkFund(tx, fundID)
		if err != nil {
			return err
		}
		have, err := tx.Lines(orderID)
		if err != nil {
			return err
		}
		on := map[int64]bool{}
		for _, l := range have {
			on[l.RecordID] = true
		}
		for _, r := range recs {
			if on[r.ID] {
				continue
			}
			l := Line{OrderID: orderID, RecordID: r.ID, Title: r.DisplayTitle(), ISBN: r.ISBN, Publisher: r.Publisher, CLC: r.CLC, Copies: copies,
				ListPriceFen: min(max(r.PriceFen, 0), MaxPriceFen), Discount: Discount(discount), FundID: fundID, FundName: fundName, Origin: OriginList, OriginID: list.ID, UpdatedAt: s.now()}
			if len(r.Authors) > 0 {
				l.Author = r.Authors[0].Name
			}
			if err := tx.InsertLine(&l); err != nil {
				return err
			}
			added++
		}
		if added == 0 {
			return nil
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "order_line", fmt.Sprint(o.ID), fmt.Sprintf("订单 %s 按书目单《%s》加订 %d 种", o.Number, list.Name, added)))
	})
	return added, err
}

// Send marks a draft order as sent to the supplier (发订). From then on
// its copies are committed against their funds, and may be received.
func (s *Service) Send(ctx context.Context, orderID int64) (Order, error) {
	var o Order
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if o, err = draftTx(tx, orderID); err != nil {
			return err
		}
		if o.Copies == 0 {
			return errs.Invalid(CodeOrderEmpty, "", "订单还没有可订的图书，不能发订", "the order has no books to order yet")
		}
		o.Stored, o.SentDate, o.UpdatedAt = StatusSent, s.today(), s.now()
		if err := tx.UpdateOrder(&o); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "order", fmt.Sprint(o.ID), fmt.Sprintf("订单 %s 发订（%d 种 %d 册）", o.Number, o.Lines, o.Copies)))
	})
	o.settle()
	return o, err
}

// Cancel cancels an order nothing was received against.
func (s *Service) Cancel(ctx context.Context, orderID int64) (Order, error) {
	var o Order
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if o, err = orderTx(tx, orderID); err != nil {
			return err
		}
		if o.Received > 0 || o.Stored == StatusCancelled {
			return errs.Conflict(CodeOrderStatusInvalid, fmt.Sprintf("订单%s，不能取消", o.Status.Label("zh")), fmt.Sprintf("the order is %s: it cannot be cancelled", o.Status.Label("en")))
		}
		o.Stored, o.UpdatedAt = StatusCancelled, s.now()
		if err := tx.UpdateOrder(&o); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "order", fmt.Sprint(o.ID), "取消订单 "+o.Number))
	})
	o.settle()
	return o, err
}

// SheetProblem is a row of a supplier's sheet that cannot be applied.
type SheetProblem struct {
	Row    int
	Zh, En string
}

// SheetRefused is the all-or-nothing error of a sheet with bad rows,
// naming up to ten of them.
func SheetRefused(bad []SheetProblem) error {
	var zh, en []string
	for i, b := range bad {
		if i == 10 {
			zh = append(zh, fmt.Sprintf("……另有 %d 处", len(bad)-10))
			en = append(en, fmt.Sprintf("… %d more", len(bad)-10))
			break
		}
		zh = append(zh, fmt.Sprintf("第 %d 行：%s", b.Row, b.Zh))
		en = append(en, fmt.Sprintf("row %d: %s", b.Row, b.En))
	}
	return errs.Invalid(CodeSheetInvalid, "file", fmt.Sprintf("确认单有 %d 处错误，未作任何修改。%s", len(bad), strings.Join(zh, "；")),
		fmt.Sprintf("the sheet has %d problems; nothing was changed. %s", len(bad), strings.Join(en, "; ")))
}

// SheetResult says what a supplier's sheet changed.
type SheetResult struct {
	Changed     int `json:"changed"`
	Unavailable int `json:"unavailable"` // lines the supplier cannot supply
}

// ApplySheet applies a supplier's confirmation to a draft or sent order:
// confirmed copies (0: cannot supply), corrected list prices and
// discounts, notes. Every row must name a line of this order and keep at
// least the copies already received; else nothing changes.
func (s *Service) ApplySheet(ctx context.Context, orderID int64, rows []SheetRow) (SheetResult, error) {
	var res SheetResult
	err := s.store.Update(ctx, func(tx Tx) error {
		o, err := orderTx(tx, orderID)
		if err != nil {
			return err
		}
		if o.Status == StatusCancelled || o.Status == StatusReceived {
			return errs.Conflict(CodeOrderStatusInvalid, fmt.Sprintf("订单%s，不能再导入确认单", o.Status.Label("zh")), fmt.Sprintf("the order is %s: no sheet can be applied", o.Status.Label("en")))
		}
		lines, err := tx.Lines(orderID)
		if err != nil {
			return err
		}
		byID := map[int64]*Line{}
		for i := range lines {
			byID[lines[i].ID] = &lines[i]
		}
		var bad []SheetProblem
		var changed []*Line
		for _, r := range rows {
			l := byID[r.LineID]
			if l == nil {
				bad = append(bad, SheetProblem{r.Sheet, fmt.Sprintf("行号 %d 不是订单 %s 的明细", r.LineID, o.Number), fmt.Sprintf("行号 %d is not a line of order %s", r.LineID, o.Number)})
				continue
			}
			c := *l
			if r.Copies >= 0 {
				if r.Copies < c.Received {
					bad = append(bad, SheetProblem{r.Sheet, fmt.Sprintf("《%s》已到 %d 册，确认册数不能少于此数", c.Title, c.Received), fmt.Sprintf("%d copies of %s have come already", c.Received, c.Title)})
					continue
				}
				if r.Copies > c.Copies && !o.Editable() {
					bad = append(bad, SheetProblem{r.Sheet, fmt.Sprintf("《%s》订购 %d 册，确认册数不能多于订购册数", c.Title, c.Copies), fmt.Sprintf("%s was ordered %d copies: the supplier cannot confirm more", c.Title, c.Copies)})
					continue
				}
				c.Copies = r.Copies
			}
			if r.ListPriceFen >= 0 {
				c.ListPriceFen = r.ListPriceFen
			}
			if r.Discount > 0 {
				c.Discount = r.Discount
			}
			if r.Note != "" || c.SupplierNote != "" {
				c.SupplierNote = r.Note
			}
			if tooLong(c.SupplierNote, 200) {
				bad = append(bad, SheetProblem{r.Sheet, "书商备注过长（最多 200 字）", "the supplier's note is too long (200 characters at most)"})
				continue
			}
			if c.Copies != l.Copies || c.ListPriceFen != l.ListPriceFen || c.Discount != l.Discount || c.SupplierNote != l.SupplierNote {
				*l = c
				changed = append(changed, l)
			}
		}
		if len(bad) > 0 {
			return SheetRefused(bad)
		}
		for _, l := range changed {
			l.SupplierNote, l.UpdatedAt = plaintext.Line(l.SupplierNote), s.now()
			if err := tx.UpdateLine(l); err != nil {
				return err
			}
			res.Changed++
			if l.Copies == 0 {
				res.Unavailable++
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "order", fmt.Sprint(o.ID), fmt.Sprintf("订单 %s 导入书商确认单：改动 %d 行，缺货 %d 种", o.Number, res.Changed, res.Unavailable)))
	})
	return res, err
}

// Receipt is one copy scanned in at receiving (验收).
type Receipt struct {
	// Barcode is the new copy's label; empty gives the next free one.
	Barcode    string `json:"barcode"`
	LocationID int64  `json:"location_id"`
	// PriceFen is the actual price paid; -1 takes the line's net price.
	PriceFen int64 `json:"price_fen"`
	// CLC classes a title not yet in the catalogue (its first copy makes
	// the record); the line's own CLC when empty.
	CLC string `json:"clc"`
}

// Receive makes one copy against a line of a sent order: a barcode, the
// call number the catalogue's rules give, the actual price, source 集中采购
// (so the yearly target counts it). The first copy of a title not in the
// catalogue makes its record from the line. The order becomes partly
// received, then received, as its copies come in.
func (s *Service) Receive(ctx context.Context, lineID int64, rc Receipt) (catalog.Item, Line, Order, error) {
	s.receiving.Lock()
	defer s.receiving.Unlock()
	var l Line
	var o Order
	err := s.store.View(ctx, func(tx Tx) (err error) {
		if l, err = tx.Line(lineID); err != nil {
			return err
		}
		o, err = orderTx(tx, l.OrderID)
		return err
	})
	if err != nil {
		return catalog.Item{}, Line{}, Order{}, err
	}
	if !o.Receivable() {
		return catalog.Item{}, l, o, errs.Conflict(CodeOrderStatusInvalid, fmt.Sprintf("订单%s，不能验收", o.Status.Label("zh")), fmt.Sprintf("the order is %s: nothing can be received", o.Status.Label("en")))
	}
	if l.Outstanding() == 0 {
		return catalog.Item{}, l, o, errs.Invalid(CodeLineComplete, "line_id", fmt.Sprintf("《%s》已全部到货（%d 册）", l.Title, l.Received), fmt.Sprintf("every copy of %s has come (%d)", l.Title, l.Received))
	}
	price := rc.PriceFen
	if price < 0 {
		price = l.NetPriceFen()
	}
	if err := checkPrice(price, "price"); err != nil {
		return catalog.Item{}, l, o, err
	}
	in := catalog.NewItems{RecordID: l.RecordLink(), Count: 1, LocationID: rc.LocationID, Source: catalog.SourcePurchase, PriceFen: price, OrderLineID: l.ID}
	if b := strings.TrimSpace(rc.Barcode); b != "" {
		in.Barcodes = []string{b}
	}
	var items []catalog.Item
	if in.RecordID != 0 {
		items, err = s.cat.AddItems(ctx, in)
	} else {
		clc := strings.ToUpper(strings.TrimSpace(rc.CLC))
		if clc == "" {
			clc = l.CLC
		}
		if clc == "" {
			return catalog.Item{}, l, o, errs.Invalid(CodeLineCLCRequired, "clc", fmt.Sprintf("《%s》尚未编目：请填写中图分类号（如 D26）以生成索书号", l.Title), fmt.Sprintf("%s is not catalogued yet: type its CLC class (like D26) for the call number", l.Title))
		}
		rec := catalog.Record{Title: l.Title, ISBN: l.ISBN, Publisher: l.Publisher, CLC: clc, PriceFen: l.ListPriceFen}
		if l.Author != "" {
			rec.Authors = []catalog.Author{{Name: l.Author}}
		}
		_, items, err = s.cat.CreateRecordWithItems(ctx, rec, in)
	}
	if err != nil {
		return catalog.Item{}, l, o, err
	}
	err = s.store.View(ctx, func(tx Tx) (err error) {
		if l, err = tx.Line(lineID); err != nil {
			return err
		}
		o, err = orderTx(tx, l.OrderID)
		return err
	})
	return items[0], l, o, err
}

// LateLines lists what to claim (催缺): lines of sent orders past their
// due date with copies still awaited, by supplier. supplierID 0 is all.
func (s *Service) LateLines(ctx context.Context, supplierID int64) ([]LateLine, error) {
	var open []LateLine
	err := s.store.View(ctx, func(tx Tx) (err error) { open, err = tx.OpenLines(); return err })
	if err != nil {
		return nil, err
	}
	today, _ := time.ParseInLocation(time.DateOnly, s.today(), s.tz)
	out := []LateLine{}
	for _, l := range open {
		due, err := time.ParseInLocation(time.DateOnly, l.DueDate, s.tz)
		if err != nil || !due.Before(today) || (supplierID != 0 && l.SupplierID != supplierID) {
			continue
		}
		l.DaysLate = int(today.Sub(due).Hours() / 24)
		out = append(out, l)
	}
	return out, nil
}

// Claim records that the late lines were claimed today (their claim list
// printed and sent). It returns how many were.
func (s *Service) Claim(ctx context.Context, supplierID int64) (int, error) {
	late, err := s.LateLines(ctx, supplierID)
	if err != nil {
		return 0, err
	}
	if len(late) == 0 {
		return 0, errs.Invalid(CodeLineComplete, "", "没有需要催缺的图书", "nothing is late")
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		for _, ll := range late {
			l, err := tx.Line(ll.ID)
			if err != nil {
				return err
			}
			l.Claims++
			l.ClaimedDate, l.UpdatedAt = s.today(), s.now()
			if err := tx.UpdateLine(&l); err != nil {
				return err
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "order_line", fmt.Sprint(supplierID), fmt.Sprintf("催缺 %d 种", len(late))))
	})
	return len(late), err
}
