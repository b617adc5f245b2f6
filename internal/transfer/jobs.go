package transfer

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"shuwu/internal/errs"
)

// JobState is where an import job stands.
type JobState string

// The states of a job.
const (
	JobRunning JobState = "running"
	JobDone    JobState = "done"
	JobFailed  JobState = "failed"
)

// Job is an import running in the background, started from an upload: the
// page polls it for progress and shows its report when done.
type Job struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"` // marc, books, roster
	File     string    `json:"file"`
	Size     int64     `json:"size"` // bytes
	State    JobState  `json:"state"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished,omitzero"`
	// Done and Total measure progress: bytes for MARC, rows for sheets.
	Done  int64 `json:"done"`
	Total int64 `json:"total"`
	// Report is a Report (MARC) or SheetReport, set when done. A job
	// list leaves it out: reports live on disk and are read one at a time.
	Report any `json:"report,omitempty"`
	// Error says why a failed job failed.
	Error     string `json:"error,omitempty"`
	ErrorCode string `json:"error_code,omitempty"`
	// Hash is the SHA-256 of a book list's or roster's content, so that a
	// preview of the same file again can name the job that imported it.
	Hash string `json:"hash,omitempty"`
}

// Jobs runs imports in the background and keeps the latest ones in a
// directory of the data directory: each job's state, report and rejection
// reasons are files there, so they survive a restart and take no memory
// once the job is done.
type Jobs struct {
	dir  string
	mu   sync.Mutex
	jobs map[string]*Job // without their reports
	wg   sync.WaitGroup
}

// keepJobs bounds how many finished jobs are remembered.
const keepJobs = 50

// jobID is what a job's id looks like; anything else names no job file.
var jobID = regexp.MustCompile(`^[0-9a-f]{16}$`)

// NewJobs opens the job directory dir, making it when missing, and reads
// the jobs it holds. A job that was running when the server stopped is
// marked failed: its import was cut off.
func NewJobs(dir string) (*Jobs, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("import jobs directory: %w", err)
	}
	j := &Jobs{dir: dir, jobs: map[string]*Job{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("import jobs directory: %w", err)
	}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".job.json")
		if !ok || !jobID.MatchString(id) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		var job Job
		if err != nil || json.Unmarshal(b, &job) != nil || job.ID != id {
			continue // a half-written file of a crash: the job is lost, not the server
		}
		if job.State == JobRunning {
			job.State, job.Finished = JobFailed, time.Now()
			job.Error, job.ErrorCode = "服务在导入进行中停止，导入未完成：已入库的部分保留，请查看馆藏后重新导入其余部分", "IMPORT_INTERRUPTED"
			if err := j.saveMeta(&job); err != nil {
				return nil, err
			}
		}
		j.jobs[id] = &job
	}
	j.mu.Lock()
	j.pruneLocked()
	j.mu.Unlock()
	return j, nil
}

func (j *Jobs) path(id, ext string) string { return filepath.Join(j.dir, id+ext) }

// writeFile replaces a file whole: a crash leaves the old one or the new.
func writeFile(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

func (j *Jobs) saveMeta(job *Job) error {
	c := *job
	c.Report = nil
	return writeFile(j.path(job.ID, ".job.json"), func(w io.Writer) error { return json.NewEncoder(w).Encode(c) })
}

// Start runs fn in the background on the uploaded file f (which the job
// deletes when done) and returns the job at once. fn reports progress with
// the callback it is given and writes rejection reasons to the writer.
func (j *Jobs) Start(ctx context.Context, kind, name string, f *os.File, size int64, fn func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error)) *Job {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	job := &Job{ID: hex.EncodeToString(b), Kind: kind, File: name, Size: size, State: JobRunning, Started: time.Now(), Total: size}
	j.mu.Lock()
	j.jobs[job.ID] = job
	j.pruneLocked()
	saveErr := j.saveMeta(job)
	j.mu.Unlock()
	// The import outlives the request that started it, but keeps its actor.
	ctx = context.WithoutCancel(ctx)
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		defer os.Remove(f.Name())
		defer f.Close()
		progress := func(done, total int64) {
			j.mu.Lock()
			job.Done, job.Total = done, total
			j.mu.Unlock()
		}
		rep, err := j.run(ctx, job, f, saveErr, progress, fn)
		if rep != nil {
			// Written outside the lock: a large report must not stall
			// the job list.
			werr := writeFile(j.path(job.ID, ".report.json"), func(w io.Writer) error { return json.NewEncoder(w).Encode(rep) })
			if err == nil && werr != nil {
				err = errs.Internalf("save import report: %w", werr)
			}
		}
		j.mu.Lock()
		defer j.mu.Unlock()
		job.Finished = time.Now()
		if err != nil {
			e := errs.As(err)
			job.State, job.Error, job.ErrorCode = JobFailed, e.Message, string(e.Code)
		} else {
			job.State, job.Done = JobDone, job.Total
		}
		_ = j.saveMeta(job)
	}()
	c := *job
	return &c
}

