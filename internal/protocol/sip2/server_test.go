package sip2_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/protocol/sip2"
	"shuwu/internal/readers"
	"shuwu/internal/selfcheck"
	"shuwu/internal/testkit"
)

const (
	terminalPW = "Kiosk-pass-1"
	readerPW   = "Reader-8888"
)

// env is a SIP2 server on a real store, with one UTF-8 and one GBK
// terminal account.
type env struct {
	k    *testkit.Kit
	sc   *selfcheck.Service
	addr string
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	k := testkit.New(tb)
	sc := selfcheck.NewService(k.DB.SelfCheck(), k.Clock.Now)
	for _, t := range []selfcheck.NewTerminal{
		{Name: "kiosk1", Password: terminalPW, Institution: "SHUWU", Location: "大厅", Encoding: selfcheck.UTF8},
		{Name: "kiosk-gbk", Password: terminalPW, Institution: "SHUWU", Location: "二楼", Encoding: selfcheck.GBK},
	} {
		if _, err := sc.AddTerminal(k.Ctx, t); err != nil {
			tb.Fatal(err)
		}
	}
	srv := sip2.New(sip2.Deps{Terminals: sc, Circulation: k.Circulation, Readers: k.Readers, Catalog: k.Catalog, Auth: k.Auth,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), TZ: testkit.Shanghai, Now: k.Clock.Now})
	addr, err := srv.Listen("127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	go srv.Serve()
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	return &env{k: k, sc: sc, addr: addr.String()}
}

// reader registers a reader with a portal password.
func (e *env) reader(tb testing.TB, name string) readers.Reader {
	tb.Helper()
	r := e.k.Reader(name)
	if err := e.k.Auth.SetReaderPassword(e.k.Ctx, r.Card, readerPW); err != nil {
		tb.Fatal(err)
	}
	return r
}

// login opens a connection and logs in as the named terminal.
func (e *env) login(tb testing.TB, name string) *client {
	tb.Helper()
	c := dial(tb, e.addr)
	c.gbk = name == "kiosk-gbk"
	if r := c.do("9300CN" + name + "|CO" + terminalPW + "|CP大厅|"); r.fixed["ok"] != "1" {
		tb.Fatalf("login %s: %q", name, r.raw)
	}
	return c
}

func wantAF(t *testing.T, r resp, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.get("AF"), p) {
			t.Fatalf("response %q: screen message AF should say %q", r.raw, p)
		}
	}
}

func TestLoginAndStatus(t *testing.T) {
	e := newEnv(t)
	c := dial(t, e.addr)
	if r := c.do("9300CNkiosk1|COwrong-password|CP大厅|"); r.fixed["ok"] != "0" {
		t.Fatalf("wrong password: %q, want 940", r.raw)
	}
	if r := c.do("9300CNnobody|CO" + terminalPW + "|"); r.fixed["ok"] != "0" {
		t.Fatalf("unknown terminal: %q, want 940", r.raw)
	}
	// Before login the machine learns shuwu is there but not lending.
	if r := c.do("9900302.00"); r.fixed["online"] != "N" {
		t.Fatalf("status before login: %q, want offline", r.raw)
	}
	if r := c.do("9300CNkiosk1|CO" + terminalPW + "|CP大厅|"); r.fixed["ok"] != "1" {
		t.Fatalf("login: %q, want 941", r.raw)
	}
	r := c.do("9900302.00")
	if r.fixed["online"] != "Y" || r.fixed["checkout ok"] != "Y" || r.fixed["version"] != "2.00" {
		t.Fatalf("status: %q", r.raw)
	}
	if r.get("AO") != "SHUWU" || r.get("AN") != "大厅" || r.get("BX") != "YYYYYYYYYNYYNYYY" {
		t.Fatalf("status fields: %q", r.raw)
	}
	ts, _ := e.sc.Terminals(e.k.Ctx)
	for _, term := range ts {
		if term.Name == "kiosk1" && term.LastLoginAt == nil {
			t.Fatal("the terminal's last login was not recorded")
		}
	}
}

func TestDisabledTerminalCannotLogIn(t *testing.T) {
	e := newEnv(t)
	if _, err := e.sc.UpdateTerminal(e.k.Ctx, "kiosk1", selfcheck.TerminalChange{Institution: "SHUWU", Encoding: selfcheck.UTF8, Disabled: true}); err != nil {
		t.Fatal(err)
	}
	c := dial(t, e.addr)
	if r := c.do("9300CNkiosk1|CO" + terminalPW + "|"); r.fixed["ok"] != "0" {
		t.Fatalf("disabled terminal: %q, want 940", r.raw)
	}
}

