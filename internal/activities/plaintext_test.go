package activities_test

import "testing"

// What a person types into an activity is stored without NUL, control or
// bidirectional-override characters, line breaks in the description kept.
func TestAnActivityStoresNoInvisibleCharacters(t *testing.T) {
	f := setup(t)
	d := draft()
	d.Title = "红色\u202e读书会\x00"
	d.Host = "李\x07老师"
	d.Description = "第一章\r\n第二章\u200f"
	act, err := f.k.Activities.Create(f.branch, d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.k.Activities.Activity(f.k.Ctx, act.ID)
	if err != nil || got.Title != "红色读书会" || got.Host != "李老师" || got.Description != "第一章\n第二章" {
		t.Fatalf("stored %q %q %q (%v); want the invisible characters gone", got.Title, got.Host, got.Description, err)
	}
}
