package assets_test

import (
	"context"
	"testing"

	"shuwu/internal/assets"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

func setup(t *testing.T) (*testkit.Kit, *assets.Service) {
	k := testkit.New(t)
	return k, assets.NewService(k.DB.Assets(), testkit.Shanghai, k.Clock.Now)
}

var librarian = audit.WithActor(context.Background(), audit.Actor{Name: "王馆员", Role: audit.RoleLibrarian})

func shelves() assets.Asset {
	return assets.Asset{Name: "钢制双面书架", Category: assets.Shelving, Model: "2000×1800×450", Quantity: 10, ValueFen: 4800000,
		Acquired: "2022-07-20", Location: "藏书室"}
}

// The librarian registers the room's equipment; the ledger counts what is
// held beside the collection's volumes and value, and a retired line
// leaves the totals but stays in the register.
func TestTheLedgerCountsTheEquipmentBesideTheCollection(t *testing.T) {
	k, s := setup(t)
	// The collection: 3 copies of one title at 45.00 and 1 of another.
	its := k.Items(k.Record("习近平新时代中国特色社会主义思想学习纲要"), 3)
	one := k.Item("红岩")
	for _, it := range append(its, one) {
		price := int64(4500)
		if _, err := k.Catalog.UpdateItem(k.Ctx, it.Barcode, catalog.ItemChange{PriceFen: &price}); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []assets.Asset{shelves(),
		{Name: "阅览桌", Category: assets.Furniture, Quantity: 4, ValueFen: 1200000, Acquired: "2022-07-20", Location: "阅览室"},
		{Name: "阅览椅", Category: assets.Furniture, Quantity: 40, ValueFen: 1600000, Acquired: "2022-07-20", Location: "阅览室"},
		{Name: "除湿机", Category: assets.Appliance, Quantity: 1, ValueFen: 350000, Acquired: "2023-03-01", Location: "藏书室", State: assets.Idle},
	} {
		if _, err := s.Create(librarian, a); err != nil {
			t.Fatalf("create %s: %v", a.Name, err)
		}
	}
	l, err := s.Ledger(librarian)
	if err != nil {
		t.Fatal(err)
	}
	if l.Equipment.Lines != 4 || l.Equipment.Quantity != 55 || l.Equipment.ValueFen != 7950000 {
		t.Fatalf("equipment %+v; want 4 lines, 55 pieces, 79,500.00", l.Equipment)
	}
	if l.Copies != 4 || l.Titles != 2 || l.CollectionFen != 18000 || l.TotalFen != 7968000 {
		t.Fatalf("collection %d copies %d titles %d fen, total %d; want 4, 2, 180.00 and 79,680.00", l.Copies, l.Titles, l.CollectionFen, l.TotalFen)
	}
	if c := l.ByCategory[1]; c.Category != assets.Furniture || c.Quantity != 44 || c.ValueFen != 2800000 {
		t.Fatalf("furniture %+v; want 44 pieces worth 28,000.00", c)
	}
	list, _ := s.List(librarian)
	dehum := list[len(list)-1]
	if list[0].Name != "钢制双面书架" || dehum.Name != "除湿机" || dehum.State != assets.Idle {
		t.Fatalf("register order %v; want shelving first, appliances last", list)
	}
	// Retiring: a day before the purchase, or no reason, is refused.
	if _, err := s.Retire(librarian, dehum.ID, assets.Retirement{Date: "2023-01-01", Reason: "损坏"}); fieldOf(err) != "retired_on" {
		t.Fatalf("retire before purchase: %v; want a retired_on error", err)
	}
	if _, err := s.Retire(librarian, dehum.ID, assets.Retirement{Date: "2024-08-01"}); fieldOf(err) != "retire_reason" {
		t.Fatalf("retire without reason: %v; want a retire_reason error", err)
	}
	if _, err := s.Retire(librarian, dehum.ID, assets.Retirement{Date: "2024-08-01", Reason: "压缩机损坏，无维修价值"}); err != nil {
		t.Fatal(err)
	}
	l, _ = s.Ledger(librarian)
	if l.Equipment.Lines != 3 || l.Equipment.ValueFen != 7600000 || l.Retired.Lines != 1 || l.Retired.ValueFen != 350000 {
		t.Fatalf("after retiring: %+v retired %+v", l.Equipment, l.Retired)
	}
	got, _ := s.Get(librarian, dehum.ID)
	if got.State != assets.Retired || got.RetiredOn != "2024-08-01" || got.RetireReason != "压缩机损坏，无维修价值" {
		t.Fatalf("retired line %+v", got)
	}
	// A retired line is not edited nor retired twice.
	got.Notes = "改一下"
	if _, err := s.Update(librarian, assets.Asset{ID: got.ID, Name: got.Name, Category: got.Category, Quantity: 1, Acquired: got.Acquired}); errs.CodeOf(err) != assets.CodeAssetRetired {
		t.Fatalf("edit retired: %v; want ASSET_RETIRED", err)
	}
	if _, err := s.Retire(librarian, dehum.ID, assets.Retirement{Date: "2024-08-02", Reason: "再报废"}); errs.CodeOf(err) != assets.CodeAssetRetired {
		t.Fatalf("retire twice: %v; want ASSET_RETIRED", err)
	}
}

func TestBadLinesAreRefusedNamingTheFieldAndNothingIsStored(t *testing.T) {
	_, s := setup(t)
	for _, c := range []struct {
		field string
		edit  func(*assets.Asset)
	}{
		{"name", func(a *assets.Asset) { a.Name = "  " }},
		{"category", func(a *assets.Asset) { a.Category = "car" }},
		{"quantity", func(a *assets.Asset) { a.Quantity = 0 }},
		{"value", func(a *assets.Asset) { a.ValueFen = -1 }},
		{"value", func(a *assets.Asset) { a.ValueFen = assets.MaxValueFen + 1 }},
		{"acquired", func(a *assets.Asset) { a.Acquired = "2022/07/20" }},
		{"acquired", func(a *assets.Asset) { a.Acquired = "2030-01-01" }},
		{"state", func(a *assets.Asset) { a.State = assets.Retired }},
		{"state", func(a *assets.Asset) { a.State = "broken" }},
	} {
		a := shelves()
		c.edit(&a)
		_, err := s.Create(librarian, a)
		if fieldOf(err) != c.field || errs.CodeOf(err) != assets.CodeAssetInvalid {
			t.Errorf("%+v: %v; want an error on %s", a, err, c.field)
		}
	}
	duty := audit.WithActor(context.Background(), audit.Actor{Name: "值班员", Role: audit.RoleDuty})
	if _, err := s.Create(duty, shelves()); errs.CodeOf(err) != assets.CodeAssetForbidden {
		t.Errorf("duty staff: %v; want ASSET_FORBIDDEN", err)
	}
	if list, _ := s.List(librarian); len(list) != 0 {
		t.Fatalf("stored %v", list)
	}
	if _, err := s.Get(librarian, 99); errs.CodeOf(err) != assets.CodeAssetNotFound {
		t.Fatalf("unknown id: %v", err)
	}
}

func fieldOf(err error) string {
	if err == nil {
		return ""
	}
	return errs.As(err).Field
}
