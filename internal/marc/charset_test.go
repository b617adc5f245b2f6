package marc

import (
	"bytes"
	"testing"
	"time"
)

func TestDecodeGB18030(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		cs     Charset
		want   string
		wantOK bool
	}{
		{"GBK bytes", []byte{0xD6, 0xD0, 0xB9, 0xFA}, CharsetGB18030, "中国", true},
		{"GBK that is also valid UTF-8 stays GBK", []byte{0xD2, 0xB3}, charsetGBOrUTF8, "页", true},
		{"UTF-8 subfield in a GBK record", []byte("鲁迅"), charsetGBOrUTF8, "鲁迅", true},
		{"UTF-8 that GB18030 cannot read", []byte("€"), charsetGBOrUTF8, "€", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d textDecoder
			got, ok := d.appendText(nil, tt.in, tt.cs)
			if string(got) != tt.want || ok != tt.wantOK {
				t.Errorf("got %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestDecodeGB18030ExpandingInputFinishes guards against a hang found by
// fuzzing: single bytes that each decode to three UTF-8 bytes.
func TestDecodeGB18030ExpandingInputFinishes(t *testing.T) {
	done := make(chan []byte)
	go func() {
		var d textDecoder
		out, _ := d.appendText(nil, bytes.Repeat([]byte{0x80}, 1000), CharsetGB18030)
		done <- out
	}()
	select {
	case out := <-done:
		if len(out) != 3000 {
			t.Errorf("got %d bytes, want 3000", len(out))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("decoding did not finish")
	}
}

func TestParseCharsetAcceptsAliases(t *testing.T) {
	for in, want := range map[string]Charset{"": CharsetAuto, "GBK": CharsetGB18030, "UTF8": CharsetUTF8, "MARC8": CharsetMARC8, "cp1251": CharsetCP1251, "IBM866": CharsetCP866} {
		if got, err := ParseCharset(in); err != nil || got != want {
			t.Errorf("ParseCharset(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseCharset("ebcdic"); err == nil {
		t.Error("ParseCharset(ebcdic) succeeded")
	}
}

func TestDecodeUTF8GivesNFC(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{"plain Chinese is copied", "中国发展报告", "中国发展报告", true},
		{"decomposed accent is composed", "communaute\u0301", "communauté", true},
		{"Chinese then a decomposed accent", "中文e\u0301", "中文é", true},
		{"CJK compatibility ideograph is normalised", "\uF900", "\u8C48", true},
		{"invalid byte becomes U+FFFD", "ab\xffc", "ab\uFFFDc", false},
		{"truncated Chinese character", "中\xe6\x96", "中\uFFFD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d textDecoder
			got, ok := d.appendText(nil, []byte(tt.in), CharsetUTF8)
			if string(got) != tt.want || ok != tt.wantOK {
				t.Errorf("got %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
