package demo

import (
	"fmt"
	"time"

	"shuwu/internal/acquisitions"
)

// demoSuppliers are the booksellers the reading room orders from.
var demoSuppliers = []acquisitions.Supplier{
	{Name: "新华书店湘西州分公司", Contact: "向经理", Phone: "0743-8222156", Address: "吉首市人民北路 36 号", Notes: "主要供货商，月结"},
	{Name: "党建读物出版社发行部", Contact: "刘老师", Phone: "010-58587791", Address: "北京市西城区", Notes: "党建类新书直供，7.5 折"},
	{Name: "人民出版社读者服务部", Contact: "陈女士", Phone: "010-65250042", Address: "北京市东城区隆福寺街 99 号"},
}

// demoOrderTitle is a new book ordered by ISBN and title only.
type demoOrderTitle struct {
	title, author, publisher, clc string
	isbn12                        string // the ISBN without its check digit
	priceFen                      int64
	copies, received              int
}

// isbn13 completes twelve digits with their check digit.
func isbn13(d12 string) string {
	sum := 0
	for i, c := range d12 {
		n := int(c - '0')
		if i%2 == 1 {
			n *= 3
		}
		sum += n
	}
	return fmt.Sprintf("%s%d", d12, (10-sum%10)%10)
}

// loadOrders sets up this year's funds and suppliers and three orders:
// one received in full, one partly received and past its due date (so
// the claim list has it), and a draft from the first required-reading
// list. Receiving catalogues the new titles and adds their copies as
// bought (集中采购) today.
func (l *loader) loadOrders() error {
	saved := l.clk.t
	l.clk.t = l.now
	defer func() { l.clk.t = saved }()
	svc := acquisitions.NewService(l.db.Acquisitions(), l.tz, func() time.Time { return l.now }).WithCatalog(l.cat)
	year := l.today.Year()
	var sups []acquisitions.Supplier
	for _, s := range demoSuppliers {
		sp, err := svc.SaveSupplier(l.ctx, s)
		if err != nil {
			return err
		}
		sups = append(sups, sp)
	}
	books, err := svc.SaveFund(l.ctx, acquisitions.Fund{Name: "购书经费", Year: year, AmountFen: 60000_00, Notes: "校财政年度预算"})
	if err != nil {
		return err
	}
	party, err := svc.SaveFund(l.ctx, acquisitions.Fund{Name: "党建专项经费", Year: year, AmountFen: 20000_00, Notes: "机关党委拨付"})
	if err != nil {
		return err
	}
	if _, err := svc.SaveFund(l.ctx, acquisitions.Fund{Name: "购书经费", Year: year - 1, AmountFen: 55000_00}); err != nil {
		return err
	}
	locs, err := l.cat.Locations(l.ctx)
	if err != nil {
		return err
	}
	day := func(n int) string { return l.today.AddDate(0, 0, n).Format(time.DateOnly) }
	order := func(sup acquisitions.Supplier, placed, due int, fund acquisitions.Fund, discount int, titles []demoOrderTitle) error {
		o, err := svc.CreateOrder(l.ctx, acquisitions.NewOrder{SupplierID: sup.ID, OrderDate: day(placed), DueDate: day(due)})
		if err != nil {
			return err
		}
		var lines []acquisitions.Line
		for _, t := range titles {
			ln, err := svc.AddLine(l.ctx, o.ID, acquisitions.NewLine{Title: t.title, Author: t.author, Publisher: t.publisher, CLC: t.clc, ISBN: isbn13(t.isbn12),
				Copies: t.copies, ListPriceFen: t.priceFen, Discount: discount, FundID: fund.ID})
			if err != nil {
				return err
			}
			lines = append(lines, ln)
		}
		if _, err := svc.Send(l.ctx, o.ID); err != nil {
			return err
		}
		for i, t := range titles {
			for range t.received {
				if _, _, _, err := svc.Receive(l.ctx, lines[i].ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := order(sups[0], -60, -30, books, 800, []demoOrderTitle{
		{"习近平新时代中国特色社会主义思想学习纲要（2023年版）", "中共中央宣传部", "学习出版社", "D610", "978751471592", 3200, 4, 4},
		{"中国式现代化", "本书编写组", "人民出版社", "D61", "978701025688", 5800, 3, 3},
		{"乡村振兴战略规划实务", "农业农村部", "中国农业出版社", "F320.3", "978710930541", 4500, 2, 2},
	}); err != nil {
		return err
	}
	if err := order(sups[1], -40, -10, party, 750, []demoOrderTitle{
		{"论党的自我革命", "习近平", "党建读物出版社", "D26", "978750991422", 3800, 2, 2},
		{"全面从严治党案例选编", "本书编写组", "党建读物出版社", "D262.6", "978750991587", 4200, 3, 1},
		{"基层党组织书记工作手册（2024年版）", "本书编写组", "党建读物出版社", "D267", "978750991613", 3600, 2, 0},
	}); err != nil {
		return err
	}
	// The draft: next term's required reading, from the first list.
	lists, err := l.cat.ReadingLists(l.ctx)
	if err != nil {
		return err
	}
	o, err := svc.CreateOrder(l.ctx, acquisitions.NewOrder{SupplierID: sups[2].ID, DueDate: day(30), Notes: "下学期县干班必读书目补充复本"})
	if err != nil {
		return err
	}
	if len(lists) > 0 {
		if _, err := svc.AddFromList(l.ctx, o.ID, lists[0].ID, 2, 850, books.ID); err != nil {
			return err
		}
	}
	return l.loadSuggestions(svc, o.ID, books.ID)
}

// demoSuggestions are readers' purchase suggestions (荐购): the first is
// accepted onto the draft order, the second declined, the rest wait.
var demoSuggestions = []acquisitions.Suggestion{
	{Title: "数字政府建设实务", Author: "本书编写组", Reason: "科室正在推进“一网通办”，想系统学习"},
	{Title: "三体", Author: "刘慈欣", Reason: "想读"},
	{Title: "基层治理现代化案例选编", Reason: "乡镇干部班讨论用，希望多买几本"},
	{Title: "红军长征在湘西", Reason: "本地党史教育素材"},
	{Title: "中国共产党湘西历史", Author: "中共湘西州委党史研究室", Reason: "学员实地教学前需要预习"},
}

func (l *loader) loadSuggestions(svc *acquisitions.Service, draftID, fundID int64) error {
	if len(l.staff) == 0 {
		return nil
	}
	for i, in := range demoSuggestions {
		sg, err := svc.Suggest(l.ctx, l.staff[i%len(l.staff)].id, in)
		if err != nil {
			return err
		}
		switch i {
		case 0:
			if _, _, err := svc.Accept(l.ctx, sg.ID, draftID, acquisitions.NewLine{Copies: 2, ListPriceFen: 4800, Discount: 850, FundID: fundID, CLC: "D63"}, "已列入下批订单"); err != nil {
				return err
			}
		case 1:
			if _, err := svc.Reject(l.ctx, sg.ID, "文学类读物不属于本书屋的收藏重点，可到校图书馆借阅"); err != nil {
				return err
			}
		}
	}
	return nil
}
