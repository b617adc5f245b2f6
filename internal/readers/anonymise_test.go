package readers_test

import (
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/testkit"
)

// Only a cancelled card's personal data can be deleted; then the name,
// phone, unit and notes are gone, the card number is free again, and the
// reader stays in their class for the statistics.
func TestAnonymiseOnlyACancelledReader(t *testing.T) {
	k := testkit.New(t)
	c := k.Class("2026年秋季科干班", "2026-09-01", "2026-12-20")
	r := k.Trainee("王五", c)
	r.Phone, r.Unit, r.Notes = "13700137000", "某州委党校", "爱读党史"
	if _, err := k.Readers.Update(k.Ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Readers.Anonymise(k.Ctx, r.Card); !errs.Is(err, readers.CodeReaderNotCancelled) {
		t.Fatalf("an active card: %v, want %s", err, readers.CodeReaderNotCancelled)
	}
	if got, _ := k.Readers.ByCard(k.Ctx, r.Card); got.Name != "王五" {
		t.Fatal("a refused deletion changed the reader")
	}
	if _, err := k.Readers.SetStatus(k.Ctx, r.Card, readers.StatusCancelled); err != nil {
		t.Fatal(err)
	}
	a, err := k.Readers.Anonymise(k.Ctx, r.Card)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != readers.AnonymisedName || a.Phone != "" || a.Unit != "" || a.Notes != "" || a.Card == r.Card {
		t.Fatalf("after deletion: %+v", a)
	}
	if _, err := k.Readers.ByCard(k.Ctx, r.Card); !errs.Is(err, readers.CodeReaderNotFound) {
		t.Errorf("the old card still finds someone: %v", err)
	}
	members, _, err := k.Readers.List(k.Ctx, readers.Filter{ClassID: c.ID, Size: 50})
	if err != nil || len(members) != 1 || members[0].ID != r.ID {
		t.Errorf("class members after deletion: %v %v, want the anonymous reader kept", members, err)
	}
}
