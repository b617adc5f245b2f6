package periodicals_test

import (
	"context"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/periodicals"
	"shuwu/internal/testkit"
)

var librarian = audit.WithActor(context.Background(), audit.Actor{Name: "王馆员", Role: audit.RoleLibrarian})

func setup(t *testing.T) (*testkit.Kit, *periodicals.Service) {
	k := testkit.New(t)
	if err := k.Catalog.LoadCLC(k.Ctx); err != nil {
		t.Fatal(err)
	}
	return k, periodicals.NewService(k.DB.Periodicals(), k.Catalog, testkit.Shanghai, k.Clock.Now)
}

// weekly subscribes to a weekly for 2024 and checks in its first two
// issues. The kit's clock is Monday 2024-09-02: issue 36 is due today.
func weekly(t *testing.T, s *periodicals.Service, title string) (periodicals.Subscription, []periodicals.Issue) {
	t.Helper()
	sub, err := s.Subscribe(librarian, periodicals.Subscription{Title: title, ISSN: "1002-4980", CN: "CN11-0001/D", Frequency: periodicals.Weekly, Copies: 2, Year: 2024, Source: "邮局订阅", PriceFen: 24000, CLC: "D2"})
	if err != nil {
		t.Fatal(err)
	}
	_, issues, _ := s.Issues(librarian, sub.ID)
	for _, is := range issues[:2] {
		if _, _, err := s.CheckIn(librarian, is.ID); err != nil {
			t.Fatal(err)
		}
	}
	return sub, issues
}

func TestChangingTheFrequencyRegeneratesOnlyTheIssuesToCome(t *testing.T) {
	_, s := setup(t)
	sub, before := weekly(t, s, "学习时报")
	if len(before) != 53 {
		t.Fatalf("%d weekly issues in 2024; want 53", len(before))
	}
	sub.Frequency, sub.Copies, sub.Title, sub.PriceFen, sub.Source = periodicals.Monthly, 3, "《学习时报》", 18000, "出版社直订"
	got, err := s.Update(librarian, sub)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "学习时报" || got.Copies != 3 || got.Frequency != periodicals.Monthly || got.Source != "出版社直订" || got.PriceFen != 18000 {
		t.Fatalf("updated %+v", got)
	}
	_, after, _ := s.Issues(librarian, sub.ID)
	// Issues 1–36 (due by today, two of them in) stay; Oct, Nov and Dec
	// come monthly.
	if len(after) != 39 || !after[0].Received() || after[35].ExpectedDate != "2024-09-02" || after[36].ExpectedDate != "2024-10-01" || after[38].ExpectedDate != "2024-12-01" {
		t.Fatalf("%d issues after the change (%+v … %+v); want 36 weekly kept and 3 monthly", len(after), after[35], after[len(after)-1])
	}
	if after[36].Label != "第10期" || after[36].Seq != 37 {
		t.Fatalf("the first monthly issue %+v; want 第10期 numbered after the kept", after[36])
	}
	// A scanned add-on 10 is October's 第10期, not the weekly issue kept
	// under that number.
	if _, is, err := s.CheckInScan(librarian, periodicals.EANOf("1002-4980", 10)); err != nil || is.ID != after[36].ID {
		t.Fatalf("scanned 第10期: %+v %v; want the monthly issue of October", is, err)
	}
	// Copies change the check-ins to come.
	if _, is, _ := s.CheckIn(librarian, after[2].ID); is.ReceivedCopies != 3 {
		t.Fatalf("checked in %d copies; want the new 3", is.ReceivedCopies)
	}
	// The year and start stay; a bad ISSN changes nothing.
	sub.Year = 2025
	if _, err := s.Update(librarian, sub); errs.CodeOf(err) != periodicals.CodeSubscriptionFixed {
		t.Fatalf("a new year: %v", err)
	}
	sub.Year, sub.ISSN = 2024, "1234-5678"
	if _, err := s.Update(librarian, sub); errs.CodeOf(err) != periodicals.CodeISSNInvalid {
		t.Fatalf("a bad ISSN: %v", err)
	}
	other, _ := s.Subscribe(librarian, periodicals.Subscription{Title: "求是", Frequency: periodicals.Semimonthly, Copies: 1, Year: 2024, Source: "邮局订阅"})
	other.Title = "学习时报"
	if _, err := s.Update(librarian, other); errs.CodeOf(err) != periodicals.CodeSubscriptionExists {
		t.Fatalf("renamed onto another: %v", err)
	}
	if again, _ := s.Subscription(librarian, sub.ID); again.ISSN != "1002-4980" || again.Frequency != periodicals.Monthly {
		t.Fatalf("a refused change was stored: %+v", again)
	}
	duty := audit.WithActor(context.Background(), audit.Actor{Name: "值班员", Role: audit.RoleDuty})
	if _, err := s.Update(duty, sub); errs.CodeOf(err) != periodicals.CodeSubscriptionForbidden {
		t.Fatalf("duty staff: %v", err)
	}
}

