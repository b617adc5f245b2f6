package httpx

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"shuwu/internal/errs"
)

// Defaults of Uploads.
const (
	// UploadsPerAddress is how many uploads one address may send at once.
	UploadsPerAddress = 3
	// UploadIdle is the longest an upload may send nothing (and the
	// grace before its average rate counts).
	UploadIdle = 30 * time.Second
	// UploadMinRate is the average rate, in bytes a second, below which an
	// upload is cut off: a slow office line sends far more, a client
	// holding the socket open with a trickle far less.
	UploadMinRate = 16 << 10
)

// spoolPrefix names the spool files, so Clean removes only those.
const spoolPrefix = "spool-"

// Uploads receives import files on both surfaces. It bounds how many one
// address sends at once, cuts off an upload that stalls or trickles (the
// server's ReadTimeout is too short for a large file and no bound at all
// was too long: 300 slow uploads held 300 sockets), and spools the files in
// Dir, inside the data directory, where Clean removes what a crash left.
type Uploads struct {
	Dir        string        // spool directory; "" for the system's temporary directory
	PerAddress int           // 0: UploadsPerAddress
	Idle       time.Duration // 0: UploadIdle
	MinRate    int64         // 0: UploadMinRate

	mu   sync.Mutex
	busy map[string]int
}

// ClientAddress is the remote host of r, without the port: what the login
// limit and the upload limit count by.
func ClientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Begin starts receiving r's body as an upload of at most limit bytes:
// it refuses the request when its address already has PerAddress uploads
// under way, and otherwise gives the body a read deadline that moves with
// its progress. The caller must call the returned function when done
// reading.
func (u *Uploads) Begin(w http.ResponseWriter, r *http.Request, limit int64) (func(), error) {
	if u == nil {
		return func() {}, nil
	}
	addr := ClientAddress(r)
	max := u.PerAddress
	if max <= 0 {
		max = UploadsPerAddress
	}
	u.mu.Lock()
	if u.busy == nil {
		u.busy = map[string]int{}
	}
	if u.busy[addr] >= max {
		u.mu.Unlock()
		return nil, errs.New(errs.KindRateLimited, CodeUploadsBusy,
			fmt.Sprintf("此地址已有 %d 个文件正在上传，请等它们传完后再试", max),
			fmt.Sprintf("this address already has %d uploads under way; wait for them to finish", max))
	}
	u.busy[addr]++
	u.mu.Unlock()
	idle, rate := u.Idle, u.MinRate
	if idle <= 0 {
		idle = UploadIdle
	}
	if rate <= 0 {
		rate = UploadMinRate
	}
	b := &pacedBody{ReadCloser: r.Body, rc: http.NewResponseController(w), start: time.Now(), idle: idle, rate: rate}
	b.hard = b.start.Add(idle + time.Duration(float64(limit)/float64(rate)*float64(time.Second)))
	b.extend()
	r.Body = b
	var once sync.Once
	return func() {
		once.Do(func() {
			u.mu.Lock()
			if u.busy[addr]--; u.busy[addr] <= 0 {
				delete(u.busy, addr)
			}
			u.mu.Unlock()
		})
	}, nil
}

// CreateTemp makes a spool file for an upload or an export being
// written (kind names it: "upload", "export").
func (u *Uploads) CreateTemp(kind string) (*os.File, error) {
	dir := ""
	if u != nil && u.Dir != "" {
		dir = u.Dir
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	return os.CreateTemp(dir, spoolPrefix+kind+"-*")
}

// Clean removes the spool files a crash or a kill left behind; the server
// calls it at start, before any upload.
func (u *Uploads) Clean() (int, error) {
	if u == nil || u.Dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(u.Dir)
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), spoolPrefix) {
			if err := os.Remove(filepath.Join(u.Dir, e.Name())); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// pacedBody moves the connection's read deadline as bytes arrive: an
// upload may take as long as its size at rate, plus idle, but is cut off
// as soon as it falls behind that pace by idle, or sends nothing for idle.
type pacedBody struct {
	io.ReadCloser
	rc          *http.ResponseController
	start, hard time.Time
	idle        time.Duration
	rate        int64
	read        int64
}

func (b *pacedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read += int64(n)
	if n > 0 {
		b.extend()
	}
	return n, err
}

func (b *pacedBody) extend() {
	d := b.start.Add(b.idle + time.Duration(float64(b.read)/float64(b.rate)*float64(time.Second)))
	if next := time.Now().Add(b.idle); next.Before(d) {
		d = next // and never more than idle without a byte
	}
	if d.After(b.hard) {
		d = b.hard
	}
	// Not every ResponseWriter supports deadlines (a test recorder): then
	// the server's own timeouts are all there is.
	_ = b.rc.SetReadDeadline(d)
}
