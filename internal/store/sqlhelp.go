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

// inListChunk is how many ids one IN-list binds. SQLite refuses more than
// 32,766 variables in a statement and PostgreSQL more than 65,535; a server
// catching up on 100,000 queued changes asks for them all at once.
const inListChunk = 500

// eachChunk calls fn with successive slices of ids, each at most
// inListChunk long, with the bind marks and arguments for an IN-list.
// Rows of one id always come from one call, so per-id order survives.
func eachChunk(ids []int64, fn func(marks string, args []any) error) error {
	for len(ids) > 0 {
		n := min(len(ids), inListChunk)
		if err := fn(bindMarks(n), int64Args(ids[:n])); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
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
// messages show it: 题名．卷次，分册名：其他题名信息, as
// catalog.Record.DisplayTitle writes it. alias names the records table in
// the query.
func displayTitle(alias string) string {
	a := alias + "."
	return a + "title" +
		" || CASE WHEN " + a + "part_number <> '' OR " + a + "part_name <> '' THEN '．' ELSE '' END" +
		" || " + a + "part_number" +
		" || CASE WHEN " + a + "part_number <> '' AND " + a + "part_name <> '' THEN '，' ELSE '' END" +
		" || " + a + "part_name" +
		" || CASE WHEN " + a + "other_title <> '' THEN '：' || " + a + "other_title ELSE '' END"
}
