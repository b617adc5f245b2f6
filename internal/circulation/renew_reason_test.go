package circulation_test

import (
	"strings"
	"testing"

	"shuwu/internal/datefmt"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

// TestRefusedRenewalSaysTheTrueReason: a renewal asked for the day after
// the checkout was once refused "续借不会延长借期（读者证有效期至 …）" with an
// ISO date, though the card was valid for years: the true reason is that
// the renewal period from today (15 days) is shorter than what is left of
// the loan (30 days). The message says so, in Chinese dates, and names the
// first day a renewal would succeed — which it does.
func TestRefusedRenewalSaysTheTrueReason(t *testing.T) {
	k := testkit.New(t)
	it, r := k.Item("乡土中国"), k.Reader("赵敏")
	due := k.Checkout(r, it).Loan.DueDate
	k.Clock.AddDays(1)
	_, err := k.Circulation.Renew(k.Ctx, it.Barcode, 0)
	wantCode(t, err, "RENEWAL_TOO_EARLY")
	e := errs.As(err)
	for _, part := range []string{"《乡土中国》", "自今日起 15 天", datefmt.ChineseDay(due)} {
		if !strings.Contains(e.Message, part) {
			t.Errorf("message %q lacks %q", e.Message, part)
		}
	}
	if strings.Contains(e.Message, "读者证") || strings.Contains(e.Message, "-") {
		t.Errorf("message %q blames the card or shows an ISO date", e.Message)
	}
	if !strings.Contains(e.MessageEn, "15 days from today") {
		t.Errorf("English message %q", e.MessageEn)
	}
	for day := 0; ; day++ {
		if day > 40 {
			t.Fatal("the renewal never succeeded")
		}
		lv, err := k.Circulation.Renew(k.Ctx, it.Barcode, 0)
		if err == nil {
			if when := datefmt.Chinese(k.Clock.Now()); !strings.Contains(e.Message, when+"起") {
				t.Fatalf("renewal first succeeded on %s (due %s), but the message said %q", when, lv.DueDate, e.Message)
			}
			break
		}
		wantCode(t, err, "RENEWAL_TOO_EARLY")
		k.Clock.AddDays(1)
	}
}

// TestRenewalCappedByTheCardSaysSo: a trainee's loan already runs to the
// card's expiry; the refusal names that date in Chinese.
func TestRenewalCappedByTheCardSaysSo(t *testing.T) {
	k := testkit.New(t)
	c := k.Class("2024年秋季科干班", "2024-09-01", "2024-09-20")
	tr := k.Trainee("陈学员", c)
	it := k.Item("党章学习")
	k.Checkout(tr, it)
	_, err := k.Circulation.Renew(k.Ctx, it.Barcode, 0)
	wantCode(t, err, "RENEWAL_NOT_EXTENDING")
	if msg := errs.As(err).Message; !strings.Contains(msg, "读者证有效期（至 2024年9月27日）") {
		t.Fatalf("message %q does not name the card's expiry in Chinese", msg)
	}
}