func TestMessageBeforeLoginClosesTheConnection(t *testing.T) {
	e := newEnv(t)
	c := dial(t, e.addr)
	c.sendRaw(c.frame("6300120240902    100000          AOSHUWU|AAR1|"))
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if b, err := c.r.ReadBytes('\r'); err == nil {
		t.Fatalf("patron information before login answered %q; want the connection closed", b)
	}
}

func TestPatronStatusAndInformation(t *testing.T) {
	e := newEnv(t)
	r := e.reader(t, "张三")
	items := e.k.Items(e.k.Record("习近平新时代中国特色社会主义思想学习纲要"), 2)
	e.k.Checkout(r, items[0])
	c := e.login(t, "kiosk1")

	got := c.do("23019" + stamp() + "AOSHUWU|AA" + r.Card + "|AC|AD" + readerPW + "|")
	if got.get("AE") != "张三" || got.get("BL") != "Y" || got.get("CQ") != "Y" || got.fixed["patron status"] != strings.Repeat(" ", 14) {
		t.Fatalf("patron status: %q", got.raw)
	}
	wantAF(t, got, "张三，您好", "当前借阅 1 册")
	if got.get("BV") != "0.00" {
		t.Fatalf("fees should be 0: %q", got.raw)
	}

	got = c.do("23019" + stamp() + "AOSHUWU|AA" + r.Card + "|AC|ADwrong-pin|")
	if got.get("CQ") != "N" || got.get("BL") != "Y" {
		t.Fatalf("wrong PIN: %q, want BLY CQN", got.raw)
	}
	wantAF(t, got, "密码错误")

	got = c.do("23019" + stamp() + "AOSHUWU|AANOSUCHCARD|AC|")
	if got.get("BL") != "N" || got.fixed["patron status"][:4] != "YYYY" {
		t.Fatalf("unknown patron: %q, want BLN and privileges denied", got.raw)
	}
	wantAF(t, got, "读者证号 NOSUCHCARD 不存在")

	// Patron information with the charged-items summary lists the loans.
	got = c.do("63019" + stamp() + "  Y       AOSHUWU|AA" + r.Card + "|AD" + readerPW + "|BP1|BQ5|")
	if got.fixed["charged items"] != "0001" || got.fixed["hold items"] != "0000" || got.fixed["overdue items"] != "0000" {
		t.Fatalf("patron information counts: %q", got.raw)
	}
	if au := got.all("AU"); len(au) != 1 || au[0] != items[0].Barcode {
		t.Fatalf("charged items AU = %v, want [%s]", au, items[0].Barcode)
	}
	if got.has("AT") || got.has("AS") {
		t.Fatalf("only the charged list was asked for: %q", got.raw)
	}

	// Ten days after the due date the loan is overdue and blocks lending.
	e.k.Clock.AddDays(60)
	got = c.do("63019" + stamp() + " Y        AOSHUWU|AA" + r.Card + "|")
	if got.fixed["overdue items"] != "0001" || got.fixed["patron status"][0] != 'Y' || got.fixed["patron status"][6] != 'Y' {
		t.Fatalf("overdue patron: %q", got.raw)
	}
	if at := got.all("AT"); len(at) != 1 || at[0] != items[0].Barcode {
		t.Fatalf("overdue items AT = %v", at)
	}
	wantAF(t, got, "超期未还")
}

