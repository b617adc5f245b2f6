package transfer

import (
	"bytes"
	"context"
	"testing"

	"shuwu/internal/errs"
)

// A book list or roster file of any content is read without a panic: rows
// come out, or a clear error (never an internal one) says what is wrong.
func FuzzReadSheet(f *testing.F) {
	f.Add([]byte("题名,作者,分类号,册数\n论持久战,毛泽东,A4,2\n"), "books.csv")
	f.Add([]byte("\xef\xbb\xbf姓名,手机号\n张三,13800138000\n"), "roster.csv")
	f.Add([]byte("\xcc\xe2\xc3\xfb,\xd7\xf7\xd5\xdf\n\xba\xec\xd1\xd2,x\n"), "gbk.csv") // 题名,作者 in GBK
	f.Add([]byte("PK\x03\x04not really a zip"), "books.xlsx")
	f.Add([]byte("\"unterminated,\"\"quote\n题名\n"), "x.csv")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		key := "题名"
		if len(data)%2 == 1 {
			key = "姓名"
		}
		_, err := eachRow(context.Background(), bytes.NewReader(data), SheetOptions{Name: name}, key, func(t *table, row tableRow) error {
			for i := range t.headers {
				_ = row.at(i)
			}
			return nil
		})
		if err != nil && errs.As(err).Kind == errs.KindInternal {
			t.Fatalf("%q: an internal error for a bad file: %v", name, err)
		}
	})
}
