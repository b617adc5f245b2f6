package circulation

import (
	"context"
	"time"
)

// PersonalData is everything shuwu holds about one reader, for the copy
// a reader may ask for (个人信息副本): the registration, classes, what is
// on loan and on hold, and the whole loan history.
type PersonalData struct {
	ExportedAt time.Time     `json:"exported_at"`
	Account    Account       `json:"account"`
	History    []HistoryLine `json:"history"`
}

// maxPersonalHistory bounds the history in one copy: more than forty years
// of daily loans.
const maxPersonalHistory = 20000

// PersonalData gathers the reader's data with card.
func (s *Service) PersonalData(ctx context.Context, card string) (PersonalData, error) {
	acc, err := s.Account(ctx, card)
	if err != nil {
		return PersonalData{}, err
	}
	d := PersonalData{ExportedAt: s.now(), Account: acc, History: []HistoryLine{}}
	var before int64
	for len(d.History) < maxPersonalHistory {
		page, err := s.History(ctx, acc.Reader.ID, 1000, before)
		if err != nil {
			return PersonalData{}, err
		}
		d.History = append(d.History, page...)
		if len(page) < 1000 {
			break
		}
		before = page[len(page)-1].ID
	}
	return d, nil
}
