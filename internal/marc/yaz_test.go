package marc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// yazMarcdump returns the path of yaz-marcdump. YAZ is the reference MARC
// implementation these tests compare against, so its absence fails them.
func yazMarcdump(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("yaz-marcdump")
	if err != nil {
		tb.Fatal("yaz-marcdump not found: run the README test command (apt-get install -y yaz)")
	}
	return p
}

func runYaz(tb testing.TB, args ...string) (stdout, stderr []byte) {
	tb.Helper()
	cmd := exec.Command(yazMarcdump(tb), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		tb.Fatalf("yaz-marcdump %v: %v\n%s", args, err, errb.Bytes())
	}
	return out.Bytes(), errb.Bytes()
}

func writeTemp(tb testing.TB, name string, b []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

var (
	yazRecordLine = regexp.MustCompile(`^<!-- Record \d+ offset \d+ \(0x[0-9a-f]+\) -->$`)
	yazCount      = regexp.MustCompile(`records read: (\d+)`)
)

// yazCheck runs yaz-marcdump in parse-only mode over a file and fails on
// any diagnostic; it returns the number of records yaz read.
func yazCheck(tb testing.TB, path string, inFormat string) int {
	tb.Helper()
	out, errb := runYaz(tb, "-i", inFormat, "-n", "-p", "-r", path)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line != "" && !yazRecordLine.MatchString(line) {
			tb.Errorf("yaz-marcdump warns: %s", line)
		}
	}
	m := yazCount.FindSubmatch(errb)
	if m == nil {
		tb.Fatalf("no record count from yaz-marcdump: %s", errb)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestYazReadsShuwuOutputWithoutWarnings writes every shared file as ISO
// 2709 (UTF-8, and GBK for CNMARC) and as MARCXML, and has yaz parse it.
func TestYazReadsShuwuOutputWithoutWarnings(t *testing.T) {
	yazMarcdump(t)
	for _, ef := range sharedISOFiles(t) {
		t.Run(ef.File, func(t *testing.T) {
			recs := readAllBytes(t, readTestdata(t, ef.File), FormatISO2709, charsetFor(ef))
			outputs := map[string][]byte{
				"utf8.mrc": writeAll(t, recs, FormatISO2709, CharsetUTF8),
				"out.xml":  writeAll(t, recs, FormatMARCXML, CharsetUTF8),
			}
			if ef.File == "dp2/dp2-cnmarc-10.mrc" {
				outputs["gbk.mrc"] = writeAll(t, recs, FormatISO2709, CharsetGB18030)
			}
			for name, b := range outputs {
				format := "marc"
				if strings.HasSuffix(name, ".xml") {
					format = "marcxml"
				}
				if n := yazCheck(t, writeTemp(t, name, b), format); n != len(recs) {
					t.Errorf("%s: yaz read %d records, want %d", name, n, len(recs))
				}
			}
		})
	}
}

// utf8SharedFiles lists the shared ISO 2709 files that are UTF-8, the
// ones yaz converts without being told a character set.
func utf8SharedFiles(tb testing.TB) []expectedFile {
	var out []expectedFile
	for _, ef := range sharedISOFiles(tb) {
		if ef.Encoding == "UTF-8" {
			out = append(out, ef)
		}
	}
	if len(out) < 5 {
		tb.Fatalf("only %d UTF-8 files in EXPECTED.json", len(out))
	}
	return out
}

// TestMARCXMLEqualsYazConversion compares shuwu's MARCXML with
// yaz-marcdump -o marcxml for every UTF-8 file, record by record after
// parsing both (so after NFC; yaz keeps NFD input as NFD). yaz sets
// leader/09 to 'a' even on UNIMARC records, so that position is ignored.
func TestMARCXMLEqualsYazConversion(t *testing.T) {
	yazMarcdump(t)
	for _, ef := range utf8SharedFiles(t) {
		t.Run(ef.File, func(t *testing.T) {
			path := testdataPath(t, ef.File)
			yazXML, _ := runYaz(t, "-i", "marc", "-o", "marcxml", path)
			var ours bytes.Buffer
			if _, err := Convert(t.Context(), bytes.NewReader(readTestdata(t, ef.File)), &ours, ConvertOptions{}); err != nil {
				t.Fatal(err)
			}
			want := readAllBytes(t, yazXML, FormatMARCXML, CharsetAuto)
			got := readAllBytes(t, ours.Bytes(), FormatMARCXML, CharsetAuto)
			assertSameRecords(t, got, want)
			for i := range want {
				if got[i].Leader[:9] != want[i].Leader[:9] || got[i].Leader[10:] != want[i].Leader[10:] {
					t.Errorf("record %d leader %q, yaz %q", i, got[i].Leader, want[i].Leader)
				}
			}
		})
	}
}

// TestReadYazWrittenISO2709GivesIdenticalRecords has yaz rewrite each
// UTF-8 file as ISO 2709, and convert shuwu's MARCXML to ISO 2709, and
// checks that shuwu reads the same records back.
func TestReadYazWrittenISO2709GivesIdenticalRecords(t *testing.T) {
	yazMarcdump(t)
	for _, ef := range utf8SharedFiles(t) {
		t.Run(ef.File, func(t *testing.T) {
			orig := readAllBytes(t, readTestdata(t, ef.File), FormatISO2709, CharsetAuto)
			fromMARC, _ := runYaz(t, "-i", "marc", "-o", "marc", testdataPath(t, ef.File))
			assertSameRecords(t, readAllBytes(t, fromMARC, FormatISO2709, CharsetAuto), orig)

			xmlPath := writeTemp(t, "ours.xml", writeAll(t, orig, FormatMARCXML, CharsetUTF8))
			fromXML, _ := runYaz(t, "-i", "marcxml", "-o", "marc", xmlPath)
			assertSameRecords(t, readAllBytes(t, fromXML, FormatISO2709, CharsetAuto), orig)
		})
	}
}

// TestMARCXMLEqualsYazOnGeneratedRecords checks the benchmark input too:
// Convert and yaz must agree on what the timed conversion produces.
func TestMARCXMLEqualsYazOnGeneratedRecords(t *testing.T) {
	var in bytes.Buffer
	if err := GenerateTestFile(&in, 300, 7); err != nil {
		t.Fatal(err)
	}
	if n := yazCheck(t, writeTemp(t, "gen.mrc", in.Bytes()), "marc"); n != 300 {
		t.Fatalf("yaz read %d generated records, want 300", n)
	}
	yazXML, _ := runYaz(t, "-i", "marc", "-o", "marcxml", writeTemp(t, "gen.mrc", in.Bytes()))
	var ours bytes.Buffer
	if _, err := Convert(t.Context(), bytes.NewReader(in.Bytes()), &ours, ConvertOptions{}); err != nil {
		t.Fatal(err)
	}
	want := readAllBytes(t, yazXML, FormatMARCXML, CharsetAuto)
	got := readAllBytes(t, ours.Bytes(), FormatMARCXML, CharsetAuto)
	assertSameRecords(t, got, want)
	for i := range want {
		if got[i].Leader != want[i].Leader {
			t.Errorf("record %d leader %q, yaz %q", i, got[i].Leader, want[i].Leader)
		}
	}
}
