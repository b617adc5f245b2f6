// Package yaztest runs Debian yaz's yaz-ztest, a real Z39.50 and SRU
// server no one here wrote, for tests of shuwu's protocol clients.
// scripts/test-all.sh installs yaz, so a missing tool fails the test.
package yaztest

import (
	"net"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Start runs yaz-ztest on a free loopback port with the environment env
// (e.g. YAZ_ZTEST_XML_FETCH=dir/) and returns host:port. The same port
// speaks Z39.50 and SRU (http://host:port/Default).
func Start(t testing.TB, env ...string) string {
	t.Helper()
	bin, err := exec.LookPath("yaz-ztest")
	if err != nil {
		t.Fatalf("yaz-ztest not found (Debian package yaz; scripts/test-all.sh installs it): %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-l", filepath.Join(t.TempDir(), "ztest.log"), "tcp:"+addr)
	cmd.Env = append(cmd.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for range 200 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return addr
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("yaz-ztest did not start")
	return ""
}
