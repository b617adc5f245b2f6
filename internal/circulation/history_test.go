package circulation_test

import (
	"testing"

	"shuwu/internal/ledger"
	"shuwu/internal/testkit"
)

func TestHistoryNamesEachBookNewestFirstAndPagesBack(t *testing.T) {
	k := testkit.New(t)
	a, b := k.Item("共产党宣言"), k.Item("红星照耀中国")
	r := k.Reader("李明")
	k.Checkout(r, a)
	k.Checkout(r, b)
	other := k.Reader("张伟")
	k.Checkout(other, k.Item("别人的书"))

	lines, err := k.Circulation.History(k.Ctx, r.ID, 10, 0)
	if err != nil || len(lines) != 2 {
		t.Fatalf("history = %+v, %v; want the reader's two loans only", lines, err)
	}
	if lines[0].Title != "红星照耀中国" || lines[0].Barcode != b.Barcode || lines[0].Kind != ledger.Loan ||
		lines[1].Title != "共产党宣言" || lines[1].Barcode != a.Barcode {
		t.Fatalf("history = %+v; want 红星照耀中国 then 共产党宣言 with their barcodes", lines)
	}
	older, err := k.Circulation.History(k.Ctx, r.ID, 10, lines[0].ID)
	if err != nil || len(older) != 1 || older[0].Title != "共产党宣言" {
		t.Fatalf("history before %d = %+v, %v; want the first loan", lines[0].ID, older, err)
	}
}
