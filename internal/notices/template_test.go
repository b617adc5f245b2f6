package notices

import (
	"encoding/json"
	"net/url"
	"testing"
)

func FuzzFillTemplateKeepsJSONValidAndTheTextWhole(f *testing.F) {
	f.Add("13800000000", "【书屋】张三您好，您借的《习近平谈治国理政》将于2024-09-10到期。")
	f.Add(`"},{"x":1`, "a\"b\\c\n\u2028")
	f.Fuzz(func(t *testing.T, phone, text string) {
		out, err := FillTemplate(DefaultJSONTemplate, FormatJSON, phone, text)
		if err != nil {
			t.Fatalf("fill: %v", err)
		}
		var got map[string]string
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not JSON: %q: %v", out, err)
		}
		if len(got) != 2 {
			t.Fatalf("the values broke out of their strings: %q", out)
		}
		form, err := FillTemplate(DefaultFormTemplate, FormatForm, phone, text)
		if err != nil {
			t.Fatal(err)
		}
		v, err := url.ParseQuery(form)
		if err != nil || len(v) != 2 || v.Get("mobile") != phone || v.Get("content") != text {
			t.Fatalf("form %q: %v %v", form, v, err)
		}
	})
}
