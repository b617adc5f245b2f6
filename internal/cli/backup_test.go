package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"shuwu/internal/testkit"
)

// TestABackupOnAFullDiskLeavesNothingAndARetryWorks: a backup that ran
// out of disk left a broken file and a journal, and the retry was refused
// because the file existed. Now the failure says the disk is full, leaves
// the target directory as it was, and once space is freed the same
// command writes a good backup.
func TestABackupOnAFullDiskLeavesNothingAndARetryWorks(t *testing.T) {
	disk, ok := testkit.SmallDisk(t, 8<<20) // the schema's empty database is ~750 KB, and a backup from PostgreSQL writes it through a journal
	if !ok {
		return
	}
	dir := t.TempDir()
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "wang"); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	free := testkit.FillDisk(t, disk, 64<<10)
	dst := filepath.Join(disk, "shuwu-backup.db")
	code, _, errOut := run(t, "", "backup", "--data", dir, dst)
	if code == 0 || !strings.Contains(errOut, "磁盘空间不足") {
		t.Fatalf("backup on a full disk = %d %q, want a failure saying the disk is full", code, errOut)
	}
	entries, _ := os.ReadDir(disk)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "filler-") {
			t.Errorf("the failed backup left %s", e.Name())
		}
	}
	free()
	if code, out, errOut := run(t, "", "backup", "--data", dir, dst); code != 0 || !strings.Contains(out, "已备份") {
		t.Fatalf("retry after freeing space = %d %q %q", code, out, errOut)
	}
	restored := t.TempDir()
	raw, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(restored, "shuwu.db"), raw, 0o600)
	if code, out, errOut := run(t, "", "user", "list", "--data", restored, "--db", "sqlite:"+filepath.Join(restored, "shuwu.db")); code != 0 || !strings.Contains(out, "wang") {
		t.Fatalf("the retried backup does not hold the account: %d %q %q", code, out, errOut)
	}
}

// TestStartingOnAReadOnlyDataDirectorySaysSo: serve on a read-only data
// directory printed SQLite's "unable to open database file (14)". It now
// names the directory and what to do, in Chinese and English, whether the
// database is already there or not.
func TestStartingOnAReadOnlyDataDirectorySaysSo(t *testing.T) {
	disk, ok := testkit.SmallDisk(t, 16<<20)
	if !ok {
		return
	}
	dir := filepath.Join(disk, "data")
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "wang"); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	if err := syscall.Mount("", disk, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount the small disk read-only: %v", err)
	}
	for _, d := range []string{dir, filepath.Join(disk, "new")} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var out, errOut syncBuffer
		code := Run(ctx, []string{"serve", "--data", d, "--addr", "127.0.0.1:0"}, Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""),
			Getenv: func(k string) string {
				if k == "SHUWU_DB" {
					return dbForArgs(t, []string{"--data", d})
				}
				return ""
			}})
		cancel()
		msg := errOut.String()
		if code == 0 || !strings.Contains(msg, "数据目录 "+d+" 不可写") || !strings.Contains(msg, "cannot be written") || strings.Contains(msg, "(14)") {
			t.Errorf("serve on the read-only %s = %d %q", d, code, msg)
		}
	}
}