func TestASubscriptionWithIssuesInIsEndedNotDeleted(t *testing.T) {
	_, s := setup(t)
	sub, _ := weekly(t, s, "中国组织人事报")
	err := s.Delete(librarian, sub.ID)
	if errs.CodeOf(err) != periodicals.CodeSubscriptionInUse || !strings.Contains(errs.As(err).Message, "结束订阅") {
		t.Fatalf("delete with issues in: %v; want SUBSCRIPTION_IN_USE offering to end it", err)
	}
	if _, err := s.End(librarian, sub.ID, "2024-01-05"); errs.As(err).Field != "end_date" {
		t.Fatalf("ending before an issue that came: %v", err)
	}
	if _, err := s.End(librarian, sub.ID, "2025-01-01"); errs.CodeOf(err) != periodicals.CodeEndInvalid {
		t.Fatalf("ending in another year: %v", err)
	}
	got, err := s.End(librarian, sub.ID, "2024-09-15")
	if err != nil || got.EndDate != "2024-09-15" || got.Total != 37 || got.Received != 2 {
		t.Fatalf("ended: %+v %v; want issues to 9 September kept", got, err)
	}
	if _, err := s.End(librarian, sub.ID, "2024-09-20"); errs.CodeOf(err) != periodicals.CodeSubscriptionEnded {
		t.Fatalf("ending twice: %v", err)
	}
	// A subscription entered by mistake, nothing in: deleted with its issues.
	wrong, _ := s.Subscribe(librarian, periodicals.Subscription{Title: "党建研究", Frequency: periodicals.Monthly, Copies: 1, Year: 2024, Source: "邮局订阅"})
	if err := s.Delete(librarian, wrong.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscription(librarian, wrong.ID); errs.CodeOf(err) != periodicals.CodeSubscriptionNotFound {
		t.Fatalf("after delete: %v", err)
	}
}

// Binding writes the volume and the issues' link in one transaction: a
// bind that fails on the copy leaves no record behind and no issue bound.
func TestBindingIsOneTransaction(t *testing.T) {
	k, s := setup(t)
	sub, _ := weekly(t, s, "学习时报")
	count := func() int {
		_, n, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Page: catalog.Page{Number: 1, Size: 10}})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	if _, _, err := s.Bind(librarian, sub.ID, nil, "", 99999); err == nil {
		t.Fatal("bound into a shelf group that does not exist")
	}
	if n := count(); n != before {
		t.Fatalf("a failed bind left %d records (was %d)", n, before)
	}
	_, issues, _ := s.Issues(librarian, sub.ID)
	for _, is := range issues {
		if is.BoundItemID != 0 {
			t.Fatalf("a failed bind left %s bound to %d", is.Label, is.BoundItemID)
		}
	}
	locs, _ := k.Catalog.Locations(k.Ctx)
	rec, it, err := s.Bind(librarian, sub.ID, nil, "", locs[0].ID)
	if err != nil || rec.PartNumber != "2024年合订本" || it.Barcode == "" {
		t.Fatalf("bind: %+v %+v %v", rec, it, err)
	}
	_, issues, _ = s.Issues(librarian, sub.ID)
	if issues[0].BoundItemID != it.ID || issues[1].BoundItemID != it.ID || issues[2].BoundItemID != 0 {
		t.Fatalf("issues after binding: %+v %+v %+v", issues[0], issues[1], issues[2])
	}
	if count() != before+1 {
		t.Fatal("the bound volume's record is missing")
	}
}
