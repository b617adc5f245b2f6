package transfer_test

import (
	"bytes"
	"strings"
	"testing"

	"shuwu/internal/readers"
	"shuwu/internal/transfer"
)

func TestImportRosterEnrollsTraineesWithCardsAndUpdatesOnASecondImport(t *testing.T) {
	s, k := newService(t)
	class := k.Class("2024年秋季科干班", "2024-09-02", "2024-10-31")
	data := xlsxOf(t, [][]any{
		{"姓名", "性别", "单位", "职务", "手机号", "班次"},
		{"张伟", "男", "县委组织部", "科长", 13800138000, "2024年秋季科干班"},
		{"李娜", "女", "县财政局", "副局长", "", "2024年秋季科干班"},
		{"王强", "男", "乡政府", "", "1380013800", "2024年秋季科干班"},
		{"赵敏", "女", "县教育局", "", "0851-88886666", "没有这个班"},
	})
	rep, err := s.ImportRoster(k.Ctx, bytes.NewReader(data), transfer.RosterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 3 || rep.Rejected != 1 {
		t.Fatalf("report: %+v", rep)
	}
	zhang := rowOf(t, rep, 2)
	if zhang.Card != "R0000001" || zhang.Outcome != transfer.Added || zhang.Class != class.Name {
		t.Errorf("row 2: %+v", zhang)
	}
	// A 10-digit phone is a mistake in an optional field: the trainee
	// still gets a card, the number waits in the notes.
	wang := rowOf(t, rep, 4)
	if wang.Outcome != transfer.Added || wang.Card == "" || len(wang.Problems) != 0 || len(wang.Warnings) != 1 ||
		wang.Warnings[0].Column != "手机号" || !strings.Contains(wang.Warnings[0].Message, "1380013800") {
		t.Errorf("row 4 should be added with a warning on its phone: %+v", wang)
	}
	if r, err := k.Readers.ByCard(k.Ctx, wang.Card); err != nil || r.Phone != "" || !strings.Contains(r.Notes, "1380013800") {
		t.Errorf("row 4's reader should have no phone and the number in the notes: %+v (%v)", r, err)
	}
	if p := rowOf(t, rep, 5).Problems; len(p) != 1 || p[0].Column != "班次" || !strings.Contains(p[0].Message, "没有这个班") {
		t.Errorf("row 5 should be rejected for its class: %+v", p)
	}
	r, err := k.Readers.ByCard(k.Ctx, zhang.Card)
	if err != nil {
		t.Fatal(err)
	}
	// Class end 2024-10-31 plus the default grace period.
	if r.TypeID != k.TypeID(readers.TypeTrainee) || r.ExpiryDate <= "2024-10-31" || r.ExpiryDate > "2024-12-31" || r.Phone != "13800138000" {
		t.Errorf("stored reader: %+v", r)
	}
	members, err := k.Readers.Members(k.Ctx, class.ID)
	if err != nil || len(members) != 3 {
		t.Fatalf("members: %d (%v)", len(members), err)
	}

	again := xlsxOf(t, [][]any{
		{"姓名", "单位", "职务", "手机号"},
		{"张伟", "县委组织部", "副部长", "138 0013 8000"},
		{"李娜", "县财政局", "", ""},
	})
	rep2, err := s.ImportRoster(k.Ctx, bytes.NewReader(again), transfer.RosterOptions{ClassID: class.ID})
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Updated != 2 || rep2.Added != 0 {
		t.Fatalf("second import should update both: %+v", rep2)
	}
	if row := rowOf(t, rep2, 2); row.Card != zhang.Card || row.Outcome.Label() != "已存在，已更新" {
		t.Errorf("second import row 2: %+v", row)
	}
	r, _ = k.Readers.ByCard(k.Ctx, zhang.Card)
	if r.Position != "副部长" || r.Gender != "男" {
		t.Errorf("update should change the position and keep the gender: %+v", r)
	}
	_, total, _ := k.Readers.List(k.Ctx, readers.Filter{})
	if total != 3 {
		t.Errorf("readers after two imports: %d, want 3", total)
	}
}

func TestImportRosterCreatesAClassOnlyWhenAsked(t *testing.T) {
	s, k := newService(t)
	data := "姓名,手机号,班次\n刘洋,13900139000,2024年青干班\n"
	rep, err := s.ImportRoster(k.Ctx, strings.NewReader(data), transfer.RosterOptions{})
	if err != nil || rep.Rejected != 1 {
		t.Fatalf("without --create-class the row should be rejected: %+v %v", rep, err)
	}
	rep, err = s.ImportRoster(k.Ctx, strings.NewReader(data), transfer.RosterOptions{CreateClass: true, Start: "2024-09-09", End: "2024-09-30"})
	if err != nil || rep.Added != 1 {
		t.Fatalf("with --create-class: %+v %v", rep, err)
	}
	classes, _ := k.Readers.Classes(k.Ctx)
	if len(classes) != 1 || classes[0].Name != "2024年青干班" || classes[0].EndDate != "2024-09-30" {
		t.Errorf("classes: %+v", classes)
	}
}

func TestNormalizePhone(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"13800138000", "13800138000", true},
		{"+86 138-0013-8000", "13800138000", true},
		{"１３８００１３８０００", "13800138000", true},
		{"0851-88886666", "0851-88886666", true},
		{"(010)62345678", "010-62345678", true},
		{"085188886666", "0851-88886666", true},
		{"1380013800", "", false},
		{"12800138000", "", false},
		{"88886666", "", false},
		{"电话", "", false},
	}
	for _, c := range cases {
		got, ok := transfer.NormalizePhone(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
