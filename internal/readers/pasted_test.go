package readers_test

import (
	"reflect"
	"testing"

	"shuwu/internal/readers"
	"shuwu/internal/testkit"
)

func TestSplitPastedTakesEverySeparatorPeoplePaste(t *testing.T) {
	got := readers.SplitPasted("王芳\r\n李明，张伟、赵强;孙丽；周杰\t吴敏, \n\n")
	want := []string{"王芳", "李明", "张伟", "赵强", "孙丽", "周杰", "吴敏"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("SplitPasted = %q, want %q", got, want)
	}
}

func TestResolvePastedTakesCardsAndNamesOnlyOneReaderHas(t *testing.T) {
	k := testkit.New(t)
	wang := k.Reader("王芳")
	li := k.Reader("李明")
	k.Reader("张伟")
	k.Reader("张伟")
	k.Reader("王芳芳") // contains 王芳, but is another name
	p, err := k.Readers.ResolvePasted(k.Ctx, li.Card+"\n王芳\n张伟\n刘洋")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Cards, []string{li.Card, wang.Card}) || !reflect.DeepEqual(p.Unknown, []string{"刘洋"}) || !reflect.DeepEqual(p.Ambiguous, []string{"张伟"}) {
		t.Fatalf("resolved = %+v; want cards %s %s, unknown 刘洋, ambiguous 张伟", p, li.Card, wang.Card)
	}
	if p, err := k.Readers.ResolvePasted(k.Ctx, " ，\n"); err != nil || !p.Empty() {
		t.Fatalf("blank paste = %+v, %v; want nothing", p, err)
	}
}
