package transfer

import (
	"context"
	"errors"
	"io"

	"shuwu/internal/catalog"
	"shuwu/internal/marcmap"
)

// PreviewRecord is one incoming record as the import would store it.
type PreviewRecord struct {
	Record   int               `json:"record"` // 1-based position in the file
	Data     catalog.Record    `json:"data"`
	Holdings []marcmap.Holding `json:"holdings"`
	Warnings []Problem         `json:"warnings"`
	Reject   *Problem          `json:"reject,omitempty"`
	// Action is what the import would do: added, overlaid, skipped or
	// rejected; MatchID the record it matches.
	Action  Outcome `json:"action"`
	MatchID int64   `json:"match_id,omitempty"`
}

// PreviewMARC reads the first n records of a MARC file and says how each
// would be stored, storing nothing.
func (s *Service) PreviewMARC(ctx context.Context, in io.Reader, o MARCOptions, n int) ([]PreviewRecord, error) {
	src, err := s.newMARCSource(in, o)
	if err != nil {
		return nil, err
	}
	mode, on := o.Match, o.OnMatch
	if mode == "" {
		mode = MatchISBNTitle
	}
	if on == "" {
		on = OnMatchSkip
	}
	var out []PreviewRecord
	for len(out) < n {
		d, err := src.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return out, err
		}
		p := PreviewRecord{Record: d.pos, Reject: d.reject, Action: Rejected}
		if d.entry != nil {
			p.Data, p.Holdings, p.Warnings = d.entry.record, d.entry.holdings, d.entry.warnings
			err := s.store.View(ctx, func(tx Tx) (err error) {
				p.MatchID, err = s.match(tx, d.entry, mode)
				return err
			})
			if err != nil {
				return out, err
			}
			switch {
			case p.MatchID == 0 || on == OnMatchNew:
				p.Action = Added
			case on == OnMatchSkip:
				p.Action = Skipped
			case on == OnMatchAddCopies:
				p.Action = Matched
			default:
				p.Action = Overlaid
			}
		}
		out = append(out, p)
	}
	return out, nil
}
