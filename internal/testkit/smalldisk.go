package testkit

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"testing"
)

// smallDiskEnv marks the copy of a test run inside its own mount
// namespace by SmallDisk.
const smallDiskEnv = "SHUWU_TEST_SMALL_DISK"

// SmallDisk gives t a directory on a file system of its own of size
// bytes (a tmpfs), so a test can fill it and see what a full disk does:
// real ENOSPC, no fake. As root it mounts the tmpfs itself and unmounts it
// at the end. Otherwise it runs the test again inside a new user and
// mount namespace (unshare -rm), where mounting is allowed, reports that
// run's result as t's and returns ok false: the caller then returns.
func SmallDisk(t *testing.T, size int64) (dir string, ok bool) {
	t.Helper()
	if os.Getuid() == 0 {
		dir = t.TempDir()
		if err := syscall.Mount("shuwu-test", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
			if os.Getenv(smallDiskEnv) != "" || !unshareAvailable() {
				t.Skipf("cannot mount a small tmpfs for the full-disk test: %v", err)
			}
			return "", rerunInNamespace(t)
		}
		t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
		return dir, true
	}
	if os.Getenv(smallDiskEnv) != "" || !unshareAvailable() {
		t.Skip("the full-disk test needs root or unshare (user namespaces) to mount a small tmpfs")
	}
	return "", rerunInNamespace(t)
}

func unshareAvailable() bool {
	_, err := exec.LookPath("unshare")
	return err == nil
}

func rerunInNamespace(t *testing.T) bool {
	t.Helper()
	cmd := exec.Command("unshare", "--user", "--map-root-user", "--mount", os.Args[0],
		"-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), smallDiskEnv+"=1")
	cmd.Dir, _ = os.Getwd()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Skipf("unshare failed, no full-disk test: %v", err)
	}
	if err != nil {
		t.Fatalf("in its own mount namespace the test failed:\n%s", out)
	}
	t.Logf("ran in its own mount namespace:\n%s", out)
	return false
}

// FillDisk writes a file (filler-…) in dir until the file system is full
// but for about leave bytes, and returns a function that removes it
// again. Call it again to fill what was freed meanwhile.
func FillDisk(t *testing.T, dir string, leave int64) (free func()) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	avail := int64(st.Bavail) * int64(st.Bsize)
	f, err := os.CreateTemp(dir, "filler-")
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for n := int64(0); n+int64(len(chunk)) <= avail-leave; n += int64(len(chunk)) {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	f.Close()
	return func() { os.Remove(f.Name()) }
}
