package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shuwu/internal/testkit/pgtest"
)

// The photos kept in the data directory (activities', visits') are copied
// with the database, into FILE.photos/, and never over an earlier copy.
func TestBackupCopiesThePhotos(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "wang"); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	for _, f := range []string{"photos/activities/a1-x.jpg", "photos/activities/a1-x-thumb.jpg", "photos/receptions/r1-y.png", "photos/activities/.upload-123"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("picture "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	code, out, errOut := run(t, "", "backup", "--data", dir, dst)
	if code != 0 || !strings.Contains(out, "照片 3 个文件已复制到 "+dst+".photos") {
		t.Fatalf("backup = %d %q %q", code, out, errOut)
	}
	for _, f := range []string{"activities/a1-x.jpg", "activities/a1-x-thumb.jpg", "receptions/r1-y.png"} {
		raw, err := os.ReadFile(filepath.Join(dst+".photos", f))
		if err != nil || string(raw) != "picture photos/"+f {
			t.Errorf("%s in the backup: %q, %v", f, raw, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dst+".photos", "activities", ".upload-123")); err == nil {
		t.Error("a half-written upload was copied")
	}
	// Restoring puts them back, the photos there before kept aside.
	if !pgtest.Enabled() {
		os.WriteFile(filepath.Join(dir, "photos", "activities", "a2-later.jpg"), []byte("later"), 0o644)
		code, out, errOut := run(t, "", "restore", "--data", dir, dst)
		if code != 0 || !strings.Contains(out, "照片 3 个文件已恢复") || !strings.Contains(out, "原照片已保留为") {
			t.Fatalf("restore = %d %q %q", code, out, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, "photos", "activities", "a2-later.jpg")); err == nil {
			t.Error("a photo added after the backup is still in place after the restore")
		}
		if raw, err := os.ReadFile(filepath.Join(dir, "photos", "receptions", "r1-y.png")); err != nil || string(raw) != "picture photos/receptions/r1-y.png" {
			t.Errorf("restored photo: %q %v", raw, err)
		}
	}
	// A copy of the photos already there is refused before anything is written.
	other := filepath.Join(filepath.Dir(dst), "other.db")
	os.MkdirAll(other+".photos", 0o755)
	if code, _, errOut := run(t, "", "backup", "--data", dir, other); code != 2 || !strings.Contains(errOut, "other.db.photos 已存在") {
		t.Fatalf("backup over existing photos = %d %q", code, errOut)
	}
	if _, err := os.Stat(other); err == nil {
		t.Fatal("the database was copied although the photos could not be")
	}
}
