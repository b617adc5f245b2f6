package transfer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
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
	// Report is a Report (MARC) or SheetReport, set when done.
	Report any `json:"report,omitempty"`
	// Error says why a failed job failed.
	Error     string `json:"error,omitempty"`
	ErrorCode string `json:"error_code,omitempty"`

	rejects strings.Builder // the reasons, one line per rejected input
}

// Jobs runs imports in the background and remembers the latest ones.
type Jobs struct {
	mu   sync.Mutex
	jobs map[string]*Job
	wg   sync.WaitGroup
}

// keepJobs bounds how many finished jobs are remembered.
const keepJobs = 50

// NewJobs makes an empty job list.
func NewJobs() *Jobs { return &Jobs{jobs: map[string]*Job{}} }

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
		rep, err := fn(ctx, f, progress, lockedWriter{j, &job.rejects})
		j.mu.Lock()
		defer j.mu.Unlock()
		job.Finished, job.Report = time.Now(), rep
		if err != nil {
			e := errs.As(err)
			job.State, job.Error, job.ErrorCode = JobFailed, e.Message, string(e.Code)
			return
		}
		job.State, job.Done = JobDone, job.Total
	}()
	return job
}

// lockedWriter appends to a job's rejection text under the jobs lock.
type lockedWriter struct {
	j *Jobs
	b *strings.Builder
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.j.mu.Lock()
	defer w.j.mu.Unlock()
	return w.b.Write(p)
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
	for _, job := range done[:max(0, len(j.jobs)-keepJobs)] {
		delete(j.jobs, job.ID)
	}
}

func errJobNotFound(id string) *errs.Error {
	return errs.NotFound(CodeJobNotFound, fmt.Sprintf("导入任务 %s 不存在（可能已被清理）", id), "no such import job")
}

// Get returns a copy of a job as it stands now.
func (j *Jobs) Get(id string) (Job, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	job, ok := j.jobs[id]
	if !ok {
		return Job{}, errJobNotFound(id)
	}
	c := *job
	c.rejects = strings.Builder{}
	return c, nil
}

// Rejects returns the rejection reasons of a job, one per line.
func (j *Jobs) Rejects(id string) (string, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	job, ok := j.jobs[id]
	if !ok {
		return "", errJobNotFound(id)
	}
	return job.rejects.String(), nil
}

// List returns the jobs, newest first.
func (j *Jobs) List() []Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Job, 0, len(j.jobs))
	for _, job := range j.jobs {
		c := *job
		c.rejects = strings.Builder{}
		out = append(out, c)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Started.After(out[b].Started) })
	return out
}

// Wait blocks until every running job has finished (for shutdown and tests).
func (j *Jobs) Wait() { j.wg.Wait() }
