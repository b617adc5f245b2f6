package httpx_test

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// TestAStalledUploadIsCutOff: an upload's body had no read deadline, so a
// client sending a few bytes and then nothing held its socket for good.
// It is now cut off with UPLOAD_TOO_SLOW, while one that keeps sending
// gets through.
func TestAStalledUploadIsCutOff(t *testing.T) {
	up := &httpx.Uploads{Idle: 300 * time.Millisecond, MinRate: 1 << 20}
	got := make(chan error, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		done, err := up.Begin(w, r, 1<<20)
		if err != nil {
			got <- err
			return
		}
		defer done()
		_, err = io.ReadAll(r.Body)
		if err != nil {
			err = httpx.UploadError(err, 1<<20)
		}
		got <- err
	}))
	defer srv.Close()

	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /import HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nfirst bytes, then nothing")
	if err := <-got; !errs.Is(err, httpx.CodeUploadTooSlow) || !strings.Contains(errs.As(err).Message, "上传太慢") {
		t.Fatalf("a stalled upload ended with %v, want UPLOAD_TOO_SLOW", err)
	}

	// One that keeps sending, in pieces, is read whole.
	pr, pw := io.Pipe()
	go func() {
		for range 5 {
			pw.Write([]byte(strings.Repeat("书", 1000)))
			time.Sleep(20 * time.Millisecond)
		}
		pw.Close()
	}()
	resp, err := http.Post(srv.URL, "application/octet-stream", pr)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := <-got; err != nil {
		t.Fatalf("a steady upload: %v", err)
	}
}

// TestOneAddressMayRunOnlyAFewUploadsAtOnce: 300 slow uploads from one
// address held 300 sockets. A fourth upload under way from one address is
// refused, another address is not, and a finished upload frees its place.
func TestOneAddressMayRunOnlyAFewUploadsAtOnce(t *testing.T) {
	up := &httpx.Uploads{}
	req := func(addr string) *http.Request {
		r := httptest.NewRequest("POST", "/import", strings.NewReader("x"))
		r.RemoteAddr = addr
		return r
	}
	var done []func()
	for i := range httpx.UploadsPerAddress {
		d, err := up.Begin(httptest.NewRecorder(), req(fmt.Sprintf("10.1.1.1:%d", 4000+i)), 100)
		if err != nil {
			t.Fatalf("upload %d: %v", i+1, err)
		}
		done = append(done, d)
	}
	_, err := up.Begin(httptest.NewRecorder(), req("10.1.1.1:5000"), 100)
	if !errs.Is(err, httpx.CodeUploadsBusy) || httpx.StatusOf(errs.As(err).Kind) != 429 || !strings.Contains(errs.As(err).Message, "正在上传") {
		t.Fatalf("one upload too many: %v, want 429 UPLOADS_BUSY", err)
	}
	if d, err := up.Begin(httptest.NewRecorder(), req("10.2.2.2:4000"), 100); err != nil {
		t.Fatalf("another address: %v", err)
	} else {
		d()
	}
	done[0]()
	done[0]() // twice is harmless
	if d, err := up.Begin(httptest.NewRecorder(), req("10.1.1.1:5001"), 100); err != nil {
		t.Fatalf("after one finished: %v", err)
	} else {
		d()
	}
}

// TestSpoolFilesLiveInTheDataDirAndACleanStartRemovesThem: uploads were
// spooled in /tmp and left there by a crash.
func TestSpoolFilesLiveInTheDataDirAndACleanStartRemovesThem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "spool")
	up := &httpx.Uploads{Dir: dir}
	f, err := up.CreateTemp("upload")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if filepath.Dir(f.Name()) != dir {
		t.Fatalf("spooled in %s, want %s", filepath.Dir(f.Name()), dir)
	}
	other := filepath.Join(dir, "README")
	os.WriteFile(other, []byte("not ours"), 0o600)
	if n, err := up.Clean(); err != nil || n != 1 {
		t.Fatalf("clean: %d files, %v", n, err)
	}
	if _, err := os.Stat(f.Name()); !os.IsNotExist(err) {
		t.Error("the left-over spool file is still there")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("clean removed a file that is not a spool file")
	}
}
