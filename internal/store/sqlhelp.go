package store

import (
	"strings"

	"shuwu/internal/errs"
)

// bindMarks returns "?,?,…" for n arguments.
func bindMarks(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// escapeLike escapes LIKE wildcards in user input (ESCAPE '\').
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// mustAffect runs a statement that must change a row; otherwise notFound.
func (tx *Tx) mustAffect(notFound *errs.Error, query string, args ...any) error {
	res, err := tx.exec(query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound
	}
	return nil
}

// displayTitle is the SQL of a record's title as slips, loan lists and
// messages show it: 题名：其他题名信息, as catalog.Record.DisplayTitle
// writes it. alias names the records table in the query.
func displayTitle(alias string) string {
	return alias + ".title || CASE WHEN " + alias + ".other_title <> '' THEN '：' || " + alias + ".other_title ELSE '' END"
}