func TestCheckoutCheckinLikeTheDesk(t *testing.T) {
	e := newEnv(t)
	r := e.reader(t, "李四")
	it := e.k.Item("中国共产党章程")
	c := e.login(t, "kiosk1")

	got := c.do("11YN" + stamp() + "                  AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|AC|AD" + readerPW + "|")
	if !strings.HasPrefix(got.raw, "121NNY") {
		t.Fatalf("checkout: %q, want 121NNY…", got.raw)
	}
	if got.get("AJ") != "中国共产党章程" || got.get("AH") == "" || got.get("AA") != r.Card || got.get("AB") != it.Barcode {
		t.Fatalf("checkout fields: %q", got.raw)
	}
	wantAF(t, got, "借书成功：《中国共产党章程》", got.get("AH"))
	loan, err := e.k.Circulation.LoanOf(e.k.Ctx, it.ID)
	if err != nil || loan.ReaderID != r.ID || loan.DueDate != got.get("AH") {
		t.Fatalf("the desk sees loan %+v, %v; want it lent to %s due %s", loan, err, r.Card, got.get("AH"))
	}

	// Item information shows it charged, with the due date.
	got = c.do("17" + stamp() + "AOSHUWU|AB" + it.Barcode + "|")
	if got.fixed["circulation status"] != "04" || got.get("AH") != loan.DueDate || got.get("AJ") != "中国共产党章程" {
		t.Fatalf("item information: %q", got.raw)
	}

	// The same book again: without renewals allowed it is refused…
	got = c.do("11NN" + stamp() + "                  AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|AC|")
	if got.fixed["ok"] != "0" {
		t.Fatalf("second checkout: %q, want refused", got.raw)
	}
	wantAF(t, got, "无需重复借出")
	// …and with the SC renewal policy Y, renewed (near the due date, so
	// that renewing extends the loan).
	due, _ := time.ParseInLocation(time.DateOnly, loan.DueDate, testkit.Shanghai)
	e.k.Clock.Set(due.Add(-24 * time.Hour).Add(10 * time.Hour))
	got = c.do("11YN" + stamp() + "                  AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|AC|")
	if got.fixed["ok"] != "1" || got.fixed["renewal ok"] != "Y" || got.get("AH") <= loan.DueDate {
		t.Fatalf("checkout as renewal: %q", got.raw)
	}
	wantAF(t, got, "续借成功")

	got = c.do("09N" + stamp() + stamp() + "AP大厅|AOSHUWU|AB" + it.Barcode + "|AC|")
	if !strings.HasPrefix(got.raw, "101YNN") {
		t.Fatalf("checkin: %q, want 101YNN…", got.raw)
	}
	if got.get("AA") != r.Card || got.get("AQ") == "" {
		t.Fatalf("checkin fields: %q", got.raw)
	}
	wantAF(t, got, "还书成功：《中国共产党章程》")
	if _, err := e.k.Circulation.LoanOf(e.k.Ctx, it.ID); err == nil {
		t.Fatal("the loan is still open after the checkin")
	}
	got = c.do("17" + stamp() + "AOSHUWU|AB" + it.Barcode + "|")
	if got.fixed["circulation status"] != "03" || got.has("AH") {
		t.Fatalf("returned item: %q, want available without due date", got.raw)
	}
}

