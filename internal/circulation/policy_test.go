package circulation

import (
	"testing"
	"time"

	"shuwu/internal/settings"
)

func TestResolvePicksTheMostSpecificCell(t *testing.T) {
	policies := []Policy{
		{ID: 1, LoanDays: 30},
		{ID: 2, ReaderTypeID: 7, LoanDays: 14},
		{ID: 3, CategoryID: 5, LoanDays: 60},
		{ID: 4, ReaderTypeID: 7, CategoryID: 5, LoanDays: 7},
	}
	tests := []struct {
		name         string
		typ, cat     int64
		wantID       int64
		wantLoanDays int
	}{
		{"reader type and category both match", 7, 5, 4, 7},
		{"reader type matches beats category", 7, 9, 2, 14},
		{"category only matches", 8, 5, 3, 60},
		{"nothing specific falls to the catch-all", 8, 9, 1, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Resolve(policies, tt.typ, tt.cat)
			if got.ID != tt.wantID || got.LoanDays != tt.wantLoanDays {
				t.Fatalf("Resolve(%d,%d) = cell %d with %d days, want cell %d with %d days", tt.typ, tt.cat, got.ID, got.LoanDays, tt.wantID, tt.wantLoanDays)
			}
		})
	}
	if got := Resolve(nil, 1, 1); got.LoanDays != 30 || got.Renewals != 1 {
		t.Fatalf("with no policies the default is 30 days and 1 renewal, got %+v", got)
	}
}

func TestPolicyValidateRejectsNonsense(t *testing.T) {
	bad := []Policy{
		{LoanDays: 0, MaxLoans: 5},
		{LoanDays: 30, MaxLoans: -1},
		{LoanDays: 30, MaxLoans: 5, Renewals: 1, RenewalDays: 0},
		{LoanDays: 400, MaxLoans: 5},
	}
	for _, p := range bad {
		if err := p.Validate(); err == nil {
			t.Errorf("policy %+v was accepted", p)
		}
	}
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatalf("the default policy is invalid: %v", err)
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDueDateNeverFallsOnAClosedDay(t *testing.T) {
	cal := Calendar{Rules: settings.Defaults(), Closed: map[string]bool{"2024-10-07": true, "2024-10-01": true}}
	tests := []struct {
		name   string
		start  string
		days   int
		expiry string
		want   string
	}{
		{"a weekday due date stays", "2024-09-02", 30, "", "2024-10-02"},
		{"saturday moves to monday", "2024-08-31", 7, "", "2024-09-09"},
		{"a holiday after a weekend moves on again", "2024-09-05", 30, "", "2024-10-08"},
		{"card expiry cuts the loan short", "2024-09-02", 30, "2024-09-20", "2024-09-20"},
		{"expiry on a sunday goes back to friday", "2024-09-02", 30, "2024-09-22", "2024-09-20"},
		{"an expiry already passed does not move the date before today", "2024-09-02", 30, "2024-08-01", "2024-10-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cal.DueDate(day(tt.start), tt.days, tt.expiry).Format(time.DateOnly)
			if got != tt.want {
				t.Fatalf("DueDate(%s, %d, %q) = %s, want %s", tt.start, tt.days, tt.expiry, got, tt.want)
			}
			if !cal.Open(day(got)) {
				t.Fatalf("due date %s is a closed day", got)
			}
		})
	}
}

func TestAddOpenDaysSkipsWeekends(t *testing.T) {
	cal := Calendar{Rules: settings.Defaults()}
	if got := cal.AddOpenDays(day("2024-09-05"), 3).Format(time.DateOnly); got != "2024-09-10" {
		t.Fatalf("3 open days after Thursday 5 Sep = %s, want Tuesday 10 Sep", got)
	}
}
