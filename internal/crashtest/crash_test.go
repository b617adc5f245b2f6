package crashtest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/cli"
	"shuwu/internal/config"
	"shuwu/internal/readers"
	"shuwu/internal/testkit"
)

// TestMain lets the test binary be the server it kills: with
// SHUWU_CRASH_CHILD set it runs `shuwu serve` and nothing else.
func TestMain(m *testing.M) {
	if os.Getenv("SHUWU_CRASH_CHILD") == "1" {
		os.Exit(cli.Run(context.Background(), []string{"serve", "--log-level", "error"}, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Exit(m.Run())
}

const (
	clients        = 50
	itemsPerClient = 4
	deskUser       = "crashdesk"
	deskPassword   = "Crash-desk-2026"
)

// cycles is how many times the server is killed: 10 in the normal run,
// 100 with SHUWU_LONG=1 (the test command's long mode).
func cycles() int {
	if os.Getenv("SHUWU_LONG") == "1" {
		return 100
	}
	return 10
}

// itemState is what one client knows of one copy: who has it by the
// last acknowledged answer, and whether a request was still unanswered
// when the server died (then either outcome is right).
type itemState struct {
	barcode  string
	onLoan   bool // by the last acknowledged answer
	inFlight bool
}

// The server is killed with SIGKILL at random moments while 50 desks lend
// and return; after each kill the database must hold every acknowledged
// loan and return, no copy lent twice, no copy both on the shelf and on
// loan, and a ledger that agrees with the loans. It then starts again on
// the same data and goes on.
func TestKilledUnderLoadLosesNoAcknowledgedLoan(t *testing.T) {
	cfg := testkit.Config(t)
	cards, barcodes := seed(t, cfg)
	state := make([][]*itemState, clients)
	for c := range state {
		for i := 0; i < itemsPerClient; i++ {
			state[c] = append(state[c], &itemState{barcode: barcodes[c*itemsPerClient+i]})
		}
	}
	acked := 0
	for cycle := 0; cycle < cycles(); cycle++ {
		addr := freeAddr(t)
		child := start(t, cfg, addr)
		base := "http://" + addr
		waitHealthy(t, base, child)
		token := login(t, base)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var mu sync.Mutex
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n := desk(base, token, cards[c], state[c], stop)
				mu.Lock()
				acked += n
				mu.Unlock()
			}()
		}
		time.Sleep(time.Duration(300+rand.IntN(1200)) * time.Millisecond)
		child.Process.Kill()
		child.Wait()
		close(stop)
		wg.Wait()
		check(t, cfg, cycle, cards, state)
		if t.Failed() {
			return
		}
	}
	if acked < cycles()*clients {
		t.Fatalf("only %d acknowledged loans and returns in %d cycles: the load never ran", acked, cycles())
	}
	t.Logf("%d kills, %d acknowledged loans and returns, none lost", cycles(), acked)
}

// desk lends and returns its copies in turn until stopped or the server
// is gone, and returns how many answers it had.
func desk(base, token, card string, items []*itemState, stop chan struct{}) int {
	c := &http.Client{Timeout: 10 * time.Second}
	n := 0
	for i := 0; ; i = (i + 1) % len(items) {
		select {
		case <-stop:
			return n
		default:
		}
		it := items[i]
		path, body := "/api/v1/checkout", fmt.Sprintf(`{"reader":%q,"item":%q}`, card, it.barcode)
		if it.onLoan {
			path, body = "/api/v1/checkin", fmt.Sprintf(`{"item":%q}`, it.barcode)
		}
		it.inFlight = true
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := c.Do(req)
		if err != nil {
			return n // the server is gone; the request stays in flight
		}
		res.Body.Close()
		if res.StatusCode == http.StatusOK || res.StatusCode == http.StatusCreated {
			it.onLoan, it.inFlight = !it.onLoan, false
			n++
		} else {
			// Refused with an answer: nothing changed.
			it.inFlight = false
		}
	}
}

// check opens the database the killed server left and compares it with
// what the desks were told, then takes the database's word for the
// copies whose last request went unanswered.
func check(t *testing.T, cfg config.Config, cycle int, cards []string, state [][]*itemState) {
	t.Helper()
	db := rawDB(t, cfg)
	defer db.Close()
	q := func(query string, args ...any) int {
		t.Helper()
		if strings.HasPrefix(cfg.DB, "postgres") {
			for i := 1; strings.Contains(query, "?"); i++ {
				query = strings.Replace(query, "?", "$"+strconv.Itoa(i), 1)
			}
		}
		var n int
		if err := db.QueryRow(query, args...).Scan(&n); err != nil {
			t.Fatalf("cycle %d: %s: %v", cycle, query, err)
		}
		return n
	}
	if n := q(`SELECT COUNT(*) FROM (SELECT item_id FROM loans GROUP BY item_id HAVING COUNT(*) > 1) d`); n != 0 {
		t.Errorf("cycle %d: %d copies are lent twice", cycle, n)
	}
	if n := q(`SELECT COUNT(*) FROM items i WHERE (i.status = 'on_loan') <> EXISTS (SELECT 1 FROM loans l WHERE l.item_id = i.id)`); n != 0 {
		t.Errorf("cycle %d: %d copies are on the shelf and on loan at once (status and loans disagree)", cycle, n)
	}
	if n := q(`SELECT COUNT(*) FROM items i WHERE
		(SELECT COUNT(*) FROM ledger g WHERE g.item_id = i.id AND g.kind = 'loan') -
		(SELECT COUNT(*) FROM ledger g WHERE g.item_id = i.id AND g.kind = 'return') <>
		(SELECT COUNT(*) FROM loans l WHERE l.item_id = i.id)`); n != 0 {
		t.Errorf("cycle %d: the ledger disagrees with the loans for %d copies", cycle, n)
	}
	for c, items := range state {
		for _, it := range items {
			onLoan := q(`SELECT COUNT(*) FROM loans l JOIN items i ON i.id = l.item_id JOIN readers r ON r.id = l.reader_id WHERE i.barcode = ? AND r.card = ?`, it.barcode, cards[c]) == 1
			if !it.inFlight && onLoan != it.onLoan {
				t.Errorf("cycle %d: copy %s: acknowledged as on loan=%v, the database says %v: an acknowledged change was lost", cycle, it.barcode, it.onLoan, onLoan)
			}
			it.onLoan, it.inFlight = onLoan, false
		}
	}
}

// rawDB opens the database under the server's feet, with no shuwu code
// in between: what is there is what a restarted server would find.
func rawDB(t *testing.T, cfg config.Config) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite", filepath.Join(cfg.DataDir, "shuwu.db")
	if strings.HasPrefix(cfg.DB, "postgres") {
		driver, dsn = "pgx", cfg.DB
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// seed makes the desks' readers and copies and the desk account, with the
// app itself, then closes it for the server to open.
func seed(t *testing.T, cfg config.Config) (cards, barcodes []string) {
	t.Helper()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Auth.CreateUser(ctx, deskUser, "压测前台", audit.RoleDuty, deskPassword); err != nil {
		t.Fatal(err)
	}
	locs, err := a.Catalog.Locations(ctx)
	if err != nil || len(locs) == 0 {
		t.Fatalf("locations: %v", err)
	}
	types, err := a.Readers.Types(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var staffType int64
	for _, ty := range types {
		if ty.Code == readers.TypeStaff {
			staffType = ty.ID
		}
	}
	for c := 0; c < clients; c++ {
		r, err := a.Readers.Create(ctx, readers.Reader{Name: fmt.Sprintf("读者%02d", c), TypeID: staffType, ExpiryDate: "2099-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, r.Card)
		_, items, err := a.Catalog.CreateRecordWithItems(ctx, catalog.Record{Title: fmt.Sprintf("压力测试用书 %02d", c), CLC: "D2"},
			catalog.NewItems{Count: itemsPerClient, LocationID: locs[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			barcodes = append(barcodes, it.Barcode)
		}
	}
	return cards, barcodes
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs the test binary as `shuwu serve` on the data directory.
func start(t *testing.T, cfg config.Config, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SHUWU_CRASH_CHILD=1", "SHUWU_ADDR="+addr, "SHUWU_DATA="+cfg.DataDir, "SHUWU_DB="+cfg.DB)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() {
			t.Logf("server output:\n%s", out.String())
		}
	})
	return cmd
}

func waitHealthy(t *testing.T, base string, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the server did not come up on %s", base)
}

func login(t *testing.T, base string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"username": deskUser, "password": deskPassword})
	res, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var s struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&s); err != nil || s.Token == "" {
		t.Fatalf("login: %d %v", res.StatusCode, err)
	}
	return s.Token
}
