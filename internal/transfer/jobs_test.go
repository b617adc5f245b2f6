package transfer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"shuwu/internal/transfer"
)

func uploadFile(t *testing.T, text string) (*os.File, int64) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "upload-*")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(f, text); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	return f, int64(len(text))
}

// A job's report is kept on disk in the data directory: it is there after
// a restart, and the job list carries no reports.
func TestJobsKeepReportsOnDiskAcrossARestartAndListWithoutThem(t *testing.T) {
	dir := t.TempDir()
	jobs, err := transfer.NewJobs(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, size := uploadFile(t, "题名\n好书\n")
	rows := make([]transfer.RowResult, 2000)
	for i := range rows {
		rows[i] = transfer.RowResult{Row: i + 2, Outcome: transfer.Added, Title: fmt.Sprintf("书%d", i), Barcodes: []string{fmt.Sprintf("B%07d", i)}}
	}
	job := jobs.Start(context.Background(), "books", "新书.csv", f, size, func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
		fmt.Fprintln(rejects, "第 9 行：题名不能为空")
		return transfer.SheetReport{Kind: "books", Read: len(rows), Added: len(rows), Rows: rows}, nil
	})
	jobs.Wait()

	list := jobs.List()
	if len(list) != 1 || list[0].Report != nil || list[0].State != transfer.JobDone {
		t.Fatalf("list: %+v", list)
	}
	if b, _ := json.Marshal(list); strings.Contains(string(b), "B0000001") {
		t.Errorf("the job list carries the report: %d bytes", len(b))
	}

	again, err := transfer.NewJobs(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := again.Get(job.ID)
	if err != nil {
		t.Fatal(err)
	}
	rep, ok := got.Report.(transfer.SheetReport)
	if !ok || got.State != transfer.JobDone || got.File != "新书.csv" || len(rep.Rows) != 2000 || rep.Rows[1999].Barcodes[0] != "B0001999" {
		t.Fatalf("after a restart the job should have its report: state %s, report %T", got.State, got.Report)
	}
	if text, err := again.Rejects(job.ID); err != nil || !strings.Contains(text, "第 9 行") {
		t.Errorf("rejects after a restart: %q (%v)", text, err)
	}
}

// A job that was running when the server stopped is failed on restart,
// saying why, not left running for ever.
func TestJobsCutOffByARestartAreMarkedInterrupted(t *testing.T) {
	dir := t.TempDir()
	jobs, err := transfer.NewJobs(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, size := uploadFile(t, "题名\n好书\n")
	release := make(chan struct{})
	job := jobs.Start(context.Background(), "books", "a.csv", f, size, func(ctx context.Context, in io.Reader, progress func(done, total int64), rejects io.Writer) (any, error) {
		<-release
		return transfer.SheetReport{Kind: "books"}, nil
	})
	defer jobs.Wait()
	defer close(release)
	again, err := transfer.NewJobs(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := again.Get(job.ID)
	if err != nil || got.State != transfer.JobFailed || got.ErrorCode != "IMPORT_INTERRUPTED" || !strings.Contains(got.Error, "导入未完成") {
		t.Errorf("a job running at restart: %+v (%v)", got, err)
	}
}
