package transfer_test

import (
	"bytes"
	"fmt"
	"testing"

	"shuwu/internal/transfer"
)

// BenchmarkImportBooks1000 imports a 1,000-row book list of 2 copies a
// row into a fresh store. Run it with
//
//	go test -run '^$' -bench ImportBooks1000 -benchtime 1x ./internal/transfer/
func BenchmarkImportBooks1000(b *testing.B) {
	rows := [][]any{{"题名", "作者", "出版社", "出版年", "价格", "分类号", "册数", "馆藏位置"}}
	classes := []string{"D26", "D64", "A81", "D2-0", "K27"}
	for i := range 1000 {
		rows = append(rows, []any{fmt.Sprintf("党建读本第%d册", i), "本书编写组", "人民出版社", 2023, "36.00", classes[i%len(classes)], 2, "藏书室书架第一组"})
	}
	data := xlsxOf(b, rows)
	for b.Loop() {
		b.StopTimer()
		s, k := newService(b)
		b.StartTimer()
		rep, err := s.ImportBooks(k.Ctx, bytes.NewReader(data), transfer.BookSheetOptions{})
		if err != nil || rep.Added != 1000 || rep.Items != 2000 {
			b.Fatalf("report %+v, err %v", rep, err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportRoster2000 imports a 2,000-person roster into one class.
func BenchmarkImportRoster2000(b *testing.B) {
	rows := [][]any{{"姓名", "性别", "单位", "职务", "手机号", "班次"}}
	for i := range 2000 {
		rows = append(rows, []any{fmt.Sprintf("学员%04d", i), "男", "县直机关", "科员", fmt.Sprintf("139%08d", i), "2024年秋季主体班"})
	}
	data := xlsxOf(b, rows)
	for b.Loop() {
		b.StopTimer()
		s, k := newService(b)
		k.Class("2024年秋季主体班", "2024-09-02", "2024-11-29")
		b.StartTimer()
		rep, err := s.ImportRoster(k.Ctx, bytes.NewReader(data), transfer.RosterOptions{})
		if err != nil || rep.Added != 2000 {
			b.Fatalf("report added %d rejected %d, err %v", rep.Added, rep.Rejected, err)
		}
	}
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "rows/s")
}
