package cli

import (
	"strings"
	"testing"
)

func TestSIPTerminalCommands(t *testing.T) {
	dir := t.TempDir()
	// Flags after the name, as the issue writes the command.
	code, out, errOut := run(t, "Kiosk-pass-1\n", "sip", "terminal", "add", "kiosk1", "--data", dir, "--institution", "SHUWU", "--location", "hall", "--encoding", "gbk")
	if code != 0 || !strings.Contains(out, "已添加自助机 kiosk1") || !strings.Contains(out, "GBK") {
		t.Fatalf("sip terminal add = %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "sip", "terminal", "list", "--data", dir)
	if code != 0 || !strings.Contains(out, "kiosk1") || !strings.Contains(out, "AO=SHUWU") || !strings.Contains(out, "从未登录") {
		t.Fatalf("sip terminal list = %d %q", code, out)
	}
	if code, _, errOut = run(t, "Kiosk-pass-1\n", "sip", "terminal", "add", "kiosk1", "--data", dir, "--institution", "SHUWU"); code != 3 || !strings.Contains(errOut, "已存在") {
		t.Fatalf("duplicate: exit %d %q; want 3 naming the clash", code, errOut)
	}
	if code, _, errOut = run(t, "Kiosk-pass-1\n", "sip", "terminal", "add", "kiosk2", "--data", dir); code != 2 || !strings.Contains(errOut, "机构代码") {
		t.Fatalf("no institution: exit %d %q", code, errOut)
	}
	if code, _, errOut = run(t, "Kiosk-pass-1\n", "sip", "terminal", "add", "kiosk2", "--data", dir, "--institution", "X", "--encoding", "big5"); code != 2 || !strings.Contains(errOut, "字符集只能是 utf-8 或 gbk") {
		t.Fatalf("bad encoding: exit %d %q", code, errOut)
	}
	if code, out, errOut = run(t, "New-pass-2\n", "sip", "terminal", "passwd", "kiosk1", "--data", dir); code != 0 || !strings.Contains(out, "已修改") {
		t.Fatalf("passwd = %d %q %q", code, out, errOut)
	}
	if code, _, errOut = run(t, "New-pass-2\n", "sip", "terminal", "passwd", "nobody", "--data", dir); code != 4 || !strings.Contains(errOut, "自助机账号 nobody 不存在") {
		t.Fatalf("passwd of unknown = %d %q", code, errOut)
	}
	if code, out, _ = run(t, "", "sip", "terminal", "remove", "kiosk1", "--data", dir); code != 0 || !strings.Contains(out, "已删除") {
		t.Fatalf("remove = %d %q", code, out)
	}
	if code, out, _ = run(t, "", "sip", "terminal", "list", "--data", dir); !strings.Contains(out, "还没有自助机账号") {
		t.Fatalf("list after remove = %d %q", code, out)
	}
	if code, _, _ = run(t, "", "sip", "nonsense"); code != 2 {
		t.Fatalf("bad subcommand: exit %d, want 2", code)
	}
}
