package readers

import (
	"context"
	"strings"

	"shuwu/internal/errs"
)

// Pasted is a pasted list of readers, resolved: the card numbers of the
// readers it names, and the entries that name nobody or several readers.
type Pasted struct {
	Cards     []string
	Unknown   []string
	Ambiguous []string
}

// Empty reports whether the list named nothing at all.
func (p Pasted) Empty() bool {
	return len(p.Cards) == 0 && len(p.Unknown) == 0 && len(p.Ambiguous) == 0
}

// SplitPasted splits a list pasted from a spreadsheet, a document or a
// chat: one entry per line, or separated by commas, 、, semicolons or
// tabs, half- or full-width. Blank entries are dropped.
func SplitPasted(text string) []string {
	var out []string
	for _, e := range strings.FieldsFunc(text, func(c rune) bool {
		return c == '\n' || c == '\r' || c == ',' || c == '，' || c == '、' || c == ';' || c == '；' || c == '\t'
	}) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// ResolvePasted finds the readers a pasted list names. Each entry is a
// card number or a name; a name is taken when exactly one reader has it.
func (s *Service) ResolvePasted(ctx context.Context, text string) (Pasted, error) {
	var p Pasted
	err := s.store.View(ctx, func(tx Tx) error {
		for _, e := range SplitPasted(text) {
			rd, err := tx.ReaderByCard(e)
			if err == nil {
				p.Cards = append(p.Cards, rd.Card)
				continue
			}
			if errs.As(err).Kind == errs.KindInternal {
				return err
			}
			list, _, err := tx.Readers(Filter{Query: e, Number: 1, Size: 50})
			if err != nil {
				return err
			}
			var same []Reader
			for _, rd := range list {
				if rd.Name == e {
					same = append(same, rd)
				}
			}
			switch len(same) {
			case 0:
				p.Unknown = append(p.Unknown, e)
			case 1:
				p.Cards = append(p.Cards, same[0].Card)
			default:
				p.Ambiguous = append(p.Ambiguous, e)
			}
		}
		return nil
	})
	return p, err
}
