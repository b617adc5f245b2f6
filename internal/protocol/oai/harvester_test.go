package oai_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// harvesterVersion is the npm OAI-PMH harvester the provider is tested
// with (a program no one here wrote). Its pages must hold at least two
// records: it crashes on a page of one (shared/docs/protocols.md §5).
const harvesterVersion = "oai-pmh@2.0.3"

// harvester installs the npm harvester once into the user's cache and
// returns its command. It fails, never skips, when npm is missing.
func harvester(t *testing.T) string {
	t.Helper()
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Fatalf("npm is needed to run the OAI-PMH harvester %s (apt-get install npm, or Node.js): %v", harvesterVersion, err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "shuwu-test", strings.ReplaceAll(harvesterVersion, "@", "-"))
	bin := filepath.Join(dir, "node_modules", ".bin", "oai-pmh")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(npm, "install", "--no-audit", "--no-fund", "--prefix", dir, harvesterVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm install %s: %v\n%s", harvesterVersion, err, out)
	}
	return bin
}

func runHarvester(t *testing.T, bin string, args ...string) []string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("oai-pmh %v: %v\n%s", args, err, out)
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestTheNPMHarvesterHarvestsEverything(t *testing.T) {
	bin := harvester(t)
	e := newEnv(t, 2) // six entries: three pages of two
	base := e.srv.URL + "/oai"

	id := strings.Join(runHarvester(t, bin, "identify", base), "\n")
	if !strings.Contains(id, "persistent") || !strings.Contains(id, "2.0") {
		t.Fatalf("identify: %s", id)
	}
	recs := runHarvester(t, bin, "list-records", "-p", "oai_dc", base)
	if len(recs) != 6 {
		t.Fatalf("list-records gave %d records, want 6 (5 live + 1 deleted) over three pages:\n%s", len(recs), strings.Join(recs, "\n"))
	}
	all := strings.Join(recs, "\n")
	for _, title := range titles {
		if !strings.Contains(all, title) {
			t.Fatalf("the harvest lacks %s:\n%s", title, all)
		}
	}
	var last map[string]any
	if err := json.Unmarshal([]byte(recs[5]), &last); err != nil {
		t.Fatalf("record line is not JSON: %v: %s", err, recs[5])
	}
	if !strings.Contains(recs[5], `"deleted"`) || strings.Contains(recs[5], "已剔除的旧书") {
		t.Fatalf("the deleted record should come as a deleted header without metadata: %s", recs[5])
	}
	ids := runHarvester(t, bin, "list-identifiers", "-p", "marcxml", base)
	if len(ids) != 6 {
		t.Fatalf("list-identifiers gave %d, want 6", len(ids))
	}
	formats := strings.Join(runHarvester(t, bin, "list-metadata-formats", base), "\n")
	if !strings.Contains(formats, "oai_dc") || !strings.Contains(formats, "marcxml") {
		t.Fatalf("formats: %s", formats)
	}
	if sets := runHarvester(t, bin, "list-sets", base); len(sets) == 0 {
		t.Fatal("list-sets gave nothing")
	}
}
