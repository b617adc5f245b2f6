package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shuwu/internal/testkit"
)

// TestABackupOnAFullDiskLeavesNothingAndARetryWorks: a backup that ran
// out of disk left a broken file and a journal, and the retry was refused
// because the file existed. Now the failure says the disk is full, leaves
// the target directory as it was, and once space is freed the same
// command writes a good backup.
func TestABackupOnAFullDiskLeavesNothingAndARetryWorks(t *testing.T) {
	disk, ok := testkit.SmallDisk(t, 2<<20)
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
		if e.Name() != "filler" {
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
	if code, out, _ := run(t, "", "user", "list", "--data", restored, "--db", "sqlite:"+filepath.Join(restored, "shuwu.db")); code != 0 || !strings.Contains(out, "wang") {
		t.Fatalf("the retried backup does not hold the account: %d %q", code, out)
	}
}
