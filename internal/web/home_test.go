package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

func TestStaffHomeListsExpiringCardsAndTheHoldShelf(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	today, err := time.Parse(time.DateOnly, e.a.Catalog.Today())
	if err != nil {
		t.Fatal(err)
	}
	soon, err := e.a.Readers.Create(ctx, readers.Reader{Name: "赵六", Unit: "某县委党校", Phone: "13600136000", TypeID: e.f.Readers[0].TypeID,
		ExpiryDate: today.AddDate(0, 0, 3).Format(time.DateOnly)})
	if err != nil {
		t.Fatal(err)
	}
	// The only copy of the first book goes out, a second reader asks for
	// it, and its return puts it on the hold shelf for her.
	code := e.f.Barcodes[0][0]
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, code); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.PlaceHold(ctx, e.f.Readers[1].Card, e.f.Records[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.Checkin(ctx, code, false); err != nil {
		t.Fatal(err)
	}

	home := e.as(t, "duty1").get("/")
	home.want(t, http.StatusOK, "本周到期的读者证", "赵六", soon.Card, "预约到书待取", "李四", code)
	shelf := home.body[strings.Index(home.body, `id="pickup-shelf"`):strings.Index(home.body, `id="expiring-cards"`)]
	if !strings.Contains(shelf, e.f.Records[0].Title) || !strings.Contains(shelf, "李四") {
		t.Errorf("hold shelf lacks the trapped hold:\n%s", shelf)
	}
	if strings.Contains(home.body[strings.Index(home.body, `id="expiring-cards"`):], e.f.Readers[0].Name) {
		t.Error("a card valid for sixty days is listed as expiring")
	}
	en := e.as(t, "duty1")
	en.lang = "en"
	en.get("/").want(t, http.StatusOK, "Cards expiring this week", "Holds waiting for pickup")
}
