package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// maxFormValue bounds one ordinary field of an upload form; only the file
// may be large.
const maxFormValue = 64 << 10

// upload is a file received from a form, spooled to a temporary file so a
// large MARC file never sits in memory.
type upload struct {
	File *os.File
	Name string
	Size int64
}

// discard closes and deletes the spooled file.
func (u *upload) discard() {
	if u != nil && u.File != nil {
		u.File.Close()
		os.Remove(u.File.Name())
	}
}

// readUpload reads a multipart form: its fields into form and its "file"
// field, when there is one with content, into a temporary file. A form
// without a file returns a nil upload and no error, so the caller can
// fall back on a previewed file.
//
// The upload counts against its address's uploads under way until
// readUpload returns, and is cut off when it stalls (httpx.Uploads).
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request, limit int64) (url.Values, *upload, error) {
	form := url.Values{}
	done, err := s.d.Uploads.Begin(w, r, limit)
	if err != nil {
		return form, nil, err
	}
	defer done()
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	mr, err := r.MultipartReader()
	if err != nil {
		return form, nil, errs.Invalid(httpx.CodeUploadMissing, "file", "请选择要上传的文件", "choose a file to upload")
	}
	var up *upload
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return form, up, nil
		}
		if err != nil {
			up.discard()
			return form, nil, httpx.UploadError(err, limit)
		}
		if part.FormName() != "file" {
			b, err := io.ReadAll(io.LimitReader(part, maxFormValue))
			if err != nil {
				up.discard()
				return form, nil, httpx.UploadError(err, limit)
			}
			form.Add(part.FormName(), string(b))
			continue
		}
		if up != nil || part.FileName() == "" {
			continue
		}
		f, err := s.d.Uploads.CreateTemp("upload")
		if err != nil {
			return form, nil, errs.Internalf("spool upload: %w", err)
		}
		u := &upload{File: f, Name: part.FileName()}
		if u.Size, err = io.Copy(f, part); err == nil {
			_, err = f.Seek(0, io.SeekStart)
		}
		if err != nil {
			u.discard()
			return form, nil, httpx.UploadError(err, limit)
		}
		if u.Size == 0 {
			u.discard()
			return form, nil, errs.Invalid(httpx.CodeUploadEmpty, "file", "上传的文件是空的", "the uploaded file is empty")
		}
		up = u
	}
}

// maxUpload is the upload limit: httpx.MaxUpload unless Deps says less.
func (s *Server) maxUpload() int64 {
	if s.d.MaxUpload > 0 {
		return s.d.MaxUpload
	}
	return httpx.MaxUpload
}

// pendingUploads keeps a previewed file (MARC, book list or roster), under
// a random token bound to its kind, until
// the librarian confirms the import, so the file is not sent twice.
// Unclaimed files are deleted after pendingTTL, and at most pendingMax are
// kept.
type pendingUploads struct {
	mu    sync.Mutex
	files map[string]pendingUpload
}

type pendingUpload struct {
	kind       string
	path, name string
	size       int64
	expires    time.Time
}

const (
	pendingTTL = 30 * time.Minute
	pendingMax = 20
)

func newPendingUploads() *pendingUploads {
	return &pendingUploads{files: map[string]pendingUpload{}}
}

// keep takes over u's file, previewed for an import of kind, and returns
// its token.
func (p *pendingUploads) keep(kind string, u *upload) string {
	u.File.Close()
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	var oldest string
	for t, f := range p.files {
		if now.After(f.expires) {
			os.Remove(f.path)
			delete(p.files, t)
		} else if oldest == "" || f.expires.Before(p.files[oldest].expires) {
			oldest = t
		}
	}
	if len(p.files) >= pendingMax && oldest != "" {
		os.Remove(p.files[oldest].path)
		delete(p.files, oldest)
	}
	p.files[token] = pendingUpload{kind: kind, path: u.File.Name(), name: u.Name, size: u.Size, expires: now.Add(pendingTTL)}
	return token
}

// take hands the file kept under token back, once, to an import of the
// kind it was previewed for.
func (p *pendingUploads) take(kind, token string) (*upload, error) {
	p.mu.Lock()
	f, ok := p.files[token]
	if ok && f.kind != kind {
		ok = false // a token of another form: not this import's file
	} else {
		delete(p.files, token)
	}
	p.mu.Unlock()
	gone := errs.Invalid(CodeUploadExpired, "file", "预览的文件已过期，请重新上传", "the previewed file has expired; upload it again")
	if !ok {
		return nil, gone
	}
	if time.Now().After(f.expires) {
		os.Remove(f.path)
		return nil, gone
	}
	file, err := os.Open(f.path)
	if err != nil {
		return nil, gone
	}
	return &upload{File: file, Name: f.name, Size: f.size}, nil
}
