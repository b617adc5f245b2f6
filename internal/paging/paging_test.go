package paging

import (
	"math"
	"testing"

	"shuwu/internal/errs"
)

func TestClampAndOffsetNeverOverflow(t *testing.T) {
	for _, n := range []int{math.MinInt, -1, 0, 1, 7, MaxPage, MaxPage + 1, math.MaxInt} {
		c := Clamp(n)
		if c < 1 || c > MaxPage {
			t.Errorf("Clamp(%d) = %d, outside 1..%d", n, c, MaxPage)
		}
		if off := Offset(n, 200); off < 0 || off > (MaxPage-1)*200 {
			t.Errorf("Offset(%d, 200) = %d", n, off)
		}
	}
	if Offset(3, 20) != 40 {
		t.Fatalf("Offset(3, 20) = %d, want 40", Offset(3, 20))
	}
}

func TestCheckNamesTheLastPage(t *testing.T) {
	if err := Check(500, LastReachable(10000, 20)); err != nil {
		t.Fatalf("page 500 of 10000 rows by 20: %v", err)
	}
	err := Check(501, LastReachable(10000, 20))
	if !errs.Is(err, CodeOutOfRange) || errs.As(err).Message != "页码超出范围：页码须在 1 到 500 之间" {
		t.Fatalf("page 501: %v", err)
	}
	if !errs.Is(Check(math.MaxInt64, 500), CodeOutOfRange) || !errs.Is(Check(0, 500), CodeOutOfRange) {
		t.Fatal("pages 2^63-1 and 0 were accepted")
	}
}
