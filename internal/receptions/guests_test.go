package receptions

import (
	"strings"
	"testing"

	"shuwu/internal/errs"
)

func TestParseGuestsReadsANameAndATitleALine(t *testing.T) {
	gs, err := ParseGuests("张明 州委常委、组织部部长\r\n\n刘芳，州委组织部副部长\n  欧阳建国：州人大常委会副主任 \n王五\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Guest{{"张明", "州委常委、组织部部长"}, {"刘芳", "州委组织部副部长"}, {"欧阳建国", "州人大常委会副主任"}, {"王五", ""}}
	if len(gs) != len(want) {
		t.Fatalf("got %+v", gs)
	}
	for i := range want {
		if gs[i] != want[i] {
			t.Errorf("line %d: %+v, want %+v", i+1, gs[i], want[i])
		}
	}
	if back, _ := ParseGuests(FormatGuests(gs)); len(back) != 4 || back[0] != gs[0] || back[3] != gs[3] {
		t.Fatalf("FormatGuests does not read back: %+v", back)
	}
	_, err = ParseGuests("张明 州委常委\n张明州委常委、组织部部长、州委党校校长兼任\n")
	if e := errs.As(err); !strings.Contains(e.Message, "第 2 行") || !strings.Contains(e.Message, "空格隔开") {
		t.Fatalf("a name run into its title: %v; want line 2 named with the hint", err)
	}
	if _, err := ParseGuests(strings.Repeat("某某 职务\n", MaxGuests+1)); err == nil {
		t.Fatal("too many guests accepted")
	}
}

func FuzzParseGuests(f *testing.F) {
	for _, s := range []string{"张明 州委常委", "a,b\nc：d", "\x00\n\t", "，", strings.Repeat("名", 30)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gs, err := ParseGuests(s)
		if err != nil {
			if errs.As(err).Code != CodeReceptionInvalid {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, g := range gs {
			if g.Name == "" || strings.ContainsAny(g.Name, " \n") {
				t.Fatalf("ParseGuests(%q) made a guest %+v", s, g)
			}
		}
	})
}