func TestCheckoutRefusals(t *testing.T) {
	e := newEnv(t)
	r := e.reader(t, "王五")
	other := e.reader(t, "赵六")
	it := e.k.Item("党的建设")
	c := e.login(t, "kiosk1")
	co := func(card, barcode, pin string) resp {
		t.Helper()
		msg := "11NN" + stamp() + "                  AOSHUWU|AA" + card + "|AB" + barcode + "|AC|"
		if pin != "" {
			msg += "AD" + pin + "|"
		}
		got := c.do(msg)
		if got.fixed["ok"] != "0" || got.get("AH") != "" || got.fixed["desensitize"] != "N" {
			t.Fatalf("checkout %s/%s: %q, want refused with empty AH", card, barcode, got.raw)
		}
		return got
	}
	wantAF(t, co(r.Card, "NOSUCHITEM", ""), "条码 NOSUCHITEM 的图书不存在")
	wantAF(t, co("NOSUCHCARD", it.Barcode, ""), "读者证号 NOSUCHCARD 不存在")
	wantAF(t, co(r.Card, it.Barcode, "wrong-pin"), "密码错误")

	// A lost card is blocked, with the desk's message.
	if _, err := e.k.Readers.SetStatus(e.k.Ctx, r.Card, readers.StatusLost); err != nil {
		t.Fatal(err)
	}
	wantAF(t, co(r.Card, it.Barcode, ""), "已挂失")
	st := c.do("23019" + stamp() + "AOSHUWU|AA" + r.Card + "|")
	if st.fixed["patron status"][4] != 'Y' || st.fixed["patron status"][0] != 'Y' {
		t.Fatalf("lost card status: %q, want charge denied and card reported lost", st.raw)
	}

	// A copy waiting on the hold shelf for someone else.
	held := e.k.Items(e.k.Record("红色家书"), 1)[0]
	e.k.Checkout(other, held)
	third := e.reader(t, "孙七")
	if _, err := e.k.Circulation.PlaceHold(e.k.Ctx, third.Card, held.RecordID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.k.Circulation.Checkin(e.k.Ctx, held.Barcode, false); err != nil {
		t.Fatal(err)
	}
	wantAF(t, co(other.Card, held.Barcode, ""), "已为其他读者预约保留")
	if info := c.do("17" + stamp() + "AOSHUWU|AB" + held.Barcode + "|"); info.fixed["circulation status"] != "08" || info.get("CF") != "1" {
		t.Fatalf("held item information: %q, want 08 with queue 1", info.raw)
	}
	// The reader it waits for gets it.
	if got := c.do("11NN" + stamp() + "                  AOSHUWU|AA" + third.Card + "|AB" + held.Barcode + "|AC|"); got.fixed["ok"] != "1" {
		t.Fatalf("checkout by the holder: %q", got.raw)
	}

	// An in-room-only copy.
	locs, _ := e.k.Catalog.Locations(e.k.Ctx)
	var room int64
	for _, l := range locs {
		if !l.Lendable {
			room = l.ID
		}
	}
	rec := e.k.Record("人民日报合订本")
	inRoom, err := e.k.Catalog.AddItems(e.k.Ctx, catalog.NewItems{RecordID: rec.ID, Count: 1, LocationID: room, Source: catalog.SourcePurchase})
	if err != nil || room == 0 {
		t.Fatalf("in-room copy: %v (location %d)", err, room)
	}
	wantAF(t, co(other.Card, inRoom[0].Barcode, ""), "仅供室内阅览")
}

func TestCheckinOfHeldAndUnknownBooks(t *testing.T) {
	e := newEnv(t)
	a, b := e.reader(t, "甲"), e.reader(t, "乙")
	it := e.k.Item("共产党宣言")
	e.k.Checkout(a, it)
	if _, err := e.k.Circulation.PlaceHold(e.k.Ctx, b.Card, it.RecordID); err != nil {
		t.Fatal(err)
	}
	c := e.login(t, "kiosk1")
	got := c.do("09N" + stamp() + stamp() + "AP大厅|AOSHUWU|AB" + it.Barcode + "|AC|")
	if got.fixed["ok"] != "1" || got.fixed["alert"] != "Y" || got.get("CV") != "01" {
		t.Fatalf("checkin of a held book: %q, want ok with alert CV01", got.raw)
	}
	wantAF(t, got, "预约架")
	got = c.do("09N" + stamp() + stamp() + "AP大厅|AOSHUWU|ABNOSUCHITEM|AC|")
	if got.fixed["ok"] != "0" {
		t.Fatalf("checkin of an unknown book: %q", got.raw)
	}
	wantAF(t, got, "条码 NOSUCHITEM 的图书不存在")
}

func TestRenewAndRenewAll(t *testing.T) {
	e := newEnv(t)
	r, other := e.reader(t, "周八"), e.reader(t, "吴九")
	items := []catalog.Item{e.k.Item("论持久战"), e.k.Item("实践论"), e.k.Item("矛盾论")}
	for _, it := range items {
		e.k.Checkout(r, it)
	}
	// Someone waits for 矛盾论: it cannot be renewed.
	if _, err := e.k.Circulation.PlaceHold(e.k.Ctx, other.Card, items[2].RecordID); err != nil {
		t.Fatal(err)
	}
	l, _ := e.k.Circulation.LoanOf(e.k.Ctx, items[0].ID)
	due, _ := time.ParseInLocation(time.DateOnly, l.DueDate, testkit.Shanghai)
	e.k.Clock.Set(due.Add(-24 * time.Hour).Add(10 * time.Hour))
	c := e.login(t, "kiosk1")
	got := c.do("29NN" + stamp() + "                  AOSHUWU|AA" + r.Card + "|AD" + readerPW + "|AB" + items[0].Barcode + "|AC|")
	if !strings.HasPrefix(got.raw, "301Y") || got.get("AJ") != "论持久战" {
		t.Fatalf("renew: %q", got.raw)
	}
	wantAF(t, got, "续借成功：《论持久战》")

	got = c.do("29NN" + stamp() + "                  AOSHUWU|AA" + other.Card + "|AB" + items[1].Barcode + "|AC|")
	if got.fixed["ok"] != "0" {
		t.Fatalf("renewing someone else's loan: %q, want refused", got.raw)
	}
	wantAF(t, got, "只能续借自己借的书")

	got = c.do("65" + stamp() + "AOSHUWU|AA" + r.Card + "|AD" + readerPW + "|AC|")
	// 论持久战 was renewed today already: renewing again would not extend it,
	// or reach the limit; 实践论 renews; 矛盾论 is held.
	renewed, unrenewed := got.all("BM"), got.all("BN")
	if got.fixed["ok"] != "1" || !contains(renewed, items[1].Barcode) || !contains(unrenewed, items[2].Barcode) {
		t.Fatalf("renew all: %q", got.raw)
	}
	if got.fixed["renewed count"] != pad4(len(renewed)) || got.fixed["unrenewed count"] != pad4(len(unrenewed)) {
		t.Fatalf("renew all counts do not match the lists: %q", got.raw)
	}
	wantAF(t, got, "《矛盾论》未能续借：《矛盾论》已有其他读者预约")

	got = c.do("65" + stamp() + "AOSHUWU|AANOSUCHCARD|AC|")
	if got.fixed["ok"] != "0" {
		t.Fatalf("renew all for an unknown card: %q", got.raw)
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func pad4(n int) string {
	s := "0000" + strings.TrimLeft(strings.Repeat("0", 0), "")
	v := []byte(s + itoa(n))
	return string(v[len(v)-4:])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestHoldsPlacedAndCancelled(t *testing.T) {
	e := newEnv(t)
	holder, r := e.reader(t, "郑十"), e.reader(t, "钱一")
	it := e.k.Item("毛泽东选集")
	e.k.Checkout(holder, it)
	c := e.login(t, "kiosk1")
	got := c.do("15+" + stamp() + "AOSHUWU|AA" + r.Card + "|AD" + readerPW + "|AB" + it.Barcode + "|")
	if got.fixed["ok"] != "1" || got.get("BR") != "1" || got.get("AJ") != "毛泽东选集" {
		t.Fatalf("place hold: %q", got.raw)
	}
	wantAF(t, got, "预约成功", "第 1 位")
	acct, _ := e.k.Circulation.Account(e.k.Ctx, r.Card)
	if len(acct.Holds) != 1 {
		t.Fatalf("the reader has %d holds after 15+, want 1", len(acct.Holds))
	}
	got = c.do("15+" + stamp() + "AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|")
	if got.fixed["ok"] != "0" {
		t.Fatalf("duplicate hold: %q", got.raw)
	}
	wantAF(t, got, "您已预约《毛泽东选集》")
	got = c.do("15-" + stamp() + "AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|")
	if got.fixed["ok"] != "1" {
		t.Fatalf("cancel hold: %q", got.raw)
	}
	wantAF(t, got, "已取消预约：《毛泽东选集》")
	if acct, _ := e.k.Circulation.Account(e.k.Ctx, r.Card); len(acct.Holds) != 0 {
		t.Fatal("the hold is still there after 15-")
	}
	got = c.do("15-" + stamp() + "AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|")
	wantAF(t, got, "您没有预约")
	// A book on the shelf is borrowed, not held.
	free := e.k.Item("邓小平文选")
	got = c.do("15+" + stamp() + "AOSHUWU|AA" + r.Card + "|AB" + free.Barcode + "|")
	wantAF(t, got, "在架，可直接到书架借阅")
}

func TestBlockPatronEnableFeeAndEndSession(t *testing.T) {
	e := newEnv(t)
	r := e.reader(t, "冯二")
	c := e.login(t, "kiosk1")
	got := c.do("01N" + stamp() + "AOSHUWU|ALCARD LEFT IN MACHINE|AA" + r.Card + "|AC|")
	if got.code != "24" || got.fixed["patron status"][0] != 'Y' {
		t.Fatalf("block patron: %q", got.raw)
	}
	wantAF(t, got, "暂停使用")
	if back, _ := e.k.Readers.ByCard(e.k.Ctx, r.Card); back.Status != readers.StatusSuspended {
		t.Fatalf("blocked card status %s, want suspended", back.Status)
	}
	got = c.do("25" + stamp() + "AOSHUWU|AA" + r.Card + "|")
	if got.code != "26" || got.fixed["patron status"][0] != 'Y' {
		t.Fatalf("patron enable: %q", got.raw)
	}
	wantAF(t, got, "请到服务台办理")
	if back, _ := e.k.Readers.ByCard(e.k.Ctx, r.Card); back.Status != readers.StatusSuspended {
		t.Fatal("a terminal lifted a block; only staff may")
	}
	got = c.do("37" + stamp() + "0100CNY" + "BV1.00|AOSHUWU|AA" + r.Card + "|")
	if got.fixed["payment accepted"] != "N" {
		t.Fatalf("fee paid: %q", got.raw)
	}
	got = c.do("35" + stamp() + "AOSHUWU|AA" + r.Card + "|")
	if got.fixed["end session"] != "Y" || got.get("AA") != r.Card {
		t.Fatalf("end session: %q", got.raw)
	}
}

func TestItemStatusUpdateKeepsProperties(t *testing.T) {
	e := newEnv(t)
	it := e.k.Item("之江新语")
	c := e.login(t, "kiosk1")
	got := c.do("19" + stamp() + "AOSHUWU|AB" + it.Barcode + "|AC|CHRFID:E2801160|")
	if got.fixed["item properties ok"] != "1" {
		t.Fatalf("item status update: %q", got.raw)
	}
	if got = c.do("17" + stamp() + "AOSHUWU|AB" + it.Barcode + "|"); got.get("CH") != "RFID:E2801160" {
		t.Fatalf("item information after 19: %q, want CH kept", got.raw)
	}
	if got = c.do("19" + stamp() + "AOSHUWU|ABNOSUCHITEM|CHx|"); got.fixed["item properties ok"] != "0" {
		t.Fatalf("update of an unknown item: %q", got.raw)
	}
}

func TestErrorDetectionAndResend(t *testing.T) {
	e := newEnv(t)
	c := e.login(t, "kiosk1")
	c.detect = true
	got := c.do("9900302.00")
	if got.seq == "" {
		t.Fatalf("a request with AY/AZ got %q without error detection", got.raw)
	}
	// A damaged message gets 96.
	c.sendRaw([]byte("9900302.00AY5AZ0000\r"))
	if raw := c.readRaw(); string(raw) != "96" {
		t.Fatalf("bad checksum answered %q, want 96", raw)
	}
	// 97 repeats the last answer byte for byte.
	first := c.do("17" + stamp() + "AOSHUWU|ABNOSUCH|")
	c.sendRaw([]byte("97\r"))
	if again := c.readRaw(); string(again) != first.raw+"AY"+first.seq+"AZ"+sum([]byte(first.raw+"AY"+first.seq+"AZ")) {
		t.Fatalf("resend %q, want the last response %q", again, first.raw)
	}
	// The Evergreen/dp2 vectors: a correct login with sequence 3.
	c2 := dial(t, e.addr)
	c2.sendRaw([]byte("9300CNkiosk1|CO" + terminalPW + "|AY3AZ" + sum([]byte("9300CNkiosk1|CO"+terminalPW+"|AY3AZ")) + "\r"))
	if raw := string(c2.readRaw()); raw != "941AY3AZFDFA" {
		t.Fatalf("login with error detection: %q, want 941AY3AZFDFA", raw)
	}
}

func TestTerminatorsAndPipelining(t *testing.T) {
	e := newEnv(t)
	c := e.login(t, "kiosk1")
	for _, end := range []string{"\r", "\r\n", "\n"} {
		c.sendRaw([]byte("9900302.00" + end))
		if r := c.check(c.readRaw()); r.code != "98" {
			t.Fatalf("terminator %q: %q", end, r.raw)
		}
	}
	// Five requests before reading any answer come back in order.
	var batch []byte
	for i := 0; i < 5; i++ {
		batch = append(batch, "17"+stamp()+"AOSHUWU|ABP"+itoa(i)+"|\r"...)
	}
	c.sendRaw(batch)
	for i := 0; i < 5; i++ {
		if r := c.check(c.readRaw()); r.get("AB") != "P"+itoa(i) {
			t.Fatalf("pipelined answer %d: %q", i, r.raw)
		}
	}
}

func TestGBKTerminal(t *testing.T) {
	e := newEnv(t)
	r := e.reader(t, "欧阳红")
	it := e.k.Item("习近平谈治国理政")
	c := e.login(t, "kiosk-gbk")
	c.detect = true
	got := c.do("11NN" + stamp() + "                  AOSHUWU|AA" + r.Card + "|AB" + it.Barcode + "|AC|")
	if got.fixed["ok"] != "1" || got.get("AJ") != "习近平谈治国理政" {
		t.Fatalf("GBK checkout: %q", got.raw)
	}
	wantAF(t, got, "借书成功")
	// The bytes on the wire are GBK, not UTF-8.
	c.sendRaw(c.frame("23019" + stamp() + "AOSHUWU|AA" + r.Card + "|"))
	raw := c.readRaw()
	gbkName, _ := c.encodeErr("欧阳红")
	if !strings.Contains(string(raw), string(gbkName)) || strings.Contains(string(raw), "欧阳红") {
		t.Fatalf("patron status %q should carry the name in GBK", raw)
	}
	c.check(raw)
}

func (c *client) encodeErr(s string) ([]byte, error) { return c.encode(s), nil }

func TestCardNumberAndPINTravelInGBKFields(t *testing.T) {
	// A PIN typed with Chinese punctuation reaches the password check
	// decoded, so a GBK machine and the portal agree.
	e := newEnv(t)
	r := e.k.Reader("测试")
	if err := e.k.Auth.SetReaderPassword(e.k.Ctx, r.Card, "密码：书屋2024"); err != nil {
		t.Fatal(err)
	}
	c := e.login(t, "kiosk-gbk")
	if got := c.do("23019" + stamp() + "AOSHUWU|AA" + r.Card + "|AD密码：书屋2024|"); got.get("CQ") != "Y" {
		t.Fatalf("GBK PIN: %q, want CQY", got.raw)
	}
}

func TestOverTLS(t *testing.T) {
	k := testkit.New(t)
	sc := selfcheck.NewService(k.DB.SelfCheck(), k.Clock.Now)
	if _, err := sc.AddTerminal(k.Ctx, selfcheck.NewTerminal{Name: "kiosk1", Password: terminalPW, Institution: "SHUWU"}); err != nil {
		t.Fatal(err)
	}
	cert := selfSigned(t)
	srv := sip2.New(sip2.Deps{Terminals: sc, Circulation: k.Circulation, Readers: k.Readers, Catalog: k.Catalog, Auth: k.Auth,
		TZ: testkit.Shanghai, Now: k.Clock.Now, TLS: &tls.Config{Certificates: []tls.Certificate{cert}}})
	addr, err := srv.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	defer srv.Shutdown(context.Background())
	conn, err := tls.Dial("tcp", addr.String(), &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, conn: conn, r: bufio.NewReader(conn)}
	defer conn.Close()
	if r := c.do("9300CNkiosk1|CO" + terminalPW + "|"); r.fixed["ok"] != "1" {
		t.Fatalf("login over TLS: %q", r.raw)
	}
	// Plain TCP to the TLS port gets no SIP2 answer.
	plain := dial(t, addr.String())
	plain.sendRaw([]byte("9300CNkiosk1|CO" + terminalPW + "|\r"))
	plain.conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	if b, err := plain.r.ReadBytes('\r'); err == nil && strings.HasPrefix(string(b), "94") {
		t.Fatalf("plain TCP on the TLS port answered %q", b)
	}
}

func selfSigned(t *testing.T) tls.Certificate {
	cert, _, _ := testkit.SelfSigned(t)
	return cert
}

func TestGuessingATerminalPasswordIsSlowedDown(t *testing.T) {
	e := newEnv(t)
	c := dial(t, e.addr)
	for i := 0; i < 5; i++ {
		if r := c.do("9300CNkiosk1|COguess" + itoa(i) + "|"); r.fixed["ok"] != "0" {
			t.Fatalf("wrong password %d: %q", i, r.raw)
		}
	}
	if r := c.do("9300CNkiosk1|CO" + terminalPW + "|"); r.fixed["ok"] != "0" {
		t.Fatalf("after five wrong passwords the right one got in at once: %q", r.raw)
	}
	e.k.Clock.Set(e.k.Clock.Now().Add(6 * time.Minute))
	if r := c.do("9300CNkiosk1|CO" + terminalPW + "|"); r.fixed["ok"] != "1" {
		t.Fatalf("after the wait: %q, want 941", r.raw)
	}
}