// run runs one job's import with its rejection file open. A failed
// import's partial report is still saved by the caller: it says what was
// stored before the failure.
func (j *Jobs) run(ctx context.Context, job *Job, f *os.File, saveErr error, progress func(done, total int64), fn func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error)) (any, error) {
	if saveErr != nil {
		return nil, errs.Internalf("save import job: %w", saveErr)
	}
	if job.Kind != "marc" {
		hash, err := fileHash(f)
		if err == nil {
			_, err = f.Seek(0, io.SeekStart)
		}
		if err != nil {
			return nil, err
		}
		j.mu.Lock()
		job.Hash = hash
		j.mu.Unlock()
	}
	rf, err := os.Create(j.path(job.ID, ".rejects.txt"))
	if err != nil {
		return nil, errs.Internalf("open import rejects: %w", err)
	}
	bw := bufio.NewWriter(rf)
	rep, err := fn(ctx, f, progress, bw)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = errs.Internalf("write import rejects: %w", ferr)
	}
	rf.Close()
	return rep, err
}

func (j *Jobs) pruneLocked() {
	if len(j.jobs) <= keepJobs {
		return
	}
	var done []*Job
	for _, job := range j.jobs {
		if job.State != JobRunning {
			done = append(done, job)
		}
	}
	sort.Slice(done, func(a, b int) bool { return done[a].Started.Before(done[b].Started) })
	for _, job := range done[:min(len(done), max(0, len(j.jobs)-keepJobs))] {
		delete(j.jobs, job.ID)
		for _, ext := range []string{".job.json", ".report.json", ".rejects.txt"} {
			os.Remove(j.path(job.ID, ext))
		}
	}
}

func errJobNotFound(id string) *errs.Error {
	return errs.NotFound(CodeJobNotFound, fmt.Sprintf("导入任务 %s 不存在（可能已被清理）", id), "no such import job")
}

// Get returns a job as it stands now, with its report once it has one.
func (j *Jobs) Get(id string) (Job, error) {
	j.mu.Lock()
	job, ok := j.jobs[id]
	var c Job
	if ok {
		c = *job
	}
	j.mu.Unlock()
	if !ok {
		return Job{}, errJobNotFound(id)
	}
	if c.State == JobRunning {
		return c, nil
	}
	rep, err := j.report(c)
	c.Report = rep
	return c, err
}

// report reads a finished job's report from its file: a Report for MARC,
// a SheetReport for the others; nil when the job ended without one.
func (j *Jobs) report(job Job) (any, error) {
	f, err := os.Open(j.path(job.ID, ".report.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, errs.Internalf("read import report: %w", err)
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReaderSize(f, 64<<10))
	if job.Kind == "marc" {
		var rep Report
		if err := dec.Decode(&rep); err != nil {
			return nil, errs.Internalf("read import report: %w", err)
		}
		return rep, nil
	}
	var rep SheetReport
	if err := dec.Decode(&rep); err != nil {
		return nil, errs.Internalf("read import report: %w", err)
	}
	return rep, nil
}

// Rejects returns the rejection reasons of a job, one per line.
func (j *Jobs) Rejects(id string) (string, error) {
	j.mu.Lock()
	_, ok := j.jobs[id]
	j.mu.Unlock()
	if !ok {
		return "", errJobNotFound(id)
	}
	b, err := os.ReadFile(j.path(id, ".rejects.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", errs.Internalf("read import rejects: %w", err)
	}
	return string(b), nil
}

// List returns the jobs, newest first, without their reports.
func (j *Jobs) List() []Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Job, 0, len(j.jobs))
	for _, job := range j.jobs {
		c := *job
		c.Report = nil
		out = append(out, c)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Started.After(out[b].Started) })
	return out
}

// ImportedBy returns the latest finished job that imported a file with
// this content (kind books or roster), if it is still remembered.
func (j *Jobs) ImportedBy(kind, hash string) (Job, bool) {
	var found Job
	for _, job := range j.List() {
		if job.Kind == kind && job.Hash == hash && job.State != JobRunning && job.Started.After(found.Started) {
			found = job
		}
	}
	return found, found.ID != ""
}

// Wait blocks until every running job has finished (for shutdown and tests).
func (j *Jobs) Wait() { j.wg.Wait() }
