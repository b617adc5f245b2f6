// Package annualreport drafts the reading room's annual work report
// (年度工作报告) from the statistics of a year or any range: collection
// size and growth by source and category, readers served and their
// classes, the activities with their forms and organisers, leader visits,
// and the highlights. The librarian rewrites any section's text; the
// tables stay computed from the data, each figure linked to what is
// behind it. A surface renders it as a page, a print sheet or a .docx.
package annualreport

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
	"shuwu/internal/stats"
)

// Report is a drafted (and maybe rewritten) annual report.
type Report struct {
	Title    string      `json:"title"`
	Library  string      `json:"library"`
	Range    stats.Range `json:"range"`
	Sections []Section   `json:"sections"`
	// Edited says whether the librarian rewrote any section, and when.
	Edited   bool      `json:"edited"`
	EditedAt time.Time `json:"edited_at,omitempty"`
	EditedBy string    `json:"edited_by,omitempty"`
}

// Section is one part of the report: a heading, its text (paragraphs
// separated by blank lines) and the table of the figures it cites.
type Section struct {
	Key     string `json:"key"`
	Heading string `json:"heading"`
	Text    string `json:"text"`
	// Draft is the generated text, kept when the librarian rewrote Text so
	// the page can offer to go back to it.
	Draft  string `json:"draft"`
	Edited bool   `json:"edited"`
	Table  *Table `json:"table,omitempty"`
}

// Paragraphs is the section's text split into paragraphs.
func (s Section) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s.Text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Table is a section's figures.
type Table struct {
	Columns []string `json:"columns"`
	Rows    [][]Cell `json:"rows"`
}

// Cell is one figure or label; Link is where the data behind it is shown.
type Cell struct {
	Text string `json:"text"`
	Link string `json:"link,omitempty"`
}

// Store keeps the librarian's rewritten texts.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx reads and writes settings: the rewritten texts live under one key
// per range.
type Tx interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Audit(e audit.Entry) error
}

// Service drafts reports and keeps their edits.
type Service struct {
	stats   *stats.Service
	store   Store
	library func(ctx context.Context) (string, error)
	tz      *time.Location
	now     func() time.Time
}

// NewService builds the service; library returns the library's name, tz
// is the library's time zone (the dates of the activities).
func NewService(st *stats.Service, store Store, library func(ctx context.Context) (string, error), tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	if tz == nil {
		tz = time.UTC
	}
	return &Service{stats: st, store: store, library: library, tz: tz, now: now}
}

// edits is what is stored for a range: rewritten texts by section key.
type edits struct {
	Texts map[string]string `json:"texts"`
	At    time.Time         `json:"at"`
	By    string            `json:"by"`
}

func editsKey(r stats.Range) string { return "annual_report:" + r.From + ":" + r.To }

// maxText bounds one section's text (a few pages).
const maxText = 20000

// Report drafts the report of r and lays the librarian's texts over it.
func (s *Service) Report(ctx context.Context, r stats.Range) (Report, error) {
	d, err := s.stats.Dashboard(ctx, r)
	if err != nil {
		return Report{}, err
	}
	name, err := s.library(ctx)
	if err != nil {
		return Report{}, err
	}
	rep := Draft(d, name, s.tz)
	var e edits
	err = s.store.View(ctx, func(tx Tx) error {
		raw, err := tx.Setting(editsKey(r))
		if err != nil || raw == "" {
			return err
		}
		return json.Unmarshal([]byte(raw), &e)
	})
	if err != nil {
		return Report{}, err
	}
	for i := range rep.Sections {
		sec := &rep.Sections[i]
		sec.Draft = sec.Text
		if t, ok := e.Texts[sec.Key]; ok {
			sec.Text, sec.Edited = t, true
			rep.Edited, rep.EditedAt, rep.EditedBy = true, e.At, e.By
		}
	}
	return rep, nil
}

// SaveText stores the librarian's text of one section; an empty text
// goes back to the draft.
func (s *Service) SaveText(ctx context.Context, r stats.Range, key, text string) error {
	text = plaintext.Text(text)
	if len([]rune(text)) > maxText {
		return errs.Invalid(CodeTextTooLong, "text", "这一部分的文字太长（最多 20000 字）", "the section's text is too long (20,000 characters at most)")
	}
	if !knownSection(key) {
		return errs.Invalid(CodeSectionUnknown, "section", "报告中没有这一部分", "the report has no such section")
	}
	a := audit.ActorFrom(ctx)
	return s.store.Update(ctx, func(tx Tx) error {
		var e edits
		raw, err := tx.Setting(editsKey(r))
		if err != nil {
			return err
		}
		if raw != "" {
			if err := json.Unmarshal([]byte(raw), &e); err != nil {
				return err
			}
		}
		if e.Texts == nil {
			e.Texts = map[string]string{}
		}
		if text == "" {
			delete(e.Texts, key)
		} else {
			e.Texts[key] = text
		}
		e.At, e.By = s.now(), a.Name
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := tx.SetSetting(editsKey(r), string(b)); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "annual_report", r.From+"~"+r.To, "修改年度工作报告（"+r.From+" 至 "+r.To+"）的“"+sectionHeading(key)+"”"))
	})
}
