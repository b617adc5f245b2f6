package sru_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The SRU server as YAZ's clients see it: yaz-client and zoomsh (Debian
// yaz) are real SRU clients no one here wrote. scripts/test-all.sh
// installs yaz, so a missing tool is a failure, not a skip.

func yazTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found (Debian package yaz; scripts/test-all.sh installs it): %v", name, err)
	}
	return p
}

func yazClient(t *testing.T, cmds ...string) string {
	t.Helper()
	bin := yazTool(t, "yaz-client")
	f := filepath.Join(t.TempDir(), "cmds")
	if err := os.WriteFile(f, []byte(strings.Join(append(cmds, "quit"), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-f", f).CombinedOutput()
	if err != nil {
		t.Fatalf("yaz-client: %v\n%s", err, out)
	}
	return string(out)
}

func TestYazClientSearchesOverSRU12(t *testing.T) {
	e := newEnv(t)
	out := yazClient(t, "sru get 1.2", "open "+e.srv.URL+"/sru", "querytype cql", "find dc.title=中国共产党", "schema marcxml", "show 1+2")
	if !strings.Contains(out, "Number of hits: 2") {
		t.Errorf("yaz-client did not get 2 hits:\n%s", out)
	}
	for _, want := range []string{"中国共产党章程", "中国共产党简史"} {
		if !strings.Contains(out, want) {
			t.Errorf("yaz-client output lacks %q", want)
		}
	}
}

func TestYazClientGetsDiagnosticsAndScans(t *testing.T) {
	e := newEnv(t)
	out := yazClient(t, "sru get 2.0", "open "+e.srv.URL+"/sru", "querytype cql", "find dc.nonsense=党", "scan dc.creator=本")
	if !strings.Contains(out, "Unsupported index") {
		t.Errorf("yaz-client did not show the unsupported-index diagnostic")
	}
	if !strings.Contains(out, "本书编写组") {
		t.Errorf("yaz-client scan did not list 本书编写组")
	}
}

func TestZoomshSearchesOverSRU20(t *testing.T) {
	e := newEnv(t)
	bin := yazTool(t, "zoomsh")
	out, err := exec.Command(bin, "set sru get", "set sru_version 2.0", "set schema dc",
		"connect "+e.srv.URL+"/sru", `search cql:dc.title=红色家书 or dc.title=论持久战`, "show 0 2", "quit").CombinedOutput()
	if err != nil {
		t.Fatalf("zoomsh: %v\n%s", err, out)
	}
	s := string(out)
	if !strings.Contains(s, ": 2 hits") {
		t.Errorf("zoomsh did not get 2 hits:\n%s", s)
	}
	for _, want := range []string{"schema=dc", "<dc:title>红色家书</dc:title>", "<dc:title>论持久战</dc:title>"} {
		if !strings.Contains(s, want) {
			t.Errorf("zoomsh output lacks %q", want)
		}
	}
}
