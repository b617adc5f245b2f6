package circulation

import "context"

// OverdueFilter picks loans for the full overdue list.
type OverdueFilter struct {
	// ClassID keeps only loans counted for that class (0: all).
	ClassID int64
	// ByClass orders by class, then reader, then due date, so a list or a
	// pile of 催还 slips can be handed to each class; otherwise the oldest
	// due date comes first.
	ByClass bool
	// Offset and Limit page the list; Limit 0 means every loan.
	Offset, Limit int
}

// OverdueLoan is an overdue loan with what is needed to chase it: the
// reader's phone and unit and the class the loan counts for.
type OverdueLoan struct {
	LoanView
	ReaderPhone string `json:"reader_phone,omitempty"`
	ReaderUnit  string `json:"reader_unit,omitempty"`
	ClassName   string `json:"class_name,omitempty"`
}

// OverdueList pages the loans past their due date and counts them all.
func (s *Service) OverdueList(ctx context.Context, f OverdueFilter) ([]OverdueLoan, int, error) {
	if f.Offset < 0 {
		f.Offset = 0
	}
	if f.Limit < 0 {
		f.Limit = 0
	}
	var out []OverdueLoan
	var total int
	today := s.todayStr()
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, total, err = tx.OverdueList(today, f)
		return err
	})
	for i := range out {
		out[i].OverdueDays = daysBetween(out[i].DueDate, today)
	}
	return out, total, err
}
